"""The window's two status widgets: the message bar above the pages and the sync area of the
status bar. Both only paint what they are given; MainWindow decides what to show."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from motcua_desk.ui import labels
from motcua_desk.ui.sync_texts import STATE_COLOURS, clock_text, skew_amount, state_label

MESSAGE_MS = 10_000


class MessageBar(QFrame):
    """A line above the pages for what the officer should know now. Never takes the focus."""

    COLOURS = {
        "info": ("#e8f1fb", "#0b4f8a"),
        "warning": ("#fff4e0", "#8a4b00"),
        "error": ("#fdecee", "#b00020"),
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.label = QLabel(self)
        self.label.setObjectName("messageText")
        self.label.setWordWrap(True)
        self.close_button = QToolButton(self)
        self.close_button.setText("×")
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 4, 4)
        self.action_button = QPushButton(self)
        self.action_button.setObjectName("messageAction")
        self.action_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.action_button.hide()
        self.action_button.clicked.connect(self._act)
        self._action = None
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action_button)
        layout.addWidget(self.close_button)
        self.close_button.clicked.connect(self.hide)
        self._timer = QTimer(self, singleShot=True, interval=MESSAGE_MS)
        self._timer.timeout.connect(self.hide)
        self.level = ""
        self.history: list[tuple[str, str]] = []
        self.hide()

    def _act(self) -> None:
        action, self._action = self._action, None
        self.hide()
        if action is not None:
            action()

    def show_message(
        self, text: str, level: str = "info", *, action: tuple[str, object] | None = None
    ) -> None:
        """`action` (label, callable): a button in the bar that does it and closes the bar."""
        if action is not None:
            self.action_button.setText(action[0])
            self._action = action[1]
        else:
            self._action = None
        self.action_button.setVisible(action is not None)
        back, fore = self.COLOURS.get(level, self.COLOURS["info"])
        self.setStyleSheet(
            f"#messageBar {{ background: {back}; border: 1px solid {fore}; "
            f"border-radius: 4px; }} #messageText {{ color: {fore}; }}"
        )
        self.label.setText(text)
        self.level = level
        self.history.append((level, text))
        del self.history[:-50]
        self.show()
        if level == "info":
            self._timer.start()
        else:
            self._timer.stop()

    @property
    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""


class SyncStatus(QFrame):
    """The sync area of the status bar: where sync stands, events waiting to be sent, the last
    successful sync, a clock warning, open sync exceptions. A click opens the sync exceptions
    list."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.online = QLabel(self)
        self.online.setObjectName("syncOnline")
        self.unsent = QLabel(self)
        self.unsent.setObjectName("syncUnsent")
        self.last = QLabel(self)
        self.last.setObjectName("syncLast")
        self.clock = QLabel(self)
        self.clock.setObjectName("syncClock")
        self.clock.setStyleSheet("color: #8a4b00; font-weight: bold;")
        self.conflicts = QLabel(self)
        self.conflicts.setObjectName("syncConflicts")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        for w in (self.online, self.unsent, self.last, self.clock, self.conflicts):
            layout.addWidget(w)
        self.state = "unset"
        self.online.setText(state_label("unset"))
        for w in (self.unsent, self.last, self.clock, self.conflicts):
            w.hide()
        self.setToolTip(self.tr("Click to see where sync stands and the sync exceptions."))

    def paint(
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
        """`state` None: just online or offline; else a SyncSnapshot state (unset, stopped,
        starting, syncing, online, offline, refused, error)."""
        self.state = state or ("online" if online else "offline")
        self.online.setText(state_label(state, online))
        self.online.setStyleSheet(f"color: {STATE_COLOURS.get(self.state, '#555555')};")
        self.online.setToolTip(problem)
        if problem and self.state in ("online", "idle", "syncing"):
            # the round went through but something still needs the officer (a scanned file)
            self.online.setText(state_label(state, online) + " ⚠")
            self.online.setStyleSheet("color: #8a4b00;")
        if self.state == "unset":
            for w in (self.unsent, self.last, self.clock, self.conflicts):
                w.hide()
            return
        self.unsent.setText(self.tr("Unsent: {n}").format(n=unsent))
        self.last.setText(
            self.tr("Last sync: {when}").format(when=labels.fmt_moment(last_sync))
            if last_sync
            else self.tr("Never synced")
        )
        self.conflicts.setText(self.tr("Sync exceptions: {n}").format(n=conflicts))
        self.conflicts.setStyleSheet("color: #b00020; font-weight: bold;" if conflicts else "")
        self.clock.setText(self.tr("⚠ Clock off by {amount}").format(amount=skew_amount(skew_ms)))
        self.clock.setToolTip(clock_text(skew_ms) if clock_warning else "")
        self.unsent.show()
        self.last.show()
        self.clock.setVisible(clock_warning)
        self.conflicts.setVisible(conflicts > 0)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()
        super().mouseReleaseEvent(event)
