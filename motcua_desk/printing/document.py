"""The document every printed PDF is: one page template with no frame padding, the reprint
and demo marks on every page, and a fixed timestamp taken from the dossier (never the clock),
so that the same dossier prints the same bytes. Apart from printing.layout, which builds what
goes on the page, because this is the PDF file around it.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from reportlab.lib.utils import TimeStamp
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from motcua_desk.printing import fonts
from motcua_desk.printing.layout import clean, reprint_label

DEMO_MARK = "BẢN DÙNG THỬ"
DEMO_NOTE = "BẢN DÙNG THỬ – KHÔNG CÓ GIÁ TRỊ PHÁP LÝ"
PRODUCER = "motcua-desk (reportlab)"


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
