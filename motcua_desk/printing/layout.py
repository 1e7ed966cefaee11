"""What every form shares: text helpers, Vietnamese dates, paragraph styles, the national
header, signature blocks and the measuring of a story. The reprint and demo marks and the
document builder that makes a deterministic PDF are printing.document; the long lists' page
numbers and row counts printing.paged."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

from motcua_desk.domain.dto import AgencyInfo
from motcua_desk.printing import fonts

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


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
