"""The settings screen's layout: the officer, the office hours, the calendar's local changes,
the printers per form, the language and files, the scanner, sync with the hub, the field groups,
in one scrolling column. Built once by SettingsView; the widgets are kept as the view's
attributes (its code and the tests find them there), as ui.window_layout does for the counter
window. Its strings keep SettingsView's translation context.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from motcua_desk.ui.serial_scanner import BAUD_RATES
from motcua_desk.ui.settings import FORM_KINDS

if TYPE_CHECKING:
    from motcua_desk.ui.settings_view import SettingsView

translate = QCoreApplication.translate


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def build(view: SettingsView) -> None:
    """Every group of the screen in a scrolling column, as `view`'s attributes."""
    inner = QWidget(view)
    grid = QGridLayout(inner)

    # officer
    view.officer_edit = QLineEdit(inner)
    view.officer_edit.setObjectName("officerEdit")
    view.officer_phone_edit = QLineEdit(inner)
    view.officer_save = QPushButton(translate("SettingsView", "Save the &officer"), inner)
    officer_box = QGroupBox(translate("SettingsView", "Officer on duty"), inner)
    f = QFormLayout(officer_box)
    f.addRow(
        _label(view, translate("SettingsView", "&Name:"), view.officer_edit), view.officer_edit
    )
    f.addRow(
        _label(view, translate("SettingsView", "&Work phone:"), view.officer_phone_edit),
        view.officer_phone_edit,
    )
    f.addRow("", view.officer_save)

    # office
    view.hours_edit = QLineEdit(inner)
    view.hours_edit.setObjectName("hoursEdit")
    view.cutoff_edit = QLineEdit(inner)
    view.cutoff_edit.setObjectName("cutoffEdit")
    view.transfer_edit = QLineEdit(inner)
    view.qr_check = QCheckBox(translate("SettingsView", "Print a QR code on the slip"), inner)
    view.office_save = QPushButton(translate("SettingsView", "Sa&ve the office hours"), inner)
    office_box = QGroupBox(translate("SettingsView", "Office hours and cut-off"), inner)
    f = QFormLayout(office_box)
    f.addRow(
        _label(view, translate("SettingsView", "Office hou&rs:"), view.hours_edit), view.hours_edit
    )
    f.addRow(
        _label(
            view, translate("SettingsView", "&Cut-off (next working day after):"), view.cutoff_edit
        ),
        view.cutoff_edit,
    )
    f.addRow(
        _label(view, translate("SettingsView", "&Transfer by (next morning):"), view.transfer_edit),
        view.transfer_edit,
    )
    f.addRow("", view.qr_check)
    f.addRow("", view.office_save)

    # calendar
    view.year_spin = QSpinBox(inner, minimum=2020, maximum=2100)
    view.year_spin.setValue(view.ctx.today().year)
    view.days_table = QTableWidget(0, 3, inner)
    view.days_table.setObjectName("specialDays")
    view.days_table.setHorizontalHeaderLabels(
        [
            translate("SettingsView", "Day"),
            translate("SettingsView", "Kind"),
            translate("SettingsView", "Name"),
        ]
    )
    _table(view.days_table)
    view.override_day = QDateEdit(inner, calendarPopup=True, displayFormat="dd/MM/yyyy")
    view.override_day.setDate(qdate(view.ctx.today()))
    view.override_kind = QComboBox(inner)
    view.override_kind.addItem(translate("SettingsView", "Extra day off"), "off")
    view.override_kind.addItem(translate("SettingsView", "Extra working day"), "work")
    view.override_reason = QLineEdit(inner)
    view.override_reason.setPlaceholderText(translate("SettingsView", "Reason"))
    view.override_ref = QLineEdit(inner)
    view.override_ref.setPlaceholderText(translate("SettingsView", "Legal reference (optional)"))
    view.override_add = QPushButton(translate("SettingsView", "Add"), inner)
    view.override_remove = QPushButton(
        translate("SettingsView", "Remove the selected local change"), inner
    )
    view.calendar_warning = QLabel(inner)
    view.calendar_warning.setWordWrap(True)
    view.calendar_warning.setStyleSheet("color: #a15c00;")
    cal_box = QGroupBox(translate("SettingsView", "Working-day calendar"), inner)
    v = QVBoxLayout(cal_box)
    year_row = QHBoxLayout()
    year_row.addWidget(_label(view, translate("SettingsView", "&Year:"), view.year_spin))
    year_row.addWidget(view.year_spin)
    year_row.addStretch(1)
    v.addLayout(year_row)
    v.addWidget(view.calendar_warning)
    v.addWidget(view.days_table, 1)
    add_row = QHBoxLayout()
    add_row.addWidget(view.override_day)
    add_row.addWidget(view.override_kind)
    add_row.addWidget(view.override_reason, 1)
    add_row.addWidget(view.override_ref, 1)
    add_row.addWidget(view.override_add)
    v.addLayout(add_row)
    v.addWidget(view.override_remove)

    # printers
    view.printers_table = QTableWidget(len(FORM_KINDS), 2, inner)
    view.printers_table.setObjectName("printersTable")
    view.printers_table.setHorizontalHeaderLabels(
        [translate("SettingsView", "Document"), translate("SettingsView", "Printer")]
    )
    _table(view.printers_table)
    view.printer_choose = QPushButton(translate("SettingsView", "Choose the printer…"), inner)
    view.printer_forget = QPushButton(translate("SettingsView", "Use the default printer"), inner)
    printers_box = QGroupBox(translate("SettingsView", "Printers"), inner)
    v = QVBoxLayout(printers_box)
    v.addWidget(view.printers_table)
    row = QHBoxLayout()
    row.addWidget(view.printer_choose)
    row.addWidget(view.printer_forget)
    row.addStretch(1)
    v.addLayout(row)

    # language and files
    view.language_combo = QComboBox(inner)
    view.language_combo.setObjectName("languageCombo")
    view.language_combo.addItem("Tiếng Việt", "vi")
    view.language_combo.addItem("English", "en")
    view.language_note = QLabel(
        translate("SettingsView", "The language changes at the next start."), inner
    )
    view.files = QLabel(inner)
    view.files.setWordWrap(True)
    view.files.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    view.restore_button = QPushButton(translate("SettingsView", "Restore from a &backup…"), inner)
    view.restore_button.setObjectName("restoreButton")
    other_box = QGroupBox(translate("SettingsView", "Language and files"), inner)
    f = QFormLayout(other_box)
    f.addRow(
        _label(view, translate("SettingsView", "&Language:"), view.language_combo),
        view.language_combo,
    )
    f.addRow("", view.language_note)
    f.addRow(view.files)
    f.addRow(view.restore_button)

    # the barcode scanner
    view.scanner_mode_combo = QComboBox(inner)
    view.scanner_mode_combo.setObjectName("scannerModeCombo")
    view.scanner_mode_combo.addItem(
        translate("SettingsView", "Types like a keyboard (keyboard wedge)"), "keyboard"
    )
    view.scanner_mode_combo.addItem(
        translate("SettingsView", "Serial port (USB-COM / USB CDC)"), "serial"
    )
    view.scanner_port_combo = QComboBox(inner)
    view.scanner_port_combo.setObjectName("scannerPortCombo")
    view.scanner_port_combo.setEditable(True)  # any port name, listed or not
    view.scanner_port_combo.lineEdit().setPlaceholderText(
        translate("SettingsView", "e.g. COM3 or /dev/ttyACM0")
    )
    view.scanner_ports_refresh = QPushButton(translate("SettingsView", "Find the ports"), inner)
    view.scanner_ports_refresh.setObjectName("scannerPortsRefresh")
    view.scanner_baud_combo = QComboBox(inner)
    view.scanner_baud_combo.setObjectName("scannerBaudCombo")
    for rate in BAUD_RATES:
        view.scanner_baud_combo.addItem(str(rate), rate)
    view.scanner_save = QPushButton(translate("SettingsView", "Save the sc&anner"), inner)
    view.scanner_save.setObjectName("scannerSave")
    scanner_note = QLabel(
        translate(
            "SettingsView",
            "A scanner in serial mode reads Vietnamese letters reliably (the citizen ID card's "
            "QR). Set the scanner itself to USB-COM (USB CDC) with its set-up barcodes, and to "
            "end each code with CR or LF.",
        ),
        inner,
    )
    scanner_note.setWordWrap(True)
    scanner_box = QGroupBox(translate("SettingsView", "Barcode scanner"), inner)
    scanner_box.setObjectName("scannerBox")
    f = QFormLayout(scanner_box)
    f.addRow(
        _label(view, translate("SettingsView", "&Mode:"), view.scanner_mode_combo),
        view.scanner_mode_combo,
    )
    port_row = QHBoxLayout()
    port_row.addWidget(view.scanner_port_combo, 1)
    port_row.addWidget(view.scanner_ports_refresh)
    f.addRow(_label(view, translate("SettingsView", "&Port:"), view.scanner_port_combo), port_row)
    f.addRow(
        _label(view, translate("SettingsView", "&Speed (baud):"), view.scanner_baud_combo),
        view.scanner_baud_combo,
    )
    f.addRow("", scanner_note)
    f.addRow("", view.scanner_save)

    # sync with the office hub
    view.hub_url_edit = QLineEdit(inner)
    view.hub_url_edit.setObjectName("hubUrlEdit")
    view.hub_url_edit.setPlaceholderText("http://192.168.1.10:8765")
    view.hub_token_edit = QLineEdit(inner)
    view.hub_token_edit.setObjectName("hubTokenEdit")
    view.hub_token_edit.setEchoMode(QLineEdit.EchoMode.Password)
    view.hub_ca_edit = QLineEdit(inner)
    view.hub_ca_edit.setObjectName("hubCaEdit")
    view.hub_ca_edit.setPlaceholderText(
        translate("SettingsView", "only for https:// with the office's own certificate (cert.pem)")
    )
    view.hub_ca_pick = QPushButton(translate("SettingsView", "Choose…"), inner)
    view.hub_ca_pick.setObjectName("hubCaPick")
    view.hub_check = QPushButton(translate("SettingsView", "Test the connect&ion"), inner)
    view.hub_check.setObjectName("hubCheck")
    view.hub_save = QPushButton(translate("SettingsView", "Save without testing"), inner)
    view.hub_save.setObjectName("hubSave")
    view.sync_toggle = QPushButton(inner)
    view.sync_toggle.setObjectName("syncToggle")
    view.sync_result = QLabel(inner)
    view.sync_result.setObjectName("syncResult")
    view.sync_result.setWordWrap(True)
    sync_note = QLabel(
        translate(
            "SettingsView",
            "The office server gives each desk its own access token. "
            "Testing sends and receives once; the address and token "
            "are saved only when the server accepts them.",
        ),
        inner,
    )
    sync_note.setWordWrap(True)
    sync_box = view.sync_box = QGroupBox(
        translate("SettingsView", "Sync with the office server"), inner
    )
    sync_box.setObjectName("syncBox")
    f = QFormLayout(sync_box)
    f.addRow(
        _label(view, translate("SettingsView", "Server a&ddress:"), view.hub_url_edit),
        view.hub_url_edit,
    )
    f.addRow(
        _label(view, translate("SettingsView", "Access to&ken:"), view.hub_token_edit),
        view.hub_token_edit,
    )
    ca_row = QHBoxLayout()
    ca_row.addWidget(view.hub_ca_edit, 1)
    ca_row.addWidget(view.hub_ca_pick)
    f.addRow(
        _label(view, translate("SettingsView", "Server c&ertificate (CA):"), view.hub_ca_edit),
        ca_row,
    )
    row = QHBoxLayout()
    row.addWidget(view.hub_check)
    row.addWidget(view.hub_save)
    row.addWidget(view.sync_toggle)
    row.addStretch(1)
    f.addRow("", row)
    f.addRow("", sync_note)
    f.addRow("", view.sync_result)

    # field groups: named sets of fields; the group this desk serves comes first in the
    # intake's procedure picker, and the reports can be cut by group
    view.groups_edit = QPlainTextEdit(inner)
    view.groups_edit.setObjectName("groupsEdit")
    view.groups_edit.setTabChangesFocus(True)
    view.groups_edit.setPlaceholderText(
        translate("SettingsView", "Group 1: Hộ tịch, Chứng thực\nGroup 2: Đất đai, Xây dựng")
    )
    view.groups_edit.setFixedHeight(84)
    view.serves_combo = QComboBox(inner)
    view.serves_combo.setObjectName("servesCombo")
    view.serves_combo.setEditable(False)
    view.groups_save = QPushButton(translate("SettingsView", "Save the field groups (&X)"), inner)
    view.groups_save.setObjectName("groupsSave")
    view.fields_note = QLabel(inner)
    view.fields_note.setObjectName("fieldsNote")
    view.fields_note.setWordWrap(True)
    groups_box = QGroupBox(translate("SettingsView", "Field groups"), inner)
    groups_box.setObjectName("groupsBox")
    f = QFormLayout(groups_box)
    f.addRow(
        _label(
            view,
            translate("SettingsView", 'Groups, one a line ("Name: field, field"):'),
            view.groups_edit,
        ),
        view.groups_edit,
    )
    f.addRow(
        _label(view, translate("SettingsView", "This desk serves:"), view.serves_combo),
        view.serves_combo,
    )
    f.addRow("", view.groups_save)
    f.addRow("", view.fields_note)

    view.status = QLabel(inner)
    view.status.setWordWrap(True)

    grid.addWidget(officer_box, 0, 0)
    grid.addWidget(office_box, 0, 1)
    grid.addWidget(cal_box, 1, 0, 1, 2)
    grid.addWidget(printers_box, 2, 0)
    grid.addWidget(other_box, 2, 1)
    grid.addWidget(scanner_box, 3, 0, 1, 2)
    grid.addWidget(sync_box, 4, 0, 1, 2)
    grid.addWidget(groups_box, 5, 0, 1, 2)
    grid.addWidget(view.status, 6, 0, 1, 2)
    scroll = view.scroll = QScrollArea(view)
    scroll.setWidget(inner)
    scroll.setWidgetResizable(True)
    layout = QVBoxLayout(view)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(scroll)


def _label(view: SettingsView, text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text, view)
    label.setBuddy(buddy)
    return label


def _table(table: QTableWidget) -> None:
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.setTabKeyNavigation(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setMinimumHeight(150)
