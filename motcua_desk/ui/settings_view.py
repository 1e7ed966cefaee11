"""Cài đặt: the officer on duty, office hours and cut-off, the calendar's local changes,
the printers per form, the language, sync with the office hub (Đồng bộ); and where the
files are."""

from __future__ import annotations

import os
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from motcua_desk.ui import errors, labels
from motcua_desk.ui.context import UiContext
from motcua_desk.ui.serial_scanner import BAUD_RATES, available_ports
from motcua_desk.ui.settings import FORM_KINDS, PrinterChoice
from motcua_desk.ui.sync_view import clock_text


class SettingsView(QWidget):
    desk_changed = Signal()  # agency / office / calendar changed: reload the desk info
    restored = Signal()  # another database file is in place: every screen reads again
    scanner_changed = Signal()  # the scanner's mode or port changed: the window reconnects

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._build()
        self._connect_signals()

    # --- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        inner = QWidget(self)
        grid = QGridLayout(inner)

        # officer
        self.officer_edit = QLineEdit(inner)
        self.officer_edit.setObjectName("officerEdit")
        self.officer_phone_edit = QLineEdit(inner)
        self.officer_save = QPushButton(self.tr("Save the &officer"), inner)
        officer_box = QGroupBox(self.tr("Officer on duty"), inner)
        f = QFormLayout(officer_box)
        f.addRow(self._label(self.tr("&Name:"), self.officer_edit), self.officer_edit)
        f.addRow(
            self._label(self.tr("&Work phone:"), self.officer_phone_edit), self.officer_phone_edit
        )
        f.addRow("", self.officer_save)

        # office
        self.hours_edit = QLineEdit(inner)
        self.hours_edit.setObjectName("hoursEdit")
        self.cutoff_edit = QLineEdit(inner)
        self.cutoff_edit.setObjectName("cutoffEdit")
        self.transfer_edit = QLineEdit(inner)
        self.qr_check = QCheckBox(self.tr("Print a QR code on the slip"), inner)
        self.office_save = QPushButton(self.tr("Sa&ve the office hours"), inner)
        office_box = QGroupBox(self.tr("Office hours and cut-off"), inner)
        f = QFormLayout(office_box)
        f.addRow(self._label(self.tr("Office hou&rs:"), self.hours_edit), self.hours_edit)
        f.addRow(
            self._label(self.tr("&Cut-off (next working day after):"), self.cutoff_edit),
            self.cutoff_edit,
        )
        f.addRow(
            self._label(self.tr("&Transfer by (next morning):"), self.transfer_edit),
            self.transfer_edit,
        )
        f.addRow("", self.qr_check)
        f.addRow("", self.office_save)

        # calendar
        self.year_spin = QSpinBox(inner, minimum=2020, maximum=2100)
        self.year_spin.setValue(self.ctx.today().year)
        self.days_table = QTableWidget(0, 3, inner)
        self.days_table.setObjectName("specialDays")
        self.days_table.setHorizontalHeaderLabels(
            [self.tr("Day"), self.tr("Kind"), self.tr("Name")]
        )
        self._table(self.days_table)
        self.override_day = QDateEdit(inner, calendarPopup=True, displayFormat="dd/MM/yyyy")
        self.override_day.setDate(_qdate(self.ctx.today()))
        self.override_kind = QComboBox(inner)
        self.override_kind.addItem(self.tr("Extra day off"), "off")
        self.override_kind.addItem(self.tr("Extra working day"), "work")
        self.override_reason = QLineEdit(inner)
        self.override_reason.setPlaceholderText(self.tr("Reason"))
        self.override_ref = QLineEdit(inner)
        self.override_ref.setPlaceholderText(self.tr("Legal reference (optional)"))
        self.override_add = QPushButton(self.tr("Add"), inner)
        self.override_remove = QPushButton(self.tr("Remove the selected local change"), inner)
        self.calendar_warning = QLabel(inner)
        self.calendar_warning.setWordWrap(True)
        self.calendar_warning.setStyleSheet("color: #a15c00;")
        cal_box = QGroupBox(self.tr("Working-day calendar"), inner)
        v = QVBoxLayout(cal_box)
        year_row = QHBoxLayout()
        year_row.addWidget(self._label(self.tr("&Year:"), self.year_spin))
        year_row.addWidget(self.year_spin)
        year_row.addStretch(1)
        v.addLayout(year_row)
        v.addWidget(self.calendar_warning)
        v.addWidget(self.days_table, 1)
        add_row = QHBoxLayout()
        add_row.addWidget(self.override_day)
        add_row.addWidget(self.override_kind)
        add_row.addWidget(self.override_reason, 1)
        add_row.addWidget(self.override_ref, 1)
        add_row.addWidget(self.override_add)
        v.addLayout(add_row)
        v.addWidget(self.override_remove)

        # printers
        self.printers_table = QTableWidget(len(FORM_KINDS), 2, inner)
        self.printers_table.setObjectName("printersTable")
        self.printers_table.setHorizontalHeaderLabels([self.tr("Document"), self.tr("Printer")])
        self._table(self.printers_table)
        self.printer_choose = QPushButton(self.tr("Choose the printer…"), inner)
        self.printer_forget = QPushButton(self.tr("Use the default printer"), inner)
        printers_box = QGroupBox(self.tr("Printers"), inner)
        v = QVBoxLayout(printers_box)
        v.addWidget(self.printers_table)
        row = QHBoxLayout()
        row.addWidget(self.printer_choose)
        row.addWidget(self.printer_forget)
        row.addStretch(1)
        v.addLayout(row)

        # language and files
        self.language_combo = QComboBox(inner)
        self.language_combo.setObjectName("languageCombo")
        self.language_combo.addItem("Tiếng Việt", "vi")
        self.language_combo.addItem("English", "en")
        self.language_note = QLabel(self.tr("The language changes at the next start."), inner)
        self.files = QLabel(inner)
        self.files.setWordWrap(True)
        self.files.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.restore_button = QPushButton(self.tr("Restore from a &backup…"), inner)
        self.restore_button.setObjectName("restoreButton")
        other_box = QGroupBox(self.tr("Language and files"), inner)
        f = QFormLayout(other_box)
        f.addRow(self._label(self.tr("&Language:"), self.language_combo), self.language_combo)
        f.addRow("", self.language_note)
        f.addRow(self.files)
        f.addRow(self.restore_button)

        # the barcode scanner
        self.scanner_mode_combo = QComboBox(inner)
        self.scanner_mode_combo.setObjectName("scannerModeCombo")
        self.scanner_mode_combo.addItem(
            self.tr("Types like a keyboard (keyboard wedge)"), "keyboard"
        )
        self.scanner_mode_combo.addItem(self.tr("Serial port (USB-COM / USB CDC)"), "serial")
        self.scanner_port_combo = QComboBox(inner)
        self.scanner_port_combo.setObjectName("scannerPortCombo")
        self.scanner_port_combo.setEditable(True)  # any port name, listed or not
        self.scanner_port_combo.lineEdit().setPlaceholderText(self.tr("e.g. COM3 or /dev/ttyACM0"))
        self.scanner_ports_refresh = QPushButton(self.tr("Find the ports"), inner)
        self.scanner_ports_refresh.setObjectName("scannerPortsRefresh")
        self.scanner_baud_combo = QComboBox(inner)
        self.scanner_baud_combo.setObjectName("scannerBaudCombo")
        for rate in BAUD_RATES:
            self.scanner_baud_combo.addItem(str(rate), rate)
        self.scanner_save = QPushButton(self.tr("Save the sc&anner"), inner)
        self.scanner_save.setObjectName("scannerSave")
        scanner_note = QLabel(
            self.tr(
                "A scanner in serial mode reads Vietnamese letters reliably (the citizen ID card's "
                "QR). Set the scanner itself to USB-COM (USB CDC) with its set-up barcodes, and to "
                "end each code with CR or LF."
            ),
            inner,
        )
        scanner_note.setWordWrap(True)
        scanner_box = QGroupBox(self.tr("Barcode scanner"), inner)
        scanner_box.setObjectName("scannerBox")
        f = QFormLayout(scanner_box)
        f.addRow(self._label(self.tr("&Mode:"), self.scanner_mode_combo), self.scanner_mode_combo)
        port_row = QHBoxLayout()
        port_row.addWidget(self.scanner_port_combo, 1)
        port_row.addWidget(self.scanner_ports_refresh)
        f.addRow(self._label(self.tr("&Port:"), self.scanner_port_combo), port_row)
        f.addRow(
            self._label(self.tr("&Speed (baud):"), self.scanner_baud_combo), self.scanner_baud_combo
        )
        f.addRow("", scanner_note)
        f.addRow("", self.scanner_save)

        # sync with the office hub
        self.hub_url_edit = QLineEdit(inner)
        self.hub_url_edit.setObjectName("hubUrlEdit")
        self.hub_url_edit.setPlaceholderText("http://192.168.1.10:8765")
        self.hub_token_edit = QLineEdit(inner)
        self.hub_token_edit.setObjectName("hubTokenEdit")
        self.hub_token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.hub_ca_edit = QLineEdit(inner)
        self.hub_ca_edit.setObjectName("hubCaEdit")
        self.hub_ca_edit.setPlaceholderText(
            self.tr("only for https:// with the office's own certificate (cert.pem)")
        )
        self.hub_ca_pick = QPushButton(self.tr("Choose…"), inner)
        self.hub_ca_pick.setObjectName("hubCaPick")
        self.hub_check = QPushButton(self.tr("Test the connect&ion"), inner)
        self.hub_check.setObjectName("hubCheck")
        self.hub_save = QPushButton(self.tr("Save without testing"), inner)
        self.hub_save.setObjectName("hubSave")
        self.sync_toggle = QPushButton(inner)
        self.sync_toggle.setObjectName("syncToggle")
        self.sync_result = QLabel(inner)
        self.sync_result.setObjectName("syncResult")
        self.sync_result.setWordWrap(True)
        sync_note = QLabel(
            self.tr(
                "The office server gives each desk its own access token. "
                "Testing sends and receives once; the address and token "
                "are saved only when the server accepts them."
            ),
            inner,
        )
        sync_note.setWordWrap(True)
        sync_box = self.sync_box = QGroupBox(self.tr("Sync with the office server"), inner)
        sync_box.setObjectName("syncBox")
        f = QFormLayout(sync_box)
        f.addRow(self._label(self.tr("Server a&ddress:"), self.hub_url_edit), self.hub_url_edit)
        f.addRow(self._label(self.tr("Access to&ken:"), self.hub_token_edit), self.hub_token_edit)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.hub_ca_edit, 1)
        ca_row.addWidget(self.hub_ca_pick)
        f.addRow(self._label(self.tr("Server c&ertificate (CA):"), self.hub_ca_edit), ca_row)
        row = QHBoxLayout()
        row.addWidget(self.hub_check)
        row.addWidget(self.hub_save)
        row.addWidget(self.sync_toggle)
        row.addStretch(1)
        f.addRow("", row)
        f.addRow("", sync_note)
        f.addRow("", self.sync_result)

        # field groups: named sets of fields; the group this desk serves comes first in the
        # intake's procedure picker, and the reports can be cut by group
        self.groups_edit = QPlainTextEdit(inner)
        self.groups_edit.setObjectName("groupsEdit")
        self.groups_edit.setTabChangesFocus(True)
        self.groups_edit.setPlaceholderText(
            self.tr("Group 1: Hộ tịch, Chứng thực\nGroup 2: Đất đai, Xây dựng")
        )
        self.groups_edit.setFixedHeight(84)
        self.serves_combo = QComboBox(inner)
        self.serves_combo.setObjectName("servesCombo")
        self.serves_combo.setEditable(False)
        self.groups_save = QPushButton(self.tr("Save the field groups (&X)"), inner)
        self.groups_save.setObjectName("groupsSave")
        self.fields_note = QLabel(inner)
        self.fields_note.setObjectName("fieldsNote")
        self.fields_note.setWordWrap(True)
        groups_box = QGroupBox(self.tr("Field groups"), inner)
        groups_box.setObjectName("groupsBox")
        f = QFormLayout(groups_box)
        f.addRow(
            self._label(self.tr('Groups, one a line ("Name: field, field"):'), self.groups_edit),
            self.groups_edit,
        )
        f.addRow(self._label(self.tr("This desk serves:"), self.serves_combo), self.serves_combo)
        f.addRow("", self.groups_save)
        f.addRow("", self.fields_note)

        self.status = QLabel(inner)
        self.status.setWordWrap(True)

        grid.addWidget(officer_box, 0, 0)
        grid.addWidget(office_box, 0, 1)
        grid.addWidget(cal_box, 1, 0, 1, 2)
        grid.addWidget(printers_box, 2, 0)
        grid.addWidget(other_box, 2, 1)
        grid.addWidget(scanner_box, 3, 0, 1, 2)
        grid.addWidget(sync_box, 4, 0, 1, 2)
        grid.addWidget(groups_box, 5, 0, 1, 2)
        grid.addWidget(self.status, 6, 0, 1, 2)
        scroll = self.scroll = QScrollArea(self)
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    @staticmethod
    def _table(table: QTableWidget) -> None:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().setVisible(False)
        table.setTabKeyNavigation(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setMinimumHeight(150)

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
        sync = self.ctx.sync
        if sync is not None:
            sync.check_finished.connect(self._checked)
            sync.configured_changed.connect(lambda _c: self._paint_sync_buttons())
        self._paint_sync_buttons()

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
        self.scroll.ensureWidgetVisible(self.sync_box)
        self.hub_url_edit.setFocus()

    def load_hub(self) -> None:
        self.ctx.worker.query(
            lambda svc: svc.replication.hub_settings(), success=self._show_hub, owner=self
        )

    def _show_hub(self, hub) -> None:
        if hub is not None and not self.hub_url_edit.isModified():
            self.hub_url_edit.setText(hub.url)
            self.hub_token_edit.setText(hub.token)
            self.hub_ca_edit.setText(hub.cafile)
        self._paint_sync_buttons()

    def _paint_sync_buttons(self) -> None:
        sync = self.ctx.sync
        available = sync is not None
        busy = available and sync.checking
        self.hub_check.setEnabled(available and not busy)
        self.hub_save.setEnabled(available and not busy)
        on = available and sync.enabled
        self.sync_toggle.setText(self.tr("T&urn sync off") if on else self.tr("T&urn sync on"))
        self.sync_toggle.setEnabled(available and sync.configured)
        if not available:
            self.sync_result.setText(self.tr("This window was started without sync."))

    def pick_cafile(self) -> None:
        """The file picker of the server certificate (a PEM file, usually cert.pem)."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("The office server's certificate"),
            self.hub_ca_edit.text(),
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if path:
            self.hub_ca_edit.setText(path)

    def _hub_values(self) -> tuple[str, str, str] | None:
        url = self.hub_url_edit.text().strip().rstrip("/")
        token = self.hub_token_edit.text().strip()
        cafile = self.hub_ca_edit.text().strip()
        if not url.startswith(("http://", "https://")) or len(url) < 10:
            self._sync_say(errors.sync_problem("hub_url"), ok=False)
            self.hub_url_edit.setFocus()
            return None
        if not token:
            self._sync_say(self.tr("Enter this desk's access token."), ok=False)
            self.hub_token_edit.setFocus()
            return None
        if cafile:
            from pathlib import Path

            where = Path(cafile).expanduser()
            if not where.is_file() or not os.access(where, os.R_OK):
                self._sync_say(errors.sync_problem("cafile"), ok=False)
                self.hub_ca_edit.setFocus()
                return None
        return url, token, cafile

    def _sync_say(self, text: str, ok: bool = True) -> None:
        self.sync_result.setStyleSheet(f"color: {'#1b7f3b' if ok else '#b00020'};")
        self.sync_result.setText(text)

    def check_hub(self) -> None:
        """One round with the address and token as typed, on the sync worker's check thread;
        saved only when it works."""
        values = self._hub_values()
        if values is None or self.ctx.sync is None:
            return
        if self.ctx.sync.check(*values):
            self.sync_result.setStyleSheet("")
            self.sync_result.setText(
                self.tr("Testing the connection with {url}…").format(url=values[0])
            )
            self._paint_sync_buttons()

    def _checked(self, ok: bool, value) -> None:
        self._paint_sync_buttons()
        if not ok:
            self._sync_say(errors.message(value), ok=False)
            return
        self.hub_url_edit.setModified(False)
        lines = [
            self.tr(
                "Connected: {sent} event(s) sent, {received} received. The address "
                "and token are saved; the desk syncs by itself from now on."
            ).format(sent=value.pushed, received=value.received)
        ]
        if value.clock_warning:
            lines.append(clock_text(value.skew_ms))
        self._sync_say(" ".join(lines), ok=not value.clock_warning)

    def save_hub(self) -> None:
        """Save without asking the server (it may be off while the desk is set up)."""
        values = self._hub_values()
        if values is None:
            return
        url, token, cafile = values

        def saved(_r) -> None:
            self.hub_url_edit.setModified(False)
            self._sync_say(
                self.tr(
                    "Saved. The desk syncs when the server answers; the status "
                    "bar shows how it goes."
                )
            )
            if self.ctx.sync is not None:
                self.ctx.sync.reload_settings()

        self.ctx.worker.mutate(
            lambda svc: svc.replication.save_hub_settings(url, token, cafile),
            success=saved,
            failure=lambda err: self._sync_say(errors.message(err), False),
            owner=self,
            kinds=("sync",),
        )

    def toggle_sync(self) -> None:
        sync = self.ctx.sync
        if sync is None:
            return
        on = not sync.enabled
        sync.set_enabled(on)
        self._sync_say(
            self.tr("Sync is on.")
            if on
            else self.tr(
                "Sync is off: this desk keeps working and sends nothing until it is turned on "
                "again."
            ),
            ok=True,
        )
        self._paint_sync_buttons()

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


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


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
