"""The office's figures as spreadsheets (XLSX through XlsxWriter), for the province's staff to
paste into their own workbooks: the same columns as the paper, numbers as numbers, dates as
dates, and the totals as formulas. Every formula is written with its value (the cached result),
so a reader without a calculation engine sees the figures too.

Biểu 06: on a procedure's row the form's own columns are numbers and its sum columns ((3), (7),
(11)) formulas over that row (=D+E+F as the form defines them); a field's row is the SUM of its
procedures' rows, column by column; the total is the SUM of the fields' rows.
The late list: one flat table (a row per dossier, its department in a column), and a summary
per department whose counts are COUNTIFS over the table.

Here Biểu 06; the late list is printing.late_workbook, the parts of every workbook
printing.workbook (their names are still importable from here).
"""

from __future__ import annotations

from datetime import date

from xlsxwriter.utility import xl_rowcol_to_cell

from motcua_desk.domain.dto import AgencyInfo
from motcua_desk.domain.reports import Report
from motcua_desk.printing.late_workbook import LATE_COLUMNS, LATE_WIDTHS, SUMMARY, _local, late_xlsx
from motcua_desk.printing.report_parts import BY_LABEL, EXTRA_MARKS, period_text
from motcua_desk.printing.workbook import (
    FIRST_FIGURE_COL,
    SUM_CHUNK,
    _book,
    _formats,
    _national_header,
    _roman,
    _signatures,
    _sum_of,
)


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


__all__ = [
    "FIRST_FIGURE_COL",
    "LATE_COLUMNS",
    "LATE_WIDTHS",
    "SUMMARY",
    "SUM_CHUNK",
    "_book",
    "_formats",
    "_local",
    "_national_header",
    "_roman",
    "_signatures",
    "_sum_of",
    "bieu06_xlsx",
    "late_xlsx",
]
