"""Printing a form from the window. A dossier form is printed one way, whoever asks (the
dossier view after a change or to print again, intake after saving): `PrintFlow.print_form`,
in steps on three threads:

1. the dossier is read on the DB worker, with the agency and the office settings (or taken as
   just written, when the caller has it);
2. on the render lane the printing layer checks that the dossier's history calls for the form
   (printing.check_form, the rule of domain/forms.py) and draws the PDF, numbered as the next
   copy: the copies printed before it decide whether it carries the reprint mark (reportlab
   never runs on the GUI thread, and the printing package is imported there too);
3. the preview opens on the GUI thread, with Print;
4. only when the printer has taken the job (the painter finished) is the print logged,
   `record_print(code, form)` on the DB worker. A preview closed unprinted logs nothing, and
   the first copy that really came out is copy 1, not a reprint.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from motcua_desk.ui import labels
from motcua_desk.ui.errors import Notice
from motcua_desk.ui.settings import UiSettings
from motcua_desk.ui.worker import Worker

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QDialog

    from motcua_desk.domain.dto import AgencyInfo, DossierDetail
    from motcua_desk.services import Services
    from motcua_desk.services.settings import OfficeSettings
    from motcua_desk.ui.pdf_preview import PdfPreviewDialog

log = logging.getLogger("motcua.ui.print")


def printing_module():
    """The printing package (imported on the render lane: it loads reportlab)."""
    from motcua_desk import printing

    return printing


class PrintingUnavailable(Notice):
    """The printing package is missing or lacks a form."""


class PrintFailed(Notice):
    """The printer refused the job or stopped in the middle of it."""


def render_dossier_form(form: str, detail: DossierDetail, agency: AgencyInfo, qr: bool) -> bytes:
    """Check (does the dossier's history call for this form?) and draw; on the render lane."""
    printing = printing_module()
    check = getattr(printing, "check_form", None)
    if check is not None:  # a form the dossier's history does not call for
        check(form, detail)
    forms = getattr(printing, "FORMS", None)
    if not forms or form not in forms:
        raise PrintingUnavailable(form)
    before = int(detail.dossier.prints.get(form, 0) or 0)  # copies that came out before
    kwargs = {"qr": qr} if form == "slip" else {}  # only the slip carries a QR code
    return forms[form](detail, agency, reprint=max(0, before), **kwargs)


class PrintFlow(QObject):
    """Starts prints and opens previews. `preview_opened(dialog)` lets tests (and the
    window) see the dialog and its PDF bytes."""

    preview_opened = Signal(object)
    failed = Signal(object)
    recorded = Signal(object)  # DossierDetail, after a print was logged

    def __init__(
        self,
        worker: Worker,
        settings: UiSettings,
        parent: QWidget,
        on_error: Callable[[BaseException], None],
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._settings = settings
        self._parent = parent
        self._on_error = on_error
        self.last_preview = None  # PdfPreviewDialog
        # (printer, parent) -> a dialog with exec(); None = QPrintDialog. Tests set one that
        # picks a PDF file as the printer.
        self.print_dialog: Callable[[QPrinter, QWidget], QDialog] | None = None

    # --- dossier forms ------------------------------------------------------------------------
    def print_form(
        self,
        code: str,
        form: str,
        *,
        loaded: tuple[DossierDetail, AgencyInfo, OfficeSettings] | None = None,
        owner: QObject | None = None,
    ) -> None:
        """The one print use case of a dossier form: read the dossier (unless `loaded`, the
        (detail, agency, office) a change just returned), check and draw the form, preview
        it; the print is logged once the printer took it."""
        if loaded is not None:
            self._draw(form, *loaded)
            return

        def load(svc):
            return svc.dossiers.find_by_code(code), svc.settings.agency(), svc.settings.office()

        self._worker.query(
            load, success=lambda r: self._draw(form, *r), failure=self._failed, owner=owner
        )

    def _draw(
        self, form: str, detail: DossierDetail, agency: AgencyInfo, office: OfficeSettings
    ) -> None:
        qr = bool(getattr(office, "print_qr", True))
        code = detail.dossier.code
        self._worker.compute(
            lambda: render_dossier_form(form, detail, agency, qr),
            success=lambda pdf: self.open_preview(
                pdf, form, _title(form, code), f"{code}-{form}.pdf", record=code
            ),
            failure=self._failed,
        )

    def _record(self, code: str, form: str, dialog: PdfPreviewDialog | None) -> None:
        """The printer took the job: log it (the next print of this form is a reprint)."""

        def record(svc):
            return svc.dossiers.record_print(code, form)

        def done(detail):
            if dialog is not None and self.last_preview is dialog:
                dialog.pdf_recorded = True
            self.recorded.emit(detail)

        self._worker.mutate(record, success=done, failure=self._failed, origin=self)

    # --- lists (ledger, daily handoff list) ---------------------------------------------------
    def print_document(
        self,
        kind: str,
        load: Callable[[Services], Any],
        draw: Callable[[Any, Any], bytes],
        title: str,
        file_name: str,
    ) -> None:
        """`load(services)` on the DB worker returns data; `draw(printing, data)` on the render
        lane returns PDF bytes; then the preview."""

        def drawn(data):
            self._worker.compute(
                lambda: draw(printing_module(), data),
                success=lambda pdf: self.open_preview(pdf, kind, title, file_name),
                failure=self._failed,
            )

        self._worker.query(load, success=drawn, failure=self._failed)

    # --- preview ------------------------------------------------------------------------------
    def open_preview(
        self, pdf: bytes, kind: str, title: str, file_name: str = "", *, record: str = ""
    ) -> None:
        """Show `pdf`; when `record` (a dossier code) is given, each print that the printer
        takes is logged for that dossier."""
        from motcua_desk.ui.pdf_preview import PdfPreviewDialog  # QtPdf: loaded on first use

        dialog = PdfPreviewDialog(
            pdf,
            kind,
            title,
            self._settings,
            self._parent,
            file_name=file_name,
            print_dialog=self.print_dialog,
        )
        self.last_preview = dialog
        if record:
            dialog.printed.connect(lambda _name, d=dialog: self._record(record, kind, d))
        dialog.print_failed.connect(self._print_refused)
        dialog.destroyed.connect(self._forget)
        dialog.open()
        self.preview_opened.emit(dialog)

    def _print_refused(self, name: str) -> None:
        self._on_error(
            PrintFailed(
                self.tr(
                    "The printer {name} did not accept the job: nothing "
                    "was printed or recorded. Check that it is on and "
                    "try again."
                ).format(name=name or "")
            )
        )

    def _forget(self, *_args) -> None:
        self.last_preview = None

    def _failed(self, err: BaseException) -> None:
        if isinstance(err, (ImportError, PrintingUnavailable)):
            log.error("printing is not available: %r", err)
            err = PrintingUnavailable(
                self.tr(
                    "Printing is not available in this installation "
                    "(the printing module is missing)."
                )
            )
        self.failed.emit(err)
        self._on_error(err)


def _title(kind: str, code: str = "") -> str:
    title = labels.form_title(kind)
    return f"{title} — {code}" if code else title
