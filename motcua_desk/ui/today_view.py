"""The today panel: what needs the officer's attention, each count a button to its list.
Counted by the worker after the window shows, after every change, and once a minute (time
alone moves dossiers from 'due soon' to 'due today' to 'overdue').
The layout is forms/today.ui."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QGroupBox, QPushButton, QWidget

from motcua_desk.ui import labels
from motcua_desk.ui.context import UiContext
from motcua_desk.ui.forms.ui_today import Ui_TodayForm

if TYPE_CHECKING:
    from motcua_desk.domain.dto import TodayCounts

REFRESH_MS = 60_000
CHANGE_DELAY_MS = 200
URGENT = {
    "overdue": "#b00020",
    "due_today": "#a15c00",
    "due_soon": "#a15c00",
    "waiting_long": "#a15c00",
    "results_waiting": "#1b7f3b",
    "received_today": "#0b4f8a",
}


class TodayView(QGroupBox):
    open_list = Signal(str, int)  # kind, count
    counted = Signal(object)  # TodayCounts

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_TodayForm()
        self.ui.setupUi(self)  # forms/today.ui: the title, a flat button per count, the note
        self.ctx = ctx
        self.counts: TodayCounts | None = None
        # a kind the form lacks fails here, at start-up, not when it is first counted
        self._buttons: dict[str, QPushButton] = {
            kind: getattr(self.ui, f"today_{kind}") for kind in labels.TODAY_KINDS
        }
        self._loading = False
        self._again = False
        for kind, button in self._buttons.items():
            button.clicked.connect(lambda _c=False, k=kind: self._open(k))
            self._paint(kind, None)
        self.note = self.ui.note
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._change_timer = QTimer(self, singleShot=True, interval=CHANGE_DELAY_MS)
        self._change_timer.timeout.connect(self.refresh)

    started = False

    def start(self) -> None:
        self.started = True
        self.refresh()
        self._timer.start()

    def refresh(self) -> None:
        if self._loading:
            self._again = True
            return
        self._loading = True
        self.ctx.worker.query(
            lambda svc: svc.dossiers.today(),
            success=self.set_counts,
            failure=self._failed,
            owner=self,
        )

    def on_changed(self, changes) -> None:
        if "dossier" in changes.kinds or "calendar" in changes.kinds or "settings" in changes.kinds:
            self._change_timer.start()

    def _failed(self, err: BaseException) -> None:
        self._loading = False
        self.note.setText(self.tr("The counts could not be read."))

    def set_counts(self, counts: TodayCounts) -> None:
        self._loading = False
        self.counts = counts
        for kind in labels.TODAY_KINDS:
            self._paint(kind, getattr(counts, kind))
        self.note.setText(self.tr("Counted at {time}").format(time=f"{self.ctx.now():%H:%M}"))
        self.counted.emit(counts)
        if self._again:
            self._again = False
            self.refresh()

    def count(self, kind: str) -> int | None:
        return getattr(self.counts, kind, None) if self.counts is not None else None

    def _paint(self, kind: str, n: int | None) -> None:
        button = self._buttons[kind]
        shown = "…" if n is None else str(n)
        button.setText(f"{shown:>5}   {labels.today_label(kind)}")
        colour = URGENT[kind] if n else "#333333"
        weight = "bold" if n and kind in ("overdue", "due_today") else "normal"
        button.setStyleSheet(
            f"text-align: left; padding: 3px 4px; color: {colour}; font-weight: {weight};"
        )

    def _open(self, kind: str) -> None:
        self.open_list.emit(kind, self.count(kind) or 0)
