"""Helpers shared by the command modules: argument types, output, opening the services."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from motcua_desk.domain.dto import DossierDetail, DossierView, StepView
from motcua_desk.domain.errors import ValidationError


def parse_moment(text: str, field: str = "time") -> datetime:
    """ISO 8601 date and time; without an offset it is office-local (returned naive)."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError as err:
        raise ValidationError(field, f"{text!r} is not a date and time (use YYYY-MM-DDTHH:MM, "
                              "e.g. 2026-11-23T09:10)", code="moment_format") from err
    if len(text.strip()) <= 10:
        raise ValidationError(field, f"{text!r} has no time of day (use YYYY-MM-DDTHH:MM)",
                              code="moment_format")
    return value


def parse_day(text: str, field: str = "date") -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError as err:
        raise ValidationError(field, f"{text!r} is not a date (use YYYY-MM-DD)",
                              code="date_format") from err


def iso_minute(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.replace(second=0, microsecond=0).isoformat(timespec="minutes")


def dossier_json(d: DossierView) -> dict[str, Any]:
    return {
        "code": d.code, "id": d.id, "status": d.status, "status_label": d.status_label,
        "national_status": d.national_status, "procedure_code": d.procedure_code,
        "procedure_name": d.procedure_name, "field": d.field, "department": d.department,
        "applicant_name": d.applicant_name, "id_number": d.id_number, "phone": d.phone,
        "address": d.address, "email": d.email, "sets": d.sets,
        "received_at": iso_minute(d.received_at), "due_at": iso_minute(d.due_at),
        "original_due_at": iso_minute(d.original_due_at), "due_explanation": d.due_explanation,
        "extended": d.extended, "location": d.location, "supplement_count": d.supplement_count,
        "result_at": iso_minute(d.result_at), "returned_at": iso_minute(d.returned_at),
        "returned_to": d.returned_to, "return_method": d.return_method,
        "ledger": {"year": d.ledger_year, "book": d.ledger_book, "number": d.ledger_number},
        "desk_no": d.desk_no,
    }


def step_json(s: StepView) -> dict[str, Any]:
    return {"kind": s.kind, "from": s.from_unit, "to": s.to_unit, "giver": s.giver,
            "receiver": s.receiver, "at": iso_minute(s.at), "deadline": iso_minute(s.deadline),
            "timing": s.timing}


def detail_json(detail: DossierDetail, with_events: bool = False) -> dict[str, Any]:
    out = dossier_json(detail.dossier)
    out["documents"] = [{"name": x.name, "form": x.form, "count": x.count, "checked": x.checked}
                        for x in detail.dossier.documents]
    out["allowed_actions"] = list(detail.allowed_actions)
    if detail.warnings:
        out["warnings"] = list(detail.warnings)
    if with_events:
        out["events"] = [{"type": e.type, "occurred_at": iso_minute(e.occurred_at),
                          "recorded_at": iso_minute(e.recorded_at), "officer": e.officer,
                          "summary": e.summary, "payload": dict(e.payload)} for e in detail.events]
        out["steps"] = [step_json(s) for s in detail.steps]
        out["conflicts"] = [{"event_id": c.event_id, "reason": c.reason,
                             "description": c.description} for c in detail.conflicts]
    return out


def emit_json(obj: Any) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def fmt(moment: datetime | None) -> str:
    return f"{moment:%d/%m/%Y %H:%M}" if moment else "—"


def print_dossier(detail: DossierDetail) -> None:
    d = detail.dossier
    print(f"{d.code}  {d.status_label} ({d.status}, national {d.national_status})")
    print(f"  {d.procedure_code} {d.procedure_name}")
    print(f"  applicant: {d.applicant_name}  {d.id_number}  {d.phone}")
    print(f"  received {fmt(d.received_at)}  due {fmt(d.due_at)}"
          + (f"  (originally {fmt(d.original_due_at)})" if d.extended else ""))
    if d.due_explanation:
        print(f"  {d.due_explanation}")
    if d.location:
        print(f"  at: {d.location}")
    for w in detail.warnings:
        print(f"  warning: {WARNINGS.get(w, w)}")


WARNINGS = {
    "late_apology": "the apology is issued later than one working day before the due moment",
    "new_due_not_working_day": "the new return date is not a working day",
}


@dataclass
class Context:
    """What a command handler gets: its arguments and a lazily opened service set."""

    args: argparse.Namespace
    db_path: Path
    _services: Any = None
    create: bool = False

    @property
    def services(self):
        if self._services is None:
            from motcua_desk.app import open_services

            self._services = open_services(self.db_path, create=self.create)
        return self._services

    def close(self) -> None:
        if self._services is not None:
            self._services.close()
