"""The intake form's set-up in code: the widgets' choices, columns and button texts, and the
fields built here rather than in forms/intake.ui (so that the generated form stays as it is):
date of birth, sex and the ID card note after the e-mail, the queue ticket in the details, the
fee group under them with the fee due. The widgets are kept as the view's attributes, like
ui.window_layout does for the counter window; the strings keep IntakeView's translation
context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QWidget,
)

from motcua_desk.ui import labels
from motcua_desk.ui.actions import ActionId
from motcua_desk.ui.intake_documents import FormDelegate

if TYPE_CHECKING:
    from motcua_desk.domain.dto import ProcedureView
    from motcua_desk.ui.intake_view import IntakeView

translate = QCoreApplication.translate
FROM_CARD_STYLE = "background: #fff8d6;"  # a field the ID card's QR filled: to be checked


def add_birth_and_sex(view: IntakeView) -> None:
    """Date of birth and sex (optional), after the e-mail: not in forms/intake.ui, so that
    the generated form stays as it is."""
    ui = view.ui
    group = ui.applicantGroup
    view.birthEdit = QLineEdit(group)
    view.birthEdit.setObjectName("birthEdit")
    view.birthEdit.setMaxLength(10)
    view.birthEdit.setPlaceholderText(translate("IntakeView", "DD/MM/YYYY"))
    birth_label = QLabel(translate("IntakeView", "&Date of birth:"), group)
    birth_label.setBuddy(view.birthEdit)
    view.birthError = QLabel(group)
    view.birthError.setObjectName("birthError")
    view.birthError.setStyleSheet("color: #b00020;")
    view.birthError.setWordWrap(True)
    view.sexCombo = QComboBox(group)
    view.sexCombo.setObjectName("sexCombo")
    view.sexCombo.addItem(translate("IntakeView", "(not given)"), "")
    view.sexCombo.addItem(labels.sex_label("male"), "male")
    view.sexCombo.addItem(labels.sex_label("female"), "female")
    sex_label = QLabel(translate("IntakeView", "Sex:"), group)
    sex_label.setBuddy(view.sexCombo)
    view.cardNote = QLabel(group)
    view.cardNote.setObjectName("cardNote")
    view.cardNote.setWordWrap(True)
    view.cardNote.setStyleSheet(FROM_CARD_STYLE)
    view.cardNote.hide()
    layout = ui.applicantLayout
    layout.addRow(birth_label, view.birthEdit)
    layout.addRow(None, view.birthError)
    layout.addRow(sex_label, view.sexCombo)
    layout.addRow(None, view.cardNote)
    QWidget.setTabOrder(ui.emailEdit, view.birthEdit)
    QWidget.setTabOrder(view.birthEdit, view.sexCombo)
    QWidget.setTabOrder(view.sexCombo, ui.documentsTable)


def add_ticket_and_fee(view: IntakeView) -> None:
    """The queue ticket (in the details) and the fee (its own group under them): built
    here, not in forms/intake.ui, like the date of birth."""
    ui = view.ui
    view.ticketEdit = QLineEdit(ui.detailsGroup)
    view.ticketEdit.setObjectName("ticketEdit")
    view.ticketEdit.setMaxLength(40)  # longer is refused with a message, not cut
    view.ticketEdit.setPlaceholderText(translate("IntakeView", "e.g. A023 (typed or scanned)"))
    ticket_label = QLabel(translate("IntakeView", "&Queue ticket:"), ui.detailsGroup)
    ticket_label.setBuddy(view.ticketEdit)
    view.ticketError = QLabel(ui.detailsGroup)
    view.ticketError.setObjectName("ticketError")
    view.ticketError.setStyleSheet("color: #b00020;")
    view.ticketError.setWordWrap(True)
    ui.detailsLayout.insertRow(0, ticket_label, view.ticketEdit)
    ui.detailsLayout.insertRow(1, None, view.ticketError)

    view.feeGroup = QGroupBox(translate("IntakeView", "5. Fee"), view)
    view.feeGroup.setObjectName("feeGroup")
    form = QFormLayout(view.feeGroup)
    view.feeDue = QLabel(view.feeGroup)
    view.feeDue.setObjectName("feeDue")
    view.feeDue.setWordWrap(True)
    view.feeEdit = QLineEdit(view.feeGroup)
    view.feeEdit.setObjectName("feeEdit")
    view.feeEdit.setMaxLength(20)
    view.feeEdit.setPlaceholderText(
        translate("IntakeView", "đồng, e.g. 20.000 (empty: nothing collected)")
    )
    fee_label = QLabel(translate("IntakeView", "Co&llected:"), view.feeGroup)
    fee_label.setBuddy(view.feeEdit)
    view.feeError = QLabel(view.feeGroup)
    view.feeError.setObjectName("feeError")
    view.feeError.setStyleSheet("color: #b00020;")
    view.feeError.setWordWrap(True)
    view.feeMethodCombo = QComboBox(view.feeGroup)
    view.feeMethodCombo.setObjectName("feeMethodCombo")
    for method in labels.FEE_METHODS:
        view.feeMethodCombo.addItem(labels.fee_method_label(method), method)
    method_label = QLabel(translate("IntakeView", "Paid b&y:"), view.feeGroup)
    method_label.setBuddy(view.feeMethodCombo)
    view.receiptEdit = QLineEdit(view.feeGroup)
    view.receiptEdit.setObjectName("receiptEdit")
    view.receiptEdit.setMaxLength(80)
    view.receiptEdit.setPlaceholderText(
        translate("IntakeView", "when the e-receipt system issued one")
    )
    receipt_label = QLabel(translate("IntakeView", "E-receipt loo&kup code:"), view.feeGroup)
    receipt_label.setBuddy(view.receiptEdit)
    view.receiptError = QLabel(view.feeGroup)
    view.receiptError.setObjectName("receiptError")
    view.receiptError.setStyleSheet("color: #b00020;")
    view.receiptError.setWordWrap(True)
    form.addRow(translate("IntakeView", "Due:"), view.feeDue)
    form.addRow(fee_label, view.feeEdit)
    form.addRow(None, view.feeError)
    form.addRow(method_label, view.feeMethodCombo)
    form.addRow(receipt_label, view.receiptEdit)
    form.addRow(None, view.receiptError)
    column = ui.rightColumn
    column.insertWidget(column.indexOf(ui.detailsGroup) + 1, view.feeGroup)
    view._edits.update(
        ticket=view.ticketEdit, fee_amount=view.feeEdit, receipt_ref=view.receiptEdit
    )
    view._error_labels.update(
        ticket=view.ticketError, fee_amount=view.feeError, receipt_ref=view.receiptError
    )
    QWidget.setTabOrder(ui.deliveryCombo, view.ticketEdit)
    QWidget.setTabOrder(view.ticketEdit, view.feeEdit)
    QWidget.setTabOrder(view.feeEdit, view.feeMethodCombo)
    QWidget.setTabOrder(view.feeMethodCombo, view.receiptEdit)
    QWidget.setTabOrder(view.receiptEdit, ui.noteEdit)
    show_fee_due(view, None)


def setup_widgets(view: IntakeView) -> None:
    """The combos' choices, the checklist's columns, the buttons' texts (with their shortcuts)
    and the key filters of the search box and the checklist."""
    ui = view.ui
    for channel in labels.CHANNELS:
        ui.channelCombo.addItem(labels.channel_label(channel), channel)
    for delivery in labels.DELIVERIES:
        ui.deliveryCombo.addItem(labels.delivery_label(delivery), delivery)
    table = ui.documentsTable
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
    table.setItemDelegateForColumn(1, FormDelegate(table))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    for label in view._error_labels.values():
        label.hide()
    ui.saveButton.setText(view._button_text(ActionId.SAVE_INTAKE))
    ui.supplementButton.setText(view._button_text(ActionId.SUPPLEMENT_INTAKE))
    ui.refuseButton.setText(view._button_text(ActionId.REFUSE_INTAKE))
    ui.clearButton.setText(view._button_text(ActionId.CLEAR_INTAKE))
    for button in (ui.saveButton, ui.supplementButton, ui.refuseButton, ui.clearButton):
        button.setAutoDefault(True)  # Enter on a focused button presses it
    ui.procedureSearch.installEventFilter(view)
    table.installEventFilter(view)
    ui.dueExplanation.setText("")


def show_fee_due(view: IntakeView, procedure: ProcedureView | None) -> None:
    """The fee the chosen procedure asks for, above the amount collected."""
    if procedure is None:
        view.feeDue.setText(translate("IntakeView", "Choose a procedure to see the fee."))
        view.feeDue.setToolTip("")
        return
    amount = getattr(procedure, "fee_amount", None)
    if amount == 0:
        text = translate("IntakeView", "none (free)")
    elif isinstance(amount, int):
        text = "<b>" + labels.fmt_vnd(amount) + "</b>"
    else:
        text = plain_html(procedure.fee_text) or translate("IntakeView", "as the catalog says")
    view.feeDue.setText(text)
    view.feeDue.setToolTip(procedure.fee_text)


def plain_html(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
