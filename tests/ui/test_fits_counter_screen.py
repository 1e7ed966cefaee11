"""The window fits the counter's 1366×768 screen on every page, in Vietnamese and in English:
no page may ask for more room than the screen has (the window cannot be maximised smaller
than its biggest page, and the right side would be cut off, as a window-shot once showed)."""

from __future__ import annotations

import pytest

from motcua_desk.services import IntakeRequest
from motcua_desk.ui.i18n import install_translator, remove_translator

SCREEN = (1366, 768)
FRAME = (16, 60)  # a window manager's border and title bar, and a task bar's share


@pytest.fixture(params=["vi", "en"])
def language(request, qapp):
    translator = install_translator(qapp, request.param)
    yield request.param
    remove_translator(qapp, translator)
    install_translator(qapp, "en")


def test_every_page_fits_a_1366_by_768_screen(language, services, make_window, qtbot):
    window = make_window(services)
    d = services.dossiers.intake(IntakeRequest("1.004873", "Lê Thị Màn Hình")).dossier
    with qtbot.waitSignal(window.dossier_view.shown, timeout=10_000):
        window.open_dossier(d.code)
    for page in ("intake", "dossiers", "handoff", "return", "print", "settings", "reports"):
        window.go(page)
    hint = window.minimumSizeHint()
    assert hint.width() <= SCREEN[0] - FRAME[0], (language, hint)
    assert hint.height() <= SCREEN[1] - FRAME[1], (language, hint)
