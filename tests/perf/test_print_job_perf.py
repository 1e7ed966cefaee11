"""Benchmark (issue 9): Ctrl+P in the slip's preview to the job sent, through the real
QPrinter (PDF output) and the print record, against the bare primitive in the same run: a
QPrinter and a QPainter drawing the same two page images. Figures, not a timed test.

    python -m pytest tests/perf/test_print_job_perf.py -s
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest

from motcua_desk.services import IntakeRequest
from motcua_desk.ui.settings import UiSettings
from tests.ui.conftest import _make_window
from tests.ui.test_print_window import PdfFileDialog, open_slip

pytestmark = pytest.mark.perf
RUNS = 5


def _bare_job(path: Path, images: list[QImage], dpi: int) -> float:
    t0 = time.perf_counter()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    painter = QPainter(printer)
    for i, image in enumerate(images):
        if i:
            printer.newPage()
        painter.drawImage(
            QRect(0, 0, image.width() * dpi // 300, image.height() * dpi // 300), image
        )
    painter.end()
    return time.perf_counter() - t0


def test_ctrl_p_to_job_sent_for_the_slip(services, clock, qtbot, tmp_path, capsys):
    settings = UiSettings.at(tmp_path / "ui.ini")
    window, worker = _make_window(qtbot, services, clock, settings)
    try:
        ours: list[float] = []
        bare: list[float] = []
        for i in range(RUNS):
            d = services.dossiers.intake(IntakeRequest("1.004873", f"Trịnh Văn {i}")).dossier
            window.print_flow.print_dialog = PdfFileDialog(tmp_path / f"ours{i}.pdf")
            preview = open_slip(window, qtbot, d.code)
            t0 = time.perf_counter()
            with qtbot.waitSignal(window.print_flow.recorded, timeout=20_000):
                QTest.keyClick(preview, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
            ours.append(time.perf_counter() - t0)
            pages = []
            for p in range(preview.document.pageCount()):
                size = preview.document.pagePointSize(p)
                pages.append(
                    preview.document.render(
                        p, QSize(round(size.width() * 300 / 72), round(size.height() * 300 / 72))
                    )
                )
            bare.append(_bare_job(tmp_path / f"bare{i}.pdf", pages, 1200))
            preview.close()
        m_ours, m_bare = statistics.median(ours), statistics.median(bare)
        with capsys.disabled():
            print(
                f"\nCtrl+P → job sent (slip, 2 A5 pages, PDF printer): median "
                f"{m_ours * 1000:.0f} ms; bare QPrinter+QPainter of the same images "
                f"{m_bare * 1000:.0f} ms; ratio {m_ours / m_bare:.2f}"
            )
        assert all((tmp_path / f"ours{i}.pdf").stat().st_size > 1000 for i in range(RUNS))
    finally:
        window.close()
        worker.stop()
