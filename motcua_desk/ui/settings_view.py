"""Cài đặt: the officer on duty, office hours and cut-off, the calendar's local changes,
the printers per form, the language, sync with the office hub (Đồng bộ); and where the
files are. Its groups and fields are laid out in forms/settings.ui, set up by ui.settings_layout;
the Đồng bộ section's behaviour (the hub's address, token and certificate, the check, sync on
and off) is ui.settings_sync."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QMessageBox,
    QTableWidgetItem,
    QWidget,
)

from motcua_desk.ui import errors, labels, settings_hot_folder, settings_layout, settings_sync
from motcua_desk.ui.context import UiContext
from motcua_desk.ui.serial_scanner import available_ports
from motcua_desk.ui.settings import FORM_KINDS, PrinterChoice


class SettingsView(QWidget):
    desk_changed = Signal()  # agency / office / calendar changed: reload the desk info
    restored = Signal()  # another database file is in place: every screen reads again
    scanner_changed = Signal()  # the scanner's mode or port changed: the window reconnects

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        settings_layout.build(self)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.officer_save.clicked.connect(self.save_officer)
        self.office_save.clicked.connect(self.save_office)
        self.year_spin.valueChanged.connect(lambda _v: self.load_calendar())
        self.override_add.clicked.connect(self.add_override)
        self.override_remove.clicked.connect(self.remove_override)
        self.printer_choose.clicked.connect(self.choose_printer)
        self.printer_forget.clicked.connect(self.forget_printer)
        self.language_combo.activated.connect(lambda _i: self._language_chosen())
        self.hub_check.clicked.connect(self.check_hub)
        self.hub_save.clicked.connect(self.save_hub)
        self.hub_ca_pick.clicked.connect(self.pick_cafile)
        self.sync_toggle.clicked.connect(self.toggle_sync)
        self.restore_button.clicked.connect(self.restore_backup)
        self.groups_save.clicked.connect(self.save_groups)
        self.groups_edit.textChanged.connect(self._groups_typed)
        self.scanner_ports_refresh.clicked.connect(self.list_ports)
        self.scanner_mode_combo.currentIndexChanged.connect(lambda _i: self._paint_scanner())
        self.scanner_save.clicked.connect(self.save_scanner)
        settings_hot_folder.connect(self)  # the document scanner's folder
        sync = self.ctx.sync
        if sync is not None:
            sync.check_finished.connect(self._checked)
            sync.configured_changed.connect(lambda _c: settings_sync.paint_sync_buttons(self))
        settings_sync.paint_sync_buttons(self)

    # --- filling ------------------------------------------------------------------------------
    def set_desk(self) -> None:
        desk = self.ctx.desk
        if desk.agency is not None:
            self.officer_edit.setText(desk.agency.officer)
            self.officer_phone_edit.setText(desk.agency.officer_phone)
        if desk.office is not None:
            self.hours_edit.setText(desk.office.office_hours)
            self.cutoff_edit.setText(desk.office.cutoff)
            self.transfer_edit.setText(desk.office.transfer_deadline)
            self.qr_check.setChecked(bool(desk.office.print_qr))
        self.calendar_warning.setText(desk.calendar_warning or "")
        self.calendar_warning.setVisible(bool(desk.calendar_warning))
        self.language_combo.setCurrentIndex(
            max(0, self.language_combo.findData(self.ctx.settings.language))
        )
        self.files.setText(
            self.tr("Database: {db}\nLog file: {log}\nSettings: {ini}").format(
                db=self.ctx.db_path or "",
                log=self.ctx.log_path or "",
                ini=self.ctx.settings.file_name,
            )
        )
        self._fill_printers()
        self._fill_scanner()
        self.load_hub()
        self.load_groups()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.load_calendar()

    def focus_first(self) -> None:
        self.officer_edit.setFocus()

    def _say(self, text: str, ok: bool = True) -> None:
        self.status.setStyleSheet(f"color: {'#1b7f3b' if ok else '#b00020'};")
        self.status.setText(text)

    # --- scanner ------------------------------------------------------------------------------
    def _fill_scanner(self) -> None:
        s = self.ctx.settings.scanner
        self.scanner_mode_combo.setCurrentIndex(max(0, self.scanner_mode_combo.findData(s.mode)))
        self.list_ports()
        self.scanner_port_combo.setEditText(s.port)
        i = self.scanner_baud_combo.findData(s.baud)
        if i < 0:
            self.scanner_baud_combo.addItem(str(s.baud), s.baud)
            i = self.scanner_baud_combo.count() - 1
        self.scanner_baud_combo.setCurrentIndex(i)
        self._paint_scanner()

    def list_ports(self) -> None:
        """The serial ports of this computer now (the text typed stays)."""
        typed = self.scanner_port_combo.currentText()
        self.scanner_port_combo.clear()
        for device, description in available_ports():
            label = f"{device} — {description}" if description and description != "n/a" else device
            self.scanner_port_combo.addItem(label, device)
        self.scanner_port_combo.setEditText(typed)

    def _paint_scanner(self) -> None:
        serial = self.scanner_mode_combo.currentData() == "serial"
        for w in (self.scanner_port_combo, self.scanner_ports_refresh, self.scanner_baud_combo):
            w.setEnabled(serial)

    def scanner_port(self) -> str:
        """The port chosen: a listed one's device name, or the text typed."""
        combo = self.scanner_port_combo
        text = combo.currentText().strip()
        i = combo.findText(text)
        return str(combo.itemData(i)) if i >= 0 and combo.itemData(i) else text

    def save_scanner(self) -> None:
        mode = self.scanner_mode_combo.currentData()
        port = self.scanner_port()
        if mode == "serial" and not port:
            self._say(self.tr("Choose or type the scanner's serial port first."), ok=False)
            self.scanner_port_combo.setFocus()
            return
        self.ctx.settings.set_scanner_port(mode, port, int(self.scanner_baud_combo.currentData()))
        self.ctx.settings.sync()
        self._say(
            self.tr("Scanner saved: reading the serial port {port}.").format(port=port)
            if mode == "serial"
            else self.tr("Scanner saved: it types like a keyboard.")
        )
        self.scanner_changed.emit()

    # --- officer and office -------------------------------------------------------------------
    def save_officer(self) -> None:
        name, phone = self.officer_edit.text(), self.officer_phone_edit.text()
        self.ctx.worker.mutate(
            lambda svc: svc.settings.set_officer(name, phone),
            success=lambda _a: self._saved(self.tr("Officer saved.")),
            failure=self._failed,
            owner=self,
            kinds=("settings",),
        )

    def save_office(self) -> None:
        changes = dict(
            office_hours=self.hours_edit.text().strip(),
            cutoff=self.cutoff_edit.text().strip(),
            transfer_deadline=self.transfer_edit.text().strip(),
            print_qr=self.qr_check.isChecked(),
        )

        def run(svc):
            office = svc.settings.set_office(**changes)
            svc.calendar.invalidate()
            return office

        self.ctx.worker.mutate(
            run,
            success=lambda _o: self._saved(
                self.tr("Office hours saved: new return dates follow them.")
            ),
            failure=self._failed,
            owner=self,
            kinds=("settings",),
        )

    def _saved(self, text: str) -> None:
        self._say(text)
        self.desk_changed.emit()

    def _failed(self, err: BaseException) -> None:
        self._say(errors.message(err), ok=False)

    # --- field groups -------------------------------------------------------------------------
    groups_loaded = Signal()

    def load_groups(self) -> None:
        def read(svc):
            return (
                [(g.name, list(g.fields)) for g in svc.catalog.field_groups()],
                svc.catalog.served_group(),
                svc.catalog.fields(),
            )

        self.ctx.worker.query(read, success=self._show_groups, failure=self._failed, owner=self)

    def _show_groups(self, result) -> None:
        groups, serves, fields = result
        self.groups_edit.blockSignals(True)
        self.groups_edit.setPlainText("\n".join(f"{n}: {', '.join(f)}" for n, f in groups))
        self.groups_edit.blockSignals(False)
        self._fill_serves([n for n, _ in groups], serves)
        self.fields_note.setText(
            self.tr("Fields in the catalog: {fields}.").format(fields=", ".join(fields))
        )
        self.groups_loaded.emit()

    def _fill_serves(self, names: list[str], current: str | None) -> None:
        self.serves_combo.clear()
        self.serves_combo.addItem(self.tr("Every field alike"), None)
        for n in names:
            self.serves_combo.addItem(n, n)
        self.serves_combo.setCurrentIndex(max(0, self.serves_combo.findData(current)))

    def _groups_typed(self) -> None:
        """The served group's choices follow the names typed (before saving)."""
        try:
            names = [n for n, _ in parse_group_lines(self.groups_edit.toPlainText())]
        except ValueError:
            return
        current = self.serves_combo.currentData()
        self._fill_serves(names, current if current in names else None)

    def save_groups(self) -> None:
        try:
            groups = parse_group_lines(self.groups_edit.toPlainText())
        except ValueError:
            self._say(errors.texts()["group_line"], ok=False)
            return
        serves = self.serves_combo.currentData()

        def run(svc):
            saved = svc.catalog.replace_field_groups(groups, serves)
            return len(saved)

        self.ctx.worker.mutate(
            run,
            success=lambda n: (
                self._saved(self.tr("{n} field group(s) saved.").format(n=n)),
                self.load_groups(),
            ),
            failure=self._failed,
            owner=self,
            kinds=("settings",),
        )

    # --- calendar -----------------------------------------------------------------------------
    def load_calendar(self) -> None:
        year = self.year_spin.value()
        self.ctx.worker.query(
            lambda svc: (svc.calendar.special_days(year), svc.calendar.warning()),
            success=self._show_calendar,
            failure=self._failed,
            owner=self,
        )

    def _show_calendar(self, result) -> None:
        days, warning = result
        t = self.days_table
        t.setRowCount(0)
        for info in days:
            row = t.rowCount()
            t.insertRow(row)
            day = QTableWidgetItem(f"{labels.weekday(info.day)} {labels.fmt_date(info.day)}")
            day.setData(Qt.ItemDataRole.UserRole, info.day.isoformat())
            day.setData(Qt.ItemDataRole.UserRole + 1, info.kind)
            t.setItem(row, 0, day)
            t.setItem(row, 1, QTableWidgetItem(self._kind_name(info.kind)))
            t.setItem(row, 2, QTableWidgetItem(info.name))
        self.calendar_warning.setText(warning or "")
        self.calendar_warning.setVisible(bool(warning))

    def _kind_name(self, kind: str) -> str:
        names = {
            "weekday": self.tr("Working day"),
            "weekend": self.tr("Weekend"),
            "holiday": self.tr("Public holiday"),
            "makeup": self.tr("Make-up working day"),
            "override_off": self.tr("Local day off"),
            "override_work": self.tr("Local working day"),
        }
        return names.get(kind, kind)

    def add_override(self) -> None:
        q = self.override_day.date()
        day = date(q.year(), q.month(), q.day())
        kind = self.override_kind.currentData()
        reason, ref = self.override_reason.text(), self.override_ref.text()
        self.ctx.worker.mutate(
            lambda svc: svc.calendar.add_override(day, kind, reason, ref),
            success=lambda _r: self._override_done(day),
            failure=self._failed,
            owner=self,
            kinds=("calendar",),
        )

    def _override_done(self, day: date) -> None:
        self.override_reason.clear()
        self.override_ref.clear()
        self.year_spin.setValue(day.year)
        self.load_calendar()
        self._saved(self.tr("Calendar changed."))

    def remove_override(self) -> None:
        row = self.days_table.currentRow()
        if row < 0:
            return
        item = self.days_table.item(row, 0)
        if item.data(Qt.ItemDataRole.UserRole + 1) not in ("override_off", "override_work"):
            self._say(
                self.tr("Only local changes can be removed; public holidays come from the law."),
                ok=False,
            )
            return
        day = date.fromisoformat(item.data(Qt.ItemDataRole.UserRole))
        self.ctx.worker.mutate(
            lambda svc: svc.calendar.remove_override(day),
            success=lambda _r: self._override_done(day),
            failure=self._failed,
            owner=self,
            kinds=("calendar",),
        )

    # --- printers -----------------------------------------------------------------------------
    def _fill_printers(self) -> None:
        t = self.printers_table
        for row, kind in enumerate(FORM_KINDS):
            title = QTableWidgetItem(labels.form_title(kind))
            title.setData(Qt.ItemDataRole.UserRole, kind)
            choice = self.ctx.settings.printer_for(kind)
            text = choice.printer or self.tr("(default printer)")
            if choice.paper:
                text += f" · {choice.paper}"
            t.setItem(row, 0, title)
            t.setItem(row, 1, QTableWidgetItem(text))

    def _current_kind(self) -> str:
        row = max(0, self.printers_table.currentRow())
        return self.printers_table.item(row, 0).data(Qt.ItemDataRole.UserRole)

    def choose_printer(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        kind = self._current_kind()
        printer = QPrinter()
        choice = self.ctx.settings.printer_for(kind)
        if choice.printer:
            printer.setPrinterName(choice.printer)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            layout = printer.pageLayout()
            self.ctx.settings.set_printer_for(
                kind,
                PrinterChoice(
                    printer.printerName(),
                    layout.pageSize().key(),
                    layout.orientation() == layout.Orientation.Landscape,
                ),
            )
            self._fill_printers()

    def forget_printer(self) -> None:
        self.ctx.settings.forget_printer_for(self._current_kind())
        self._fill_printers()

    # --- sync -------------------------------------------------------------------------------
    def focus_sync(self) -> None:
        """Show the Đồng bộ section (from the sync exceptions list)."""
        settings_sync.focus_sync(self)

    def load_hub(self) -> None:
        settings_sync.load_hub(self)

    def pick_cafile(self) -> None:
        settings_sync.pick_cafile(self)

    def check_hub(self) -> None:
        settings_sync.check_hub(self)

    def _checked(self, ok: bool, value) -> None:
        settings_sync.checked(self, ok, value)

    def save_hub(self) -> None:
        settings_sync.save_hub(self)

    def toggle_sync(self) -> None:
        settings_sync.toggle_sync(self)

    # --- restore ------------------------------------------------------------------------------
    def ask_backup_file(self) -> str:
        """The file picker of restore (tests replace it)."""
        start = str(self.ctx.db_path.parent / "backups") if self.ctx.db_path else ""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore from a backup"),
            start,
            self.tr("Desk databases (*.sqlite3 *.db);;All files (*)"),
        )
        return path

    def confirm_restore(self, path: str) -> bool:
        """The officer's confirmation of restore (tests replace it)."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Restore from a backup"),
            self.tr("Put the backup {file} in place of this desk's database?").format(file=path),
            parent=self,
        )
        box.setInformativeText(
            self.tr(
                "The current database is kept aside, not deleted. Dossier codes and ledger "
                "numbers continue after the current ones. If this desk syncs, it takes back from "
                "the office server the dossiers it made after the backup before it records "
                "anything new."
            )
        )
        restore = box.addButton(self.tr("&Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(QMessageBox.StandardButton.NoButton)
        box.exec()
        return box.clickedButton() is restore

    def restore_backup(self) -> None:
        """Cài đặt → restore: the sync loop is stopped, the services closed on the DB thread,
        the backup put in place (services.maintenance.restore_file), the services opened again
        on it, then the desk and every screen reloaded and sync started again."""
        from motcua_desk.services.maintenance import restore_file

        db_path = self.ctx.db_path
        if db_path is None:
            return
        path = self.ask_backup_file()
        if not path or not self.confirm_restore(path):
            return
        sync = self.ctx.sync
        if sync is not None:
            sync.detach()
        self.restore_button.setEnabled(False)
        self._say(self.tr("Restoring…"))
        self.ctx.worker.offline(
            lambda: restore_file(path, db_path),
            success=self._restored,
            failure=self._restore_failed,
            owner=self,
        )

    def _after_restore(self) -> None:
        self.restore_button.setEnabled(True)
        if self.ctx.sync is not None:
            self.ctx.sync.attach()  # the services of the restored file; sync starts again
        self.desk_changed.emit()
        self.restored.emit()

    def _restored(self, result) -> None:
        lines = [self.tr("Restored from {file}.").format(file=result.restored_from)]
        if result.kept_aside:
            lines.append(
                self.tr("The replaced database is kept as {file}.").format(file=result.kept_aside)
            )
        if result.pending:
            lines.append(
                self.tr(
                    "Sync with the office server before receiving dossiers: it "
                    "gives back the dossiers this desk made after the backup."
                )
            )
        self._say(" ".join(lines))
        self._after_restore()

    def _restore_failed(self, err: BaseException) -> None:
        self._failed(err)
        self._after_restore()  # nothing changed: the services open the same file again

    def _language_chosen(self) -> None:
        self.ctx.settings.language = self.language_combo.currentData()
        self._say(self.tr("The language changes at the next start."))


def parse_group_lines(text: str) -> list[tuple[str, list[str]]]:
    """ "Name: field, field" a line (blank lines skipped); ValueError on a line without a
    colon."""
    out = []
    for line in text.splitlines():
        if not line.strip():
            continue
        name, sep, rest = line.partition(":")
        if not sep:
            raise ValueError(line)
        out.append((name.strip(), [f.strip() for f in rest.split(",") if f.strip()]))
    return out
