"""Desks that worked offline converge through the hub: same events, same projections, same sync
exceptions everywhere; dossier codes unique across desks; nothing dropped."""

from __future__ import annotations

from datetime import timedelta

import pytest

from motcua_desk.domain import codes
from motcua_desk.sync.client import HubUnavailable
from tests.helpers import local
from tests.sync.helpers import assert_converged, register, sync_all


def test_offline_intakes_on_three_desks_converge(hub, desks):
    register(hub, desks)
    # The hub is down (nothing listens on this port): each desk keeps working.
    dead = "http://127.0.0.1:9"
    for d in desks:
        for i in range(4):
            d.intake(f"Người {d.desk_no}-{i}", procedure=["1.004873", "1.001193"][i % 2])
        with pytest.raises(HubUnavailable):
            d.sync(dead)
        st = d.engines[-1].status()
        assert (st.state, st.online, st.unsent) == ("offline", False, 4)
    a, b, c = desks
    # Some lifecycle work offline too.
    code_a = a.services.dossiers.search("", limit=10)[0].code
    a.services.dossiers.handoff([code_a], "TP-HT", receiver="Trần Văn Nhận")

    sync_all(hub.url, desks)

    state = assert_converged(desks)
    assert len(state["dossiers"]) == 12
    assert len(state["events"]) == 13
    assert all(e["acked"] == 1 and e["hub_seq"] for e in state["events"].values())
    all_codes = [row["code"] for row in state["dossiers"].values()]
    assert len(set(all_codes)) == 12
    assert {codes.parse(c_).desk_no() for c_ in all_codes} == {1, 2, 3}
    for d in desks:
        st = d.engines[-1].status()
        assert (st.state, st.online, st.unsent, st.conflicts) == ("online", True, 0, 0)
        assert d.repl.counts().last_success_at == d.clock()
    # Each desk sees the others' dossiers through its own services.
    found = c.services.dossiers.find_by_code(code_a)
    assert found.dossier.location == "Công chức Tư pháp - Hộ tịch"
    assert {v.code for v in b.services.dossiers.search("nguoi", limit=50)} == set(all_codes)


def test_a_second_round_changes_nothing(hub, desks):
    register(hub, desks[:2])
    a, b = desks[:2]
    a.intake("Lê Văn Bình")
    b.intake("Phạm Thị Cúc")
    sync_all(hub.url, [a, b])
    before = assert_converged([a, b])
    report = a.sync(hub.url)
    assert (report.pushed, report.pulled, report.applied) == (0, 0, 0)
    assert assert_converged([a, b]) == before
    assert hub.store.event_count() == 2


def _to_result_ready(desk, code):
    desk.services.dossiers.handoff([code], "TP-HT", receiver="Lý Văn Nhận")
    desk.clock.advance(minutes=5)
    desk.services.dossiers.receive_result([code])


def test_both_desks_return_the_same_dossier_offline(hub, desks):
    """Two desks hand the same result to the applicant while cut off from each other: both
    events are kept, the fold keeps the first in the agreed order, the second is a sync
    exception on every replica."""
    register(hub, desks)
    a, b, c = desks
    detail = a.intake("Hoàng Văn Dũng")
    code = detail.dossier.code
    _to_result_ready(a, code)
    sync_all(hub.url, [a, b])
    # Offline now: both return it.
    a.clock.advance(minutes=10)
    b.clock.advance(minutes=12)
    a.services.dossiers.return_result(code, "Hoàng Văn Dũng")
    b.services.dossiers.return_result(code, "Hoàng Thị Em")
    sync_all(hub.url, desks)
    state = assert_converged(desks)
    assert len(state["conflicts"]) == 1
    conflict = next(iter(state["conflicts"].values()))
    assert conflict["event_type"] == "returned" and conflict["reason"] == "illegal_transition"
    returns = sorted(
        (e for e in state["events"].values() if e["type"] == "returned"),
        key=lambda e: (e["hlc"], e["node_id"], e["id"]),
    )
    assert [e["node_id"] for e in returns] != [returns[0]["node_id"]] * 2  # one from each desk
    assert conflict["event_id"] == returns[1]["id"]  # the later in the agreed order loses
    winner = returns[0]["payload"]["to_name"]
    for d in desks:
        shown = d.services.dossiers.conflicts()
        assert [x.event_id for x in shown] == [conflict["event_id"]]
        assert shown[0].dossier_code == code and shown[0].description
        view = d.services.dossiers.find_by_code(code)
        assert view.dossier.status == "returned" and view.dossier.returned_to == winner
        assert len(view.events) == 5  # nothing dropped: the losing event is in the history
        assert d.repl.counts().conflicts == 1
    # the officer is told what to do, and can mark it seen (here, on desk a only)
    assert "acknowledge" in a.services.dossiers.conflicts()[0].description
    assert a.services.dossiers.find_by_code(code).conflicts
    a.services.dossiers.acknowledge_conflict(conflict["event_id"])
    assert a.services.dossiers.conflicts() == []
    assert a.services.dossiers.find_by_code(code).conflicts == ()
    assert len(a.services.dossiers.conflicts(include_acknowledged=True)) == 1
    assert len(b.services.dossiers.conflicts()) == 1


def test_one_desk_extends_while_the_other_returns(hub, desks):
    register(hub, desks[:2])
    a, b = desks[:2]
    code = a.intake("Vũ Thị Giang").dossier.code
    a.services.dossiers.handoff([code], "TP-HT", receiver="Lý Văn Nhận")
    sync_all(hub.url, [a, b])
    # b takes the result back and returns it; a (not knowing) extends the deadline.
    b.clock.advance(minutes=1)
    b.services.dossiers.receive_result([code])
    b.clock.advance(minutes=1)
    b.services.dossiers.return_result(code, "Vũ Thị Giang")
    a.clock.advance(minutes=3)
    due = a.services.dossiers.find_by_code(code).dossier.due_at
    a.services.dossiers.extend(code, due + timedelta(days=7), "cần xác minh thêm")
    sync_all(hub.url, [a, b])
    state = assert_converged([a, b])
    (conflict,) = state["conflicts"].values()
    assert conflict["event_type"] == "extended"
    row = next(iter(r for r in state["dossiers"].values() if r["code"] == code))
    assert row["status"] == "returned" and row["extended"] == 0 and row["conflict_count"] == 1


def test_codes_stay_unique_on_a_busy_day(hub, desks):
    """Many intakes on the same day on three desks: the desk-number partition keeps every
    code unique after sync, and each desk's next code continues its own sequence."""
    register(hub, desks)
    for d in desks:
        d.clock.set(local(2026, 11, 23, 8, 0))
        for i in range(12):
            d.intake(f"Khách {d.desk_no}-{i}")
    sync_all(hub.url, desks)
    state = assert_converged(desks)
    all_codes = sorted(r["code"] for r in state["dossiers"].values())
    assert len(all_codes) == len(set(all_codes)) == 36
    nxt = desks[1].intake("Khách muộn").dossier.code
    assert nxt not in all_codes and codes.parse(nxt).desk_no() == 2
