"""Reading printed PDFs back with real tools: pypdf for text and page boxes, pypdfium2 to
rasterise, zxing-cpp to decode the symbols. Nothing here is mocked."""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass

import pypdfium2 as pdfium
import zxingcpp
from pypdf import PdfReader

A5 = (419.53, 595.28)
A4 = (595.28, 841.89)
A4_LANDSCAPE = (841.89, 595.28)
CODE_RE = re.compile(r"\d{3}\.\d{2}\.\d{2}\.[0-9A-Z]+-\d{6}-\d{4,}")


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def page_sizes(data: bytes) -> list[tuple[float, float]]:
    return [
        (round(float(p.mediabox.width), 2), round(float(p.mediabox.height), 2))
        for p in reader(data).pages
    ]


def texts(data: bytes) -> list[str]:
    """Each page's text, as pypdf extracts it."""
    return [p.extract_text() or "" for p in reader(data).pages]


def pdfium_texts(data: bytes) -> list[str]:
    """Each page's text as PDFium extracts it: a second, independent reader, and a fast one
    for documents of many pages."""
    pdf = pdfium.PdfDocument(data)
    try:
        out = []
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            out.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return out
    finally:
        pdf.close()


def flat(text: str) -> str:
    """Whitespace (line breaks of wrapped text included) collapsed to single spaces."""
    return " ".join(text.split())


def assert_nfc(text: str) -> None:
    assert text == unicodedata.normalize("NFC", text), "extracted text is not NFC"


def assert_contains(page_text: str, *needles: str) -> None:
    hay = flat(page_text)
    missing = [n for n in needles if flat(n) not in hay]
    assert not missing, f"missing on the page: {missing}\n--- page text ---\n{hay}"


@dataclass(frozen=True)
class Symbol:
    format: str
    text: str
    left: int
    right: int
    top: int
    bottom: int


def render(data: bytes, page: int, dpi: int = 300):
    """The page as a grayscale PIL image."""
    pdf = pdfium.PdfDocument(data)
    try:
        return pdf[page].render(scale=dpi / 72, grayscale=True).to_pil()
    finally:
        pdf.close()


def symbols(data: bytes, page: int, dpi: int = 300) -> list[Symbol]:
    """Every barcode zxing-cpp finds on the rasterised page."""
    img = render(data, page, dpi)
    out = []
    for r in zxingcpp.read_barcodes(img):
        p = r.position
        xs = [p.top_left.x, p.top_right.x, p.bottom_left.x, p.bottom_right.x]
        ys = [p.top_left.y, p.top_right.y, p.bottom_left.y, p.bottom_right.y]
        out.append(Symbol(str(r.format), r.text, min(xs), max(xs), min(ys), max(ys)))
    return out


def code128(data: bytes, page: int, dpi: int = 300) -> list[str]:
    return [s.text for s in symbols(data, page, dpi) if "128" in s.format]


def page_count(data: bytes) -> int:
    return len(reader(data).pages)


def image_count(data: bytes) -> int:
    """Raster images on all pages (the barcodes must be vector)."""
    return sum(len(p.images) for p in reader(data).pages)
