"""The counter window's start-up: open the database on the worker, then the first-start wizard
(and its clean way out) or the desk; who we are and today's counts first, the rest after; then,
in the background, the records' check and the forms' fonts. A part of MainWindow (its base
class), split from ui.main_window; its strings keep MainWindow's translation context.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QMessageBox

from motcua_desk.ui.context import DeskInfo, load_desk_identity, load_desk_info
from motcua_desk.ui.pages import PAGE_SPECS

if TYPE_CHECKING:
    from motcua_desk.domain.dto import TodayCounts

log = logging.getLogger("motcua.ui.window")
translate = QCoreApplication.translate


class WindowStart:
    """MainWindow's start-up (mixed in: every method is the window's own)."""

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
            translate("MainWindow", "Set up the desk"),
            translate("MainWindow", "The desk is not set up yet, and nothing was saved."),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("setupCancelledBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        again = box.addButton(
            translate("MainWindow", "&Set up now"), QMessageBox.ButtonRole.AcceptRole
        )
        again.setObjectName("setupAgain")
        quit_ = box.addButton(
            translate("MainWindow", "&Quit the program"), QMessageBox.ButtonRole.RejectRole
        )
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

    def _first_counts(self, _counts: TodayCounts) -> None:
        if not self._ready:
            self._ready = True
            self.ready.emit()
            QTimer.singleShot(0, self._load_fonts)  # after start-up: reportlab is slow to load
            QTimer.singleShot(0, self.integrity.start)  # in the background, in small steps
            QTimer.singleShot(0, self._warm_parsers)

    def _warm_parsers(self) -> None:
        """Once the desk is usable: the parsers of what is scanned or typed into the intake
        (imported after the first paint), so that the first scan does not wait for them."""
        from motcua_desk.domain import cccd, fees, validation  # noqa: F401

    def _integrity_broken(self, report) -> None:
        """The background check found records changed outside the program: say so plainly,
        with what to do, in a notice that stays (not modal) and in the status bar."""
        self.notify(
            translate(
                "MainWindow",
                "The check of this desk's records found {n} problem(s): some records were changed "
                "or removed outside the program. Keep this database as it is: do not restore a "
                "backup over it and do not delete it. Contact IT now (they run 'motcua-desk "
                "verify' and compare with the office server).",
            ).format(n=report.break_count),
            "error",
        )
        self.integrity_label.setText(translate("MainWindow", "⚠ Records altered: contact IT"))
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
