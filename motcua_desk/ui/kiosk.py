"""The lookup station (`motcua-desk kiosk`, Ninh Phụng's "máy tra cứu"): a full-screen window
on a second PC or screen facing the citizens. It reads the desk database and changes nothing.

* Start screen: scan the slip (barcode or QR; keyboard-wedge scanner), or type the dossier
  code and the last 4 digits of the CCCD. The answer: the status in plain words, the due
  moment, "Kết quả đã có, mời ông/bà đến quầy nhận" when the result is ready, and what to bring.
* The procedures and their requirements, searchable without diacritics.
* Only the applicant's masked name is shown (services.lookup says what is shown and why).
* A wrong code and wrong digits give the same neutral message; five of them in a row lock the
  typed lookup for a minute (scanning a slip still works) so that the digits cannot be guessed
  by trying them one after another.
* After IDLE_MS without a key or a touch, back to the start screen, with every field cleared.

Its layout, the title and agency line over three pages (the start page with the code and the
CCCD digits, the answer, the procedures and their papers), is forms/kiosk.ui; what the answer
and a procedure say to the citizen, in words, is ui.kiosk_texts.

The database is opened read-only by the composition root (store.migrate.open_query_only);
this module only reads through the services, on the DB worker.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import QApplication, QLabel, QListWidgetItem, QWidget

from motcua_desk.domain import cccd
from motcua_desk.ui import kiosk_texts, labels
from motcua_desk.ui.forms.ui_kiosk import Ui_KioskForm
from motcua_desk.ui.scanner import Scan, ScanDetector, ScanFilter
from motcua_desk.ui.worker import Worker

if TYPE_CHECKING:
    from motcua_desk.domain.dto import AgencyInfo, ProcedureView
    from motcua_desk.services.lookup import PublicDossier

log = logging.getLogger("motcua.ui.kiosk")

IDLE_MS = 30_000  # back to the start screen after this long without input
MAX_FAILURES = 5  # typed look-ups that found nothing, in a row, before the pause
LOCKOUT_MS = 60_000
_INPUT_EVENTS = (
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.InputMethod,
)


class _IdleWatch(QObject):
    """Any key, click, wheel or touch anywhere in the application restarts the idle timer."""

    def __init__(self, timer: QTimer, parent: QObject) -> None:
        super().__init__(parent)
        self._timer = timer

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in _INPUT_EVENTS:
            self._timer.start()
        return False


class KioskWindow(QWidget):
    """The station's one window. `looked_up(PublicDossier)` after an answer, `no_match()` after
    the neutral refusal, `went_home()` when back at the start screen."""

    looked_up = Signal(object)
    no_match = Signal()
    went_home = Signal()
    procedures_shown = Signal(int)

    def __init__(
        self,
        worker: Worker,
        *,
        idle_ms: int = IDLE_MS,
        lockout_ms: int = LOCKOUT_MS,
        scan_detector: ScanDetector | None = None,
        scan_timestamp: Callable[[QKeyEvent], float] | None = None,
    ) -> None:
        super().__init__()
        self.worker = worker
        self.failures = 0
        self.result: PublicDossier | None = None
        self._procedures: list[ProcedureView] = []
        self.idle_timer = QTimer(self)
        self.idle_timer.setObjectName("kioskIdle")
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(idle_ms)
        self.lockout_timer = QTimer(self)
        self.lockout_timer.setSingleShot(True)
        self.lockout_timer.setInterval(lockout_ms)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._idle_watch = _IdleWatch(self.idle_timer, self)
        self._build()
        kwargs = {"timestamp": scan_timestamp} if scan_timestamp else {}
        self.scanner = ScanFilter(self, scan_detector or ScanDetector(), **kwargs)
        self._connect_signals()
        self.home()

    def _build(self) -> None:
        """forms/kiosk.ui; its widgets under the window's names (its code and the tests use
        them). Only the digits' validator is Designer's to lack."""
        self.ui = ui = Ui_KioskForm()
        ui.setupUi(self)
        self.title, self.agency_label, self.stack = ui.kioskTitle, ui.kioskAgency, ui.stack
        self.start_page, self.result_page = ui.startPage, ui.resultPage
        self.procedures_page = ui.proceduresPage
        self.code_edit, self.digits_edit = ui.kioskCode, ui.kioskDigits
        self.digits_edit.setValidator(QRegularExpressionValidator(r"[0-9]{0,4}", self.digits_edit))
        self.lookup_button, self.procedures_button = ui.kioskLookup, ui.kioskProceduresButton
        self.message = ui.kioskMessage
        self.ready_label, self.status_label = ui.kioskReady, ui.kioskStatus
        self.detail_values: dict[str, QLabel] = {
            key: getattr(ui, f"kiosk_{key}")
            for key in ("code", "procedure", "name", "received", "due")
        }
        self.bring_label, self.result_back = ui.kioskBring, ui.kioskResultBack
        self.search_edit = ui.kioskSearch
        self.procedure_list, self.procedure_text = ui.kioskProcedureList, ui.kioskProcedureText
        self.procedures_back = ui.kioskProceduresBack

    def _connect_signals(self) -> None:
        self.idle_timer.timeout.connect(self.home)
        self.lockout_timer.timeout.connect(self._unlock)
        self.code_edit.returnPressed.connect(self._code_entered)
        self.digits_edit.returnPressed.connect(self.look_up)
        self.lookup_button.clicked.connect(self.look_up)
        self.procedures_button.clicked.connect(self.show_procedures)
        self.result_back.clicked.connect(self.home)
        self.procedures_back.clicked.connect(self.home)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self._search_timer.timeout.connect(self.search_procedures)
        self.procedure_list.currentRowChanged.connect(self._show_procedure)
        self.scanner.scanned.connect(self._on_scan)

    # --- start and stop -----------------------------------------------------------------------
    def start(self) -> None:
        """After show(): the scanner, the idle watch, the worker, the agency's name."""
        self.scanner.install()
        QCoreApplication.instance().installEventFilter(self._idle_watch)
        self.worker.start()
        self.worker.query(
            lambda svc: svc.settings.agency(),
            success=self._agency,
            failure=self._unavailable,
            owner=self,
        )

    def closeEvent(self, event) -> None:  # noqa: N802
        self.scanner.uninstall()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self._idle_watch)
        super().closeEvent(event)

    def _agency(self, agency: AgencyInfo | None) -> None:
        name = getattr(agency, "agency_name", "") or ""
        self.agency_label.setText(name)

    def home(self) -> None:
        """The start screen, every field cleared (the last citizen's answer is gone)."""
        self.idle_timer.stop()
        self.result = None
        for edit in (self.code_edit, self.digits_edit, self.search_edit):
            edit.clear()
        self.message.clear()
        self._clear_result()
        self.procedure_text.clear()
        self.procedure_list.clear()
        self.stack.setCurrentWidget(self.start_page)
        self.title.setText(self.tr("Look up your dossier"))
        if self.code_edit.isEnabled():
            self.code_edit.setFocus()
        self.went_home.emit()

    def _clear_result(self) -> None:
        for label in (
            self.ready_label,
            self.status_label,
            self.bring_label,
            *self.detail_values.values(),
        ):
            label.clear()

    # --- looking up ---------------------------------------------------------------------------
    def _code_entered(self) -> None:
        if self.code_edit.text().strip():
            self.digits_edit.setFocus()

    def look_up(self) -> None:
        """The code and the 4 digits typed."""
        if self.lockout_timer.isActive():
            return
        code, digits = self.code_edit.text().strip(), self.digits_edit.text().strip()
        if not code:
            self._say(self.tr("Type the dossier code printed on your appointment slip."))
            self.code_edit.setFocus()
            return
        if len(digits) != 4 or not digits.isdigit():
            self._say(
                self.tr(
                    "Type the last 4 digits of the citizen ID (CCCD) given when the "
                    "dossier was submitted."
                )
            )
            self.digits_edit.setFocus()
            return
        self.idle_timer.start()
        self.worker.query(
            lambda svc: svc.lookup.by_code_and_id(code, digits),
            success=self._found,
            failure=self._typed_failed,
            owner=self,
        )

    def _on_scan(self, scan: Scan, _window: QWidget) -> None:
        self.idle_timer.start()
        if cccd.looks_like_card_qr(scan.code):
            QApplication.beep()  # the ID card's QR: personal data, not looked up, not logged
            self.home()
            self._say(
                self.tr("That is the ID card. Please scan the code on your appointment slip.")
            )
            return
        code = scan.code
        self.worker.query(
            lambda svc: svc.lookup.by_slip(code),
            success=self._found,
            failure=self._scan_failed,
            owner=self,
        )

    def _found(self, public: PublicDossier) -> None:
        self.failures = 0
        self.result = public
        self._paint(public)
        self.stack.setCurrentWidget(self.result_page)
        self.result_back.setFocus()
        self.idle_timer.start()
        self.looked_up.emit(public)

    def _typed_failed(self, err: BaseException) -> None:
        if getattr(err, "code", "") == "lookup_no_match":
            self.failures += 1
            if self.failures >= MAX_FAILURES:
                self._lock()
                return
        self._failed(err)

    def _scan_failed(self, err: BaseException) -> None:
        self._failed(err)

    def _failed(self, err: BaseException) -> None:
        QApplication.beep()
        if self.stack.currentWidget() is not self.start_page:
            self.home()
        code = getattr(err, "code", "")
        if code == "lookup_no_match":
            self._say(
                self.tr(
                    "No dossier was found for this code and these digits. Check "
                    "them against your appointment slip, or ask at the counter."
                )
            )
            self.digits_edit.clear()
            self.no_match.emit()
        elif code == "id_last4_format":
            self._say(
                self.tr(
                    "Type the last 4 digits of the citizen ID (CCCD) given when the "
                    "dossier was submitted."
                )
            )
        else:
            self._unavailable(err)

    def _unavailable(self, err: BaseException) -> None:
        log.warning("lookup station: %s", type(err).__name__, exc_info=err)
        self._say(self.tr("The lookup is not available right now. Please ask at the counter."))

    def _lock(self) -> None:
        self.home()
        for w in (self.code_edit, self.digits_edit, self.lookup_button):
            w.setEnabled(False)
        self.lockout_timer.start()
        self._say(
            self.tr(
                "Too many attempts. Please wait a minute, scan your slip, or ask at the counter."
            )
        )
        self.no_match.emit()

    def _unlock(self) -> None:
        self.failures = 0
        for w in (self.code_edit, self.digits_edit, self.lookup_button):
            w.setEnabled(True)
        self.message.clear()
        self.code_edit.setFocus()

    @property
    def locked(self) -> bool:
        return self.lockout_timer.isActive()

    def _say(self, text: str) -> None:
        self.message.setText(text)

    # --- the answer ---------------------------------------------------------------------------
    def _paint(self, d: PublicDossier) -> None:
        ready = d.status == "result_ready"
        self.ready_label.setText(
            self.tr("The result is ready: please come to the counter to collect it.")
            if ready
            else ""
        )
        self.ready_label.setVisible(ready)
        self.status_label.setText(kiosk_texts.status_text(d))
        self.status_label.setVisible(not ready)
        v = self.detail_values
        v["code"].setText(d.code)
        v["procedure"].setText(d.procedure_name)
        v["name"].setText(d.masked_name)
        v["received"].setText(labels.fmt_moment(d.received_at))
        v["due"].setText(  # none while papers are awaited: the time restarts when they come
            labels.fmt_due(d.due_at)
            if d.status in ("received", "in_process", "result_ready")
            else "—"
        )
        self.bring_label.setText(kiosk_texts.bring_text(d))

    # --- procedures ---------------------------------------------------------------------------
    def show_procedures(self) -> None:
        self.stack.setCurrentWidget(self.procedures_page)
        self.title.setText(self.tr("Procedures and the papers they need"))
        self.search_edit.setFocus()
        self.idle_timer.start()
        self.search_procedures()

    def search_procedures(self) -> None:
        text = self.search_edit.text()
        self.worker.query(
            lambda svc: svc.lookup.procedures(text),
            success=self._procedures_in,
            failure=self._unavailable,
            owner=self,
        )

    def _procedures_in(self, procedures: list[ProcedureView]) -> None:
        self._procedures = list(procedures)
        self.procedure_list.clear()
        for p in self._procedures:
            item = QListWidgetItem(p.name)
            item.setToolTip(p.code)
            self.procedure_list.addItem(item)
        if self._procedures:
            self.procedure_list.setCurrentRow(0)
        else:
            self.procedure_text.setHtml(html.escape(self.tr("No procedure matches these words.")))
        self.procedures_shown.emit(len(self._procedures))

    def _show_procedure(self, row: int) -> None:
        if not 0 <= row < len(self._procedures):
            return
        self.procedure_text.setHtml(kiosk_texts.procedure_html(self._procedures[row]))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.home()
            return
        super().keyPressEvent(event)


def run(
    services_factory: Callable[[], object], *, windowed: bool = False, argv: list[str] | None = None
) -> int:
    """Show the station and run the event loop. `services_factory()` opens the database
    read-only (given by the composition root); it runs on the DB worker's thread."""
    import sys

    from motcua_desk.ui.i18n import install_translator, remove_translator
    from motcua_desk.ui.log import install_qt_message_handler
    from motcua_desk.ui.settings import APPLICATION, ORGANIZATION, UiSettings

    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    install_qt_message_handler()
    translator = install_translator(app, UiSettings.for_user().language)
    worker = Worker(services_factory)
    window = KioskWindow(worker)
    if windowed:  # 1280 x 800 at most, within the screen's free area (a 1366 x 768 PC)
        screen = app.primaryScreen()
        free = screen.availableGeometry() if screen is not None else None
        width, height = (
            (1280, 800) if free is None else (min(1280, free.width()), min(800, free.height()))
        )
        window.resize(width, height)
        window.show()
    else:
        window.showFullScreen()
    QTimer.singleShot(0, window.start)
    try:
        return app.exec()
    finally:
        worker.stop()
        remove_translator(app, translator)
        log.info("lookup station closed")
