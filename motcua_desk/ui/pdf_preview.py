"""The print preview: the PDF the printing layer drew, shown with QtPdf from memory, and a
Print button that remembers the printer, the paper and the tray for this kind of form.

Printing rasterises each page with QtPdf and paints it on a QPrinter at the form's own paper
size, 100 %, never "fit to page": the page is rendered at the printer's resolution (or at an
integer fraction of it when that is above 300 dpi, then enlarged by a whole factor), so a
barcode module of whole printer dots stays whole dots and a 148 mm page stays 148 mm.

The print dialog comes from a factory (`print_dialog`, QPrintDialog by default): tests inject
one that chooses a PDF file as the printer, and everything after it (QPrinter, QPainter, the
"printed" signal that logs the print) runs for real.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QRect,
    QSize,
    QSizeF,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from motcua_desk.ui.actions import LocalId, local_shortcuts
from motcua_desk.ui.settings import PrinterChoice, UiSettings

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

log = logging.getLogger("motcua.ui.print")

MM_PER_POINT = 25.4 / 72
MAX_RENDER_DPI = 300  # above this, render at dpi/k and enlarge k times (whole dots kept)
_STANDARD = ("A4", "A5", "A3", "Letter", "Legal")


def page_size_for(points: QSizeF | QSize) -> tuple[QPageSize, bool]:
    """The page size of a PDF page (in points) and whether it is landscape: a standard id
    (A5, A4, …) when the page is one, within half a millimetre; else a custom size in
    millimetres. Uses only constructors that every supported PySide6 has (6.12 refuses
    QPageSize(QSize, Unit.Point, name, policy))."""
    w, h = float(points.width()), float(points.height())
    landscape = w > h
    short, long_ = (h, w) if landscape else (w, h)
    short_mm, long_mm = short * MM_PER_POINT, long_ * MM_PER_POINT
    for key in _STANDARD:
        pid = getattr(QPageSize.PageSizeId, key)
        size = QPageSize.size(pid, QPageSize.Unit.Millimeter)
        if abs(size.width() - short_mm) <= 0.5 and abs(size.height() - long_mm) <= 0.5:
            return QPageSize(pid), landscape
    return (
        QPageSize(
            QSizeF(short_mm, long_mm),
            QPageSize.Unit.Millimeter,
            "",
            QPageSize.SizeMatchPolicy.ExactMatch,
        ),
        landscape,
    )


def fit_to_screen(available: QRect, page_points: QSizeF | None = None) -> QSize:
    """The preview's size on a screen whose available geometry is `available`: the whole
    height but a margin for the title bar (so the buttons are on screen at 1366×768), a width
    that shows a portrait page, never more than the screen; it grows with bigger screens."""
    frame = 48  # title bar and window frame that the available geometry does not include
    height = max(360, min(available.height() - frame, 1400))
    ratio = 0.78
    if page_points is not None and page_points.height() > 0:
        ratio = min(1.6, max(0.6, page_points.width() / page_points.height() + 0.08))
    width = max(480, round(height * ratio))
    return QSize(min(width, available.width() - 16), min(height, available.height() - frame))


def default_print_dialog(printer: QPrinter, parent: QWidget) -> QDialog:
    from PySide6.QtPrintSupport import QPrintDialog

    return QPrintDialog(printer, parent)


class PdfPreviewDialog(QDialog):
    """Shows one PDF (bytes). `printed` is emitted once the printer took the whole job (the
    painter started and finished); `print_failed` when it refused it."""

    printed = Signal(str)  # printer name
    print_failed = Signal(str)  # printer name

    def __init__(
        self,
        pdf: bytes,
        kind: str,
        title: str,
        settings: UiSettings,
        parent: QWidget | None = None,
        *,
        file_name: str = "",
        print_dialog: Callable[[QPrinter, QWidget], QDialog] | None = None,
    ) -> None:
        super().__init__(parent)
        self._print_dialog = print_dialog or default_print_dialog
        self.setObjectName("pdfPreview")
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.pdf_bytes = pdf
        self.kind = kind
        self._settings = settings
        self._file_name = file_name or f"{kind}.pdf"
        self._data = QByteArray(pdf)
        self._buffer = QBuffer(self._data, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)

        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)

        self.title_label = QLabel(f"<b>{title}</b>", self)
        choice = settings.printer_for(kind)
        self.printer_label = QLabel(self)
        self._show_choice(choice)
        self.print_button = QPushButton(self.tr("&Print"), self)
        self.print_button.setObjectName("printButton")
        self.print_button.setDefault(True)
        self.print_button.setAutoDefault(True)
        self.print_button.setStyleSheet("font-weight: bold; padding: 4px 18px;")
        self.save_button = QPushButton(self.tr("&Save as PDF…"), self)
        self.close_button = QPushButton(self.tr("&Close"), self)
        self.close_button.setAutoDefault(False)
        self.save_button.setAutoDefault(False)

        top = QHBoxLayout()
        top.addWidget(self.title_label, 1)
        top.addWidget(self.printer_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self._fit_screen()
        self._connect_signals()
        self.print_button.setFocus()

    def _fit_screen(self) -> None:
        screen = (
            self.parentWidget().screen()
            if self.parentWidget() is not None
            else QGuiApplication.primaryScreen()
        )
        if screen is None:
            self.resize(640, 700)
            return
        available = screen.availableGeometry()
        page = self.document.pagePointSize(0) if self.document.pageCount() else None
        self.resize(fit_to_screen(available, page))
        self.setMaximumSize(available.size())
        frame = self.frameGeometry()
        frame.moveCenter(available.center())
        self.move(max(available.left(), frame.left()), max(available.top(), frame.top()))

    def _connect_signals(self) -> None:
        self.print_button.clicked.connect(self.choose_printer_and_print)
        self.save_button.clicked.connect(self.save_as)
        self.close_button.clicked.connect(self.reject)
        local_shortcuts(LocalId.PRINT_PREVIEW, self, self.choose_printer_and_print)

    def _show_choice(self, choice: PrinterChoice) -> None:
        name = choice.printer or self.tr("default printer")
        paper = f" · {choice.paper}" if choice.paper else ""
        self.printer_label.setText(self.tr("Printer: {name}").format(name=name) + paper)

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    # --- printing -----------------------------------------------------------------------------
    def _printer(self):
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        choice = self._settings.printer_for(self.kind)
        if choice.printer:
            printer.setPrinterName(choice.printer)
        size, landscape = page_size_for(self.document.pagePointSize(0))
        if choice.paper:
            named = _named_page_size(choice.paper)
            if named is not None:
                size = named
        if choice.landscape is not None:
            landscape = choice.landscape
        printer.setPageSize(size)
        printer.setPageOrientation(
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        )
        if choice.tray is not None:
            try:
                printer.setPaperSource(QPrinter.PaperSource(choice.tray))
            except ValueError:
                log.warning(
                    "unknown paper source %r for %s: the driver's default is used",
                    choice.tray,
                    self.kind,
                )
        printer.setFullPage(True)
        printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
        printer.setDocName(self.windowTitle())
        return printer

    def choose_printer_and_print(self) -> bool:
        """The print dialog (from the factory), then the job. True when the printer took it."""
        printer = self._printer()
        dialog = self._print_dialog(printer, self)
        if hasattr(dialog, "setWindowTitle"):
            dialog.setWindowTitle(self.tr("Print {title}").format(title=self.windowTitle()))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self._remember(printer)
        return self.print_to(printer)

    def _remember(self, printer) -> None:
        layout = printer.pageLayout()
        source = printer.paperSource()
        choice = PrinterChoice(
            printer=printer.printerName(),
            paper=layout.pageSize().key(),
            landscape=layout.orientation() == QPageLayout.Orientation.Landscape,
            tray=int(source.value) if hasattr(source, "value") else int(source),
        )
        self._settings.set_printer_for(self.kind, choice)
        self._show_choice(choice)

    def print_to(self, printer) -> bool:
        """Paint every page on `printer` (a QPrinter) at 100 %: one PDF point is one point of
        paper, the page's top left corner at the paper's. Emits `printed` (and returns True)
        once the painter has finished the whole job."""
        name = printer.printerName() or printer.outputFileName()
        painter = QPainter()
        if not painter.begin(printer):
            log.error("the printer %r refused the job (%s)", name, self.kind)
            self.print_failed.emit(name)
            return False
        ok = True
        try:
            dpi = printer.resolution()
            factor = max(1, math.ceil(dpi / MAX_RENDER_DPI))
            render_dpi = dpi / factor
            for index in range(self.document.pageCount()):
                if index and not printer.newPage():
                    ok = False
                    break
                points = self.document.pagePointSize(index)
                px = QSize(
                    round(points.width() * render_dpi / 72),
                    round(points.height() * render_dpi / 72),
                )
                image = self.document.render(index, px)
                # device pixels of the printer = dots; the page starts at the paper's corner
                target = QRect(0, 0, px.width() * factor, px.height() * factor)
                painter.drawImage(target, image)
        finally:
            ok = painter.end() and ok
        if not ok:
            log.error("the printer %r stopped in the middle of the job (%s)", name, self.kind)
            self.print_failed.emit(name)
            return False
        log.info("printed %s (%d pages) on %r", self.kind, self.document.pageCount(), name)
        self.printed.emit(name)
        return True

    def save_as(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), self._file_name, self.tr("PDF files (*.pdf)")
        )
        if path:
            Path(path).write_bytes(self.pdf_bytes)


def _named_page_size(key: str) -> QPageSize | None:
    for pid in (
        QPageSize.PageSizeId.A4,
        QPageSize.PageSizeId.A5,
        QPageSize.PageSizeId.A3,
        QPageSize.PageSizeId.Letter,
        QPageSize.PageSizeId.Legal,
    ):
        size = QPageSize(pid)
        if size.key() == key:
            return size
    return None
