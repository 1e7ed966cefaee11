"""The office's figures: the queries that gather per-dossier facts for a period and hand them to
the pure computation in domain.reports.

Most dossiers are read from the projection alone (one row each). A dossier whose projection cannot
say where it stood at a past moment — it was sent back for supplements (its due moment moved and
it waited), or it carries a sync conflict — is folded from its events instead, through the same
`facts_from_events` the tests check the projection path against.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from motcua_desk import paths
from motcua_desk.domain.errors import ValidationError
from motcua_desk.domain.reports import (
    REFUSED,
    REJECTED,
    RESULT,
    STOPPED,
    DossierFacts,
    FormDef,
    Period,
    Report,
    ReportSettings,
    compute,
    facts_from_events,
    form_for,
    parse_forms,
    period_of,
)
from motcua_desk.services.base import ServiceBase
from motcua_desk.services.settings import SettingsService
from motcua_desk.store import repo
from motcua_desk.store.types import utc_text

SETTINGS_KEY = "reports"
SCOPES = ("desk", "office")

_COLUMNS = ("id, code, field, procedure_code, procedure_name, department, desk_no, channel, "
            "received_at, original_due_at, extended, status, result_at, location_since, "
            "supplement_count, conflict_count")

# The facts of a period, straight from the projection (served by ix_dossiers_received for the
# upper bound; the lower bound depends on how each dossier ended).
FACTS_SQL = (
    f"SELECT {_COLUMNS} FROM dossiers WHERE received_at < ? "
    "AND status NOT IN ('voided', 'refused') "
    "AND NOT (status IN ('result_ready', 'returned', 'rejected') AND result_at < ?) "
    "AND NOT (status = 'stopped' AND location_since < ?)")

# Refusals at intake in the period (ix_events_type_time).
REFUSED_SQL = (
    f"SELECT {', '.join('d.' + c.strip() for c in _COLUMNS.split(','))}, MIN(e.occurred_at) "
    "FROM events e JOIN dossiers d ON d.id = e.dossier_id "
    "WHERE e.type = 'refused_at_intake' AND e.occurred_at >= ? AND e.occurred_at < ? "
    "AND d.status = 'refused' {desk} GROUP BY d.id")


def _utc(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text).replace(tzinfo=UTC) if text else None


@dataclass(frozen=True)
class ReportScope:
    scope: str = "desk"  # desk: this desk's dossiers; office: every dossier this desk holds
    desk_no: int | None = None  # with office: only the dossiers received at that desk

    def label(self) -> str:
        if self.desk_no is not None:
            return f"Quầy số {self.desk_no}"
        return "Toàn đơn vị" if self.scope == "office" else "Quầy này"


class ReportService(ServiceBase):
    def __init__(self, store, clock, settings: SettingsService) -> None:
        super().__init__(store, clock)
        self.settings = settings
        self._forms: dict[str, list[FormDef]] = {}

    # --- settings and forms -------------------------------------------------------------------
    def report_settings(self) -> ReportSettings:
        return ReportSettings.from_mapping(self.settings.get(SETTINGS_KEY, {}))

    def set_report_settings(self, **changes) -> ReportSettings:
        current = asdict(self.report_settings())
        unknown = set(changes) - set(current)
        if unknown:
            raise ValidationError("settings", f"unknown report settings {sorted(unknown)}",
                                  code="unknown_setting")
        new = ReportSettings(**{**current, **{k: v for k, v in changes.items() if v is not None}})
        self.settings.put(SETTINGS_KEY, asdict(new))
        return new

    def forms(self, name: str = "bieu06") -> list[FormDef]:
        if name not in self._forms:
            path = paths.resources_dir() / "reports" / f"{name}.json"
            try:
                data = json.loads(path.read_text("utf-8"))
            except FileNotFoundError:
                raise ValidationError("form", f"no report form {name!r}",
                                      code="unknown_form") from None
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
    def facts(self, period: Period, scope: ReportScope = ReportScope()) -> list[DossierFacts]:
        """Every dossier that can count in the period, as facts."""
        if scope.scope not in SCOPES:
            raise ValidationError("scope", f"unknown scope {scope.scope!r} (desk or office)",
                                  code="report_scope")
        start, end = period.bounds(self.tz())
        s, e = utc_text(start), utc_text(end)
        desk_no = scope.desk_no
        if desk_no is None and scope.scope == "desk":
            desk_no = self.settings.agency().desk_no
        desk_sql, desk_arg = ("AND desk_no = ?", (desk_no,)) if desk_no is not None else ("", ())
        out: list[DossierFacts] = []
        folded: list[str] = []
        with self.store.read() as session:
            conn = session.connection()
            rows = conn.exec_driver_sql(f"{FACTS_SQL} {desk_sql}", (e, s, s) + desk_arg)
            for r in rows:
                if r[14] or r[15]:  # supplements or conflicts: fold the events
                    folded.append(r[0])
                    continue
                status = r[11]
                if status in ("result_ready", "returned"):
                    outcome, at = RESULT, _utc(r[12])
                elif status == "rejected":
                    outcome, at = REJECTED, _utc(r[12])
                elif status == "stopped":
                    outcome, at = STOPPED, _utc(r[13])
                else:
                    outcome, at = "", None
                received = _utc(r[8])
                out.append(DossierFacts(
                    dossier_id=r[0], code=r[1], field=r[2], procedure_code=r[3],
                    procedure_name=r[4], department=r[5], desk_no=r[6], channel=r[7],
                    received_at=received, dues=((received, _utc(r[9])),), extended=bool(r[10]),
                    outcome=outcome, outcome_at=at))
            refused_sql = REFUSED_SQL.format(desk="AND d.desk_no = ?" if desk_arg else "")
            for r in conn.exec_driver_sql(refused_sql, (s, e) + desk_arg):
                if r[14] or r[15]:
                    folded.append(r[0])
                    continue
                received = _utc(r[8])
                out.append(DossierFacts(
                    dossier_id=r[0], code=r[1], field=r[2], procedure_code=r[3],
                    procedure_name=r[4], department=r[5], desk_no=r[6], channel=r[7],
                    received_at=received, dues=((received, _utc(r[9])),), extended=bool(r[10]),
                    outcome=REFUSED, outcome_at=_utc(r[16])))
            if folded:
                events = repo.load_events_many(session, folded)
                for dossier_id in folded:
                    f = facts_from_events(dossier_id, events.get(dossier_id, ()))
                    if f is not None:
                        out.append(f)
        return out

    # --- reports ------------------------------------------------------------------------------
    def bieu06(self, period: Period, scope: ReportScope = ReportScope(), by: str = "field",
               keep_codes: bool = False) -> Report:
        """Biểu số 06/VPCP/KSTT for the period, in the form version in force at its end."""
        form = form_for(self.forms("bieu06"), period.last)
        if by not in ("field", "procedure", "department"):
            raise ValidationError("by", f"unknown grouping {by!r} (field, procedure or "
                                  "department)", code="report_by")
        return compute(self.facts(period, scope), period, self.tz(), form,
                       self.report_settings(), by=by, keep_codes=keep_codes)


def report_json(report: Report) -> dict:
    """The JSON form the command line prints: {"from", "to", "rows": [...], "total": {...}}."""
    def row(r, field_name: str | None, code: str | None, name: str) -> dict:
        key = "department" if report.by == "department" else "field"
        return {key: field_name, "procedure_code": code, "name": name, **dict(r.values)}

    return {
        "form": report.form.code, "form_version": report.form.version,
        "from": report.period.first.isoformat(), "to": report.period.last.isoformat(),
        "by": report.by,
        "columns": [{"key": c.key, "no": c.no, "label": c.label} for c in report.form.all_columns],
        "rows": [row(r, r.group, r.item_code if r.level == "item" else None, r.item_name)
                 for r in report.rows],
        "total": row(report.total, None, None, report.total.item_name),
    }


__all__: Sequence[str] = ("ReportService", "ReportScope", "report_json", "SETTINGS_KEY")
