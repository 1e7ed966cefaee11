"""The barcode scanner in its serial mode (USB-COM / USB CDC): the scanner is a serial port
that sends each code as one line. Unlike a keyboard wedge it carries any Unicode text (the
Vietnamese letters of a citizen ID card's QR) and cannot type into the wrong field.

Two parts, like the keyboard scanner:

* `LineAssembler` is pure: bytes in, lines out. A line ends at CR, LF or CRLF; it is UTF-8
  and at most MAX_LENGTH characters. A longer line or one that is not UTF-8 is dropped whole
  (reported as a `Dropped` with the reason and its size, never its content).
* `SerialScanner` is a QObject that reads the port on a thread of its own (pyserial blocks)
  and reports by signal on the GUI thread. When the port cannot be opened or goes away (the
  cable was pulled) it says so once (`lost`) and tries again every `retry_s` seconds until
  the port is back (`opened`); it never raises into the window.

A scan's payload may be personal data (the ID card's QR): nothing here logs it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from motcua_desk.ui.scanner import MAX_LENGTH, REPEAT_WINDOW, Scan

log = logging.getLogger("motcua.ui.scanner.serial")

BAUD_RATES = (9600, 19200, 38400, 57600, 115200)
DEFAULT_BAUD = 9600
RETRY_S = 3.0  # seconds between two attempts to open a port that is not there
READ_TIMEOUT_S = 0.5  # a blocking read returns at least this often (to notice a stop)
MAX_BYTES = MAX_LENGTH * 4  # UTF-8 takes at most 4 bytes a character


@dataclass(frozen=True)
class Dropped:
    reason: str  # "too_long" or "not_utf8"
    size: int  # bytes received for that line (its content is never kept)


class LineAssembler:
    """Bytes from the port in, complete lines out (str) or `Dropped` notes, in order."""

    def __init__(self, max_length: int = MAX_LENGTH) -> None:
        self.max_length = max_length
        self.max_bytes = max_length * 4
        self._buf = bytearray()
        self._overflow = 0  # bytes of a line already too long (being skipped to its end)

    def feed(self, data: bytes) -> list[str | Dropped]:
        out: list[str | Dropped] = []
        for byte in data:
            if byte in (0x0D, 0x0A):  # CR, LF; CRLF gives an empty line, ignored
                out.extend(self._end())
                continue
            if self._overflow:
                self._overflow += 1
                continue
            self._buf.append(byte)
            if len(self._buf) > self.max_bytes:
                self._overflow = len(self._buf)
                self._buf.clear()
        return out

    def _end(self) -> list[str | Dropped]:
        if self._overflow:
            size, self._overflow = self._overflow, 0
            return [Dropped("too_long", size)]
        raw, self._buf = bytes(self._buf), bytearray()
        if not raw:
            return []
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            return [Dropped("not_utf8", len(raw))]
        if len(text) > self.max_length:
            return [Dropped("too_long", len(raw))]
        text = text.strip()
        return [text] if text else []

    def reset(self) -> None:
        self._buf.clear()
        self._overflow = 0


def available_ports() -> list[tuple[str, str]]:
    """(device, description) of the serial ports this computer has now; [] when pyserial
    cannot list them."""
    try:
        from serial.tools import list_ports

        return sorted((p.device, p.description or "") for p in list_ports.comports())
    except Exception:
        log.warning("the serial ports could not be listed", exc_info=True)
        return []


def _open_port(port: str, baud: int):
    import serial

    return serial.Serial(port, baudrate=baud, timeout=READ_TIMEOUT_S)


class SerialScanner(QObject):
    """Reads scans from a serial port on its own thread. Signals (queued to the GUI thread):
    `scanned(Scan)`, `opened(str port)`, `lost(str port, str reason)` (the port is missing or
    went away; retrying), `dropped(str reason)` (a line too long or not UTF-8)."""

    scanned = Signal(object)
    opened = Signal(str)
    lost = Signal(str, str)
    dropped = Signal(str)

    def __init__(
        self,
        port: str,
        baud: int = DEFAULT_BAUD,
        *,
        retry_s: float = RETRY_S,
        repeat_window: float = REPEAT_WINDOW,
        monotonic: Callable[[], float] = time.monotonic,
        opener: Callable[[str, int], object] = _open_port,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.port = port
        self.baud = int(baud)
        self.retry_s = retry_s
        self.repeat_window = repeat_window
        self._monotonic = monotonic
        self._opener = opener
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._serial = None
        self._lock = threading.Lock()
        self._last: tuple[str, float] | None = None
        self.connected = False

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self.running or not self.port:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="serial-scanner", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        """Stop reading and close the port (returns within about `timeout` seconds)."""
        self._stop.set()
        with self._lock:
            port = self._serial
        if port is not None:
            try:
                port.cancel_read()
            except Exception:  # noqa: BLE001 - the read times out on its own anyway
                pass
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
        self.connected = False

    # --- the reading thread -------------------------------------------------------------------
    def _run(self) -> None:
        assembler = LineAssembler()
        told_lost = False
        while not self._stop.is_set():
            try:
                port = self._opener(self.port, self.baud)
            except Exception as err:  # noqa: BLE001 - missing, busy, no permission
                if not told_lost:
                    log.warning(
                        "serial scanner: %s cannot be opened: %s", self.port, type(err).__name__
                    )
                    self.lost.emit(self.port, _reason(err))
                    told_lost = True
                self._stop.wait(self.retry_s)
                continue
            with self._lock:
                self._serial = port
            told_lost = False
            assembler.reset()
            self.connected = True
            log.info("serial scanner: reading %s at %d baud", self.port, self.baud)
            self.opened.emit(self.port)
            try:
                self._read(port, assembler)
            except Exception as err:  # noqa: BLE001 - the cable was pulled, the driver died
                self.connected = False
                if not self._stop.is_set():
                    log.warning("serial scanner: %s went away: %s", self.port, type(err).__name__)
                    self.lost.emit(self.port, _reason(err))
                    told_lost = True
            finally:
                self.connected = False
                with self._lock:
                    self._serial = None
                try:
                    port.close()
                except Exception:  # noqa: BLE001
                    pass
            if not self._stop.is_set():
                self._stop.wait(self.retry_s)

    def _read(self, port, assembler: LineAssembler) -> None:
        while not self._stop.is_set():
            waiting = port.in_waiting
            data = port.read(max(1, min(waiting, 4096)))
            if not data:
                continue
            for item in assembler.feed(data):
                if isinstance(item, Dropped):
                    log.warning(
                        "serial scanner: a line of %d bytes was dropped (%s)",
                        item.size,
                        "too long" if item.reason == "too_long" else "not UTF-8",
                    )
                    self.dropped.emit(item.reason)
                else:
                    self._emit(item)

    def _emit(self, code: str) -> None:
        now = self._monotonic()
        last = self._last
        repeated = (
            last is not None and last[0] == code and 0.0 <= now - last[1] <= self.repeat_window
        )
        self._last = (code, now)
        self.scanned.emit(Scan(code, repeated))


def _reason(err: BaseException) -> str:
    """A short reason for the log and the notice: the error's kind and errno, never data."""
    errno = getattr(err, "errno", None)
    return f"{type(err).__name__}{f' (errno {errno})' if errno else ''}"
