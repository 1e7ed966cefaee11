"""Per handoff step and department, and the quality facts of TT 01/2018 Điều 13, through the
real services on a real SQLite file: hand-worked figures (tests/services/steps_scenario.py), the
fast working clock against the calendar's own count, field groups."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from motcua_desk.domain.calendar import WorkCalendar
from motcua_desk.domain.errors import ValidationError
from motcua_desk.domain.quality import WorkClock
from motcua_desk.domain.report_periods import Period
from motcua_desk.services.report_json import quality_json
from motcua_desk.services.reports import ReportScope
from motcua_desk.services.settings import OfficeSettings
from tests.helpers import local
from tests.services import steps_scenario as sc

NOV = Period(date(2026, 11, 1), date(2026, 11, 30))


def test_steps_per_unit_hand_worked(services, clock):
    sc.build(services, clock)
    q = services.reports.quality(NOV)
    got = {
        (r.kind, r.unit): (r.early, r.on_time, r.late, r.total_days, r.open, r.open_overdue)
        for r in q.steps
    }
    assert set(got) == set(sc.STEPS)
    for key, (early, on_time, late, days, open_, overdue) in sc.STEPS.items():
        g = got[key]
        assert g[:3] == (early, on_time, late), key
        assert g[3] == pytest.approx(days), key
        assert g[4:] == (open_, overdue), key
    # the transfer step first, then the departments in folded alphabetical order
    assert [r.unit for r in q.steps] == ["desk", sc.TP, sc.KT]
    transfer = q.steps[0]
    assert transfer.average_days == round(11 / 8 / 5, 2)


def test_quality_facts_per_dossier_hand_worked(services, clock):
    codes = sc.build(services, clock)
    q = services.reports.quality(NOV)
    by_code = {d.code: d for d in q.dossiers}
    assert set(by_code) == set(codes.values())
    cal = services.calendar.calendar()
    end = datetime(2026, 12, 1, tzinfo=local(2026, 12, 1).tzinfo)
    for name, (result, statutory, actual, supplements, depts, channel) in sc.QUALITY.items():
        d = by_code[codes[name]]
        if actual is None:  # open at the end: the calendar's own count to the period's end
            actual = cal.working_days_between(d.received_at, end)
        assert d.result == result, name
        assert d.statutory_days == pytest.approx(round(statutory, 2)), name
        assert d.actual_days == pytest.approx(round(actual, 2)), name
        assert d.supplements == supplements, name
        assert d.channel == channel, name
        assert [u for u, _ in d.departments] == [u for u, _ in depts], name
        for (_, want), (_, have) in zip(depts, d.departments, strict=True):
            if want is None:  # S3, at Tư pháp since 09:30 and still there at the end
                want = cal.working_days_between(local(2026, 11, 3, 9, 30), end)
            assert have == pytest.approx(round(want, 2)), name
    s = q.summary()
    assert s["dossiers"] == 5 and s["finished"] == 4
    assert s["finished_within_time"] == 3 and s["finished_within_time_pct"] == 75.0
    assert s["supplement_requests"] == 1 and s["dossiers_with_supplements"] == 1
    assert s["dossiers_with_several_departments"] == 1
    assert s["channels"] == {"online": 1, "direct": 4, "post": 0}
    assert s["average_statutory_working_days"] == round((3 + 25 / 8 + 3 + 6.5 / 8) / 4, 2)


def test_quality_json_shape(services, clock):
    sc.build(services, clock)
    q = services.reports.quality(NOV)
    out = quality_json(q, services.reports.tz())
    assert out["from"] == "2026-11-01" and out["to"] == "2026-11-30"
    units = {r["unit"]: r for r in out["steps"]}
    assert units[sc.KT] == {
        "unit": sc.KT,
        "kind": "department",
        "finished": 1,
        "early": 1,
        "on_time": 0,
        "late": 0,
        "on_time_pct": 100.0,
        "average_working_days": round(12.5 / 8, 2),
        "total_working_days": round(12.5 / 8, 2),
        "in_progress": 0,
        "in_progress_overdue": 0,
    }
    assert out["steps_total"]["finished"] == 5 + 4 + 1
    assert out["steps_total"]["late"] == 2
    assert len(out["dossiers"]) == 5
    assert out["summary"]["finished"] == 4


CAL = WorkCalendar((), OfficeSettings().hours())
# a zone with daylight saving (the clock's slow path: local time through the zone)
CAL_DST = WorkCalendar((), OfficeSettings(tz_name="Europe/Berlin").hours())


@settings(max_examples=80, deadline=None)
@given(st.integers(0, 60 * 24 * 60), st.integers(0, 60 * 24 * 60), st.booleans())
def test_work_clock_matches_the_calendar(a, b, dst):
    """Over two months with a holiday (24/11) and weekends, both orders of the moments; in
    Vietnam's zone (one offset: arithmetic) and in one with daylight saving (25/10)."""
    cal = CAL_DST if dst else CAL
    base = local(2026, 10, 1, 0, 0)
    x, y = base + timedelta(minutes=a), base + timedelta(minutes=b)
    clock = WorkClock(cal)
    assert clock.days_between(x, y) == pytest.approx(cal.working_days_between(x, y))


# --- field groups ----------------------------------------------------------------------------


def test_field_groups_filter_and_cut_the_reports(services, clock):
    codes = sc.build(services, clock)
    cat = services.catalog
    cat.set_field_group("Nhóm 1", ["ho tich"])  # folded: matched to the catalog's "Hộ tịch"
    cat.set_field_group("Nhóm 2", ["Chứng thực", "Đất đai"])
    assert [(g.name, g.fields) for g in cat.field_groups()] == [
        ("Nhóm 1", ("Hộ tịch",)),
        ("Nhóm 2", ("Chứng thực", "Đất đai")),
    ]
    r1 = services.reports.bieu06(NOV, ReportScope(group="Nhóm 1"))
    r2 = services.reports.bieu06(NOV, ReportScope(group="nhom 2"))
    assert r1.total.values["received_total"] == 4
    assert r2.total.values["received_total"] == 1
    by = services.reports.bieu06(NOV, by="group", keep_codes=True)
    assert [(r.group, r.values["received_total"]) for r in by.rows if r.level == "group"] == [
        ("Nhóm 1", 4),
        ("Nhóm 2", 1),
    ]
    assert services.reports.quality(NOV, ReportScope(group="Nhóm 2")).summary()["dossiers"] == 1
    assert ReportScope(group="Nhóm 1").label() == "Quầy này, nhóm lĩnh vực Nhóm 1"
    assert codes


def test_field_groups_bad_input_changes_nothing(services):
    cat = services.catalog
    cat.set_field_group("Nhóm 1", ["Hộ tịch"])
    before = cat.field_groups()
    for name, fields, code in (
        ("Nhóm 2", ["Hộ tịch"], "field_in_group"),
        ("Nhóm 2", ["Không có"], "unknown_field"),
        ("", ["Đất đai"], "group_name"),
        ("Nhóm 2", [" "], "group_empty"),
        ("a,b", ["Đất đai"], "group_name"),
    ):
        with pytest.raises(ValidationError) as err:
            cat.set_field_group(name, fields)
        assert err.value.code == code
    assert cat.field_groups() == before
    with pytest.raises(ValidationError):
        services.reports.bieu06(NOV, ReportScope(group="Không có"))
    with pytest.raises(ValidationError):
        cat.serve_group("Không có")
    assert cat.served_group() is None


def test_served_group_first_in_the_picker(services):
    cat = services.catalog
    before = [p.field for p in cat.find("", limit=60)]
    assert before[0] != "Đất đai"
    cat.set_field_group("Đất đai và xây dựng", ["Đất đai", "Xây dựng"])
    assert cat.serve_group("dat dai va xay dung") == "Đất đai và xây dựng"
    after = [p.field for p in cat.find("", limit=60)]
    assert set(after[:4]) == {"Đất đai", "Xây dựng"}
    assert all(f not in ("Đất đai", "Xây dựng") for f in after[4:])
    # a search keeps the served fields first among its hits
    hits = cat.find("dang ky")
    served = [h.field in ("Đất đai", "Xây dựng") for h in hits]
    assert served == sorted(served, reverse=True)
    cat.remove_field_group("Đất đai và xây dựng")
    assert cat.served_group() is None
    assert [p.field for p in cat.find("", limit=60)] == before


@pytest.mark.parametrize("scenario", ["steps", "november"])
def test_moves_read_from_rows_are_the_folds(services, clock, scenario):
    """The moves read straight from the events table (dossiers without a conflict) are the
    ones the fold's order and rules give (the path taken for a dossier with a conflict)."""
    from motcua_desk.domain.quality import moves_from_events
    from motcua_desk.store import repo
    from tests.services import report_scenario

    (sc if scenario == "steps" else report_scenario).build(services, clock)
    ids = [f.dossier_id for f in services.reports.facts(NOV)]
    assert len(ids) >= 5
    raw = services.reports._moves(ids)
    with services.reports.store.read() as session:
        events = repo.load_events_many(session, ids)
    for dossier_id in ids:
        assert raw.get(dossier_id, []) == moves_from_events(events.get(dossier_id, ())), dossier_id


# --- property: random paths through the departments ---------------------------------------------

DEPTS = ("Phòng A", "Phòng B", "Phòng C")
action = st.sampled_from(["handoff", "result", "supplement", "resubmit"])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(action, st.sampled_from(DEPTS), st.integers(10, 60 * 24 * 4)), max_size=8),
    st.booleans(),
)
def test_steps_account_for_every_handoff_and_every_working_minute(plan, finish):
    """For any path (handoffs desk → department → department, results, supplements,
    restarts): a department step per handoff to it, a transfer step per handoff from the desk,
    every finished step timed, and the time per department the sum of the calendar's working
    time over the department's stays (to the period's end while there)."""
    from motcua_desk.domain.quality import (
        HANDED_OFF,
        RESUBMITTED,
        RESULT,
        SUPPLEMENT,
        Move,
        quality,
    )
    from motcua_desk.domain.reports import DossierFacts

    cal = CAL
    t = local(2026, 3, 2, 8, 0)
    received = t
    dues = [(t, t + timedelta(days=5))]
    moves: list[Move] = []
    where, waiting, outcome = "desk", False, ""
    stays: dict[str, float] = {}
    since = None
    for kind, dept, minutes in plan:
        t = t + timedelta(minutes=minutes)
        if outcome:
            break
        if kind == "handoff" and not waiting and where != dept:
            if where != "desk":
                stays[where] = stays.get(where, 0.0) + cal.working_days_between(since, t)
            moves.append(Move(HANDED_OFF, t, where, dept))
            where, since = dept, t
        elif kind == "result" and not waiting:
            if where != "desk":
                stays[where] = stays.get(where, 0.0) + cal.working_days_between(since, t)
            moves.append(Move(RESULT, t, where, "desk"))
            where, outcome = "desk", "result"
        elif kind == "supplement" and not waiting:
            if where != "desk":
                stays[where] = stays.get(where, 0.0) + cal.working_days_between(since, t)
            moves.append(Move(SUPPLEMENT, t))
            where, waiting = "desk", True
        elif kind == "resubmit" and waiting:
            moves.append(Move(RESUBMITTED, t))
            dues.append((t, t + timedelta(days=5)))
            waiting = False
    period = Period(date(2026, 1, 1), date(2026, 12, 31))
    _, end = period.bounds(cal.hours.tz)
    if where != "desk" and not outcome:
        stays[where] = stays.get(where, 0.0) + cal.working_days_between(since, end)
    f = DossierFacts(
        dossier_id="d1",
        code="C1",
        field="Hộ tịch",
        procedure_code="1.004873",
        procedure_name="x",
        department="Phòng A",
        desk_no=1,
        channel="direct",
        received_at=received,
        dues=tuple(dues),
        outcome=outcome,
        outcome_at=moves[-1].at if outcome else None,
        supplement_count=sum(m.kind == SUPPLEMENT for m in moves),
    )
    q = quality([f], {"d1": moves}, period, cal, {"Phòng B": 1.0}, OfficeSettings().hours().cutoff)
    handoffs = [m for m in moves if m.kind == HANDED_OFF]
    dept_steps = sum(r.finished + r.open for r in q.steps if r.kind == "department")
    assert dept_steps == len(handoffs)
    transfers = next((r for r in q.steps if r.kind == "transfer"), None)
    finished_transfers = transfers.finished if transfers else 0
    assert finished_transfers == sum(m.from_unit == "desk" for m in handoffs)
    for r in q.steps:
        assert r.early + r.on_time + r.late == r.finished
        assert r.open_overdue <= r.open
    (d,) = q.dossiers
    got = dict(d.departments)
    assert set(got) == set(stays)
    for unit, days in stays.items():
        assert got[unit] == pytest.approx(round(days, 2), abs=0.011)
