"""The JSON forms of the office's figures that the command line prints (`report … --json`):
Biểu 06, its progress figures, the late list, the quality report and the QĐ 766 indices. Apart
from services.reports because they are the figures' wire shape for scripts, not a use case:
they take the reports' DTOs and touch nothing else."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from motcua_desk.domain.late_report import LateReport
from motcua_desk.domain.quality import QualityReport, steps_total
from motcua_desk.domain.report_periods import Period
from motcua_desk.domain.reports import Report
from motcua_desk.domain.self_check import IndexValue


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
                "full_marks_at": v.full_marks_at,
                "full_marks": v.full_marks,
                "lowering": [{"code": c, "why": w} for c, w in v.lowering],
            }
            for v in values
        ],
    }
