"""Validation at every border (issue 8, items 1, 3 and the chain of item 4): the crafted
payloads that used to stop the office, the hub's chain rule, clocks that cannot poison, and a
desk that quarantines what it cannot apply instead of stalling."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from motcua_desk.domain import schema
from motcua_desk.domain.errors import ValidationError
from motcua_desk.domain.events import GENESIS_HASH, EventType
from motcua_desk.domain.hlc import unpack
from motcua_desk.domain.schema import InvalidEvent, WrongClock
from motcua_desk.services.dossiers import IntakeRequest
from tests.helpers import FakeClock, raw_db
from tests.sync.forge import Forger, inject, received_payload, seal
from tests.sync.helpers import HubThread, assert_converged, make_desk, register, sync_all

TEN_MIN = 10 * 60 * 1000


@pytest.fixture
def office(tmp_path):
    """A hub with the real clock rule (10 min) and three desks sharing its clock."""
    clock = FakeClock()
    hub = HubThread(str(tmp_path / "hub.sqlite3"), clock=clock, max_clock_ahead_ms=TEN_MIN)
    desks = [make_desk(tmp_path, n, clock) for n in (1, 2, 3)]
    register(hub, desks)
    forger = Forger(hub.url, hub.store.add_desk("Quầy 4", 4)[1])
    yield hub, desks, forger, clock
    for d in desks:
        d.close()
    hub.stop()


def _quarantine(desk) -> dict[str, tuple[str, int]]:
    conn = sqlite3.connect(desk.path)
    try:
        return {
            r[0]: (r[1], r[2])
            for r in conn.execute("SELECT event_id, reason, applied FROM quarantine")
        }
    finally:
        conn.close()


def _with(wire: dict, **payload_changes) -> dict:
    payload = {**wire["payload"], **payload_changes}
    return seal({**wire, "payload": {k: v for k, v in payload.items() if v is not ...}})


# --- the six crafted payloads of item 1 ------------------------------------------------------
CRAFTED = {
    "no code": lambda f: _with(f.event(), code=...),
    "applicant name as a list": lambda f: _with(
        f.event(), applicant={**received_payload(1)["applicant"], "name": ["Nguyễn", "Văn"]}
    ),
    "due_at not a date": lambda f: _with(f.event(), due_at="not a date"),
    "handed_off without to_unit": lambda f: f.event(
        "handed_off", {"from_unit": "desk", "giver": "x", "receiver": "y"}
    ),
    "occurred_at 0001-01-01T00:00+14:00": lambda f: seal(
        {**f.event(), "occurred_at": "0001-01-01T00:00:00+14:00"}
    ),
    "due in year 9999": lambda f: _with(f.event(), due_at="9999-12-31T23:59:00+07:00"),
}


@pytest.mark.parametrize("what", list(CRAFTED))
def test_a_crafted_payload_is_refused_alone_and_stops_nobody(office, what):
    hub, (a, b, c), forger, _ = office
    a.intake("Trần Thị Bình")
    first = forger.event()
    bad = CRAFTED[what](Forger(hub.url, "", node=forger.node, head=1, prev=first["hash"], made=50))
    assert schema.problems(bad), what
    results = forger.push(first, bad)
    assert [r.status for r in results] == ["accepted", "rejected"]
    assert results[1].reason == "invalid_event" and results[1].detail
    # The same event pulled from a hub that stored it anyway (before the check): quarantined,
    # the cursor moves on, every desk's sync returns normally.
    inject(hub.store, bad)
    a.intake("Lê Văn Cường")
    for _ in range(2):
        for d in (a, b, c):
            report = d.sync(hub.url)
            assert report.cursor == hub.store.head()
    for d in (b, c):
        assert _quarantine(d)[bad["id"]] == ("invalid_event", 0)
        listed = d.repl.quarantined()
        assert [q.event_id for q in listed] == [bad["id"]]
        assert "does not fit" in listed[0].description
        assert d.repl.counts().conflicts == 1
    assert_converged([b, c])
    assert {r.code for r in b.services.dossiers.search("")} >= {
        x.code for x in a.services.dossiers.search("")
    }


def test_the_desk_refuses_to_append_an_invalid_event_and_writes_nothing(office):
    _, (a, _, _), _, _ = office
    before = a.repl.identity().last_seq
    # What the officer types is cleaned first (zero-width characters dropped, NFC) ...
    d = a.intake("Phạm Văn Đông", address="Thôn\u200b Một")
    assert "\u200b" not in d.dossier.address
    before = a.repl.identity().last_seq
    # ... and an event that still does not fit its schema is refused before it is written
    with a.services.dossiers.unit() as uow, pytest.raises(InvalidEvent) as err:
        uow.append(d.dossier.id, EventType.NOTE, {"text": "Thôn\u200b Một"})
    assert "U+200B" in str(err.value) and err.value.code == "invalid_event"
    with pytest.raises((InvalidEvent, ValidationError)):
        a.services.dossiers.extend(
            a.intake("Phạm Văn Em").dossier.code, datetime(9999, 12, 31, tzinfo=UTC), "lý do"
        )
    assert a.repl.identity().last_seq == before + 1  # only the second intake


# --- the chain rule -------------------------------------------------------------------------
def test_a_forged_seq_3_waits_and_the_real_2_and_3_are_then_accepted(office):
    """A token holder pushes seq 3 with an invented prev_hash onto a hub holding only seq 1:
    refused; the desk's real seq 2 and 3 are then accepted."""
    hub, (a, b, _), _, _ = office
    a.intake("Một")
    a.sync(hub.url)
    a.intake("Hai")
    a.intake("Ba")
    real = a.repl.pending()
    assert [e.seq for e in real] == [2, 3]
    impostor = Forger(hub.url, a.token, node=a.repl.identity().node_id, head=2, prev="ab" * 32)
    forged = impostor.event()
    assert forged["seq"] == 3
    (r,) = impostor.push(forged)
    assert r.status == "rejected" and r.reason == "gap"  # waits; never fills the gap
    second = Forger(hub.url, a.token, node=a.repl.identity().node_id, head=1, prev="cd" * 32)
    (r,) = second.push(second.event())
    assert r.status == "rejected" and r.reason == "chain_mismatch"
    report = a.sync(hub.url)
    assert report.accepted == 2 and a.repl.counts().unsent == 0
    b.sync(hub.url)
    assert_converged([a, b])


def test_pulled_chain_breaks_are_quarantined_and_an_altered_event_keeps_the_original(office):
    hub, (a, b, c), _, _ = office
    a.intake("Đinh Văn Giang")
    a.intake("Đinh Văn Hải")
    sync_all(hub.url, [a, b])
    # The hub's copy of a's first event is edited, its hash recomputed.
    first = a.repl.pending() or None
    assert first is None
    with hub.store.write() as session:
        from sqlalchemy import select

        from motcua_desk.sync.hubstore import HubEvent

        row = session.scalars(select(HubEvent).order_by(HubEvent.hub_seq).limit(1)).one()
        wire = json.loads(row.body)
        wire["payload"]["applicant"]["name"] = "Kẻ Sửa Dữ Liệu"
        altered = seal(wire)
        row.body, row.hash = json.dumps(altered, ensure_ascii=False), altered["hash"]
        original_hash = wire["hash"]
    # b already held it: "hub_altered", the original kept.
    from motcua_desk.sync.client import HubClient

    events, seqs, _, _ = HubClient(hub.url, b.token).pull(0)
    b.repl.apply_pulled(events, max(seqs), seqs)
    assert _quarantine(b)[altered["id"]] == ("hub_altered", 0)
    held = (
        raw_db(b.path)
        .execute("SELECT hash_text(hash) FROM events WHERE id = uuid_blob(?)", (altered["id"],))
        .fetchone()
    )
    assert held == (original_hash,)
    # c never saw it: takes the altered one (nothing tells it apart), but the next event of
    # that desk no longer links: quarantined, never silently accepted.
    c.sync(hub.url)
    q = _quarantine(c)
    assert list(q.values()) == [("chain_broken", 0)]
    assert "hub verify" in c.repl.quarantined()[0].description


def test_events_pulled_with_a_gap_wait_and_apply_when_the_gap_fills(office):
    hub, (a, b, _), _, _ = office
    for i in range(3):
        a.intake(f"Khúc Văn {i}")
    a.sync(hub.url)
    from motcua_desk.sync.client import HubClient

    events, seqs, nxt, _ = HubClient(hub.url, b.token).pull(0)
    b.repl.apply_pulled(events[1:], nxt, seqs[1:])  # seq 1 missing
    assert sorted(r for r, _ in _quarantine(b).values()) == ["gap", "gap"]
    assert b.repl.cursor() == nxt  # the cursor moved on
    b.repl.apply_pulled(events[:1], nxt, seqs[:1])
    assert _quarantine(b) == {}
    assert_converged([a, b])


# --- clocks -----------------------------------------------------------------------------------
def test_a_desk_clock_in_2010_is_refused_with_a_clear_message_nothing_written(office):
    _, (a, _, _), _, clock = office
    a.intake("Trước Khi Hỏng")
    saved = clock.now
    clock.set(datetime(2010, 1, 1, 8, 0))
    with pytest.raises(WrongClock) as err:
        a.services.dossiers.intake(
            IntakeRequest(procedure_code="1.004873", applicant_name="Nguyễn Văn Pin")
        )
    assert err.value.code == "clock_wrong" and "set the date and time" in str(err.value)
    clock.now = saved - timedelta(hours=3)  # before this desk's own last event
    clock.scripted = False  # a real clock: held to the desk's own last event
    with pytest.raises(WrongClock):
        a.intake("Đồng Hồ Lùi")
    clock.scripted = True
    clock.now = saved
    assert a.repl.identity().last_seq == 1


def test_the_2010_event_already_made_does_not_block_the_ones_behind_it(office, monkeypatch):
    """An event recorded while the machine said 2010 (before the desk refused such clocks):
    the hub stores it, the events behind it follow, other desks apply it and list it."""
    hub, (a, b, _), _, clock = office
    from motcua_desk.services import base

    saved = clock.now
    clock.set(datetime(2010, 1, 1, 8, 0))
    with monkeypatch.context() as m:  # the desk program of before: no clock check
        m.setattr(base.schema, "check_desk_clock", lambda now, last: None)
        a.intake("Pin Hỏng")
    assert unpack(_last_hlc(a))[0] < int(datetime(2011, 1, 1, tzinfo=UTC).timestamp() * 1000)
    clock.now = saved
    a.intake("Sau Khi Sửa Pin")
    report = a.sync(hub.url)
    assert report.rejected == 0 and a.repl.counts().unsent == 0
    b.sync(hub.url)
    listed = b.repl.quarantined()
    assert listed and all(q.reason == "wrong_clock" and q.applied for q in listed)
    assert_converged([a, b])


def test_a_2099_clock_is_refused_by_the_hub_and_never_drags_a_desk(office):
    hub, (a, b, _), forger, clock = office
    at_2099 = datetime(2099, 6, 1, tzinfo=UTC)
    (r,) = forger.push(forger.event(at=at_2099))
    assert r.status == "rejected" and r.reason == "clock_ahead"
    # Retryable: a clock only minutes ahead is taken once the hub's clock catches up.
    soon = forger.event(at=clock.now + timedelta(minutes=30))
    assert forger.push(soon)[0].reason == "clock_ahead"
    clock.advance(minutes=25)
    assert forger.push(soon)[0].status == "accepted"
    # A 2099 event a hub stored anyway: applied, listed, and the desk's clock stays.
    inject(hub.store, forger.event(at=at_2099))
    b.sync(hub.url)
    assert unpack(_last_hlc(b))[0] < int((clock.now + timedelta(days=1)).timestamp() * 1000)
    assert [q.reason for q in b.repl.quarantined()] == ["future_clock"]
    made = b.intake("Sau Năm 2099")
    assert made.dossier.received_at.year == clock.now.year


def _last_hlc(desk) -> int:
    return sqlite3.connect(desk.path).execute("SELECT last_hlc FROM desk").fetchone()[0]


def test_seq_1_needs_the_genesis_hash(office):
    hub, _, forger, _ = office
    (r,) = forger.push(forger.event(prev_hash="ee" * 32))
    assert r.reason == "chain_mismatch"
    (r,) = forger.push(forger.event(prev_hash=GENESIS_HASH))
    assert r.status == "accepted"
