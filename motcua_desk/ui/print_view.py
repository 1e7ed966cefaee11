"""Sổ & in ấn: the dossier ledger (Form 07) for a range of days, the daily handoff list
for a day and a department, and the daily cash sheet (fees per officer and fee type, PDF or
XLSX; not a receipt)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from motcua_desk.ui import labels
from motcua_desk.ui.context import UiContext


class PrintView(QWidget):
    exported = Signal(str)  # the path of a cash sheet saved as XLSX

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # (suggested file name) -> a path or None: a file dialog by default (tests replace it)
        self.ask_save_path = self._ask_save_path
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        today = self.ctx.today()
        self.ledger_from = QDateEdit(self, calendarPopup=True, displayFormat="dd/MM/yyyy")
        self.ledger_from.setObjectName("ledgerFrom")
        self.ledger_to = QDateEdit(self, calendarPopup=True, displayFormat="dd/MM/yyyy")
        self.ledger_to.setObjectName("ledgerTo")
        self.ledger_from.setDate(_qdate(today.replace(day=1)))
        self.ledger_to.setDate(_qdate(today))
        self.ledger_button = QPushButton(self.tr("Print the &ledger"), self)
        self.ledger_button.setObjectName("ledgerButton")
        ledger_box = QGroupBox(labels.form_title("ledger"), self)
        form = QFormLayout(ledger_box)
        from_label = QLabel(self.tr("Fro&m:"), self)
        from_label.setBuddy(self.ledger_from)
        to_label = QLabel(self.tr("&To:"), self)
        to_label.setBuddy(self.ledger_to)
        form.addRow(from_label, self.ledger_from)
        form.addRow(to_label, self.ledger_to)
        form.addRow("", self.ledger_button)

        self.list_day = QDateEdit(self, calendarPopup=True, displayFormat="dd/MM/yyyy")
        self.list_day.setObjectName("listDay")
        self.list_day.setDate(_qdate(today))
        self.list_department = QComboBox(self)
        self.list_department.setObjectName("listDepartment")
        self.list_department.addItem(self.tr("All departments"), "")
        self.list_button = QPushButton(self.tr("Print the hand&off list"), self)
        self.list_button.setObjectName("listButton")
        list_box = QGroupBox(labels.form_title("handoff_list"), self)
        form2 = QFormLayout(list_box)
        day_label = QLabel(self.tr("&Day:"), self)
        day_label.setBuddy(self.list_day)
        dept_label = QLabel(self.tr("De&partment:"), self)
        dept_label.setBuddy(self.list_department)
        form2.addRow(day_label, self.list_day)
        form2.addRow(dept_label, self.list_department)
        form2.addRow("", self.list_button)

        self.cash_day = QDateEdit(self, calendarPopup=True, displayFormat="dd/MM/yyyy")
        self.cash_day.setObjectName("cashDay")
        self.cash_day.setDate(_qdate(today))
        self.cash_officer = QLineEdit(self)
        self.cash_officer.setObjectName("cashOfficer")
        self.cash_officer.setMaxLength(100)
        self.cash_officer.setPlaceholderText(self.tr("every officer"))
        self.cash_button = QPushButton(self.tr("Print the &cash sheet"), self)
        self.cash_button.setObjectName("cashButton")
        self.cash_xlsx_button = QPushButton(self.tr("Save as &Excel…"), self)
        self.cash_xlsx_button.setObjectName("cashXlsxButton")
        cash_box = QGroupBox(self.tr("Daily cash sheet (not a receipt)"), self)
        form3 = QFormLayout(cash_box)
        cash_day_label = QLabel(self.tr("D&ate:"), self)
        cash_day_label.setBuddy(self.cash_day)
        officer_label = QLabel(self.tr("Off&icer:"), self)
        officer_label.setBuddy(self.cash_officer)
        form3.addRow(cash_day_label, self.cash_day)
        form3.addRow(officer_label, self.cash_officer)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cash_button)
        buttons.addWidget(self.cash_xlsx_button)
        form3.addRow("", buttons)

        row = QHBoxLayout()
        row.addWidget(ledger_box, 1)
        row.addWidget(list_box, 1)
        row.addWidget(cash_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        note = QLabel(
            self.tr(
                "Each document opens in a preview first; print it from there "
                "(Ctrl+P). The printer and paper are remembered per document."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555555;")
        layout.addWidget(note)
        layout.addStretch(1)

    def _connect_signals(self) -> None:
        self.ledger_button.clicked.connect(self.print_ledger)
        self.list_button.clicked.connect(self.print_handoff_list)
        self.cash_button.clicked.connect(self.print_cash_sheet)
        self.cash_xlsx_button.clicked.connect(self.save_cash_sheet_xlsx)

    def set_desk(self) -> None:
        self.list_department.clear()
        self.list_department.addItem(self.tr("All departments"), "")
        for d in self.ctx.desk.departments:
            self.list_department.addItem(d.name, d.name)

    def focus_first(self) -> None:
        self.ledger_from.setFocus()

    def print_ledger(self) -> None:
        first, last = _pydate(self.ledger_from.date()), _pydate(self.ledger_to.date())

        def load(svc):
            return svc.dossiers.ledger(first, last), svc.settings.agency()

        def draw(printing, data):
            rows, agency = data
            return printing.ledger_pdf(rows, agency, first, last)

        self.ctx.printing.print_document(
            "ledger",
            load,
            draw,
            self.tr("Ledger {first} – {last}").format(
                first=labels.fmt_date(first), last=labels.fmt_date(last)
            ),
            f"so-theo-doi-{first:%Y%m%d}-{last:%Y%m%d}.pdf",
        )

    def print_handoff_list(self) -> None:
        day = _pydate(self.list_day.date())
        department = self.list_department.currentData() or ""

        def load(svc):
            return svc.dossiers.handoffs_on(day, department), svc.settings.agency()

        def draw(printing, data):
            entries, agency = data
            return printing.handoff_list_pdf(entries, agency, day, department=department)

        self.ctx.printing.print_document(
            "handoff_list",
            load,
            draw,
            self.tr("Handoff list {day}").format(day=labels.fmt_date(day)),
            f"ban-giao-{day:%Y%m%d}.pdf",
        )

    def _cash_load(self):
        day = _pydate(self.cash_day.date())
        officer = self.cash_officer.text()

        def load(svc):
            return svc.dossiers.cash_sheet(day, officer), svc.settings.agency()

        return day, load

    def print_cash_sheet(self) -> None:
        day, load = self._cash_load()

        def draw(printing, data):
            sheet, agency = data
            return printing.cash_sheet_pdf(sheet, agency)

        self.ctx.printing.print_document(
            "cash_sheet",
            load,
            draw,
            self.tr("Cash sheet {day} (not a receipt)").format(day=labels.fmt_date(day)),
            f"bang-ke-thu-{day:%Y%m%d}.pdf",
        )

    def _ask_save_path(self, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the cash sheet"), suggested, self.tr("Excel files (*.xlsx)")
        )
        return path or None

    def save_cash_sheet_xlsx(self) -> None:
        day, load = self._cash_load()
        name = self.ask_save_path(f"bang-ke-thu-{day:%Y%m%d}.xlsx")
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")

        def loaded(data) -> None:
            sheet, agency = data

            def draw() -> str:
                from motcua_desk import printing
                from motcua_desk.ui.report_export import write_atomically

                write_atomically(path, printing.cash_sheet_xlsx(sheet, agency))
                return str(path)

            self.ctx.worker.compute(draw, success=done, failure=self.ctx.errors.present, owner=self)

        def done(written: str) -> None:
            self.ctx.notify(self.tr("Saved {path}").format(path=written))
            self.exported.emit(written)

        self.ctx.worker.query(load, success=loaded, failure=self.ctx.errors.present, owner=self)


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())
