"""The books: Mẫu 07 SỔ THEO DÕI HỒ SƠ (the tracking ledger) and the daily handoff list
DANH SÁCH BÀN GIAO HỒ SƠ, both A4 landscape.

Rows are table rows that never split across pages (reportlab splits a table between rows
only); the column headers repeat on every page; the footer of each page says "Trang x/y" and
how many dossiers the page carries, counted while the rows are drawn (so the figures are
those of the paper, not of an estimate).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, PageBreak

from motcua_desk.domain.dto import AgencyInfo, DossierView, HandoffEntry
from motcua_desk.printing import fonts
from motcua_desk.printing.document import Marks, build_pdf
from motcua_desk.printing.layout import (
    Gap,
    P,
    Styles,
    clean,
    esc,
    grid_style,
    make_styles,
    national_header,
    signature_blocks,
    two,
    vn_date,
)
from motcua_desk.printing.paged import GroupStart, PageBook, PagedTable, RowNumber, paged_canvas
from motcua_desk.printing.ruled import Breaker, Column, Face, Row, RowMaker, RuledTable

PAGE = landscape(A4)
MARGINS = (11 * mm, 10 * mm, 13 * mm, 12 * mm)  # top, right, bottom, left
DESK_UNIT = "Bộ phận Một cửa"
CELL_SIZE = 8.0


def _frame_width() -> float:
    return PAGE[0] - MARGINS[1] - MARGINS[3]


def _day(moment: datetime | None) -> str:
    return f"{moment:%d/%m/%Y}\n{moment:%H:%M}" if moment else ""


def _code_cell(code: str, width: float) -> str:
    """The code on one line when it fits the column, else broken after the agency id."""
    if stringWidth(code, fonts.REGULAR, CELL_SIZE) <= width - 5:
        return code
    head, _, tail = code.partition("-")
    return f"{head}-\n{tail}" if tail else code


class _Cells:
    """Cell contents for long lists, made cheaply: a text that fits its column on one line
    is a plain table string (drawn as is); a longer one is a Paragraph that wraps inside the
    cell. Paragraphs of repeated texts (procedures, departments) are made once and shared: a
    shared paragraph is wrapped once at its column width and drawn wherever it appears."""

    PAD = 2.2  # the lists' cell padding

    def __init__(self, st: Styles, widths: Sequence[float]) -> None:
        self.st = st
        self.room = [w - 2 * self.PAD - 0.5 for w in widths]
        self._shared: dict[tuple[str, int], object] = {}

    def _fits(self, text: str, col: int) -> bool:
        return stringWidth(text, fonts.REGULAR, CELL_SIZE) <= self.room[col]

    def text(self, text: object, col: int, *, shared: bool = False):
        """Plain text (NFC) for column `col`: one line when it fits, wrapped otherwise."""
        value = clean(text)
        if shared:
            key = (value, col)
            cell = self._shared.get(key)
            if cell is None:
                cell = self._shared[key] = self.text(value, col)
            return cell
        if not value or self._fits(value, col):
            return value
        return P(esc(value), self.st.cell)

    def lines(self, parts: Sequence[object], col: int):
        """Several short lines (a date and a time, notes): each on its own line when every
        one fits, else one wrapped paragraph."""
        values = [clean(x) for x in parts if clean(x)]
        if all(self._fits(v, col) for v in values):
            return "\n".join(values)
        return P("<br/>".join(esc(v) for v in values), self.st.cell)


class _Drawn:
    """The same choices as _Cells (one line when a text fits its column, else wrapped), for
    rows drawn straight on the canvas (printing.ruled): the ledger's month of 8,800 rows."""

    CENTERED = (0, 6, 7, 8, 9)  # STT and the ALIGN CENTER columns

    def __init__(self, st: Styles, widths: Sequence[float]) -> None:
        face = Face(fonts.REGULAR, CELL_SIZE, CELL_SIZE * 1.18)
        columns = [
            Column(w, "CENTER" if i in self.CENTERED else "LEFT") for i, w in enumerate(widths)
        ]
        self.maker = RowMaker(columns, Breaker(face, st.cell), _Cells.PAD)
        self.width = self.maker.breaker.width
        self.fit = [w - 2 * _Cells.PAD - 0.5 for w in widths]

    def plain(self, text: str, col: int):
        return self.maker.plain(text, col)

    def text(self, text: object, col: int, *, shared: bool = False):
        value = clean(text)
        if shared:
            return self.maker.shared(value, col, lambda: self.text(value, col))
        if not value or self.width(value) <= self.fit[col]:
            return self.maker.plain(value, col)
        return self.maker.wrapped([value], col)

    def lines(self, parts: Sequence[object], col: int):
        values = [clean(x) for x in parts if clean(x)]
        if all(self.width(v) <= self.fit[col] for v in values):
            return self.maker.plain("\n".join(values), col)
        return self.maker.wrapped(values, col)

    def row(self, cells) -> Row:
        return self.maker.row(cells)


def _footer(label_of_group):
    def draw(canvas, page: int, pages: int, rows: int, group: str) -> None:
        w, _ = PAGE
        y = MARGINS[2] / 2 - 2
        canvas.saveState()
        canvas.setFont(fonts.ITALIC, 8)
        canvas.drawString(MARGINS[3], y, label_of_group(group))
        canvas.setFont(fonts.REGULAR, 8.5)
        canvas.drawCentredString(w / 2, y, f"Số hồ sơ trong trang: {rows}")
        canvas.drawRightString(w - MARGINS[1], y, f"Trang {page}/{pages}")
        canvas.restoreState()

    return draw


# --- Mẫu 07 ----------------------------------------------------------------------------------

LEDGER_HEADERS = (
    "STT",
    "Mã hồ sơ",
    "Tên thủ tục hành chính",
    "Tên tổ chức, cá nhân",
    "Địa chỉ, số điện thoại",
    "Cơ quan chủ trì giải quyết",
    "Nhận hồ sơ (ngày, giờ)",
    "Hẹn trả kết quả (ngày, giờ)",
    "Trả kết quả (ngày, giờ)",
    "Hình thức trả kết quả",
    "Ký nhận kết quả",
)
LEDGER_WIDTHS_MM = (9, 35, 42, 28, 38, 25, 17, 17, 17, 19, 0)  # last: the rest


def ledger_pdf(
    rows: Sequence[DossierView],
    agency: AgencyInfo,
    date_from: date,
    date_to: date,
    *,
    printed_on: date | None = None,
) -> bytes:
    """Mẫu 07 SỔ THEO DÕI HỒ SƠ for a date range: 11 columns, numbered on through the year
    (the ledger number), headers on every page, "Trang x/y". The header is dated the day it
    is printed (`printed_on`: the office's day, services' `office_today()`; the PC's date
    only when not given), as Biểu 06 is: a year's ledger printed on 3 December is not dated
    31 December."""
    signed = printed_on or date.today()
    fonts.register_fonts()
    st = make_styles(CELL_SIZE + 1)
    width = _frame_width()
    widths = [w * mm for w in LEDGER_WIDTHS_MM[:-1]]
    widths.append(width - sum(widths))
    book = PageBook()
    cells = _Drawn(st, widths)
    books = sorted({r.ledger_book for r in rows if r.ledger_book})
    header = [P(h, st.cell_h) for h in LEDGER_HEADERS]
    numbers = [P(f"({i})", st.cell_c) for i in range(1, 12)]
    body = []
    for r in rows:
        contact = [r.address, f"ĐT: {clean(r.phone)}" if clean(r.phone) else ""]
        method: list[str] = []
        if r.returned_at is not None:
            method = [r.return_method_label, r.returned_to]
        elif r.status in ("refused", "stopped", "voided", "rejected"):
            method = [r.status_label]
        body.append(
            cells.row(
                [
                    cells.plain(two(r.ledger_number), 0),
                    cells.plain(_code_cell(r.code, widths[1]), 1),
                    cells.text(r.procedure_name, 2, shared=True),
                    cells.text(r.applicant_name, 3),
                    cells.lines(contact, 4),
                    cells.text(r.department, 5, shared=True),
                    cells.plain(_day(r.received_at), 6),
                    cells.plain(_day(r.due_at), 7),
                    cells.plain(_day(r.returned_at), 8),
                    cells.lines(method, 9),
                    cells.plain("", 10),
                ]
            )
        )
    period = (
        f"Từ {vn_date(date_from)} đến {vn_date(date_to)}"
        if date_from != date_to
        else f"Trong {vn_date(date_from)}"
    )
    first, last = (rows[0].ledger_number, rows[-1].ledger_number) if rows else (0, 0)
    story: list[Flowable] = [
        GroupStart("ledger", book),
        national_header(agency, signed, make_styles(10.5), width, left_share=0.4),
        Gap(4 * mm),
        P("SỔ THEO DÕI HỒ SƠ", st.title),
        P(f"Quyển số: <b>{esc(', '.join(books)) or '……'}</b>", st.center),
        P(esc(period), st.center_i),
        Gap(3 * mm),
    ]
    if rows:
        story.append(
            RuledTable(
                [header, numbers],
                grid_style(pad=_Cells.PAD, header_rows=2),
                cells.maker,
                body,
                book,
            )
        )
        story.append(Gap(3 * mm))
        story.append(
            P(
                f"Tổng cộng: <b>{len(rows)}</b> hồ sơ (số thứ tự từ {two(first)} đến {two(last)}).",
                st.body,
            )
        )
    else:
        story.append(P("Không có hồ sơ nào được tiếp nhận trong thời gian này.", st.center_i))
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


# --- the daily handoff list ------------------------------------------------------------------

HANDOFF_HEADERS = (
    "STT",
    "Mã hồ sơ",
    "Nội dung (thủ tục hành chính)",
    "Số bộ",
    "Người nộp hồ sơ",
    "Địa chỉ",
    "Số điện thoại",
    "Ngày nhận hồ sơ",
    "Ngày hẹn trả",
    "Bên giao ký",
    "Bên nhận ký",
    "Ghi chú",
)
HANDOFF_WIDTHS_MM = (8, 35, 45, 9, 28, 36, 19, 17, 17, 19, 19, 0)
HANDOFF_COPIES = ("Liên 1: Lưu", "Liên 2: Giao bên nhận")


def _other_unit(e: HandoffEntry) -> str:
    return e.step.to_unit if e.direction == "out" else e.step.from_unit


def handoff_list_pdf(
    entries: Sequence[HandoffEntry], agency: AgencyInfo, day: date, department: str = ""
) -> bytes:
    """DANH SÁCH BÀN GIAO HỒ SƠ of one day, in two copies. One list per department (each is
    signed by that department): section I the dossiers the desk handed over, section II the
    results it took back, each with its count and its BÊN GIAO / BÊN NHẬN signatures; the
    page footer counts the dossiers on the page, the list ends with the overall total."""
    fonts.register_fonts()
    st = make_styles(CELL_SIZE + 1)
    head_st = make_styles(10.5)
    width = _frame_width()
    widths = [w * mm for w in HANDOFF_WIDTHS_MM[:-1]]
    widths.append(width - sum(widths))
    book = PageBook()
    cells = _Cells(st, widths)
    department = clean(department)

    groups: dict[str, list[HandoffEntry]] = {}
    if department:
        groups[department] = []
    for e in entries:
        unit = department or clean(_other_unit(e))
        groups.setdefault(unit, []).append(e)
    if not groups:
        groups["Tất cả các đơn vị"] = []

    # one row per entry, shared by both copies
    def make_row(i: int, e: HandoffEntry) -> list:
        d, s = e.dossier, e.step
        notes = [f"{'Giao' if e.direction == 'out' else 'Nhận'} lúc {s.at:%H:%M}", s.timing_label]
        if e.direction == "out" and s.from_unit and s.from_unit != DESK_UNIT:
            notes.append(f"Từ: {s.from_unit}")
        return [
            RowNumber(str(i), book, CELL_SIZE),
            _code_cell(d.code, widths[1]),
            cells.text(d.procedure_name, 2, shared=True),
            str(d.sets),
            cells.text(d.applicant_name, 4),
            cells.text(d.address, 5),
            cells.text(d.phone, 6),
            _day(d.received_at),
            _day(d.due_at),
            "",
            "",  # signature cells, blank for ink
            cells.lines(notes, 11),
        ]

    rows: dict[str, tuple[list, list]] = {}
    signers: dict[str, tuple[str, str]] = {}  # the department's person on each side, if one
    for unit, items in groups.items():
        out = [e for e in items if e.direction == "out"]
        back = [e for e in items if e.direction != "out"]
        rows[unit] = (
            [make_row(i, e) for i, e in enumerate(out, 1)],
            [make_row(i, e) for i, e in enumerate(back, 1)],
        )
        receivers = {clean(e.step.receiver) for e in out}
        givers = {clean(e.step.giver) for e in back}
        signers[unit] = (
            receivers.pop() if len(receivers) == 1 else "",
            givers.pop() if len(givers) == 1 else "",
        )

    header = [P(h, st.cell_h) for h in HANDOFF_HEADERS]
    style = grid_style(
        ("FONT", (0, 1), (-1, -1), fonts.REGULAR, CELL_SIZE, CELL_SIZE * 1.18),
        ("ALIGN", (3, 1), (3, -1), "CENTER"),
        ("ALIGN", (7, 1), (8, -1), "CENTER"),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
        pad=_Cells.PAD,
    )
    # measured once, drawn in both copies (splitting leaves the original intact)
    tables = {
        (unit, roman): PagedTable([header], section_rows, widths, style)
        for unit, (out_rows, back_rows) in rows.items()
        for roman, section_rows in (("I", out_rows), ("II", back_rows))
        if section_rows
    }
    story: list[Flowable] = []
    labels: dict[str, str] = {}
    for copy_no, copy_label in enumerate(HANDOFF_COPIES, 1):
        for unit, (out_rows, back_rows) in rows.items():
            key = f"{copy_no}|{unit}"
            labels[key] = f"Danh sách bàn giao hồ sơ {day:%d/%m/%Y} – {unit} – {copy_label}"
            if story:
                story.append(PageBreak())
            total = len(out_rows) + len(back_rows)
            story += [
                GroupStart(key, book),
                national_header(agency, day, head_st, width, left_share=0.4),
                Gap(3 * mm),
                P("DANH SÁCH BÀN GIAO HỒ SƠ", st.title),
                P(f"({esc(copy_label)})", st.center_i),
                P(f"Ngày bàn giao: {vn_date(day)}", st.center),
                P(
                    f"Đơn vị: <b>{esc(unit)}</b> – Tổng số: <b>{total}</b> hồ sơ (bàn giao: "
                    f"{len(out_rows)}; nhận kết quả về: {len(back_rows)})",
                    st.center,
                ),
                Gap(2 * mm),
            ]
            officer = clean(agency.officer)
            dept_receiver, dept_giver = signers[unit]
            sections = (
                (
                    "I",
                    f"HỒ SƠ BỘ PHẬN MỘT CỬA BÀN GIAO CHO {esc(unit).upper()}",
                    out_rows,
                    (DESK_UNIT, officer),
                    (unit, dept_receiver),
                ),
                (
                    "II",
                    f"KẾT QUẢ {esc(unit).upper()} TRẢ VỀ BỘ PHẬN MỘT CỬA",
                    back_rows,
                    (unit, dept_giver),
                    (DESK_UNIT, officer),
                ),
            )
            for roman, title, section_rows, (giver, giver_name), (
                receiver,
                receiver_name,
            ) in sections:
                story.append(P(f"<b>{roman}. {title}</b> ({len(section_rows)} hồ sơ)", st.body))
                story.append(Gap(1 * mm))
                if section_rows:
                    story.append(tables[(unit, roman)].fresh())
                else:
                    story.append(P("<i>Không có hồ sơ.</i>", st.body))
                story.append(
                    KeepTogether(
                        [
                            Gap(2 * mm),
                            P(f"Cộng mục {roman}: <b>{len(section_rows)}</b> hồ sơ.", st.body),
                            Gap(2 * mm),
                            signature_blocks(
                                [
                                    (f"BÊN GIAO ({giver})", "(Ký và ghi rõ họ tên)", giver_name),
                                    (
                                        f"BÊN NHẬN ({receiver})",
                                        "(Ký và ghi rõ họ tên)",
                                        receiver_name,
                                    ),
                                ],
                                st,
                                width * 0.8,
                                gap=14 * mm,
                            ),
                            Gap(3 * mm),
                        ]
                    )
                )
            story.append(
                P(
                    f"<b>Tổng cộng: {total} hồ sơ</b> (mục I: {len(out_rows)}; "
                    f"mục II: {len(back_rows)}).",
                    st.body,
                )
            )
    return build_pdf(
        story,
        pagesize=PAGE,
        margins=MARGINS,
        moment=day,
        marks=Marks(demo=bool(agency.demo)),
        title=f"Danh sách bàn giao hồ sơ {day:%d/%m/%Y}"
        + (f" – {department}" if department else ""),
        author=agency.agency_name,
        canvasmaker=paged_canvas(book, _footer(lambda g: labels.get(g, ""))),
    )
