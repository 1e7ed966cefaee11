"""The dossier page's timeline: a row per event (when, what and its details, from → to, given
/ taken by, early / on time / late against the step's deadline, the officer), and a sync
exception's losing event struck out. Split from ui.dossier_page (which fills everything else);
its strings keep DossierPage's translation context.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from motcua_desk.ui import labels

if TYPE_CHECKING:
    from motcua_desk.domain.dto import DossierDetail, EventView

translate = QCoreApplication.translate

TIMING_COLOURS = {"early": "#1b7f3b", "on_time": "#0b4f8a", "late": "#b00020"}


def fill(t: QTableWidget, detail: DossierDetail) -> None:
    """One row per event, in the agreed order; a sync conflict's losing row struck out."""
    t.setRowCount(0)
    steps = {s.event_id: s for s in detail.steps}
    lost = {c.event_id: c for c in detail.conflicts}
    for ev in detail.events:
        row = t.rowCount()
        t.insertRow(row)
        step = steps.get(ev.id)
        what = labels.event_label(ev.type)
        extra = event_detail(ev)
        cells = [
            labels.fmt_moment(ev.occurred_at),
            f"{what}{': ' + extra if extra else ''}",
            "",
            "",
            "",
            ev.officer,
        ]
        if step is not None:
            cells[2] = f"{labels.unit_label(step.from_unit)} → {labels.unit_label(step.to_unit)}"
            people = " → ".join(p for p in (step.giver, step.receiver) if p)
            cells[3] = people
            cells[4] = labels.timing_label(step.timing)
        conflict = lost.get(ev.id)
        if conflict is not None:  # the losing row of a sync conflict: shown, not applied
            cells[1] += " " + translate(
                "DossierPage", "(not applied: it conflicts with another desk's action)"
            )
        for col, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if conflict is not None:
                font = item.font()
                font.setStrikeOut(True)
                item.setFont(font)
                item.setForeground(QBrush(QColor("#8a4b00")))
                item.setToolTip(
                    translate(
                        "DossierPage",
                        "Sync exception: this action reached this desk "
                        "after a conflicting one and was not applied.",
                    )
                )
            if col == 4 and step is not None and step.timing:
                item.setForeground(QBrush(QColor(TIMING_COLOURS[step.timing])))
                if step.deadline is not None:
                    item.setToolTip(
                        translate("DossierPage", "Deadline: {when}").format(
                            when=labels.fmt_moment(step.deadline)
                        )
                    )
            t.setItem(row, col, item)
    t.resizeRowsToContents()


def event_detail(ev: EventView) -> str:
    """What the "What" column adds to the event's name: its payload in words."""
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
        case "digitised":
            state = {  # the paper tab's words (ui/papers_view.py), in its context
                "scanned": translate("PapersView", "Digitised — not digitally signed"),
                "shown": translate("PapersView", "Shown only (no copy kept)"),
                "reused": translate("PapersView", "Reused from dossier {code}").format(
                    code=p.get("reused_from", "")
                ),
                "classified": translate("PapersView", "Classified (not digitised)"),
            }.get(str(p.get("state", "")), "")
            return " — ".join(x for x in (str(p.get("name", "")), state) if x)
        case _:
            return str(p.get("reason", "") or "")


def _parse(value: object) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
