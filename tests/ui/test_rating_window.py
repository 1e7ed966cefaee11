"""Satisfaction facing the citizen: the USB keypad (keypad keys carry KeypadModifier) and the
second window's big buttons, both through the counter's prompt and the one rating use case."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent

from tests.ui.helpers import press
from tests.ui.test_card_scan import _return_one

KEYPAD = Qt.KeyboardModifier.KeypadModifier


def keypad(window, key: Qt.Key, text: str, clock, gap_ms: float = 400) -> None:
    """A key of a USB numeric keypad, as the platform delivers it to the focused window."""
    ms = clock.advance(gap_ms)
    for etype in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        ev = QKeyEvent(etype, key, KEYPAD, text)
        ev.setTimestamp(ms)
        QCoreApplication.sendEvent(window.windowHandle(), ev)


def test_keypad_2_rates_satisfied_even_with_the_focus_in_a_text_box(
    window, services, key_clock, qtbot
):
    view, code = _return_one(window, services, qtbot)
    view.code_edit.setFocus()  # the officer is already typing the next code
    qtbot.waitUntil(view.code_edit.hasFocus, timeout=3000)
    with qtbot.waitSignal(view.rating.rated, timeout=5000) as got:
        keypad(window, Qt.Key.Key_2, "2", key_clock)
    assert got.args == [code, 2]
    assert view.code_edit.text() == ""  # the keypad's digit did not land in the box
    assert services.dossiers.find_by_code(code).dossier.rating == 2
    # the prompt is closed: the keypad types digits again, nothing is rated twice
    keypad(window, Qt.Key.Key_1, "1", key_clock)
    qtbot.waitUntil(lambda: view.code_edit.text() == "1", timeout=3000)
    assert services.dossiers.find_by_code(code).dossier.rating == 2


def test_the_main_keyboard_digits_still_type_while_the_prompt_is_open(
    window, services, key_clock, qtbot
):
    view, code = _return_one(window, services, qtbot)
    view.code_edit.setFocus()
    qtbot.waitUntil(view.code_edit.hasFocus, timeout=3000)
    press(window, "1", key_clock, 400)  # no KeypadModifier: the officer's keyboard
    qtbot.waitUntil(lambda: view.code_edit.text() == "1", timeout=3000)
    assert view.rating.open
    assert services.dossiers.find_by_code(code).dossier.rating == 0


def test_keypad_3_asks_the_reason_and_keypad_0_skips(window, services, key_clock, qtbot):
    view, code = _return_one(window, services, qtbot)
    prompt = view.rating
    with qtbot.waitSignal(prompt.reason_needed, timeout=3000):
        keypad(window, Qt.Key.Key_3, "3", key_clock)
    assert prompt.reason_edit.isVisible()
    assert services.dossiers.find_by_code(code).dossier.rating == 0  # no reason, no rating
    with qtbot.waitSignal(prompt.closed, timeout=3000):
        keypad(window, Qt.Key.Key_0, "0", key_clock)
    assert not prompt.open
    assert services.dossiers.find_by_code(code).dossier.rating == 0


def test_the_citizens_window_rates_with_its_big_buttons(window, services, key_clock, qtbot):
    view, code = _return_one(window, services, qtbot)
    citizen = view.open_citizen_window()
    qtbot.waitExposed(citizen)
    assert citizen.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert citizen.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert citizen.pages.currentWidget() is citizen.ask_page  # the prompt was already open
    assert code in citizen.code_label.text()
    texts = [citizen.buttons[n].text() for n in (1, 2, 3)]
    assert texts == ["Very satisfied", "Satisfied", "Not satisfied"]
    assert not citizen.reason_edit.isVisible()
    with qtbot.waitSignal(view.rating.rated, timeout=5000) as got:
        citizen.buttons[1].click()
    assert got.args == [code, 1]
    assert citizen.pages.currentWidget() is citizen.idle_page
    assert "Thank" in citizen.thanks.text()
    assert services.dossiers.find_by_code(code).dossier.rating == 1


def test_not_satisfied_on_the_citizens_window_needs_its_reason(window, services, key_clock, qtbot):
    view, code = _return_one(window, services, qtbot)
    citizen = view.open_citizen_window()
    qtbot.waitExposed(citizen)
    citizen.buttons[3].click()
    assert citizen.reason_edit.isVisible() and view.rating.reason_edit.isVisible()
    assert services.dossiers.find_by_code(code).dossier.rating == 0
    citizen.reason_send.click()  # still empty: nothing
    assert view.rating.open
    citizen.reason_edit.setText("Phải chờ lâu")
    with qtbot.waitSignal(view.rating.rated, timeout=5000) as got:
        citizen.reason_send.click()
    assert got.args == [code, 3]
    d = services.dossiers.find_by_code(code).dossier
    assert (d.rating, d.rating_reason) == (3, "Phải chờ lâu")
    # the next return: the window asks again, and its Skip records nothing
    view2, other = _return_one(window, services, qtbot, "Đào Văn Hai")
    assert citizen.pages.currentWidget() is citizen.ask_page
    assert other in citizen.code_label.text() and citizen.reason_edit.text() == ""
    with qtbot.waitSignal(view2.rating.closed, timeout=3000):
        citizen.skip_button.click()
    assert citizen.pages.currentWidget() is citizen.idle_page
    assert services.dossiers.find_by_code(other).dossier.rating == 0


def test_a_second_rating_is_refused_and_said_on_both(window, services, key_clock, qtbot):
    view, code = _return_one(window, services, qtbot)
    services.dossiers.rate(code, 2)  # rated already (say, on another desk after a sync)
    citizen = view.open_citizen_window()
    qtbot.waitExposed(citizen)
    with qtbot.waitSignal(view.rating.failed_text, timeout=5000) as failed:
        keypad(window, Qt.Key.Key_1, "1", key_clock)
    assert failed.args[0] and citizen.error.text() == failed.args[0]
    assert services.dossiers.find_by_code(code).dossier.rating == 2
    assert view.rating.open  # the officer can still skip
    with qtbot.waitSignal(view.rating.closed, timeout=3000):
        keypad(window, Qt.Key.Key_0, "0", key_clock)


def test_on_another_screen_the_keypad_types_again_unless_the_citizen_sees_the_question(
    window, services, key_clock, qtbot
):
    view, code = _return_one(window, services, qtbot)
    intake = window.go("intake").ui
    intake.idEdit.setFocus()
    qtbot.waitUntil(intake.idEdit.hasFocus, timeout=3000)
    assert not view.rating.open  # nobody sees the question now
    keypad(window, Qt.Key.Key_1, "1", key_clock)
    qtbot.waitUntil(lambda: intake.idEdit.text() == "1", timeout=3000)  # the officer's digit
    assert services.dossiers.find_by_code(code).dossier.rating == 0
    # with the citizen's window up, the citizen's keypad rates whatever the officer does
    citizen = view.open_citizen_window()
    qtbot.waitExposed(citizen)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    assert view.rating.open
    with qtbot.waitSignal(view.rating.rated, timeout=5000):
        keypad(window, Qt.Key.Key_2, "2", key_clock)
    assert services.dossiers.find_by_code(code).dossier.rating == 2
    assert intake.idEdit.text() == "1"
