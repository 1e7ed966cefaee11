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
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from motcua_desk.domain.errors import IllegalTransition, ValidationError
from motcua_desk.domain.events import Event, EventType

MAX_PERIOD_DAYS = 3653  # about ten years

# The atomic counts the computation produces; a form's columns are these or sums of columns.
METRICS = (
    "received_online",
    "received_direct",
    "carried_over",
    "resolved_early",
    "resolved_on_time",
    "resolved_late",
    "pending_within",
    "pending_overdue",
    "refused_at_intake",
    "stopped",
)

# How a dossier ended.
RESULT, REJECTED, STOPPED, REFUSED, VOIDED = "result", "rejected", "stopped", "refused", "voided"


# --- settings and periods ---------------------------------------------------------------------


@dataclass(frozen=True)
class ReportSettings:
    """Where provinces differ. Defaults are ours (README, *Reports*)."""

    compare: str = "timestamp"  # timestamp (QĐ 766) | date (Thanh Hóa's system)
    supplement_wait_within: bool = True  # waiting for the applicant counts within the deadline
    period_start_day: int = 1  # 1: calendar months; 15: from the 15th before to the 14th
    stopped: str = "resolved"  # resolved | excluded

    def __post_init__(self) -> None:
        if self.compare not in ("timestamp", "date"):
            raise ValidationError(
                "compare",
                f"unknown comparison {self.compare!r} (timestamp or date)",
                code="report_setting",
            )
        if self.stopped not in ("resolved", "excluded"):
            raise ValidationError(
                "stopped",
                f"unknown rule {self.stopped!r} (resolved or excluded)",
                code="report_setting",
            )
        if not isinstance(self.period_start_day, int) or not 1 <= self.period_start_day <= 28:
            raise ValidationError(
                "period_start_day", "the period start day must be 1 to 28", code="report_setting"
            )
        if not isinstance(self.supplement_wait_within, bool):
            raise ValidationError(
                "supplement_wait_within", "must be true or false", code="report_setting"
            )

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any] | None) -> ReportSettings:
        known = cls.__dataclass_fields__
        return cls(**{k: v for k, v in (data or {}).items() if k in known})


@dataclass(frozen=True)
class Period:
    """Whole office-local days, both ends included."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValidationError(
                "to",
                f"the end date {self.last} is before the start date {self.first}",
                code="period_range",
            )
        if (self.last - self.first).days + 1 > MAX_PERIOD_DAYS:
            raise ValidationError(
                "to", "a report period may not exceed 10 years", code="period_too_long"
            )

    def bounds(self, tz: ZoneInfo) -> tuple[datetime, datetime]:
        """[start, end): local midnight of the first day, local midnight after the last."""
        start = datetime.combine(self.first, datetime.min.time(), tzinfo=tz)
        end = datetime.combine(self.last + timedelta(days=1), datetime.min.time(), tzinfo=tz)
        return start, end


def _month_shift(year: int, month: int, delta: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + delta
    return n // 12, n % 12 + 1


def period_of(text: str, start_day: int = 1) -> Period:
    """A named period: 2026-11 (month), 2026-Q4 (quarter), 2026-H2 (6 months), 2026 (year).
    With start_day d > 1 a month runs from day d of the month before to day d-1 of the month."""
    raw = text.strip().upper()
    try:
        if len(raw) == 4 and raw.isdigit():
            year, m1, months = int(raw), 1, 12
        elif len(raw) == 7 and raw[4] == "-" and raw[5] == "Q" and raw[6] in "1234":
            year, m1, months = int(raw[:4]), (int(raw[6]) - 1) * 3 + 1, 3
        elif len(raw) == 7 and raw[4] == "-" and raw[5] == "H" and raw[6] in "12":
            year, m1, months = int(raw[:4]), (int(raw[6]) - 1) * 6 + 1, 6
        elif len(raw) == 7 and raw[4] == "-" and raw[5:].isdigit() and 1 <= int(raw[5:]) <= 12:
            year, m1, months = int(raw[:4]), int(raw[5:]), 1
        else:
            raise ValueError(raw)
        if not 1900 <= year <= 9998:
            raise ValueError(raw)
    except ValueError:
        raise ValidationError(
            "period",
            f"{text!r} is not a period (use YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY)",
            code="period_format",
        ) from None
    if start_day == 1:
        first = date(year, m1, 1)
        ey, em = _month_shift(year, m1, months)
        last = date(ey, em, 1) - timedelta(days=1)
    else:
        sy, sm = _month_shift(year, m1, -1)
        first = date(sy, sm, start_day)
        ly, lm = _month_shift(year, m1, months - 1)
        last = date(ly, lm, start_day - 1)
    return Period(first, last)


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
                dues.append((at, _moment(p.get("due_at"))))
            case EventType.RESUBMITTED:
                dues.append((at, _moment(p.get("due_at"))))
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


def _moment(value: str | None) -> datetime | None:
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


# --- forms as data ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ColumnDef:
    key: str
    no: str
    label: str
    metric: str = ""
    sum: tuple[str, ...] = ()


@dataclass(frozen=True)
class FormDef:
    form: str
    version: int
    effective_from: date
    code: str
    legal_basis: str
    title: str
    unit: str
    columns: tuple[ColumnDef, ...]
    extra_columns: tuple[ColumnDef, ...] = ()
    groups: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def all_columns(self) -> tuple[ColumnDef, ...]:
        return self.columns + self.extra_columns


def parse_forms(data: Mapping[str, Any]) -> list[FormDef]:
    """The versions of a form from its JSON definition; raises ValidationError when malformed."""
    try:
        versions = []
        for v in data["versions"]:
            cols: list[ColumnDef] = []
            extras: list[ColumnDef] = []
            seen: set[str] = set()
            for target, items in ((cols, v["columns"]), (extras, v.get("extra_columns", []))):
                for c in items:
                    col = ColumnDef(
                        key=str(c["key"]),
                        no=str(c.get("no", "")),
                        label=str(c["label"]),
                        metric=str(c.get("metric", "")),
                        sum=tuple(str(k) for k in c.get("sum", ())),
                    )
                    if col.key in seen:
                        raise ValueError(f"column {col.key!r} twice")
                    if bool(col.metric) == bool(col.sum):
                        raise ValueError(f"column {col.key!r} needs a metric or a sum")
                    if col.metric and col.metric not in METRICS:
                        raise ValueError(f"column {col.key!r}: unknown metric {col.metric!r}")
                    seen.add(col.key)
                    target.append(col)
            for col in cols + extras:
                if any(k not in seen or k == col.key for k in col.sum):
                    raise ValueError(f"column {col.key!r} sums an unknown column")
            _sum_order(cols + extras)  # refuses a cycle
            groups = tuple(
                (str(g["label"]), tuple(str(k) for k in g["columns"])) for g in v.get("groups", ())
            )
            form = FormDef(
                form=str(data["form"]),
                version=int(v["version"]),
                effective_from=date.fromisoformat(v["effective_from"]),
                code=str(v.get("code", "")),
                legal_basis=str(v.get("legal_basis", "")),
                title=str(v.get("title", "")),
                unit=str(v.get("unit", "")),
                columns=tuple(cols),
                extra_columns=tuple(extras),
                groups=groups,
            )
            versions.append(form)
    except (KeyError, TypeError, ValueError) as err:
        raise ValidationError(
            "form", f"the report form definition is malformed: {err}", code="form_definition"
        ) from err
    if not versions:
        raise ValidationError("form", "the report form has no version", code="form_definition")
    return sorted(versions, key=lambda f: f.effective_from)


def _sum_order(cols: Sequence[ColumnDef]) -> list[str]:
    """Columns in an order where each sum follows what it adds; refuses a cycle."""
    by_key = {c.key: c for c in cols}
    done: list[str] = []
    state: dict[str, int] = {}

    def visit(key: str) -> None:
        if state.get(key) == 2:
            return
        if state.get(key) == 1:
            raise ValueError(f"column {key!r} sums itself")
        state[key] = 1
        for k in by_key[key].sum:
            visit(k)
        state[key] = 2
        done.append(key)

    for c in cols:
        visit(c.key)
    return done


def form_for(forms: Sequence[FormDef], day: date) -> FormDef:
    """The version in force on `day` (the earliest one for a day before them all)."""
    chosen = forms[0]
    for f in forms:
        if f.effective_from <= day:
            chosen = f
    return chosen


def column_values(form: FormDef, counts: Mapping[str, int]) -> dict[str, int]:
    """Every column's value from the atomic counts."""
    by_key = {c.key: c for c in form.all_columns}
    out: dict[str, int] = {}
    for key in _sum_order(form.all_columns):
        col = by_key[key]
        out[key] = int(counts.get(col.metric, 0)) if col.metric else sum(out[k] for k in col.sum)
    return {c.key: out[c.key] for c in form.all_columns}


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
    for group in sorted(by_group, key=_sort_key):
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
    for k in sorted(tally.items, key=lambda k: (k[1], _sort_key(k[0]))):
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


def _sort_key(text: str) -> str:
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
        ny, nm = _month_shift(first.year, first.month, 1)
        last = min(date(ny, nm, 1) - timedelta(days=1), period.last)
        out.append(Period(first, last))
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
            _moment(ev.payload.get("new_due_at")),
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
        for d in sorted(by_dept, key=_sort_key)
    )
    return LateReport(period, groups)


# --- QĐ 766/QĐ-TTg self-check -------------------------------------------------------------------


@dataclass(frozen=True)
class IndexValue:
    key: str  # the index number in QĐ 766, e.g. "2.1"
    name: str
    formula: str
    numerator: int
    denominator: int
    score: float | None  # percent, 2 decimals; None ("—") when the denominator is 0 or no data
    target: str = ""
    note: str = ""
    lowering: tuple[tuple[str, str], ...] = ()  # (dossier code, why), the dossiers lowering it
    parts: Mapping[str, int] = field(default_factory=dict)


def _pct(num: int, den: int) -> float | None:
    return round(100.0 * num / den, 2) if den else None


def indices(
    facts: Iterable[DossierFacts],
    period: Period,
    tz: ZoneInfo,
    settings: ReportSettings = ReportSettings(),
    ratings: Mapping[str, int] | None = None,
) -> list[IndexValue]:
    """The QĐ 766 indices a desk computes from its own dossiers: 2.1 the on-time rate (more
    than one supplement request counts as late; the citizen's waiting is left out through the
    restarted due moment; a dossier still open is judged at the period's end), 3.3 the share by
    channel, 5.4 satisfaction: 100 % − (the late share + the share rated "Không hài lòng"),
    over the dossiers 2.1 counts, from the citizens' ratings at return (`ratings`: dossier id →
    1|2|3); "—" while none of them is rated."""
    start, end = period.bounds(tz)
    counted = on_time = 0
    lowering: list[tuple[str, str]] = []
    channels = {"online": 0, "direct": 0, "post": 0}
    offline: list[tuple[str, str]] = []
    ratings = ratings or {}
    rated = {1: 0, 2: 0, 3: 0}
    unsatisfied: list[tuple[str, str]] = []
    for f in sorted(facts, key=lambda f: f.code):
        counts = classify(f, start, end, tz, settings)
        if not counts or "refused_at_intake" in counts:
            continue
        counted += 1
        rating = ratings.get(f.dossier_id)
        if rating in rated:
            rated[rating] += 1
            if rating == 3:
                unsatisfied.append((f.code, "công dân không hài lòng"))
        if f.supplement_count > 1:
            lowering.append((f.code, f"bổ sung {f.supplement_count} lần"))
        elif "resolved_late" in counts:
            lowering.append((f.code, "giải quyết quá hạn"))
        elif "pending_overdue" in counts:
            lowering.append((f.code, "đang giải quyết, quá hạn"))
        else:
            on_time += 1
        if "received_online" in counts or "received_direct" in counts:
            ch = f.channel if f.channel in channels else "direct"
            channels[ch] += 1
            if ch != "online":
                offline.append((f.code, "trực tiếp" if ch == "direct" else "bưu chính"))
    received = sum(channels.values())
    return [
        IndexValue(
            key="2.1",
            name="Tỷ lệ hồ sơ giải quyết đúng hạn",
            formula="(hồ sơ đã giải quyết trước hạn, đúng hạn + đang giải quyết trong hạn, "
            "trừ hồ sơ bổ sung quá 1 lần) ÷ hồ sơ tiếp nhận và đang giải quyết "
            "trong kỳ × 100 %",
            numerator=on_time,
            denominator=counted,
            score=_pct(on_time, counted),
            note="Yêu cầu bổ sung quá 1 lần tính là quá hạn; thời gian chờ công dân bổ sung "
            "không tính (thời hạn tính lại khi nhận đủ hồ sơ).",
            lowering=tuple(lowering),
            parts={"counted": counted, "on_time": on_time, "lowering": len(lowering)},
        ),
        IndexValue(
            key="3.3",
            name="Tỷ lệ hồ sơ tiếp nhận trực tuyến",
            formula="hồ sơ tiếp nhận trực tuyến ÷ hồ sơ tiếp nhận trong kỳ × 100 %",
            numerator=channels["online"],
            denominator=received,
            score=_pct(channels["online"], received),
            target="Tối đa điểm khi ≥ 50 %",
            note=f"Trực tiếp {_pct_text(channels['direct'], received)}, bưu chính "
            f"{_pct_text(channels['post'], received)}.",
            lowering=tuple(offline),
            parts=dict(channels),
        ),
        _satisfaction(counted, len(lowering), rated, unsatisfied),
    ]


def _satisfaction(
    counted: int, late: int, rated: Mapping[int, int], unsatisfied: list[tuple[str, str]]
) -> IndexValue:
    name = "Mức độ hài lòng"
    formula = "100 % − (tỷ lệ hồ sơ quá hạn + tỷ lệ hồ sơ có phản ánh, không hài lòng)"
    target = "Tối đa điểm khi ≥ 90 %"
    total = sum(rated.values())
    if not counted or not total:
        return IndexValue(
            key="5.4",
            name=name,
            formula=formula,
            numerator=0,
            denominator=0,
            score=None,
            target=target,
            note="Chưa có dữ liệu đánh giá của công dân.",
            parts={
                "rated": 0,
                "very_satisfied": 0,
                "satisfied": 0,
                "unsatisfied": 0,
                "late": late,
                "counted": counted,
            },
        )
    bad = rated[3]
    score = max(0.0, round(100.0 - 100.0 * late / counted - 100.0 * bad / counted, 2))
    return IndexValue(
        key="5.4",
        name=name,
        formula=formula,
        numerator=max(0, counted - late - bad),
        denominator=counted,
        score=score,
        target=target,
        note=f"{total} hồ sơ được công dân đánh giá: rất hài lòng {rated[1]}, hài lòng "
        f"{rated[2]}, không hài lòng {bad}; quá hạn {late} (chỉ số 2.1). Hồ sơ quá hạn "
        "mà công dân cũng không hài lòng bị tính cả hai lần, như công thức.",
        lowering=tuple(unsatisfied),
        parts={
            "rated": total,
            "very_satisfied": rated[1],
            "satisfied": rated[2],
            "unsatisfied": bad,
            "late": late,
            "counted": counted,
        },
    )


def _pct_text(num: int, den: int) -> str:
    p = _pct(num, den)
    return "—" if p is None else f"{p:.2f} %".replace(".", ",")


# --- period presets (the window) ----------------------------------------------------------------

PRESETS = ("this_month", "last_month", "this_quarter", "this_year")


def preset_period(kind: str, today: date) -> Period:
    """The period a preset names on `today` (calendar months; the current ones up to today's
    end of month, quarter or year)."""
    y, m = today.year, today.month
    if kind == "this_month":
        return period_of(f"{y:04d}-{m:02d}")
    if kind == "last_month":
        py, pm = _month_shift(y, m, -1)
        return period_of(f"{py:04d}-{pm:02d}")
    if kind == "this_quarter":
        return period_of(f"{y:04d}-Q{(m - 1) // 3 + 1}")
    if kind == "this_year":
        return period_of(f"{y:04d}")
    raise ValidationError("preset", f"unknown period preset {kind!r}", code="period_preset")
