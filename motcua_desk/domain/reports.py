"""The office's figures, computed from per-dossier facts: the periodic report "Biểu số 06/VPCP/KSTT"
(TT 01/2020/TT-VPCP) and what the dashboard shows. Pure: no I/O, no clock.

A dossier enters the computation as `DossierFacts` (what its events say about receipt, deadlines,
supplement pauses and how it ended); `facts_from_events` derives them from a dossier's events, the
services derive the same facts from the projection (tests hold both to the same answer).

Definitions [ours; the settings where provinces differ are in `ReportSettings`]:

- received in the period: received at or after the period's first moment and before its end;
  (4) online, (5) direct or by post.
- (6) carried over: received before the period and not finished when it starts.
- finished ("resolved"): the result, or the refusal after appraisal, is back at the desk; a stop at
  the applicant's request also ends processing (setting `stopped`: "resolved" counts it in (7) and
  again in its own column; "excluded" leaves stopped dossiers out like voided ones).
- early: finished on a date before the due date; on time: on the due date (by the due moment when
  `compare` is "timestamp"); late: after; an extended dossier is late (the original due counts).
  The due moment is the one in force: a supplement restart replaces it.
- in progress at the end: received before the end and not finished by then; overdue when its due
  moment has passed at the end; a dossier waiting for the applicant's supplements at the end is
  within the deadline when `supplement_wait_within` is set (the clock is paused).
- voided dossiers and dossiers refused at intake are left out of (3)-(13); refusals at intake in
  the period are counted in their own column.

Then (3) = (4)+(5)+(6) = (7)+(11), (7) = (8)+(9)+(10), (11) = (12)+(13) on every row.

What a report is asked for (settings, periods) is in `domain.report_periods`, the form as data
in `domain.report_forms`; the late list and the QĐ 766 indices, computed over the same facts,
are `domain.late_report` and `domain.self_check`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from motcua_desk.domain.errors import IllegalTransition, ValidationError
from motcua_desk.domain.events import Event, EventType
from motcua_desk.domain.report_forms import FormDef, column_values
from motcua_desk.domain.report_periods import Period, ReportSettings, month_shift

# How a dossier ended.
RESULT, REJECTED, STOPPED, REFUSED, VOIDED = "result", "rejected", "stopped", "refused", "voided"


# --- facts ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DossierFacts:
    dossier_id: str
    code: str
    field: str
    procedure_code: str
    procedure_name: str
    department: str
    desk_no: int
    channel: str  # direct | post | online
    received_at: datetime
    # (from, due): the due moment in force from that moment on (receipt, then each restart),
    # before any extension
    dues: tuple[tuple[datetime, datetime | None], ...]
    # (from, to): waiting for the applicant's supplements; to is None while still waiting
    pauses: tuple[tuple[datetime, datetime | None], ...] = ()
    extended: bool = False
    outcome: str = ""  # "" | result | rejected | stopped | refused | voided
    outcome_at: datetime | None = None
    supplement_count: int = 0

    def due_at(self, moment: datetime) -> datetime | None:
        due = self.dues[0][1] if self.dues else None
        for since, d in self.dues:
            if since <= moment:
                due = d
        return due

    def waiting_at(self, moment: datetime) -> bool:
        return any(a <= moment and (b is None or b > moment) for a, b in self.pauses)


def facts_from_events(dossier_id: str, events: Iterable[Event]) -> DossierFacts | None:
    """The facts of one dossier from its events, in the fold's order and with the fold's rule
    (an event the state machine refuses is skipped). None for a dossier never received."""
    from motcua_desk.domain.dossier import DossierState, apply

    state = DossierState(dossier_id=dossier_id)
    dues: list[tuple[datetime, datetime | None]] = []
    pauses: list[list[datetime | None]] = []
    outcome, outcome_at = "", None
    for ev in sorted(events, key=lambda e: e.sort_key):
        try:
            state = apply(state, ev)
        except IllegalTransition:
            continue
        at = ev.occurred_at
        p = ev.payload
        match ev.type:
            case EventType.RECEIVED:
                dues.append((at, parse_moment(p.get("due_at"))))
            case EventType.RESUBMITTED:
                dues.append((at, parse_moment(p.get("due_at"))))
                if pauses and pauses[-1][1] is None:
                    pauses[-1][1] = at
            case EventType.SUPPLEMENT_REQUESTED:
                pauses.append([at, None])
            case EventType.RESULT_RECEIVED:
                outcome, outcome_at = RESULT, at
            case EventType.REFUSED_AFTER_APPRAISAL:
                outcome, outcome_at = REJECTED, at
            case EventType.STOPPED:
                outcome, outcome_at = STOPPED, at
            case EventType.REFUSED_AT_INTAKE:
                outcome, outcome_at = REFUSED, at
            case EventType.VOIDED:
                outcome, outcome_at = VOIDED, at
            case _:
                pass
    if state.received_at is None:
        return None
    proc = state.procedure
    return DossierFacts(
        dossier_id=dossier_id,
        code=state.code,
        field=proc.get("field", ""),
        procedure_code=proc.get("code", ""),
        procedure_name=proc.get("name", ""),
        department=state.lead_department,
        desk_no=state.desk_no,
        channel=state.channel,
        received_at=state.received_at,
        dues=tuple(dues),
        pauses=tuple((a, b) for a, b in pauses),
        extended=state.extended,
        outcome=outcome,
        outcome_at=outcome_at,
        supplement_count=state.supplement_count,
    )


def parse_moment(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


# --- classification ---------------------------------------------------------------------------


def timing(finished: datetime, due: datetime | None, tz: ZoneInfo, compare: str) -> str:
    """early | on_time | late for something finished at `finished` against `due`."""
    if due is None:
        return "on_time"
    fd, dd = finished.astimezone(tz).date(), due.astimezone(tz).date()
    if fd < dd:
        return "early"
    if compare == "date":
        return "on_time" if fd == dd else "late"
    return "on_time" if finished <= due else "late"


def classify(
    f: DossierFacts, start: datetime, end: datetime, tz: ZoneInfo, settings: ReportSettings
) -> dict[str, int]:
    """The counts one dossier adds to its row for the period [start, end)."""
    out: dict[str, int] = {}
    if f.outcome == VOIDED:
        return out
    if f.outcome == REFUSED:
        if f.outcome_at is not None and start <= f.outcome_at < end:
            out["refused_at_intake"] = 1
        return out
    if f.outcome == STOPPED and settings.stopped == "excluded":
        return out
    if f.received_at >= end:
        return out
    if f.outcome_at is not None and f.outcome_at < start:
        return out  # finished before the period
    if f.received_at >= start:
        out["received_online" if f.channel == "online" else "received_direct"] = 1
    else:
        out["carried_over"] = 1
    if f.outcome_at is not None and f.outcome_at < end:
        if f.outcome == STOPPED:
            out["stopped"] = 1
            if settings.supplement_wait_within and f.waiting_at(f.outcome_at):
                out["resolved_on_time"] = 1
                return out
        if f.extended:
            kind = "late"
        else:
            kind = timing(f.outcome_at, f.due_at(f.outcome_at), tz, settings.compare)
        out[f"resolved_{kind}"] = 1
        return out
    if settings.supplement_wait_within and f.waiting_at(end):
        out["pending_within"] = 1
        return out
    due = f.due_at(end)
    out["pending_overdue" if due is not None and due < end else "pending_within"] = 1
    return out


# --- the report -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportRow:
    level: str  # group | item | total
    group: str  # the field (or department) name
    item_code: str  # procedure code on an item row, "" otherwise
    item_name: str
    counts: Mapping[str, int]  # atomic metrics
    values: Mapping[str, int]  # every column of the form


@dataclass(frozen=True)
class Report:
    form: FormDef
    period: Period
    by: str  # field | procedure | department | group
    rows: tuple[ReportRow, ...]  # group rows, each followed by its item rows
    total: ReportRow
    dossiers: Mapping[tuple[str, str], Mapping[str, tuple[str, ...]]] = field(
        default_factory=dict
    )  # (group, item) → metric → dossier codes (drill-down)


GROUPINGS: dict[str, Callable[[DossierFacts], tuple[str, str, str]]] = {
    "field": lambda f: (group_label("field", f.field, ""), f.procedure_code, f.procedure_name),
    "procedure": lambda f: (group_label("field", f.field, ""), f.procedure_code, f.procedure_name),
    "department": lambda f: (
        group_label("department", "", f.department),
        f.procedure_code,
        f.procedure_name,
    ),
    "group": lambda f: (group_label("group", f.field, ""), f.procedure_code, f.procedure_name),
}
BY_KEYS = tuple(GROUPINGS)


def _add(into: dict[str, int], counts: Mapping[str, int]) -> None:
    for k, v in counts.items():
        into[k] = into.get(k, 0) + v


UNCLASSIFIED_FIELD, UNASSIGNED_DEPARTMENT = "(Chưa phân loại)", "(Chưa phân công)"
OUTSIDE_GROUPS = "(Ngoài các nhóm lĩnh vực)"


def group_label(
    by: str, field: str, department: str, groups: Mapping[str, str] | None = None
) -> str:
    """The row a dossier falls in: its field (by field or procedure), its department, or the
    field group its field belongs to (`groups`: field → group name)."""
    if by == "department":
        return department or UNASSIGNED_DEPARTMENT
    if by == "group":
        return (groups or {}).get(field, OUTSIDE_GROUPS)
    return field or UNCLASSIFIED_FIELD


@dataclass
class Tally:
    """The counts of each (group, procedure) while a report is gathered, and with keep_codes
    the dossier codes behind each count. Filled from classified facts (`add_facts`) or from
    counts a query already classified (`add`)."""

    keep_codes: bool = False
    groups: Mapping[str, str] = field(default_factory=dict)  # field → group name (by group)
    items: dict[tuple[str, str], dict[str, int]] = field(default_factory=dict)
    names: dict[tuple[str, str], str] = field(default_factory=dict)
    codes: dict[tuple[str, str], dict[str, list[str]]] = field(default_factory=dict)

    def add(
        self, key: tuple[str, str], name: str, counts: Mapping[str, int], code: str = ""
    ) -> None:
        into = self.items.get(key)
        if into is None:
            into = self.items[key] = {}
            self.names[key] = name
        for k, v in counts.items():
            into[k] = into.get(k, 0) + v
        if self.keep_codes and code:
            per = self.codes.setdefault(key, {})
            for metric in counts:
                per.setdefault(metric, []).append(code)

    def add_facts(
        self,
        facts: Iterable[DossierFacts],
        period: Period,
        tz: ZoneInfo,
        settings: ReportSettings,
        by: str,
    ) -> None:
        start, end = period.bounds(tz)
        for f in facts:
            counts = classify(f, start, end, tz, settings)
            if counts:
                self.add(
                    (group_label(by, f.field, f.department, self.groups), f.procedure_code),
                    f.procedure_name,
                    counts,
                    f.code,
                )


def compute(
    facts: Iterable[DossierFacts],
    period: Period,
    tz: ZoneInfo,
    form: FormDef,
    settings: ReportSettings = ReportSettings(),
    by: str = "field",
    keep_codes: bool = False,
    groups: Mapping[str, str] | None = None,
) -> Report:
    """One row per group (field, department or field group) with its procedures under it, and
    the total; by procedure one row per procedure (its field beside it) and the total."""
    if by not in GROUPINGS:
        raise ValidationError(
            "by",
            f"unknown grouping {by!r} (field, procedure, department or group)",
            code="report_by",
        )
    tally = Tally(keep_codes, dict(groups or {}))
    tally.add_facts(facts, period, tz, settings, by)
    return assemble(tally, form, period, by)


def assemble(tally: Tally, form: FormDef, period: Period, by: str) -> Report:
    """The report's rows from a tally: groups in folded alphabetical order, each followed by
    its procedures in code order, then the total. By procedure: the procedures alone, in code
    order (a row each, its field as the row's group), then the total."""
    items, names, codes = tally.items, tally.names, tally.codes
    if by == "procedure":
        return _assemble_flat(tally, form, period)
    by_group: dict[str, list[tuple[str, str]]] = {}
    for key in items:
        by_group.setdefault(key[0], []).append(key)
    rows: list[ReportRow] = []
    total: dict[str, int] = {}
    for group in sorted(by_group, key=text_sort_key):
        keys = sorted(by_group[group], key=lambda k: k[1])
        group_counts: dict[str, int] = {}
        for k in keys:
            _add(group_counts, items[k])
        _add(total, group_counts)
        rows.append(
            ReportRow(
                "group", group, "", group, dict(group_counts), column_values(form, group_counts)
            )
        )
        for k in keys:
            rows.append(
                ReportRow(
                    "item", group, k[1], names[k], dict(items[k]), column_values(form, items[k])
                )
            )
    return Report(
        form=form,
        period=period,
        by=by,
        rows=tuple(rows),
        total=ReportRow("total", "", "", "Tổng cộng", dict(total), column_values(form, total)),
        dossiers={k: {m: tuple(v) for m, v in per.items()} for k, per in codes.items()},
    )


def _assemble_flat(tally: Tally, form: FormDef, period: Period) -> Report:
    rows: list[ReportRow] = []
    total: dict[str, int] = {}
    for k in sorted(tally.items, key=lambda k: (k[1], text_sort_key(k[0]))):
        _add(total, tally.items[k])
        rows.append(
            ReportRow(
                "item",
                k[0],
                k[1],
                tally.names[k],
                dict(tally.items[k]),
                column_values(form, tally.items[k]),
            )
        )
    return Report(
        form=form,
        period=period,
        by="procedure",
        rows=tuple(rows),
        total=ReportRow("total", "", "", "Tổng cộng", dict(total), column_values(form, total)),
        dossiers={k: {m: tuple(v) for m, v in per.items()} for k, per in tally.codes.items()},
    )


def fixed_offset(tz: ZoneInfo, period: Period, margin_days: int = 400) -> int | None:
    """The zone's offset from UTC in minutes when it is the same on every day from `margin_days`
    before the period to as many after it (due moments and results lie within that), else None
    (a zone with daylight saving: local dates are then computed in Python)."""
    first = datetime.combine(
        period.first - timedelta(days=margin_days), datetime.min.time(), tzinfo=tz
    )
    days = (period.last - period.first).days + 2 * margin_days + 2
    offsets = {
        (first + timedelta(days=i, hours=h)).utcoffset() for i in range(days) for h in (0, 12)
    }
    if len(offsets) != 1:
        return None
    (offset,) = offsets
    return int(offset.total_seconds() // 60) if offset is not None else None


def text_sort_key(text: str) -> str:
    from motcua_desk.domain.text import fold

    return fold(text)


# --- drill-down and months ----------------------------------------------------------------------


def column_metrics(form: FormDef, column_key: str) -> tuple[str, ...]:
    """The atomic metrics a column adds up (itself for a metric column)."""
    by_key = {c.key: c for c in form.all_columns}
    if column_key not in by_key:
        raise ValidationError(
            "column", f"no column {column_key!r} in {form.code}", code="report_column"
        )
    out: list[str] = []

    def walk(key: str) -> None:
        col = by_key[key]
        if col.metric:
            if col.metric not in out:
                out.append(col.metric)
        for k in col.sum:
            walk(k)

    walk(column_key)
    return tuple(out)


def cell_codes(report: Report, row: ReportRow, column_key: str) -> tuple[str, ...]:
    """The codes of the dossiers behind one cell (the report computed with keep_codes): an item
    row's own, a group row's items', the total's everyone's; sorted, each once."""
    metrics = column_metrics(report.form, column_key)
    found: set[str] = set()
    for (group, item), per in report.dossiers.items():
        if row.level == "item" and (group, item) != (row.group, row.item_code):
            continue
        if row.level == "group" and group != row.group:
            continue
        for m in metrics:
            found.update(per.get(m, ()))
    return tuple(sorted(found))


def months_of(period: Period) -> list[Period]:
    """The calendar months the period touches, each clipped to the period."""
    out: list[Period] = []
    first = period.first
    while first <= period.last:
        ny, nm = month_shift(first.year, first.month, 1)
        last = min(date(ny, nm, 1) - timedelta(days=1), period.last)
        out.append(Period(first, last, until=period.until))
        first = last + timedelta(days=1)
    return out


def monthly(
    facts: Sequence[DossierFacts],
    period: Period,
    tz: ZoneInfo,
    form: FormDef,
    settings: ReportSettings = ReportSettings(),
) -> list[tuple[Period, dict[str, int]]]:
    """The total row of every month of the period (facts gathered for the whole period hold
    every dossier that can count in any of its months)."""
    return [
        (m, dict(compute(facts, m, tz, form, settings).total.values)) for m in months_of(period)
    ]
