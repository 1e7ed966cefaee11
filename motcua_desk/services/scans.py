"""What a scanned file holds, and one PDF out of several images: pages, resolution, colour,
PDF/A. The office's scanner software writes PDFs or images (PNG, JPEG, TIFF) into a folder;
the desk keeps a PDF as it was given and puts images into one PDF in the order given.

Read with pypdf (page count, the resolution and colour of each page's images, the PDF/A mark
in the XMP metadata) and Pillow (an image's resolution and mode). Nothing here writes to the
store; a file that is neither is refused with a clear message.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from motcua_desk.domain.errors import ValidationError

# TT 01/2023/TT-VPCP and the digitisation guides ask for at least 200 dpi.
MIN_DPI = 200
A4_WIDTH_IN = 8.27
MAX_FILE_BYTES = 512 * 1024**2
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
SCAN_SUFFIXES = (".pdf", *IMAGE_SUFFIXES)


@dataclass
class PageInfo:
    dpi: float | None  # None: no image on the page (a born-digital page)
    colour: bool  # False: black and white or grey


@dataclass
class ScanInfo:
    pdf: bytes
    name: str
    pages: list[PageInfo] = field(default_factory=list)
    pdfa: bool = False
    from_images: bool = False

    @property
    def page_count(self) -> int:
        return len(self.pages)

    @property
    def lowest_dpi(self) -> float | None:
        dpis = [p.dpi for p in self.pages if p.dpi is not None]
        return min(dpis) if dpis else None

    @property
    def all_colour(self) -> bool:
        return all(p.colour for p in self.pages if p.dpi is not None)


def _bad(path: Path, why: str) -> ValidationError:
    return ValidationError("file", f"{path.name}: {why}", code="scan_file", file=str(path))


def _read(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise _bad(path, "is a folder, not a scanned file")
        if size > MAX_FILE_BYTES:
            raise _bad(path, f"is {size // 1024**2:,} MB, more than a scan can be")
        if size == 0:
            raise _bad(path, "is empty (the scanner may still be writing it)")
        return path.read_bytes()
    except FileNotFoundError:
        raise _bad(path, "does not exist (any more)") from None
    except OSError as err:
        raise _bad(path, f"cannot be read: {err.strerror or err}") from None


def read_scans(paths: Sequence[Path]) -> ScanInfo:
    """One scanned paper from its files: a single PDF kept as it is, or images (one page each,
    a TIFF may hold several) put into one PDF in the order given."""
    if not paths:
        raise ValidationError("file", "no file was given", code="scan_file")
    pdfs = [p for p in paths if p.suffix.lower() == ".pdf"]
    if pdfs and len(paths) > 1:
        raise ValidationError(
            "file",
            "a PDF is kept as it was given: attach it alone, or attach images (they become "
            "one PDF)",
            code="scan_mixed",
        )
    for p in paths:
        if p.suffix.lower() not in SCAN_SUFFIXES:
            raise _bad(p, f"is not a PDF or an image ({', '.join(SCAN_SUFFIXES)})")
    if pdfs:
        return _pdf_info(pdfs[0], _read(pdfs[0]))
    return _images_to_pdf(paths)


def _pdf_info(path: Path, data: bytes) -> ScanInfo:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    if not data.startswith(b"%PDF-"):
        raise _bad(path, "is not a PDF (it does not start with %PDF-)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise _bad(path, "is encrypted: save it from the scanner without a password")
        pages = [_page_info(page) for page in reader.pages]
        pdfa = _is_pdfa(reader)
    except ValidationError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as err:
        raise _bad(path, f"is a damaged PDF ({type(err).__name__})") from None
    if not pages:
        raise _bad(path, "has no page")
    return ScanInfo(pdf=data, name=path.name, pages=pages, pdfa=pdfa)


def _page_info(page) -> PageInfo:
    """The resolution of the largest image on the page (what a scanner puts there), from its
    pixel width over the page's width in inches; colour from its colour space."""
    width_in = float(page.mediabox.width) / 72.0
    best: tuple[int, bool] | None = None
    resources = page.get("/Resources")
    xobjects = resources.get_object().get("/XObject") if resources is not None else None
    if xobjects is not None:
        for ref in xobjects.get_object().values():
            obj = ref.get_object()
            if obj.get("/Subtype") != "/Image":
                continue
            px = int(obj.get("/Width", 0))
            space = obj.get("/ColorSpace")
            space = space.get_object() if hasattr(space, "get_object") else space
            if isinstance(space, list) and space:
                space = space[0]
            bits = int(obj.get("/BitsPerComponent", 8))
            colour = str(space) not in ("/DeviceGray", "/CalGray") and bits != 1
            if obj.get("/ImageMask"):
                colour = False
            if best is None or px > best[0]:
                best = (px, colour)
    if best is None or width_in <= 0:
        return PageInfo(dpi=None, colour=True)
    return PageInfo(dpi=best[0] / width_in, colour=best[1])


def _is_pdfa(reader) -> bool:
    try:
        meta = reader.xmp_metadata
    except Exception:  # noqa: BLE001 - a malformed XMP packet only means "not PDF/A"
        return False
    if meta is None:
        return False
    try:
        xml = meta.rdf_root.toxml()
    except Exception:  # noqa: BLE001 - a malformed XMP packet only means "not PDF/A"
        return False
    return "pdfaid" in xml


def _images_to_pdf(paths: Sequence[Path]) -> ScanInfo:
    from PIL import Image, ImageSequence, UnidentifiedImageError

    frames = []
    pages: list[PageInfo] = []
    for path in paths:
        data = _read(path)
        try:
            image = Image.open(io.BytesIO(data))
            image.load()
            for frame in ImageSequence.Iterator(image):
                frame = frame.copy()
                dpi = _image_dpi(frame)
                colour = frame.mode not in ("1", "L", "LA", "I", "I;16", "F")
                if frame.mode not in ("RGB", "L", "1"):
                    frame = frame.convert("RGB")
                frames.append((frame, dpi))
                pages.append(PageInfo(dpi=dpi, colour=colour))
        except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
            raise _bad(path, "is not an image this desk can read") from None
    # Each page at its own resolution (Pillow writes one resolution for a whole file), then
    # the pages put together in order.
    from pypdf import PdfWriter

    writer = PdfWriter()
    for frame, dpi in frames:
        one = io.BytesIO()
        frame.save(one, "PDF", resolution=dpi)
        one.seek(0)
        writer.append(one)
    out = io.BytesIO()
    writer.write(out)
    name = paths[0].stem + ".pdf"
    return ScanInfo(pdf=out.getvalue(), name=name, pages=pages, from_images=True)


def _image_dpi(image) -> float:
    """The image's stated resolution; without one, as if it were the width of an A4 page."""
    dpi = image.info.get("dpi")
    if dpi and dpi[0] and float(dpi[0]) > 1:
        return float(dpi[0])
    return image.width / A4_WIDTH_IN


def warnings_for(info: ScanInfo, declared_pages: int, stamped: bool) -> list[str]:
    """The desk's three warnings about a scan (digitisation rule of TT 01/2023 Art. 8: every
    page copied, at a readable resolution, the red seal legible)."""
    out = []
    if declared_pages and info.page_count != declared_pages:
        out.append("page_count")
    low = info.lowest_dpi
    if low is not None and low < MIN_DPI - 0.5:
        out.append("low_dpi")
    if stamped and not info.all_colour:
        out.append("stamped_bw")
    return out
