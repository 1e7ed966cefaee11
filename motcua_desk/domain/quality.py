"""Per handoff step and department, and the quality facts of TT 01/2018/TT-VPCP Điều 13 that a
desk holds (actual against statutory time, time per department, supplement requests,
departments involved, channel). Pure: no I/O, no clock.

A *step* is one stay of the paper dossier at one unit, from the handoff that brought it there to
the one that took it away:

- the desk's transfer step: from receipt (or the complete dossier back after supplements) to the
  handoff to a department; due by the transfer deadline (the same working day, or by the
  office's `transfer_deadline` of the next working day after the cut-off);
- a department's step: from the handoff to it to the handoff on (to another department), the
  result or the refusal back at the desk, or a request for supplements; due within the
  department's step allowance (`step_working_days`) when it hands on to another department,
  never after the dossier's due moment; the result back is due by the dossier's due moment.

The dossier's due moment is the one in force at the step's end (a supplement restart replaces
it) before any extension: an extended dossier's late step is late, as in Biểu 06. Early: on a
date before the deadline's date; on time: by the deadline; late: after it. A step's time is
the working time between its two handoffs, in working days (the office's working hours; a day
is one full working day, 8 hours in the default hours), waits for the applicant included.

A step counts in a period when it ended in it; a step still open at the period's end is "in
progress" there (overdue when its deadline has passed by then).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from motcua_desk.domain.calendar import WorkCalendar
from motcua_desk.domain.errors import IllegalTransition
from motcua_desk.domain.events import Event
from motcua_desk.domain.report_periods import Period, ReportSettings
from motcua_desk.domain.reports import DossierFacts, classify, timing

DESK = "desk"
TRANSFER, DEPARTMENT = "transfer", "department"
# the moves that end a department's step (handed_off, result_received, refused_after_appraisal,
# supplement_requested) or end the dossier's path without a timing (stopped, voided)
HANDED_OFF, RESULT, REJECTED, SUPPLEMENT = (
    "handed_off",
    "result_received",
    "refused_after_appraisal",
    "supplement_requested",
)
RESUBMITTED, CLOSED = "resubmitted", "closed"
DESK_LABEL = "Bộ phận Một cửa (chuyển hồ sơ)"


def transfer_deadline(cal: WorkCalendar, received: datetime, by: time) -> datetime:
    """The desk hands a dossier over the same working day, or (received at or after the
    cut-off, or outside a working day) by `by` o'clock of the next working day [ours]."""
    local = cal.to_local(received)
    h = cal.hours
    closing = h.closing
    if cal.is_working_day(local.date()) and local.time() < h.cutoff:
        return local.replace(hour=closing.hour, minute=closing.minute, second=0, microsecond=0)
    start, _ = cal.clock_start(local)
    return start.replace(hour=by.hour, minute=by.minute, second=0, microsecond=0)


class WorkClock:
    """Working time between moments in O(1) per call: a running sum of each day's working
    seconds (built lazily over the days asked for) plus the part of the day worked by the
    moment. The same figures as WorkCalendar.working_time_between, many times faster (a
    year's report measures hundreds of thousands of steps)."""

    def __init__(self, cal: WorkCalendar) -> None:
        self.cal = cal
        self.tz = cal.hours.tz
        self.segments = [
            (s.hour * 3600 + s.minute * 60, e.hour * 3600 + e.minute * 60)
            for s, e in cal.hours.segments
        ]
        self.day_seconds = cal.hours.day_length.total_seconds()
        self._prefix: dict[date, float] = {}
        self._lo: date | None = None
        self._hi: date | None = None
        self._working: dict[date, bool] = {}
        # a zone with one offset all year round (Vietnam's): local time by arithmetic
        probe = datetime(2000, 1, 1, tzinfo=self.tz)
        offsets = {(probe + timedelta(days=d)).utcoffset() for d in range(0, 366 * 3, 15)}
        self._offset = offsets.pop().total_seconds() if len(offsets) == 1 else None
        self._by_day: dict[int, tuple[float, bool]] = {}

    def _works(self, d: date) -> bool:
        w = self._working.get(d)
        if w is None:
            w = self._working[d] = self.cal.is_working_day(d)
        return w

    def _day_total(self, d: date) -> float:
        return sum(e - s for s, e in self.segments) if self._works(d) else 0.0

    def _before(self, d: date) -> float:
        """Working seconds from the first day built to the start of day d."""
        if self._lo is None:
            self._lo = self._hi = d
            self._prefix[d] = 0.0
        while d > self._hi:
            nxt = self._hi + timedelta(days=1)
            self._prefix[nxt] = self._prefix[self._hi] + self._day_total(self._hi)
            self._hi = nxt
        while d < self._lo:
            prev = self._lo - timedelta(days=1)
            self._prefix[prev] = self._prefix[self._lo] - self._day_total(prev)
            self._lo = prev
        return self._prefix[d]

    def seconds_at(self, moment: datetime) -> float:
        if self._offset is not None:
            t = moment.timestamp() + self._offset
            day = int(t // 86400)
            sec = t - day * 86400
            known = self._by_day.get(day)
            if known is None:
                d = date(1970, 1, 1) + timedelta(days=day)
                known = self._by_day[day] = (self._before(d), self._works(d))
            total, works = known
            if works:
                for s, e in self.segments:
                    if sec > s:
                        total += min(sec, e) - s
            return total
        local = moment.astimezone(self.tz)
        d = local.date()
        total = self._before(d)
        if self._works(d):
            sec = local.hour * 3600 + local.minute * 60 + local.second + local.microsecond / 1e6
            for s, e in self.segments:
                if sec > s:
                    total += min(sec, e) - s
        return total

    def days_between(self, a: datetime, b: datetime) -> float:
        return (self.seconds_at(b) - self.seconds_at(a)) / self.day_seconds


@dataclass(frozen=True)
class Move:
    """One event of a dossier's path, in the fold's order: kind is one of HANDED_OFF, RESULT,
    REJECTED, SUPPLEMENT, RESUBMITTED, CLOSED (stopped or voided)."""

    kind: str
    at: datetime
    from_unit: str = ""
    to_unit: str = ""


MOVE_KINDS = {
    "handed_off": HANDED_OFF,
    "result_received": RESULT,
    "refused_after_appraisal": REJECTED,
    "supplement_requested": SUPPLEMENT,
    "resubmitted": RESUBMITTED,
    "stopped": CLOSED,
    "voided": CLOSED,
}


def moves_from_events(events: Iterable[Event]) -> list[Move]:
    """A dossier's moves from its events with the fold's rule (an event the state machine
    refuses is skipped)."""
    from motcua_desk.domain.dossier import DossierState, apply

    state = DossierState(dossier_id="")
    out: list[Move] = []
    for ev in sorted(events, key=lambda e: e.sort_key):
        try:
            state = apply(state, ev)
        except IllegalTransition:
            continue
        kind = MOVE_KINDS.get(str(ev.type))
        if kind is not None:
            p = ev.payload
            out.append(
                Move(
                    kind, ev.occurred_at, str(p.get("from_unit") or ""), str(p.get("to_unit") or "")
                )
            )
    return out


@dataclass(frozen=True)
class StepFact:
    code: str
    unit: str  # DESK for the transfer step, else the department
    kind: str  # TRANSFER | DEPARTMENT
    start: datetime
    end: datetime | None  # None: still there
    deadline: datetime | None
    ended_by: str = ""  # the move that ended it


class _TransferDeadlines:
    """transfer_deadline, remembered per office-local date and side of the cut-off (all it
    depends on)."""

    def __init__(self, cal: WorkCalendar, by: time) -> None:
        self.cal, self.by = cal, by
        self.memo: dict[tuple[date, bool], datetime] = {}

    def __call__(self, at: datetime) -> datetime:
        local = self.cal.to_local(at)
        key = (local.date(), local.time() < self.cal.hours.cutoff)
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = transfer_deadline(self.cal, local, self.by)
        return found


def steps_of(
    f: DossierFacts,
    moves: Sequence[Move],
    cal: WorkCalendar,
    step_days: Mapping[str, float],
    transfer_by: time,
    deadlines: _TransferDeadlines | None = None,
) -> list[StepFact]:
    """The steps of one dossier from its moves (see the module's rules)."""
    deadline_of = deadlines or _TransferDeadlines(cal, transfer_by)
    out: list[StepFact] = []
    at_desk_since: datetime | None = f.received_at
    dept: str | None = None
    dept_since: datetime | None = None
    for m in moves:
        if m.kind == RESUBMITTED:
            at_desk_since, dept, dept_since = m.at, None, None
            continue
        if (
            dept is not None
            and dept_since is not None
            and m.kind in (HANDED_OFF, RESULT, REJECTED, SUPPLEMENT, CLOSED)
        ):
            due = f.due_at(m.at)
            if m.kind == CLOSED:
                deadline = None
            elif m.kind in (HANDED_OFF, SUPPLEMENT):
                days = step_days.get(dept)
                deadline = (
                    cal.add_working_time(dept_since, timedelta(hours=8) * days) if days else due
                )
                if due is not None and deadline is not None:
                    deadline = min(deadline, due)
            else:
                deadline = due
            out.append(StepFact(f.code, dept, DEPARTMENT, dept_since, m.at, deadline, m.kind))
            dept = dept_since = None
        if m.kind == HANDED_OFF:
            if (m.from_unit or DESK) == DESK and at_desk_since is not None:
                out.append(
                    StepFact(
                        f.code,
                        DESK,
                        TRANSFER,
                        at_desk_since,
                        m.at,
                        deadline_of(at_desk_since),
                        HANDED_OFF,
                    )
                )
                at_desk_since = None
            dept, dept_since = m.to_unit, m.at
        elif m.kind in (RESULT, REJECTED, SUPPLEMENT, CLOSED):
            at_desk_since = None
    end_state_open = f.outcome == ""
    if end_state_open:
        if dept is not None and dept_since is not None:
            out.append(StepFact(f.code, dept, DEPARTMENT, dept_since, None, None))
        elif at_desk_since is not None:
            out.append(
                StepFact(f.code, DESK, TRANSFER, at_desk_since, None, deadline_of(at_desk_since))
            )
    return out


def open_deadline(
    s: StepFact,
    f: DossierFacts,
    cal: WorkCalendar,
    step_days: Mapping[str, float],
    moment: datetime,
) -> datetime | None:
    """The deadline of a step still open at `moment`: the transfer deadline at the desk; the
    department's allowance (or the due moment, whichever is earlier) at a department."""
    if s.kind == TRANSFER:
        return s.deadline
    due = f.due_at(moment)
    days = step_days.get(s.unit)
    allowance = cal.add_working_time(s.start, timedelta(hours=8) * days) if days else None
    if allowance is None:
        return due
    return allowance if due is None else min(allowance, due)


@dataclass
class StepRow:
    """One row of the steps table: a unit's steps in the period."""

    unit: str
    kind: str
    early: int = 0
    on_time: int = 0
    late: int = 0
    total_days: float = 0.0
    open: int = 0
    open_overdue: int = 0
    codes: dict[str, list[str]] = field(default_factory=dict)  # early|on_time|late|open → codes

    @property
    def finished(self) -> int:
        return self.early + self.on_time + self.late

    @property
    def average_days(self) -> float | None:
        return round(self.total_days / self.finished, 2) if self.finished else None

    @property
    def label(self) -> str:
        return DESK_LABEL if self.kind == TRANSFER else self.unit

    def as_dict(self) -> dict:
        return {
            "unit": self.label,
            "kind": self.kind,
            "finished": self.finished,
            "early": self.early,
            "on_time": self.on_time,
            "late": self.late,
            "on_time_pct": pct(self.early + self.on_time, self.finished),
            "average_working_days": self.average_days,
            "total_working_days": round(self.total_days, 2),
            "in_progress": self.open,
            "in_progress_overdue": self.open_overdue,
        }


@dataclass(frozen=True)
class DossierQuality:
    """The Art. 13 facts of one dossier counted in the period."""

    code: str
    field: str
    procedure_code: str
    procedure_name: str
    channel: str
    received_at: datetime
    finished_at: datetime | None
    result: str  # the Biểu 06 column: resolved_early | resolved_on_time | resolved_late |
    #              pending_within | pending_overdue
    statutory_days: float | None  # from the clock's (re)start to the due moment in force
    actual_days: float  # from the same start to the finish (or to the period's end, open)
    supplements: int
    departments: tuple[tuple[str, float], ...]  # each department involved, its working days


@dataclass(frozen=True)
class QualityReport:
    period: Period
    steps: tuple[StepRow, ...]
    dossiers: tuple[DossierQuality, ...]

    def summary(self) -> dict:
        done = [d for d in self.dossiers if d.finished_at is not None]
        within = sum(d.result in ("resolved_early", "resolved_on_time") for d in done)
        stat = [d.statutory_days for d in done if d.statutory_days is not None]
        channels = {"online": 0, "direct": 0, "post": 0}
        for d in self.dossiers:
            channels[d.channel if d.channel in channels else "direct"] += 1
        n = len(self.dossiers)
        involved = [len(d.departments) for d in self.dossiers]
        return {
            "dossiers": n,
            "finished": len(done),
            "finished_within_time": within,
            "finished_within_time_pct": pct(within, len(done)),
            "average_actual_working_days": _avg([d.actual_days for d in done]),
            "average_statutory_working_days": _avg(stat),
            "supplement_requests": sum(d.supplements for d in self.dossiers),
            "dossiers_with_supplements": sum(d.supplements > 0 for d in self.dossiers),
            "dossiers_with_more_than_one_supplement": sum(d.supplements > 1 for d in self.dossiers),
            "average_departments_involved": _avg(involved),
            "dossiers_with_several_departments": sum(k > 1 for k in involved),
            "channels": channels,
            "channels_pct": {k: pct(v, n) for k, v in channels.items()},
        }


def pct(num: int, den: int) -> float | None:
    return round(100.0 * num / den, 2) if den else None


def _avg(values: Sequence[float]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


def quality(
    facts: Iterable[DossierFacts],
    moves: Mapping[str, Sequence[Move]],
    period: Period,
    cal: WorkCalendar,
    step_days: Mapping[str, float],
    transfer_by: time,
    settings: ReportSettings | None = None,
    keep_codes: bool = False,
) -> QualityReport:
    """The steps table (per unit) and the per-dossier facts of the period. `moves`: dossier id
    → its moves in the fold's order."""
    settings = settings or ReportSettings()
    tz: ZoneInfo = cal.hours.tz
    start, end = period.bounds(tz)
    clock = WorkClock(cal)
    deadlines = _TransferDeadlines(cal, transfer_by)
    rows: dict[tuple[str, str], StepRow] = {}
    dossiers: list[DossierQuality] = []
    for f in facts:
        steps = steps_of(f, moves.get(f.dossier_id, ()), cal, step_days, transfer_by, deadlines)
        per_dept: dict[str, float] = {}
        for s in steps:
            if s.start >= end:
                continue
            if s.end is not None and s.end < start:
                if s.kind == DEPARTMENT:
                    per_dept[s.unit] = per_dept.get(s.unit, 0.0) + clock.days_between(
                        s.start, s.end
                    )
                continue
            stop = s.end if s.end is not None and s.end < end else end
            days = clock.days_between(s.start, stop)
            if s.kind == DEPARTMENT:
                per_dept[s.unit] = per_dept.get(s.unit, 0.0) + days
            if s.end is not None and s.ended_by == CLOSED and s.end < end:
                continue  # stopped or voided there: no timing
            row = rows.get((s.kind, s.unit))
            if row is None:
                row = rows[(s.kind, s.unit)] = StepRow(s.unit, s.kind)
            if s.end is not None and s.end < end:
                kind = timing(s.end, s.deadline, tz, settings.compare)
                setattr(row, kind, getattr(row, kind) + 1)
                row.total_days += days
            else:
                kind = "open"
                row.open += 1
                deadline = open_deadline(s, f, cal, step_days, end) if s.end is None else s.deadline
                if deadline is not None and deadline < end:
                    row.open_overdue += 1
            if keep_codes:
                row.codes.setdefault(kind, []).append(f.code)
        counts = classify(f, start, end, tz, settings)
        if not counts or "refused_at_intake" in counts:
            continue
        result = next((k for k in counts if k.startswith(("resolved_", "pending_"))), "")
        finished = f.outcome_at if f.outcome_at is not None and f.outcome_at < end else None
        moment = finished if finished is not None else end
        since = f.received_at
        due = None
        for s_at, d in f.dues:
            if s_at <= moment:
                since, due = s_at, d
        dossiers.append(
            DossierQuality(
                code=f.code,
                field=f.field,
                procedure_code=f.procedure_code,
                procedure_name=f.procedure_name,
                channel=f.channel,
                received_at=f.received_at,
                finished_at=finished,
                result=result,
                statutory_days=round(clock.days_between(since, due), 2) if due else None,
                actual_days=round(clock.days_between(since, moment), 2),
                supplements=f.supplement_count,
                departments=tuple((d, round(v, 2)) for d, v in per_dept.items()),
            )
        )
    ordered = sorted(rows.values(), key=lambda r: (r.kind != TRANSFER, _fold(r.unit)))
    return QualityReport(
        period, tuple(ordered), tuple(sorted(dossiers, key=lambda d: (d.received_at, d.code)))
    )


def _fold(text: str) -> str:
    from motcua_desk.domain.text import fold

    return fold(text)


def steps_total(rows: Sequence[StepRow]) -> StepRow:
    t = StepRow("Tổng cộng", "total")
    for r in rows:
        t.early += r.early
        t.on_time += r.on_time
        t.late += r.late
        t.total_days += r.total_days
        t.open += r.open
        t.open_overdue += r.open_overdue
    return t
