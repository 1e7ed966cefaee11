"""One dossier: every field, its documents, its timeline (who, when, from → to, early / on
time / late) and the actions its status allows, each printing its form.

The layout is forms/dossier.ui; the action buttons, one per dossier action, are made here
and put in the form's action row. The timeline's rows are ui.dossier_timeline; the actions
themselves, dialog → change → print, ui.dossier_actions."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QPushButton, QTableWidgetItem, QWidget

from motcua_desk.ui import dossier_timeline, labels
from motcua_desk.ui.actions import DOSSIER, ActionId, Actions
from motcua_desk.ui.context import UiContext
from motcua_desk.ui.dossier_actions import DossierActions
from motcua_desk.ui.dossier_timeline import TIMING_COLOURS  # noqa: F401 - the old import path
from motcua_desk.ui.forms.ui_dossier import Ui_DossierForm
from motcua_desk.ui.papers_view import PapersView

if TYPE_CHECKING:
    from motcua_desk.domain.dto import DossierDetail, DossierView

log = logging.getLogger("motcua.ui.dossier")

STATUS_COLOURS = {
    "received": "#0b4f8a",
    "in_process": "#0b4f8a",
    "supplement_requested": "#a15c00",
    "result_ready": "#1b7f3b",
    "returned": "#555555",
    "refused": "#b00020",
    "rejected": "#b00020",
    "stopped": "#555555",
    "voided": "#555555",
}
# the field grid of forms/dossier.ui: caption_KEY and value_KEY, in reading order
FIELDS = (
    "procedure", "field", "department", "time", "applicant", "id_number", "birth", "sex",
    "phone", "address", "email", "sets", "channel", "delivery", "received", "received_by",
    "due", "original_due", "location", "ledger", "supplements", "returned", "reason",
    "prints", "rating", "ticket", "fee",
)  # fmt: skip
# the next step for each status: where the focus lands when a dossier opens
PRIMARY = {
    "received": "handoff",
    "in_process": "receive_result",
    "result_ready": "return",
    "rejected": "return",
    "supplement_requested": "resubmit",
}


class DossierPage(QWidget):
    shown = Signal(str)  # code, after the view has been filled
    back_requested = Signal()

    def __init__(self, ctx: UiContext, actions: Actions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actions = actions
        self.detail: DossierDetail | None = None
        self._loading_code = ""
        self._gen = 0
        self._buttons: dict[str, QPushButton] = {}
        self.current_dialog = None  # the action's dialog last opened
        self.controller = DossierActions(self)  # the actions: dialog → change → print
        self._build()
        self.actions.attach(self, DOSSIER.values(), local=True)
        self._connect_signals()

    # --- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        """forms/dossier.ui: the head, the lines under it, the field grid, the two tables and
        the placeholder; here, what depends on the actions (a button per dossier action, in
        the action row) and what Designer cannot say (columns' resizing, the splitter's
        stretch, the warning line hidden until there is one)."""
        self.ui = Ui_DossierForm()
        self.ui.setupUi(self)
        ui = self.ui
        self.code_label = ui.codeLabel
        self.status_label = ui.statusLabel
        self.due_label = ui.dueLabel
        self.warning_label = ui.warningLabel
        self.warning_label.hide()
        self.back_button = ui.backButton
        self.back_button.setToolTip(self.actions[ActionId.BACK].toolTip())
        self.action_row = ui.actionRow
        previous: QWidget = self.back_button
        for i, (name, action_id) in enumerate(DOSSIER.items()):
            action = self.actions[action_id]
            button = QPushButton(self)
            button.setObjectName(f"{name}Button")
            button.setText(f"{action.text()}")
            button.setToolTip(action.toolTip())
            button.setAutoDefault(True)
            button.clicked.connect(action.trigger)
            button.hide()
            self._buttons[name] = button
            self.action_row.insertWidget(i, button)
            QWidget.setTabOrder(previous, button)  # right after Back, as they read
            previous = button
        self.action_row.setStretch(len(DOSSIER), 1)
        self.fields = ui.fields
        ui.fieldsGrid.setContentsMargins(-1, -1, -1, -1)  # the style's, not uic's 0 (as before)
        self._values: dict[str, QLabel] = {}
        self._captions: dict[str, QLabel] = {}
        for key in FIELDS:
            self._values[key] = getattr(ui, f"value_{key}")
            self._captions[key] = getattr(ui, f"caption_{key}")
        self.documents = ui.documentsTable
        header = self.documents.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.timeline = ui.timelineTable
        header = self.timeline.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # what happened takes the width left and wraps (its row grows to fit, again whenever
        # the column's width changes): a long line (a digitised paper's, a note) never pushes
        # the officer column out of sight
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.timeline.setWordWrap(True)
        header.sectionResized.connect(self._timeline_resized)
        self.tabs = ui.dossierTabs
        self.papers = PapersView(self.ctx, ui.papersPage)  # Giấy tờ số hóa (ui.papers_view)
        ui.papersLayout.addWidget(self.papers)
        self.papers.on_screen = self.isVisible  # a scan is offered to the dossier on screen
        # setupUi gives the captions their words after the scroll area took its widget's size
        # hint: measured again with them, the details get the height they had before the form
        ui.fields.updateGeometry()
        ui.detailsScroll.setWidget(ui.detailsScroll.takeWidget())
        self._body = ui.body
        self._body.setStretchFactor(0, 1)
        self._body.setStretchFactor(1, 1)
        self.placeholder = ui.placeholder
        self._show_body(False)

    def _timeline_resized(self, index: int, _old: int, _new: int) -> None:
        if index == 1:  # the wrapped column: its rows' heights follow its width
            self.timeline.resizeRowsToContents()

    def _show_body(self, on: bool) -> None:
        self._body.setVisible(on)
        self.placeholder.setVisible(not on)
        for w in (self.code_label, self.status_label, self.due_label):
            w.setVisible(on)

    def _connect_signals(self) -> None:
        self.back_button.clicked.connect(self.back_requested)
        self.papers.changed.connect(self.reload)
        for name, action_id in DOSSIER.items():
            self.actions.connect(action_id, lambda n=name: self.controller.run(n))

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.papers.offer_scans()  # a scan that came while another page was shown

    # --- loading ------------------------------------------------------------------------------
    @property
    def code(self) -> str:
        return self.detail.dossier.code if self.detail is not None else ""

    @property
    def loading_code(self) -> str:
        """The code last asked for (shown or still on its way)."""
        return self._loading_code

    def load(self, code: str, *, on_found=None, on_missing=None) -> None:
        """Look the code up on the worker; fill the view when found."""
        self._gen += 1
        gen = self._gen
        self._loading_code = code

        def found(detail):
            if gen == self._gen:
                self._fill(detail)
                if on_found:
                    on_found(detail)
                self.shown.emit(detail.dossier.code)

        def missing(err):
            if gen != self._gen:
                return
            if on_missing:
                on_missing(err)
            else:
                self.ctx.errors.present(err)

        self.ctx.worker.query(
            lambda svc: svc.dossiers.find_by_code(code), success=found, failure=missing, owner=self
        )

    def reload(self) -> None:
        if self.detail is not None:
            self.load(self.detail.dossier.code)

    def on_changed(self, changes) -> None:
        if (
            self.detail is not None
            and changes.origin is not self
            and changes.touches(self.detail.dossier.code)
        ):
            self.reload()

    def show_detail(self, detail: DossierDetail) -> None:
        self._fill(detail)
        self.shown.emit(detail.dossier.code)

    def _fill(self, detail: DossierDetail) -> None:
        self.detail = detail
        d = detail.dossier
        self._show_body(True)
        self.code_label.setText(d.code)
        colour = STATUS_COLOURS.get(d.status, "#333333")
        self.status_label.setText(labels.status_label(d.status))
        self.status_label.setStyleSheet(
            f"color: white; background: {colour}; padding: 3px 10px; border-radius: 8px; "
            "font-weight: bold;"
        )
        due = labels.fmt_due(d.due_at)
        text = self.tr("Return at {due}").format(due=due) if due else ""
        if d.due_explanation:
            text += f" — {d.due_explanation}"
        self.due_label.setText(text)
        self._fill_fields(d)
        self._fill_documents(d.documents)
        self.papers.show_dossier(d.code)
        dossier_timeline.fill(self.timeline, detail)
        self._show_warnings(detail)
        allowed = set(detail.allowed_actions)
        for name, button in self._buttons.items():
            visible = name in allowed
            button.setVisible(visible)
            self.actions[DOSSIER[name]].setEnabled(visible)

    def focus_primary(self) -> None:
        if self.detail is None:
            return
        allowed = self.detail.allowed_actions
        name = PRIMARY.get(self.detail.dossier.status, "reprint")
        if name not in allowed:
            name = "reprint" if "reprint" in allowed else ""
        for button_name, button in self._buttons.items():
            button.setStyleSheet("font-weight: bold;" if button_name == name else "")
        if name:
            self._buttons[name].setFocus()

    def _fill_fields(self, d: DossierView) -> None:
        v = self._values
        v["procedure"].setText(f"{d.procedure_name} ({d.procedure_code})")
        v["field"].setText(d.field)
        v["department"].setText(d.department)
        v["time"].setText(d.time_label)
        v["applicant"].setText(d.applicant_name)
        v["id_number"].setText(d.id_number)
        v["birth"].setText(getattr(d, "birth_date_label", ""))
        v["sex"].setText(labels.sex_label(getattr(d, "sex", "")))
        v["phone"].setText(d.phone)
        v["address"].setText(d.address)
        v["email"].setText(d.email)
        v["sets"].setText(str(d.sets))
        v["channel"].setText(labels.channel_label(d.channel))
        v["delivery"].setText(labels.delivery_label(d.result_delivery))
        v["received"].setText(labels.fmt_moment(d.received_at))
        v["received_by"].setText(d.received_by)
        v["due"].setText(labels.fmt_due(d.due_at))
        v["original_due"].setText(labels.fmt_due(d.original_due_at) if d.extended else "")
        since = labels.fmt_moment(d.location_since)
        v["location"].setText(
            self.tr("{unit} since {since}").format(unit=labels.unit_label(d.location), since=since)
            if d.location
            else ""
        )
        v["ledger"].setText(
            self.tr("Book {book}, no. {number}").format(book=d.ledger_book, number=d.ledger_number)
            if d.ledger_number
            else ""
        )
        v["supplements"].setText(str(d.supplement_count) if d.supplement_count else "")
        v["returned"].setText(
            self.tr("{when} to {who} ({how})").format(
                when=labels.fmt_moment(d.returned_at),
                who=d.returned_to,
                how=labels.return_method_label(d.return_method),
            )
            if d.returned_at
            else ""
        )
        v["reason"].setText(d.closing_reason or d.extension_reason)
        v["prints"].setText(
            ", ".join(
                f"{labels.form_title(k).split(' (')[0]} ×{n}" for k, n in sorted(d.prints.items())
            )
        )
        rating = getattr(d, "rating", 0)
        v["rating"].setText(
            self.tr("{rating} — {reason}").format(
                rating=labels.rating_label(rating), reason=d.rating_reason
            )
            if rating and d.rating_reason
            else labels.rating_label(rating)
        )
        v["ticket"].setText(getattr(d, "ticket", ""))
        v["fee"].setText(self.fee_text(d))
        for key, value in v.items():  # an empty line says nothing: leave it out
            shown = bool(value.text())
            value.setVisible(shown)
            self._captions[key].setVisible(shown)

    def fee_text(self, d: DossierView) -> str:
        """Each payment: amount, method, the e-receipt reference (the officer's, the day)."""
        parts = []
        for f in getattr(d, "fees", ()):
            text = self.tr("{amount} ({method}, {when})").format(
                amount=labels.fmt_vnd(f.amount),
                method=labels.fee_method_label(f.method),
                when=labels.fmt_moment(f.at),
            )
            if f.receipt_ref:
                text += " — " + self.tr("e-receipt {ref}").format(ref=f.receipt_ref)
            parts.append(text)
        if not parts and getattr(d, "receipt_ref", ""):
            parts.append(self.tr("e-receipt {ref}").format(ref=d.receipt_ref))
        return "; ".join(parts)

    def _fill_documents(self, documents) -> None:
        t = self.documents
        t.setRowCount(0)
        for doc in documents:
            row = t.rowCount()
            t.insertRow(row)
            name = QTableWidgetItem(("☑ " if doc.checked else "☐ ") + doc.name)
            name.setToolTip(doc.name)
            t.setItem(row, 0, name)
            t.setItem(row, 1, QTableWidgetItem(labels.document_form_label(doc.form)))
            t.setItem(row, 2, QTableWidgetItem(str(doc.count)))
        t.resizeRowsToContents()

    def warning_lines(self, warnings) -> list[str]:
        lines = []
        if "late_apology" in warnings:
            lines.append(
                self.tr("The apology was issued less than one working day before the return date.")
            )
        if "new_due_not_working_day" in warnings:
            lines.append(self.tr("The new return date is not a working day."))
        return lines

    _sticky: tuple[str, tuple[str, ...]] = ("", ())

    def _show_warnings(self, detail: DossierDetail) -> None:
        code = detail.dossier.code
        if detail.warnings:  # the last action's warnings stay until another dossier opens
            self._sticky = (code, tuple(detail.warnings))
        warnings = self._sticky[1] if self._sticky[0] == code else ()
        lines = self.warning_lines(warnings)
        if detail.conflicts:
            lines.append(
                self.tr(
                    "{n} sync exception(s) on this dossier: another desk acted on "
                    "it at the same time."
                ).format(n=len(detail.conflicts))
            )
        self.warning_label.setText("\n".join(lines))
        self.warning_label.setVisible(bool(lines))
