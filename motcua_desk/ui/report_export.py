"""The Reports screen's exports: the report of the tab shown (Biểu 06, the late list, the steps
and quality facts) as a PDF or XLSX file, drawn on the render lane and written atomically (a
temporary file beside the target, then a rename). Apart from ui.reports_view because it is
the file side of the screen: the file dialog, the printing layer, the disk. The strings keep
ReportsView's translation context.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

if TYPE_CHECKING:
    from motcua_desk.ui.reports_view import ReportsView

translate = QCoreApplication.translate


def write_atomically(path: Path, data: bytes) -> None:
    """A temporary file beside the target, then a rename: never half a file under its name."""
    parent = path.parent if str(path.parent) else Path(".")
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(name, 0o644)
        os.replace(name, path)
    except BaseException:
        try:
            os.unlink(name)
        except FileNotFoundError:
            pass
        raise


def ask_save_path(view: ReportsView, kind: str, suggested: str) -> str | None:
    filters = {
        "pdf": translate("ReportsView", "PDF files (*.pdf)"),
        "xlsx": translate("ReportsView", "Excel files (*.xlsx)"),
    }
    title = (
        translate("ReportsView", "Export PDF")
        if kind == "pdf"
        else translate("ReportsView", "Export Excel")
    )
    path, _ = QFileDialog.getSaveFileName(view, title, suggested, filters[kind])
    return path or None


def export(view: ReportsView, kind: str) -> None:
    """The report shown (Biểu 06 on the first tab, the late list on the second) as a PDF
    or XLSX file, drawn on the render lane."""
    d, agency = view.dashboard, view.agency
    if d is None:
        return
    late = view.tabs.currentIndex() == 1
    quality = view.tabs.currentIndex() in (3, 4) and d.quality is not None
    p = d.report.period
    stem = "ho-so-qua-han" if late else ("buoc-chuyen-chat-luong" if quality else "bieu06")
    name = view.ask_save_path(kind, f"{stem}-{p.first:%Y%m%d}-{p.last:%Y%m%d}.{kind}")
    if not name:
        return
    path = Path(name)
    if path.suffix.lower() != f".{kind}":
        path = path.with_name(path.name + f".{kind}")
    made = view.ctx.today()
    label = d.scope.label()

    def draw():
        from motcua_desk import printing

        if late:
            render = printing.late_pdf if kind == "pdf" else printing.late_xlsx
            data = render(d.late, agency, d.tz, label, made)
        elif quality and kind == "pdf":
            data = printing.quality_pdf(d.quality, agency, label, made)
        elif quality:
            data = printing.quality_xlsx(d.quality, agency, d.tz, label, made)
        elif kind == "pdf":
            data = printing.bieu06_pdf(
                d.report, agency, label, made, d.months if len(d.months) > 1 else ()
            )
        else:
            data = printing.bieu06_xlsx(d.report, agency, label, made)
        write_atomically(path, data)
        return str(path)

    def done(written: str) -> None:
        view.ctx.notify(translate("ReportsView", "Saved {path}").format(path=written))
        view.exported.emit(written)

    view.ctx.worker.compute(draw, success=done, failure=view.ctx.errors.present, owner=view)
