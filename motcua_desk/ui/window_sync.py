"""The counter window's side of sync: the status bar's sync area painted from the sync
worker's status, a notice when new sync exceptions arrive, the views refreshed when events come
from the hub, and the one sync exceptions dialog. A part of MainWindow (its base class), split
from ui.main_window; its strings keep MainWindow's translation context.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication

from motcua_desk.ui.sync_texts import problem_text
from motcua_desk.ui.sync_worker import SyncSnapshot
from motcua_desk.ui.worker import Changes

if TYPE_CHECKING:  # the dialog's module (and its form) is imported when it is first opened
    from motcua_desk.ui.sync_view import SyncExceptionsDialog

log = logging.getLogger("motcua.ui.window")
translate = QCoreApplication.translate


class WindowSync:
    """MainWindow's sync area and sync exceptions (mixed in: every method is the window's)."""

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
        """Events (and maybe reference data) came from the hub: the views refresh what the
        engine says the round changed (the dossiers it names; all of them when it names none,
        or too many); new reference data (catalog, departments, calendar) reloads the desk's
        picture too."""
        kinds = ("dossier", "calendar", "settings") if reference_changed else ("dossier",)
        changed = self.sync.snapshot.changed
        self.external_changes(None if reference_changed or changed is None else changed, kinds)
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
            translate(
                "MainWindow",
                "{n} new sync exception(s): another desk acted on the same dossier at the "
                "same time. Look at them now.",
            ).format(n=new),
            "warning",
            action=(translate("MainWindow", "See the sync exceptions"), self.show_sync_exceptions),
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
        from motcua_desk.ui.sync_view import SyncExceptionsDialog

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
