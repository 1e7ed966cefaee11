"""Satisfaction facing the citizen, beside the counter's rating row (return_view.RatingPrompt):

* `CitizenRatingWindow`: a small frameless window that stays on top, for a second screen
  turned to the citizen (a touch screen or a mouse). While the counter's prompt is open it
  shows the three choices big — Rất hài lòng / Hài lòng / Không hài lòng — and a reason box
  for the last; otherwise a thank-you. Drag it anywhere to move it; double-click toggles full
  screen on the screen it is on. Opened from the Trả kết quả screen; with a second screen it
  opens full screen there.
* `KeypadRating`: a cheap USB numeric keypad facing the citizen. While the prompt is open,
  keypad 1 / 2 / 3 rate (Qt marks keypad keys with KeypadModifier, so the digits of the main
  keyboard still type) and keypad 0 skips.

Both go through the prompt, so the rules are the prompt's (one rating per dossier, skip
allowed, "Không hài lòng" needs a reason) and the use case is the same (dossiers.rate).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QMouseEvent, QWindow
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from motcua_desk.ui.return_view import RatingPrompt

KEYPAD_RATINGS = {Qt.Key.Key_1: 1, Qt.Key.Key_2: 2, Qt.Key.Key_3: 3}
KEYPAD_SKIP = Qt.Key.Key_0
_NO_KEYPAD_MODS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


class KeypadRating(QObject):
    """Application event filter, installed while the prompt is open: keypad 1/2/3 rate, keypad
    0 skips. Acts on the key as it reaches a QWindow (each key once), before the scanner filter
    and any widget; the main keyboard's digits are left alone."""

    def __init__(self, prompt: RatingPrompt) -> None:
        super().__init__(prompt)
        self._prompt = prompt

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(obj, QWindow) or event.type() not in (
            QEvent.Type.KeyPress,
            QEvent.Type.ShortcutOverride,
            QEvent.Type.KeyRelease,
        ):
            return False
        key_event: QKeyEvent = event  # type: ignore[assignment]
        mods = key_event.modifiers()
        if not mods & Qt.KeyboardModifier.KeypadModifier or mods & _NO_KEYPAD_MODS:
            return False
        key = key_event.key()
        if key not in KEYPAD_RATINGS and key != KEYPAD_SKIP:
            return False
        if not self._prompt.open:
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()
            return True
        if event.type() == QEvent.Type.KeyRelease or key_event.isAutoRepeat():
            return True
        if key == KEYPAD_SKIP:
            self._prompt.skip()
        else:
            self._prompt.choose(KEYPAD_RATINGS[key])
        return True


class CitizenRatingWindow(QWidget):
    """The second window. `routes_scans_to_main`: a scan while it is active is the counter's
    scan (it is not a dialog to close first)."""

    routes_scans_to_main = True
    chosen = Signal(int)

    def __init__(self, prompt: RatingPrompt, parent: QWidget | None = None) -> None:
        super().__init__(
            parent,
            Qt.WindowType.Window
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint,
        )
        self.setObjectName("citizenRatingWindow")
        self.setWindowTitle(self.tr("Your satisfaction"))
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.prompt = prompt
        self._drag_from: QPoint | None = None
        self._build()
        self._connect_signals()
        if prompt.open:
            self._asked(prompt.code)
        else:
            self._idle()

    def _build(self) -> None:
        self.setStyleSheet(
            "#citizenRatingWindow { background: #ffffff; } "
            "QLabel { color: #1a2733; } "
            "#ratingQuestion { font-size: 26pt; font-weight: bold; color: #0b4f8a; } "
            "#ratingThanks { font-size: 30pt; font-weight: bold; color: #1b7f3b; } "
            "#citizenRating1, #citizenRating2, #citizenRating3 { font-size: 26pt; "
            "font-weight: bold; padding: 28px 18px; border-radius: 12px; color: white; } "
            "#citizenRating1 { background: #1b7f3b; } #citizenRating2 { background: #3d7fc1; } "
            "#citizenRating3 { background: #c0392b; } "
            "#citizenReason { font-size: 20pt; padding: 8px; } "
            "#citizenReasonSend, #citizenSkip { font-size: 18pt; padding: 10px 20px; } "
            "#citizenError { font-size: 16pt; color: #b00020; } "
            "#citizenClose { font-size: 18pt; }"
        )
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("citizenClose")
        self.close_button.setText("×")
        self.close_button.setToolTip(self.tr("Close this window"))
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.setAutoRaise(True)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.close_button)

        self.pages = QStackedWidget(self)
        idle = QWidget(self)
        self.thanks = QLabel(idle)
        self.thanks.setObjectName("ratingThanks")
        self.thanks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thanks.setWordWrap(True)
        QVBoxLayout(idle).addWidget(self.thanks)
        self.idle_page = idle

        ask = QWidget(self)
        self.question = QLabel(
            self.tr("How satisfied are you with how your dossier was handled?"), ask
        )
        self.question.setObjectName("ratingQuestion")
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.question.setWordWrap(True)
        self.code_label = QLabel(ask)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setStyleSheet("font-size: 14pt;")
        texts = {1: self.tr("Very satisfied"), 2: self.tr("Satisfied"), 3: self.tr("Not satisfied")}
        self.buttons: dict[int, QPushButton] = {}
        row = QHBoxLayout()
        for n in (1, 2, 3):
            button = QPushButton(texts[n], ask)
            button.setObjectName(f"citizenRating{n}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # never takes the counter's focus
            button.clicked.connect(lambda _c=False, n=n: self.choose(n))
            self.buttons[n] = button
            row.addWidget(button)
        self.reason_label = QLabel(self.tr("Please tell us why:"), ask)
        self.reason_label.setStyleSheet("font-size: 18pt;")
        self.reason_edit = QLineEdit(ask)
        self.reason_edit.setObjectName("citizenReason")
        self.reason_edit.setMaxLength(1000)
        self.reason_send = QPushButton(self.tr("Send"), ask)
        self.reason_send.setObjectName("citizenReasonSend")
        reason_row = QHBoxLayout()
        reason_row.addWidget(self.reason_edit, 1)
        reason_row.addWidget(self.reason_send)
        self.error = QLabel(ask)
        self.error.setObjectName("citizenError")
        self.error.setWordWrap(True)
        self.skip_button = QPushButton(self.tr("Skip"), ask)
        self.skip_button.setObjectName("citizenSkip")
        self.skip_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        v = QVBoxLayout(ask)
        v.addStretch(1)
        v.addWidget(self.question)
        v.addWidget(self.code_label)
        v.addSpacing(20)
        v.addLayout(row)
        v.addSpacing(12)
        v.addWidget(self.reason_label)
        v.addLayout(reason_row)
        v.addWidget(self.error)
        v.addStretch(1)
        v.addWidget(self.skip_button, 0, Qt.AlignmentFlag.AlignCenter)
        self.ask_page = ask
        self.pages.addWidget(idle)
        self.pages.addWidget(ask)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 16)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        self.resize(900, 520)

    def _connect_signals(self) -> None:
        p = self.prompt
        p.asked.connect(self._asked)
        p.reason_needed.connect(self._reason_needed)
        p.rated.connect(self._rated)
        p.closed.connect(self._closed)
        p.failed_text.connect(self._failed)
        self.reason_send.clicked.connect(self._send_reason)
        self.reason_edit.returnPressed.connect(self._send_reason)
        self.skip_button.clicked.connect(self.prompt.skip)
        self.close_button.clicked.connect(self.close)

    # --- what it shows ------------------------------------------------------------------------
    def _asked(self, code: str) -> None:
        self.code_label.setText(self.tr("Dossier {code}").format(code=code))
        self.reason_edit.clear()
        self._show_reason(False)
        self.error.clear()
        self._enable(True)
        self.pages.setCurrentWidget(self.ask_page)

    def _idle(self, thanks: bool = False) -> None:
        self.thanks.setText(self.tr("Thank you!") if thanks else self.tr("Welcome"))
        self.pages.setCurrentWidget(self.idle_page)

    def _rated(self, _code: str, _rating: int) -> None:
        self._idle(thanks=True)

    def _send_reason(self) -> None:
        self.choose(3)

    def _closed(self) -> None:
        if self.pages.currentWidget() is self.ask_page:
            self._idle()

    def _reason_needed(self) -> None:
        self._show_reason(True)

    def _show_reason(self, on: bool) -> None:
        for w in (self.reason_label, self.reason_edit, self.reason_send):
            w.setVisible(on)

    def _failed(self, text: str) -> None:
        self._enable(True)
        self.error.setText(text)

    def _enable(self, on: bool) -> None:
        for w in (*self.buttons.values(), self.reason_edit, self.reason_send, self.skip_button):
            w.setEnabled(on)

    def choose(self, rating: int) -> None:
        """A choice made on this window: "Not satisfied" with this window's reason, when one
        was typed here (else the counter's)."""
        if not self.prompt.open:
            return
        reason = self.reason_edit.text().strip() if rating == 3 else ""
        self.chosen.emit(rating)
        self.prompt.choose(rating, reason=reason or None)

    # --- on a screen of its own ---------------------------------------------------------------
    def show_for_citizen(self) -> None:
        """Full screen on another screen than the counter window's when there is one; else a
        window of its own the officer can drag to where the citizen sees it."""
        main = self.parentWidget().window().screen() if self.parentWidget() else None
        others = [s for s in QGuiApplication.screens() if s is not main]
        if others:
            self.setGeometry(others[0].availableGeometry())
            self.showFullScreen()
        else:
            self.show()
        self.raise_()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag_from = event.globalPosition().toPoint() - self.frameGeometry().topLeft()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if (
            self._drag_from is not None
            and not self.isFullScreen()
            and (event.buttons() & Qt.MouseButton.LeftButton)
        ):
            self.move(event.globalPosition().toPoint() - self._drag_from)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._drag_from = None
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self.prompt.open:
            self.prompt.skip()
            return
        super().keyPressEvent(event)
