"""The ledger as it was printed before its rows were drawn straight on the canvas: one
platypus Table per page (printing.paged.PagedTable), every cell a table string or a
Paragraph. Kept as the oracle of the drawn ledger: the same rows on the same pages, the same
paper (tests/printing/test_ledger_drawn.py compares the two)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from motcua_desk.domain.dto import AgencyInfo, DossierView
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
    two,
    vn_date,
)
from motcua_desk.printing.ledgers import (
    CELL_SIZE,
    LEDGER_HEADERS,
    LEDGER_WIDTHS_MM,
    MARGINS,
    PAGE,
    _Cells,
    _code_cell,
    _day,
    _footer,
    _frame_width,
)
from motcua_desk.printing.paged import GroupStart, PageBook, PagedTable, RowNumber, paged_canvas


def ledger_pdf_tables(
    rows: Sequence[DossierView], agency: AgencyInfo, date_from: date, date_to: date, *, printed_on
) -> bytes:
    fonts.register_fonts()
    st = make_styles(CELL_SIZE + 1)
    width = _frame_width()
    widths = [w * mm for w in LEDGER_WIDTHS_MM[:-1]]
    widths.append(width - sum(widths))
    book = PageBook()
    cells = _Cells(st, widths)
    books = sorted({r.ledger_book for r in rows if r.ledger_book})
    header = [P(h, st.cell_h) for h in LEDGER_HEADERS]
    numbers = [P(f"({i})", st.cell_c) for i in range(1, 12)]
    data: list[list] = [header, numbers]
    for r in rows:
        contact = [r.address, f"ĐT: {clean(r.phone)}" if clean(r.phone) else ""]
        method: list[str] = []
        if r.returned_at is not None:
            method = [r.return_method_label, r.returned_to]
        elif r.status in ("refused", "stopped", "voided", "rejected"):
            method = [r.status_label]
        data.append(
            [
                RowNumber(two(r.ledger_number), book, CELL_SIZE),
                _code_cell(r.code, widths[1]),
                cells.text(r.procedure_name, 2, shared=True),
                cells.text(r.applicant_name, 3),
                cells.lines(contact, 4),
                cells.text(r.department, 5, shared=True),
                _day(r.received_at),
                _day(r.due_at),
                _day(r.returned_at),
                cells.lines(method, 9),
                "",
            ]
        )
    period = (
        f"Từ {vn_date(date_from)} đến {vn_date(date_to)}"
        if date_from != date_to
        else f"Trong {vn_date(date_from)}"
    )
    first, last = (rows[0].ledger_number, rows[-1].ledger_number) if rows else (0, 0)
    story: list[Flowable] = [
        GroupStart("ledger", book),
        national_header(agency, printed_on, make_styles(10.5), width, left_share=0.4),
        Gap(4 * mm),
        P("SỔ THEO DÕI HỒ SƠ", st.title),
        P(f"Quyển số: <b>{esc(', '.join(books)) or '……'}</b>", st.center),
        P(esc(period), st.center_i),
        Gap(3 * mm),
        PagedTable(
            data[:2],
            data[2:],
            widths,
            grid_style(
                ("FONT", (0, 2), (-1, -1), fonts.REGULAR, CELL_SIZE, CELL_SIZE * 1.18),
                ("ALIGN", (6, 2), (9, -1), "CENTER"),
                ("VALIGN", (0, 2), (-1, -1), "TOP"),
                pad=_Cells.PAD,
                header_rows=2,
            ),
        ),
        Gap(3 * mm),
        P(
            f"Tổng cộng: <b>{len(rows)}</b> hồ sơ (số thứ tự từ {two(first)} đến {two(last)}).",
            st.body,
        ),
    ]
    label = f"Sổ theo dõi hồ sơ – Quyển số {', '.join(books) or '……'}"
    return build_pdf(
        story,
        pagesize=PAGE,
        margins=MARGINS,
        moment=date_to,
        marks=Marks(demo=bool(agency.demo)),
        title=f"Sổ theo dõi hồ sơ {date_from:%d/%m/%Y}–{date_to:%d/%m/%Y}",
        author=agency.agency_name,
        canvasmaker=paged_canvas(book, _footer(lambda g: label)),
    )
