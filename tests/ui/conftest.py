"""Fixtures for the window tests: offscreen Qt, isolated QSettings, a window on a real
database driven by the injected clock, and Qt warnings that fail the test (STYLE #15)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings

from motcua_desk.ui.main_window import MainWindow
from motcua_desk.ui.settings import UiSettings
from motcua_desk.ui.worker import Worker
from tests.ui.helpers import KeyClock

HERE = Path(__file__).resolve().parent

# harmless messages of the offscreen platform plugin
QT_LOG_IGNORE = [
    r"This plugin does not support propagateSizeHints\(\)",
    r"This plugin does not support raise\(\)",
    r"This plugin does not support grabbing the keyboard",
]


def pytest_collection_modifyitems(config, items):
    """Every window test fails on a Qt warning (qt_log_level_fail), minus the offscreen
    plugin's own notices."""
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(*QT_LOG_IGNORE))


@pytest.fixture(autouse=True)
def _isolated_qsettings(tmp_path_factory):
    """QSettings of any scope go to a temp dir: no test ever reads or writes the real ones."""
    root = tmp_path_factory.mktemp("qsettings")
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, str(root))
    yield root


@pytest.fixture
def ui_settings(tmp_path) -> UiSettings:
    return UiSettings.at(tmp_path / "motcua-desk-ui.ini")


@pytest.fixture
def key_clock() -> KeyClock:
    return KeyClock()


def _make_window(qtbot, services, clock, ui_settings, db_path=None, *, wait_ready=True):
    worker = Worker(lambda: services)
    window = MainWindow(
        worker,
        ui_settings,
        clock=clock,
        db_path=db_path or Path("desk.sqlite3"),
        log_path=Path("motcua-desk.log"),
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    if wait_ready:
        with qtbot.waitSignal(window.ready, timeout=10_000):
            window.start()
    else:
        window.start()
    return window, worker


@pytest.fixture
def make_window(qtbot, ui_settings, clock):
    made = []

    def make(services, *, db_path=None, wait_ready=True):
        window, worker = _make_window(
            qtbot, services, clock, ui_settings, db_path, wait_ready=wait_ready
        )
        made.append((window, worker))
        return window

    yield make
    for window, worker in made:
        window.close()
        worker.stop()


@pytest.fixture
def window(services, make_window):
    """The counter window on the standard test desk (seed catalog, FakeClock Mon 23/11/2026
    09:00), shown, active and ready."""
    return make_window(services)
