"""The office's figures: the use cases that gather per-dossier facts for a period and hand them
to the pure computation in domain.reports (the SQL and the decoding of its rows are the store's,
store.report_reads, reached as `reading().reports`; the JSON the command line prints,
services.report_json).

Most dossiers are read from the projection alone (one row each). A dossier whose projection cannot
say where it stood at a past moment — it was sent back for supplements (its due moment moved and
it waited), or it carries a sync conflict — is folded from its events instead, through the same
`facts_from_events` the tests check the projection path against.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import date, timedelta
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
    Move,
    QualityReport,
    quality,
)
from motcua_desk.domain.report_forms import FormDef, form_for, parse_forms
from motcua_desk.domain.report_periods import Period, ReportSettings, period_of
from motcua_desk.domain.reports import (
    BY_KEYS,
    DossierFacts,
    Report,
    Tally,
    assemble,
    compute,
    fixed_offset,
    group_label,
    monthly,
    months_of,
)
from motcua_desk.domain.self_check import IndexValue, indices
from motcua_desk.domain.self_check_digitised import PaperCount, digitisation_indices
from motcua_desk.services.base import ServiceBase
from motcua_desk.services.settings import SettingsService, parse_hhmm
from motcua_desk.store.report_reads import ReportFilter

SETTINGS_KEY = "reports"
SCOPES = ("desk", "office")


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
                with path.open(encoding="utf-8") as f:
                    data = json.load(f)
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

    def _judged(self, period: Period) -> Period:
        """The period as a report made now judges it: one still running ends now (what is
        open is judged at this moment, not at a midnight still to come)."""
        if period.until is not None:
            return period
        now = self.clock() + timedelta(microseconds=1)  # what was recorded until now counts
        if now < period.bounds(self.tz())[1]:
            return replace(period, until=now)
        return period

    # --- facts --------------------------------------------------------------------------------
    def _where(self, period: Period, scope: ReportScope) -> ReportFilter:
        if scope.scope not in SCOPES:
            raise ValidationError(
                "scope", f"unknown scope {scope.scope!r} (desk or office)", code="report_scope"
            )
        start, end = period.bounds(self.tz())
        fields = self._group_fields(scope)
        desk_no = scope.desk_no
        if desk_no is None and scope.scope == "desk":
            desk_no = self.settings.agency().desk_no
        return ReportFilter(start, end, desk_no, fields)

    def _group_fields(self, scope: ReportScope) -> tuple[str, ...] | None:
        """The fields of the scope's field group, None without one."""
        if not scope.group:
            return None
        if self.catalog is None:
            raise ValidationError("group", "field groups need the catalog", code="unknown_group")
        return tuple(self.catalog.group_fields(scope.group))  # refuses an unknown group

    def facts(self, period: Period, scope: ReportScope = ReportScope()) -> list[DossierFacts]:
        """Every dossier that can count in the period, as facts."""
        period = self._judged(period)
        flt = self._where(period, scope)
        with self.reading() as r:
            return r.reports.facts(flt)

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
        period = self._judged(period)
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
        flt = self._where(period, scope)
        tally = Tally(keep_codes, groups)

        def cell(fld, dept, proc, name, rec, res, stp, n, code) -> None:
            counts = {rec: n, res: n}
            if stp:
                counts["stopped"] = n
            tally.add((group_label(by, fld, dept, groups), proc), name, counts, code)

        with self.reading() as r:
            facts = r.reports.classified(
                flt,
                offset=offset,
                by_date=rs.compare == "date",
                excl_stopped=rs.stopped == "excluded",
                keep_codes=keep_codes,
                cell=cell,
            )
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
        period = self._judged(period)
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
        period = self._judged(period)
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
        """dossier id → its moves in the fold's order (store.report_reads)."""
        with self.reading() as r:
            return r.reports.moves(ids)

    def late(self, period: Period, scope: ReportScope = ReportScope()) -> LateReport:
        """The dossiers finished late, open past due at the end, or extended in the period, per
        department, with whether and when the apology (Mẫu 04) went out."""
        period = self._judged(period)
        return self._late(self.facts(period, scope), period)

    def _late(self, facts: Sequence[DossierFacts], period: Period) -> LateReport:
        entries = late_entries(facts, period, self.tz(), self.report_settings())
        if not entries:
            return late_report(period, entries)
        with self.reading() as r:
            steps, tickets = r.reports.apology_steps([e.dossier_id for e in entries])
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
        period = self._judged(period)

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
        values = _in_order(
            indices(facts, period, tz, rs, ratings=self.ratings()),
            self.digitisation(period, scope),
        )
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
        period = self._judged(period)
        return _in_order(
            indices(
                self.facts(period, scope),
                period,
                self.tz(),
                self.report_settings(),
                ratings=self.ratings(),
            ),
            self.digitisation(period, scope),
        )

    def digitisation(self, period: Period, scope: ReportScope = ReportScope()) -> list[IndexValue]:
        """QĐ 766 4.2 and 4.3 over the scope's dossiers received in the period, by the rule of
        services.digitisation (online and voided dossiers left out, a dossier with nothing to
        digitise exempt). A dossier no digitised event names (nor a sync conflict) is counted
        from its document lines as received; the others are folded."""
        period = self._judged(period)
        from motcua_desk.domain.dossier import DossierState, fold
        from motcua_desk.services.digitisation import BATCH, NOT_TAKEN_IN, count_papers

        flt = self._where(period, scope)
        counts = []
        online = 0
        by_documents: dict[str, PaperCount] = {}  # the count of equal document lines, once
        with self.reading() as r:
            received = r.reports.received_papers(flt)
            folded = []
            for d in received:
                if d.channel == "online":
                    online += 1
                elif d.fold:
                    folded.append(d.dossier_id)
                else:
                    known = by_documents.get(d.documents_text) if d.documents_text else None
                    if known is None:
                        state = DossierState(d.dossier_id, code=d.code, documents=d.documents)
                        known = count_papers(state)
                        if d.documents_text:
                            by_documents[d.documents_text] = known
                    counts.append(known._replace(code=d.code))
            for i in range(0, len(folded), BATCH):
                batch = folded[i : i + BATCH]
                events = r.events.of_many(batch)
                for dossier_id in batch:
                    state = fold(dossier_id, events.get(dossier_id, []))
                    if state.channel == "online":  # the projection disagreed: the fold decides
                        online += 1
                    elif state.status not in NOT_TAKEN_IN:
                        counts.append(count_papers(state))
        return digitisation_indices(counts, online)

    def ratings(self) -> dict[str, int]:
        """dossier id → the citizen's rating at return (1|2|3): the first `rated` event in
        the fold's order, as the fold keeps it (read through the index on the event type;
        no projection column holds it)."""
        with self.reading() as r:
            return r.reports.ratings()


def _in_order(*parts: Sequence[IndexValue]) -> list[IndexValue]:
    """The indices by their number in QĐ 766 (2.1, 3.3, 4.2, 4.3, 5.4)."""
    return sorted(
        (v for part in parts for v in part), key=lambda v: tuple(int(n) for n in v.key.split("."))
    )


__all__: Sequence[str] = (
    "ReportService",
    "ReportScope",
    "SETTINGS_KEY",
)
