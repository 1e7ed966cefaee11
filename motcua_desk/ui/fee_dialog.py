"""Phí, lệ phí after intake: a payment made later and/or the reference of the e-receipt the
province's system issued (often known only after the citizen left). Values are checked here
with the domain's own rules (the same sentences as the intake screen); the services check
them again."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from motcua_desk.domain import fees
from motcua_desk.domain.errors import ValidationError
from motcua_desk.ui import errors, labels
from motcua_desk.ui.dialogs import ValueDialog


class FeeDialog(ValueDialog):
    def __init__(self, due_text: str, paid_text: str, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Fee"),
            self.tr("&Record"),
            parent,
            intro=self.tr(
                "A payment made after intake, or the e-receipt's lookup code once the e-receipt "
                "system issued it (given alone, it goes with the last payment). The desk prints "
                "no receipt."
            ),
        )
        self.setObjectName("feeDialog")
        self.form.addRow(self.tr("Due:"), QLabel(due_text, self))
        self.form.addRow(self.tr("Collected so far:"), QLabel(paid_text, self))
        self.amount_edit = QLineEdit(self)
        self.amount_edit.setObjectName("feeAmount")
        self.amount_edit.setMaxLength(20)
        self.amount_edit.setPlaceholderText(self.tr("đồng (empty: only the e-receipt code)"))
        amount_label = QLabel(self.tr("&Amount paid now:"), self)
        amount_label.setBuddy(self.amount_edit)
        self.method_combo = QComboBox(self)
        self.method_combo.setObjectName("feeMethod")
        for method in labels.FEE_METHODS:
            if method != fees.EXEMPT:
                self.method_combo.addItem(labels.fee_method_label(method), method)
        method_label = QLabel(self.tr("Paid b&y:"), self)
        method_label.setBuddy(self.method_combo)
        self.ref_edit = QLineEdit(self)
        self.ref_edit.setObjectName("feeReceiptRef")
        self.ref_edit.setMaxLength(80)
        ref_label = QLabel(self.tr("E-receipt loo&kup code:"), self)
        ref_label.setBuddy(self.ref_edit)
        self.form.addRow(amount_label, self.amount_edit)
        self.form.addRow(method_label, self.method_combo)
        self.form.addRow(ref_label, self.ref_edit)

    @property
    def amount(self) -> str | None:
        return self.amount_edit.text().strip() or None

    @property
    def method(self) -> str:
        return self.method_combo.currentData() or "cash"

    @property
    def receipt_ref(self) -> str:
        return self.ref_edit.text()

    def check(self) -> str:
        try:
            if self.amount is not None:
                fees.payment(self.amount, self.method, self.receipt_ref)
            elif not fees.receipt_ref(self.receipt_ref):
                raise ValidationError(
                    "fee_amount",
                    "say the amount or the receipt reference",
                    code="fee_amount_missing",
                )
        except ValidationError as err:
            return errors.message(err)
        return ""
