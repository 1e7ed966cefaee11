"""Where a scan goes. A barcode or QR read by the keyboard-mode scanner (ScanFilter) or the
serial one (SerialScanner) comes here with the window in front: an ID card's QR fills the intake
or lists the citizen's dossiers; a queue ticket fills the intake; a dossier code goes to the
page in front when it takes scans (PageSpec.handle_scan), else opens the dossier. A scan while
one of our dialogs is in front is refused with a beep and a message.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget

from motcua_desk.domain import codes as dossier_codes
from motcua_desk.domain.errors import ValidationError
from motcua_desk.ui.errors import message as error_message
from motcua_desk.ui.pages import PAGE_SPECS
from motcua_desk.ui.scanner import Scan, loggable

if TYPE_CHECKING:
    from motcua_desk.ui.main_window import MainWindow
    from motcua_desk.ui.serial_scanner import SerialScanner

log = logging.getLogger("motcua.ui.window")


class ScanRouter(QObject):
    """The window's scan routing and its serial scanner (started, restarted, stopped as the
    settings say)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._w = window
        self.serial_scanner: SerialScanner | None = None  # the scanner in USB-COM mode
        self._serial_lost = False

    # --- the scanner --------------------------------------------------------------------------
    def route(self, scan: Scan, window: QWidget) -> None:
        # the parsers are imported after the first paint (the window warms them once usable)
        from motcua_desk.domain import cccd
        from motcua_desk.domain.fees import looks_like_ticket

        if getattr(window, "routes_scans_to_main", False):
            window = self._w  # the citizen's rating window: not a dialog to close first
        if cccd.looks_like_card_qr(scan.code):
            self._on_card_scan(scan.code, window)
            return
        if (
            window is self._w
            and self._w.stack.currentWidget() is self._w.intake_view
            and looks_like_ticket(scan.code)
        ):
            self._w.intake_view.fill_ticket(scan.code)  # a queue ticket (A023), not a dossier
            return
        code = dossier_codes.normalize(scan.code)
        if window is not self._w:
            QApplication.beep()
            self._w.notify(
                self.tr("A dialog is open: close it, then scan {code} again.").format(code=code),
                "warning",
            )
            return
        name = self._w.current_page()
        if name and PAGE_SPECS[name].handle_scan:
            self._w.stack.currentWidget().handle_scan(code, scan.repeated)
            return
        if scan.repeated and (
            self._w.dossier_view.code == code or self._w.dossier_view.loading_code == code
        ):
            self._w.notify(
                self.tr("Double scan of {code}: it is already open.").format(code=code), "warning"
            )
            return
        self._w.open_dossier(code, restore_focus=QApplication.focusWidget())

    def apply_scanner_settings(self) -> None:
        """Start (or restart, or stop) reading the serial scanner as the settings say. The
        keyboard scanner always works beside it."""
        self.stop_serial()
        s = self._w.settings.scanner
        if not s.serial:
            return
        from motcua_desk.ui.serial_scanner import SerialScanner

        reader = SerialScanner(s.port, s.baud, repeat_window=s.repeat_window_s, parent=self._w)
        reader.scanned.connect(self._on_serial_scan)
        reader.opened.connect(self._on_serial_opened)
        reader.lost.connect(self._on_serial_lost)
        reader.dropped.connect(self._on_serial_dropped)
        self.serial_scanner = reader
        self._serial_lost = False
        reader.start()

    def stop_serial(self) -> None:
        reader, self.serial_scanner = self.serial_scanner, None
        if reader is not None:
            for signal in (reader.scanned, reader.opened, reader.lost, reader.dropped):
                signal.disconnect()
            reader.stop()
            reader.deleteLater()

    def _on_serial_scan(self, scan: Scan) -> None:
        """A line from the serial scanner: routed like a keyboard scan, to the window or the
        dialog of ours that is in front (the window when none of ours is active)."""
        log.info("serial scan %s%s", loggable(scan.code), " (double)" if scan.repeated else "")
        active = QApplication.activeWindow()
        top = self._w.scanner._target(active.windowHandle()) if active is not None else None
        self.route(scan, top or self._w)

    def _on_serial_opened(self, port: str) -> None:
        if self._serial_lost:
            self._w.notify(self.tr("The scanner on {port} is connected again.").format(port=port))
        self._serial_lost = False

    def _on_serial_lost(self, port: str, _reason: str) -> None:
        self._serial_lost = True
        self._w.notify(
            self.tr(
                "The scanner on {port} is not connected: check its cable (or the "
                "port in Settings). The program keeps trying; the keyboard and "
                "a keyboard-mode scanner still work."
            ).format(port=port),
            "warning",
        )

    def _on_serial_dropped(self, reason: str) -> None:
        QApplication.beep()
        if reason == "too_long":
            text = self.tr("A scan longer than 512 characters was ignored: scan again.")
        else:
            text = self.tr(
                "A scan that is not UTF-8 text was ignored: set the scanner to send "
                "UTF-8, then scan again."
            )
        self._w.notify(text, "warning")

    def _on_card_scan(self, payload: str, window: QWidget) -> None:
        """The QR of a citizen ID card: on the intake screen it fills the applicant; elsewhere
        it lists that citizen's dossiers. Its payload is personal data: it is never logged
        nor shown in a message (which are logged), only the fields it fills."""
        if window is not self._w:
            QApplication.beep()
            self._w.notify(
                self.tr("A dialog is open: close it, then scan the ID card again."), "warning"
            )
            return
        from motcua_desk.domain import cccd

        try:
            card = cccd.parse(payload, today=self._w.ctx.today())
        except ValidationError as err:
            QApplication.beep()
            self._w.notify(error_message(err), "warning")
            return
        page = self._w.stack.currentWidget()
        if page is self._w.intake_view:
            self._w.intake_view.fill_from_card(card)
            self._w.notify(
                self.tr(
                    "Filled from the ID card: check the name, citizen ID, date of "
                    "birth, sex and address with the citizen, and correct what "
                    "is wrong."
                )
            )
            return
        self._w.card_scanned.emit(card.id_number)
        view = self._w.go("dossiers", focus=False)
        view.search_edit.setText(card.id_number)
        view.search()
        view.table.setFocus()
