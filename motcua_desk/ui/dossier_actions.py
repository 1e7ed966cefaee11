"""The dossier view's actions as one table and one handler.

Each row says which dialog the action asks, what it reads off the accepted dialog, which
change of `services.dossiers` it makes with that, which form is printed after it (through the
one print use case, PrintFlow.print_form) and the line the officer reads when it is done. The
one handler, `run(name)`, does "dialog → change → print" for every row. Print again changes
nothing: it offers the forms the dossier's history calls for (domain/forms.py) and prints the
one picked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog

from motcua_desk.domain.dto import DocumentLine
from motcua_desk.domain.forms import applicable_forms
from motcua_desk.ui import labels
from motcua_desk.ui.dialogs import (
    ConfirmDialog,
    DocumentPickDialog,
    ExtendDialog,
    FormPickDialog,
    HandoffDialog,
    ReasonDialog,
    ReceiveResultDialog,
    ReturnDialog,
)

if TYPE_CHECKING:
    from motcua_desk.domain.dto import DossierDetail, DossierView
    from motcua_desk.services import Services
    from motcua_desk.ui.dossier_page import DossierPage


def _reason(dialog: Any) -> tuple[Any, ...]:
    return (dialog.reason,)


def _nothing(_dialog: Any) -> tuple[Any, ...]:
    return ()


@dataclass(frozen=True)
class DossierAction:
    """One row of the table."""

    dialog_name: str  # the dialog's object name (tests and the window find it by it)
    dialog: Callable[[DossierView], QDialog]  # (the dossier shown) -> the dialog, not yet open
    # (services, code, *values) -> the new DossierDetail (a list of one: handoff, result)
    change: Callable[..., DossierDetail | list[DossierDetail]]
    # read off the accepted dialog on the GUI thread, passed to `change` on the DB worker (each
    # row has its own dialog class and values, hence Any)
    values: Callable[[Any], tuple[Any, ...]] = field(default=_nothing)
    form: str | Callable[[Any], str] = ""  # the form printed after; a callable asks the dialog
    done: str = ""  # said when done, "{code}" filled in


class DossierActions(QObject):
    """Runs the dossier view's actions on the dossier it shows."""

    def __init__(self, view: DossierPage) -> None:
        super().__init__(view)
        self.view = view
        self.ctx = view.ctx

    def table(self) -> dict[str, DossierAction]:
        """Every action but print again (built when asked: the texts are translated)."""
        view = self.view
        return {
            "handoff": DossierAction(
                "handoffDialog",
                lambda d: HandoffDialog(
                    self.ctx.desk.departments,
                    d.department if d.location in ("desk", "") else "",
                    view,
                ),
                lambda svc, code, to, receiver: svc.dossiers.handoff([code], to, receiver=receiver),
                values=lambda dlg: (dlg.department, dlg.receiver),
                form=lambda dlg: "control" if dlg.print_control else "",
                done=self.tr("{code} handed off."),
            ),
            "receive_result": DossierAction(
                "receiveResultDialog",
                lambda d: ReceiveResultDialog(d.location, view),
                lambda svc, code, giver: svc.dossiers.receive_result([code], giver=giver),
                values=lambda dlg: (dlg.giver,),
                done=self.tr("{code}: result received."),
            ),
            "supplement": DossierAction(
                "supplementDialog",
                lambda d: DocumentPickDialog(d.documents, view),
                lambda svc, code, reason, items: svc.dossiers.request_supplement(
                    code, reason, items
                ),
                values=lambda dlg: (
                    dlg.reason,
                    [DocumentLine(x.name, x.form, x.form_label, x.count) for x in dlg.items],
                ),
                form="supplement",
            ),
            "resubmit": DossierAction(
                "resubmitDialog",
                lambda d: ConfirmDialog(
                    self.tr("Supplement received"),
                    self.tr(
                        "The applicant brought the missing documents: the processing time starts "
                        "again from now."
                    ),
                    self.tr("&Record"),
                    view,
                ),
                lambda svc, code: svc.dossiers.resubmit(code),
                form="slip",
                done=self.tr("{code}: supplement received, new return date set."),
            ),
            "refuse": DossierAction(
                "refuseDialog",
                lambda d: ReasonDialog(
                    self.tr("Refuse the dossier"),
                    self.tr("&Reason:"),
                    self.tr("Re&fuse and print"),
                    view,
                ),
                lambda svc, code, reason: svc.dossiers.refuse(code, reason),
                values=_reason,
                form="refusal",
            ),
            "extend": DossierAction(
                "extendDialog",
                lambda d: ExtendDialog(d.due_at, view),
                lambda svc, code, new_due, reason: svc.dossiers.extend(code, new_due, reason),
                values=lambda dlg: (dlg.new_due, dlg.reason),
                form="apology",
            ),
            "return": DossierAction(
                "returnDialog",
                lambda d: ReturnDialog(d.applicant_name, view),
                lambda svc, code, name, method, id_number: svc.dossiers.return_result(
                    code, name, method, id_number=id_number
                ),
                values=lambda dlg: (dlg.to_name, dlg.method, dlg.id_number),
                done=self.tr("{code}: result returned."),
            ),
            "stop": DossierAction(
                "stopDialog",
                lambda d: ReasonDialog(
                    self.tr("Stop at the applicant's request"),
                    self.tr("&Reason:"),
                    self.tr("&Stop and print"),
                    view,
                    initial=self.tr("At the applicant's request"),
                ),
                lambda svc, code, reason: svc.dossiers.stop(code, reason),
                values=_reason,
                form="stop",
            ),
            "note": DossierAction(
                "noteDialog",
                lambda d: ReasonDialog(self.tr("Note"), self.tr("&Note:"), self.tr("&Save"), view),
                lambda svc, code, text: svc.dossiers.note(code, text),
                values=_reason,
            ),
            "void": DossierAction(
                "voidDialog",
                lambda d: ReasonDialog(
                    self.tr("Void the dossier"),
                    self.tr("&Reason:"),
                    self.tr("&Void"),
                    view,
                    intro=self.tr(
                        "Only for a dossier entered by mistake. The code is "
                        "not given again; the dossier stays in the ledger "
                        "as void."
                    ),
                ),
                lambda svc, code, reason: svc.dossiers.void(code, reason),
                values=_reason,
                done=self.tr("{code} voided."),
            ),
            "fee": DossierAction(  # a payment after intake, or the e-receipt's lookup code
                "feeDialog",
                self._fee_dialog,
                lambda svc, code, amount, method, ref: svc.dossiers.record_fee(
                    code, amount, method if amount is not None else "", ref
                ),
                values=lambda dlg: (dlg.amount, dlg.method, dlg.receipt_ref),
                done=self.tr("{code}: fee recorded."),
            ),
        }

    def _fee_dialog(self, d: DossierView) -> QDialog:
        from motcua_desk.ui.fee_dialog import FeeDialog

        due = (
            labels.fmt_vnd(d.fee_amount)
            if isinstance(d.fee_amount, int) and d.fee_amount
            else self.tr("none (free)")
            if d.fee_amount == 0
            else d.fee_text
        )
        return FeeDialog(due or "—", self.view.fee_text(d) or "—", self.view)

    # --- the one handler ----------------------------------------------------------------------
    def run(self, name: str) -> None:
        """Dialog → change → print, for the action `name`, if the dossier's status allows it."""
        view = self.view
        if view.detail is None or not view.isVisible():
            return
        if name not in view.detail.allowed_actions:
            return
        if name == "reprint":
            self.reprint()
            return
        action = self.table()[name]
        code = view.detail.dossier.code
        dialog = action.dialog(view.detail.dossier)
        dialog.setObjectName(action.dialog_name)

        def accepted() -> None:
            values = action.values(dialog)
            form = action.form(dialog) if callable(action.form) else action.form
            self._change(lambda svc: action.change(svc, code, *values), code, form, action.done)

        self._open(dialog, accepted)

    def _change(self, fn: Callable[[Services], Any], code: str, form: str, done_text: str) -> None:
        view = self.view

        def ok(result: DossierDetail | list[DossierDetail]) -> None:
            detail = result[0] if isinstance(result, list) else result
            view.show_detail(detail)
            for line in view.warning_lines(detail.warnings):
                self.ctx.notify(line, "warning")
            if done_text:
                self.ctx.notify(done_text.format(code=code), "info")
            if form:
                self.ctx.printing.print_form(code, form, owner=view)
            view.focus_primary()

        self.ctx.worker.mutate(fn, success=ok, failure=self._failed, owner=view, origin=view)

    def _failed(self, err: BaseException) -> None:
        self.ctx.errors.present(err)
        self.view.reload()

    def _open(self, dialog: QDialog, on_accept: Callable[[], None]) -> None:
        dialog.accepted.connect(on_accept)
        self.view.current_dialog = dialog
        dialog.open()

    # --- print again --------------------------------------------------------------------------
    def reprint(self) -> None:
        """Ask which form (those the dossier's history calls for, read afresh), then print it."""
        view = self.view
        code = view.code

        def choose(detail: DossierDetail) -> None:
            if view.code != code:
                return
            forms = applicable_forms(detail)
            if not forms:  # a voided dossier has no form
                self.ctx.notify(
                    self.tr("{code}: no form applies to this dossier.").format(code=code), "warning"
                )
                return
            dialog = FormPickDialog(forms, view)
            dialog.setObjectName("reprintDialog")
            self._open(
                dialog, lambda: self.ctx.printing.print_form(code, dialog.chosen, owner=view)
            )

        self.ctx.worker.query(
            lambda svc: svc.dossiers.find_by_code(code),
            success=choose,
            failure=lambda _err: choose(view.detail),
            owner=view,
        )
