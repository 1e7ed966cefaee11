"""The settings facade, the sync area of the status bar, and the worker's contract."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog

from motcua_desk.domain.errors import NotFound
from motcua_desk.ui.settings import PrinterChoice, UiSettings
from tests.helpers import VN


def test_settings_round_trip_and_defaults(tmp_path):
    s = UiSettings.at(tmp_path / "a.ini")
    assert s.language == "vi"
    assert s.printer_for("slip") == PrinterChoice()
    assert s.scanner.max_gap_ms == 35 and s.scanner.min_length == 8
    s.language = "en"
    s.set_printer_for("slip", PrinterChoice("HP LaserJet", "A5", False))
    s.last_department = "Công an xã"
    s.sync()
    again = UiSettings.at(tmp_path / "a.ini")
    assert again.language == "en"
    assert again.printer_for("slip") == PrinterChoice("HP LaserJet", "A5", False)
    assert again.printer_for("ledger") == PrinterChoice()
    assert again.last_department == "Công an xã"
    again.forget_printer_for("slip")
    assert again.printer_for("slip") == PrinterChoice()
    with pytest.raises(ValueError):
        again.printer_for("novel")
    with pytest.raises(ValueError):
        again.language = "fr"


def test_bad_values_fall_back(tmp_path):
    raw = QSettings(str(tmp_path / "b.ini"), QSettings.Format.IniFormat)
    raw.setValue("ui/language", "klingon")
    raw.setValue("scanner/max_gap_ms", "fast")
    raw.setValue("scanner/min_length", 1)
    raw.sync()
    s = UiSettings.at(tmp_path / "b.ini")
    assert s.language == "vi"
    assert s.scanner.max_gap_ms == 35 and s.scanner.min_length == 3


def test_for_user_is_isolated_in_tests(_isolated_qsettings):
    s = UiSettings.for_user()
    assert str(_isolated_qsettings) in s.file_name


def test_sync_status_paints(window):
    area = window.sync_status
    assert "not set up" in area.online.text()
    window.set_sync_status(True, 3, datetime(2026, 11, 23, 8, 45, tzinfo=VN), 0)
    assert "Online" in area.online.text()
    assert area.unsent.text() == "Unsent: 3"
    assert "08:45 23/11/2026" in area.last.text()
    assert not area.conflicts.isVisible()
    window.set_sync_status(False, 12, None, 2)
    assert "Offline" in area.online.text()
    assert "Never" in area.last.text()
    assert area.conflicts.isVisible() and area.conflicts.text().endswith("2")


def test_form_fonts_are_registered_with_qt(window, qtbot):
    from PySide6.QtGui import QFontDatabase

    qtbot.waitUntil(lambda: window._fonts_done, timeout=20_000)
    assert "Liberation Serif" in QFontDatabase.families()


def test_changes_from_sync_refresh_the_views(window, services, qtbot):
    from motcua_desk.services import IntakeRequest

    code = services.dossiers.intake(IntakeRequest("1.001193", "Kha Văn Đồng")).dossier.code
    with qtbot.waitSignal(window.dossier_view.shown, timeout=5000):
        window.open_dossier(code)
    services.dossiers.note(code, "ghi chú từ bàn khác")  # as if it had come from the hub
    with qtbot.waitSignal(window.today_view.counted, timeout=5000):
        with qtbot.waitSignal(window.dossier_view.shown, timeout=5000):
            window.external_changes([code])
    assert window.today_view.count("received_today") == 1


def test_status_bar_names_officer_desk_and_database(window):
    assert "Nông Thị Thư" in window.officer_label.text()
    assert "Desk 1" in window.desk_label.text() and "000.17.22.H56" in window.desk_label.text()
    assert "desk.sqlite3" in window.db_label.text()


def test_worker_changed_signal_and_failures(window, services, qtbot):
    worker = window.worker
    seen = []
    worker.changed.connect(seen.append)
    from motcua_desk.services import IntakeRequest

    with qtbot.waitSignal(worker.changed, timeout=5000):
        worker.mutate(
            lambda svc: svc.dossiers.intake(IntakeRequest("1.001193", "Lò Văn Xem")), origin="test"
        )
    assert seen[-1].origin == "test" and len(seen[-1].codes) == 1
    errors = []
    with qtbot.waitSignal(
        worker.busy_changed, timeout=5000, check_params_cb=lambda busy: busy is False
    ):
        worker.query(lambda svc: svc.dossiers.find_by_code("X-1"), failure=errors.append)
    assert isinstance(errors[0], NotFound)
    # a query never emits `changed`
    assert len(seen) == 1


def test_keyboard_shortcut_list(window, qtbot):
    window.show_shortcuts()
    dialog = window.findChild(QDialog, "shortcutsDialog")
    assert dialog is not None and dialog.isVisible()
    rows = window.actions.shortcut_table()
    keys = {k for k, _ in rows}
    assert {"F2", "F3", "F4", "F5", "F6", "F7", "Ctrl+S", "Ctrl+F"} <= keys
    dialog.close()
