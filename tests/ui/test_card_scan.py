"""A scan of the citizen ID card's QR: it fills the intake, elsewhere it finds the citizen's
dossiers, and its payload never reaches the log."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from motcua_desk.services import IntakeRequest
from tests.domain.test_cccd import CARD_2024, CHIP_2021, NO_OLD_ID
from tests.ui.helpers import press, scan, type_like_a_human


@pytest.fixture
def all_logs(caplog):
    caplog.set_level(logging.DEBUG)
    return caplog


def _no_payload_in(text: str) -> None:
    for secret in ("026195004321", "Bích Ngọc", "Thôn Đông", "001089012345", "02111995"):
        assert secret not in text


def test_a_card_on_the_intake_screen_fills_the_applicant(window, key_clock, qtbot, all_logs):
    view = window.intake_view
    ui = view.ui
    ui.procedureSearch.setFocus()
    assert len(NO_OLD_ID) <= 140
    scan(window, NO_OLD_ID, key_clock)  # at scanner speed, with Vietnamese letters
    qtbot.waitUntil(lambda: ui.nameEdit.text() != "", timeout=3000)
    assert window.current_page() == "intake"
    assert ui.nameEdit.text() == "Trần Thị Bích Ngọc"
    assert ui.idEdit.text() == "026195004321"
    assert view.birthEdit.text() == "02/11/1995"
    assert view.sexCombo.currentData() == "female"
    assert ui.addressEdit.text().startswith("Thôn Đông, Xã Vi Hương")
    assert ui.procedureSearch.text() == ""  # the payload never landed in the focused box
    assert view.cardNote.isVisible()  # the officer sees what was filled, to check it
    assert set(view.filled_from_card()) == {"applicant_name", "id_number", "address", "birth_date"}
    # the officer corrects the name: it is no longer marked as coming from the card
    ui.nameEdit.setFocus()
    ui.nameEdit.selectAll()
    type_like_a_human(window, "Trần Thị Bích Ngà", key_clock)
    qtbot.waitUntil(lambda: ui.nameEdit.text() == "Trần Thị Bích Ngà", timeout=3000)
    assert "applicant_name" not in view.filled_from_card()
    req = view.values()
    assert (req.applicant_name, req.id_number, req.birth_date, req.sex) == (
        "Trần Thị Bích Ngà",
        "026195004321",
        "02/11/1995",
        "female",
    )
    _no_payload_in(all_logs.text)


def test_the_2024_card_longer_than_128_characters(window, key_clock, qtbot):
    payload = CARD_2024 + "|" + "Thôn Bản Lác, xã Vi Hương" * 2
    assert len(payload) > 128
    window.intake_view.ui.procedureSearch.setFocus()
    scan(window, payload, key_clock)
    qtbot.waitUntil(lambda: window.intake_view.ui.idEdit.text() == "038301009876", timeout=3000)
    assert window.intake_view.sexCombo.currentData() == "male"


def test_a_bad_card_fills_nothing_and_says_why(window, key_clock, qtbot, all_logs):
    ui = window.intake_view.ui
    ui.procedureSearch.setFocus()
    bad = NO_OLD_ID.replace("02111995", "31021995")
    scan(window, bad, key_clock)
    qtbot.waitUntil(lambda: "QR" in window.message_bar.text, timeout=3000)
    assert ui.nameEdit.text() == "" and ui.idEdit.text() == ""
    assert window.current_page() == "intake"
    assert ui.procedureSearch.text() == ""
    _no_payload_in(window.message_bar.text)
    _no_payload_in(all_logs.text)
    # an ID of 11 digits is not a dossier code either: no "unknown dossier code" with the payload
    scan(window, NO_OLD_ID.replace("026195004321", "02619500432"), key_clock)
    qtbot.wait(50)
    _no_payload_in(window.message_bar.text)
    _no_payload_in(all_logs.text)


def test_elsewhere_a_card_lists_the_citizens_dossiers(window, services, key_clock, qtbot, all_logs):
    mine = [
        services.dossiers.intake(
            IntakeRequest("1.004873", "Nguyễn Văn An", id_number="001089012345")
        ).dossier.code
        for _ in range(2)
    ]
    services.dossiers.intake(IntakeRequest("1.004873", "Lê Văn Khác", id_number="001099012345"))
    window.go("dossiers")
    with qtbot.waitSignal(window.card_scanned, timeout=3000) as got:
        scan(window, CHIP_2021, key_clock)
    assert got.args == ["001089012345"]
    view = window.page("dossiers")
    assert window.current_page() == "dossiers"
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=5000)
    texts = {
        str(view.model.index(r, c).data())
        for r in range(view.model.rowCount())
        for c in range(view.model.columnCount())
    }
    assert set(mine) <= texts
    for secret in ("Nguyễn Văn An", "Hàng Bạc", "15031989", CHIP_2021[:40]):
        assert secret not in all_logs.text


# --- satisfaction at return ------------------------------------------------------------------
def _return_one(window, services, qtbot, name="Châu Thị Nhận"):
    from tests.ui.test_other_screens import ready_result

    code = ready_result(services, name)
    view = window.go("return")
    view.load(code)
    qtbot.waitUntil(
        lambda: view.detail is not None and view.return_button.isEnabled(), timeout=5000
    )
    with qtbot.waitSignal(view.returned, timeout=5000):
        view.return_button.click()
    return view, code


def test_after_a_return_key_1_rates_very_satisfied(window, services, key_clock, qtbot):
    view, code = _return_one(window, services, qtbot)
    prompt = view.rating
    assert prompt.isVisible() and code in prompt.question.text()
    qtbot.waitUntil(lambda: prompt.hasFocus(), timeout=3000)
    with qtbot.waitSignal(prompt.rated, timeout=5000) as got:
        press(window, "1", key_clock, 500)  # a key at human speed, through the scan filter
    assert got.args == [code, 1]
    assert not prompt.isVisible()
    assert services.dossiers.find_by_code(code).dossier.rating == 1


def test_not_satisfied_needs_a_reason_and_esc_skips(window, services, key_clock, qtbot):
    view, code = _return_one(window, services, qtbot)
    prompt = view.rating
    qtbot.waitUntil(lambda: prompt.hasFocus(), timeout=3000)
    press(window, "3", key_clock, 500)
    qtbot.waitUntil(
        lambda: prompt.reason_edit.isVisible() and prompt.reason_edit.hasFocus(), timeout=3000
    )
    assert services.dossiers.find_by_code(code).dossier.rating == 0  # nothing yet
    type_like_a_human(window, "Cho lau", key_clock)
    qtbot.waitUntil(lambda: prompt.reason_edit.text() == "Cho lau", timeout=3000)
    with qtbot.waitSignal(prompt.rated, timeout=5000):
        press(window, "\r", key_clock, 150)
    d = services.dossiers.find_by_code(code).dossier
    assert (d.rating, d.rating_reason) == (3, "Cho lau")
    # the next return: Esc skips, nothing is recorded, the code box has the focus again
    view2, other = _return_one(window, services, qtbot, "Đào Văn Hai")
    qtbot.waitUntil(lambda: view2.rating.hasFocus(), timeout=3000)
    with qtbot.waitSignal(view2.rating.closed, timeout=3000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not view2.rating.isVisible()
    qtbot.waitUntil(lambda: view2.code_edit.hasFocus(), timeout=3000)
    assert services.dossiers.find_by_code(other).dossier.rating == 0


def test_the_prompt_blocks_nothing_a_scan_moves_on(window, services, key_clock, qtbot):
    from tests.ui.test_other_screens import ready_result

    view, code = _return_one(window, services, qtbot)
    nxt = ready_result(services, "Lê Văn Sau")
    scan(window, nxt, key_clock)
    qtbot.waitUntil(
        lambda: view.detail is not None and view.detail.dossier.code == nxt, timeout=5000
    )
    assert not view.rating.isVisible()
    assert services.dossiers.find_by_code(code).dossier.rating == 0
