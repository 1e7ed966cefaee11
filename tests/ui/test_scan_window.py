"""A scan anywhere in the window opens the dossier; human typing is never hijacked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from motcua_desk.services import IntakeRequest
from tests.ui.helpers import press, scan, type_like_a_human


def receive(services, name="Nguyễn Văn An", procedure="1.004873"):
    return services.dossiers.intake(
        IntakeRequest(procedure, name, id_number="001099012345", phone="0912345678")
    ).dossier.code


def test_scan_opens_the_dossier_from_the_procedure_box(window, services, key_clock, qtbot):
    code = receive(services)
    box = window.intake_view.ui.procedureSearch
    box.setFocus()
    assert QApplication.focusWidget() is box
    with qtbot.waitSignal(window.dossier_view.shown, timeout=5000) as shown:
        scan(window, code, key_clock)
    assert shown.args == [code]
    assert window.current_page() == "dossier"
    assert window.dossier_view.code_label.text() == code
    assert box.text() == ""  # the code never landed in the field


def test_a_field_with_text_keeps_its_text(window, services, key_clock, qtbot):
    code = receive(services)
    name = window.intake_view.ui.nameEdit
    name.setFocus()
    name.setText("Trần Thị Bình")
    name.setCursorPosition(4)
    with qtbot.waitSignal(window.dossier_view.shown, timeout=5000):
        scan(window, code, key_clock)
    assert name.text() == "Trần Thị Bình"
    assert window.current_page() == "dossier"
    # back to the intake: the form is as it was
    window.back()
    assert window.current_page() == "intake"
    assert window.intake_view.ui.nameEdit.text() == "Trần Thị Bình"


def test_scan_from_the_search_table_and_from_a_button(window, services, key_clock, qtbot):
    first, second = receive(services, "Lê Văn Một"), receive(services, "Lê Văn Hai")
    window.go("dossiers")
    table = window.page("dossiers").table
    qtbot.waitUntil(lambda: window.page("dossiers").model.rowCount() == 2)
    table.setFocus()
    with qtbot.waitSignal(window.dossier_view.shown, timeout=5000) as shown:
        scan(window, first, key_clock)
    assert shown.args == [first]
    # now the focus is on the dossier's main action button
    assert isinstance(QApplication.focusWidget(), type(window.dossier_view._buttons["handoff"]))
    with qtbot.waitSignal(window.dossier_view.shown, timeout=5000) as shown:
        scan(window, second, key_clock)
    assert shown.args == [second]


def test_human_typing_goes_to_the_field_untouched(window, key_clock, qtbot):
    name = window.intake_view.ui.nameEdit
    name.setFocus()
    type_like_a_human(window, "Nguyen Van An 2024", key_clock, gap_ms=110)
    qtbot.waitUntil(lambda: name.text() == "Nguyen Van An 2024", timeout=2000)
    assert window.current_page() == "intake"
    # a human's Enter in the name field moves on to the next field, as designed
    press(window, "\r", key_clock, 150)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.intake_view.ui.idEdit)


def test_fast_typist_rollover_is_not_a_scan(window, key_clock, qtbot):
    """Two or three keys close together (rollover) then Enter: still typing."""
    edit = window.intake_view.ui.addressEdit
    edit.setFocus()
    for chunk in ("th", "on", " 3"):
        press(window, chunk[0], key_clock, 140)
        press(window, chunk[1], key_clock, 12)
    press(window, "\r", key_clock, 20)
    qtbot.waitUntil(lambda: edit.text() == "thon 3", timeout=2000)
    assert window.current_page() == "intake"


def test_unknown_code_says_so_and_keeps_the_focus(window, key_clock, qtbot):
    name = window.intake_view.ui.nameEdit
    name.setFocus()
    scan(window, "000.17.22.H56-261123-9999", key_clock)
    qtbot.waitUntil(lambda: "000.17.22.H56-261123-9999" in window.message_bar.text, timeout=5000)
    assert window.message_bar.level == "warning"
    assert window.current_page() == "intake"
    assert QApplication.focusWidget() is name
    assert name.text() == ""


def test_double_scan_is_recognised_not_acted_twice(window, services, key_clock, qtbot):
    code = receive(services)
    with qtbot.waitSignal(window.dossier_view.shown, timeout=5000):
        scan(window, code, key_clock)
    loads = []
    window.dossier_view.shown.connect(loads.append)
    scan(window, code, key_clock, pause_before_ms=800)  # the trigger pulled again
    qtbot.waitUntil(lambda: "Double scan" in window.message_bar.text, timeout=3000)
    assert loads == []


def test_scan_in_a_dialog_is_swallowed_and_reported(window, services, key_clock, qtbot):
    code = receive(services)
    with qtbot.waitSignal(window.dossier_view.shown, timeout=5000):
        scan(window, code, key_clock)
    window.dossier_view._buttons["note"].click()
    dialog = window.dossier_view.current_dialog
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    scan(dialog, code, key_clock)
    qtbot.waitUntil(lambda: "dialog is open" in window.message_bar.text, timeout=3000)
    assert dialog.reason == ""
    # a human typing in the dialog's field is not disturbed
    dialog.reason_edit.setFocus()
    type_like_a_human(dialog, "goi lai sau", key_clock)
    qtbot.waitUntil(lambda: dialog.reason == "goi lai sau", timeout=3000)
    dialog.reject()


def test_a_scanned_character_never_fires_a_shortcut(window, services, key_clock, qtbot):
    from PySide6.QtGui import QKeySequence, QShortcut

    code = receive(services)
    fired = []
    QShortcut(QKeySequence("H"), window, lambda: fired.append("H"))
    with qtbot.waitSignal(window.dossier_view.shown, timeout=5000):
        scan(window, code, key_clock)  # the code holds an H
    assert fired == []


def test_scanner_ignores_modified_keys_and_shortcuts_still_work(window, key_clock, qtbot):
    """Ctrl+F is a shortcut, not part of any scan."""
    assert window.current_page() == "intake"
    from PySide6.QtTest import QTest

    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == "dossiers"
    assert isinstance(QApplication.focusWidget(), QLineEdit)
