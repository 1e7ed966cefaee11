"""The pieces the dossier forms (printing.forms, printing.control_sheet) are made of: which
events a form reads, the page frame, the letter opening every form starts with, the documents
table, fitting a story to one page, the room for a signature and the rendering with page
footers. Apart from the forms so that each form is its own text and layout, and what they all
share is written once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer, Table

from motcua_desk.domain.dto import AgencyInfo, DossierDetail, DossierView, EventView
from motcua_desk.domain.errors import DomainError
from motcua_desk.domain.forms import form_problem as _problem
from motcua_desk.printing import fonts
from motcua_desk.printing.document import Marks, build_pdf
from motcua_desk.printing.layout import (
    P,
    Styles,
    clean,
    esc,
    grid_style,
    make_styles,
    national_header,
    stack_height,
    two,
    unpadded_style,
)
from motcua_desk.printing.paged import GroupStart, PageBook, paged_canvas
from motcua_desk.printing.symbols import Code128, QRCode, choose_module, code128_pattern

A5_MARGINS = (11 * mm, 12 * mm, 9 * mm, 12 * mm)  # top, right, bottom, left
A4_MARGINS = (14 * mm, 15 * mm, 14 * mm, 20 * mm)
SIZES = (10.0, 9.5, 9.0, 8.5, 8.0, 7.5)  # body sizes tried for the slip, largest first
SINGLE_SIZES = (11.0, 10.5, *SIZES)  # one-copy forms usually have room to spare


class FormNotApplicable(DomainError):
    """The dossier's history has nothing for this form (a refusal slip for a dossier never
    refused, an apology for one never extended)."""

    code = "form_not_applicable"


# --- what each form needs -------------------------------------------------------------------


def applied_events(detail: DossierDetail) -> list[EventView]:
    """The events that took effect, in order (conflict losers left out)."""
    lost = {c.event_id for c in detail.conflicts}
    return [e for e in detail.events if e.id not in lost]


def last_event(detail: DossierDetail, *types: str) -> EventView | None:
    found = None
    for e in applied_events(detail):
        if e.type in types:
            found = e
    return found


def first_event(detail: DossierDetail, *types: str) -> EventView | None:
    for e in applied_events(detail):
        if e.type in types:
            return e
    return None


def check_form(form: str, detail: DossierDetail) -> None:
    """Raise FormNotApplicable when the dossier's state does not call for this form."""
    problem = _problem(form, detail)
    if problem:
        raise FormNotApplicable(problem, form=form, dossier=detail.dossier.code)


# --- shared pieces ---------------------------------------------------------------------------


def frame_size(pagesize, margins) -> tuple[float, float]:
    top, right, bottom, left = margins
    return pagesize[0] - left - right, pagesize[1] - top - bottom


def code_block(
    code: str, st: Styles, width: float, *, qr: bool = False, bar_height: float | None = None
) -> list[Flowable]:
    """ "Mã hồ sơ: …" and the barcode row under it: the Code128 (its human-readable line is
    the one above) and, when asked, the QR code at the right end of the row.

    On an A5 slip that puts the QR in the top right quarter of the page, more than 40 mm
    from the half fold (y = 105 mm) and from the quarter fold (x = 74 mm): the Code128
    cannot stay clear of the quarter fold (see symbols.py), the QR does."""
    out: list[Flowable] = [P(f"Mã hồ sơ: <b>{esc(code)}</b>", st.center)]
    kw = {"bar_height": bar_height} if bar_height else {}
    if qr:
        qr_size = QRCode(code).size
        bar_room = width - qr_size - 2 * mm
        module = choose_module(len(code128_pattern(code)), bar_room)
        bar = Code128(code, module=module, show_text=False, **kw)
        t = Table([[bar, QRCode(code)]], colWidths=[width - qr_size, qr_size])
        t.setStyle(
            unpadded_style(
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (0, 0), (0, 0), "CENTER")
            )
        )
        out.append(t)
    else:
        module = choose_module(len(code128_pattern(code)), width)
        bar = Code128(code, module=module, show_text=False, **kw)
        bar.hAlign = "CENTER"
        out.append(bar)
    out[-1].spaceBefore = 1.2 * mm  # the bars do not touch the line above
    return out


def opening(
    agency: AgencyInfo,
    moment: datetime | None,
    title: str,
    code: str,
    st: Styles,
    width: float,
    *,
    subtitle: Flowable | None = None,
    qr: bool = False,
    left_share: float | None = None,
) -> list[Flowable]:
    """The letter opening every dossier form starts with: the national header dated `moment`
    (the unit on the left; the national title, the motto and "{place}, ngày …" on the right),
    the form's title and its subtitle if it has one, "Mã hồ sơ: …" with the barcodes under it,
    then a line's space before the body."""
    header_kw = {} if left_share is None else {"left_share": left_share}
    out: list[Flowable] = [
        national_header(agency, moment, st, width, **header_kw),
        spacer(st, 1.6),
        P(title, st.title),
    ]
    if subtitle is not None:
        out.append(subtitle)
    out += [*code_block(code, st, width, qr=qr), spacer(st)]
    return out


def documents_table(lines: Sequence[tuple[str, str, int]], st: Styles, width: float) -> Table:
    """STT · tên giấy tờ · hình thức · số lượng."""
    w_no, w_form, w_count = 8.5 * mm, 30 * mm, 13 * mm
    w_name = width - w_no - w_form - w_count
    rows: list[list] = [
        [
            P("STT", st.cell_h),
            P("Tên giấy tờ", st.cell_h),
            P("Hình thức", st.cell_h),
            P("Số lượng", st.cell_h),
        ]
    ]
    for i, (name, form, count) in enumerate(lines, start=1):
        rows.append(
            [
                P(str(i), st.cell_c),
                P(esc(name), st.cell),
                P(esc(form), st.cell_c),
                P(two(count), st.cell_c),
            ]
        )
    if len(rows) == 1:
        rows.append([P("", st.cell_c), P("……………………", st.cell), P("", st.cell_c), P("", st.cell_c)])
    t = Table(rows, colWidths=[w_no, w_name, w_form, w_count], repeatRows=1)
    t.setStyle(grid_style(pad=st.size * 0.22))
    return t


def fit_one_page(
    build: Callable[[Styles], list[Flowable]],
    width: float,
    height: float,
    sizes: Sequence[float] = SINGLE_SIZES,
) -> tuple[list[Flowable], Styles]:
    """The story at the largest body size whose height fits one frame (A5 forms stay one page
    per copy), and its styles; the smallest size when nothing fits (the flow then goes on to a
    second page rather than cut anything off)."""
    story: list[Flowable] = []
    st = make_styles(sizes[-1])
    for size in sizes:
        st = make_styles(size)
        story = build(st)
        if stack_height(story, width, height) <= height - 0.5:
            break
    return story, st


def sign_gap(st: Styles) -> float:
    """Room for a signature: 13 mm at the normal size, never below 9 mm."""
    return min(16 * mm, max(9 * mm, 13 * mm * st.size / SIZES[0]))


def render_forms(
    stories: list[list[Flowable]],
    *,
    pagesize,
    margins,
    moment,
    agency: AgencyInfo,
    reprint: int,
    title: str,
    code: str,
    labels: Sequence[str] = (),
) -> bytes:
    """The stories one after another, each from a new page. A story that runs over one page
    numbers its pages in the footer ("Mã hồ sơ … – Trang x/y"), so a continuation sheet that
    comes loose still says which dossier, which copy and where it belongs."""
    book = PageBook()
    flow: list[Flowable] = []
    for i, story in enumerate(stories):
        if i:
            flow.append(PageBreak())
        flow.append(GroupStart(str(i), book))
        flow.extend(story)
    top, right, bottom, left = margins

    def footer(canvas, page: int, pages: int, _rows: int, group: str) -> None:
        if pages < 2:
            return
        label = labels[int(group)] if group.isdigit() and int(group) < len(labels) else ""
        text = f"Mã hồ sơ: {clean(code)}" + (f" – {label}" if label else "")
        canvas.saveState()
        canvas.setFont(fonts.ITALIC, 8)
        y = max(5.5 * mm, bottom / 2 - 3)  # marks stay 5 mm inside the edge
        canvas.drawString(left, y, text)
        canvas.drawRightString(pagesize[0] - right, y, f"Trang {page}/{pages}")
        canvas.restoreState()

    return build_pdf(
        flow,
        pagesize=pagesize,
        margins=margins,
        moment=moment,
        marks=Marks(reprint=max(0, int(reprint)), demo=bool(agency.demo)),
        title=f"{title} – {code}",
        author=agency.agency_name,
        subject=code,
        canvasmaker=paged_canvas(book, footer),
    )


def payload_moment(value: object, like: datetime | None) -> datetime | None:
    """An ISO moment from an event payload, in the office time zone of `like`."""
    if not value:
        return None
    try:
        m = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    if like is not None and like.tzinfo is not None and m.tzinfo is not None:
        m = m.astimezone(like.tzinfo)
    return m


def phone_email_line(d: DossierView, st: Styles) -> Flowable:
    phone = esc(d.phone) or "……………"
    email = esc(d.email) or "……………"
    return P(f"Số điện thoại: {phone}&nbsp;&nbsp;&nbsp;&nbsp;Email: {email}", st.body)


def spacer(st: Styles, factor: float = 1.0) -> Spacer:
    return Spacer(1, st.space * factor)
