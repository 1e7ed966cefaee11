"""The office's figures as spreadsheets (XLSX through XlsxWriter), for the province's staff to
paste into their own workbooks: the same columns as the paper, numbers as numbers, dates as
dates, and the totals as formulas. Every formula is written with its value (the cached result),
so a reader without a calculation engine sees the figures too.

Biểu 06: on a procedure's row the form's own columns are numbers and its sum columns ((3), (7),
(11)) formulas over that row (=D+E+F as the form defines them); a field's row is the SUM of its
procedures' rows, column by column; the total is the SUM of the fields' rows.
The late list: one flat table (a row per dossier, its department in a column), and a summary
per department whose counts are COUNTIFS over the table.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, datetime
from zoneinfo import ZoneInfo

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

from motcua_desk.domain.dto import AgencyInfo
from motcua_desk.domain.late_report import LateReport
from motcua_desk.domain.reports import Report
from motcua_desk.printing.layout import MOTTO, NATION, clean, place_date
from motcua_desk.printing.reports import BY_LABEL, EXTRA_MARKS, KIND_LABEL, period_text

FIRST_FIGURE_COL = 2  # A: STT, B: the name, C…: the figures
SUM_CHUNK = 200  # arguments per SUM (Excel allows 255)


def _sum_of(cells: Sequence[str]) -> str:
    if not cells:
        return "0"
    parts = [f"SUM({','.join(cells[i : i + SUM_CHUNK])})" for i in range(0, len(cells), SUM_CHUNK)]
    return "+".join(parts)


def _book(made_on: date | None, title: str, agency: AgencyInfo):
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(
        buf,
        {
            "in_memory": True,
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        },
    )
    moment = datetime.combine(made_on, datetime.min.time()) if made_on else None
    props = {
        "title": title,
        "author": clean(agency.agency_name),
        "company": clean(agency.parent_name),
        "comments": "motcua-desk",
    }
    if moment is not None:
        props["created"] = moment
    wb.set_properties(props)
    return wb, buf


def _formats(wb) -> dict:
    base = {"font_name": "Times New Roman", "font_size": 11}
    f = {
        "head": {**base, "align": "center"},
        "head_b": {**base, "bold": True, "align": "center"},
        "head_i": {**base, "italic": True, "align": "center"},
        "title": {
            **base,
            "bold": True,
            "font_size": 13,
            "align": "center",
            "valign": "vcenter",
            "text_wrap": True,
        },
        "italic": {**base, "italic": True},
        "right_i": {**base, "italic": True, "align": "right"},
        "th": {
            **base,
            "bold": True,
            "align": "center",
            "valign": "vcenter",
            "text_wrap": True,
            "border": 1,
            "bg_color": "#EDEDED",
            "font_size": 10,
        },
        "no": {**base, "align": "center", "border": 1, "font_size": 10},
        "text": {**base, "border": 1, "text_wrap": True, "valign": "top", "font_size": 10},
        "text_b": {
            **base,
            "border": 1,
            "text_wrap": True,
            "valign": "top",
            "bold": True,
            "font_size": 10,
        },
        "num": {**base, "border": 1, "num_format": "0", "align": "center", "font_size": 10},
        "num_b": {
            **base,
            "border": 1,
            "num_format": "0",
            "align": "center",
            "bold": True,
            "font_size": 10,
        },
        "when": {
            **base,
            "border": 1,
            "num_format": "dd/mm/yyyy hh:mm",
            "align": "center",
            "valign": "top",
            "font_size": 10,
        },
        "sign": {**base, "bold": True, "align": "center"},
    }
    return {k: wb.add_format(v) for k, v in f.items()}


def _national_header(ws, fm, agency: AgencyInfo, made_on, last_col: int) -> int:
    """Rows 1–3: the authority and unit on the left, the national title, motto and place-date
    on the right. Returns the next free row (0-based)."""
    split = max(1, last_col // 2 - 1)
    ws.merge_range(0, 0, 0, split, clean(agency.parent_name).upper(), fm["head"])
    ws.merge_range(1, 0, 1, split, clean(agency.agency_name).upper(), fm["head_b"])
    ws.merge_range(0, split + 1, 0, last_col, NATION, fm["head_b"])
    ws.merge_range(1, split + 1, 1, last_col, MOTTO, fm["head_b"])
    ws.merge_range(2, split + 1, 2, last_col, place_date(agency, made_on), fm["head_i"])
    return 4


# --- Biểu 06 ---------------------------------------------------------------------------------


def bieu06_xlsx(
    report: Report, agency: AgencyInfo, scope_label: str = "", made_on: date | None = None
) -> bytes:
    form = report.form
    cols = form.all_columns
    col_of = {c.key: FIRST_FIGURE_COL + i for i, c in enumerate(cols)}
    last_col = FIRST_FIGURE_COL + len(cols) - 1
    wb, buf = _book(
        made_on, f"{form.code} {report.period.first:%d/%m/%Y}–{report.period.last:%d/%m/%Y}", agency
    )
    fm = _formats(wb)
    ws = wb.add_worksheet("Biểu 06")
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.set_column(0, 0, 6)
    ws.set_column(1, 1, 48)
    ws.set_column(FIRST_FIGURE_COL, last_col, 10)
    row = _national_header(ws, fm, agency, made_on, last_col)
    code_line = form.code + (f" (ban hành kèm theo {form.legal_basis})" if form.legal_basis else "")
    ws.merge_range(row, 0, row, last_col, code_line, fm["italic"])
    row += 1
    ws.merge_range(row, 0, row, last_col, form.title, fm["title"])
    ws.set_row(row, 34)
    row += 1
    ws.merge_range(row, 0, row, last_col, f"Kỳ báo cáo: {period_text(report.period)}", fm["head_i"])
    row += 1
    if scope_label:
        ws.merge_range(row, 0, row, last_col, f"Phạm vi số liệu: {scope_label}", fm["head"])
        row += 1
    ws.merge_range(row, 0, row, last_col, form.unit, fm["right_i"])
    row += 1

    # the header: groups, labels, the law's column numbers
    top, mid, nos = row, row + 1, row + 2
    ws.merge_range(top, 0, mid, 0, "STT", fm["th"])
    ws.merge_range(top, 1, mid, 1, BY_LABEL.get(report.by, ""), fm["th"])
    group_of: dict[str, str] = {}
    for label, keys in form.groups:
        for k in keys:
            group_of[k] = label
    extras = {c.key for c in form.extra_columns}
    i = 0
    while i < len(cols):
        c = cols[i]
        label = "Ngoài biểu mẫu" if c.key in extras else group_of.get(c.key)
        if label is None:
            ws.merge_range(top, col_of[c.key], mid, col_of[c.key], c.label, fm["th"])
            i += 1
            continue
        j = i
        while (
            j < len(cols)
            and ("Ngoài biểu mẫu" if cols[j].key in extras else group_of.get(cols[j].key)) == label
        ):
            ws.write_string(mid, col_of[cols[j].key], cols[j].label, fm["th"])
            j += 1
        if j - i > 1:
            ws.merge_range(top, col_of[c.key], top, col_of[cols[j - 1].key], label, fm["th"])
        else:
            ws.write_string(top, col_of[c.key], label, fm["th"])
        i = j
    ws.set_row(mid, 64)
    ws.write_string(nos, 0, "(1)", fm["no"])
    ws.write_string(nos, 1, "(2)", fm["no"])
    marks = iter(EXTRA_MARKS)
    for c in cols:
        ws.write_string(
            nos, col_of[c.key], f"({next(marks)})" if c.key in extras else f"({c.no})", fm["no"]
        )
    ws.freeze_panes(nos + 1, 2)
    row = nos + 1

    def cell(r: int, key: str) -> str:
        return xl_rowcol_to_cell(r, col_of[key])

    # rows: a procedure's sum columns add its own cells; a field sums its procedures
    group_rows: list[int] = []
    items_of_group: dict[int, list[int]] = {}
    current: int | None = None
    g_no = i_no = 0
    for r in report.rows:
        if r.level == "group":
            g_no += 1
            i_no = 0
            current = row
            group_rows.append(row)
            items_of_group[row] = []
            ws.write_string(row, 0, _roman(g_no), fm["no"])
            ws.write_string(row, 1, r.item_name, fm["text_b"])  # figures: below
        else:
            i_no += 1
            if current is not None:
                items_of_group[current].append(row)
            ws.write_number(row, 0, i_no, fm["no"])
            name = f"{r.item_code} – {r.item_name}" if r.item_code else r.item_name
            if report.by == "procedure":
                name += f" ({r.group})"
            ws.write_string(row, 1, name, fm["text"])
            for c in cols:
                value = int(r.values[c.key])
                if c.sum:
                    ws.write_formula(
                        row,
                        col_of[c.key],
                        "=" + "+".join(cell(row, k) for k in c.sum),
                        fm["num"],
                        value,
                    )
                else:
                    ws.write_number(row, col_of[c.key], value, fm["num"])
        row += 1
    group_values = {
        gr: r
        for gr, r in zip(group_rows, [x for x in report.rows if x.level == "group"], strict=True)
    }
    for gr, items in items_of_group.items():
        for c in cols:
            col = col_of[c.key]
            if items:
                first, last = xl_rowcol_to_cell(items[0], col), xl_rowcol_to_cell(items[-1], col)
                formula = f"=SUM({first}:{last})"
            else:
                formula = "=0"
            ws.write_formula(gr, col, formula, fm["num_b"], int(group_values[gr].values[c.key]))
    total_row = row
    ws.write_blank(total_row, 0, None, fm["no"])
    ws.write_string(total_row, 1, "Tổng cộng", fm["text_b"])
    # the total adds the fields' rows; by procedure (no field rows) the procedures' rows
    summed = group_rows or list(range(nos + 1, total_row))
    for c in cols:
        col = col_of[c.key]
        ws.write_formula(
            total_row,
            col,
            "=" + _sum_of([xl_rowcol_to_cell(g, col) for g in summed]),
            fm["num_b"],
            int(report.total.values[c.key]),
        )
    row = total_row + 2
    notes = [
        "(3) = (4) + (5) + (6) = (7) + (11); (7) = (8) + (9) + (10); (11) = (12) + (13). "
        "Hồ sơ đã hủy và hồ sơ từ chối tiếp nhận không tính vào (3)–(13)."
    ]
    marks = iter(EXTRA_MARKS)
    for c in form.extra_columns:
        notes.append(f"({next(marks)}) {c.label}: ngoài biểu mẫu, để tham khảo.")
    for n in notes:
        ws.write_string(row, 0, n, fm["italic"])
        row += 1
    # the seeds' progress figures, as formulas over the total row
    v = report.total.values
    received, resolved = v.get("received_total", 0), v.get("resolved_total", 0)
    good = v.get("resolved_early", 0) + v.get("resolved_on_time", 0)
    if all(
        k in col_of
        for k in ("received_total", "resolved_total", "resolved_early", "resolved_on_time")
    ):
        t = {k: xl_rowcol_to_cell(total_row, col_of[k]) for k in col_of}
        pct = wb.add_format(
            {"font_name": "Times New Roman", "font_size": 11, "bold": True, "num_format": "0.00"}
        )
        row += 1
        ws.write_string(row, 1, "Tỷ lệ đã giải quyết (%) = (7) / (3)", fm["italic"])
        ws.write_formula(
            row,
            FIRST_FIGURE_COL,
            f'=IF({t["received_total"]}=0,"",ROUND(100*{t["resolved_total"]}/'
            f"{t['received_total']},2))",
            pct,
            round(100 * resolved / received, 2) if received else "",
        )
        row += 1
        ws.write_string(row, 1, "Tỷ lệ trước hạn và đúng hạn (%) = ((8) + (9)) / (7)", fm["italic"])
        ws.write_formula(
            row,
            FIRST_FIGURE_COL,
            f'=IF({t["resolved_total"]}=0,"",ROUND(100*({t["resolved_early"]}+'
            f"{t['resolved_on_time']})/{t['resolved_total']},2))",
            pct,
            round(100 * good / resolved, 2) if resolved else "",
        )
        row += 1
    _signatures(ws, fm, agency, row + 1, last_col)
    ws.repeat_rows(top, nos)
    ws.set_footer("&L&8" + form.code + "&R&8Trang &P/&N")
    wb.close()
    return buf.getvalue()


def _signatures(ws, fm, agency: AgencyInfo, row: int, last_col: int) -> None:
    split = max(1, last_col // 2)
    ws.merge_range(row, 0, row, split, "NGƯỜI LẬP BIỂU", fm["sign"])
    ws.merge_range(row, split + 1, row, last_col, "THỦ TRƯỞNG ĐƠN VỊ", fm["sign"])
    ws.merge_range(row + 1, 0, row + 1, split, "(Ký và ghi rõ họ tên)", fm["head_i"])
    ws.merge_range(
        row + 1, split + 1, row + 1, last_col, "(Ký, ghi rõ họ tên và đóng dấu)", fm["head_i"]
    )
    if clean(agency.officer):
        ws.merge_range(row + 5, 0, row + 5, split, clean(agency.officer), fm["sign"])


def _roman(n: int) -> str:
    from motcua_desk.printing.reports import _roman as roman

    return roman(n)


# --- late dossiers ---------------------------------------------------------------------------

LATE_COLUMNS = (
    "STT",
    "Cơ quan, đơn vị",
    "Mã hồ sơ",
    "Mã thủ tục",
    "Thủ tục hành chính",
    "Lĩnh vực",
    "Ngày nhận",
    "Hạn giải quyết",
    "Tình trạng",
    "Ngày có kết quả",
    "Gia hạn đến",
    "Có văn bản xin lỗi (Mẫu 04)",
    "Ngày văn bản xin lỗi",
    "Ngày in Mẫu 04",
    "Xin lỗi đúng thời hạn",
    "Lý do",
    "Số phiếu xếp hàng",
)
LATE_WIDTHS = (6, 28, 27, 11, 44, 14, 15, 15, 22, 15, 15, 12, 15, 15, 12, 30, 11)
SUMMARY = (
    ("Tổng số", None),
    ("Đã giải quyết quá hạn", "late"),
    ("Đang giải quyết, quá hạn", "overdue"),
    ("Đã gia hạn, đang giải quyết", "extended"),
    ("Đã có văn bản xin lỗi", "apology"),
)


def _local(moment: datetime | None, tz: ZoneInfo) -> datetime | None:
    return moment.astimezone(tz).replace(tzinfo=None) if moment is not None else None


def late_xlsx(
    late: LateReport,
    agency: AgencyInfo,
    tz: ZoneInfo,
    scope_label: str = "",
    made_on: date | None = None,
) -> bytes:
    last_col = len(LATE_COLUMNS) - 1
    wb, buf = _book(
        made_on, f"Hồ sơ quá hạn {late.period.first:%d/%m/%Y}–{late.period.last:%d/%m/%Y}", agency
    )
    fm = _formats(wb)
    ws = wb.add_worksheet("Hồ sơ quá hạn")
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    for i, w in enumerate(LATE_WIDTHS):
        ws.set_column(i, i, w)
    row = _national_header(ws, fm, agency, made_on, last_col)
    ws.merge_range(
        row, 0, row, last_col, "TỔNG HỢP HỒ SƠ GIẢI QUYẾT QUÁ HẠN VÀ VĂN BẢN XIN LỖI", fm["title"]
    )
    row += 1
    ws.merge_range(row, 0, row, last_col, f"Kỳ báo cáo: {period_text(late.period)}", fm["head_i"])
    row += 1
    if scope_label:
        ws.merge_range(row, 0, row, last_col, f"Phạm vi số liệu: {scope_label}", fm["head"])
        row += 1
    row += 1
    head = row
    for i, h in enumerate(LATE_COLUMNS):
        ws.write_string(head, i, h, fm["th"])
    ws.set_row(head, 45)
    ws.freeze_panes(head + 1, 0)
    row = head + 1
    first_data = row
    for n, e in enumerate(late.entries, 1):
        a = e.apology
        ws.write_number(row, 0, n, fm["no"])
        ws.write_string(row, 1, e.department, fm["text"])
        ws.write_string(row, 2, e.code, fm["text"])
        ws.write_string(row, 3, e.procedure_code, fm["text"])
        ws.write_string(row, 4, e.procedure_name, fm["text"])
        ws.write_string(row, 5, e.field, fm["text"])
        for col, moment in (
            (6, e.received_at),
            (7, e.due_at),
            (9, e.finished_at),
            (10, a.new_due),
            (12, a.at),
            (13, a.printed_at),
        ):
            local = _local(moment, tz)
            if local is None:
                ws.write_blank(row, col, None, fm["when"])
            else:
                ws.write_datetime(row, col, local, fm["when"])
        ws.write_string(row, 8, KIND_LABEL.get(e.kind, e.kind), fm["text"])
        ws.write_string(row, 11, "Có" if a.at is not None else "Chưa có", fm["text"])
        ws.write_string(
            row, 14, {True: "Đúng thời hạn", False: "Muộn", None: ""}[a.in_time], fm["text"]
        )
        ws.write_string(row, 15, a.reason, fm["text"])
        ws.write_string(row, 16, getattr(e, "ticket", ""), fm["text"])
        row += 1
    last_data = max(row - 1, first_data)
    if late.entries:
        ws.autofilter(head, 0, row - 1, last_col)
    # the summary per department: COUNTIFS over the table above
    row += 1
    ws.merge_range(row, 0, row, 5, "TỔNG HỢP THEO CƠ QUAN, ĐƠN VỊ", fm["head_b"])
    row += 1
    ws.write_string(row, 0, "STT", fm["th"])
    ws.write_string(row, 1, "Cơ quan, đơn vị", fm["th"])
    for k, (label, _) in enumerate(SUMMARY):
        ws.write_string(row, 2 + k, label, fm["th"])
    ws.set_row(row, 45)
    row += 1
    dept = f"$B${first_data + 1}:$B${last_data + 1}"
    kind = f"$I${first_data + 1}:$I${last_data + 1}"
    apology = f"$L${first_data + 1}:$L${last_data + 1}"
    first_sum = row
    for n, g in enumerate(late.groups, 1):
        c = g.counts
        name_cell = xl_rowcol_to_cell(row, 1)
        ws.write_number(row, 0, n, fm["no"])
        ws.write_string(row, 1, g.department, fm["text"])
        ws.write_formula(row, 2, f"=COUNTIFS({dept},{name_cell})", fm["num"], c["total"])
        for k, (key, label) in enumerate(
            (
                ("late", KIND_LABEL["late"]),
                ("overdue", KIND_LABEL["overdue"]),
                ("extended", KIND_LABEL["extended"]),
            )
        ):
            value = sum(e.kind == key for e in g.entries)
            ws.write_formula(
                row, 3 + k, f'=COUNTIFS({dept},{name_cell},{kind},"{label}")', fm["num"], value
            )
        ws.write_formula(
            row, 6, f'=COUNTIFS({dept},{name_cell},{apology},"Có")', fm["num"], c["apology"]
        )
        row += 1
    ws.write_blank(row, 0, None, fm["no"])
    ws.write_string(row, 1, "Tổng cộng", fm["text_b"])
    totals = late.counts
    total_values = [
        totals["total"],
        totals["late"],
        totals["overdue"],
        sum(e.kind == "extended" for e in late.entries),
        totals["apology"],
    ]
    for k, value in enumerate(total_values):
        col = 2 + k
        letter = xl_col_to_name(col)
        formula = f"=SUM({letter}{first_sum + 1}:{letter}{row})" if late.groups else "=0"
        ws.write_formula(row, col, formula, fm["num_b"], value)
    _signatures(ws, fm, agency, row + 3, last_col)
    ws.repeat_rows(head, head)
    ws.set_footer("&L&8Hồ sơ quá hạn và văn bản xin lỗi&R&8Trang &P/&N")
    wb.close()
    return buf.getvalue()


__all__ = ["bieu06_xlsx", "late_xlsx"]
