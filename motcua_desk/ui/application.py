"""Start the window: QApplication, Qt messages into the log, the language, the per-user
settings, the DB worker (which opens the database on its own thread), the main window, and a
last-resort exception hook that shows a calm message instead of closing the program.

Called by motcua_desk.app.run_window (the composition root), which hands it the factory of the
services (the ui layer never imports the composition root); tests build MainWindow directly.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from motcua_desk import paths
from motcua_desk.ui.i18n import install_translator, remove_translator
from motcua_desk.ui.log import install_qt_message_handler
from motcua_desk.ui.settings import APPLICATION, ORGANIZATION, UiSettings

log = logging.getLogger("motcua.ui")


def install_excepthook(window) -> None:
    """An exception that escapes a slot is logged and shown; the program stays open and the
    form being filled in is untouched."""

    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.error(
            "unhandled exception:\n%s", "".join(traceback.format_exception(exc_type, exc, tb))
        )
        try:
            window.errors.present(exc)
        except Exception:
            log.exception("could not show the error")

    sys.excepthook = hook


SMALL_SCREEN = (1440, 900)


def _fits_screen(window) -> bool:
    """Whether the restored geometry lies inside the available area of a screen."""
    screen = window.screen() or QApplication.primaryScreen()
    if screen is None:
        return True
    room = screen.availableGeometry()
    if room.width() <= SMALL_SCREEN[0] or room.height() <= SMALL_SCREEN[1]:
        return False  # a counter screen (1366×768 and the like): always the whole screen
    return room.contains(window.frameGeometry()) or room.contains(window.geometry())


def run(
    db_path: Path | None,
    services_factory: Callable[[], object],
    *,
    clock: Callable[[], datetime] | None = None,
    argv: list[str] | None = None,
    on_ready: Callable[[object], None] | None = None,
    on_shown: Callable[[object], None] | None = None,
    sync_factory: Callable[..., object] | None = None,
) -> int:
    """Show the window and run the event loop; returns the exit code.

    `services_factory()` opens the desk database and builds the services: the composition
    root (motcua_desk.app.run_window) supplies it, and it runs on the DB worker's thread.
    `sync_factory(replication, *, hub_url="", token="", on_status=None)` builds the sync engine
    that the window's sync worker runs (see ui.sync_worker); None: no sync."""
    from motcua_desk.ui.main_window import MainWindow
    from motcua_desk.ui.upgrade_notice import UpgradeNotice
    from motcua_desk.ui.worker import Worker

    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    install_qt_message_handler()
    settings = UiSettings.for_user()
    translator = install_translator(app, settings.language)
    from motcua_desk.ui.forms import rc_icons  # noqa: F401 - registers :/icons

    app.setWindowIcon(QIcon(":/icons/motcua-desk.svg"))
    db = Path(db_path) if db_path else paths.default_db_path()
    notice = UpgradeNotice()  # shown in the window's message bar, once the window exists
    worker = Worker(notice.factory(services_factory))
    window = MainWindow(
        worker,
        settings,
        db_path=db,
        log_path=paths.log_file(),
        sync_factory=sync_factory,
        **({"clock": clock} if clock else {}),
    )
    notice.bar = window.message_bar
    window.upgrade_notice = notice
    install_excepthook(window)
    if on_ready is not None:
        window.ready.connect(lambda: on_ready(window))
    if settings.window_geometry is None or not _fits_screen(window):
        # the first time on a counter PC, or a size saved on another (bigger) screen: the
        # whole screen, so that nothing is cut off at the right or the bottom
        window.showMaximized()
    else:
        window.show()

    def started() -> None:
        # after the first frame: the worker's imports (SQLAlchemy…) must not delay it
        if on_shown is not None:
            on_shown(window)
        window.start()

    QTimer.singleShot(0, started)
    try:
        return app.exec()
    finally:
        if window.sync is not None:
            window.sync.stop_now()  # normally stopped by the close already; bounded wait
        worker.stop()
        remove_translator(app, translator)
        log.info("window closed")
