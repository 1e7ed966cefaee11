"""The small dialogs behind the dossier actions: a reason, a department, a date, who took
the result. They only collect values; the caller runs the service call when `accepted`
fires (dialogs are opened with open(), so nothing blocks and tests can drive them)."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from motcua_desk.domain import validation
from motcua_desk.domain.errors import ValidationError
from motcua_desk.ui import errors, labels
from motcua_desk.ui.actions import LocalId, local_shortcuts


class ValueDialog(QDialog):
    """A form with OK/Cancel; `check()` validates before closing (errors shown inline)."""

    def __init__(
        self, title: str, ok_text: str, parent: QWidget | None = None, intro: str = ""
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("valueDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.layout_ = QVBoxLayout(self)
        if intro:
            label = QLabel(intro, self)
            label.setWordWrap(True)
            self.layout_.addWidget(label)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("dialogError")
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.layout_.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.layout_.addWidget(self.buttons)
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        self.ok_button.setDefault(True)
        # Enter writes a new line in a reason box: Ctrl+Enter confirms from anywhere
        local_shortcuts(LocalId.CONFIRM_DIALOG, self, self._try_accept)
        self.setMinimumWidth(460)

    def check(self) -> str:
        """'' when the values are fine, else the message to show."""
        return ""

    def _try_accept(self) -> None:
        problem = self.check()
        if problem:
            self.error_label.setText(problem)
            self.error_label.show()
            return
        self.accept()


class ReasonDialog(ValueDialog):
    def __init__(
        self,
        title: str,
        prompt: str,
        ok_text: str,
        parent: QWidget | None = None,
        *,
        initial: str = "",
        intro: str = "",
        required: bool = True,
    ) -> None:
        super().__init__(title, ok_text, parent, intro)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setObjectName("reasonEdit")
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setPlainText(initial)
        self.reason_edit.setMinimumHeight(80)
        label = QLabel(prompt, self)
        label.setBuddy(self.reason_edit)
        self.form.addRow(label, self.reason_edit)
        self._required = required
        self.reason_edit.setFocus()
        self.reason_edit.selectAll()

    @property
    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def check(self) -> str:
        if self._required and not self.reason:
            return self.tr("Write the reason: it is printed on the form.")
        return ""


class HandoffDialog(ValueDialog):
    def __init__(
        self, departments, default: str, parent: QWidget | None = None, *, receiver: str = ""
    ) -> None:
        super().__init__(self.tr("Hand off the dossier"), self.tr("&Hand off"), parent)
        self.department_combo = QComboBox(self)
        self.department_combo.setObjectName("departmentCombo")
        for d in departments:
            self.department_combo.addItem(d.name, d.name)
        index = self.department_combo.findData(default)
        if index >= 0:
            self.department_combo.setCurrentIndex(index)
        self.receiver_edit = QLineEdit(receiver, self)
        self.receiver_edit.setObjectName("receiverEdit")
        self.control_check = QCheckBox(self.tr("Print the handoff control sheet (Form 06)"), self)
        self.control_check.setObjectName("controlCheck")
        dept_label = QLabel(self.tr("&Department:"), self)
        dept_label.setBuddy(self.department_combo)
        recv_label = QLabel(self.tr("&Received by:"), self)
        recv_label.setBuddy(self.receiver_edit)
        self.form.addRow(dept_label, self.department_combo)
        self.form.addRow(recv_label, self.receiver_edit)
        self.form.addRow("", self.control_check)
        self.department_combo.setFocus()

    @property
    def department(self) -> str:
        return self.department_combo.currentData() or ""

    @property
    def receiver(self) -> str:
        return self.receiver_edit.text().strip()

    @property
    def print_control(self) -> bool:
        return self.control_check.isChecked()

    def check(self) -> str:
        return "" if self.department else self.tr("Choose the department.")


class ReceiveResultDialog(ValueDialog):
    def __init__(self, location: str, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Result received"),
            self.tr("&Record"),
            parent,
            self.tr("The result comes back from: {unit}").format(unit=labels.unit_label(location)),
        )
        self.giver_edit = QLineEdit(self)
        self.giver_edit.setObjectName("giverEdit")
        label = QLabel(self.tr("&Brought by:"), self)
        label.setBuddy(self.giver_edit)
        self.form.addRow(label, self.giver_edit)
        self.giver_edit.setFocus()

    @property
    def giver(self) -> str:
        return self.giver_edit.text().strip()


class DocumentPickDialog(ValueDialog):
    """Pick documents (the missing ones) and write the reason: Form 02."""

    def __init__(
        self, documents, parent: QWidget | None = None, *, preselect=None, reason: str = ""
    ) -> None:
        super().__init__(
            self.tr("Ask to supplement"),
            self.tr("&Ask and print"),
            parent,
            self.tr("Tick what the applicant must bring, then write why."),
        )
        self.list = QListWidget(self)
        self.list.setObjectName("documentList")
        self._documents = list(documents)
        chosen = set(preselect or ())
        for i, doc in enumerate(self._documents):
            item = QListWidgetItem(
                f"{doc.name} — {labels.document_form_label(doc.form)} × {doc.count}", self.list
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if i in chosen else Qt.CheckState.Unchecked)
        if self._documents:
            self.list.setCurrentRow(0)
        self.reason_edit = QPlainTextEdit(reason, self)
        self.reason_edit.setObjectName("reasonEdit")
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setMaximumHeight(90)
        docs_label = QLabel(self.tr("&Missing documents:"), self)
        docs_label.setBuddy(self.list)
        reason_label = QLabel(self.tr("&Reason:"), self)
        reason_label.setBuddy(self.reason_edit)
        self.form.addRow(docs_label, self.list)
        self.form.addRow(reason_label, self.reason_edit)
        self.list.setFocus()

    @property
    def items(self) -> list:
        return [
            doc
            for i, doc in enumerate(self._documents)
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    @property
    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def check(self) -> str:
        if not self.items:
            return self.tr("Tick at least one document.")
        if not self.reason:
            return self.tr("Write the reason: it is printed on the form.")
        return ""


class ExtendDialog(ValueDialog):
    def __init__(self, due_at: datetime | None, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Apology and new return date"),
            self.tr("&Save and print"),
            parent,
            self.tr(
                "The return date can be reset only once. The apology "
                "should reach the applicant at least one working day "
                "before the current date."
            ),
        )
        self.due_edit = QDateTimeEdit(self)
        self.due_edit.setObjectName("newDueEdit")
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("HH:mm dd/MM/yyyy")
        start = (due_at or datetime.now()) + timedelta(days=3)
        while start.weekday() >= 5:
            start += timedelta(days=1)
        start = datetime.combine(start.date(), time(17, 0))
        self.due_edit.setDateTime(
            QDateTime(QDate(start.year, start.month, start.day), QTime(start.hour, start.minute))
        )
        self._tz = due_at.tzinfo if due_at is not None else None
        current = QLabel(labels.fmt_due(due_at), self)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setObjectName("reasonEdit")
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setMaximumHeight(90)
        due_label = QLabel(self.tr("&New return date:"), self)
        due_label.setBuddy(self.due_edit)
        reason_label = QLabel(self.tr("&Reason for the delay:"), self)
        reason_label.setBuddy(self.reason_edit)
        self.form.addRow(self.tr("Current return date:"), current)
        self.form.addRow(due_label, self.due_edit)
        self.form.addRow(reason_label, self.reason_edit)
        self.due_edit.setFocus()

    @property
    def new_due(self) -> datetime:
        qdt = self.due_edit.dateTime()
        d, t = qdt.date(), qdt.time()
        value = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
        return value.replace(tzinfo=self._tz) if self._tz else value

    @property
    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def check(self) -> str:
        if not self.reason:
            return self.tr("Write the reason: it is printed on the form.")
        return ""


class ReturnDialog(ValueDialog):
    def __init__(self, applicant: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Return the result"), self.tr("&Return"), parent)
        self.name_edit = QLineEdit(applicant, self)
        self.name_edit.setObjectName("toNameEdit")
        self.id_edit = QLineEdit(self)
        self.id_edit.setObjectName("toIdEdit")
        self.id_edit.setPlaceholderText(self.tr("12 digits (optional)"))
        self.method_combo = QComboBox(self)
        self.method_combo.setObjectName("methodCombo")
        for method in labels.RETURN_METHODS:
            self.method_combo.addItem(labels.return_method_label(method), method)
        name_label = QLabel(self.tr("&Collected by:"), self)
        name_label.setBuddy(self.name_edit)
        id_label = QLabel(self.tr("Citizen &ID:"), self)
        id_label.setBuddy(self.id_edit)
        method_label = QLabel(self.tr("&How:"), self)
        method_label.setBuddy(self.method_combo)
        self.form.addRow(name_label, self.name_edit)
        self.form.addRow(id_label, self.id_edit)
        self.form.addRow(method_label, self.method_combo)
        self.name_edit.setFocus()
        self.name_edit.selectAll()

    @property
    def to_name(self) -> str:
        return self.name_edit.text().strip()

    @property
    def id_number(self) -> str:
        return self.id_edit.text().strip()

    @property
    def method(self) -> str:
        return self.method_combo.currentData()

    def check(self) -> str:
        try:
            validation.applicant_name(self.to_name)
            validation.citizen_id(self.id_number)
        except ValidationError as err:
            return errors.message(err)
        return ""


class FormPickDialog(ValueDialog):
    def __init__(self, forms: list[str], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Print again"), self.tr("&Print"), parent)
        self.list = QListWidget(self)
        self.list.setObjectName("formList")
        for form in forms:
            item = QListWidgetItem(labels.form_title(form), self.list)
            item.setData(Qt.ItemDataRole.UserRole, form)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self._try_accept())
        label = QLabel(self.tr("&Form:"), self)
        label.setBuddy(self.list)
        self.form.addRow(label, self.list)
        self.list.setFocus()

    @property
    def chosen(self) -> str:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else ""


class ConfirmDialog(ValueDialog):
    def __init__(self, title: str, text: str, ok_text: str, parent: QWidget | None = None):
        super().__init__(title, ok_text, parent, text)
        self.ok_button.setFocus()
