"""The dossier state machine and the fold: legal paths, refusals, and order independence."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from motcua_desk.domain.dossier import (
    NATIONAL_STATUS,
    DossierState,
    Status,
    Step,
    apply,
    fold,
)
from motcua_desk.domain.errors import IllegalTransition
from motcua_desk.domain.events import GENESIS_HASH, Event, EventType, verify_chain
from motcua_desk.domain.hlc import HybridClock, pack, unpack
from motcua_desk.domain.ids import uuid7

T0 = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
DOSSIER = "01a20000-0000-7000-8000-000000000001"


class Chain:
    """Makes sealed, chained events of one node, as a desk would."""

    def __init__(self, node: str = "node-a", start_ms: int = 0) -> None:
        self.node = node
        self.seq = 0
        self.prev = GENESIS_HASH
        self.clock = HybridClock()
        self.ms = int(T0.timestamp() * 1000) + start_ms

    def make(
        self,
        type_: EventType,
        payload: dict | None = None,
        dossier: str = DOSSIER,
        step_ms: int = 1000,
    ) -> Event:
        self.seq += 1
        self.ms += step_ms
        hlc = self.clock.tick(self.ms)
        ev = Event(
            id=uuid7(self.ms),
            dossier_id=dossier,
            node_id=self.node,
            seq=self.seq,
            hlc=hlc,
            type=type_,
            occurred_at=T0 + timedelta(seconds=self.seq),
            recorded_at=T0,
            officer="Cán bộ A",
            payload=payload or {},
            prev_hash=self.prev,
        ).sealed()
        self.prev = ev.hash
        return ev


RECEIVED = {
    "code": "000.17.22.H56-261123-0001",
    "procedure": {"code": "1.004873", "department": "Công chức Tư pháp - Hộ tịch"},
    "applicant": {"name": "Nguyễn Văn A"},
    "due_at": "2026-11-27T09:00:00+07:00",
    "ledger": {"year": 2026, "number": 1},
}
HANDOFF = {"from_unit": "desk", "to_unit": "Công chức Tư pháp - Hộ tịch", "receiver": "B"}


def happy_path(chain: Chain) -> list[Event]:
    return [
        chain.make(EventType.RECEIVED, RECEIVED),
        chain.make(EventType.HANDED_OFF, HANDOFF),
        chain.make(EventType.RESULT_RECEIVED, {"from_unit": HANDOFF["to_unit"]}),
        chain.make(EventType.RETURNED, {"to_name": "Nguyễn Văn A", "method": "counter"}),
    ]


def test_happy_path_statuses_and_national_codes():
    chain = Chain()
    events = happy_path(chain)
    seen = []
    state = DossierState(DOSSIER)
    for ev in events:
        state = apply(state, ev)
        seen.append((state.status, state.national_status))
    assert seen == [
        (Status.RECEIVED, 2),
        (Status.IN_PROCESS, 4),
        (Status.RESULT_READY, 9),
        (Status.RETURNED, 10),
    ]
    assert [s.kind for s in state.steps] == ["handed_off", "result_received", "returned"]
    assert state.code == RECEIVED["code"] and state.location == ""


def test_every_status_maps_to_a_national_code_between_1_and_10():
    assert set(NATIONAL_STATUS) == set(Status)
    assert all(1 <= v <= 10 for v in NATIONAL_STATUS.values())


def test_illegal_transition_names_status_and_action():
    chain = Chain()
    state = fold(DOSSIER, happy_path(chain))
    with pytest.raises(IllegalTransition) as err:
        apply(state, chain.make(EventType.RETURNED, {"to_name": "X"}))
    assert err.value.status == Status.RETURNED and err.value.action == "return"
    assert "returned" in str(err.value) and "return" in str(err.value)


def test_second_extension_refused_but_first_keeps_original_due():
    chain = Chain()
    state = fold(DOSSIER, [chain.make(EventType.RECEIVED, RECEIVED)])
    state = apply(
        state, chain.make(EventType.EXTENDED, {"new_due_at": "2026-12-01T17:00:00+07:00"})
    )
    assert state.extended and state.original_due_at.isoformat().startswith("2026-11-27")
    assert state.due_at.isoformat().startswith("2026-12-01")
    with pytest.raises(IllegalTransition, match="only once"):
        apply(state, chain.make(EventType.EXTENDED, {"new_due_at": "2026-12-05T17:00:00+07:00"}))


def test_supplement_then_resubmit_restarts_clock_and_counts():
    chain = Chain()
    state = fold(DOSSIER, [chain.make(EventType.RECEIVED, RECEIVED)])
    state = apply(state, chain.make(EventType.SUPPLEMENT_REQUESTED, {"reason": "thiếu"}))
    assert state.status == Status.SUPPLEMENT_REQUESTED and state.national_status == 5
    state = apply(state, chain.make(EventType.RESUBMITTED, {"due_at": "2026-12-02T10:00:00+07:00"}))
    assert state.status == Status.RECEIVED and state.supplement_count == 1
    assert state.due_at == state.original_due_at and state.due_at.day == 2


def test_refusal_at_intake_only_before_the_dossier_left_the_desk():
    chain = Chain()
    events = [chain.make(EventType.RECEIVED, RECEIVED)]
    assert (
        apply(
            fold(DOSSIER, events), chain.make(EventType.REFUSED_AT_INTAKE, {"reason": "x"})
        ).status
        == Status.REFUSED_AT_INTAKE
    )
    events.append(chain.make(EventType.HANDED_OFF, HANDOFF))
    events.append(chain.make(EventType.SUPPLEMENT_REQUESTED, {"reason": "x"}))
    with pytest.raises(IllegalTransition, match="already gone"):
        apply(fold(DOSSIER, events), chain.make(EventType.REFUSED_AT_INTAKE, {"reason": "x"}))


def test_stop_only_before_a_result_and_void_not_after_return():
    chain = Chain()
    events = happy_path(chain)[:3]  # result ready
    with pytest.raises(IllegalTransition):
        apply(fold(DOSSIER, events), chain.make(EventType.STOPPED, {"reason": "x"}))
    done = fold(DOSSIER, happy_path(Chain()))
    with pytest.raises(IllegalTransition):
        apply(done, Chain().make(EventType.VOIDED, {"reason": "x"}))


def test_fold_records_conflicts_instead_of_raising():
    a, b = Chain("node-a"), Chain("node-b", start_ms=50)
    base = happy_path(a)[:3]
    # both desks return the same dossier while offline
    ret_a = a.make(EventType.RETURNED, {"to_name": "A", "method": "counter"})
    ret_b = Chain("node-b", start_ms=5000).make(EventType.RETURNED, {"to_name": "B"})
    state = fold(DOSSIER, base + [ret_a, ret_b])
    assert state.status == Status.RETURNED
    winner, loser = sorted([ret_a, ret_b], key=lambda e: e.sort_key)
    assert state.returned_to == winner.payload["to_name"]
    assert [c.event_id for c in state.conflicts] == [loser.id]
    assert state.conflicts[0].status == Status.RETURNED
    assert b  # second chain object exists only to offset clocks


def _random_history(draw_ops: list[int]) -> list[Event]:
    """Events from three nodes acting on one dossier, many of them illegal in some orders."""
    chains = [Chain(f"node-{i}", start_ms=i * 7) for i in range(3)]
    events = [chains[0].make(EventType.RECEIVED, RECEIVED)]
    kinds = [
        (EventType.HANDED_OFF, HANDOFF),
        (EventType.RESULT_RECEIVED, {}),
        (EventType.RETURNED, {"to_name": "A"}),
        (EventType.EXTENDED, {"new_due_at": "2026-12-01T17:00:00+07:00"}),
        (EventType.STOPPED, {"reason": "x"}),
        (EventType.SUPPLEMENT_REQUESTED, {"reason": "y"}),
        (EventType.RESUBMITTED, {"due_at": "2026-12-03T17:00:00+07:00"}),
        (EventType.NOTE, {"text": "n"}),
        (EventType.VOIDED, {"reason": "v"}),
        (EventType.PRINTED, {"form": "slip"}),
    ]
    for op in draw_ops:
        node = chains[op % 3]
        type_, payload = kinds[(op // 3) % len(kinds)]
        events.append(node.make(type_, payload, step_ms=1 + op % 5))
    return events


@settings(max_examples=200, deadline=None, database=None)
@given(ops=st.lists(st.integers(0, 200), max_size=25), data=st.data())
def test_fold_is_the_same_for_any_delivery_order(ops, data):
    events = _random_history(ops)
    expected = fold(DOSSIER, events)
    shuffled = data.draw(st.permutations(events))
    assert fold(DOSSIER, shuffled) == expected
    # every event is accounted for: applied or recorded as a conflict
    assert expected.event_count == len(events)


@settings(max_examples=100, deadline=None, database=None)
@given(ops=st.lists(st.integers(0, 200), max_size=25))
def test_fold_builds_the_same_state_as_the_dataclass(ops):
    """fold (and apply) fill a DossierState's fields without its __init__: the very object
    DossierState(**fields) would be, fields in declaration order, factory defaults fresh."""
    events = _random_history(ops)
    state = fold(DOSSIER, events)
    fields = list(DossierState.__dataclass_fields__)
    assert list(state.__dict__) == fields
    rebuilt = DossierState(**{name: getattr(state, name) for name in fields})
    assert rebuilt == state and repr(rebuilt) == repr(state)
    for step in state.steps:
        assert list(step.__dict__) == list(Step.__dataclass_fields__)
        assert Step(**step.__dict__) == step
    step = DossierState(dossier_id=DOSSIER)
    for ev in sorted(events, key=lambda e: e.sort_key):
        try:
            step = apply(step, ev)
        except IllegalTransition:
            continue
        assert list(step.__dict__) == fields
    empty = fold(DOSSIER, [])
    assert (
        empty == DossierState(dossier_id=DOSSIER)
        and empty.procedure is not fold(DOSSIER, []).procedure
    )  # each state its own default dicts


def test_hash_chain_detects_alteration_and_gaps():
    chain = Chain()
    events = happy_path(chain)
    assert verify_chain(events) == []
    tampered = list(events)
    from dataclasses import replace

    tampered[1] = replace(events[1], payload={**events[1].payload, "to_unit": "Khác"})
    assert any("altered" in p for p in verify_chain(tampered))
    assert any("missing" in p for p in verify_chain([events[0], events[2], events[3]]))


def test_event_round_trips_through_its_wire_form():
    ev = Chain().make(EventType.RECEIVED, RECEIVED)
    back = Event.from_dict(ev.to_dict())
    assert back == ev and back.compute_hash() == ev.hash
    with pytest.raises(ValueError):
        Event.from_dict({**ev.to_dict(), "occurred_at": "2026-11-23T09:00:00"})


@settings(max_examples=200, deadline=None, database=None)
@given(
    st.lists(
        st.tuples(st.booleans(), st.integers(0, 10**6), st.integers(0, 2**20)),
        min_size=1,
        max_size=50,
    )
)
def test_hlc_never_goes_back_and_passes_remote_values(steps):
    clock = HybridClock()
    last = 0
    for is_remote, wall, remote_wall in steps:
        if is_remote:
            remote = pack(remote_wall, 3)
            value = clock.observe(remote, wall)
            assert value > remote
        else:
            value = clock.tick(wall)
        assert value > last
        assert unpack(value)[0] >= wall or unpack(value)[0] >= unpack(last)[0]
        last = value


def test_uuid7_is_version_7_and_time_ordered():
    import uuid

    ids = [uuid7(1_700_000_000_000 + i) for i in range(50)]
    assert all(uuid.UUID(i).version == 7 for i in ids)
    assert ids == sorted(ids)
    assert len(set(uuid7(5) for _ in range(1000))) == 1000
