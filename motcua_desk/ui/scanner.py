"""The USB barcode scanner, which types like a keyboard ("keyboard wedge").

Two parts, as STYLE.md asks:

* `ScanDetector` is pure: `feed(key, timestamp)` decides from the gaps between keys whether a
  burst is a scan, with timestamps supplied by the caller (tests inject them; nothing here
  reads a clock or sleeps).
* `ScanFilter` is a thin application event filter. It acts only on key events addressed to a
  `QWindow` (so it sees each key once, before any widget), only for our own active window,
  and handles `ShortcutOverride` too (so a scanned character can never fire a shortcut).
  Keys that might begin a scan are *held* for a few milliseconds; a burst that turns out to
  be human typing is handed back to the focused widget, in order and untouched; a scan is
  swallowed whole, so the code never lands in a text field, and reported by `scanned`.

Why these numbers (defaults, all settings): a wedge scanner sends a key every 1–10 ms (the
slowest we know of, about 20 ms); a very fast typist averages 80–120 ms between keys and
even key rollover rarely keeps eight keys under 35 ms each. So: a gap of at most 35 ms
between keys, at least 8 characters (the shortest dossier code has 17), ended by Enter.
A human's key is held at most 35 ms + 15 ms of timer slack: far below what anyone notices.
Once a burst has clearly started (8 keys at scanner speed: no hand does that), a gap of up to
150 ms is still the same scan: a scanner typing Vietnamese letters as Alt codes (Alt + up to
five numpad keys for one letter) or a busy USB hub pauses now and then for a few key times,
and a split scan would type its first part (on a citizen ID card: personal data) into the
focused field. 150 ms is four times the normal gap and still below the ~200 ms at which a
person notices a key being late; a human never enters that mode, so their keys are held only
the usual 50 ms.
The timestamps are the window system's (QKeyEvent.timestamp), not the time the GUI thread
got round to the event, so keys that queued up while the GUI was busy are not mistaken for
a scan. The same code again within 3 s is a *double scan* (the scanner beeped twice, or the
officer pulled the trigger again), reported as such so that it is not a second action.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QWindow
from PySide6.QtWidgets import QApplication, QWidget

from motcua_desk.domain import codes

log = logging.getLogger("motcua.ui.scanner")

ENTER = "\n"

MAX_GAP = 0.035  # seconds between two keys of a scan
BURST_GAP = 0.150  # seconds between two keys once `MIN_LENGTH` keys came at scanner speed
MIN_LENGTH = 8  # characters before the Enter
MAX_LENGTH = 512  # a dossier code is ~25; the citizen ID card's QR is 110-140 (2024: more)
REPEAT_WINDOW = 3.0  # seconds: the same code again within this is a double scan


@dataclass(frozen=True)
class Scan:
    code: str
    repeated: bool = False  # a double scan: the same code again within the repeat window
    duration: float = 0.0  # seconds from the first key to the Enter


@dataclass(frozen=True)
class Decision:
    """What to do with the key just fed: `flush` the keys held so far (give them back to the
    focused widget, in order, before this one), `hold` this key, or report a `scan` (the held
    keys and this Enter are swallowed)."""

    hold: bool = False
    flush: bool = False
    scan: Scan | None = None


class ScanDetector:
    """Pure decision logic: keys and their timestamps in, decisions out."""

    def __init__(
        self,
        *,
        max_gap: float = MAX_GAP,
        min_length: int = MIN_LENGTH,
        max_length: int = MAX_LENGTH,
        repeat_window: float = REPEAT_WINDOW,
        burst_gap: float = BURST_GAP,
    ) -> None:
        self.max_gap = max_gap
        self.burst_gap = max(burst_gap, max_gap)
        self.min_length = min_length
        self.max_length = max_length
        self.repeat_window = repeat_window
        self._chars: list[str] = []
        self._first = 0.0
        self._last = 0.0
        self._last_scan: tuple[str, float] | None = None

    @property
    def holding(self) -> bool:
        return bool(self._chars)

    @property
    def allowed_gap(self) -> float:
        """The longest pause before the next key that still continues the burst held now:
        `burst_gap` once `min_length` keys came at scanner speed, else `max_gap`."""
        return self.burst_gap if len(self._chars) >= self.min_length else self.max_gap

    def _close_gap(self, timestamp: float) -> bool:
        gap = timestamp - self._last
        # 1 µs of slack: key times come in whole ms, and (t + 150 ms) - t in seconds is not
        # always exactly 0.150 in floating point
        return 0.0 <= gap <= self.allowed_gap + 1e-6

    def feed(self, key: str, timestamp: float) -> Decision:
        """`key` is one printable character, or ENTER."""
        if key == ENTER:
            return self._enter(timestamp)
        if self._chars and self._close_gap(timestamp):
            self._chars.append(key)
            self._last = timestamp
            if len(self._chars) > self.max_length:  # nothing we know is that long
                self._reset()
                return Decision(flush=True)
            return Decision(hold=True)
        flush = bool(self._chars)
        self._chars = [key]
        self._first = self._last = timestamp
        return Decision(hold=True, flush=flush)

    def _enter(self, timestamp: float) -> Decision:
        if len(self._chars) >= self.min_length and self._close_gap(timestamp):
            code = "".join(self._chars)
            repeated = (
                self._last_scan is not None
                and self._last_scan[0] == code
                and 0.0 <= timestamp - self._last_scan[1] <= self.repeat_window
            )
            scan = Scan(code, repeated, timestamp - self._first)
            self._last_scan = (code, timestamp)
            self._reset()
            return Decision(hold=True, scan=scan)
        return self.interrupt()

    def interrupt(self) -> Decision:
        """Any other key, a pause longer than the gap, focus leaving: not a scan (so far)."""
        flush = bool(self._chars)
        self._reset()
        return Decision(flush=flush)

    def _reset(self) -> None:
        self._chars = []


def loggable(code: str) -> str:
    """What the log may say of a scan: only what looks like a dossier code is written down; a
    scan may be the QR of a citizen ID card (personal data), or anything else a scanner reads."""
    if codes.looks_like_code(code):
        return repr(code)
    return f"of {len(code)} characters (not a dossier code: not logged)"


def event_seconds(event: QKeyEvent) -> float:
    """When the key was pressed, by the window system's clock (ms) — not when we got to it."""
    return event.timestamp() / 1000.0


_MODIFIER_KEYS = {
    Qt.Key.Key_Shift,
    Qt.Key.Key_Control,
    Qt.Key.Key_Alt,
    Qt.Key.Key_Meta,
    Qt.Key.Key_AltGr,
    Qt.Key.Key_CapsLock,
    Qt.Key.Key_NumLock,
}
_ENTER_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter}
_NO_CHAR_MODS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def _scan_char(event: QKeyEvent) -> str | None:
    """The character a scanner could have typed with this key, or None."""
    if event.modifiers() & _NO_CHAR_MODS:
        return None
    text = event.text()
    if len(text) == 1 and text.isprintable():
        return text
    return None


def _is_enter(event: QKeyEvent) -> bool:
    return event.key() in _ENTER_KEYS and not (event.modifiers() & _NO_CHAR_MODS)


def _copy(event: QKeyEvent) -> QKeyEvent:
    ev = QKeyEvent(
        event.type(),
        event.key(),
        event.modifiers(),
        event.nativeScanCode(),
        event.nativeVirtualKey(),
        event.nativeModifiers(),
        event.text(),
        event.isAutoRepeat(),
        event.count(),
    )
    ev.setTimestamp(event.timestamp())
    return ev


class ScanFilter(QObject):
    """The application event filter. `scanned(Scan, QWidget)` names the window it came in."""

    scanned = Signal(object, object)

    def __init__(
        self,
        window: QWidget,
        detector: ScanDetector | None = None,
        *,
        timestamp: Callable[[QKeyEvent], float] = event_seconds,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent or window)
        self._window = window
        self.detector = detector or ScanDetector()
        self._timestamp = timestamp
        self._held: list[tuple[QWindow, QKeyEvent]] = []
        self._replaying = False
        self._active = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)

    def _start_timer(self) -> None:
        """Give the held keys back unless the next key comes within the allowed gap (longer
        once the burst is clearly a scanner's, so a split scan never lands in the field)."""
        self._timer.start(int((self.detector.allowed_gap + 0.015) * 1000))

    # --- installation -------------------------------------------------------------------------
    def install(self) -> None:
        QCoreApplication.instance().installEventFilter(self)

    def uninstall(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.flush()

    def set_enabled(self, enabled: bool) -> None:
        if not enabled:
            self.flush()
        self._active = enabled

    # --- the filter ---------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(obj, QWindow) or self._replaying or not self._active:
            return False  # a widget-level copy of a key we saw at the window, or our replay
        etype = event.type()
        if etype not in (
            QEvent.Type.KeyPress,
            QEvent.Type.KeyRelease,
            QEvent.Type.ShortcutOverride,
        ):
            if etype in (QEvent.Type.FocusOut, QEvent.Type.Hide) and self._held:
                self.flush()
            return False
        top = self._target(obj)
        if top is None:
            if self._held:
                self.flush()
            return False
        try:
            return self._key(obj, event, top)  # type: ignore[arg-type]
        except BaseException:
            # never leave a broken filter in the way of every key of the application
            self._active = False
            self._held.clear()
            log.exception("the scanner filter failed and is now off")
            raise

    def _target(self, qwindow: QWindow) -> QWidget | None:
        """The top-level widget of ours that is active and owns this QWindow: the main
        window, or one of its dialogs (a scan there must not type into a reason field or
        press a default button either)."""
        if not _alive(self._window):
            return None
        active = QApplication.activeWindow()
        if active is None or active.windowHandle() is not qwindow:
            return None
        if active is self._window:
            return active
        parent = active.parentWidget()
        while parent is not None:
            if parent.window() is self._window:
                return active
            parent = parent.window().parentWidget()
        return None

    def _key(self, qwindow: QWindow, event: QKeyEvent, top: QWidget) -> bool:
        etype = event.type()
        if etype == QEvent.Type.ShortcutOverride:
            # a character that may be part of a scan is a plain key, never a shortcut
            if _scan_char(event) is not None or (_is_enter(event) and self.detector.holding):
                event.accept()
                return True
            return False
        if etype == QEvent.Type.KeyRelease:
            if self._held:
                self._held.append((qwindow, _copy(event)))
                return True
            return False
        # key press
        if event.isAutoRepeat():
            self._apply(self.detector.interrupt())
            return False
        if event.key() in _MODIFIER_KEYS:
            if self._held:  # Shift between the characters of a scan: keep the order
                self._held.append((qwindow, _copy(event)))
                return True
            return False
        char = _scan_char(event)
        if char is not None:
            decision = self.detector.feed(char, self._timestamp(event))
        elif _is_enter(event):
            decision = self.detector.feed(ENTER, self._timestamp(event))
        else:
            decision = self.detector.interrupt()
        self._apply(decision)
        if decision.scan is not None:
            scan = decision.scan
            QTimer.singleShot(0, self, lambda: self.scanned.emit(scan, top))
            return True
        if decision.hold:
            self._held.append((qwindow, _copy(event)))
            self._start_timer()
            return True
        return False

    def _apply(self, decision: Decision) -> None:
        if decision.scan is not None:
            self._timer.stop()
            self._held.clear()  # the scan's keys: swallowed
            log.info(
                "scan %s%s in %.0f ms",
                loggable(decision.scan.code),
                " (double)" if decision.scan.repeated else "",
                decision.scan.duration * 1000,
            )
        elif decision.flush:
            self._replay()

    def flush(self) -> None:
        """Give every held key back to its window now (the pause was a human's)."""
        self._timer.stop()
        if self.detector.holding:
            self.detector.interrupt()
        self._replay()

    def _replay(self) -> None:
        held, self._held = self._held, []
        if not held:
            return
        self._replaying = True
        try:
            for qwindow, event in held:
                QCoreApplication.sendEvent(qwindow, event)
        finally:
            self._replaying = False


def _alive(widget: QWidget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)
