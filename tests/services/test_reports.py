"""Biểu 06 through the real services on a real SQLite file: hand-worked figures, the settings,
scope by desk, the projection path against the event fold."""

from __future__ import annotations

from datetime import date

import pytest

from motcua_desk.domain.errors import ValidationError
from motcua_desk.domain.report_forms import METRICS
from motcua_desk.domain.report_periods import Period
from motcua_desk.domain.reports import facts_from_events
from motcua_desk.services.report_json import report_json
from motcua_desk.services.reports import ReportScope
from motcua_desk.store import repo
from tests.services import report_scenario as sc

NOV = Period(date(2026, 11, 1), date(2026, 11, 30))


def _items(report):
    return {(r.group, r.item_code): r for r in report.rows if r.level == "item"}


def test_hand_worked_november(services, clock):
    codes = sc.build(services, clock)
    report = services.reports.bieu06(NOV, keep_codes=True)
    items = _items(report)
    assert set(items) == set(sc.EXPECTED)
    for key, expected in sc.EXPECTED.items():
        got = {m: items[key].counts.get(m, 0) for m in METRICS}
        assert got == expected, key
    v = report.total.values
    assert (v["received_total"], v["received_online"], v["received_direct"], v["carried_over"]) == (
        12,
        1,
        8,
        3,
    )
    assert (
        v["resolved_total"],
        v["resolved_early"],
        v["resolved_on_time"],
        v["resolved_late"],
    ) == (8, 3, 2, 3)
    assert (v["pending_total"], v["pending_within"], v["pending_overdue"]) == (4, 3, 1)
    assert (v["refused_at_intake"], v["stopped"]) == (1, 1)
    # the field rows are the sums of their procedures, one field row each
    groups = [r for r in report.rows if r.level == "group"]
    assert [g.group for g in groups] == ["Chứng thực", "Hộ tịch"]
    # drill-down: the dossiers behind a cell
    late = report.dossiers[("Hộ tịch", sc.HT)]["resolved_late"]
    assert sorted(late) == sorted([codes["D"], codes["E"]])
    assert report.dossiers[("Hộ tịch", sc.HT)]["pending_overdue"] == (codes["F"],)


def test_json_shape(services, clock):
    sc.build(services, clock)
    out = report_json(services.reports.bieu06(NOV))
    assert out["from"] == "2026-11-01" and out["to"] == "2026-11-30"
    keys = {
        "field",
        "procedure_code",
        "received_total",
        "received_online",
        "received_direct",
        "carried_over",
        "resolved_total",
        "resolved_early",
        "resolved_on_time",
        "resolved_late",
        "pending_total",
        "pending_within",
        "pending_overdue",
    }
    for row in out["rows"] + [out["total"]]:
        assert keys <= set(row)
    field_rows = [r for r in out["rows"] if r["procedure_code"] is None]
    assert {r["field"] for r in field_rows} == {"Hộ tịch", "Chứng thực"}
    assert out["total"]["received_total"] == 12


def test_settings_change_the_figures(services, clock):
    codes = sc.build(services, clock)
    services.reports.set_report_settings(compare="date")
    items = _items(services.reports.bieu06(NOV, keep_codes=True))
    ht = items[("Hộ tịch", sc.HT)].counts
    assert (ht["resolved_on_time"], ht["resolved_late"]) == (3, 1)  # D on its due date
    services.reports.set_report_settings(compare="timestamp", supplement_wait_within=False)
    report = services.reports.bieu06(NOV, keep_codes=True)
    over = report.dossiers[("Hộ tịch", sc.HT)]["pending_overdue"]
    assert sorted(over) == sorted([codes["F"], codes["H"]])  # H's due 13/11 has passed
    services.reports.set_report_settings(supplement_wait_within=True, stopped="excluded")
    ht = _items(services.reports.bieu06(NOV))[("Hộ tịch", sc.HT)].counts
    assert ht.get("stopped", 0) == 0 and ht["received_direct"] == 6 and ht["resolved_early"] == 2
    with pytest.raises(ValidationError):
        services.reports.set_report_settings(compare="minute")
    with pytest.raises(ValidationError):
        services.reports.set_report_settings(nonsense=1)


def test_carry_over_continues_between_periods(services, clock):
    sc.build(services, clock)
    oct_ = services.reports.bieu06(Period(date(2026, 10, 1), date(2026, 10, 31))).total.values
    nov = services.reports.bieu06(NOV).total.values
    assert nov["carried_over"] == oct_["pending_total"]  # B, C, O open at the end of October


def test_scope_and_desk(services, clock):
    sc.build(services, clock)
    assert services.reports.bieu06(NOV, ReportScope("desk")).total.values["received_total"] == 12
    assert (
        services.reports.bieu06(NOV, ReportScope("office", 1)).total.values["received_total"] == 12
    )
    assert (
        services.reports.bieu06(NOV, ReportScope("office", 2)).total.values["received_total"] == 0
    )
    with pytest.raises(ValidationError):
        services.reports.bieu06(NOV, ReportScope("province"))
    with pytest.raises(ValidationError):
        services.reports.bieu06(NOV, by="officer")


def test_by_department(services, clock):
    sc.build(services, clock)
    report = services.reports.bieu06(NOV, by="department")
    assert report.total.values == services.reports.bieu06(NOV).total.values
    groups = [r for r in report.rows if r.level == "group"]
    assert [g.group for g in groups] == [sc.DEPT]  # both procedures are led by it
    assert groups[0].values["received_total"] == 12
    assert report_json(report)["rows"][0]["department"] == sc.DEPT


def test_projection_path_equals_event_fold(services, clock):
    sc.build(services, clock)
    start, _ = NOV.bounds(services.reports.tz())
    fast = {f.dossier_id: f for f in services.reports.facts(NOV)}
    with services._store.read() as session:
        for dossier_id, f in fast.items():
            slow = facts_from_events(dossier_id, repo.load_events(session, dossier_id))
            assert slow is not None
            assert (
                slow.received_at,
                slow.outcome,
                slow.outcome_at,
                slow.extended,
                slow.channel,
                slow.field,
            ) == (f.received_at, f.outcome, f.outcome_at, f.extended, f.channel, f.field)
            assert slow.due_at(start) == f.due_at(start)


def test_a_period_still_running_judges_what_is_open_now(services, clock):
    """A month asked for mid-month (or any period ending after today): a dossier received
    today and due in a few days is in progress within its time, not overdue at a midnight
    still to come; one already past its due moment is overdue. The same in Biểu 06 (both its
    paths), the month bars, the late list and the self-check."""
    from datetime import datetime

    from tests.helpers import VN

    clock.set(datetime(2026, 11, 2, 9, 0, tzinfo=VN))
    late = services.dossiers.intake(sc.IntakeRequest("1.001193", "Quá Hạn Rồi")).dossier
    clock.set(datetime(2026, 11, 23, 9, 0, tzinfo=VN))
    fresh = services.dossiers.intake(sc.IntakeRequest("1.004873", "Mới Nhận Sáng Nay")).dossier
    assert late.due_at < clock() < fresh.due_at
    month = services.reports.period_between(date(2026, 11, 1), date(2026, 11, 30))
    for by in ("field", "procedure"):
        report = services.reports.bieu06(month, by=by, keep_codes=True)
        v = report.total.values
        assert (v["pending_total"], v["pending_within"], v["pending_overdue"]) == (2, 1, 1)
        overdue = {c for cell in report.dossiers.values() for c in cell.get("pending_overdue", ())}
        assert overdue == {late.code}
    [(_m, bars)] = services.reports.months(month)
    assert (bars["pending_within"], bars["pending_overdue"]) == (1, 1)
    assert {e.code for e in services.reports.late(month).entries} == {late.code}
    why = {(i.key, c): w for i in services.reports.indices(month) for c, w in i.lowering}
    assert ("2.1", late.code) in why and ("2.1", fresh.code) not in why, why
    assert not any("quá hạn" in w for (_k, c), w in why.items() if c == fresh.code), why
    # a period that has ended is judged at its end, as before: the fresh one is overdue then
    clock.set(datetime(2026, 12, 20, 9, 0, tzinfo=VN))
    v = services.reports.bieu06(month).total.values
    assert (v["pending_within"], v["pending_overdue"]) == (0, 2)
