"""Sổ & in ấn: the dossier ledger (Form 07) for a range of days, the daily handoff list
for a day and a department, and the daily cash sheet (fees per officer and fee type, PDF or
XLSX; not a receipt). The layout is forms/print.ui."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from motcua_desk.ui import labels
from motcua_desk.ui.context import UiContext
from motcua_desk.ui.forms.ui_print import Ui_PrintForm


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
        """forms/print.ui holds the layout; here the dates, the departments' first item and
        the titles of the two forms, which the printed documents share (labels.form_title)."""
        self.ui = Ui_PrintForm()
        self.ui.setupUi(self)
        ui = self.ui
        self.ledger_from = ui.ledgerFrom
        self.ledger_to = ui.ledgerTo
        self.ledger_button = ui.ledgerButton
        self.list_day = ui.listDay
        self.list_department = ui.listDepartment
        self.list_button = ui.listButton
        self.cash_day = ui.cashDay
        self.cash_officer = ui.cashOfficer
        self.cash_button = ui.cashButton
        self.cash_xlsx_button = ui.cashXlsxButton
        ui.ledgerBox.setTitle(labels.form_title("ledger"))
        ui.listBox.setTitle(labels.form_title("handoff_list"))
        today = self.ctx.today()
        self.ledger_from.setDate(_qdate(today.replace(day=1)))
        self.ledger_to.setDate(_qdate(today))
        self.list_day.setDate(_qdate(today))
        self.cash_day.setDate(_qdate(today))
        self.list_department.addItem(self.tr("All departments"), "")

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
            rows = svc.dossiers.ledger(first, last)
            return rows, svc.settings.agency(), svc.dossiers.office_today()

        def draw(printing, data):
            rows, agency, signed = data  # dated the office's day, whatever the PC's zone
            return printing.ledger_pdf(rows, agency, first, last, printed_on=signed)

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
