"""The dossier code as machine-readable symbols, drawn as vector rectangles (no raster image).

Code128 comes from python-barcode's module pattern ("1" = a dark module, "0" a light one);
the QR code from segno's matrix. Both are flowables that reportlab places like any other.

Module width. A slip is printed on an office laser printer (300 or 600 dpi) or a thermal
printer (203 dpi) and read with a USB scanner. We draw the Code128 module as a whole number
of 300 dpi dots: 4 dots (8 at 600 dpi) = 0.96 pt = 0.339 mm, about 13 mil, the "100 %"
X-dimension of retail barcodes that every entry-level CCD or imager reads comfortably. A
25-character code (000.17.22.H56-261123-0001, 288 modules once python-barcode has switched to
code set C for the digit pairs) is then 97.5 mm of bars, plus 10-module quiet zones on both
sides (3.4 mm each; ISO/IEC 15417 requires at least 10 X): 104.3 mm, which fits the 124 mm
between the margins of an A5 page with room for a QR code. When a longer code (a longer
agency id, a five-digit sequence) does not fit, we step down to 3 dots (0.72 pt = 0.254 mm,
the 10 mil minimum that most scanner vendors set) rather than draw fractional dots; below that
we refuse.

203 dpi. No module is a whole number of dots at both 300 and 203 dpi (300 and 203 have no
common factor); the nearest pair is 3 dots at 300 = 2.03 dots at 203, but at an 80 % "fit to
page" print that module is 1.6 thermal dots and no longer decodes. We keep the larger module:
at 203 dpi it is 2.7 dots, drawn as runs of 2 and 3 dots whose edges stay within half a dot
of their place, which decodes at 100 % and at 80 % (tests/printing/test_degradation.py
measures it).

Bar height. A scanner held 7 degrees off the bars reads along a line that climbs
tan 7 deg = 12 % of the symbol's length across it; bars of 11 mm on 104 mm failed there. The
bars are BAR_RATIO = 16 % of the symbol's width, quiet zones included (16.7 mm at 4 dots):
a straight line crosses the whole symbol up to 9 degrees.

Folds. The citizen folds the A5 slip in half (crease at y = 105 mm) and often in quarters
(x = 74 mm too). No Code128 of a dossier code fits in half the page's width (78 mm at the
minimum module against 59 mm between the margin and the fold), so the vertical crease always
crosses the bars, parallel to them, and breaks them. The QR code is the symbol that survives
the pocket: on the slip it sits in the top right quarter, clear of both folds (forms.py).

Whole dots only help when the page is printed at 100 %: the PDFs ask viewers not to scale
(PrintScaling None), and each symbol snaps its left edge to the 1/300 inch grid.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

import barcode
import segno
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from motcua_desk.domain.errors import DomainError
from motcua_desk.printing import fonts

DOT = 72 / 300  # one printer dot at 300 dpi, in points
MODULE_PREFERRED = 4 * DOT  # 0.96 pt = 0.339 mm
MODULE_MINIMUM = 3 * DOT  # 0.72 pt = 0.254 mm (>= 0.25 mm)
QUIET_MODULES = 10  # ISO/IEC 15417 minimum on each side
BAR_RATIO = 0.16  # bar height / symbol width (quiet zones included): 7 degrees of tilt read
QR_MODULE = 6 * DOT  # 1.44 pt = 0.51 mm
QR_QUIET = 4  # modules, as ISO/IEC 18004 requires


class BarcodeTooLong(DomainError, ValueError):
    """The code does not fit the available width at the minimum module width."""

    code = "barcode_too_long"


@lru_cache(maxsize=256)
def code128_pattern(code: str) -> str:
    """python-barcode's module string for `code` (start, data, check symbol, stop)."""
    return barcode.get_barcode_class("code128")(code).build()[0]


def _runs(pattern: str) -> list[tuple[int, int]]:
    """(start module, length) of each dark bar."""
    runs = []
    start = None
    for i, ch in enumerate(pattern):
        if ch == "1" and start is None:
            start = i
        elif ch != "1" and start is not None:
            runs.append((start, i - start))
            start = None
    if start is not None:
        runs.append((start, len(pattern) - start))
    return runs


def choose_module(modules: int, available: float, quiet: int = QUIET_MODULES) -> float:
    """The widest whole-dot module (4 or 3 dots at 300 dpi) with which `modules` plus both
    quiet zones fit in `available` points."""
    for module in (MODULE_PREFERRED, MODULE_MINIMUM):
        if (modules + 2 * quiet) * module <= available + 1e-6:
            return module
    raise BarcodeTooLong(
        f"a Code128 symbol of {modules} modules needs {(modules + 2 * quiet) * MODULE_MINIMUM:.0f}"
        f" pt at the minimum module width, only {available:.0f} pt are available"
    )


def _on_grid(canvas, x: float) -> float:
    """x moved (by less than a dot) so that the symbol's left edge falls on the page's
    300 dpi grid, whatever translation the canvas is under (inside a table cell, say)."""
    a, _, _, _, e, _ = getattr(canvas, "_currentMatrix", (1, 0, 0, 1, 0, 0))
    if a != 1:  # scaled: leave it alone
        return x
    return round((e + x) / DOT) * DOT - e


class Code128(Flowable):
    """A Code128 symbol with its quiet zones and, when asked, the human-readable code centred
    under it (the forms print "Mã hồ sơ: …" just above instead).

    Its width includes the quiet zones, so nothing laid out beside it can intrude on them. The
    bars are BAR_RATIO of that width unless `bar_height` says otherwise."""

    def __init__(
        self,
        code: str,
        *,
        module: float = MODULE_PREFERRED,
        bar_height: float | None = None,
        quiet: int = QUIET_MODULES,
        font_size: float = 9.5,
        show_text: bool = True,
    ) -> None:
        super().__init__()
        self.code = code
        self.pattern = code128_pattern(code)
        self.module = module
        self.quiet = quiet
        self.font_size = font_size
        self.show_text = show_text
        self.text_gap = 1.2 * mm
        self.width = (len(self.pattern) + 2 * quiet) * module
        self.bar_height = bar_height if bar_height else BAR_RATIO * self.width
        self.height = self.bar_height + (self.text_gap + font_size if show_text else 0)

    @property
    def modules(self) -> int:
        return len(self.pattern)

    def wrap(self, availWidth, availHeight):  # noqa: N803 (reportlab's signature)
        return self.width, self.height

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802, N803 - reportlab's names
        super().drawOn(canvas, _on_grid(canvas, x), y, _sW)

    def draw(self) -> None:
        c = self.canv
        m = self.module
        x0 = self.quiet * m
        y0 = self.height - self.bar_height
        # The bars are a form XObject, defined once per document and placed on every page
        # that shows this code (the two copies of a slip): drawn once, written once.
        key = hashlib.sha1(f"{self.pattern}|{m}|{self.bar_height}".encode()).hexdigest()[:16]
        name = f"Code128_{key}"
        if not c.hasForm(name):
            c.beginForm(name, 0, 0, self.width, self.bar_height)
            c.setFillGray(0)
            path = c.beginPath()
            for start, length in _runs(self.pattern):
                path.rect(x0 + start * m, 0, length * m, self.bar_height)
            c.drawPath(path, stroke=0, fill=1)
            c.endForm()
        c.saveState()
        c.translate(0, y0)
        c.doForm(name)
        c.restoreState()
        if self.show_text:
            c.saveState()
            c.setFont(fonts.REGULAR, self.font_size)
            c.drawCentredString(
                self.width / 2, y0 - self.text_gap - self.font_size * 0.8, self.code
            )
            c.restoreState()


class QRCode(Flowable):
    """A QR code (error correction M) of the same code, with its 4-module quiet zone."""

    def __init__(self, code: str, *, module: float = QR_MODULE) -> None:
        super().__init__()
        self.code = code
        self.matrix = segno.make(code, error="m", micro=False).matrix
        self.module = module
        self.size = (len(self.matrix) + 2 * QR_QUIET) * module
        self.width = self.height = self.size

    def wrap(self, availWidth, availHeight):  # noqa: N803
        return self.width, self.height

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802, N803 - reportlab's names
        super().drawOn(canvas, _on_grid(canvas, x), y, _sW)

    def draw(self) -> None:
        c = self.canv
        m = self.module
        n = len(self.matrix)
        rows = ["".join("1" if v else "0" for v in row) for row in self.matrix]
        key = hashlib.sha1(f"{''.join(rows)}|{m}".encode()).hexdigest()[:16]
        name = f"QR_{key}"
        if not c.hasForm(name):  # once per document, like the Code128 bars
            c.beginForm(name, 0, 0, self.size, self.size)
            c.setFillGray(0)
            path = c.beginPath()
            for r, row in enumerate(rows):
                y = (QR_QUIET + n - 1 - r) * m
                for start, length in _runs(row):
                    path.rect((QR_QUIET + start) * m, y, length * m, m)
            c.drawPath(path, stroke=0, fill=1)
            c.endForm()
        c.doForm(name)
