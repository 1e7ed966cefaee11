"""The settings screen's set-up around its form (forms/settings.ui: the officer, the office
hours, the calendar's local changes, the printers per form, the language and files, the
scanner, sync with the hub, the field groups, in one scrolling column). Here is what the form
cannot hold: the combos' choices with their data, the tables' column sizing, the year and day
shown first and the printers' rows. The widgets are kept as the view's attributes under their
old names (its code and the tests find them there); the strings set here keep SettingsView's
translation context, the form's are SettingsForm's.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QHeaderView, QTableWidget

from motcua_desk.ui.forms.ui_settings import Ui_SettingsForm
from motcua_desk.ui.serial_scanner import BAUD_RATES
from motcua_desk.ui.settings import FORM_KINDS

if TYPE_CHECKING:
    from motcua_desk.ui.settings_view import SettingsView

translate = QCoreApplication.translate

# the view's attribute -> the form's widget
NAMES = {
    "officer_edit": "officerEdit",
    "officer_phone_edit": "officerPhoneEdit",
    "officer_save": "officerSave",
    "hours_edit": "hoursEdit",
    "cutoff_edit": "cutoffEdit",
    "transfer_edit": "transferEdit",
    "qr_check": "qrCheck",
    "office_save": "officeSave",
    "year_spin": "yearSpin",
    "days_table": "specialDays",
    "override_day": "overrideDay",
    "override_kind": "overrideKind",
    "override_reason": "overrideReason",
    "override_ref": "overrideRef",
    "override_add": "overrideAdd",
    "override_remove": "overrideRemove",
    "calendar_warning": "calendarWarning",
    "printers_table": "printersTable",
    "printer_choose": "printerChoose",
    "printer_forget": "printerForget",
    "language_combo": "languageCombo",
    "language_note": "languageNote",
    "files": "filesLabel",
    "restore_button": "restoreButton",
    "scanner_mode_combo": "scannerModeCombo",
    "scanner_port_combo": "scannerPortCombo",
    "scanner_ports_refresh": "scannerPortsRefresh",
    "scanner_baud_combo": "scannerBaudCombo",
    "scanner_save": "scannerSave",
    "hub_url_edit": "hubUrlEdit",
    "hub_token_edit": "hubTokenEdit",
    "hub_ca_edit": "hubCaEdit",
    "hub_ca_pick": "hubCaPick",
    "hub_check": "hubCheck",
    "hub_save": "hubSave",
    "sync_toggle": "syncToggle",
    "sync_result": "syncResult",
    "sync_box": "syncBox",
    "groups_edit": "groupsEdit",
    "serves_combo": "servesCombo",
    "groups_save": "groupsSave",
    "fields_note": "fieldsNote",
    "status": "statusLabel",
    "scroll": "scroll",
}


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def build(view: SettingsView) -> None:
    """The form on `view`, its widgets as `view`'s attributes, and what the form cannot hold."""
    ui = view.ui = Ui_SettingsForm()
    ui.setupUi(view)
    for attr, name in NAMES.items():
        setattr(view, attr, getattr(ui, name))

    view.year_spin.setValue(view.ctx.today().year)
    view.override_day.setDate(qdate(view.ctx.today()))
    view.override_kind.addItem(translate("SettingsView", "Extra day off"), "off")
    view.override_kind.addItem(translate("SettingsView", "Extra working day"), "work")
    view.printers_table.setRowCount(len(FORM_KINDS))
    for table in (view.days_table, view.printers_table):
        _size_columns(table)

    view.language_combo.addItem("Tiếng Việt", "vi")
    view.language_combo.addItem("English", "en")

    view.scanner_mode_combo.addItem(
        translate("SettingsView", "Types like a keyboard (keyboard wedge)"), "keyboard"
    )
    view.scanner_mode_combo.addItem(
        translate("SettingsView", "Serial port (USB-COM / USB CDC)"), "serial"
    )
    # the form makes it editable (any port name, listed or not): its line edit exists now
    view.scanner_port_combo.lineEdit().setPlaceholderText(
        translate("SettingsView", "e.g. COM3 or /dev/ttyACM0")
    )
    for rate in BAUD_RATES:
        view.scanner_baud_combo.addItem(str(rate), rate)


def _size_columns(table: QTableWidget) -> None:
    # a section resize mode for every column is not a property Designer keeps
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
