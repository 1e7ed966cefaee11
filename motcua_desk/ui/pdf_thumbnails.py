"""Small pictures of a PDF's pages (QtPdf), drawn on the render lane (Worker.compute), never
on the GUI thread: `render(path)` returns QImages (thread-safe), made into icons by the view."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument

HEIGHT = 90  # pixels: a thumbnail, not a preview
MAX_PAGES = 40  # a long scan shows its first pages; the file opens for the rest


def render(path: Path, height: int = HEIGHT, max_pages: int = MAX_PAGES) -> tuple[int, list]:
    """(the page count, the first `max_pages` pages as QImages `height` pixels high). Runs on
    the render lane: the document is made, used and dropped on that thread."""
    doc = QPdfDocument(None)
    try:
        if doc.load(str(path)) != QPdfDocument.Error.None_:
            return 0, []
        images: list[QImage] = []
        for i in range(min(doc.pageCount(), max_pages)):
            points = doc.pagePointSize(i)
            if points.height() <= 0:
                continue
            width = max(1, round(points.width() * height / points.height()))
            images.append(doc.render(i, QSize(width, height)))
        return doc.pageCount(), images
    finally:
        doc.close()
