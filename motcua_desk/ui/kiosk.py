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

The database is opened read-only by the composition root (store.migrate.open_query_only);
this module only reads through the services, on the DB worker.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from motcua_desk.domain import cccd
from motcua_desk.domain.catalog import public_time
from motcua_desk.ui import labels
from motcua_desk.ui.scanner import Scan, ScanDetector, ScanFilter
from motcua_desk.ui.worker import Worker

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
        self.setObjectName("kioskWindow")
        self.setWindowTitle(self.tr("Dossier lookup"))
        self.worker = worker
        self.failures = 0
        self.result: Any = None
        self._procedures: list[Any] = []
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

    # --- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        self.setStyleSheet(
            "#kioskWindow { background: #f4f7fb; } "
            "QLabel { color: #1a2733; } "
            "QLineEdit { font-size: 22pt; padding: 8px; } "
            "QPushButton { font-size: 18pt; padding: 10px 22px; } "
            "#kioskAgency { font-size: 14pt; font-weight: bold; } "
            "#kioskTitle { font-size: 30pt; font-weight: bold; color: #0b4f8a; } "
            "#kioskMessage { font-size: 16pt; color: #8a4b00; } "
            "#kioskStatus { font-size: 24pt; font-weight: bold; } "
            "#kioskReady { font-size: 26pt; font-weight: bold; color: #1b7f3b; } "
            "#kioskDetails QLabel { font-size: 16pt; } "
            "#kioskBring { font-size: 16pt; }"
        )
        self.title = QLabel(self.tr("Look up your dossier"), self)
        self.title.setObjectName("kioskTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.agency_label = QLabel(self)
        self.agency_label.setObjectName("kioskAgency")
        self.agency_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 30)
        layout.addWidget(self.agency_label)
        layout.addWidget(self.title)
        layout.addWidget(self.stack, 1)
        self.stack.addWidget(self._build_start())
        self.stack.addWidget(self._build_result())
        self.stack.addWidget(self._build_procedures())

    def _build_start(self) -> QWidget:
        page = self.start_page = QWidget(self)
        intro = QLabel(
            self.tr(
                "Scan the barcode on your appointment slip, or type the dossier "
                "code and the last 4 digits of your citizen ID (CCCD)."
            ),
            page,
        )
        intro.setWordWrap(True)
        intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        intro.setStyleSheet("font-size: 18pt;")
        self.code_edit = QLineEdit(page)
        self.code_edit.setObjectName("kioskCode")
        self.code_edit.setPlaceholderText(self.tr("Dossier code, e.g. 000.17.22.H56-261123-0001"))
        self.code_edit.setMaxLength(64)
        self.digits_edit = QLineEdit(page)
        self.digits_edit.setObjectName("kioskDigits")
        self.digits_edit.setPlaceholderText(self.tr("Last 4 digits of the CCCD"))
        self.digits_edit.setMaxLength(4)
        self.digits_edit.setValidator(QRegularExpressionValidator(r"[0-9]{0,4}", self.digits_edit))
        self.digits_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.lookup_button = QPushButton(self.tr("Look up"), page)
        self.lookup_button.setObjectName("kioskLookup")
        self.procedures_button = QPushButton(self.tr("Procedures and the papers they need"), page)
        self.procedures_button.setObjectName("kioskProceduresButton")
        self.message = QLabel(page)
        self.message.setObjectName("kioskMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        form = QGridLayout()
        code_label = QLabel(self.tr("Dossier code:"), page)
        digits_label = QLabel(self.tr("Last 4 digits of the CCCD:"), page)
        for w in (code_label, digits_label):
            w.setStyleSheet("font-size: 18pt;")
        form.addWidget(code_label, 0, 0)
        form.addWidget(self.code_edit, 0, 1)
        form.addWidget(digits_label, 1, 0)
        form.addWidget(self.digits_edit, 1, 1)
        form.addWidget(self.lookup_button, 2, 1, Qt.AlignmentFlag.AlignLeft)
        v = QVBoxLayout(page)
        v.addStretch(1)
        v.addWidget(intro)
        v.addSpacing(20)
        v.addLayout(form)
        v.addSpacing(10)
        v.addWidget(self.message)
        v.addStretch(1)
        v.addWidget(self.procedures_button, 0, Qt.AlignmentFlag.AlignCenter)
        return page

    def _build_result(self) -> QWidget:
        page = self.result_page = QWidget(self)
        self.ready_label = QLabel(page)
        self.ready_label.setObjectName("kioskReady")
        self.ready_label.setWordWrap(True)
        self.ready_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status_label = QLabel(page)
        self.status_label.setObjectName("kioskStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        details = QFrame(page)
        details.setObjectName("kioskDetails")
        grid = QGridLayout(details)
        self.detail_values: dict[str, QLabel] = {}
        rows = (
            ("code", self.tr("Dossier code:")),
            ("procedure", self.tr("Procedure:")),
            ("name", self.tr("Applicant:")),
            ("received", self.tr("Received:")),
            ("due", self.tr("Return date:")),
        )
        for i, (key, text) in enumerate(rows):
            grid.addWidget(QLabel(text, details), i, 0, Qt.AlignmentFlag.AlignTop)
            value = QLabel(details)
            value.setObjectName(f"kiosk_{key}")
            value.setWordWrap(True)
            grid.addWidget(value, i, 1)
            self.detail_values[key] = value
        grid.setColumnStretch(1, 1)
        self.bring_label = QLabel(page)
        self.bring_label.setObjectName("kioskBring")
        self.bring_label.setWordWrap(True)
        self.bring_label.setTextFormat(Qt.TextFormat.RichText)
        self.result_back = QPushButton(self.tr("Back"), page)
        self.result_back.setObjectName("kioskResultBack")
        v = QVBoxLayout(page)
        v.addWidget(self.ready_label)
        v.addWidget(self.status_label)
        v.addSpacing(12)
        v.addWidget(details)
        v.addSpacing(12)
        v.addWidget(self.bring_label)
        v.addStretch(1)
        v.addWidget(self.result_back, 0, Qt.AlignmentFlag.AlignCenter)
        return page

    def _build_procedures(self) -> QWidget:
        page = self.procedures_page = QWidget(self)
        self.search_edit = QLineEdit(page)
        self.search_edit.setObjectName("kioskSearch")
        self.search_edit.setPlaceholderText(
            self.tr("Type a few words, with or without accents: khai sinh, chung thuc…")
        )
        self.procedure_list = QListWidget(page)
        self.procedure_list.setObjectName("kioskProcedureList")
        self.procedure_list.setStyleSheet("font-size: 15pt; QListWidget::item { padding: 4px; }")
        self.procedure_list.setWordWrap(True)  # long names read whole, on several lines
        self.procedure_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.procedure_list.setSpacing(3)
        self.procedure_text = QTextBrowser(page)
        self.procedure_text.setObjectName("kioskProcedureText")
        self.procedure_text.setOpenLinks(False)
        self.procedure_text.setStyleSheet("font-size: 15pt;")
        self.procedures_back = QPushButton(self.tr("Back"), page)
        self.procedures_back.setObjectName("kioskProceduresBack")
        row = QHBoxLayout()
        row.addWidget(self.procedure_list, 2)
        row.addWidget(self.procedure_text, 3)
        v = QVBoxLayout(page)
        v.addWidget(self.search_edit)
        v.addLayout(row, 1)
        v.addWidget(self.procedures_back, 0, Qt.AlignmentFlag.AlignCenter)
        return page

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

    def _agency(self, agency: Any) -> None:
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

    def _found(self, public: Any) -> None:
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
    def status_text(self, d: Any) -> str:
        """The status in plain words, for the citizen."""
        s = d.status
        if s == "result_ready":
            return self.tr("The result is ready.")
        if s in ("received", "in_process"):
            if d.overdue:
                return self.tr(
                    "Your dossier is being processed, and it is late: we apologise. "
                    "Please ask at the counter when it will be ready."
                )
            if d.extended:
                return self.tr(
                    "Your dossier is being processed. The return date was moved "
                    "(a letter of apology was sent); the new date is below."
                )
            return self.tr("Your dossier is being processed.")
        texts = {
            "supplement_requested": self.tr(
                "Your dossier needs more papers before it can be processed."
            ),
            "returned": self.tr("The result was handed over on {when}.").format(
                when=labels.fmt_moment(d.returned_at)
            ),
            "refused": self.tr("The dossier was not accepted. Please ask at the counter."),
            "rejected": self.tr("The dossier was refused after review. Please ask at the counter."),
            "stopped": self.tr("The processing was stopped at your request."),
            "voided": self.tr("This dossier was cancelled. Please ask at the counter."),
        }
        return texts.get(s, self.tr("Please ask at the counter."))

    def bring_text(self, d: Any) -> str:
        """What to bring, as simple HTML (escaped)."""
        slip = self.tr("your appointment slip")
        s = d.status
        if s == "result_ready":
            items = [
                slip,
                self.tr("your citizen ID card (CCCD)"),
                self.tr(
                    "someone collecting for you brings a letter of authorisation and "
                    "their own ID card"
                ),
            ]
        elif s == "supplement_requested":
            items = (
                [slip, *d.supplement_items]
                if d.supplement_items
                else [slip, self.tr("the papers the counter asked for")]
            )
        elif s in ("received", "in_process"):
            items = [slip, self.tr("your citizen ID card (CCCD)")]
        elif s in ("refused", "rejected", "voided"):
            items = [slip, self.tr("your citizen ID card (CCCD)")]
        else:
            return ""
        head = (
            self.tr("Please bring:")
            if s != "received" and s != "in_process"
            else self.tr("When you come to collect the result, bring:")
        )
        lis = "".join(f"<li>{html.escape(i)}</li>" for i in items)
        return f"<b>{html.escape(head)}</b><ul>{lis}</ul>"

    def _paint(self, d: Any) -> None:
        ready = d.status == "result_ready"
        self.ready_label.setText(
            self.tr("The result is ready: please come to the counter to collect it.")
            if ready
            else ""
        )
        self.ready_label.setVisible(ready)
        self.status_label.setText(self.status_text(d))
        self.status_label.setVisible(not ready)
        v = self.detail_values
        v["code"].setText(d.code)
        v["procedure"].setText(d.procedure_name)
        v["name"].setText(d.masked_name)
        v["received"].setText(labels.fmt_moment(d.received_at))
        v["due"].setText(
            labels.fmt_due(d.due_at)
            if d.status in ("received", "in_process", "supplement_requested", "result_ready")
            else "—"
        )
        self.bring_label.setText(self.bring_text(d))

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

    def _procedures_in(self, procedures: list[Any]) -> None:
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
        self.procedure_text.setHtml(self.procedure_html(self._procedures[row]))

    def procedure_html(self, p: Any) -> str:
        e = html.escape
        copies = self.tr("{n} copy(ies)")
        papers, legal_title = self.tr("Papers to submit"), self.tr("Legal basis")
        docs = "".join(
            f"<li>{e(d.name)} — {e(labels.document_form_label(d.form))}, "
            f"{e(copies.format(n=d.count))}</li>"
            for d in p.documents
        )
        rows = [
            (self.tr("Code"), p.code),
            (self.tr("Field"), p.field),
            (self.tr("Processing time"), public_time(p.time_text, p.time_label)),
            (self.tr("Fee"), p.fee_text or self.tr("None")),
            (self.tr("Where to collect the result"), p.result_place),
        ]
        table = "".join(f"<tr><td><b>{e(k)}:</b></td><td>{e(v)}</td></tr>" for k, v in rows if v)
        legal = "".join(f"<li>{e(x)}</li>" for x in p.legal_basis)
        out = (
            f"<p style='font-size: 18pt; font-weight: bold;'>{e(p.name)}</p>"
            f"<table cellspacing='4'>{table}</table>"
        )
        out += f"<h3>{e(papers)}</h3><ul>{docs}</ul>" if docs else ""
        out += f"<h3>{e(legal_title)}</h3><ul>{legal}</ul>" if legal else ""
        return out

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
    if windowed:
        window.resize(1280, 800)
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
