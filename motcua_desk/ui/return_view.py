"""Trả kết quả: the citizen comes with the slip. Scan it (or pick from the results waiting),
check who collects, record the return. The screen's layout is forms/return.ui, the rating row's
forms/rating_prompt.ui."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QFrame, QHeaderView, QPushButton, QWidget

from motcua_desk.domain import codes as dossier_codes
from motcua_desk.domain import validation
from motcua_desk.domain.errors import ValidationError
from motcua_desk.ui import errors, labels
from motcua_desk.ui.context import UiContext
from motcua_desk.ui.forms.ui_rating_prompt import Ui_RatingPromptForm
from motcua_desk.ui.forms.ui_return import Ui_ReturnForm
from motcua_desk.ui.models import DossierTableModel, TodayQuery
from motcua_desk.ui.rating_window import CitizenRatingWindow, KeypadRating

if TYPE_CHECKING:
    from motcua_desk.domain.dto import DossierDetail

RATINGS = (1, 2, 3)  # 1 Rất hài lòng, 2 Hài lòng, 3 Không hài lòng (needs a reason)
_RATING_KEYS = {Qt.Key.Key_1: 1, Qt.Key.Key_2: 2, Qt.Key.Key_3: 3}


class RatingPrompt(QFrame):
    """After a return: the citizen's satisfaction, in one row that blocks nothing. Keys 1, 2,
    3 (or the buttons) rate; "Not satisfied" asks for the reason first; Esc skips. A scan or
    another return simply moves on (the rating is skipped)."""

    rated = Signal(str, int)  # code, rating
    closed = Signal()
    asked = Signal(str)  # code: the prompt is open (the citizen's window shows the choices)
    reason_needed = Signal()  # "not satisfied" was chosen without a reason
    failed_text = Signal(str)  # the rating was refused: why

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.code = ""
        self._pending = False
        self.citizen_window: QWidget | None = None  # the citizen's window, once opened
        self._keypad = KeypadRating(self)  # the citizen's USB keypad, while the prompt is open
        self.ui = Ui_RatingPromptForm()
        self.ui.setupUi(self)  # forms/rating_prompt.ui
        ui = self.ui
        self.question = ui.question
        self.buttons: dict[int, QPushButton] = {n: getattr(ui, f"rating{n}Button") for n in RATINGS}
        for n, button in self.buttons.items():
            button.clicked.connect(lambda _c=False, n=n: self.choose(n))
        self.skip_button = ui.ratingSkipButton
        self.skip_button.clicked.connect(self.skip)
        self.reason_edit = ui.ratingReasonEdit
        self.reason_edit.returnPressed.connect(lambda: self.choose(3))
        self.reason_edit.hide()
        self.error = ui.ratingError
        self.error.hide()
        self.hide()

    def ask(self, code: str) -> None:
        self.code = code
        self.question.setText(
            self.tr("{code}: how satisfied is the citizen? Press 1, 2 or 3 (Esc skips).").format(
                code=code
            )
        )
        self.reason_edit.clear()
        self.reason_edit.hide()
        self.error.hide()
        self._pending = False
        self._enable(True)
        app = QCoreApplication.instance()
        app.removeEventFilter(self._keypad)
        app.installEventFilter(self._keypad)  # the last installed runs first: before the scanner
        self.show()
        self.setFocus()
        self.asked.emit(code)

    @property
    def open(self) -> bool:
        """Waiting for this citizen's rating, where someone can see the question: the row on
        the Trả kết quả screen, or the citizen's window. (On another screen of the counter
        window with no citizen's window, the keypad's digits are the officer's again.)"""
        if not self.code or self.isHidden():
            return False
        citizen = self.citizen_window
        return self.isVisible() or (citizen is not None and citizen.isVisible())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.skip()
        elif key in _RATING_KEYS and not self.reason_edit.hasFocus():
            self.choose(_RATING_KEYS[key])
        else:
            super().keyPressEvent(event)

    def choose(self, rating: int, reason: str | None = None) -> None:
        """Rate (from the row's keys and buttons, the citizen's window or keypad); `reason`
        given by the citizen's window, else the row's reason box."""
        if not self.open or self._pending:
            return
        if rating != 3:
            reason = ""
        elif reason is None:
            reason = self.reason_edit.text().strip()
        if rating == 3 and not reason:
            self.reason_edit.show()
            if self.isVisible():
                self.reason_edit.setFocus()
            self.reason_needed.emit()
            return
        code = self.code
        self._pending = True
        self._enable(False)
        self.ctx.worker.mutate(
            lambda svc: svc.dossiers.rate(code, rating, reason),
            success=lambda d, n=rating: self._done(d, n),
            failure=self._failed,
            owner=self,
            origin=self,
        )

    def _done(self, detail: DossierDetail, rating: int) -> None:
        code = detail.dossier.code
        self.ctx.notify(
            self.tr("{code}: rating recorded ({rating}).").format(
                code=code, rating=labels.rating_label(rating)
            ),
            "info",
        )
        self.close_prompt()
        self.rated.emit(code, rating)

    def _failed(self, err: BaseException) -> None:
        self._pending = False
        self._enable(True)
        self.error.setText(errors.message(err))
        self.error.show()
        self.failed_text.emit(self.error.text())

    def _enable(self, on: bool) -> None:
        for w in (*self.buttons.values(), self.skip_button, self.reason_edit):
            w.setEnabled(on)

    def skip(self) -> None:
        self.close_prompt()

    def close_prompt(self) -> None:
        had_focus = self.isAncestorOf(QApplication.focusWidget()) or self.hasFocus()
        self.code = ""
        self._pending = False
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self._keypad)
        self.hide()
        self.closed.emit()
        if had_focus:
            parent = self.parentWidget()
            if parent is not None and hasattr(parent, "code_edit"):
                parent.code_edit.setFocus()


class ReturnView(QWidget):
    returned = Signal(str)  # code

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail: DossierDetail | None = None
        self._stale = True
        self.waiting = DossierTableModel(ctx.worker, self, now=ctx.now)
        self._build()
        self._connect_signals()
        self._show(None)

    def _build(self) -> None:
        """forms/return.ui holds the layout; here the ways of return, the table's model and
        columns, and the rating row (a widget of its own) under the code."""
        self.ui = Ui_ReturnForm()
        self.ui.setupUi(self)
        ui = self.ui
        self.code_edit = ui.codeEdit
        self.citizen_button = ui.citizenScreenButton
        self.citizen_window: CitizenRatingWindow | None = None
        self.info = ui.returnInfo
        self.name_edit = ui.toNameEdit
        self.id_edit = ui.toIdEdit
        self.method_combo = ui.methodCombo
        self.return_button = ui.returnButton
        self.error = ui.returnError
        self.table = ui.waitingTable
        for method in labels.RETURN_METHODS:
            self.method_combo.addItem(labels.return_method_label(method), method)

        self.table.setModel(self.waiting)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((205, 160, 300, 150, 115, 115, 150)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        self.rating = RatingPrompt(self.ctx, self)
        ui.returnLayout.insertWidget(1, self.rating)

    def _connect_signals(self) -> None:
        self.code_edit.returnPressed.connect(self._typed)
        self.citizen_button.clicked.connect(self.open_citizen_window)
        self.return_button.clicked.connect(self.record)
        self.name_edit.returnPressed.connect(self.record)
        self.table.activated.connect(lambda index: self.load(self.waiting.row(index.row()).code))

    def open_citizen_window(self) -> CitizenRatingWindow:
        """The citizen's rating window (one; shown again when it was closed)."""
        window = self.citizen_window
        if window is None:
            window = self.citizen_window = CitizenRatingWindow(self.rating, self.window())
            self.rating.citizen_window = window
        window.show_for_citizen()
        return window

    def focus_first(self) -> None:
        if self.detail is not None and self.return_button.isEnabled():
            self.name_edit.setFocus()
            self.name_edit.selectAll()
        else:
            self.code_edit.setFocus()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.waiting.set_query(TodayQuery("results_waiting"))

    def on_changed(self, changes) -> None:
        if self.isVisible():
            self.waiting.set_query(TodayQuery("results_waiting"))
        else:
            self._stale = True

    # --- loading ------------------------------------------------------------------------------
    def handle_scan(self, code: str, repeated: bool) -> None:
        if self.rating.isVisible():
            self.rating.skip()  # the next citizen: the last one's rating is skipped
        if (
            repeated
            and self.detail is not None
            and self.detail.dossier.code == dossier_codes.normalize(code)
        ):
            self.ctx.notify(
                self.tr("Double scan of {code}: it is already open.").format(
                    code=self.detail.dossier.code
                ),
                "warning",
            )
            return
        self.load(code)

    def _typed(self) -> None:
        text = self.code_edit.text().strip()
        if text:
            self.load(text)

    def load(self, code: str) -> None:
        clean = dossier_codes.normalize(code)
        self.ctx.worker.query(
            lambda svc: svc.dossiers.find_by_code(clean),
            success=self._loaded,
            failure=self._missing,
            owner=self,
        )

    def _loaded(self, detail: DossierDetail) -> None:
        self.code_edit.setText(detail.dossier.code)
        self._show(detail)
        self.focus_first()

    def _missing(self, err: BaseException) -> None:
        self._show(None)
        self.error.setText(errors.message(err))

    def _show(self, detail: DossierDetail) -> None:
        self.detail = detail
        self.error.clear()
        if detail is None:
            self.info.setText(self.tr("No dossier chosen."))
            self.name_edit.clear()
            self.id_edit.clear()
            self._enable(False)
            return
        d = detail.dossier
        self.info.setText(
            self.tr(
                "<b>{code}</b> — {status}<br>{applicant} · {procedure}<br>Received {received}, "
                "return at {due}"
            ).format(
                code=d.code,
                status=labels.status_label(d.status),
                applicant=d.applicant_name,
                procedure=d.procedure_name,
                received=labels.fmt_moment(d.received_at),
                due=labels.fmt_due(d.due_at),
            )
        )
        can = "return" in detail.allowed_actions
        self.name_edit.setText(d.applicant_name if can else "")
        self.id_edit.setText(d.id_number if can else "")
        self._enable(can)
        if not can:
            self.error.setText(
                self.tr("There is no result to return: the dossier is “{status}”.").format(
                    status=labels.status_label(d.status)
                )
            )

    def _enable(self, on: bool) -> None:
        for w in (self.name_edit, self.id_edit, self.method_combo, self.return_button):
            w.setEnabled(on)

    # --- recording ----------------------------------------------------------------------------
    def record(self) -> None:
        if self.detail is None or not self.return_button.isEnabled():
            return
        name, id_number = self.name_edit.text(), self.id_edit.text()
        try:
            validation.applicant_name(name)
            validation.citizen_id(id_number)
        except ValidationError as err:
            self.error.setText(errors.message(err))
            return
        code, method = self.detail.dossier.code, self.method_combo.currentData()
        self.ctx.worker.mutate(
            lambda svc: svc.dossiers.return_result(code, name, method, id_number=id_number),
            success=self._recorded,
            failure=self._failed,
            owner=self,
            origin=self,
        )

    def _recorded(self, detail: DossierDetail) -> None:
        code = detail.dossier.code
        self.ctx.notify(
            self.tr("{code}: result returned to {name}.").format(
                code=code, name=detail.dossier.returned_to
            ),
            "info",
        )
        self.code_edit.clear()
        self._show(None)
        self.rating.ask(code)  # takes the focus: 1/2/3, Esc gives it back to the code box
        self.returned.emit(code)

    def _failed(self, err: BaseException) -> None:
        self.error.setText(errors.message(err))
        self.ctx.errors.present(err)
