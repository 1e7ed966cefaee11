"""The office's figures: the queries that gather per-dossier facts for a period and hand them to
the pure computation in domain.reports.

Most dossiers are read from the projection alone (one row each). A dossier whose projection cannot
say where it stood at a past moment — it was sent back for supplements (its due moment moved and
it waited), or it carries a sync conflict — is folded from its events instead, through the same
`facts_from_events` the tests check the projection path against.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from motcua_desk import paths
from motcua_desk.domain.errors import ValidationError
from motcua_desk.domain.late_report import (
    Apology,
    LateReport,
    apology_from_steps,
    late_entries,
    late_report,
)
from motcua_desk.domain.quality import (
    MOVE_KINDS,
    Move,
    QualityReport,
    moves_from_events,
    quality,
    steps_total,
)
from motcua_desk.domain.report_forms import FormDef, form_for, parse_forms
from motcua_desk.domain.report_periods import Period, ReportSettings, period_of
from motcua_desk.domain.reports import (
    BY_KEYS,
    REFUSED,
    REJECTED,
    RESULT,
    STOPPED,
    DossierFacts,
    Report,
    Tally,
    assemble,
    compute,
    facts_from_events,
    fixed_offset,
    group_label,
    monthly,
    months_of,
)
from motcua_desk.domain.self_check import IndexValue, indices
from motcua_desk.services.base import ServiceBase
from motcua_desk.services.settings import SettingsService, parse_hhmm
from motcua_desk.store import repo
from motcua_desk.store.types import utc_text

SETTINGS_KEY = "reports"
SCOPES = ("desk", "office")

_COLUMNS = (
    "id, code, field, procedure_code, procedure_name, department, desk_no, channel, "
    "received_at, original_due_at, extended, status, result_at, location_since, "
    "supplement_count, conflict_count"
)

# The dossiers that can count in a period [:s, :e), in five disjoint parts each served by an
# index: received in the period (ix_dossiers_received); received before it and still open, or
# finished in or after it (ix_dossiers_status_due by status, ix_dossiers_returned for the many
# returned ones; "+received_at" and INDEXED BY keep SQLite from scanning ix_dossiers_received or
# the table for those, which would read every older dossier: with few statuses, ANALYZE makes
# the status index look unselective). Voided dossiers and refusals at intake are not among them.
CANDIDATES_SQL = """
SELECT {cols} FROM dossiers WHERE received_at >= :s AND received_at < :e
  AND status NOT IN ('voided', 'refused')
  AND NOT (status IN ('result_ready', 'returned', 'rejected') AND result_at < :s)
  AND NOT (status = 'stopped' AND location_since < :s) {desk}
UNION ALL
SELECT {cols} FROM dossiers INDEXED BY ix_dossiers_status_due WHERE +received_at < :s
  AND status IN ('received', 'in_process', 'supplement_requested') {desk}
UNION ALL
SELECT {cols} FROM dossiers INDEXED BY ix_dossiers_status_due
  WHERE status IN ('result_ready', 'rejected') AND +received_at < :s
  AND result_at >= :s {desk}
UNION ALL
SELECT {cols} FROM dossiers WHERE returned_at >= :s AND status = 'returned'
  AND +received_at < :s AND result_at >= :s {desk}
UNION ALL
SELECT {cols} FROM dossiers INDEXED BY ix_dossiers_status_due
  WHERE status = 'stopped' AND +received_at < :s
  AND location_since >= :s {desk}
"""

# Biểu 06's cells for the dossiers the projection can speak for (no supplement, no conflict),
# classified by SQLite with the rules of domain.reports.classify for such a dossier (one due
# moment; the office-local date by a fixed offset :off, e.g. '+420 minutes'); the property tests
# hold it to the event fold. :by_date 1 compares dates (Thanh Hóa), :excl_stopped 1 leaves
# stopped dossiers out. Rows starting with 0 are the cells (grouped, or one per dossier), rows
# starting with 1 the dossiers sent back for supplements or with a conflict, whole: one read
# of the candidates (materialised) serves both.
CLASSIFIED_SQL = """
WITH c AS MATERIALIZED ({candidates}),
k AS (
  SELECT field, department, procedure_code, procedure_name, code, status,
    CASE WHEN received_at >= :s THEN
           CASE WHEN channel = 'online' THEN 'received_online' ELSE 'received_direct' END
         ELSE 'carried_over' END AS rec,
    CASE WHEN fin IS NOT NULL AND fin < :e THEN
           CASE WHEN extended THEN 'resolved_late'
                WHEN due IS NULL THEN 'resolved_on_time'
                WHEN date(fin, :off) < date(due, :off) THEN 'resolved_early'
                WHEN :by_date THEN
                  CASE WHEN date(fin, :off) = date(due, :off) THEN 'resolved_on_time'
                       ELSE 'resolved_late' END
                WHEN fin <= due THEN 'resolved_on_time'
                ELSE 'resolved_late' END
         WHEN due IS NOT NULL AND due < :e THEN 'pending_overdue'
         ELSE 'pending_within' END AS res,
    (status = 'stopped' AND fin < :e) AS stp
  FROM (SELECT *, original_due_at AS due,
               CASE WHEN status IN ('result_ready', 'returned', 'rejected') THEN result_at
                    WHEN status = 'stopped' THEN location_since END AS fin FROM c)
  WHERE supplement_count = 0 AND conflict_count = 0
    AND NOT (:excl_stopped AND status = 'stopped'))
{select}
UNION ALL
SELECT 1, {cols} FROM c WHERE supplement_count > 0 OR conflict_count > 0
"""
_PAD = ", NULL" * 8  # the cells' rows are as wide as the whole dossiers' rows
GROUPED = (
    "SELECT 0, field, department, procedure_code, MAX(procedure_name), rec, res, stp, "
    f"COUNT(*){_PAD} FROM k GROUP BY field, department, procedure_code, rec, res, stp"
)
PER_DOSSIER = (
    f"SELECT 0, field, department, procedure_code, procedure_name, rec, res, stp, code{_PAD} FROM k"
)

# The due moments and the waits of dossiers sent back for supplements, in the fold's order:
# with no conflict every event of theirs was applied, so these three kinds say it all.
RESTARTS_SQL = (
    "SELECT dossier_id, type, occurred_at, json_extract(payload, '$.due_at') "
    "FROM events WHERE dossier_id IN ({ids}) "
    "AND type IN ('received', 'supplement_requested', 'resubmitted') "
    "ORDER BY dossier_id, hlc, node_id, id"
)
_CHUNK = 500

# The extension (Mẫu 04 and its new date) and the prints of the late dossiers' forms.
APOLOGY_SQL = (
    "SELECT dossier_id, type, occurred_at, json_extract(payload, '$.new_due_at'), "
    "json_extract(payload, '$.reason'), json_extract(payload, '$.form') FROM events "
    "WHERE dossier_id IN ({ids}) AND type IN ('extended', 'printed') "
    "ORDER BY dossier_id, hlc, node_id, id"
)

# The moves of the dossiers' paths (domain.quality): handoffs, results and refusals back,
# supplement requests and restarts, stops and voids, in the fold's order.
MOVES_SQL = (
    "SELECT dossier_id, type, occurred_at, json_extract(payload, '$.from_unit'), "
    "json_extract(payload, '$.to_unit') FROM events WHERE dossier_id IN ({ids}) "
    "AND type IN ('handed_off', 'result_received', 'refused_after_appraisal', "
    "'supplement_requested', 'resubmitted', 'stopped', 'voided') "
    "ORDER BY dossier_id, hlc, node_id, id"
)

# Refusals at intake in the period (ix_events_type_time).
REFUSED_SQL = (
    f"SELECT {', '.join('d.' + c.strip() for c in _COLUMNS.split(','))}, MIN(e.occurred_at) "
    "FROM events e JOIN dossiers d ON d.id = e.dossier_id "
    "WHERE e.type = 'refused_at_intake' AND e.occurred_at >= :s AND e.occurred_at < :e "
    "AND d.status = 'refused' {desk} GROUP BY d.id"
)


def _utc(text: str | None) -> datetime | None:
    # "+00:00" parsed by fromisoformat is several times faster than .replace(tzinfo=UTC)
    return datetime.fromisoformat(text + "+00:00") if text else None


def _utc_or_iso(text: str | None) -> datetime | None:
    """A due moment as the events carry it (ISO 8601 with its offset)."""
    return datetime.fromisoformat(text) if text else None


def _outcome(status: str, result_at: str | None, since: str | None):
    if status in ("result_ready", "returned"):
        return RESULT, _utc(result_at)
    if status == "rejected":
        return REJECTED, _utc(result_at)
    if status == "stopped":
        return STOPPED, _utc(since)
    return "", None


def _rejected_since(raw, start: str) -> set[str]:
    """The dossiers refused after appraisal at or after `start` (a returned one's projection
    row no longer says it was a refusal): few, from ix_events_type_time."""
    return {
        d
        for (d,) in raw.execute(
            "SELECT dossier_id FROM events WHERE type = 'refused_after_appraisal' "
            "AND occurred_at >= ?",
            (start,),
        )
    }


def _row_facts(
    r, dues=None, pauses=(), rejected: frozenset[str] | set[str] = frozenset()
) -> DossierFacts:
    """Facts from a projection row (the _COLUMNS order); `dues` and `pauses` for a dossier
    whose due moment moved, else its one due moment from receipt. `rejected`: the ids of the
    dossiers refused after appraisal (a returned one's row no longer says so)."""
    outcome, at = _outcome(r[11], r[12], r[13])
    if outcome == RESULT and r[11] == "returned" and r[0] in rejected:
        outcome = REJECTED  # the refusal was handed back: resolved by a refusal, as the fold says
    received = _utc(r[8])
    return DossierFacts(
        dossier_id=r[0],
        code=r[1],
        field=r[2],
        procedure_code=r[3],
        procedure_name=r[4],
        department=r[5],
        desk_no=r[6],
        channel=r[7],
        received_at=received,
        dues=dues if dues is not None else ((received, _utc(r[9])),),
        pauses=tuple(pauses),
        extended=bool(r[10]),
        outcome=outcome,
        outcome_at=at,
        supplement_count=r[14],
    )


def _dbapi(session):
    """The sqlite3 connection under a read session (its transaction): rows as plain tuples."""
    return session.connection().connection.driver_connection


@dataclass(frozen=True)
class Dashboard:
    report: Report
    months: list[tuple[Period, dict[str, int]]]
    late: LateReport
    indices: list[IndexValue]
    scope: ReportScope
    tz: ZoneInfo
    quality: QualityReport | None = None
    facts: tuple[DossierFacts, ...] = ()  # kept for the quality facts computed after


@dataclass(frozen=True)
class ReportScope:
    scope: str = "desk"  # desk: this desk's dossiers; office: every dossier this desk holds
    desk_no: int | None = None  # with office: only the dossiers received at that desk
    group: str | None = None  # only the fields of this field group (the office's groups)

    def label(self) -> str:
        if self.desk_no is not None:
            text = f"Quầy số {self.desk_no}"
        else:
            text = "Toàn đơn vị" if self.scope == "office" else "Quầy này"
        return text + (f", nhóm lĩnh vực {self.group}" if self.group else "")


class ReportService(ServiceBase):
    def __init__(
        self, store, clock, settings: SettingsService, calendar=None, catalog=None
    ) -> None:
        super().__init__(store, clock)
        self.settings = settings
        self.calendar = calendar  # CalendarService: whether an apology went out in time
        self.catalog = catalog  # CatalogService: field groups, departments' step allowances
        self._forms: dict[str, list[FormDef]] = {}

    # --- settings and forms -------------------------------------------------------------------
    def report_settings(self) -> ReportSettings:
        return ReportSettings.from_mapping(self.settings.get(SETTINGS_KEY, {}))

    def set_report_settings(self, **changes) -> ReportSettings:
        current = asdict(self.report_settings())
        unknown = set(changes) - set(current)
        if unknown:
            raise ValidationError(
                "settings", f"unknown report settings {sorted(unknown)}", code="unknown_setting"
            )
        new = ReportSettings(**{**current, **{k: v for k, v in changes.items() if v is not None}})
        self.settings.put(SETTINGS_KEY, asdict(new))
        return new

    def forms(self, name: str = "bieu06") -> list[FormDef]:
        if name not in self._forms:
            path = paths.resources_dir() / "reports" / f"{name}.json"
            try:
                data = json.loads(path.read_text("utf-8"))
            except FileNotFoundError:
                raise ValidationError(
                    "form", f"no report form {name!r}", code="unknown_form"
                ) from None
            self._forms[name] = parse_forms(data)
        return self._forms[name]

    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.settings.office().tz_name)

    # --- periods ------------------------------------------------------------------------------
    def named_period(self, text: str) -> Period:
        return period_of(text, self.report_settings().period_start_day)

    @staticmethod
    def period_between(first: date, last: date) -> Period:
        return Period(first, last)

    # --- facts --------------------------------------------------------------------------------
    def _where(self, period: Period, scope: ReportScope) -> tuple[dict, str]:
        if scope.scope not in SCOPES:
            raise ValidationError(
                "scope", f"unknown scope {scope.scope!r} (desk or office)", code="report_scope"
            )
        start, end = period.bounds(self.tz())
        args: dict = {"s": utc_text(start), "e": utc_text(end)}
        fields = self._group_fields(scope, args)
        desk_no = scope.desk_no
        if desk_no is None and scope.scope == "desk":
            desk_no = self.settings.agency().desk_no
        if desk_no is None:
            return args, fields
        args["desk"] = desk_no
        return args, "AND desk_no = :desk" + fields

    def _group_fields(self, scope: ReportScope, args: dict) -> str:
        """The SQL filter of a field group (its fields as parameters), "" without one."""
        if not scope.group:
            return ""
        if self.catalog is None:
            raise ValidationError("group", "field groups need the catalog", code="unknown_group")
        fields = self.catalog.group_fields(scope.group)  # refuses an unknown group
        names = [f"f{i}" for i in range(len(fields))]
        args.update(zip(names, fields, strict=True))
        return " AND field IN (" + ", ".join(":" + n for n in names) + ")" if names else " AND 0"

    def _refused_and_folded(
        self, raw, session, args: dict, desk: str, moved: list
    ) -> list[DossierFacts]:
        """The refusals at intake in the period, and the facts of the dossiers in `moved`
        (projection rows of dossiers sent back for supplements, or with a sync conflict): the
        conflict-free ones from their due moments and waits, the others (and refused ones that
        carry a conflict) folded from all their events."""
        out: list[DossierFacts] = []
        folded: list[str] = []
        refused_sql = REFUSED_SQL.format(
            desk=desk.replace("desk_no", "d.desk_no").replace("field IN", "d.field IN")
        )
        for r in raw.execute(refused_sql, args):
            if r[14] or r[15]:
                folded.append(r[0])
                continue
            received = _utc(r[8])
            out.append(
                DossierFacts(
                    dossier_id=r[0],
                    code=r[1],
                    field=r[2],
                    procedure_code=r[3],
                    procedure_name=r[4],
                    department=r[5],
                    desk_no=r[6],
                    channel=r[7],
                    received_at=received,
                    dues=((received, _utc(r[9])),),
                    extended=bool(r[10]),
                    outcome=REFUSED,
                    outcome_at=_utc(r[16]),
                )
            )
        restarted = []
        for r in moved:
            (folded if r[15] else restarted).append(r)
        rejected = _rejected_since(raw, args["s"]) if restarted else set()
        for i in range(0, len(restarted), _CHUNK):
            chunk = restarted[i : i + _CHUNK]
            steps: dict[str, list] = {}
            sql = RESTARTS_SQL.format(ids=",".join("?" * len(chunk)))
            for dossier_id, type_, at, due in raw.execute(sql, [r[0] for r in chunk]):
                steps.setdefault(dossier_id, []).append((type_, _utc(at), _utc_or_iso(due)))
            for r in chunk:
                dues: list[tuple[datetime, datetime | None]] = []
                pauses: list[list] = []
                for type_, at, due in steps.get(r[0], ()):
                    if type_ == "supplement_requested":
                        pauses.append([at, None])
                        continue
                    dues.append((at, due))
                    if type_ == "resubmitted" and pauses and pauses[-1][1] is None:
                        pauses[-1][1] = at
                out.append(_row_facts(r, tuple(dues), [(a, b) for a, b in pauses], rejected))
        if folded:
            events = repo.load_events_many(session, folded)
            for dossier_id in folded:
                f = facts_from_events(dossier_id, events.get(dossier_id, ()))
                if f is not None:
                    out.append(f)
        return out

    def facts(self, period: Period, scope: ReportScope = ReportScope()) -> list[DossierFacts]:
        """Every dossier that can count in the period, as facts."""
        args, desk = self._where(period, scope)
        out: list[DossierFacts] = []
        moved: list = []
        with self.store.read() as session:
            raw = _dbapi(session)
            sql = CANDIDATES_SQL.format(cols=_COLUMNS, desk=desk)
            # refusals after appraisal that can count: their moment is the dossier's result_at,
            # at or after the period's start
            rejected = _rejected_since(raw, args["s"])
            for r in raw.execute(sql, args):
                if r[14] or r[15]:  # supplements or conflicts: from their events
                    moved.append(r)
                    continue
                out.append(_row_facts(r, rejected=rejected))
            out += self._refused_and_folded(raw, session, args, desk, moved)
        return out

    # --- reports ------------------------------------------------------------------------------
    def bieu06(
        self,
        period: Period,
        scope: ReportScope = ReportScope(),
        by: str = "field",
        keep_codes: bool = False,
    ) -> Report:
        """Biểu số 06/VPCP/KSTT for the period, in the form version in force at its end.

        In an office whose time zone keeps one offset (Vietnam's does), SQLite classifies the
        dossiers the projection speaks for and hands back counts (or, with keep_codes, one row
        per dossier); only refusals at intake and the dossiers with supplements or conflicts
        become facts, classified in Python. Elsewhere every dossier goes through the facts."""
        form = form_for(self.forms("bieu06"), period.last)
        if by not in BY_KEYS:
            raise ValidationError(
                "by",
                f"unknown grouping {by!r} (field, procedure, department or group)",
                code="report_by",
            )
        tz, rs = self.tz(), self.report_settings()
        groups = self.field_to_group() if by == "group" else {}
        offset = fixed_offset(tz, period)
        if offset is None:
            return compute(
                self.facts(period, scope),
                period,
                tz,
                form,
                rs,
                by=by,
                keep_codes=keep_codes,
                groups=groups,
            )
        args, desk = self._where(period, scope)
        args.update(
            off=f"{offset:+d} minutes",
            by_date=int(rs.compare == "date"),
            excl_stopped=int(rs.stopped == "excluded"),
        )
        candidates = CANDIDATES_SQL.format(cols=_COLUMNS, desk=desk)
        tally = Tally(keep_codes, groups)
        with self.store.read() as session:
            raw = _dbapi(session)
            sql = CLASSIFIED_SQL.format(
                candidates=candidates, cols=_COLUMNS, select=PER_DOSSIER if keep_codes else GROUPED
            )
            moved = []
            for r in raw.execute(sql, args):
                if r[0]:
                    moved.append(r[1:])
                    continue
                _, fld, dept, proc, name, rec, res, stp, last = r[:9]
                n, code = (1, last) if keep_codes else (last, "")
                counts = {rec: n, res: n}
                if stp:
                    counts["stopped"] = n
                tally.add((group_label(by, fld, dept, groups), proc), name, counts, code)
            facts = self._refused_and_folded(raw, session, args, desk, moved)
        tally.add_facts(facts, period, tz, rs, by)
        return assemble(tally, form, period, by)

    def bieu06_and_months(
        self,
        period: Period,
        scope: ReportScope = ReportScope(),
        by: str = "field",
        keep_codes: bool = False,
    ) -> tuple[Report, list[tuple[Period, dict[str, int]]]]:
        """Biểu 06 and the total of each of its months."""
        return (
            self.bieu06(period, scope, by=by, keep_codes=keep_codes),
            self.months(period, scope),
        )

    def months(
        self,
        period: Period,
        scope: ReportScope = ReportScope(),
        facts: Sequence[DossierFacts] | None = None,
    ) -> list[tuple[Period, dict[str, int]]]:
        """The total row of Biểu 06 for every calendar month of the period (the bars): a query
        per month where SQLite classifies, else from the period's facts (given or read)."""
        tz = self.tz()
        if fixed_offset(tz, period) is not None:
            return [(m, dict(self.bieu06(m, scope).total.values)) for m in months_of(period)]
        form = form_for(self.forms("bieu06"), period.last)
        if facts is None:
            facts = self.facts(period, scope)
        return monthly(facts, period, tz, form, self.report_settings())

    def field_to_group(self) -> dict[str, str]:
        """field → the name of its field group (the office's groups; --by group)."""
        if self.catalog is None:
            return {}
        return {f: g.name for g in self.catalog.field_groups() for f in g.fields}

    # --- handoff steps and the quality facts (TT 01/2018 Điều 13) -----------------------------
    def quality(
        self,
        period: Period,
        scope: ReportScope = ReportScope(),
        facts: Sequence[DossierFacts] | None = None,
        keep_codes: bool = False,
    ) -> QualityReport:
        """Per handoff step and department (early / on time / late, the average working days)
        and the per-dossier quality facts of the period, from one read of the dossiers' moves
        (the handoffs, results, refusals, supplements and restarts in their events)."""
        if facts is None:
            facts = self.facts(period, scope)
        if self.calendar is None:
            raise ValidationError(
                "calendar", "the steps need the working calendar", code="report_calendar"
            )
        cal = self.calendar.calendar()
        office = self.settings.office()
        step_days = (
            {d.name: d.step_working_days for d in self.catalog.departments()}
            if self.catalog is not None
            else {}
        )
        moves = self._moves([f.dossier_id for f in facts])
        return quality(
            facts,
            moves,
            period,
            cal,
            step_days,
            parse_hhmm(office.transfer_deadline, "transfer_deadline"),
            self.report_settings(),
            keep_codes=keep_codes,
        )

    def _moves(self, ids: Sequence[str]) -> dict[str, list[Move]]:
        """dossier id → its moves in the fold's order. A dossier with a sync conflict is folded
        event by event (an event the fold refuses is no move); the others are read as they
        are (with no conflict the fold applied every event of theirs)."""
        out: dict[str, list[Move]] = {}
        conflicted: list[str] = []
        with self.store.read() as session:
            raw = _dbapi(session)
            for i in range(0, len(ids), _CHUNK):
                chunk = list(ids[i : i + _CHUNK])
                marks = ",".join("?" * len(chunk))
                bad = {
                    r[0]
                    for r in raw.execute(
                        f"SELECT id FROM dossiers WHERE id IN ({marks}) AND conflict_count > 0",
                        chunk,
                    )
                }
                conflicted += bad
                for dossier_id, type_, at, src, dst in raw.execute(
                    MOVES_SQL.format(ids=marks), chunk
                ):
                    if dossier_id in bad:
                        continue
                    out.setdefault(dossier_id, []).append(
                        Move(MOVE_KINDS[type_], _utc(at), src or "", dst or "")
                    )
            if conflicted:
                events = repo.load_events_many(session, conflicted)
                for dossier_id in conflicted:
                    out[dossier_id] = moves_from_events(events.get(dossier_id, ()))
        return out

    def late(self, period: Period, scope: ReportScope = ReportScope()) -> LateReport:
        """The dossiers finished late, open past due at the end, or extended in the period, per
        department, with whether and when the apology (Mẫu 04) went out."""
        return self._late(self.facts(period, scope), period)

    def _late(self, facts: Sequence[DossierFacts], period: Period) -> LateReport:
        entries = late_entries(facts, period, self.tz(), self.report_settings())
        if not entries:
            return late_report(period, entries)
        steps: dict[str, list] = {}
        tickets: dict[str, str] = {}
        with self.store.read() as session:
            raw = _dbapi(session)
            ids = [e.dossier_id for e in entries]
            for i in range(0, len(ids), _CHUNK):
                chunk = ids[i : i + _CHUNK]
                sql = APOLOGY_SQL.format(ids=",".join("?" * len(chunk)))
                for dossier_id, type_, at, due, reason, form in raw.execute(sql, chunk):
                    steps.setdefault(dossier_id, []).append(
                        (type_, _utc(at), _utc_or_iso(due), reason or "", form or "")
                    )
                tickets.update(
                    raw.execute(
                        "SELECT id, queue_ticket FROM dossiers WHERE queue_ticket != '' AND id IN "
                        f"({','.join('?' * len(chunk))})",
                        chunk,
                    )
                )
        cal = self.calendar.calendar() if self.calendar is not None else None
        by_id = {f.dossier_id: f for f in facts}
        done = []
        for e in entries:
            apology = apology_from_steps(steps.get(e.dossier_id, ()))
            if apology.at is not None and cal is not None:
                due = by_id[e.dossier_id].due_at(apology.at)
                if due is not None:
                    limit = cal.subtract_working_time(cal.to_local(due), cal.hours.day_length)
                    apology = replace(apology, in_time=apology.at <= limit)
            if e.dossier_id in tickets:
                e = replace(e, ticket=tickets[e.dossier_id])
            done.append(replace(e, apology=apology) if apology != Apology() else e)
        return late_report(period, done)

    def dashboard(
        self,
        period: Period,
        scope: ReportScope = ReportScope(),
        by: str = "field",
        progress: Callable[[int, str], None] | None = None,
        with_quality: bool = True,
    ) -> Dashboard:
        """Everything the Reports screen shows: Biểu 06 (with the dossiers behind each cell),
        its months, the late list, the QĐ 766 indices, the handoff steps and the quality facts
        (the last four from one read of the facts). `progress(percent, stage)` is called
        between the parts (from the thread computing). Without `with_quality` the steps and
        the quality facts are left for later: the dashboard keeps the facts they need
        (`quality(period, scope, dashboard.facts)`), so the figures show sooner."""

        def say(pct: int, stage: str) -> None:
            if progress is not None:
                progress(pct, stage)

        say(0, "bieu06")
        report = self.bieu06(period, scope, by=by, keep_codes=True)
        say(25, "facts")
        facts = self.facts(period, scope)
        tz, rs = self.tz(), self.report_settings()
        say(40, "months")
        months = self.months(period, scope, facts)
        say(55, "late")
        late = self._late(facts, period)
        values = indices(facts, period, tz, rs, ratings=self.ratings())
        q = None
        if with_quality and self.calendar is not None:
            say(70, "steps")
            q = self.quality(period, scope, facts, keep_codes=True)
        say(100, "done")
        return Dashboard(
            report=report,
            months=months,
            late=late,
            indices=values,
            scope=scope,
            tz=tz,
            quality=q,
            facts=() if with_quality else tuple(facts),
        )

    def indices(self, period: Period, scope: ReportScope = ReportScope()) -> list[IndexValue]:
        """The QĐ 766/QĐ-TTg self-check of the indices a desk computes from its dossiers."""
        return indices(
            self.facts(period, scope),
            period,
            self.tz(),
            self.report_settings(),
            ratings=self.ratings(),
        )

    def ratings(self) -> dict[str, int]:
        """dossier id → the citizen's rating at return (1|2|3): the first `rated` event in
        the fold's order, as the fold keeps it (read through the index on the event type;
        no projection column holds it)."""
        out: dict[str, int] = {}
        with self.store.read() as session:
            raw = _dbapi(session)
            for dossier_id, payload in raw.execute(
                "SELECT dossier_id, payload FROM events WHERE type = 'rated' "
                "ORDER BY hlc, node_id, id"
            ):
                if dossier_id in out:
                    continue
                try:
                    rating = (
                        json.loads(payload).get("rating")
                        if isinstance(payload, str)
                        else payload.get("rating")
                    )
                except (ValueError, AttributeError):
                    continue
                if rating in (1, 2, 3) and type(rating) is int:
                    out[dossier_id] = rating
        return out


def report_json(report: Report) -> dict:
    """The JSON form the command line prints: {"from", "to", "rows": [...], "total": {...}}."""

    def row(r, field_name: str | None, code: str | None, name: str) -> dict:
        key = {"department": "department", "group": "group"}.get(report.by, "field")
        return {key: field_name, "procedure_code": code, "name": name, **dict(r.values)}

    return {
        "form": report.form.code,
        "form_version": report.form.version,
        "from": report.period.first.isoformat(),
        "to": report.period.last.isoformat(),
        "by": report.by,
        "columns": [{"key": c.key, "no": c.no, "label": c.label} for c in report.form.all_columns],
        "rows": [
            row(r, r.group, r.item_code if r.level == "item" else None, r.item_name)
            for r in report.rows
        ],
        "total": row(report.total, None, None, report.total.item_name),
    }


__all__: Sequence[str] = (
    "ReportService",
    "ReportScope",
    "report_json",
    "late_json",
    "indices_json",
    "quality_json",
    "SETTINGS_KEY",
)


def progress_json(values: Mapping[str, int]) -> dict:
    """The seeds' figures of a total row: received (3), resolved (7) and its share of (3),
    early or on time (8)+(9) and its share of (7), late (10), in progress (11), overdue (13)."""
    received, resolved = values.get("received_total", 0), values.get("resolved_total", 0)
    good = values.get("resolved_early", 0) + values.get("resolved_on_time", 0)
    return {
        "received": received,
        "resolved": resolved,
        "resolved_pct": _share(resolved, received),
        "on_time": good,
        "on_time_pct": _share(good, resolved),
        "late": values.get("resolved_late", 0),
        "in_progress": values.get("pending_total", 0),
        "overdue": values.get("pending_overdue", 0),
    }


def _share(num: int, den: int) -> float | None:
    return round(100.0 * num / den, 2) if den else None


def _local_minute(moment: datetime | None, tz: ZoneInfo) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(tz).replace(second=0, microsecond=0).isoformat(timespec="minutes")


def late_json(late: LateReport, tz: ZoneInfo) -> dict:
    """{"from", "to", "departments": [{"department", counts…, "dossiers": [...]}], "total"}."""

    def entry(e) -> dict:
        a = e.apology
        return {
            "code": e.code,
            "field": e.field,
            "procedure_code": e.procedure_code,
            "procedure_name": e.procedure_name,
            "kind": e.kind,
            "received_at": _local_minute(e.received_at, tz),
            "due_at": _local_minute(e.due_at, tz),
            "finished_at": _local_minute(e.finished_at, tz),
            "extended": e.extended,
            "apology": a.at is not None,
            "apology_at": _local_minute(a.at, tz),
            "apology_new_due_at": _local_minute(a.new_due, tz),
            "apology_reason": a.reason,
            "apology_printed_at": _local_minute(a.printed_at, tz),
            "apology_in_time": a.in_time,
            "ticket": e.ticket,
        }

    return {
        "from": late.period.first.isoformat(),
        "to": late.period.last.isoformat(),
        "departments": [
            {"department": g.department, **g.counts, "dossiers": [entry(e) for e in g.entries]}
            for g in late.groups
        ],
        "total": late.counts,
    }


def quality_json(q: QualityReport, tz: ZoneInfo) -> dict:
    """{"from", "to", "steps": [...], "steps_total", "summary", "dossiers": [...]}: per handoff
    step and unit, and the quality facts of TT 01/2018 Điều 13 per dossier."""
    total = steps_total(q.steps).as_dict()
    total["unit"] = "Tổng cộng"
    return {
        "from": q.period.first.isoformat(),
        "to": q.period.last.isoformat(),
        "time_unit": "working_days",
        "steps": [r.as_dict() for r in q.steps],
        "steps_total": total,
        "summary": q.summary(),
        "dossiers": [
            {
                "code": d.code,
                "field": d.field,
                "procedure_code": d.procedure_code,
                "procedure_name": d.procedure_name,
                "channel": d.channel,
                "received_at": _local_minute(d.received_at, tz),
                "finished_at": _local_minute(d.finished_at, tz),
                "result": d.result,
                "statutory_working_days": d.statutory_days,
                "actual_working_days": d.actual_days,
                "supplement_requests": d.supplements,
                "departments": [{"department": u, "working_days": v} for u, v in d.departments],
            }
            for d in q.dossiers
        ],
    }


def indices_json(period: Period, values: Sequence[IndexValue]) -> dict:
    return {
        "from": period.first.isoformat(),
        "to": period.last.isoformat(),
        "indices": [
            {
                "key": v.key,
                "name": v.name,
                "formula": v.formula,
                "numerator": v.numerator,
                "denominator": v.denominator,
                "score": v.score,
                "target": v.target,
                "note": v.note,
                "parts": dict(v.parts),
                "lowering": [{"code": c, "why": w} for c, w in v.lowering],
            }
            for v in values
        ],
    }
