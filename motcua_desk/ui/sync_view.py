"""The sync exceptions dialog (opened from the status bar's sync area): where sync stands,
and the open sync exceptions, each explained, to open or mark seen. Its layout is
forms/sync_exceptions.ui; what it says about sync and about each exception is ui.sync_texts,
whose names this module still exports (the status bar and the settings import them here).
"""

from __future__ import annotations

import html
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPushButton,
    QTableWidgetItem,
    QWidget,
)

from motcua_desk.ui import labels
from motcua_desk.ui.forms.ui_sync_exceptions import Ui_SyncExceptionsForm
from motcua_desk.ui.sync_texts import (  # noqa: F401 - the old import paths
    MAX_LISTED,
    STATE_COLOURS,
    ConflictItem,
    clock_text,
    desk_words,
    is_quarantine,
    load_conflicts,
    officer_words,
    problem_text,
    quarantine_happened,
    quarantine_to_do,
    skew_amount,
    state_label,
    what_happened,
    what_to_do,
)
from motcua_desk.ui.sync_worker import SyncSnapshot


class SyncExceptionsDialog(QDialog):
    """Where sync stands, and the open sync exceptions: what happened, what to do, open the
    dossier, mark it seen. Not modal: the officer may scan on while it is open."""

    open_dossier = Signal(str)
    loaded = Signal(int)  # the list was (re)loaded: number of exceptions

    def __init__(
        self,
        ctx,
        sync=None,
        parent: QWidget | None = None,
        own_node: str = "",
        settings_page: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ctx = ctx
        self.sync = sync
        self.own_node = own_node
        self._settings_page = settings_page
        self.items: list[ConflictItem] = []
        self._loading = False
        self._build()
        self._connect_signals()
        self.show_status(sync.snapshot if sync is not None else SyncSnapshot())
        self.reload()

    def _build(self) -> None:
        """forms/sync_exceptions.ui: the state line and its two buttons, the heading, the
        table and its columns, the detail box and the Close button; here, what Designer cannot
        say (the columns' resizing, the button box's two action buttons)."""
        self.ui = Ui_SyncExceptionsForm()
        self.ui.setupUi(self)
        self.state_label = self.ui.syncState
        self.sync_now_button = self.ui.syncNowButton
        self.settings_button = self.ui.settingsButton
        self.heading = self.ui.syncExceptionsHeading
        self.table = self.ui.conflictsTable
        self.detail = self.ui.conflictDetail
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = self.ui.buttons
        self.open_button = QPushButton(self.tr("&Open the dossier"), self)
        self.open_button.setObjectName("openConflictDossier")
        self.seen_button = QPushButton(self.tr("Mark as &seen"), self)
        self.seen_button.setObjectName("markConflictSeen")
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.seen_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)

    def _connect_signals(self) -> None:
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.itemActivated.connect(lambda _item: self.open_current())
        self.open_button.clicked.connect(self.open_current)
        self.seen_button.clicked.connect(self.mark_seen)
        self.sync_now_button.clicked.connect(self._sync_now)
        self.settings_button.clicked.connect(self._open_settings)
        if self.sync is not None:
            self.sync.status_changed.connect(self._status_changed)
            self.sync.data_arrived.connect(lambda _ref: self.reload())

    # --- the state ----------------------------------------------------------------------------
    def show_status(self, snap: SyncSnapshot) -> None:
        parts = [f"<b>{html.escape(state_label(snap.state, snap.online))}</b>"]
        if snap.running or snap.unsent:
            parts.append(
                html.escape(self.tr("Events waiting to be sent: {n}").format(n=snap.unsent))
            )
            when = snap.last_success_at
            parts.append(
                html.escape(
                    self.tr("Last successful sync: {when}").format(
                        when=labels.fmt_moment(when.astimezone(self.ctx.desk.tz))
                    )
                    if when
                    else self.tr("Never synced")
                )
            )
        line = " · ".join(parts)
        problem = problem_text(snap)
        if problem:
            line += f"<br><span style='color:#b00020'>{html.escape(problem)}</span>"
        if snap.clock_warning:
            line += (
                f"<br><span style='color:#8a4b00'>{html.escape(clock_text(snap.skew_ms))}</span>"
            )
        if snap.state == "unset":
            line += "<br>" + html.escape(self.tr("Set up the office server in Settings, Sync."))
        self.state_label.setText(line)
        self.sync_now_button.setEnabled(self.sync is not None and self.sync.running)

    def _status_changed(self, snap: SyncSnapshot) -> None:
        self.show_status(snap)
        if snap.conflicts != len(self.items) and not self._loading:
            self.reload()

    def _sync_now(self) -> None:
        if self.sync is not None:
            self.sync.sync_now()

    def _open_settings(self) -> None:
        if self._settings_page is not None:
            self._settings_page()
        self.accept()

    # --- the list -----------------------------------------------------------------------------
    def reload(self) -> None:
        self._loading = True
        self.ctx.worker.query(load_conflicts, success=self._fill, failure=self._failed, owner=self)

    def _failed(self, err: BaseException) -> None:
        self._loading = False
        self.ctx.errors.present(err, self)

    def _fill(self, items: list[ConflictItem]) -> None:
        self._loading = False
        keep = self.current_item()
        self.items = list(items)
        t = self.table
        t.setRowCount(0)
        t.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            c = item.conflict
            cells = (
                c.dossier_code or "—",
                labels.event_label(c.event_type) if c.event_type else "—",
                f"{officer_words(c.officer)} ({desk_words(c.node_id, self.own_node)})",
                labels.fmt_moment(c.occurred_at) if c.occurred_at else "—",
            )
            for col, text in enumerate(cells):
                t.setItem(row, col, QTableWidgetItem(text))
        if self.items:
            self.heading.setText(
                self.tr(
                    "{n} sync exception(s): an action of one desk could not "
                    "apply because another desk acted on the same dossier "
                    "while they could not see each other. Nothing was "
                    "deleted: both actions are in the dossier's "
                    "timeline."
                ).format(n=len(self.items))
            )
        else:
            self.heading.setText(self.tr("No sync exceptions: what the desks did fits together."))
        t.setVisible(bool(self.items))
        row = 0
        if keep is not None:
            ids = [i.conflict.event_id for i in self.items]
            if keep.conflict.event_id in ids:
                row = ids.index(keep.conflict.event_id)
        if self.items:
            t.selectRow(min(row, len(self.items) - 1))
        self._selected()
        self.loaded.emit(len(self.items))

    def current_item(self) -> ConflictItem | None:
        row = self.table.currentRow()
        if 0 <= row < len(self.items):
            return self.items[row]
        return None

    def _selected(self) -> None:
        item = self.current_item()
        self.open_button.setEnabled(item is not None and bool(item.conflict.dossier_code))
        self.seen_button.setEnabled(item is not None)
        self.detail.setVisible(item is not None)
        if item is None:
            self.detail.clear()
            return
        happened = self.tr("What happened")
        to_do = self.tr("What to do")
        self.detail.setText(
            f"<b>{html.escape(item.conflict.dossier_code or '—')}</b><br><br>"
            f"<b>{html.escape(happened)}</b><br>"
            f"{html.escape(what_happened(item, self.own_node)).replace(chr(10), '<br>')}"
            "<br><br>"
            f"<b>{html.escape(to_do)}</b><br>"
            f"{html.escape(what_to_do(item))}"
        )

    def open_current(self) -> None:
        item = self.current_item()
        if item is not None and item.conflict.dossier_code:
            self.open_dossier.emit(item.conflict.dossier_code)
            self.accept()

    def mark_seen(self) -> None:
        item = self.current_item()
        if item is None:
            return
        event_id = item.conflict.event_id
        self.seen_button.setEnabled(False)
        if is_quarantine(item):

            def ack(svc):
                return svc.replication.acknowledge_quarantined(event_id)
        else:

            def ack(svc):
                return svc.dossiers.acknowledge_conflict(event_id)

        self.ctx.worker.mutate(
            ack, success=lambda _r: self._seen(), failure=self._failed, owner=self, kinds=("sync",)
        )

    def _seen(self) -> None:
        if shiboken6.isValid(self):
            self.reload()
