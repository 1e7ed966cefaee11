"""A model of the slip's life after the counter, for the degradation tests: printed as dots,
then folded, tilted or blurred (Pillow), then read by zxing-cpp.

Coordinates are millimetres of the A5 sheet (148 × 210, y up from the bottom edge as in the
PDF). Folded in half the crease runs along y = 105, folded in quarters along x = 74 as well.
A crease is a band 0.3 or 1 mm wide anywhere within 3 mm of the fold line: "white" (the ink
cracked off), "grey" (the ink worn to grey, the paper stays white) or "dark" (dirt in the
fold). An 80 % "fit to page" print is the page scaled about the sheet's centre, the folds
staying where the paper folds. A tilt turns the whole sheet under the reader."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pypdfium2 as pdfium
import zxingcpp
from PIL import Image, ImageDraw, ImageFilter

SHEET = (148.0, 210.0)  # A5, mm
HALF_FOLD = 105.0  # y of the crease of a slip folded in half
QUARTER_FOLD = 74.0  # x of the second crease of a slip folded in quarters
SHADES = ("white", "grey", "dark")
OFFSETS = (-3.0, -1.5, 0.0, 1.5, 3.0)  # mm from the fold line
WIDTHS = (0.3, 1.0)  # mm
SYMBOLS = ("Code128", "QR")

FORMATS = (zxingcpp.BarcodeFormat.Code128, zxingcpp.BarcodeFormat.QRCode)
try:  # zxing-cpp 3 takes a tuple (and deprecates "|"), 2.x only the "|" of two formats
    zxingcpp.read_barcodes(Image.new("L", (8, 8), 255), formats=FORMATS)
except TypeError:
    FORMATS = FORMATS[0] | FORMATS[1]


@dataclass(frozen=True)
class Print:
    dpi: int
    scale: float = 1.0

    @property
    def label(self) -> str:
        return f"{self.dpi} dpi" + (f" {self.scale:.0%}" if self.scale != 1 else "")


def printed(pdf: pdfium.PdfDocument, page: int, pr: Print) -> Image.Image:
    """The sheet as the printer puts dots on it: black or white, the page scaled about the
    sheet's centre when printed "fit to page"."""
    img = pdf[page].render(scale=pr.dpi * pr.scale / 72, grayscale=True).to_pil().convert("L")
    img = threshold(img)
    if pr.scale != 1:
        w, h = (round(s / 25.4 * pr.dpi) for s in SHEET)
        sheet = Image.new("L", (w, h), 255)
        sheet.paste(img, ((w - img.width) // 2, (h - img.height) // 2))
        img = sheet
    return img


def threshold(img: Image.Image) -> Image.Image:
    return img.convert("L").point(lambda v: 0 if v < 128 else 255)


def crease(
    img: Image.Image, dpi: float, axis: str, at: float, width: float, shade: str
) -> Image.Image:
    """A band `width` mm wide centred on x = `at` (axis "x") or y = `at` (axis "y") mm."""
    px = dpi / 25.4
    w = max(1, round(width * px))
    centre = at * px if axis == "x" else (SHEET[1] - at) * px
    lo = round(centre - w / 2)
    box = (lo, 0, lo + w, img.height) if axis == "x" else (0, lo, img.width, lo + w)
    out = img.copy()
    if shade == "grey":  # worn ink: dark dots turn grey, the paper stays white
        out.paste(out.crop(box).point(lambda v: max(v, 150)), box[:2])
    else:
        ImageDraw.Draw(out).rectangle(
            (box[0], box[1], box[2] - 1, box[3] - 1), fill=255 if shade == "white" else 40
        )
    return out


Degrade = Callable[[Image.Image, int], Image.Image]


def creases(axes: tuple[str, ...], offsets=OFFSETS, widths=WIDTHS, shades=SHADES) -> list[Degrade]:
    """One variant per offset × width × shade, the same crease along each of `axes`."""
    out = []
    for off in offsets:
        for width in widths:
            for shade in shades:

                def f(img, dpi, off=off, width=width, shade=shade):
                    for axis in axes:
                        fold = HALF_FOLD if axis == "y" else QUARTER_FOLD
                        img = crease(img, dpi, axis, fold + off, width, shade)
                    return img

                out.append(f)
    return out


def tilt(angle: float) -> Degrade:
    return lambda img, dpi: img.rotate(
        angle, resample=Image.Resampling.BILINEAR, expand=True, fillcolor=255
    )


def blur(mm: float) -> Degrade:
    return lambda img, dpi: img.filter(ImageFilter.GaussianBlur(mm * dpi / 25.4))


def read(img: Image.Image) -> dict[str, str]:
    """{"Code128" | "QR": text} of what zxing-cpp decodes on the image."""
    out = {}
    for r in zxingcpp.read_barcodes(img, formats=FORMATS):
        out["QR" if r.format == zxingcpp.BarcodeFormat.QRCode else "Code128"] = r.text
    return out
