"""One dossier: every field, its documents, its timeline (who, when, from → to, early / on
time / late) and the actions its status allows, each printing its form."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from motcua_desk.ui import labels
from motcua_desk.ui.actions import DOSSIER, ActionId, Actions
from motcua_desk.ui.context import UiContext
from motcua_desk.ui.dossier_actions import DossierActions

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
TIMING_COLOURS = {"early": "#1b7f3b", "on_time": "#0b4f8a", "late": "#b00020"}
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
        self.detail: Any = None
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
        self.code_label = QLabel(self)
        self.code_label.setObjectName("codeLabel")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusLabel")
        self.due_label = QLabel(self)
        self.due_label.setObjectName("dueLabel")
        self.due_label.setWordWrap(True)
        self.warning_label = QLabel(self)
        self.warning_label.setObjectName("warningLabel")
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("color: #a15c00;")
        self.warning_label.hide()
        self.back_button = QPushButton(self.tr("← Back"), self)
        self.back_button.setToolTip(self.actions[ActionId.BACK].toolTip())

        head = QHBoxLayout()
        head.addWidget(self.code_label)
        head.addWidget(self.status_label)
        head.addStretch(1)
        head.addWidget(self.back_button)

        self.action_row = QHBoxLayout()
        self.action_row.setSpacing(6)
        for name, action_id in DOSSIER.items():
            action = self.actions[action_id]
            button = QPushButton(self)
            button.setObjectName(f"{name}Button")
            button.setText(f"{action.text()}")
            button.setToolTip(action.toolTip())
            button.setAutoDefault(True)
            button.clicked.connect(action.trigger)
            button.hide()
            self._buttons[name] = button
            self.action_row.addWidget(button)
        self.action_row.addStretch(1)

        # details: two columns of label/value pairs
        self.fields = QWidget(self)
        grid = QGridLayout(self.fields)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(4)
        self._values: dict[str, QLabel] = {}
        self._captions: dict[str, QLabel] = {}
        names = [
            ("procedure", self.tr("Procedure")),
            ("field", self.tr("Field")),
            ("department", self.tr("Lead department")),
            ("time", self.tr("Statutory time")),
            ("applicant", self.tr("Applicant")),
            ("id_number", self.tr("Citizen ID")),
            ("birth", self.tr("Date of birth")),
            ("sex", self.tr("Sex")),
            ("phone", self.tr("Phone")),
            ("address", self.tr("Address")),
            ("email", self.tr("E-mail")),
            ("sets", self.tr("Sets")),
            ("channel", self.tr("Submitted")),
            ("delivery", self.tr("Result collected")),
            ("received", self.tr("Received")),
            ("received_by", self.tr("Received by")),
            ("due", self.tr("Return at")),
            ("original_due", self.tr("First return date")),
            ("location", self.tr("Now at")),
            ("ledger", self.tr("Ledger")),
            ("supplements", self.tr("Supplement requests")),
            ("returned", self.tr("Returned")),
            ("reason", self.tr("Reason")),
            ("prints", self.tr("Printed")),
            ("rating", self.tr("Satisfaction")),
            ("ticket", self.tr("Queue ticket")),
            ("fee", self.tr("Fee collected")),
        ]
        half = (len(names) + 1) // 2
        for i, (key, title) in enumerate(names):
            col = 0 if i < half else 2
            row = i if i < half else i - half
            caption = QLabel(title + ":", self.fields)
            caption.setStyleSheet("color: #555555;")
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            value = QLabel(self.fields)
            value.setObjectName(f"value_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setMinimumWidth(160)
            grid.addWidget(caption, row, col)
            grid.addWidget(value, row, col + 1)
            self._values[key] = value
            self._captions[key] = caption
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        self.documents = QTableWidget(0, 3, self)
        self.documents.setObjectName("documentsTable")
        self.documents.setHorizontalHeaderLabels(
            [self.tr("Document"), self.tr("Form"), self.tr("Count")]
        )
        self._table_defaults(self.documents)
        header = self.documents.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

        self.timeline = QTableWidget(0, 6, self)
        self.timeline.setObjectName("timelineTable")
        self.timeline.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("What"),
                self.tr("From → to"),
                self.tr("Given / taken by"),
                self.tr("On time?"),
                self.tr("Officer"),
            ]
        )
        self._table_defaults(self.timeline)
        header = self.timeline.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        details_box = QGroupBox(self.tr("Dossier"), self)
        QVBoxLayout(details_box).addWidget(self.fields)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("dossierTabs")
        self.tabs.addTab(self.timeline, self.tr("Timeline"))
        self.tabs.addTab(self.documents, self.tr("Documents handed in"))

        scroll = QScrollArea(self)
        scroll.setWidget(details_box)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QSplitter(Qt.Orientation.Vertical, self)
        body.addWidget(scroll)
        body.addWidget(self.tabs)
        body.setStretchFactor(0, 1)
        body.setStretchFactor(1, 1)

        self.placeholder = QLabel(
            self.tr("Scan a dossier's barcode, or find it under Dossiers (F3)."), self
        )
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("color: #555555; font-size: 12pt;")

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.due_label)
        layout.addWidget(self.warning_label)
        layout.addLayout(self.action_row)
        layout.addWidget(body, 1)
        layout.addWidget(self.placeholder, 1)
        self._body = body
        self._show_body(False)

    @staticmethod
    def _table_defaults(table: QTableWidget) -> None:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(True)
        table.verticalHeader().setVisible(False)
        table.setTabKeyNavigation(False)
        table.setAlternatingRowColors(True)

    def _show_body(self, on: bool) -> None:
        self._body.setVisible(on)
        self.placeholder.setVisible(not on)
        for w in (self.code_label, self.status_label, self.due_label):
            w.setVisible(on)

    def _connect_signals(self) -> None:
        self.back_button.clicked.connect(self.back_requested)
        for name, action_id in DOSSIER.items():
            self.actions.connect(action_id, lambda n=name: self.controller.run(n))

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

    def show_detail(self, detail: Any) -> None:
        self._fill(detail)
        self.shown.emit(detail.dossier.code)

    def _fill(self, detail: Any) -> None:
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
        self._fill_timeline(detail)
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

    def _fill_fields(self, d: Any) -> None:
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

    def fee_text(self, d: Any) -> str:
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

    def _fill_timeline(self, detail: Any) -> None:
        t = self.timeline
        t.setRowCount(0)
        steps = {s.event_id: s for s in detail.steps}
        lost = {c.event_id: c for c in detail.conflicts}
        for ev in detail.events:
            row = t.rowCount()
            t.insertRow(row)
            step = steps.get(ev.id)
            what = labels.event_label(ev.type)
            extra = _event_detail(ev)
            cells = [
                labels.fmt_moment(ev.occurred_at),
                f"{what}{': ' + extra if extra else ''}",
                "",
                "",
                "",
                ev.officer,
            ]
            if step is not None:
                cells[2] = (
                    f"{labels.unit_label(step.from_unit)} → {labels.unit_label(step.to_unit)}"
                )
                people = " → ".join(p for p in (step.giver, step.receiver) if p)
                cells[3] = people
                cells[4] = labels.timing_label(step.timing)
            conflict = lost.get(ev.id)
            if conflict is not None:  # the losing row of a sync conflict: shown, not applied
                cells[1] += " " + self.tr("(not applied: it conflicts with another desk's action)")
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if conflict is not None:
                    font = item.font()
                    font.setStrikeOut(True)
                    item.setFont(font)
                    item.setForeground(QBrush(QColor("#8a4b00")))
                    item.setToolTip(
                        self.tr(
                            "Sync exception: this action reached this desk "
                            "after a conflicting one and was not applied."
                        )
                    )
                if col == 4 and step is not None and step.timing:
                    item.setForeground(QBrush(QColor(TIMING_COLOURS[step.timing])))
                    if step.deadline is not None:
                        item.setToolTip(
                            self.tr("Deadline: {when}").format(
                                when=labels.fmt_moment(step.deadline)
                            )
                        )
                t.setItem(row, col, item)
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

    def _show_warnings(self, detail: Any) -> None:
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


def _event_detail(ev: Any) -> str:
    p = ev.payload
    match ev.type:
        case "received":
            fee = p.get("fee") if isinstance(p.get("fee"), dict) else {}
            extra = [
                f"{labels.fmt_vnd(fee['amount'])} ({labels.fee_method_label(fee['method'])})"
                if type(fee.get("amount")) is int and fee.get("method")
                else "",
                str(p.get("ticket", "")),
            ]
            return " · ".join([str(p.get("code", ""))] + [x for x in extra if x])
        case "fee_recorded":
            parts = []
            if type(p.get("amount")) is int:
                parts.append(
                    f"{labels.fmt_vnd(p['amount'])} "
                    f"({labels.fee_method_label(str(p.get('method', '')))})"
                )
            if p.get("receipt_ref"):
                parts.append(str(p["receipt_ref"]))
            return " · ".join(parts)
        case "returned":
            return f"{p.get('to_name', '')} ({labels.return_method_label(p.get('method', ''))})"
        case "printed":
            title = labels.form_title(str(p.get("form", "")))
            copy = int(p.get("copy", 1) or 1)
            return title + (f" ×{copy}" if copy > 1 else "")
        case "note":
            return str(p.get("text", ""))
        case "extended":
            return f"{labels.fmt_moment(_parse(p.get('new_due_at')))} — {p.get('reason', '')}"
        case "handed_off" | "result_received":
            return ""
        case _:
            return str(p.get("reason", "") or "")


def _parse(value: Any):
    from datetime import datetime

    try:
        return datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
