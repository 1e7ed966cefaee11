"""Tiếp nhận: the intake form (forms/intake.ui), keyboard first.

Procedure from a few letters without accents (catalog.find on the worker, Up/Down/Enter in
the search box); applicant fields checked as the officer types with the domain's own
validators; the checklist of documents from the procedure; the due moment and its
explanation shown live (preview_due on the worker, debounced); Ctrl+S or Enter on the last
field saves, prints the slip (Form 01) and clears the form for the next citizen. "Ask to
supplement" and "Refuse" receive the dossier and print Form 02 / Form 03 from the same form.

Nothing is cleared before the services have said yes: a refusal or an unexpected failure
leaves every field as the officer typed it.

The fields built in code, not in the .ui form, are added by ui.intake_layout; the checklist of
documents is read and filled by ui.intake_documents; the three outcomes (receive, ask to
supplement, refuse), their dialogs and what follows them are ui.intake_outcomes.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QMessageBox,
    QWidget,
)

from motcua_desk.domain.errors import ValidationError
from motcua_desk.ui import errors, intake_layout, intake_outcomes, labels
from motcua_desk.ui.actions import INTAKE, ActionId, Actions
from motcua_desk.ui.context import UiContext
from motcua_desk.ui.forms.ui_intake import Ui_IntakeForm
from motcua_desk.ui.intake_documents import (
    fill_documents,
    read_documents,
    toggle_current,
)
from motcua_desk.ui.intake_layout import FROM_CARD_STYLE, plain_html

if TYPE_CHECKING:
    from motcua_desk.domain.cccd import CitizenCard
    from motcua_desk.domain.dto import DocumentLine, DueView, IntakeRequest, ProcedureView

log = logging.getLogger("motcua.ui.intake")

SEARCH_DELAY_MS = 120
DUE_DELAY_MS = 250
DUE_REFRESH_MS = 30_000

_FIELDS = ("applicant_name", "id_number", "phone", "address", "email", "birth_date")
_COUNTER_FIELDS = ("ticket", "fee_amount", "receipt_ref")  # checked too, not focused first


class IntakeView(QWidget):
    saved = Signal(object)  # DossierDetail of the received dossier
    outcome = Signal(str, object)  # "received" | "supplement" | "refused", DossierDetail
    due_shown = Signal(object)  # DueView

    def __init__(self, ctx: UiContext, actions: Actions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actions = actions
        self.ui = Ui_IntakeForm()
        self.ui.setupUi(self)
        self._procedure: ProcedureView | None = None
        self._matches: list[ProcedureView] = []
        self._search_gen = 0
        self._due_gen = 0
        self._busy = False
        self._touched: set[str] = set()
        self._edits: dict[str, QLineEdit] = {
            "applicant_name": self.ui.nameEdit,
            "id_number": self.ui.idEdit,
            "phone": self.ui.phoneEdit,
            "address": self.ui.addressEdit,
            "email": self.ui.emailEdit,
        }
        self._error_labels: dict[str, QLabel] = {
            "applicant_name": self.ui.nameError,
            "id_number": self.ui.idError,
            "phone": self.ui.phoneError,
            "address": self.ui.addressError,
            "email": self.ui.emailError,
        }
        intake_layout.add_birth_and_sex(self)
        self._edits["birth_date"] = self.birthEdit
        self._error_labels["birth_date"] = self.birthError
        intake_layout.add_ticket_and_fee(self)
        self._from_card: set[str] = set()
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._due_timer = QTimer(self, singleShot=True, interval=DUE_DELAY_MS)
        self._due_refresh = QTimer(self, interval=DUE_REFRESH_MS)
        intake_layout.setup_widgets(self)
        self.actions.attach(self, INTAKE, local=True)
        self._connect_signals()

    def fill_ticket(self, ticket: str) -> None:
        """A scanned queue ticket: into its field, checked, and the form goes on where it was."""
        focus = QApplication.focusWidget()
        self.ticketEdit.setText(ticket.strip())
        self._touched.add("ticket")
        self._validate("ticket")
        if focus is not None and focus.isVisible():
            focus.setFocus()

    def fill_from_card(self, card: CitizenCard) -> None:
        """Fill the applicant from a parsed ID card (domain.cccd.CitizenCard); the fields it
        filled are marked until the officer edits them, and nothing else is touched."""
        values = {
            "applicant_name": card.name,
            "id_number": card.id_number,
            "address": card.address,
            "birth_date": card.birth_date.strftime("%d/%m/%Y"),
        }
        self._from_card = set()
        for name, value in values.items():
            edit = self._edits[name]
            edit.setText(value)
            self._touched.add(name)
            self._validate(name)
            self._mark_from_card(name, True)
        i = self.sexCombo.findData(card.sex)
        self.sexCombo.setCurrentIndex(max(0, i))
        self.sexCombo.setStyleSheet(FROM_CARD_STYLE if card.sex else "")
        self.cardNote.setText(
            self.tr(
                "Filled from the ID card's QR code (highlighted): check "
                "it with the citizen and correct what is wrong. A QR "
                "code is not a proof of identity."
            )
        )
        self.cardNote.show()
        if self._procedure is None:
            self.ui.procedureSearch.setFocus()
        else:
            self.ui.phoneEdit.setFocus()

    def _mark_from_card(self, name: str, on: bool) -> None:
        if on:
            self._from_card.add(name)
        else:
            self._from_card.discard(name)
        edit = self._edits[name]
        if not self._error_labels[name].isVisible():
            edit.setStyleSheet(FROM_CARD_STYLE if on else "")

    def filled_from_card(self) -> tuple[str, ...]:
        """The fields the last scanned card filled that the officer has not changed since."""
        return tuple(n for n in _FIELDS if n in self._from_card)

    def _button_text(self, action_id: ActionId) -> str:
        action = self.actions[action_id]
        return f"{action.text()}  ({action.shortcut().toString()})"

    def _connect_signals(self) -> None:
        ui = self.ui
        ui.procedureSearch.textEdited.connect(lambda _t: self._search_timer.start())
        ui.procedureSearch.returnPressed.connect(self.choose_current_procedure)
        self._search_timer.timeout.connect(self._search)
        ui.procedureList.itemActivated.connect(self._choose_item)
        ui.procedureList.itemClicked.connect(self._choose_item)
        for name, edit in self._edits.items():
            edit.textEdited.connect(lambda _t, n=name: self._on_edited(n))
            edit.editingFinished.connect(lambda n=name: self._on_left(n))
        for edit in (
            ui.nameEdit,
            ui.idEdit,
            ui.phoneEdit,
            ui.addressEdit,
            ui.emailEdit,
            self.birthEdit,
            self.ticketEdit,
            self.feeEdit,
            self.receiptEdit,
        ):
            edit.returnPressed.connect(self.focusNextChild)
        self.sexCombo.activated.connect(lambda _i: self.sexCombo.setStyleSheet(""))
        ui.noteEdit.returnPressed.connect(self.save)
        self._due_timer.timeout.connect(self.refresh_due)
        self._due_refresh.timeout.connect(self.refresh_due)
        ui.saveButton.clicked.connect(self.save)
        ui.supplementButton.clicked.connect(self.ask_supplement)
        ui.refuseButton.clicked.connect(self.ask_refuse)
        ui.clearButton.clicked.connect(self.clear)
        self.actions.connect(ActionId.SAVE_INTAKE, self.save)
        self.actions.connect(ActionId.SUPPLEMENT_INTAKE, self.ask_supplement)
        self.actions.connect(ActionId.REFUSE_INTAKE, self.ask_refuse)
        self.actions.connect(ActionId.CLEAR_INTAKE, self.clear)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._due_refresh.start()
        if self._procedure is not None:
            self.refresh_due()

    def hideEvent(self, event) -> None:  # noqa: N802
        super().hideEvent(event)
        self._due_refresh.stop()

    def focus_first(self) -> None:
        """Where the officer types next: the procedure, or the name once it is chosen."""
        if self._procedure is None:
            self.ui.procedureSearch.setFocus()
        else:
            for name in _FIELDS:
                if not self._edits[name].text().strip():
                    self._edits[name].setFocus()
                    return
            self.ui.noteEdit.setFocus()

    # --- procedure picker ---------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(obj, event)
        key = event.key()
        if obj is self.ui.documentsTable and key == Qt.Key.Key_Space:
            toggle_current(self.ui.documentsTable)
            return True
        if obj is self.ui.procedureSearch:
            lst = self.ui.procedureList
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                if lst.count():
                    step = {
                        Qt.Key.Key_Down: 1,
                        Qt.Key.Key_Up: -1,
                        Qt.Key.Key_PageDown: 5,
                        Qt.Key.Key_PageUp: -5,
                    }[key]
                    lst.setCurrentRow(max(0, min(lst.count() - 1, lst.currentRow() + step)))
                return True
        return super().eventFilter(obj, event)

    def _search(self) -> None:
        text = self.ui.procedureSearch.text()
        self._searched = text
        self._search_gen += 1
        gen = self._search_gen
        self.ctx.worker.query(
            lambda svc: svc.catalog.find(text, limit=30),
            success=lambda found: self._show_matches(gen, found),
            owner=self,
        )

    def search_now(self) -> None:
        """Run the pending search at once (Enter before the debounce ran)."""
        self._search_timer.stop()
        self._search()

    def _show_matches(self, gen: int, found: list) -> None:
        if gen != self._search_gen:
            return  # the officer typed on
        self._answered = gen
        self._matches = list(found)
        lst = self.ui.procedureList
        lst.clear()
        for p in self._matches:
            item = QListWidgetItem(f"{p.name}  ·  {p.time_label}  ·  {p.code}", lst)
            item.setToolTip(f"{p.name}\n{p.field} — {p.department}\n{p.time_text}")
        if self._matches:
            lst.setCurrentRow(0)
        if self._pending_choose:
            self._pending_choose = False
            self.choose_current_procedure()

    _pending_choose = False
    _searched: str | None = None
    _answered = 0

    def choose_current_procedure(self) -> None:
        """Enter in the search box: take the highlighted match — once the matches for what
        is in the box have arrived (the officer may press Enter before they do)."""
        text = self.ui.procedureSearch.text()
        if self._search_timer.isActive() or self._searched != text:
            self._pending_choose = True
            self.search_now()
            return
        if self._answered != self._search_gen:  # the search for this text is on its way
            self._pending_choose = True
            return
        row = self.ui.procedureList.currentRow()
        if 0 <= row < len(self._matches):
            self._choose(self._matches[row])

    def _choose_item(self, item: QListWidgetItem) -> None:
        row = self.ui.procedureList.row(item)
        if 0 <= row < len(self._matches):
            self._choose(self._matches[row])

    def _choose(self, procedure: ProcedureView) -> None:
        self._procedure = procedure
        self.ui.procedureChosen.setText(
            self.tr("<b>{name}</b><br>{code} · {field} · {time} · {department}").format(
                name=plain_html(procedure.name),
                code=procedure.code,
                field=plain_html(procedure.field),
                time=plain_html(procedure.time_label),
                department=plain_html(procedure.department),
            )
        )
        fill_documents(self.ui.documentsTable, procedure.documents)
        intake_layout.show_fee_due(self, procedure)
        self.refresh_due()
        self.focus_first()

    @property
    def procedure(self) -> ProcedureView | None:
        return self._procedure

    def documents(self) -> tuple[DocumentLine, ...]:
        return read_documents(self.ui.documentsTable)

    # --- due moment ---------------------------------------------------------------------------
    def refresh_due(self) -> None:
        if self._procedure is None:
            return
        code = self._procedure.code
        self._due_gen += 1
        gen = self._due_gen
        self.ctx.worker.query(
            lambda svc: svc.dossiers.preview_due(code),
            success=lambda due: self._show_due(gen, due),
            failure=lambda err: self._show_due_error(gen, err),
            owner=self,
        )

    def _show_due(self, gen: int, due: DueView) -> None:
        if gen != self._due_gen:
            return
        self.ui.dueLabel.setText(self.tr("Return at {due}").format(due=labels.fmt_due(due.due_at)))
        self.ui.dueExplanation.setText(due.explanation)
        self.due_shown.emit(due)

    def _show_due_error(self, gen: int, err: BaseException) -> None:
        if gen == self._due_gen:
            self.ui.dueLabel.setText(errors.message(err))
            self.ui.dueExplanation.setText("")

    # --- validation ---------------------------------------------------------------------------
    def _on_edited(self, name: str) -> None:
        if name in self._from_card:
            self._mark_from_card(name, False)
        if name in self._touched or self._error_labels[name].isVisible():
            self._validate(name)
        if self._procedure is not None:
            self._due_timer.start()

    def _on_left(self, name: str) -> None:
        if self._edits[name].text().strip():
            self._touched.add(name)
            self._validate(name)

    def _validate(self, name: str) -> str:
        from motcua_desk.domain import cccd, fees, validation  # loaded after the first paint

        text = self._edits[name].text()
        try:
            {
                "applicant_name": validation.applicant_name,
                "id_number": validation.citizen_id,
                "phone": validation.phone,
                "email": validation.email,
                "address": validation.address,
                "birth_date": lambda t: cccd.birth_date_value(t, today=self.ctx.today()),
                "ticket": fees.queue_ticket,
                "receipt_ref": fees.receipt_ref,
                "fee_amount": lambda t: fees.fee_amount(t) if t.strip() else 0,
            }[name](text)
        except ValidationError as err:
            self.show_field_error(name, errors.message(err))
            return errors.message(err)
        self.show_field_error(name, "")
        return ""

    def show_field_error(self, name: str, text: str) -> None:
        label = self._error_labels.get(name)
        if label is None:
            return
        label.setText(text)
        label.setVisible(bool(text))
        edit = self._edits[name]
        edit.setStyleSheet(
            "border: 1px solid #b00020;"
            if text
            else FROM_CARD_STYLE
            if name in getattr(self, "_from_card", ())
            else ""
        )
        edit.setToolTip(text)

    def _check_all(self) -> bool:
        """Check every field now; focus the first bad one. True when all is well."""
        if self._procedure is None:
            self.ctx.notify(self.tr("Choose the procedure first."), "warning")
            self.ui.procedureSearch.setFocus()
            return False
        first_bad = None
        for name in _FIELDS + _COUNTER_FIELDS:
            self._touched.add(name)
            if self._validate(name) and first_bad is None:
                first_bad = name
        if first_bad is not None:
            self._edits[first_bad].setFocus()
            self._edits[first_bad].selectAll()
            return False
        return True

    def values(self) -> IntakeRequest:
        """What the form holds, read on the GUI thread, handed to the worker (frozen)."""
        from motcua_desk.domain.dto import IntakeRequest  # the DTOs: after the first paint

        ui = self.ui
        return IntakeRequest(
            procedure_code=self._procedure.code if self._procedure else "",
            applicant_name=ui.nameEdit.text(),
            id_number=ui.idEdit.text(),
            phone=ui.phoneEdit.text(),
            address=ui.addressEdit.text(),
            email=ui.emailEdit.text(),
            sets=ui.setsSpin.value(),
            channel=ui.channelCombo.currentData(),
            result_delivery=ui.deliveryCombo.currentData(),
            note=ui.noteEdit.text(),
            documents=self.documents(),
            birth_date=self.birthEdit.text(),
            sex=self.sexCombo.currentData() or "",
            ticket=self.ticketEdit.text(),
            fee_paid=self.feeEdit.text().strip() or None,
            fee_method=self._fee_method(),
            receipt_ref=self.receiptEdit.text(),
        )

    def _fee_method(self) -> str:
        """The method when something was said about money: an amount, a receipt reference, or
        'exempt' chosen; "" otherwise (the combo alone, at its default, records nothing)."""
        method = self.feeMethodCombo.currentData() or ""
        if self.feeEdit.text().strip() or self.receiptEdit.text().strip() or method == "exempt":
            return method
        return ""

    # --- the three outcomes -------------------------------------------------------------------
    def save(self) -> None:
        """Receive the dossier (all papers in order), print the slip."""
        intake_outcomes.save(self)

    def ask_supplement(self) -> None:
        intake_outcomes.ask_supplement(self)

    def ask_refuse(self) -> None:
        intake_outcomes.ask_refuse(self)

    def offer_sync(self, text: str) -> QMessageBox:
        return intake_outcomes.offer_sync(self, text)

    # --- clearing -----------------------------------------------------------------------------
    def clear(self) -> None:
        ui = self.ui
        self._procedure = None
        self._matches = []
        self._touched.clear()
        ui.procedureSearch.clear()
        ui.procedureList.clear()
        ui.procedureChosen.setText(self.tr("No procedure chosen yet."))
        self._from_card.clear()
        for name, edit in self._edits.items():
            edit.clear()
            self.show_field_error(name, "")
        self.sexCombo.setCurrentIndex(0)
        self.sexCombo.setStyleSheet("")
        self.cardNote.hide()
        ui.documentsTable.setRowCount(0)
        ui.setsSpin.setValue(1)
        ui.channelCombo.setCurrentIndex(0)
        ui.deliveryCombo.setCurrentIndex(0)
        ui.noteEdit.clear()
        self.feeMethodCombo.setCurrentIndex(0)
        intake_layout.show_fee_due(self, None)
        ui.dueLabel.setText(self.tr("Choose a procedure to see the return date."))
        ui.dueExplanation.setText("")
        self._due_gen += 1
        ui.procedureSearch.setFocus()
