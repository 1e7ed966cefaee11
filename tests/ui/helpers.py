"""Key input for the window tests: synthesised QKeyEvents with timestamps from an injected
clock, delivered to the QWindow the way the platform does (ShortcutOverride, then the press,
then the release), so that the scanner filter sees them exactly as it sees real keys."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget


class KeyClock:
    """Milliseconds for key timestamps, moved by hand (the window system's clock in tests)."""

    def __init__(self, start_ms: int = 1_000_000) -> None:
        self.ms = start_ms

    def advance(self, ms: float) -> int:
        self.ms += int(ms)
        return self.ms


def _key_of(ch: str) -> Qt.Key:
    if ch in "\r\n":
        return Qt.Key.Key_Return
    return Qt.Key(ord(ch.upper()))


def _send(
    window: QWidget, etype: QEvent.Type, key: Qt.Key, mods: Qt.KeyboardModifier, text: str, ms: int
) -> QKeyEvent:
    ev = QKeyEvent(etype, key, mods, text)
    ev.setTimestamp(ms)
    QCoreApplication.sendEvent(window.windowHandle(), ev)
    return ev


def press(window: QWidget, ch: str, clock: KeyClock, gap_ms: float) -> None:
    """One key typed at `gap_ms` after the previous one (Shift around capitals, like a
    scanner on a US keyboard layout)."""
    ms = clock.advance(gap_ms)
    key = _key_of(ch)
    text = "\r" if ch in "\r\n" else ch
    shift = ch.isalpha() and ch.isupper()
    mods = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    if shift:
        _send(window, QEvent.Type.KeyPress, Qt.Key.Key_Shift, mods, "", ms)
    _send(window, QEvent.Type.ShortcutOverride, key, mods, text, ms)
    _send(window, QEvent.Type.KeyPress, key, mods, text, ms)
    _send(window, QEvent.Type.KeyRelease, key, mods, text, ms + 1)
    if shift:
        _send(
            window,
            QEvent.Type.KeyRelease,
            Qt.Key.Key_Shift,
            Qt.KeyboardModifier.NoModifier,
            "",
            ms + 1,
        )


def scan(
    window: QWidget, code: str, clock: KeyClock, gap_ms: float = 5, pause_before_ms: float = 2000
) -> None:
    """A wedge scanner: the code at `gap_ms` a key, then Enter."""
    clock.advance(pause_before_ms)
    for i, ch in enumerate(code):
        press(window, ch, clock, 0 if i == 0 else gap_ms)
    press(window, "\r", clock, gap_ms)


def type_like_a_human(
    window: QWidget, text: str, clock: KeyClock, gap_ms: float = 110, enter: bool = False
) -> None:
    for ch in text:
        press(window, ch, clock, gap_ms)
    if enter:
        press(window, "\r", clock, gap_ms)
