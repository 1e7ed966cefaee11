"""The late list as a workbook: one flat table (a row per dossier, its department in a
column), and a summary per department whose counts are COUNTIFS over the table.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

from motcua_desk.domain.dto import AgencyInfo
from motcua_desk.domain.late_report import LateReport
from motcua_desk.printing.late_list import KIND_LABEL
from motcua_desk.printing.report_parts import period_text
from motcua_desk.printing.workbook import _book, _formats, _national_header, _signatures

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
    ("Có gia hạn", "extended"),  # as the PDF and the text: every extended one, of any kind
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
    extended_to = f"$K${first_data + 1}:$K${last_data + 1}"  # "Gia hạn đến": set when extended
    first_sum = row
    for n, g in enumerate(late.groups, 1):
        c = g.counts
        name_cell = xl_rowcol_to_cell(row, 1)
        ws.write_number(row, 0, n, fm["no"])
        ws.write_string(row, 1, g.department, fm["text"])
        ws.write_formula(row, 2, f"=COUNTIFS({dept},{name_cell})", fm["num"], c["total"])
        for k, (key, label) in enumerate(
            (("late", KIND_LABEL["late"]), ("overdue", KIND_LABEL["overdue"]))
        ):
            value = sum(e.kind == key for e in g.entries)
            ws.write_formula(
                row, 3 + k, f'=COUNTIFS({dept},{name_cell},{kind},"{label}")', fm["num"], value
            )
        ws.write_formula(
            row, 5, f'=COUNTIFS({dept},{name_cell},{extended_to},"<>")', fm["num"], c["extended"]
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
        totals["extended"],
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
