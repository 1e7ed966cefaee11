"""The late list: the dossiers of a period's Biểu 06 finished late, open past due or extended,
by department, with what their events say about the apology (Mẫu 04). Apart from
domain.reports because it is a report of its own over the same facts and classification, with
its own printed and spreadsheet forms. Pure: no I/O, no clock."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from motcua_desk.domain.events import Event, EventType
from motcua_desk.domain.report_periods import Period, ReportSettings
from motcua_desk.domain.reports import DossierFacts, classify, parse_moment, text_sort_key

# --- late dossiers and apologies (Mẫu 04) -------------------------------------------------------

LATE, OVERDUE, EXTENDED_OPEN = "late", "overdue", "extended"


@dataclass(frozen=True)
class Apology:
    """What the events say about Mẫu 04: the extension (the apology with its new date) and the
    first print of the form."""

    at: datetime | None = None
    new_due: datetime | None = None
    reason: str = ""
    printed_at: datetime | None = None
    in_time: bool | None = None  # issued at least one working day before the due moment


def apology_from_events(events: Iterable[Event]) -> Apology:
    return apology_from_steps(
        (
            str(ev.type),
            ev.occurred_at,
            parse_moment(ev.payload.get("new_due_at")),
            str(ev.payload.get("reason", "") or ""),
            str(ev.payload.get("form", "") or ""),
        )
        for ev in sorted(events, key=lambda e: e.sort_key)
    )


def apology_from_steps(steps: Iterable[tuple[str, datetime, datetime | None, str, str]]) -> Apology:
    """The apology from (type, moment, new due, reason, printed form) of a dossier's events in
    the fold's order: the first extension, and the first print of Mẫu 04."""
    at = new_due = printed = None
    reason = ""
    for type_, moment, due, why, form in steps:
        if type_ == EventType.EXTENDED and at is None:
            at, new_due, reason = moment, due, why
        elif type_ == EventType.PRINTED and form == "apology" and printed is None:
            printed = moment
    return Apology(at=at, new_due=new_due, reason=reason, printed_at=printed)


@dataclass(frozen=True)
class LateEntry:
    dossier_id: str
    code: str
    department: str
    field: str
    procedure_code: str
    procedure_name: str
    received_at: datetime
    due_at: datetime | None  # the due moment in force (before any extension)
    kind: str  # late (finished late in the period) | overdue (open past due at the end)
    #            | extended (open, extended, not yet past its original due)
    finished_at: datetime | None
    extended: bool
    apology: Apology = Apology()
    ticket: str = ""  # the queue ticket held at intake


@dataclass(frozen=True)
class LateGroup:
    department: str
    entries: tuple[LateEntry, ...]

    @property
    def counts(self) -> dict[str, int]:
        return {
            "late": sum(e.kind == LATE for e in self.entries),
            "overdue": sum(e.kind == OVERDUE for e in self.entries),
            "extended": sum(e.extended for e in self.entries),
            "apology": sum(e.apology.at is not None for e in self.entries),
            "apology_printed": sum(e.apology.printed_at is not None for e in self.entries),
            "total": len(self.entries),
        }


@dataclass(frozen=True)
class LateReport:
    period: Period
    groups: tuple[LateGroup, ...]

    @property
    def entries(self) -> tuple[LateEntry, ...]:
        return tuple(e for g in self.groups for e in g.entries)

    @property
    def counts(self) -> dict[str, int]:
        return LateGroup("", self.entries).counts


def late_entries(
    facts: Iterable[DossierFacts],
    period: Period,
    tz: ZoneInfo,
    settings: ReportSettings = ReportSettings(),
) -> list[LateEntry]:
    """The dossiers of the period's Biểu 06 that were finished late (column 10), are open past
    their due moment at the end (column 13), or were extended."""
    start, end = period.bounds(tz)
    out: list[LateEntry] = []
    for f in facts:
        counts = classify(f, start, end, tz, settings)
        if not counts or "refused_at_intake" in counts:
            continue
        if "resolved_late" in counts:
            kind = LATE
        elif "pending_overdue" in counts:
            kind = OVERDUE
        elif f.extended and "pending_within" in counts:
            kind = EXTENDED_OPEN
        else:
            continue
        finished = f.outcome_at if kind == LATE else None
        moment = finished if finished is not None else end
        out.append(
            LateEntry(
                dossier_id=f.dossier_id,
                code=f.code,
                department=f.department or "(Chưa phân công)",
                field=f.field,
                procedure_code=f.procedure_code,
                procedure_name=f.procedure_name,
                received_at=f.received_at,
                due_at=f.due_at(moment),
                kind=kind,
                finished_at=finished,
                extended=f.extended,
            )
        )
    return out


def late_report(period: Period, entries: Iterable[LateEntry]) -> LateReport:
    by_dept: dict[str, list[LateEntry]] = {}
    for e in entries:
        by_dept.setdefault(e.department, []).append(e)
    groups = tuple(
        LateGroup(d, tuple(sorted(by_dept[d], key=lambda e: (e.received_at, e.code))))
        for d in sorted(by_dept, key=text_sort_key)
    )
    return LateReport(period, groups)
