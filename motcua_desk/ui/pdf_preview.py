"""The print preview: the PDF the printing layer drew, shown with QtPdf from memory, and a
Print button that remembers the printer and the paper for this kind of form.

Printing rasterises each page with QtPdf at the printer's resolution and paints it on the
QPrinter: what the officer sees is what comes out, and no PDF code of ours runs here.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QPageLayout, QPageSize, QPainter, QShortcut
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

from motcua_desk.ui.settings import PrinterChoice, UiSettings

log = logging.getLogger("motcua.ui.print")


def page_size_for(points: QSize | object) -> tuple[QPageSize, bool]:
    """The standard page size closest to a PDF page (in points) and whether it is landscape."""
    w, h = float(points.width()), float(points.height())
    landscape = w > h
    short, long_ = (h, w) if landscape else (w, h)
    size = QPageSize(QSize(round(short), round(long_)), QPageSize.Unit.Point, "",
                     QPageSize.SizeMatchPolicy.FuzzyMatch)
    return size, landscape


class PdfPreviewDialog(QDialog):
    """Shows one PDF (bytes). `printed` is emitted after the pages went to a printer."""

    printed = Signal(str)  # printer name

    def __init__(self, pdf: bytes, kind: str, title: str, settings: UiSettings,
                 parent: QWidget | None = None, *, file_name: str = "") -> None:
        super().__init__(parent)
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
        self.resize(760, 900)
        self._connect_signals()
        self.print_button.setFocus()

    def _connect_signals(self) -> None:
        self.print_button.clicked.connect(self.choose_printer_and_print)
        self.save_button.clicked.connect(self.save_as)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+P"), self, self.choose_printer_and_print)

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
        printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape
                                   else QPageLayout.Orientation.Portrait)
        printer.setFullPage(True)
        printer.setDocName(self.windowTitle())
        return printer

    def choose_printer_and_print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog

        printer = self._printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print {title}").format(title=self.windowTitle()))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self._remember(printer)
        self.print_to(printer)

    def _remember(self, printer) -> None:
        layout = printer.pageLayout()
        choice = PrinterChoice(
            printer=printer.printerName(),
            paper=layout.pageSize().key(),
            landscape=layout.orientation() == QPageLayout.Orientation.Landscape)
        self._settings.set_printer_for(self.kind, choice)
        self._show_choice(choice)

    def print_to(self, printer) -> None:
        """Paint every page on `printer` (a QPrinter), scaled to its page, keeping proportions."""
        painter = QPainter()
        if not painter.begin(printer):
            log.error("cannot start printing on %r", printer.printerName())
            return
        try:
            dpi = max(150, min(printer.resolution(), 300))
            for index in range(self.document.pageCount()):
                if index:
                    printer.newPage()
                points = self.document.pagePointSize(index)
                image = self.document.render(index, QSize(round(points.width() * dpi / 72),
                                                          round(points.height() * dpi / 72)))
                target = QRectF(painter.viewport())
                scale = min(target.width() / image.width(), target.height() / image.height())
                w, h = image.width() * scale, image.height() * scale
                painter.drawImage(QRectF(target.x() + (target.width() - w) / 2,
                                         target.y() + (target.height() - h) / 2, w, h), image)
        finally:
            painter.end()
        log.info("printed %s (%d pages) on %r", self.kind, self.document.pageCount(),
                 printer.printerName())
        self.printed.emit(printer.printerName())

    def save_as(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), self._file_name,
                                              self.tr("PDF files (*.pdf)"))
        if path:
            Path(path).write_bytes(self.pdf_bytes)


def _named_page_size(key: str) -> QPageSize | None:
    for pid in (QPageSize.PageSizeId.A4, QPageSize.PageSizeId.A5, QPageSize.PageSizeId.A3,
                QPageSize.PageSizeId.Letter, QPageSize.PageSizeId.Legal):
        size = QPageSize(pid)
        if size.key() == key:
            return size
    return None

