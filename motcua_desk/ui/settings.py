"""The window's own choices, per user of this PC, behind one typed facade over QSettings.

Office-wide settings (office hours, cut-off, desk identity) live in the database and go
through the services; what is here belongs to this PC and this Windows user: the language,
the printer and paper for each kind of form, the window geometry, the scanner thresholds,
the department last handed to.

Keys (INI format, so that IT can read and fix the file by hand):

    settings/version                   schema version of this file (upgrades in _upgrade)
    ui/language                        "vi" (default) or "en"
    window/geometry, window/state      QMainWindow.saveGeometry / saveState
    printing/<kind>/printer            printer name for that kind of form (slip, supplement,
                                       refusal, apology, stop, control, ledger, handoff_list,
                                       cash_sheet)
    printing/<kind>/paper              page size name, e.g. "A5", "A4"
    printing/<kind>/landscape          true / false
    printing/<kind>/tray               paper source (QPrinter.PaperSource value), "" = auto
    scanner/max_gap_ms                 35
    scanner/min_length                 8
    scanner/repeat_window_s            3
    scanner/mode                       "keyboard" (default: the scanner types like a keyboard)
                                       or "serial" (USB-COM / USB CDC: read from a port)
    scanner/port                       the serial port, e.g. "COM3" or "/dev/ttyACM0"
    scanner/baud                       the serial port's speed, 9600 (default)
    handoff/department                 last department handed to
    papers/hot_folder                  the folder the office's document scanner writes into
                                       (its new files are offered to the dossier on screen;
                                       "" = none). A folder of this PC, so kept here
    sync/enabled                       true (default) / false: the officer stopped syncing
                                       on this PC (the hub address itself is in the database)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "motcua-desk"
APPLICATION = "motcua-desk"
VERSION = 1
LANGUAGES = ("vi", "en")
FORM_KINDS = (
    "slip",
    "supplement",
    "refusal",
    "apology",
    "stop",
    "control",
    "ledger",
    "handoff_list",
    "cash_sheet",
)


@dataclass(frozen=True)
class PrinterChoice:
    printer: str = ""  # "" = the system's default printer
    paper: str = ""  # "" = the PDF's own page size
    landscape: bool | None = None  # None = the PDF's own orientation
    tray: int | None = None  # QPrinter.PaperSource value; None = the driver's choice


SCANNER_MODES = ("keyboard", "serial")


@dataclass(frozen=True)
class ScannerSettings:
    max_gap_ms: int = 35
    min_length: int = 8
    repeat_window_s: float = 3.0
    mode: str = "keyboard"
    port: str = ""
    baud: int = 9600

    @property
    def serial(self) -> bool:
        return self.mode == "serial" and bool(self.port)


class UiSettings:
    """Typed access to QSettings. Build it with `UiSettings.for_user()` in the application,
    or `UiSettings.at(path)` in tests (an INI file of their own)."""

    def __init__(self, qsettings: QSettings) -> None:
        self._s = qsettings
        self._upgrade()

    @classmethod
    def for_user(cls) -> UiSettings:
        return cls(
            QSettings(
                QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
            )
        )

    @classmethod
    def at(cls, path: Path | str) -> UiSettings:
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    @property
    def file_name(self) -> str:
        return self._s.fileName()

    def sync(self) -> None:
        self._s.sync()

    def _upgrade(self) -> None:
        version = int(self._s.value("settings/version", 0) or 0)
        if version < 1:
            pass  # first schema: nothing to carry over
        if version != VERSION:
            self._s.setValue("settings/version", VERSION)

    # --- helpers ------------------------------------------------------------------------------
    def _str(self, key: str, default: str = "") -> str:
        value = self._s.value(key, default)
        return str(value) if value is not None else default

    def _int(self, key: str, default: int) -> int:
        try:
            return int(self._s.value(key, default))
        except (TypeError, ValueError):
            return default

    def _float(self, key: str, default: float) -> float:
        try:
            return float(self._s.value(key, default))
        except (TypeError, ValueError):
            return default

    def _bool(self, key: str, default: bool | None) -> bool | None:
        value = self._s.value(key, None)
        if value is None or value == "":
            return default
        if isinstance(value, bool):
            return value
        return str(value).lower() in ("1", "true", "yes")

    # --- language -----------------------------------------------------------------------------
    @property
    def language(self) -> str:
        value = self._str("ui/language", "vi")
        return value if value in LANGUAGES else "vi"

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(f"unknown language {value!r}")
        self._s.setValue("ui/language", value)

    # --- window -------------------------------------------------------------------------------
    @property
    def window_geometry(self) -> QByteArray | None:
        value = self._s.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._s.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        value = self._s.value("window/state")
        return value if isinstance(value, QByteArray) else None

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._s.setValue("window/state", value)

    # --- printing -----------------------------------------------------------------------------
    def printer_for(self, kind: str) -> PrinterChoice:
        base = f"printing/{_kind(kind)}"
        tray = self._int(f"{base}/tray", -1)
        return PrinterChoice(
            self._str(f"{base}/printer"),
            self._str(f"{base}/paper"),
            self._bool(f"{base}/landscape", None),
            tray if tray >= 0 else None,
        )

    def set_printer_for(self, kind: str, choice: PrinterChoice) -> None:
        base = f"printing/{_kind(kind)}"
        self._s.setValue(f"{base}/printer", choice.printer)
        self._s.setValue(f"{base}/paper", choice.paper)
        if choice.landscape is None:
            self._s.remove(f"{base}/landscape")
        else:
            self._s.setValue(f"{base}/landscape", choice.landscape)
        if choice.tray is None:
            self._s.remove(f"{base}/tray")
        else:
            self._s.setValue(f"{base}/tray", int(choice.tray))

    def forget_printer_for(self, kind: str) -> None:
        self._s.remove(f"printing/{_kind(kind)}")

    # --- scanner ------------------------------------------------------------------------------
    @property
    def scanner(self) -> ScannerSettings:
        d = ScannerSettings()
        return ScannerSettings(
            max_gap_ms=max(5, min(200, self._int("scanner/max_gap_ms", d.max_gap_ms))),
            min_length=max(3, min(64, self._int("scanner/min_length", d.min_length))),
            repeat_window_s=max(
                0.0, min(60.0, self._float("scanner/repeat_window_s", d.repeat_window_s))
            ),
            mode=mode if (mode := self._str("scanner/mode", d.mode)) in SCANNER_MODES else d.mode,
            port=self._str("scanner/port").strip(),
            baud=max(300, min(4_000_000, self._int("scanner/baud", d.baud))),
        )

    def set_scanner_port(self, mode: str, port: str = "", baud: int = 9600) -> None:
        """The scanner's mode and, in serial mode, its port and speed."""
        if mode not in SCANNER_MODES:
            raise ValueError(f"unknown scanner mode {mode!r}")
        self._s.setValue("scanner/mode", mode)
        self._s.setValue("scanner/port", port.strip())
        self._s.setValue("scanner/baud", int(baud))

    # --- sync -------------------------------------------------------------------------------
    @property
    def sync_enabled(self) -> bool:
        return bool(self._bool("sync/enabled", True))

    @sync_enabled.setter
    def sync_enabled(self, value: bool) -> None:
        self._s.setValue("sync/enabled", bool(value))

    # --- digitised papers -------------------------------------------------------------------
    @property
    def hot_folder(self) -> str:
        return self._str("papers/hot_folder").strip()

    @hot_folder.setter
    def hot_folder(self, value: str) -> None:
        self._s.setValue("papers/hot_folder", str(value).strip())

    # --- handoff ------------------------------------------------------------------------------
    @property
    def last_department(self) -> str:
        return self._str("handoff/department")

    @last_department.setter
    def last_department(self, value: str) -> None:
        self._s.setValue("handoff/department", value)


def _kind(kind: str) -> str:
    if kind not in FORM_KINDS:
        raise ValueError(f"unknown form kind {kind!r}")
    return kind
