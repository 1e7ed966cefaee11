"""Printing from the window for real: the preview's Print button (or Ctrl+P) runs a QPrinter
job into a PDF file (only the modal QPrintDialog is replaced, through the injectable dialog
factory), the printed PDF is rasterised with pypdfium2 and its barcode decoded with zxing-cpp;
the paper is the form's own size at 100 %; the print is logged when the job is taken, not when
the preview opens; the preview fits the screen."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from PySide6.QtCore import QRect, QSizeF, Qt
from PySide6.QtGui import QPageSize
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from motcua_desk.services import IntakeRequest
from motcua_desk.ui.pdf_preview import fit_to_screen, page_size_for
from tests.ui.conftest import QT_LOG_IGNORE

A5_PT = (419.53, 595.28)
A4_PT = (595.28, 841.89)


class PdfFileDialog:
    """Stands in for QPrintDialog: "chooses" a PDF file as the printer and accepts, or
    cancels. Everything after it (QPrinter, QPainter, the record) is the real path."""

    def __init__(self, path: Path, accept: bool = True) -> None:
        self.path = path
        self.accept = accept
        self.calls = 0
        self.title = ""

    def __call__(self, printer, parent):
        from PySide6.QtPrintSupport import QPrinter

        self.calls += 1
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.path))
        return self

    def setWindowTitle(self, title: str) -> None:  # noqa: N802 (QDialog's name)
        self.title = title

    def exec(self):
        return QDialog.DialogCode.Accepted if self.accept else QDialog.DialogCode.Rejected


def decoded(pdf: bytes, page: int = 0, dpi: int = 300) -> list[tuple[str, str, float]]:
    """(format, text, width in pixels) of every symbol zxing-cpp finds on a page."""
    doc = pypdfium2.PdfDocument(pdf)
    try:
        img = doc[page].render(scale=dpi / 72, grayscale=True).to_pil()
    finally:
        doc.close()
    out = []
    for r in zxingcpp.read_barcodes(img):
        p = r.position
        xs = [p.top_left.x, p.top_right.x, p.bottom_left.x, p.bottom_right.x]
        out.append((str(r.format), r.text, max(xs) - min(xs)))
    return out


def pdf_text(pdf: bytes) -> str:
    return "".join(p.get_textpage().get_text_range() for p in pypdfium2.PdfDocument(pdf))


def page_points(pdf: bytes) -> list[tuple[float, float]]:
    doc = pypdfium2.PdfDocument(pdf)
    try:
        return [tuple(doc[i].get_size()) for i in range(len(doc))]
    finally:
        doc.close()


def recorded_slips(services, code: str) -> list[tuple[int, bool]]:
    return [
        (e.payload["copy"], e.payload["reprint"])
        for e in services.dossiers.find_by_code(code).events
        if e.type == "printed"
    ]


def open_slip(window, qtbot, code):
    with qtbot.waitSignal(window.print_flow.preview_opened, timeout=20_000) as opened:
        window.print_flow.print_form(code, "slip")
    return opened.args[0]


def test_print_button_prints_a5_at_100_percent_and_logs_the_print(
    window, services, qtbot, tmp_path
):
    code = services.dossiers.intake(IntakeRequest("1.004873", "Trần Thị In")).dossier.code
    out = tmp_path / "job.pdf"
    factory = PdfFileDialog(out)
    window.print_flow.print_dialog = factory
    preview = open_slip(window, qtbot, code)
    assert recorded_slips(services, code) == []  # a preview is not a print
    with qtbot.waitSignal(window.print_flow.recorded, timeout=20_000):
        preview.print_button.click()
    assert factory.calls == 1 and code in factory.title
    printed = out.read_bytes()
    # the paper is A5 portrait, one sheet per copy
    sizes = page_points(printed)
    assert len(sizes) == preview.page_count == 2
    for w, h in sizes:
        assert w == pytest.approx(A5_PT[0], abs=1.0) and h == pytest.approx(A5_PT[1], abs=1.0)
    # the printed barcode decodes, and is exactly as wide as the original's (100 %, no fit)
    original = {(f, t): w for f, t, w in decoded(preview.pdf_bytes, 1)}
    on_paper = {(f, t): w for f, t, w in decoded(printed, 1)}
    bars = [k for k in on_paper if "128" in k[0]]
    assert bars and all(k[1] == code for k in bars)
    for k in bars:
        assert k in original
        assert on_paper[k] == pytest.approx(original[k], abs=2)  # pixels at 300 dpi
    # logged once the job was taken: copy 1, not a reprint
    assert recorded_slips(services, code) == [(1, False)]
    # the printer, paper and tray are remembered for slips (and only for slips)
    choice = window.print_flow._settings.printer_for("slip")
    assert choice.paper == "A5" and choice.landscape is False
    assert window.print_flow._settings.printer_for("control").paper == ""
    preview.close()


def test_ctrl_p_prints_and_the_second_print_is_a_reprint(window, services, qtbot, tmp_path):
    code = services.dossiers.intake(IntakeRequest("1.004873", "Lê Văn Hai")).dossier.code
    window.print_flow.print_dialog = PdfFileDialog(tmp_path / "first.pdf")
    preview = open_slip(window, qtbot, code)
    preview.activateWindow()
    qtbot.waitUntil(preview.isActiveWindow, timeout=5000)
    with qtbot.waitSignal(window.print_flow.recorded, timeout=20_000):
        QTest.keyClick(preview, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert (tmp_path / "first.pdf").stat().st_size > 1000
    assert "BẢN IN LẠI" not in pdf_text(preview.pdf_bytes)  # the printed page is an image
    preview.close()
    window.print_flow.print_dialog = PdfFileDialog(tmp_path / "second.pdf")
    again = open_slip(window, qtbot, code)
    with qtbot.waitSignal(window.print_flow.recorded, timeout=20_000):
        again.print_button.click()
    second = (tmp_path / "second.pdf").read_bytes()
    assert "BẢN IN LẠI – LẦN 1" in pdf_text(again.pdf_bytes)
    assert any(t == code for _f, t, _w in decoded(second, 1))
    assert recorded_slips(services, code) == [(1, False), (2, True)]
    again.close()


def test_cancelled_print_dialog_logs_nothing(window, services, qtbot, tmp_path):
    code = services.dossiers.intake(IntakeRequest("1.004873", "Đỗ Văn Thôi")).dossier.code
    factory = PdfFileDialog(tmp_path / "never.pdf", accept=False)
    window.print_flow.print_dialog = factory
    preview = open_slip(window, qtbot, code)
    assert preview.choose_printer_and_print() is False
    assert factory.calls == 1 and not (tmp_path / "never.pdf").exists()
    preview.close()
    # a preview opened and closed unprinted leaves no trace in the history either
    assert recorded_slips(services, code) == []
    assert services.dossiers.find_by_code(code).dossier.prints == {}


@pytest.mark.qt_log_ignore(r"QPainter::begin\(\): Returned false", *QT_LOG_IGNORE)
def test_a_refused_job_is_reported_and_not_logged(window, services, qtbot, tmp_path):
    code = services.dossiers.intake(IntakeRequest("1.004873", "Phan Văn Lỗi")).dossier.code
    blocked = tmp_path / "no-such-dir" / "job.pdf"  # the "printer" cannot open its output
    window.print_flow.print_dialog = PdfFileDialog(blocked)
    preview = open_slip(window, qtbot, code)
    with qtbot.waitSignal(preview.print_failed, timeout=20_000):
        assert preview.choose_printer_and_print() is False
    assert recorded_slips(services, code) == []
    assert "did not accept" in window.message_bar.text or "không nhận" in window.message_bar.text
    preview.close()


def test_control_sheet_prints_on_a4(window, services, qtbot, tmp_path):
    code = services.dossiers.intake(IntakeRequest("1.004873", "Vũ Văn Bốn")).dossier.code
    out = tmp_path / "control.pdf"
    window.print_flow.print_dialog = PdfFileDialog(out)
    with qtbot.waitSignal(window.print_flow.preview_opened, timeout=20_000) as opened:
        window.print_flow.print_form(code, "control")
    preview = opened.args[0]
    with qtbot.waitSignal(window.print_flow.recorded, timeout=20_000):
        preview.print_button.click()
    sizes = page_points(out.read_bytes())
    assert sizes and all(
        w == pytest.approx(A4_PT[0], abs=1.0) and h == pytest.approx(A4_PT[1], abs=1.0)
        for w, h in sizes
    )
    assert any(t == code for _f, t, _w in decoded(out.read_bytes(), 0))
    preview.close()


@pytest.mark.parametrize(
    "points, key", [((419.53, 595.28), "A5"), ((595.28, 841.89), "A4"), ((841.89, 595.28), "A4")]
)
def test_page_size_for_standard_sizes(points, key):
    size, landscape = page_size_for(QSizeF(*points))
    assert size.key() == key and size.isValid()
    assert landscape == (points[0] > points[1])


def test_page_size_for_a_custom_size():
    size, landscape = page_size_for(QSizeF(300, 400))
    assert size.isValid() and not landscape
    got = size.size(QPageSize.Unit.Millimeter)
    assert got.width() == pytest.approx(300 * 25.4 / 72, abs=0.2)
    assert got.height() == pytest.approx(400 * 25.4 / 72, abs=0.2)


@pytest.mark.parametrize(
    "w, h", [(1366, 768), (1280, 720), (1024, 600), (1920, 1080), (2560, 1440)]
)
def test_preview_size_fits_the_screen_and_grows(w, h):
    avail = QRect(0, 0, w, h - 40)  # a task bar
    size = fit_to_screen(avail, QSizeF(*A5_PT))
    assert size.width() <= avail.width() and size.height() + 40 <= avail.height() + 40
    assert size.height() <= avail.height() - 40
    small = fit_to_screen(QRect(0, 0, 1366, 728), QSizeF(*A5_PT))
    if h > 768:
        assert size.height() > small.height()


def test_preview_window_stays_inside_the_screen(window, services, qtbot):
    code = services.dossiers.intake(IntakeRequest("1.004873", "Ngô Văn Màn")).dossier.code
    preview = open_slip(window, qtbot, code)
    avail = preview.screen().availableGeometry()
    assert preview.width() <= avail.width() and preview.height() <= avail.height()
    # the buttons are inside the dialog, not below its bottom edge
    for button in (preview.print_button, preview.save_button, preview.close_button):
        bottom = button.mapTo(preview, button.rect().bottomLeft()).y()
        assert 0 < bottom <= preview.height()
    assert preview.minimumSizeHint().height() <= 768 - 80
    preview.close()
