"""The wire format on its own: what the hub stores is exactly the event, the fast path that
skips building an Event agrees with the long way, and malformed events are refused."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from motcua_desk.domain.events import Event
from motcua_desk.sync import protocol
from motcua_desk.sync.client import encode_event
from motcua_desk.sync.protocol import ProtocolError, parse_event, parse_incoming
from tests.sync.helpers import bulk_events


@pytest.fixture
def events(desks):
    a = desks[0]
    bulk_events(a, 5, events_per_dossier=6)
    a.intake("Nguyễn Thị Đặc Biệt")
    return a.repl.pending()


def test_the_stored_body_is_the_event_and_the_fast_path_agrees(events):
    assert len(events) == 32
    for ev in events:
        wire = json.loads(encode_event(ev))
        fast = parse_incoming(wire)
        slow = protocol.incoming_from_event(parse_event(wire))
        assert fast == slow
        assert fast.problem is None
        assert Event.from_dict(json.loads(fast.body)) == ev  # stored JSON = the event itself
        assert protocol.seal_check(ev) == (True, fast.body)
        bad = parse_incoming({**wire, "officer": wire["officer"] + "!"})
        assert bad.problem == "hash_mismatch"


def test_unusual_but_valid_forms_are_normalised(events):
    ev = events[0]
    wire = json.loads(encode_event(ev))
    variants = [
        {**wire, "occurred_at": ev.occurred_at.strftime("%Y-%m-%dT%H:%M:%S.000000+00:00")},
        {k: v for k, v in wire.items() if k != "prev_hash"} if ev.seq == 1 else wire,
        {**wire, "extra": "ignored"},
    ]
    for data in variants:
        got = parse_incoming(data)
        assert got.problem is None
        assert Event.from_dict(json.loads(got.body)) == ev


@pytest.mark.parametrize(
    "change",
    [
        {"seq": True},
        {"seq": 0},
        {"seq": "1"},
        {"hlc": 5},
        {"hlc": -1},
        {"id": "not-a-uuid"},
        {"node_id": None},
        {"type": "teleported"},
        {"occurred_at": "yesterday"},
        {"occurred_at": "2026-11-23T09:00:00"},
        {"payload": [1, 2]},
        {"hash": "xyz"},
        {"officer": "x" * 101},
    ],
)
def test_malformed_events_are_refused(events, change):
    """An event with an id to answer for is refused alone (invalid_event, with what is wrong);
    one without is a malformed request (422 bad_event)."""
    wire = {**json.loads(encode_event(events[0])), **change}
    if "id" in change:
        with pytest.raises(ProtocolError) as err:
            parse_incoming(wire, 7)
        assert err.value.code == "bad_event" and err.value.status == 422
        assert "event #7" in err.value.detail
        return
    got = parse_incoming(wire, 7)
    assert got.problem == "invalid_event" and got.id == wire["id"]
    assert got.detail and next(iter(change)) in got.detail


def test_a_huge_event_is_refused_alone(events):
    big = replace(
        events[-1], payload={**events[-1].payload, "blob": "x" * protocol.MAX_EVENT_BYTES}
    ).sealed()
    assert parse_incoming(json.loads(encode_event(big))).problem == "too_large"


def test_store_urls():
    assert protocol.hub_store_url("/srv/hub.sqlite3") == "sqlite:////srv/hub.sqlite3"
    assert protocol.hub_store_url("postgresql://hub@db/hub") == "postgresql+psycopg://hub@db/hub"
    assert protocol.hub_store_url("postgres://x/y") == "postgresql+psycopg://x/y"
    assert protocol.hub_store_url("sqlite:///a.db") == "sqlite:///a.db"


def test_the_fast_digest_is_the_canonical_json_hash(events):
    """Event.digest assembles the canonical text around the payload's own encoding; it must be
    exactly SHA-256 of json.dumps(sort_keys, no spaces, UTF-8) of every field but the hash."""
    import hashlib
    from datetime import UTC, datetime, timedelta, timezone

    from motcua_desk.store.types import utc_text

    odd = replace(
        events[0],
        officer='Bà "Tư" \\ \u00a0\U0001f600\n',
        payload={"z": 1.5, "a": [None, True, {"y": "ñ", "b": -0.0}], "đ": "\u2028"},
    ).sealed()
    for ev in [*events, odd]:
        body = ev.to_dict()
        del body["hash"]
        reference = hashlib.sha256(
            json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
        ).hexdigest()
        digest, payload = ev.digest()
        assert digest == reference == ev.hash
        assert json.loads(payload) == dict(ev.payload)
    moments = [
        datetime(2026, 11, 23, 9, 0, tzinfo=UTC),
        datetime(2026, 1, 2, 3, 4, 5, 678901, tzinfo=timezone(timedelta(hours=7))),
        datetime(1999, 12, 31, 23, 59, 59, 1, tzinfo=timezone(timedelta(hours=-5))),
    ]
    assert [utc_text(m) for m in moments] == [
        m.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f") for m in moments
    ]


def test_tokens_never_look_like_command_line_options():
    from motcua_desk.sync.hubstore import new_token

    tokens = {new_token() for _ in range(2000)}
    assert len(tokens) == 2000
    assert all(t[0].isalpha() and len(t) >= 40 for t in tokens)


@pytest.mark.parametrize(
    "change",
    [
        {"seq": 2**31 - 1},
        {"seq": 2**31},
        {"officer": "x" * 100},
        {"officer": "x" * 101},
        {"hlc": protocol.HLC_MIN_WALL_MS << 16},
        {"hlc": (protocol.HLC_MIN_WALL_MS << 16) - 1},
        {"hlc": (protocol.HLC_MAX_WALL_MS << 16) - 1},
        {"hlc": protocol.HLC_MAX_WALL_MS << 16},
        {"prev_hash": "A" * 64},
        {"dossier_id": "00000000-0000-0000-0000-00000000000G"},
        {"type": "Received"},
    ],
)
def test_what_the_schema_takes_parse_event_takes(events, change):
    """parse_incoming's fast way leans on the schema for the envelope's checks: whatever
    domain.schema lets through, parse_event must let through too (and then both agree)."""
    from motcua_desk.domain import schema

    wire = {**json.loads(encode_event(events[0])), **change}
    if schema.problems(wire):
        assert parse_incoming(wire).problem == "invalid_event"
        return
    parse_event(wire)  # does not raise
    assert parse_incoming(wire) == protocol.incoming_from_event(parse_event(wire))
