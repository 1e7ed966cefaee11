"""Bàn giao: the batch. Choose a department, scan dossier after dossier into the list (each
checked as it comes in), confirm once for all (one unit of work: all or none), then print
the day's handoff list for that department. The same screen takes results back. The layout is
forms/handoff.ui."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QApplication, QHeaderView, QTableWidgetItem, QWidget

from motcua_desk.domain import codes as dossier_codes
from motcua_desk.ui import errors, labels
from motcua_desk.ui.actions import LocalId, local_shortcuts
from motcua_desk.ui.context import UiContext
from motcua_desk.ui.forms.ui_handoff import Ui_HandoffForm

if TYPE_CHECKING:
    from motcua_desk.domain.dto import DossierDetail, DossierView

log = logging.getLogger("motcua.ui.handoff")

OUT, BACK = "out", "back"


class HandoffView(QWidget):
    batch_changed = Signal(int)  # dossiers in the list
    committed = Signal(str, int)  # direction, how many

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.batch: list[DossierView] = []  # in scan order
        self._pending: set[str] = set()
        self._last_department = ""
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        """forms/handoff.ui holds the layout; here the table's columns and the buttons' state."""
        self.ui = Ui_HandoffForm()
        self.ui.setupUi(self)
        ui = self.ui
        self.out_radio = ui.outRadio
        self.back_radio = ui.backRadio
        self.direction = ui.direction
        self.department_combo = ui.departmentCombo
        self.person_edit = ui.personEdit
        self.person_label = ui.personLabel
        self.code_edit = ui.codeEdit
        self.add_button = ui.addButton
        self.table = ui.batchTable
        self.status = ui.batchStatus
        self.remove_button = ui.removeButton
        self.confirm_button = ui.confirmButton
        self.print_button = ui.printListButton
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self._update_buttons()

    def _connect_signals(self) -> None:
        self.code_edit.returnPressed.connect(self._typed)
        self.add_button.clicked.connect(self._typed)
        self.remove_button.clicked.connect(self.remove_selected)
        self.confirm_button.clicked.connect(self.confirm)
        self.print_button.clicked.connect(self.print_list)
        self.out_radio.toggled.connect(self._direction_changed)
        self.department_combo.activated.connect(lambda _i: self._department_chosen())
        local_shortcuts(LocalId.CONFIRM_HANDOFF, self, self.confirm)
        local_shortcuts(LocalId.REMOVE_HANDOFF_ROW, self.table, self.remove_selected)

    def set_desk(self) -> None:
        current = self.department_combo.currentData() or self.ctx.settings.last_department
        self.department_combo.clear()
        for d in self.ctx.desk.departments:
            self.department_combo.addItem(d.name, d.name)
        index = self.department_combo.findData(current)
        self.department_combo.setCurrentIndex(max(0, index))

    def focus_first(self) -> None:
        self.code_edit.setFocus()

    @property
    def direction_value(self) -> str:
        return OUT if self.out_radio.isChecked() else BACK

    @property
    def department(self) -> str:
        return self.department_combo.currentData() or ""

    def _direction_changed(self) -> None:
        self.person_label.setText(
            self.tr("Received b&y:") if self.direction_value == OUT else self.tr("Brought b&y:")
        )
        if self.batch:
            self.clear_batch()
            self.ctx.notify(self.tr("The list was emptied: the direction changed."), "info")
        self._update_buttons()

    def _department_chosen(self) -> None:
        self.ctx.settings.last_department = self.department
        self._update_buttons()
        self.code_edit.setFocus()

    # --- adding dossiers ----------------------------------------------------------------------
    def handle_scan(self, code: str, repeated: bool) -> None:
        """A scan while this screen is shown: add the dossier to the batch."""
        if repeated:
            self.ctx.notify(
                self.tr("Double scan of {code}: it is already in the list.").format(
                    code=dossier_codes.normalize(code)
                ),
                "warning",
            )
            return
        self.add(code)

    def _typed(self) -> None:
        text = self.code_edit.text().strip()
        if text:
            self.code_edit.clear()
            self.add(text)

    def add(self, code: str) -> None:
        clean = dossier_codes.normalize(code)
        if not clean:
            return
        if any(v.code == clean for v in self.batch) or clean in self._pending:
            self._say(self.tr("{code} is already in the list.").format(code=clean), "warning")
            return
        self._pending.add(clean)
        direction, department = self.direction_value, self.department
        self.ctx.worker.query(
            lambda svc: svc.dossiers.find_by_code(clean),
            success=lambda d: self._found(clean, d, direction, department),
            failure=lambda err: self._not_added(clean, err),
            owner=self,
        )

    def _found(self, code: str, detail: DossierDetail, direction: str, department: str) -> None:
        self._pending.discard(code)
        if direction != self.direction_value:
            return
        view = detail.dossier
        problem = ""
        if direction == OUT:
            if "handoff" not in detail.allowed_actions:
                problem = self.tr("{code} cannot be handed off: it is “{status}”.")
            elif view.location == department:
                problem = self.tr("{code} is already at {department}.")
        elif "receive_result" not in detail.allowed_actions or view.status != "in_process":
            problem = self.tr("{code} is not at a department: it is “{status}”.")
        if problem:
            self._say(
                problem.format(
                    code=view.code, status=labels.status_label(view.status), department=department
                ),
                "warning",
            )
            return
        if any(v.code == view.code for v in self.batch):
            return
        self.batch.append(view)
        row = self.table.rowCount()
        self.table.insertRow(row)
        for col, text in enumerate(
            (
                view.code,
                view.applicant_name,
                view.procedure_name,
                labels.unit_label(view.location),
                labels.fmt_moment(view.due_at),
            )
        ):
            self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.scrollToBottom()
        self._say(
            self.tr("Added {code} — {name}. {n} in the list.").format(
                code=view.code, name=view.applicant_name, n=len(self.batch)
            ),
            "ok",
        )
        self._update_buttons()
        self.batch_changed.emit(len(self.batch))

    def _not_added(self, code: str, err: BaseException) -> None:
        self._pending.discard(code)
        if getattr(err, "code", "") == "unknown_code":
            self._say(self.tr("No dossier has the code {code}.").format(code=code), "warning")
        else:
            self.ctx.errors.present(err)

    def _say(self, text: str, level: str) -> None:
        colour = {"ok": "#1b7f3b", "warning": "#b00020"}.get(level, "#333333")
        self.status.setStyleSheet(f"color: {colour};")
        self.status.setText(text)
        if level == "warning":
            QApplication.beep()

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
            del self.batch[row]
        self._update_buttons()
        self.batch_changed.emit(len(self.batch))

    def clear_batch(self) -> None:
        self.batch.clear()
        self.table.setRowCount(0)
        self._update_buttons()
        self.batch_changed.emit(0)

    def _update_buttons(self) -> None:
        n = len(self.batch)
        if self.direction_value == OUT:
            text = self.tr("&Confirm handoff of {n} dossiers (Ctrl+Enter)").format(n=n)
        else:
            text = self.tr("&Confirm {n} results received (Ctrl+Enter)").format(n=n)
        self.confirm_button.setText(text)
        self.confirm_button.setEnabled(
            n > 0 and bool(self.department or self.direction_value == BACK)
        )
        self.remove_button.setEnabled(n > 0)

    # --- committing ---------------------------------------------------------------------------
    def confirm(self) -> None:
        if not self.batch or not self.confirm_button.isEnabled():
            return
        codes = [v.code for v in self.batch]
        person = self.person_edit.text().strip()
        department = self.department
        direction = self.direction_value
        if direction == OUT:

            def run(svc):
                return svc.dossiers.handoff(codes, department, receiver=person)
        else:

            def run(svc):
                return svc.dossiers.receive_result(codes, giver=person)

        self.confirm_button.setEnabled(False)
        self.ctx.worker.mutate(
            run,
            success=lambda r: self._committed(direction, department, r),
            failure=self._failed,
            owner=self,
            origin=self,
        )

    def _committed(self, direction: str, department: str, details: list) -> None:
        n = len(details)
        if direction == OUT:
            text = self.tr("{n} dossiers handed over to {department}.").format(
                n=n, department=department
            )
        else:
            text = self.tr("{n} results received.").format(n=n)
        self.clear_batch()
        self._say(text, "ok")
        self.ctx.notify(text, "info")
        self.print_button.setFocus()
        self.committed.emit(direction, n)

    def _failed(self, err: BaseException) -> None:
        self._update_buttons()
        self._say(errors.message(err), "warning")
        self.ctx.errors.present(err)

    def print_list(self) -> None:
        day = self.ctx.today()
        department = self.department

        def load(svc):
            return svc.dossiers.handoffs_on(day, department), svc.settings.agency()

        def draw(printing, data):
            entries, agency = data
            return printing.handoff_list_pdf(entries, agency, day, department=department)

        self.ctx.printing.print_document(
            "handoff_list",
            load,
            draw,
            self.tr("Handoff list {day} — {department}").format(
                day=labels.fmt_date(day), department=department
            ),
            f"ban-giao-{day:%Y%m%d}.pdf",
        )
