"""The four-stage close of the window when sync is set up: count the events not yet sent (on
the DB worker); when there are some, say how many and let the officer stay; stop the sync
thread without blocking (it is waited for at most a few seconds); then close for good.

Stages: "" → counting → asking → stopping → done. The strings keep MainWindow's translation
context (they were the window's own)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMessageBox, QWidget

from motcua_desk.ui.sync_worker import SyncController
from motcua_desk.ui.worker import Worker


class CloseGuard(QObject):
    """Decides whether the window may close now; when not, runs the stages and closes the
    window again at the end."""

    def __init__(
        self,
        window: QWidget,
        worker: Worker,
        sync: SyncController | None,
        notify: Callable[[str, str], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._worker = worker
        self._sync = sync
        self._notify = notify
        self.stage = ""
        self.unsent_box: QMessageBox | None = None

    @property
    def closed_for_good(self) -> bool:
        return self.stage == "done"

    def may_close(self, event: QCloseEvent) -> bool:
        """True: let the close happen now. False: the event is ignored and the stages go on."""
        sync = self._sync
        quiet = sync is None or not (sync.configured or sync.running or sync.checking)
        if self.stage == "done" or quiet:
            self.stage = "done"
            return True
        event.ignore()
        if self.stage:
            return False  # already on its way
        if not sync.configured:
            self._stop_sync_then_close()
            return False
        self.stage = "counting"
        self._worker.query(
            lambda svc: svc.replication.pending_count(),
            success=self._counted,
            failure=lambda _err: self._counted(sync.snapshot.unsent),
            owner=self,
        )
        return False

    def _counted(self, unsent: int) -> None:
        if unsent <= 0:
            self._stop_sync_then_close()
            return
        self.stage = "asking"
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "motcua-desk",
            QCoreApplication.translate(
                "MainWindow", "{n} event(s) have not been sent to the server yet."
            ).format(n=unsent),
            QMessageBox.StandardButton.NoButton,
            self._window,
        )
        box.setObjectName("unsentBox")
        box.setInformativeText(
            QCoreApplication.translate(
                "MainWindow",
                "They are kept safely on this computer and are sent when the program runs again "
                "and the server answers. Close anyway?",
            )
        )
        box.close_button = box.addButton(
            QCoreApplication.translate("MainWindow", "Close anyway"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        box.stay_button = box.addButton(
            QCoreApplication.translate("MainWindow", "Stay"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(box.stay_button)
        box.setEscapeButton(box.stay_button)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r: self._answered(box.clickedButton() is box.close_button))
        self.unsent_box = box
        box.open()

    def _answered(self, close: bool) -> None:
        self.unsent_box = None
        if close:
            self._stop_sync_then_close()
        else:
            self.stage = ""

    def _stop_sync_then_close(self) -> None:
        self.stage = "stopping"
        # Usually at once; a request stuck on a dead network is given 3 s, then abandoned.
        # (The window stays up meanwhile: a hidden window's close would not end the program.)
        QTimer.singleShot(300, self._say_stopping)
        self._sync.shutdown(lambda: QTimer.singleShot(0, self._close_for_good))

    def _say_stopping(self) -> None:
        if self.stage == "stopping":
            self._notify(
                QCoreApplication.translate("MainWindow", "Stopping sync before closing…"), "warning"
            )

    def _close_for_good(self) -> None:
        self.stage = "done"
        self._window.close()
