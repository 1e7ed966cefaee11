"""The counter window: navigation (F2–F8), the today panel, the pages, the message bar, the
status bar (officer, desk, database, and the sync area), and the scanner's routing.

Start-up is built for a big database: the window is shown first with nothing read; the
worker then opens the database, reads the desk and counts today's work, and the window fills
in. No query on the GUI thread, none that reads every row.

MainWindow is the composition that wires the pieces: the layout (ui/window_layout.py), the
message bar and sync area (ui/status_widgets.py), the page registry (ui/pages.py, which call
each page takes), the scan routing (ui/scan_router.py), the close guard (ui/close_guard.py) and
the shortcuts dialog (ui/shortcuts_dialog.py). Two parts of its own are base classes in their
modules: the start-up (ui/window_start.py) and its side of sync, the sync area's painting and
the sync exceptions (ui/window_sync.py). Navigation and the status bar's painting stay here.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from motcua_desk.domain import codes as dossier_codes
from motcua_desk.ui.actions import ActionId, Actions
from motcua_desk.ui.close_guard import CloseGuard
from motcua_desk.ui.context import UiContext, utc_now
from motcua_desk.ui.errors import ErrorPresenter
from motcua_desk.ui.forms import rc_icons  # noqa: F401 - registers :/icons
from motcua_desk.ui.integrity_check import IntegrityCheck
from motcua_desk.ui.pages import PAGE_SPECS, page_class
from motcua_desk.ui.print_flow import PrintFlow
from motcua_desk.ui.scan_router import ScanRouter
from motcua_desk.ui.scanner import ScanDetector, ScanFilter
from motcua_desk.ui.settings import UiSettings
from motcua_desk.ui.status_widgets import MESSAGE_MS, MessageBar, SyncStatus  # noqa: F401
from motcua_desk.ui.sync_worker import SyncController
from motcua_desk.ui.window_layout import NAV_PAGE, PAGES, build_window  # noqa: F401
from motcua_desk.ui.window_start import WindowStart
from motcua_desk.ui.window_sync import WindowSync
from motcua_desk.ui.worker import Worker

if TYPE_CHECKING:  # built on first use: their modules are imported then, after the first paint
    from motcua_desk.ui.dossier_page import DossierPage
    from motcua_desk.ui.serial_scanner import SerialScanner
    from motcua_desk.ui.sync_view import SyncExceptionsDialog

log = logging.getLogger("motcua.ui.window")


class MainWindow(WindowStart, WindowSync, QMainWindow):
    ready = Signal()  # the desk is loaded and today's counts are shown
    page_changed = Signal(str)
    card_scanned = Signal(str)  # an ID card's QR outside the intake: its citizen ID

    def __init__(
        self,
        worker: Worker,
        settings: UiSettings,
        *,
        clock=utc_now,
        db_path: Path | None = None,
        log_path: Path | None = None,
        scan_detector: ScanDetector | None = None,
        scan_timestamp=None,
        sync_factory=None,
        sync_interval: float = 30.0,
    ) -> None:
        """`sync_factory(replication, *, hub_url="", token="", on_status=None)` builds the
        desk's SyncEngine (given by the composition root); without it the window does not
        sync and says so."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("motcua-desk")
        self.worker = worker
        self.settings = settings
        self.sync = (
            SyncController(sync_factory, worker, settings, interval=sync_interval, parent=self)
            if sync_factory is not None
            else None
        )
        self.actions = Actions(self)
        self.integrity = IntegrityCheck(worker, self)
        self.message_bar = MessageBar(self)
        self.errors = ErrorPresenter(self, log_path, notify=self._notify_error)
        self.print_flow = PrintFlow(worker, settings, self, self.errors.present)
        self.ctx = UiContext(
            worker=worker,
            settings=settings,
            errors=self.errors,
            printing=self.print_flow,
            notify=self.notify,
            clock=clock,
            db_path=db_path,
            log_path=log_path,
            sync=self.sync,
        )
        self._pages: dict[str, QWidget] = {}
        self._history: list[str] = []
        self._ready = False
        self._fonts_done = False
        self._wizard = None
        self._conflicts_seen = 0  # open sync exceptions the officer has been told about
        self._sync_dialog: SyncExceptionsDialog | None = None
        self.close_guard = CloseGuard(self, worker, self.sync, self.notify)
        self._build()
        s = settings.scanner
        detector = scan_detector or ScanDetector(
            max_gap=s.max_gap_ms / 1000, min_length=s.min_length, repeat_window=s.repeat_window_s
        )
        kwargs = {"timestamp": scan_timestamp} if scan_timestamp else {}
        self.scanner = ScanFilter(self, detector, **kwargs)
        self.scan_router = ScanRouter(self)
        self._connect_signals()
        geometry = settings.window_geometry
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 760)
        self.go("intake")

    # --- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        build_window(self)  # ui/window_layout.py

    def _add_page(self, name: str, widget: QWidget) -> None:
        self._pages[name] = widget
        self.stack.addWidget(widget)

    def page(self, name: str) -> QWidget:
        """The page, built the first time it is needed (start-up builds two: the intake and
        the dossier page)."""
        if name not in self._pages:
            widget = self._make_page(name)
            self._add_page(name, widget)
            self._connect_page(name, widget)
            if self._desk_complete:
                PAGE_SPECS[name].desk_loaded(widget)
            self.keep_on_screen()
        return self._pages[name]

    def keep_on_screen(self) -> None:
        """A page built late can make the window wider than the screen (its minimum size
        grows): the window is then maximised, so nothing is cut off at the right."""
        if not self.isVisible() or self.isMaximized() or self.isFullScreen():
            return
        screen = self.screen()
        if screen is None:
            return
        room = screen.availableGeometry()
        if not room.contains(self.frameGeometry()):
            self.showMaximized()

    @property
    def dossier_view(self) -> DossierPage:
        """The dossier page (built on first use)."""
        return self.page("dossier")

    def _make_page(self, name: str) -> QWidget:
        if name == "dossier":
            from motcua_desk.ui.dossier_page import DossierPage

            return DossierPage(self.ctx, self.actions, self.stack)
        return page_class(name)(self.ctx, self.stack)

    def _connect_page(self, name: str, view: QWidget) -> None:
        """The signals of a page built late (the window's own are in _connect_signals)."""
        spec = PAGE_SPECS[name]
        if name == "dossier":
            view.back_requested.connect(self.back)
        if spec.opens_dossiers:
            view.open_dossier.connect(lambda code: self.open_dossier(code))
        if name == "settings":
            view.desk_changed.connect(self.load_desk)
            view.scanner_changed.connect(self.apply_scanner_settings)
            view.restored.connect(
                lambda: self.external_changes(None, ("dossier", "calendar", "settings"))
            )
        if spec.on_changed:
            self.worker.changed.connect(view.on_changed)

    def _connect_signals(self) -> None:
        for action_id, name in NAV_PAGE.items():
            self.actions.connect(action_id, lambda n=name: self.go(n))
        self.actions.connect(ActionId.FIND, self.find)
        self.actions.connect(ActionId.BACK, self.back)
        self.actions.connect(ActionId.REFRESH, self.today_view.refresh)
        self.actions.connect(ActionId.SHORTCUTS, self.show_shortcuts)
        self.actions.connect(ActionId.QUIT, self.close)
        self.actions.connect(ActionId.SYNC_EXCEPTIONS, self.show_sync_exceptions)
        self.sync_status.clicked.connect(self.show_sync_exceptions)
        if self.sync is not None:
            self.sync.status_changed.connect(self._on_sync_status)
            self.sync.data_arrived.connect(self._on_sync_data)
            self.worker.changed.connect(self.sync.on_local_change)
        self.scanner.scanned.connect(self.scan_router.route)
        self.worker.changed.connect(self.today_view.on_changed)
        self.worker.failed.connect(lambda err, _owner: self.errors.present(err))
        self.today_view.open_list.connect(self.show_today_list)
        self.today_view.counted.connect(self._first_counts)
        self.integrity.broken.connect(self._integrity_broken)

    # --- status bar ---------------------------------------------------------------------------
    def _paint_status(self) -> None:
        agency = self.ctx.desk.agency
        if agency is None:
            self.officer_label.setText(self.tr("Opening the database…"))
            self.desk_label.setText("")
        else:
            self.officer_label.setText(
                self.tr("Officer: {name}").format(name=agency.officer or "—")
            )
            self.desk_label.setText(
                self.tr("Desk {n} · {agency}").format(n=agency.desk_no, agency=agency.agency_id)
            )
            title = f"motcua-desk — {agency.agency_name} — " + self.tr("Desk {n}").format(
                n=agency.desk_no
            )
            if agency.demo:
                title += " — " + self.tr("DEMO")
            self.setWindowTitle(title)
            self.demo_banner.setVisible(bool(agency.demo))
        path = str(self.ctx.db_path or "")
        metrics = self.db_label.fontMetrics()
        self.db_label.setText(
            self.tr("Database: {path}").format(
                path=metrics.elidedText(path, Qt.TextElideMode.ElideMiddle, 260)
            )
        )
        self.db_label.setToolTip(path)

    # --- messages -----------------------------------------------------------------------------
    def notify(self, text: str, level: str = "info", *, action=None) -> None:
        """`action` (label, callable): a button in the bar that does it (it takes no focus)."""
        self.message_bar.show_message(text, level, action=action)
        if level != "info":
            log.info("message to the officer: %s", text)

    def _notify_error(self, text: str) -> None:
        self.notify(text, "error")

    # --- navigation ---------------------------------------------------------------------------
    def current_page(self) -> str:
        widget = self.stack.currentWidget()
        for name, page in self._pages.items():
            if page is widget:
                return name
        return ""

    def go(self, name: str, *, remember: bool = True, focus: bool = True) -> QWidget:
        widget = self.page(name)
        current = self.current_page()
        if remember and current and current != name:
            self._history.append(current)
            del self._history[:-20]
        self.stack.setCurrentWidget(widget)
        nav_name = "dossiers" if name == "dossier" else name
        button = self.nav_buttons.get(nav_name)
        if button is not None:
            button.defaultAction().setChecked(True)
        if focus:
            PAGE_SPECS[name].focus_on(widget)
        self.page_changed.emit(name)
        return widget

    def back(self) -> None:
        if self._history:
            self.go(self._history.pop(), remember=False)

    def find(self) -> None:
        view = self.go("dossiers", focus=False)
        view.focus_search()

    def show_today_list(self, kind: str, count: int) -> None:
        view = self.go("dossiers", focus=False)
        view.show_today_list(kind, count)

    def open_dossier(self, code: str, *, restore_focus: QWidget | None = None) -> None:
        """Look the dossier up; show it when found, say so plainly when not."""

        def found(_detail):
            self.go("dossier", focus=False)
            self.dossier_view.focus_primary()

        def missing(err):
            QApplication.beep()
            if getattr(err, "code", "") == "unknown_code":
                self.notify(
                    self.tr("No dossier has the code {code}.").format(
                        code=dossier_codes.normalize(code)
                    ),
                    "warning",
                )
            else:
                self.errors.present(err)
            if restore_focus is not None and restore_focus.isVisible():
                restore_focus.setFocus()

        self.dossier_view.load(code, on_found=found, on_missing=missing)

    # --- the scanner (routing in ui/scan_router.py) -----------------------------------------
    def apply_scanner_settings(self) -> None:
        self.scan_router.apply_scanner_settings()

    @property
    def serial_scanner(self) -> SerialScanner | None:
        """The scanner in USB-COM mode, when the settings ask for one."""
        return self.scan_router.serial_scanner

    def _stop_serial(self) -> None:
        self.scan_router.stop_serial()

    # --- help ---------------------------------------------------------------------------------
    def show_shortcuts(self) -> None:
        from motcua_desk.ui.shortcuts_dialog import show_shortcuts

        show_shortcuts(self, self.actions)

    # --- closing ------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """The close guard decides (unsent events, stopping sync); once it lets the window go,
        the geometry is saved and the scanners let go."""
        if not self.close_guard.may_close(event):
            return
        self.settings.window_geometry = self.saveGeometry()
        self.settings.sync()
        self.scanner.uninstall()
        self._stop_serial()
        super().closeEvent(event)

    @property
    def unsent_box(self) -> QMessageBox | None:
        return self.close_guard.unsent_box

    @property
    def closed_for_good(self) -> bool:
        return self.close_guard.closed_for_good
