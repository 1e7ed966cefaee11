"""The intake's three outcomes: receive the dossier and print the slip (Mẫu 01), receive it and
ask for supplements (Mẫu 02), receive it and refuse it (Mẫu 03); each one service call and one
transaction on the worker, then the notice, the cleared form and the print; on a failure the
form keeps what was typed. Apart from ui.intake_view, which is the form (its fields, checks and
the procedure picker), because this is what is done with it. The strings keep IntakeView's
translation context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

from motcua_desk.ui import errors, labels
from motcua_desk.ui.actions import ActionId

if TYPE_CHECKING:
    from motcua_desk.domain.dto import AgencyInfo, DossierDetail
    from motcua_desk.services.settings import OfficeSettings
    from motcua_desk.ui.intake_view import IntakeView

translate = QCoreApplication.translate


def save(view: IntakeView) -> None:
    """Receive the dossier (all papers in order), print the slip."""
    if view._busy or not view._check_all():
        return
    values = view.values()

    def receive(svc):
        detail = svc.dossiers.intake(values)
        return detail, svc.settings.agency(), svc.settings.office()

    _submit(view, receive, "received", "slip")


def ask_supplement(view: IntakeView) -> None:
    if view._busy or not view._check_all():
        return
    from motcua_desk.ui.dialogs import DocumentPickDialog  # imported when first asked for

    docs = view.documents()
    missing = [i for i, d in enumerate(docs) if not d.checked]
    dialog = DocumentPickDialog(
        docs,
        view,
        preselect=missing,
        reason=translate("IntakeView", "The dossier lacks the documents listed."),
    )
    dialog.setObjectName("supplementDialog")
    dialog.accepted.connect(lambda: _supplement(view, dialog.items, dialog.reason))
    dialog.open()
    view._dialog = dialog


def _supplement(view: IntakeView, items: list, reason: str) -> None:
    from motcua_desk.domain.dto import DocumentLine

    values = view.values()
    items = [DocumentLine(d.name, d.form, d.form_label, d.count) for d in items]

    def receive(svc):  # one service call: the intake and its outcome, one transaction
        detail = svc.dossiers.intake(values, outcome="supplement", reason=reason, items=items)
        return detail, svc.settings.agency(), svc.settings.office()

    _submit(view, receive, "supplement", "supplement")


def ask_refuse(view: IntakeView) -> None:
    if view._busy or not view._check_all():
        return
    from motcua_desk.ui.dialogs import ReasonDialog

    dialog = ReasonDialog(
        translate("IntakeView", "Refuse the dossier"),
        translate("IntakeView", "&Reason for refusal:"),
        translate("IntakeView", "Re&fuse and print"),
        view,
        intro=translate(
            "IntakeView",
            "The dossier is recorded with a code and refused; "
            "Form 03 is printed for the applicant.",
        ),
    )
    dialog.setObjectName("refuseDialog")
    dialog.accepted.connect(lambda: _refuse(view, dialog.reason))
    dialog.open()
    view._dialog = dialog


def _refuse(view: IntakeView, reason: str) -> None:
    values = view.values()

    def receive(svc):  # one service call: the intake and its outcome, one transaction
        detail = svc.dossiers.intake(values, outcome="refused", reason=reason)
        return detail, svc.settings.agency(), svc.settings.office()

    _submit(view, receive, "refused", "refusal")


def _submit(view: IntakeView, fn, outcome: str, form: str) -> None:
    view._busy = True
    _set_enabled(view, False)
    view.ctx.worker.mutate(
        fn,
        success=lambda r: _done(view, outcome, form, *r),
        failure=lambda err: _failed(view, err),
        owner=view,
        origin=view,
    )


def _set_enabled(view: IntakeView, enabled: bool) -> None:
    for button in (view.ui.saveButton, view.ui.supplementButton, view.ui.refuseButton):
        button.setEnabled(enabled)
    for action_id in (ActionId.SAVE_INTAKE, ActionId.SUPPLEMENT_INTAKE, ActionId.REFUSE_INTAKE):
        view.actions[action_id].setEnabled(enabled)


def _done(
    view: IntakeView,
    outcome: str,
    form: str,
    detail: DossierDetail,
    agency: AgencyInfo,
    office: OfficeSettings,
) -> None:
    view._busy = False
    _set_enabled(view, True)
    code = detail.dossier.code
    texts = {
        "received": translate("IntakeView", "Received {code}: return at {due}.").format(
            code=code, due=labels.fmt_due(detail.dossier.due_at)
        ),
        "supplement": translate(
            "IntakeView", "{code}: the applicant was asked to supplement."
        ).format(code=code),
        "refused": translate("IntakeView", "{code}: refused.").format(code=code),
    }
    view.ctx.notify(texts[outcome], "info")
    view.clear()
    view.saved.emit(detail)
    view.outcome.emit(outcome, detail)
    view.ctx.printing.print_form(code, form, loaded=(detail, agency, office))


def _failed(view: IntakeView, err: BaseException) -> None:
    view._busy = False
    _set_enabled(view, True)
    name = errors.field_of(err)
    if name in view._edits:
        view.show_field_error(name, errors.message(err))
        view._edits[name].setFocus()
    elif getattr(err, "code", "") == "restore_pending":
        offer_sync(view, errors.message(err))
    else:
        view.ctx.errors.present(err)


def offer_sync(view: IntakeView, text: str) -> QMessageBox:
    """After a restore: why nothing was recorded, and a button that syncs now (the form
    keeps what was typed; receive again once the sync is done)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        translate("IntakeView", "Sync first"),
        text,
        QMessageBox.StandardButton.NoButton,
        view,
    )
    box.setObjectName("restorePendingBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    sync = view.ctx.sync
    if sync is not None and sync.configured:
        now = box.addButton(translate("IntakeView", "&Sync now"), QMessageBox.ButtonRole.AcceptRole)
        now.setObjectName("syncNow")
        now.clicked.connect(sync.sync_now)
    box.addButton(translate("IntakeView", "Close"), QMessageBox.ButtonRole.RejectRole)
    view.restore_box = box
    box.open()
    return box
