"""Printing a form from the window, in three steps on three threads:

1. `record_print(code, form)` on the DB worker (the copy number goes on the paper: from the
   second copy on it is marked as a reprint);
2. the printing layer draws the PDF on the render lane (reportlab never runs on the GUI
   thread, and the printing package is imported there too);
3. the preview opens on the GUI thread, with Print.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from motcua_desk.ui import labels
from motcua_desk.ui.errors import Notice
from motcua_desk.ui.settings import UiSettings
from motcua_desk.ui.worker import Worker

log = logging.getLogger("motcua.ui.print")


def printing_module():
    """The printing package (imported on the render lane: it loads reportlab)."""
    from motcua_desk import printing

    return printing


class PrintingUnavailable(Notice):
    """The printing package is missing or lacks a form."""


def render_dossier_form(form: str, detail: Any, agency: Any, qr: bool) -> bytes:
    printing = printing_module()
    forms = getattr(printing, "FORMS", None)
    if not forms or form not in forms:
        raise PrintingUnavailable(form)
    copy = int(detail.dossier.prints.get(form, 1) or 1)
    kwargs = {"qr": qr} if form == "slip" else {}  # only the slip carries a QR code
    return forms[form](detail, agency, reprint=max(0, copy - 1), **kwargs)


def applicable_forms(detail: Any) -> list[str]:
    """The dossier forms its history calls for (printing.check_form), in form order. Runs on
    a worker thread: the printing package loads reportlab."""
    printing = printing_module()
    out = []
    for form in labels.DOSSIER_FORMS:
        try:
            printing.check_form(form, detail)
        except Exception:  # noqa: BLE001 - FormNotApplicable, or a form this build lacks
            continue
        out.append(form)
    return out


class PrintFlow(QObject):
    """Starts prints and opens previews. `preview_opened(dialog)` lets tests (and the
    window) see the dialog and its PDF bytes."""

    preview_opened = Signal(object)
    failed = Signal(object)

    def __init__(self, worker: Worker, settings: UiSettings, parent: QWidget,
                 on_error: Callable[[BaseException], None]) -> None:
        super().__init__(parent)
        self._worker = worker
        self._settings = settings
        self._parent = parent
        self._on_error = on_error
        self.last_preview = None  # PdfPreviewDialog

    # --- dossier forms ------------------------------------------------------------------------
    def print_form(self, code: str, form: str, owner: QObject | None = None) -> None:
        """Log the print, draw the form, preview it."""
        def record(svc):
            check = getattr(printing_module(), "check_form", None)
            if check is not None:  # a form the dossier's history does not call for: no log
                check(form, svc.dossiers.find_by_code(code))
            detail = svc.dossiers.record_print(code, form)
            return detail, svc.settings.agency(), svc.settings.office()

        self._worker.mutate(record, success=lambda r: self.render_form(form, *r),
                            failure=self._failed, owner=owner, origin=self)

    def render_form(self, form: str, detail: Any, agency: Any, office: Any) -> None:
        """Draw an already recorded form (the intake flow records in its own unit)."""
        qr = bool(getattr(office, "print_qr", False))
        code = detail.dossier.code
        self._worker.compute(
            lambda: render_dossier_form(form, detail, agency, qr),
            success=lambda pdf: self.open_preview(pdf, form, _title(form, code),
                                                  f"{code}-{form}.pdf"),
            failure=self._failed)

    # --- lists (ledger, daily handoff list) ---------------------------------------------------
    def print_document(self, kind: str, load: Callable[[Any], Any],
                       draw: Callable[[Any, Any], bytes], title: str, file_name: str) -> None:
        """`load(services)` on the DB worker returns data; `draw(printing, data)` on the render
        lane returns PDF bytes; then the preview."""
        def drawn(data):
            self._worker.compute(lambda: draw(printing_module(), data),
                                 success=lambda pdf: self.open_preview(pdf, kind, title,
                                                                       file_name),
                                 failure=self._failed)

        self._worker.query(load, success=drawn, failure=self._failed)

    # --- preview ------------------------------------------------------------------------------
    def open_preview(self, pdf: bytes, kind: str, title: str, file_name: str = "") -> None:
        from motcua_desk.ui.pdf_preview import PdfPreviewDialog  # QtPdf: loaded on first use

        dialog = PdfPreviewDialog(pdf, kind, title, self._settings, self._parent,
                                  file_name=file_name)
        self.last_preview = dialog
        dialog.destroyed.connect(self._forget)
        dialog.open()
        self.preview_opened.emit(dialog)

    def _forget(self, *_args) -> None:
        self.last_preview = None

    def _failed(self, err: BaseException) -> None:
        if isinstance(err, (ImportError, PrintingUnavailable)):
            log.error("printing is not available: %r", err)
            err = PrintingUnavailable(self.tr("Printing is not available in this installation "
                                              "(the printing module is missing)."))
        self.failed.emit(err)
        self._on_error(err)


def _title(kind: str, code: str = "") -> str:
    title = labels.form_title(kind)
    return f"{title} — {code}" if code else title


def form_choices(view: Any) -> list[str]:
    """The forms that make sense for a dossier (a DossierView) now: the slip and the control
    sheet always, the others once they apply or were printed before."""
    prints = dict(view.prints or {})
    forms = {"slip", "control"}
    if view.supplement_count or prints.get("supplement"):
        forms.add("supplement")
    if view.status in ("refused", "rejected") or prints.get("refusal"):
        forms.add("refusal")
    if view.extended or prints.get("apology"):
        forms.add("apology")
    if view.status == "stopped" or prints.get("stop"):
        forms.add("stop")
    return [f for f in labels.DOSSIER_FORMS if f in forms]
