"""The slip the window prints carries the QR by default (issue 9), and the job that reaches
a 203-dpi printer keeps a symbol through a slip folded in quarters: the real QPrinter path
into a PDF file at the printer's resolution (only the modal print dialog is replaced), the
paper thresholded, creased and read with zxing-cpp (tests/printing/paper.py)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtWidgets import QDialog

from motcua_desk.services import IntakeRequest
from tests.printing import pdfcheck as pc
from tests.printing.paper import HALF_FOLD, QUARTER_FOLD, Print, crease, printed, read


class ThermalPdfDialog:
    """Stands in for QPrintDialog: a PDF file as the printer, at 203 dpi like a thermal
    printer (the preview renders the pages at the printer's resolution)."""

    def __init__(self, path: Path, dpi: int) -> None:
        self.path, self.dpi = path, dpi

    def __call__(self, printer, parent):
        from PySide6.QtPrintSupport import QPrinter

        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.path))
        printer.setResolution(self.dpi)
        return self

    def setWindowTitle(self, title: str) -> None:  # noqa: N802 (QDialog's name)
        pass

    def exec(self):
        return QDialog.DialogCode.Accepted


def test_the_window_prints_the_qr_by_default_and_it_survives_a_quarter_fold_at_203_dpi(
    window, services, qtbot, tmp_path
):
    assert services.settings.get("office") is None  # the desk never touched its settings
    code = services.dossiers.intake(IntakeRequest("1.004873", "Đặng Thị Gấp")).dossier.code
    out = tmp_path / "job.pdf"
    window.print_flow.print_dialog = ThermalPdfDialog(out, 203)
    with qtbot.waitSignal(window.print_flow.preview_opened, timeout=20_000) as opened:
        window.print_flow.print_form(code, "slip")
    preview = opened.args[0]
    with qtbot.waitSignal(window.print_flow.recorded, timeout=20_000):
        preview.print_button.click()
    preview.close()
    job = out.read_bytes()
    # the pages went to the printer as 203 dpi rasters (148 mm = 1183 dots)
    widths = [img.image.width for p in pc.reader(job).pages for img in p.images]
    assert widths and all(abs(w - 1183) <= 2 for w in widths), widths
    pdf = pdfium.PdfDocument(job)
    try:
        assert len(pdf) == 2
        for page in range(2):  # Liên 1 and Liên 2
            paper = printed(pdf, page, Print(203))
            assert read(paper) == {"Code128": code, "QR": code}
            for shade in ("white", "dark"):
                folded = crease(
                    crease(paper, 203, "y", HALF_FOLD, 1.0, shade),
                    203,
                    "x",
                    QUARTER_FOLD,
                    1.0,
                    shade,
                )
                assert read(folded).get("QR") == code, (page, shade)
    finally:
        pdf.close()
