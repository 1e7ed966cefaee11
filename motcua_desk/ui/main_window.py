"""The counter window: navigation (F2–F8), the today panel, the pages, the message bar, the
status bar (officer, desk, database, and the sync area), and the scanner's routing.

Start-up is built for a big database: the window is shown first with nothing read; the
worker then opens the database, reads the desk and counts today's work, and the window fills
in. No query on the GUI thread, none that reads every row.

MainWindow is the composition that wires the pieces: the layout (ui/window_layout.py), the
message bar and sync area (ui/status_widgets.py), the page registry (ui/pages.py, which call
each page takes), the scan routing (ui/scan_router.py), the close guard (ui/close_guard.py) and
the shortcuts dialog (ui/shortcuts_dialog.py). Start-up, navigation and the status bar's
painting stay here.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from motcua_desk.domain import codes as dossier_codes
from motcua_desk.ui.actions import ActionId, Actions
from motcua_desk.ui.close_guard import CloseGuard
from motcua_desk.ui.context import (
    DeskInfo,
    UiContext,
    load_desk_identity,
    load_desk_info,
    utc_now,
)
from motcua_desk.ui.errors import ErrorPresenter
from motcua_desk.ui.forms import rc_icons  # noqa: F401 - registers :/icons
from motcua_desk.ui.integrity_check import IntegrityCheck
from motcua_desk.ui.pages import PAGE_SPECS, page_class
from motcua_desk.ui.print_flow import PrintFlow
from motcua_desk.ui.scan_router import ScanRouter
from motcua_desk.ui.scanner import ScanDetector, ScanFilter
from motcua_desk.ui.serial_scanner import SerialScanner
from motcua_desk.ui.settings import UiSettings
from motcua_desk.ui.shortcuts_dialog import show_shortcuts
from motcua_desk.ui.status_widgets import MESSAGE_MS, MessageBar, SyncStatus  # noqa: F401
from motcua_desk.ui.sync_view import (
    SyncExceptionsDialog,
    problem_text,
)
from motcua_desk.ui.sync_worker import SyncController, SyncSnapshot
from motcua_desk.ui.window_layout import NAV_PAGE, PAGES, build_window  # noqa: F401
from motcua_desk.ui.worker import Changes, Worker

log = logging.getLogger("motcua.ui.window")


class MainWindow(QMainWindow):
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
        """The page, built the first time it is needed (start-up builds two)."""
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

    def _make_page(self, name: str) -> QWidget:
        return page_class(name)(self.ctx, self.stack)

    def _connect_page(self, name: str, view: QWidget) -> None:
        """The signals of a page built late (the window's own are in _connect_signals)."""
        spec = PAGE_SPECS[name]
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
        self.worker.changed.connect(self.dossier_view.on_changed)
        self.worker.failed.connect(lambda err, _owner: self.errors.present(err))
        self.today_view.open_list.connect(self.show_today_list)
        self.today_view.counted.connect(self._first_counts)
        self.integrity.broken.connect(self._integrity_broken)
        self.dossier_view.back_requested.connect(self.back)

    # --- start-up -----------------------------------------------------------------------------
    def start(self) -> None:
        """After show(): open the database on the worker, then the wizard or the desk."""
        self.scanner.install()
        self.apply_scanner_settings()
        self.worker.start()
        self.worker.query(
            lambda svc: svc.settings.is_initialised(),
            success=self._initialised,
            failure=self._start_failed,
        )

    def _start_failed(self, err: BaseException) -> None:
        log.error("the desk could not be opened: %r", err)
        self.errors.present(err, self)
        self.setEnabled(True)

    def _initialised(self, yes: bool) -> None:
        if yes:
            # who we are and today's counts first (the window is usable then), the rest after
            self.worker.query(
                load_desk_identity, success=self._identity_loaded, failure=self._start_failed
            )
            self.load_desk()
            # then, on the DB thread, what the first scan would otherwise wait for
            self.worker.query(lambda svc: svc.dossiers.warm_up())
            return
        self._open_wizard()

    def _open_wizard(self) -> None:
        from motcua_desk.ui.first_start import FirstStartWizard

        old = self._wizard
        if old is not None:
            old.deleteLater()
        wizard = FirstStartWizard(self.worker, self)
        wizard.done_setup.connect(lambda _agency: self.load_desk())
        wizard.rejected.connect(self._wizard_cancelled)
        self._wizard = wizard
        wizard.open()

    def _wizard_cancelled(self) -> None:
        """A clean way out of the first start: nothing was written; set up now, or quit."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Set up the desk"),
            self.tr("The desk is not set up yet, and nothing was saved."),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("setupCancelledBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        again = box.addButton(self.tr("&Set up now"), QMessageBox.ButtonRole.AcceptRole)
        again.setObjectName("setupAgain")
        quit_ = box.addButton(self.tr("&Quit the program"), QMessageBox.ButtonRole.RejectRole)
        quit_.setObjectName("setupQuit")
        again.clicked.connect(self._open_wizard)
        quit_.clicked.connect(self.close)
        box.setDefaultButton(again)
        self.setup_box = box
        box.open()

    def load_desk(self) -> None:
        self.worker.query(load_desk_info, success=self._desk_loaded, failure=self._start_failed)

    def _identity_loaded(self, info: DeskInfo) -> None:
        if self.ctx.desk.agency is None:
            self.ctx.desk = info
            self._paint_status()
            self.today_view.start()

    def _desk_loaded(self, info: DeskInfo) -> None:
        self.ctx.desk = info
        self._paint_status()
        for name, widget in self._pages.items():
            PAGE_SPECS[name].desk_loaded(widget)
        if info.calendar_warning:
            self.notify(info.calendar_warning, "warning")
        if not self.today_view.started:  # after the first-start wizard
            self.today_view.start()
        elif self._desk_complete:  # reloaded after a settings change: count again
            self.today_view.refresh()
        if not self._desk_complete and self.sync is not None:
            self.sync.attach()  # the desk is open: sync starts when a hub is configured
        self._desk_complete = True

    _desk_complete = False

    def _first_counts(self, _counts: Any) -> None:
        if not self._ready:
            self._ready = True
            self.ready.emit()
            QTimer.singleShot(0, self._load_fonts)  # after start-up: reportlab is slow to load
            QTimer.singleShot(0, self.integrity.start)  # in the background, in small steps

    def _integrity_broken(self, report) -> None:
        """The background check found records changed outside the program: say so plainly,
        with what to do, in a notice that stays (not modal) and in the status bar."""
        self.notify(
            self.tr(
                "The check of this desk's records found {n} problem(s): some records were changed "
                "or removed outside the program. Keep this database as it is: do not restore a "
                "backup over it and do not delete it. Contact IT now (they run 'motcua-desk "
                "verify' and compare with the office server)."
            ).format(n=report.break_count),
            "error",
        )
        self.integrity_label.setText(self.tr("⚠ Records altered: contact IT"))
        self.integrity_label.setToolTip("\n".join(b.line() for b in report.breaks[:10]))
        self.integrity_label.show()

    def _load_fonts(self) -> None:
        """Register the forms' fonts with Qt (and warm reportlab up on the render lane)."""

        def fonts():
            from motcua_desk import printing

            register = getattr(printing, "register_fonts", None)
            if register is not None:
                register()
            return dict(getattr(printing, "FONT_FILES", {}))

        def register(files: dict) -> None:
            for path in files.values():
                if QFontDatabase.addApplicationFont(str(path)) < 0:
                    log.warning("Qt could not load the font %s", path)
            self._fonts_done = True

        self.worker.compute(
            fonts,
            success=register,
            failure=lambda err: log.warning("fonts not registered: %r", err),
        )

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

    def set_sync_status(
        self,
        online: bool,
        unsent: int,
        last_sync: datetime | None,
        conflicts: int,
        *,
        state: str | None = None,
        skew_ms: int | None = None,
        clock_warning: bool = False,
        problem: str = "",
    ) -> None:
        """Paint the sync area with plain values (the sync worker's status comes here through
        _on_sync_status); times are shown in the office's time zone."""
        if last_sync is not None and last_sync.tzinfo is not None:
            last_sync = last_sync.astimezone(self.ctx.desk.tz)
        self.sync_status.paint(
            online,
            unsent,
            last_sync,
            conflicts,
            state=state,
            skew_ms=skew_ms,
            clock_warning=clock_warning,
            problem=problem,
        )

    def _on_sync_status(self, snap: SyncSnapshot) -> None:
        if snap.conflicts > self._conflicts_seen:
            self._conflict_notice(snap.conflicts - self._conflicts_seen)
        self._conflicts_seen = snap.conflicts  # told once; fewer when some were acknowledged
        self.set_sync_status(
            snap.online,
            snap.unsent,
            snap.last_success_at,
            snap.conflicts,
            state=snap.state,
            skew_ms=snap.skew_ms,
            clock_warning=snap.clock_warning,
            problem=problem_text(snap),
        )

    def _on_sync_data(self, reference_changed: bool) -> None:
        """Events (and maybe reference data) came from the hub: every open view refreshes; new
        reference data (catalog, departments, calendar) reloads the desk's picture too. The
        engine does not say which dossiers changed, so all of them may have."""
        kinds = ("dossier", "calendar", "settings") if reference_changed else ("dossier",)
        self.external_changes(None, kinds)
        if reference_changed:
            self.load_desk()

    def external_changes(self, codes=None, kinds=("dossier",)) -> None:
        """Data changed outside this window (the sync worker pulled events, another tool
        wrote): the views refresh as after one of our own mutations. `codes` None: any
        dossier may have changed."""
        self.worker.changed.emit(
            Changes(
                frozenset(codes or ()),
                frozenset(kinds),
                origin="external",
                everything=codes is None,
            )
        )

    def _conflict_notice(self, new: int) -> None:
        """Sync exceptions arrived: a notice that stays (not modal) until the officer looks at
        them or closes it."""
        self.message_bar.show_message(
            self.tr(
                "{n} new sync exception(s): another desk acted on the same dossier at the "
                "same time. Look at them now."
            ).format(n=new),
            "warning",
            action=(self.tr("See the sync exceptions"), self.show_sync_exceptions),
        )
        log.info("message to the officer: %d new sync exception(s)", new)

    def show_sync_exceptions(self) -> SyncExceptionsDialog:
        """Where sync stands and the open sync exceptions (one dialog, not modal)."""
        dialog = self._sync_dialog
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.raise_()
            dialog.activateWindow()
            dialog.reload()
            return dialog
        agency = self.ctx.desk.agency
        dialog = SyncExceptionsDialog(
            self.ctx,
            self.sync,
            self,
            own_node=getattr(agency, "node_id", "") or "",
            settings_page=lambda: self.go("settings").focus_sync(),
        )
        dialog.open_dossier.connect(lambda code: self.open_dossier(code))
        self._sync_dialog = dialog
        dialog.show()
        return dialog

    # --- messages -----------------------------------------------------------------------------
    def notify(self, text: str, level: str = "info") -> None:
        self.message_bar.show_message(text, level)
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
