"""Properties of Biểu 06 over random dossier histories made through the real services on a real
SQLite file: the form's identities on every row, the projection path equal to the event fold,
and what is open at the end of one period carried over into the next."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from motcua_desk.app import open_services
from motcua_desk.domain.dossier import Status, fold
from motcua_desk.domain.errors import DomainError
from motcua_desk.domain.report_periods import Period, ReportSettings
from motcua_desk.domain.reports import compute, facts_from_events
from motcua_desk.services import IntakeRequest
from motcua_desk.store import repo
from tests.helpers import AGENCY, FakeClock, local

PROCS = ["1.004873", "2.000815", "1.001193", "1.004884"]
DEPT = "Công chức Tư pháp - Hộ tịch"
ACTIONS = [
    "handoff",
    "result",
    "supplement",
    "resubmit",
    "refuse",
    "stop",
    "extend",
    "void",
    "return",
]

dossier = st.fixed_dictionaries(
    {
        "proc": st.sampled_from(PROCS),
        "channel": st.sampled_from(["direct", "post", "online"]),
        "day": st.integers(0, 40),  # days after 1/10/2026
        "hour": st.sampled_from([0, 7, 9, 14, 15, 16, 23]),
        "steps": st.lists(
            st.tuples(st.sampled_from(ACTIONS), st.one_of(st.integers(0, 30), st.integers(0, 400))),
            max_size=5,
        ),
    }
)

period = st.tuples(st.integers(0, 45), st.integers(0, 30)).map(
    lambda t: Period(
        date(2026, 10, 1) + timedelta(days=t[0]), date(2026, 10, 1) + timedelta(days=t[0] + t[1])
    )
)

report_settings = st.builds(
    ReportSettings,
    compare=st.sampled_from(["timestamp", "date"]),
    supplement_wait_within=st.booleans(),
    stopped=st.sampled_from(["resolved", "excluded"]),
)


def _act(svc, code, action, at):
    d = svc.dossiers
    naive = at.replace(tzinfo=None)
    match action:
        case "handoff":
            d.handoff([code], DEPT, at=naive, receiver="Lê Thị Nhận", redirect=True)
        case "result":
            d.receive_result([code], at=naive)
        case "supplement":
            d.request_supplement(code, "Thiếu giấy tờ", at=naive)
        case "resubmit":
            d.resubmit(code, at=naive)
        case "refuse":
            d.refuse(code, "Không đủ điều kiện", at=naive)
        case "stop":
            d.stop(code, "Xin rút", at=naive)
        case "extend":
            cur = d.find_by_code(code).dossier.due_at
            if cur is not None:
                d.extend(code, (cur + timedelta(days=3)).replace(tzinfo=None), "Xác minh", at=naive)
        case "void":
            d.void(code, "Nhập nhầm")
        case "return":
            d.return_result(code, "Nguyễn Văn A", at=naive)


OPEN = {Status.RECEIVED, Status.IN_PROCESS, Status.SUPPLEMENT_REQUESTED}


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(dossiers=st.lists(dossier, min_size=1, max_size=8), rs=report_settings, data=st.data())
def test_identities_and_paths(tmp_path_factory, dossiers, rs, data):
    clock = FakeClock(local(2027, 1, 20, 9, 0))
    svc = open_services(tmp_path_factory.mktemp("rp") / "desk.sqlite3", clock=clock)
    try:
        svc.settings.init_desk(desk_no=1, **AGENCY)
        svc.reports.set_report_settings(
            compare=rs.compare, supplement_wait_within=rs.supplement_wait_within, stopped=rs.stopped
        )
        for spec in dossiers:
            at = local(2026, 10, 1, spec["hour"]) + timedelta(days=spec["day"])
            code = svc.dossiers.intake(
                IntakeRequest(
                    procedure_code=spec["proc"],
                    applicant_name="Trần Thị B",
                    received_at=at.replace(tzinfo=None),
                    channel=spec["channel"],
                )
            ).dossier.code
            for action, hours in spec["steps"]:
                at = at + timedelta(hours=hours)
                try:
                    _act(svc, code, action, at)
                except DomainError:
                    pass  # an illegal move: refused, nothing written
        with svc._store.read() as session:
            events = defaultdict(list)
            for ev in repo.events_where(session, "1 = 1", ()):
                events[ev.dossier_id].append(ev)
        # periods that start or end on a day something happened (the edges matter), and any
        days = sorted(
            {
                e.occurred_at.astimezone(local(2026, 1, 1).tzinfo).date()
                for v in events.values()
                for e in v
            }
        )
        edged = st.tuples(st.sampled_from(days), st.integers(0, 20), st.booleans()).map(
            lambda t: (
                Period(t[0] - timedelta(days=t[1]), t[0])
                if t[2]
                else Period(t[0], t[0] + timedelta(days=t[1]))
            )
        )
        periods = data.draw(st.lists(st.one_of(edged, period), min_size=1, max_size=4))
        all_facts = [f for f in (facts_from_events(k, v) for k, v in events.items()) if f]
        tz = svc.reports.tz()
        form = svc.reports.forms()[0]
        for p in periods:
            report = svc.reports.bieu06(p)
            for row in report.rows + (report.total,):
                v = row.values
                assert v["received_total"] == (
                    v["received_online"] + v["received_direct"] + v["carried_over"]
                )
                assert v["resolved_total"] == (
                    v["resolved_early"] + v["resolved_on_time"] + v["resolved_late"]
                )
                assert v["pending_total"] == v["pending_within"] + v["pending_overdue"]
                assert v["received_total"] == v["resolved_total"] + v["pending_total"]
            # the fast path (projection) gives what folding every event gives
            reference = compute(all_facts, p, tz, form, rs)
            assert [(r.group, r.item_code, dict(r.values)) for r in report.rows] == [
                (r.group, r.item_code, dict(r.values)) for r in reference.rows
            ]
            # the facts read from the projection (and the restarts) are the fold's facts
            by_id = {f.dossier_id: f for f in all_facts}
            for f in svc.reports.facts(p):
                ref = by_id[f.dossier_id]
                assert (
                    f.received_at,
                    f.dues,
                    f.pauses,
                    f.extended,
                    f.outcome,
                    f.outcome_at,
                    f.supplement_count,
                    f.channel,
                ) == (
                    ref.received_at,
                    ref.dues,
                    ref.pauses,
                    ref.extended,
                    ref.outcome,
                    ref.outcome_at,
                    ref.supplement_count,
                    ref.channel,
                ), f.code
            # ... and so do the dossiers behind each cell (drill-down), by every grouping
            for by in ("field", "department"):
                mine = svc.reports.bieu06(p, by=by, keep_codes=True)
                ref = compute(all_facts, p, tz, form, rs, by=by, keep_codes=True)
                assert [(r.group, r.item_code, dict(r.values)) for r in mine.rows] == [
                    (r.group, r.item_code, dict(r.values)) for r in ref.rows
                ]
                assert {
                    k: {m: sorted(c) for m, c in v.items()} for k, v in mine.dossiers.items()
                } == {k: {m: sorted(c) for m, c in v.items()} for k, v in ref.dossiers.items()}
            # an independent oracle: the dossiers open at the end, folded from the events that
            # happened before it; the dossiers received in the period
            start, end = p.bounds(tz)
            left_out = {Status.VOIDED, Status.REFUSED_AT_INTAKE}
            if rs.stopped == "excluded":
                left_out.add(Status.STOPPED)
            counted = {k: v for k, v in events.items() if fold(k, v).status not in left_out}
            open_at_end = sum(
                1
                for k, v in counted.items()
                if fold(k, [e for e in v if e.occurred_at < end]).status in OPEN
            )
            assert report.total.values["pending_total"] == open_at_end
            received = sum(1 for k, v in counted.items() if start <= fold(k, v).received_at < end)
            assert (
                report.total.values["received_online"] + report.total.values["received_direct"]
                == received
            )
            # what is open at the end is carried over into the next period
            nxt = Period(p.last + timedelta(days=1), p.last + timedelta(days=10))
            assert (
                svc.reports.bieu06(nxt).total.values["carried_over"]
                == report.total.values["pending_total"]
            )
    finally:
        svc.close()


def test_a_refusal_handed_back_is_still_a_refusal_in_the_facts(tmp_path):
    """Found by the property above: handed off, refused after appraisal and the refusal
    returned, all at one moment. The projection row then says 'returned' like a result; the
    facts must still say what the fold says (rejected), with or without a supplement before."""
    clock = FakeClock(local(2027, 1, 20, 9, 0))
    svc = open_services(tmp_path / "desk.sqlite3", clock=clock)
    try:
        svc.settings.init_desk(desk_no=1, **AGENCY)
        at = local(2026, 10, 2, 9).replace(tzinfo=None)
        codes = []
        for supplement in (False, True):
            code = svc.dossiers.intake(
                IntakeRequest(
                    procedure_code="1.004873", applicant_name="Trần Thị B", received_at=at
                )
            ).dossier.code
            if supplement:
                svc.dossiers.request_supplement(code, "Thiếu giấy tờ", at=at)
                svc.dossiers.resubmit(code, at=at)
            svc.dossiers.handoff([code], DEPT, at=at, receiver="Lê Thị Nhận", redirect=True)
            svc.dossiers.refuse(code, "Không đủ điều kiện", at=at)
            svc.dossiers.return_result(code, "Nguyễn Văn A", at=at)
            codes.append(code)
        with svc._store.read() as session:
            events = defaultdict(list)
            for ev in repo.events_where(session, "1 = 1", ()):
                events[ev.dossier_id].append(ev)
        facts = svc.reports.facts(Period(date(2026, 10, 1), date(2026, 10, 31)))
        assert sorted(f.code for f in facts) == sorted(codes)
        for f in facts:
            ref = facts_from_events(f.dossier_id, events[f.dossier_id])
            assert (
                (f.outcome, f.outcome_at)
                == (ref.outcome, ref.outcome_at)
                == ("rejected", local(2026, 10, 2, 9))
            )
    finally:
        svc.close()
