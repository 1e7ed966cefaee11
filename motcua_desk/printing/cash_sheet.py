"""BẢNG KÊ THU PHÍ, LỆ PHÍ TRONG NGÀY: the day's payments per officer and fee type, as PDF
(A4 portrait) and XLSX. For the officer's own count and the hand-over to the accountant:
it is NOT a receipt (electronic receipts are mandatory from 01/01/2027, NĐ 254/2026), and
says so on every page in capitals, in the title and in the file's properties. Nothing on it
is addressed to the citizen, nothing is signed by the citizen.

XLSX: amounts are numbers (format #,##0), the subtotal of each fee type is a SUM over its
rows, the officer's total the SUM of his subtotals, the day's total the SUM of the officers',
and the totals per payment method SUMIF over the method column; every formula is written
with its value.
"""

from __future__ import annotations

import io
from datetime import datetime

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Table

from motcua_desk.domain.dto import AgencyInfo
from motcua_desk.domain.fees import FEE_METHOD_LABELS_VI, FEE_METHODS, CashSheet, vnd
from motcua_desk.printing import fonts
from motcua_desk.printing.document import Marks, build_pdf
from motcua_desk.printing.layout import (
    Gap,
    P,
    clean,
    esc,
    grid_style,
    make_styles,
    national_header,
    signature_blocks,
    vn_date,
)
from motcua_desk.printing.paged import GroupStart, PageBook, PagedTable, RowNumber, paged_canvas

NOT_A_RECEIPT = "KHÔNG PHẢI BIÊN LAI"
NOT_A_RECEIPT_NOTE = (
    "Bảng kê dùng để đối chiếu, bàn giao tiền trong nội bộ; không phải biên "
    "lai thu phí, lệ phí. Biên lai do hệ thống biên lai điện tử cấp."
)
TITLE = "BẢNG KÊ THU PHÍ, LỆ PHÍ TRONG NGÀY"
PAGE = A4
MARGINS = (16 * mm, 10 * mm, 13 * mm, 12 * mm)  # top (room for the band), right, bottom, left
CELL_SIZE = 8.0
HEADERS = (
    "STT",
    "Mã hồ sơ",
    "Số thứ tự",
    "Người nộp hồ sơ",
    "Giờ thu",
    "Số tiền (đồng)",
    "Hình thức",
    "Mã tra cứu biên lai điện tử / ghi chú",
)
WIDTHS_MM = (9, 41, 15, 37, 13, 22, 20, 0)  # last: the rest


def _frame_width() -> float:
    return PAGE[0] - MARGINS[1] - MARGINS[3]


def _page_marks(label: str):
    """Each page: the NOT A RECEIPT band at the top, the sheet's name and "Trang x/y" below."""

    def draw(canvas, page: int, pages: int, rows: int, group: str) -> None:
        w, h = PAGE
        canvas.saveState()
        band_h = 7 * mm
        y = h - MARGINS[0] + 3 * mm
        canvas.setStrokeColor(colors.black)
        canvas.setLineWidth(1.2)
        canvas.rect(MARGINS[3], y, w - MARGINS[1] - MARGINS[3], band_h, stroke=1, fill=0)
        canvas.setFont(fonts.BOLD, 12)
        canvas.drawCentredString(w / 2, y + 2.1 * mm, f"{NOT_A_RECEIPT} – KHÔNG GIAO CHO NGƯỜI NỘP")
        yb = MARGINS[2] / 2 - 2
        canvas.setFont(fonts.ITALIC, 8)
        canvas.drawString(MARGINS[3], yb, f"{label} – {NOT_A_RECEIPT.lower()}")
        canvas.setFont(fonts.REGULAR, 8.5)
        canvas.drawCentredString(w / 2, yb, f"Số khoản thu trong trang: {rows}")
        canvas.drawRightString(w - MARGINS[1], yb, f"Trang {page}/{pages}")
        canvas.restoreState()

    return draw


def _roman(n: int) -> str:
    from motcua_desk.printing.report_parts import _roman as roman

    return roman(n)


def cash_sheet_pdf(sheet: CashSheet, agency: AgencyInfo) -> bytes:
    """The day's cash sheet: for each officer (I, II, …) and fee type (1, 2, …) its payments,
    each fee type's subtotal, the officer's total; then the day's totals by payment method
    and the signatures of the officer and the accountant (nobody else's)."""
    fonts.register_fonts()
    st = make_styles(CELL_SIZE + 1.5)
    head_st = make_styles(10.5)
    width = _frame_width()
    widths = [w * mm for w in WIDTHS_MM[:-1]]
    widths.append(width - sum(widths))
    book = PageBook()
    header = [P(h, st.cell_h) for h in HEADERS]
    style = grid_style(
        ("FONT", (0, 1), (-1, -1), fonts.REGULAR, CELL_SIZE, CELL_SIZE * 1.18),
        ("ALIGN", (2, 1), (2, -1), "CENTER"),
        ("ALIGN", (4, 1), (4, -1), "CENTER"),
        ("ALIGN", (5, 1), (5, -1), "RIGHT"),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
        pad=2.2,
    )
    cell = make_styles(CELL_SIZE + 1).cell
    keep_next = ParagraphStyle("keep_next", parent=st.body, keepWithNext=1)

    def text(value: object) -> object:
        v = clean(value)
        return P(esc(v), cell) if len(v) > 18 else v

    story: list[Flowable] = [
        GroupStart("sheet", book),
        national_header(agency, sheet.day, head_st, width, left_share=0.42),
        Gap(4 * mm),
        P(TITLE, st.title),
        P(f"<b>({NOT_A_RECEIPT})</b>", st.center),
        P(f"Ngày thu: {esc(vn_date(sheet.day))}", st.center_i),
    ]
    if sheet.officer:
        story.append(P(f"Người thu: <b>{esc(sheet.officer)}</b>", st.center))
    story.append(Gap(3 * mm))
    n = 0
    for i, officer in enumerate(sheet.officers, 1):
        story.append(
            P(
                f"<b>{_roman(i)}. Người thu: {esc(officer.officer) or '……'}</b> "
                f"({len(officer.rows)} khoản)",
                st.body,
            )
        )
        story.append(Gap(1 * mm))
        for j, group in enumerate(officer.fee_types, 1):
            story.append(
                P(
                    f"<b>{j}. Phí, lệ phí thủ tục:</b> {esc(group.procedure_name)}"
                    + (f" ({esc(group.procedure_code)})" if group.procedure_code else ""),
                    keep_next,
                )
            )
            rows = []
            for r in group.rows:
                n += 1
                ref = "; ".join(x for x in (clean(r.receipt_ref), clean(r.note)) if x)
                rows.append(
                    [
                        RowNumber(str(n), book, CELL_SIZE),
                        clean(r.code),
                        clean(r.ticket),
                        text(r.applicant),
                        f"{r.at:%H:%M}",
                        vnd(r.amount),
                        r.method_label,
                        text(ref),
                    ]
                )
            story.append(PagedTable([header], rows, widths, style))
            story.append(
                P(
                    f"Cộng mục {j}: <b>{vnd(group.total)}</b> đồng ({len(group.rows)} khoản).",
                    st.body,
                )
            )
            story.append(Gap(1.5 * mm))
        story.append(
            P(f"<b>Cộng người thu {esc(officer.officer)}: {vnd(officer.total)} đồng</b>", st.body)
        )
        story.append(Gap(3 * mm))
    if not sheet.officers:
        story.append(P("Không có khoản thu nào trong ngày.", st.center_i))
        story.append(Gap(3 * mm))
    by_method = sheet.total_by_method()
    totals = [[P("<b>Hình thức</b>", st.cell_h), P("<b>Số tiền (đồng)</b>", st.cell_h)]]
    totals += [[FEE_METHOD_LABELS_VI[m], vnd(by_method[m])] for m in FEE_METHODS]
    totals.append(["Tổng cộng", vnd(sheet.total)])
    t = Table(totals, colWidths=[45 * mm, 35 * mm], hAlign="LEFT")
    t.setStyle(
        grid_style(
            ("FONT", (0, 1), (-1, -1), fonts.REGULAR, CELL_SIZE + 1),
            ("FONT", (0, -1), (-1, -1), fonts.BOLD, CELL_SIZE + 1),
            ("ALIGN", (1, 1), (1, -1), "RIGHT"),
            pad=2.2,
        )
    )
    officer_name = clean(sheet.officer) or (
        clean(sheet.officers[0].officer) if len(sheet.officers) == 1 else ""
    )
    story.append(
        KeepTogether(
            [
                P(f"<b>TỔNG HỢP TRONG NGÀY</b> ({len(sheet.rows)} khoản)", st.body),
                Gap(1 * mm),
                t,
                Gap(2 * mm),
                P(f"<i>{esc(NOT_A_RECEIPT_NOTE)}</i>", st.body),
                Gap(3 * mm),
                signature_blocks(
                    [
                        ("NGƯỜI LẬP BẢNG KÊ", "(Ký và ghi rõ họ tên)", officer_name),
                        ("KẾ TOÁN / THỦ QUỸ", "(Ký và ghi rõ họ tên)", ""),
                    ],
                    st,
                    width * 0.9,
                    gap=16 * mm,
                ),
            ]
        )
    )
    label = f"Bảng kê thu phí, lệ phí ngày {sheet.day:%d/%m/%Y}"
    return build_pdf(
        story,
        pagesize=PAGE,
        margins=MARGINS,
        moment=sheet.day,
        marks=Marks(demo=bool(agency.demo)),
        title=f"{label} ({NOT_A_RECEIPT.lower()})",
        author=agency.agency_name,
        subject=NOT_A_RECEIPT_NOTE,
        canvasmaker=paged_canvas(book, _page_marks(label)),
    )


# --- XLSX ------------------------------------------------------------------------------------

XLSX_COLUMNS = (
    "STT",
    "Người thu",
    "Mã thủ tục",
    "Phí, lệ phí thủ tục",
    "Mã hồ sơ",
    "Số thứ tự",
    "Người nộp hồ sơ",
    "Thời điểm thu",
    "Số tiền (đồng)",
    "Hình thức",
    "Mã tra cứu biên lai điện tử",
    "Ghi chú",
)
XLSX_WIDTHS = (6, 22, 11, 40, 27, 10, 26, 16, 15, 14, 24, 16)
AMOUNT_COL = 8  # I
METHOD_COL = 9  # J


def cash_sheet_xlsx(sheet: CashSheet, agency: AgencyInfo) -> bytes:
    import xlsxwriter
    from xlsxwriter.utility import xl_rowcol_to_cell

    from motcua_desk.printing.layout import MOTTO, NATION, place_date

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
    wb.set_properties(
        {
            "title": f"Bảng kê thu phí, lệ phí ngày {sheet.day:%d/%m/%Y}",
            "subject": NOT_A_RECEIPT,
            "author": clean(agency.agency_name),
            "company": clean(agency.parent_name),
            "comments": NOT_A_RECEIPT_NOTE,
            "created": datetime.combine(sheet.day, datetime.min.time()),
        }
    )
    base = {"font_name": "Times New Roman", "font_size": 11}
    fm = {
        k: wb.add_format(v)
        for k, v in {
            "head": {**base, "align": "center"},
            "head_b": {**base, "bold": True, "align": "center"},
            "head_i": {**base, "italic": True, "align": "center"},
            "title": {**base, "bold": True, "font_size": 13, "align": "center"},
            "warn": {**base, "bold": True, "font_size": 13, "align": "center", "border": 2},
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
            "text_b": {**base, "border": 1, "bold": True, "font_size": 10},
            "money": {**base, "border": 1, "num_format": "#,##0", "font_size": 10},
            "money_b": {**base, "border": 1, "num_format": "#,##0", "bold": True, "font_size": 10},
            "when": {
                **base,
                "border": 1,
                "num_format": "dd/mm/yyyy hh:mm",
                "align": "center",
                "valign": "top",
                "font_size": 10,
            },
            "sign": {**base, "bold": True, "align": "center"},
            "italic": {**base, "italic": True},
        }.items()
    }
    ws = wb.add_worksheet("Bảng kê thu")
    ws.set_paper(9)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    last_col = len(XLSX_COLUMNS) - 1
    for i, w in enumerate(XLSX_WIDTHS):
        ws.set_column(i, i, w)
    split = 4
    ws.merge_range(0, 0, 0, split, clean(agency.parent_name).upper(), fm["head"])
    ws.merge_range(1, 0, 1, split, clean(agency.agency_name).upper(), fm["head_b"])
    ws.merge_range(0, split + 1, 0, last_col, NATION, fm["head_b"])
    ws.merge_range(1, split + 1, 1, last_col, MOTTO, fm["head_b"])
    ws.merge_range(2, split + 1, 2, last_col, place_date(agency, sheet.day), fm["head_i"])
    ws.merge_range(4, 0, 4, last_col, TITLE, fm["title"])
    ws.merge_range(5, 0, 5, last_col, f"{NOT_A_RECEIPT} – KHÔNG GIAO CHO NGƯỜI NỘP", fm["warn"])
    ws.merge_range(
        6,
        0,
        6,
        last_col,
        f"Ngày thu: {vn_date(sheet.day)}"
        + (f" – Người thu: {clean(sheet.officer)}" if sheet.officer else ""),
        fm["head_i"],
    )
    head = 8
    for i, h in enumerate(XLSX_COLUMNS):
        ws.write_string(head, i, h, fm["th"])
    ws.set_row(head, 32)
    ws.freeze_panes(head + 1, 0)
    row = head + 1
    first_data = row
    n = 0
    officer_totals: list[str] = []
    amount = xl_rowcol_to_cell
    for officer in sheet.officers:
        subtotals: list[str] = []
        for group in officer.fee_types:
            start = row
            for r in group.rows:
                n += 1
                ws.write_number(row, 0, n, fm["no"])
                ws.write_string(row, 1, clean(r.officer), fm["text"])
                ws.write_string(row, 2, clean(r.procedure_code), fm["text"])
                ws.write_string(row, 3, clean(r.procedure_name), fm["text"])
                ws.write_string(row, 4, clean(r.code), fm["text"])
                ws.write_string(row, 5, clean(r.ticket), fm["text"])
                ws.write_string(row, 6, clean(r.applicant), fm["text"])
                ws.write_datetime(row, 7, r.at.replace(tzinfo=None), fm["when"])
                ws.write_number(row, AMOUNT_COL, r.amount, fm["money"])
                ws.write_string(row, METHOD_COL, r.method_label, fm["text"])
                ws.write_string(row, 10, clean(r.receipt_ref), fm["text"])
                ws.write_string(row, 11, clean(r.note), fm["text"])
                row += 1
            ws.merge_range(
                row,
                0,
                row,
                AMOUNT_COL - 1,
                f"Cộng {clean(officer.officer)} – {clean(group.procedure_name)}",
                fm["text_b"],
            )
            ws.write_formula(
                row,
                AMOUNT_COL,
                f"=SUM({amount(start, AMOUNT_COL)}:{amount(row - 1, AMOUNT_COL)})",
                fm["money_b"],
                group.total,
            )
            subtotals.append(amount(row, AMOUNT_COL))
            row += 1
        ws.merge_range(
            row, 0, row, AMOUNT_COL - 1, f"Cộng người thu {clean(officer.officer)}", fm["text_b"]
        )
        ws.write_formula(
            row, AMOUNT_COL, f"=SUM({','.join(subtotals)})", fm["money_b"], officer.total
        )
        officer_totals.append(amount(row, AMOUNT_COL))
        row += 1
    last_data = max(row - 1, first_data)
    ws.merge_range(row, 0, row, AMOUNT_COL - 1, "TỔNG CỘNG TRONG NGÀY", fm["text_b"])
    total_formula = f"=SUM({','.join(officer_totals)})" if officer_totals else "=0"
    ws.write_formula(row, AMOUNT_COL, total_formula, fm["money_b"], sheet.total)
    row += 2
    ws.merge_range(row, 6, row, 7, "Theo hình thức", fm["th"])
    ws.write_string(row, AMOUNT_COL, "Số tiền (đồng)", fm["th"])
    row += 1
    methods = f"$J${first_data + 1}:$J${last_data + 1}"
    amounts = f"$I${first_data + 1}:$I${last_data + 1}"
    by_method = sheet.total_by_method()
    first_method = row
    for m in FEE_METHODS:
        ws.merge_range(row, 6, row, 7, FEE_METHOD_LABELS_VI[m], fm["text"])
        ws.write_formula(
            row,
            AMOUNT_COL,
            f'=SUMIF({methods},"{FEE_METHOD_LABELS_VI[m]}",{amounts})',
            fm["money"],
            by_method[m],
        )
        row += 1
    ws.merge_range(row, 6, row, 7, "Cộng (bằng tổng cộng trong ngày)", fm["text_b"])
    ws.write_formula(
        row,
        AMOUNT_COL,
        f"=SUM({amount(first_method, AMOUNT_COL)}:{amount(row - 1, AMOUNT_COL)})",
        fm["money_b"],
        sheet.total,
    )
    row += 2
    ws.merge_range(row, 0, row, last_col, NOT_A_RECEIPT_NOTE, fm["italic"])
    row += 2
    ws.merge_range(row, 0, row, 5, "NGƯỜI LẬP BẢNG KÊ", fm["sign"])
    ws.merge_range(row, 6, row, last_col, "KẾ TOÁN / THỦ QUỸ", fm["sign"])
    ws.merge_range(row + 1, 0, row + 1, 5, "(Ký và ghi rõ họ tên)", fm["head_i"])
    ws.merge_range(row + 1, 6, row + 1, last_col, "(Ký và ghi rõ họ tên)", fm["head_i"])
    name = clean(sheet.officer) or (
        clean(sheet.officers[0].officer) if len(sheet.officers) == 1 else ""
    )
    if name:
        ws.merge_range(row + 5, 0, row + 5, 5, name, fm["sign"])
    ws.repeat_rows(head, head)
    ws.set_header(f"&C&B{NOT_A_RECEIPT}")
    ws.set_footer(f"&L&8Bảng kê thu phí, lệ phí – {NOT_A_RECEIPT.lower()}&R&8Trang &P/&N")
    wb.close()
    return buf.getvalue()


__all__ = ["NOT_A_RECEIPT", "cash_sheet_pdf", "cash_sheet_xlsx"]
