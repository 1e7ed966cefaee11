"""What every form shares: text helpers, Vietnamese dates, paragraph styles, the national
header, signature blocks, the reprint and demo marks, and the document builder that makes a
deterministic PDF (its timestamp comes from the dossier, never from the clock)."""

from __future__ import annotations

import io
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import TimeStamp
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

from motcua_desk.domain.dto import AgencyInfo
from motcua_desk.printing import fonts

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
DEMO_MARK = "BẢN DÙNG THỬ"
DEMO_NOTE = "BẢN DÙNG THỬ – KHÔNG CÓ GIÁ TRỊ PHÁP LÝ"
PRODUCER = "motcua-desk (reportlab)"


# --- text ------------------------------------------------------------------------------------


def clean(text: object) -> str:
    """Printable text: NFC (whatever keyboard tool typed it), whitespace collapsed."""
    if text is None:
        return ""
    return " ".join(unicodedata.normalize("NFC", str(text)).split())


def esc(text: object) -> str:
    """NFC text escaped for a Paragraph's mini-markup."""
    return escape(clean(text))


def two(n: int) -> str:
    return f"{n:02d}"


def vn_date(day: date | datetime) -> str:
    """ "ngày 23 tháng 11 năm 2026". Nghị định 30/2020: a leading zero for days below 10 and
    for the months 1 and 2."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def vn_moment(moment: datetime | None, *, blank: str = "……") -> str:
    """ "09 giờ 10 phút, ngày 23 tháng 11 năm 2026"; dotted blanks when unknown."""
    if moment is None:
        return f"{blank} giờ {blank} phút, ngày {blank} tháng {blank} năm {blank}"
    return f"{moment.hour:02d} giờ {moment.minute:02d} phút, {vn_date(moment)}"


def short_moment(moment: datetime | None) -> str:
    return f"{moment:%d/%m/%Y %H:%M}" if moment else ""


def place_date(agency: AgencyInfo, day: date | datetime | None) -> str:
    place = clean(agency.place) or "……"
    if day is None:
        return f"{place}, ngày …… tháng …… năm ……"
    return f"{place}, {vn_date(day)}"


def reprint_label(reprint: int) -> str:
    return f"BẢN IN LẠI – LẦN {reprint}"


# --- styles ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Styles:
    size: float
    body: ParagraphStyle
    body_j: ParagraphStyle  # justified
    indent: ParagraphStyle
    note: ParagraphStyle  # italic, smaller
    title: ParagraphStyle
    subtitle: ParagraphStyle
    center: ParagraphStyle
    center_b: ParagraphStyle
    center_i: ParagraphStyle
    head: ParagraphStyle  # header left/right lines
    head_b: ParagraphStyle
    head_i: ParagraphStyle
    cell: ParagraphStyle
    cell_c: ParagraphStyle
    cell_h: ParagraphStyle  # table header cell
    space: float  # vertical gap between blocks


def make_styles(size: float = 10.5, *, space: float | None = None) -> Styles:
    """Styles scaled to a body size; forms that must fit a page ask for a smaller size."""
    lead = size * 1.22

    def s(name: str, **kw) -> ParagraphStyle:
        base = {
            "fontName": fonts.REGULAR,
            "fontSize": size,
            "leading": lead,
            "alignment": TA_LEFT,
            "splitLongWords": 1,
        }
        base.update(kw)
        return ParagraphStyle(name, **base)

    cell = size - 1
    head = min(size - 0.5, 10.5)
    return Styles(
        size=size,
        body=s("body"),
        body_j=s("body_j", alignment=TA_JUSTIFY),
        indent=s("indent", leftIndent=size * 1.2),
        note=s("note", fontName=fonts.ITALIC, fontSize=size - 1, leading=(size - 1) * 1.2),
        title=s(
            "title",
            fontName=fonts.BOLD,
            fontSize=size + 2,
            leading=(size + 2) * 1.2,
            alignment=TA_CENTER,
        ),
        subtitle=s("subtitle", fontName=fonts.ITALIC, alignment=TA_CENTER),
        center=s("center", alignment=TA_CENTER),
        center_b=s("center_b", fontName=fonts.BOLD, alignment=TA_CENTER),
        center_i=s("center_i", fontName=fonts.ITALIC, alignment=TA_CENTER),
        head=s("head", fontSize=head, leading=head * 1.2, alignment=TA_CENTER),
        head_b=s(
            "head_b", fontName=fonts.BOLD, fontSize=head, leading=head * 1.2, alignment=TA_CENTER
        ),
        head_i=s(
            "head_i", fontName=fonts.ITALIC, fontSize=head, leading=head * 1.2, alignment=TA_CENTER
        ),
        cell=s("cell", fontSize=cell, leading=cell * 1.18),
        cell_c=s("cell_c", fontSize=cell, leading=cell * 1.18, alignment=TA_CENTER),
        cell_h=s(
            "cell_h", fontName=fonts.BOLD, fontSize=cell, leading=cell * 1.18, alignment=TA_CENTER
        ),
        space=space if space is not None else size * 0.45,
    )


class Para(Paragraph):
    """A Paragraph that remembers its last wrap: tables wrap each cell when they size a row,
    again when they split across pages and again when they draw it."""

    _wrapped: tuple[float, float, float] | None = None

    def wrap(self, availWidth, availHeight):  # noqa: N803 (reportlab's signature)
        # The layout (blPara) may have been dropped since (reportlab deletes it when it tries a
        # split): only a wrap that still has its layout can be reused.
        if (
            self._wrapped is not None
            and self._wrapped[0] == availWidth
            and getattr(self, "blPara", None) is not None
        ):
            self.width = availWidth
            return self._wrapped[1], self._wrapped[2]
        w, h = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, w, h)
        return w, h


def P(markup: str, style: ParagraphStyle) -> Para:  # noqa: N802 (reads like reportlab's own)
    return Para(markup, style)


def label_value(
    label: str, value: object, style: ParagraphStyle, *, bold: bool = False, blank: str = "……………………"
) -> Para:
    """ "Label: value" with the value escaped; dotted blank when empty."""
    v = esc(value)
    if not v:
        v = blank
    elif bold:
        v = f"<b>{v}</b>"
    return P(f"{label} {v}", style)


# --- building blocks ------------------------------------------------------------------------


def national_header(
    agency: AgencyInfo,
    day: date | datetime | None,
    st: Styles,
    width: float,
    *,
    left_share: float = 0.43,
) -> Table:
    """Left: parent authority and unit (bold), a short rule; right: the national title and
    motto with its rule, and "{place}, ngày … tháng … năm …" in italics."""
    lw = width * left_share
    rw = width - lw
    motto_w = stringWidth(MOTTO, fonts.BOLD, st.head_b.fontSize)
    left = [
        P(esc(agency.parent_name).upper(), st.head),
        P(esc(agency.agency_name).upper(), st.head_b),
        Gap(4),
        HRFlowable(
            width=min(lw * 0.4, 30 * mm),
            thickness=0.6,
            color=colors.black,
            spaceBefore=0,
            spaceAfter=0,
            hAlign="CENTER",
        ),
    ]
    nation_size = st.head_b.fontSize
    while stringWidth(NATION, fonts.BOLD, nation_size) > rw - 4 and nation_size > 6:
        nation_size -= 0.25
    nation_style = ParagraphStyle("nation", parent=st.head_b, fontSize=nation_size)
    right = [
        P(NATION, nation_style),
        P(MOTTO, st.head_b),
        Gap(4),
        HRFlowable(
            width=motto_w,
            thickness=0.6,
            color=colors.black,
            spaceBefore=0,
            spaceAfter=0,
            hAlign="CENTER",
        ),
        Gap(3),
        P(esc(place_date(agency, day)), st.head_i),
    ]
    t = Table([[left, right]], colWidths=[lw, rw])
    t.setStyle(
        unpadded_style(("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (-1, -1), "CENTER"))
    )
    return t


def signature_blocks(
    blocks: Sequence[tuple[str, str, str]], st: Styles, width: float, *, gap: float = 16 * mm
) -> Table:
    """Side-by-side signature blocks: (TITLE, "(Ký và ghi rõ họ tên)", printed name)."""
    cells = []
    for title, hint, name in blocks:
        cells.append(
            [
                P(esc(title), st.center_b),
                P(esc(hint), st.center_i),
                Gap(gap),
                P(f"<b>{esc(name)}</b>" if clean(name) else "", st.center),
            ]
        )
    n = len(blocks)
    t = Table([cells], colWidths=[width / n] * n)
    t.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return t


class Gap(Flowable):
    """Blank vertical space inside a table cell (room for ink)."""

    def __init__(self, height: float) -> None:
        super().__init__()
        self.height = height

    def wrap(self, availWidth, availHeight):  # noqa: N803
        return availWidth, self.height

    def draw(self) -> None:
        pass


def unpadded_style(*extra) -> TableStyle:
    """The style of a table that only places things side by side: `extra` (alignments), and no
    padding in any cell."""
    return TableStyle(
        [
            *extra,
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]
    )


def grid_style(*extra, pad: float = 2.5, header_rows: int = 1) -> TableStyle:
    cmds = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), pad * 0.7),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
    ]
    if header_rows:
        cmds.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.Color(0.93, 0.93, 0.93)))
    cmds.extend(extra)
    return TableStyle(cmds)


def stack_height(story: Iterable[Flowable], width: float, height: float) -> float:
    """The height a list of flowables takes in a frame without padding (as Frame stacks them:
    no space before the first, each one's space after)."""
    total = 0.0
    first = True
    for f in story:
        if isinstance(f, KeepTogether):
            inner = list(f._content)  # measured as the frame stacks them (no canvas here)
            h = stack_height(inner, width, height)
            if not first and inner:
                total += inner[0].getSpaceBefore()
            total += h
            first = False
            continue
        _, h = f.wrap(width, height)
        if not first:
            total += f.getSpaceBefore()
        total += h + f.getSpaceAfter()
        first = False
    return total


# --- marks -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Marks:
    """What is drawn on every page besides the flow: reprint and demo marks, a footer."""

    reprint: int = 0
    demo: bool = False
    footer_left: str = ""


def draw_marks(
    canvas: Canvas, marks: Marks, page_w: float, page_h: float, margin_top: float, margin_x: float
) -> None:
    size = 8.5
    y = page_h - margin_top / 2 - size * 0.35
    canvas.saveState()
    if marks.demo:
        # a light diagonal watermark behind the flow, and a plain line in the top margin
        canvas.saveState()
        canvas.setFillGray(0.86)
        wm = max(24.0, min(page_w, page_h) / 9)
        canvas.setFont(fonts.BOLD, wm)
        canvas.translate(page_w / 2, page_h * 0.4)
        canvas.rotate(35)
        canvas.drawCentredString(0, 0, DEMO_MARK)
        canvas.restoreState()
        canvas.setFont(fonts.BOLD, size)
        canvas.setFillGray(0.25)
        canvas.drawString(margin_x, y, DEMO_NOTE)
    if marks.reprint > 0:
        label = reprint_label(marks.reprint)
        w = stringWidth(label, fonts.BOLD, size) + 8
        x = page_w - margin_x - w
        canvas.setLineWidth(0.8)
        canvas.setStrokeGray(0)
        canvas.setFillGray(0)
        canvas.rect(x, y - 3, w, size + 5, stroke=1, fill=0)
        canvas.setFont(fonts.BOLD, size)
        canvas.drawString(x + 4, y, label)
    canvas.restoreState()


# --- the document ----------------------------------------------------------------------------


def timestamp(moment: datetime | date | None) -> TimeStamp:
    """A reportlab TimeStamp for a dossier moment (the PDF's CreationDate and ModDate)."""
    ts = TimeStamp(invariant=True)
    if moment is None:
        return ts
    if not isinstance(moment, datetime):
        moment = datetime(moment.year, moment.month, moment.day)
    offset = moment.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    ts.t = moment.timestamp() if moment.tzinfo else ts.t
    ts.lt = moment.timetuple()
    ts.YMDhms = tuple(moment.timetuple())[:6]
    ts.dhh, ts.dmm = divmod(minutes, 60) if minutes >= 0 else (-((-minutes) // 60), (-minutes) % 60)
    ts.tzname = moment.tzname() or "UTC"
    return ts


class FormDoc(BaseDocTemplate):
    """One page template, no frame padding, marks on every page, a fixed timestamp."""

    def __init__(
        self,
        buf,
        *,
        pagesize,
        margins: tuple[float, float, float, float],
        moment,
        marks: Marks,
        title: str,
        author: str,
        subject: str = "",
        on_page: Callable | None = None,
    ) -> None:
        top, right, bottom, left = margins
        super().__init__(
            buf,
            pagesize=pagesize,
            leftMargin=left,
            rightMargin=right,
            topMargin=top,
            bottomMargin=bottom,
            title=title,
            author=author,
            subject=subject,
            creator="motcua-desk",
            producer=PRODUCER,
            invariant=1,
            lang="vi",
            printScaling="None",
        )
        self._moment = moment
        self._marks = marks
        self._on_page = on_page
        frame = Frame(
            left,
            bottom,
            self.width,
            self.height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        self.addPageTemplates(
            [PageTemplate(id="page", frames=[frame], onPage=self._decorate, pagesize=pagesize)]
        )

    def _makeCanvas(self, filename=None, canvasmaker=Canvas):  # noqa: N802
        canv = super()._makeCanvas(filename=filename, canvasmaker=canvasmaker)
        canv._doc._timeStamp = timestamp(self._moment)
        return canv

    def _decorate(self, canvas: Canvas, doc) -> None:
        w, h = self.pagesize
        draw_marks(canvas, self._marks, w, h, self.topMargin, self.leftMargin)
        if self._marks.footer_left:
            canvas.saveState()
            canvas.setFont(fonts.ITALIC, 8)
            canvas.drawString(self.leftMargin, self.bottomMargin / 2 - 3, self._marks.footer_left)
            canvas.restoreState()
        if self._on_page is not None:
            self._on_page(canvas, self)


def build_pdf(
    story: list[Flowable],
    *,
    pagesize,
    margins,
    moment,
    marks: Marks,
    title: str,
    author: str,
    subject: str = "",
    canvasmaker=Canvas,
    on_page: Callable | None = None,
) -> bytes:
    buf = io.BytesIO()
    doc = FormDoc(
        buf,
        pagesize=pagesize,
        margins=margins,
        moment=moment,
        marks=marks,
        title=clean(title),
        author=clean(author),
        subject=clean(subject),
        on_page=on_page,
    )
    doc.build(story, canvasmaker=canvasmaker)
    return buf.getvalue()


# --- paged lists: "Trang x/y" and rows counted per page ---------------------------------------


@dataclass
class PageBook:
    """What a list records while it is drawn: which group each page belongs to and how many
    numbered rows it carries. Read back when the pages are finished (deferred footers)."""

    group_of_page: dict[int, str] = field(default_factory=dict)
    rows_on_page: Counter = field(default_factory=Counter)
    current_group: str = ""


class RowNumber(Flowable):
    """The STT cell of a list row: draws the number and counts the row on its page."""

    def __init__(self, text: str, book: PageBook, font_size: float) -> None:
        super().__init__()
        self.text = text
        self.book = book
        self.font_size = font_size

    def wrap(self, availWidth, availHeight):  # noqa: N803
        self._avail = availWidth
        return availWidth, self.font_size * 1.1

    def draw(self) -> None:
        c = self.canv
        self.book.rows_on_page[c.getPageNumber()] += 1
        c.setFont(fonts.REGULAR, self.font_size)
        c.drawCentredString(self._avail / 2, self.font_size * 0.1, self.text)


class GroupStart(Flowable):
    """Zero-size marker: the pages from here on belong to `key` (numbered x/y within it)."""

    def __init__(self, key: str, book: PageBook) -> None:
        super().__init__()
        self.key = key
        self.book = book

    def wrap(self, availWidth, availHeight):  # noqa: N803
        return 0, 0

    def draw(self) -> None:
        self.book.current_group = self.key
        self.book.group_of_page[self.canv.getPageNumber()] = self.key


class PagedTable(Flowable):
    """A long table whose rows are measured once and cut into one table per page.

    reportlab's Table.split builds a new Table of the whole remainder at every page break,
    re-styling every remaining cell: quadratic in the number of rows. Here the rows are
    measured by one Table, then each page gets a Table of just its rows (header rows repeated,
    row heights given, nothing measured twice). Rows are never split."""

    def __init__(
        self,
        header: list[list],
        rows: list[list],
        widths: Sequence[float],
        style: TableStyle,
        *,
        heights: Sequence[float] | None = None,
    ) -> None:
        super().__init__()
        self.header = header
        self.rows = rows
        self.widths = list(widths)
        self.style = style
        if heights is None:
            probe = Table(header + rows, colWidths=self.widths)
            probe.setStyle(style)
            probe.wrap(sum(self.widths), 1e9)
            heights = list(probe._rowHeights)
        self.heights = list(heights)
        self.head_h = sum(self.heights[: len(header)])
        self.body_h = self.heights[len(header) :]
        self.width = sum(self.widths)
        self.height = self.head_h + sum(self.body_h)

    def fresh(self) -> PagedTable:
        """The same measured rows as a new flowable. A flowable instance must appear once in a
        story: reportlab marks one it had to move to the next page (`_postponed`) and refuses
        to move it twice, so a table printed in two copies needs two instances."""
        return PagedTable(self.header, self.rows, self.widths, self.style, heights=self.heights)

    def _table(self, start: int, stop: int) -> Table:
        t = Table(
            self.header + self.rows[start:stop],
            colWidths=self.widths,
            rowHeights=self.heights[: len(self.header)] + self.body_h[start:stop],
        )
        t.setStyle(self.style)
        return t

    def wrap(self, availWidth, availHeight):  # noqa: N803
        return self.width, self.height

    def split(self, availWidth, availHeight):  # noqa: N803
        room = availHeight - self.head_h
        n = 0
        used = 0.0
        for h in self.body_h:
            if used + h > room + 1e-6:
                break
            used += h
            n += 1
        if n == 0:
            return []  # not even one row here: the frame moves on to the next page
        head = self._table(0, n)
        if n == len(self.rows):
            return [head]
        rest = PagedTable(
            self.header,
            self.rows[n:],
            self.widths,
            self.style,
            heights=self.heights[: len(self.header)] + self.body_h[n:],
        )
        return [head, rest]

    def draw(self) -> None:
        t = self._table(0, len(self.rows))
        t.wrapOn(self.canv, self.width, self.height)
        t.drawOn(self.canv, 0, 0)


def paged_canvas(book: PageBook, footer: Callable[[Canvas, int, int, int, str], None]):
    """A canvas class that holds every page until the end, then draws each page's footer with
    its number within its group, the group's page count and the rows counted on it."""

    class _PagedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict] = []

        def showPage(self) -> None:  # noqa: N802
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            groups: list[str] = []
            current = ""
            for i in range(1, len(self._held) + 1):
                current = book.group_of_page.get(i, current)
                groups.append(current)
            totals = Counter(groups)
            seen: Counter = Counter()
            for i, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                g = groups[i - 1]
                seen[g] += 1
                footer(self, seen[g], totals[g], book.rows_on_page.get(i, 0), g)
                Canvas.showPage(self)
            Canvas.save(self)

    return _PagedCanvas
