"""The wire protocol between a desk and the office hub: JSON over HTTP(S), version 1.

Every request but `GET /v1/health` carries `Authorization: Bearer <desk token>`; the desk
also sends `X-Motcua-Protocol: 1`; every answer carries `X-Hub-Time-Ms` (the hub's clock).

    GET  /v1/health                      → 200 {status, protocol, hub_time_ms}
    POST /v1/hello      {node_id, desk_no, agency_id, desk_time_ms}
                                         → 200 {desk: {name, desk_no, node_id}, head, node_seq,
                                                reference: {kind: version}, skew_ms,
                                                hub_time_ms}
         (checks the desk number against the registration and binds the token to this
         installation on first use; skew_ms = desk clock − hub clock as the hub saw it)
    POST /v1/push       {events: [Event.to_dict(), …]}     (at most MAX_PUSH_EVENTS)
                                         → 200 {results: [{id, status, hub_seq?, reason?}],
                                                counts: {status: n}, hub_time_ms}
    GET  /v1/pull?after=CURSOR&limit=N   → 200 {events: [{hub_seq, event}, …], next, more,
                                                hub_time_ms}
         (events of other desks with hub_seq > CURSOR, in hub_seq order; the desk's own
         events are left out, `next` moves past them; `more` = ask again from `next`)
    GET  /v1/own?after_seq=SEQ&limit=N   → 200 {events: [{hub_seq, event}, …], next, more,
                                                hub_time_ms}
         (the desk's own events with seq > SEQ, in seq order; `next` is a seq: a desk
         restored from an older backup takes back what it made after the backup)
    GET  /v1/reference?catalog=V&departments=V&calendar=V
                                         → 200 {reference: {kind: {version, data}}, …}

Per-event push results: `accepted` (stored now, with its hub_seq), `duplicate` (the hub already
had exactly this event: a retry after a lost answer; with its hub_seq), `rejected` (with a
reason, see REJECT_REASONS; nothing stored for it).

A request that is wrong as a whole is refused with a 4xx status and a body
`{"error": code, "detail": sentence}`, and the hub stores nothing of it (see ERRORS).

This module is shared by both ends and does no I/O: limits, codes, and the validation of what
arrives (the request-level refusals and the bounded JSON reading are sync.wire_json's,
importable from here too).
"""

from __future__ import annotations

import gc
import hashlib
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from motcua_desk.domain import schema
from motcua_desk.domain.events import Event, sealed_fast
from motcua_desk.domain.hlc import unpack
from motcua_desk.sync.wire_json import (  # noqa: F401 - re-exported (the protocol's names)
    ERRORS,
    MAX_JSON_DEPTH,
    MAX_JSON_INT,
    ProtocolError,
    _depth_within,
    _plain_within,
    canonical_json,
    parse_json,
)

PROTOCOL_VERSION = 1
PROTOCOL_HEADER = "X-Motcua-Protocol"
HUB_TIME_HEADER = "X-Hub-Time-Ms"

# --- limits --------------------------------------------------------------------------------
MAX_PUSH_EVENTS = 1000  # events in one push request
MAX_BODY_BYTES = 8 * 1024 * 1024  # one request body
MAX_EVENT_BYTES = 256 * 1024  # one event's JSON
MAX_PULL_LIMIT = 2000  # events in one pull answer
DEFAULT_PULL_LIMIT = 1000
MAX_REFERENCE_BYTES = 4 * 1024 * 1024  # a published reference data set
SKEW_WARNING_MS = 2 * 60 * 1000  # a desk clock further than this from the hub's is told

# Bounds of a hybrid logical clock's wall part (ms since 1970): 2000-01-01 .. 2100-01-01 (see
# domain.schema). A past clock is stored (an event made with a dead CMOS battery must not block
# the events behind it in its desk's chain); desks list it as "recorded with a wrong clock".
# A desk records its own new events only with a clock from 2020 on (schema.DESK_CLOCK_MIN).
HLC_MIN_WALL_MS = schema.MIN_WALL_MS
HLC_MAX_WALL_MS = schema.MAX_WALL_MS
DESK_MIN_WALL_MS = int(schema.DESK_CLOCK_MIN.timestamp() * 1000)

REFERENCE_KINDS = ("catalog", "departments", "calendar")

# --- per-event results ---------------------------------------------------------------------
ACCEPTED = "accepted"
DUPLICATE = "duplicate"
REJECTED = "rejected"

REJECT_REASONS = {
    "hash_mismatch": "the event's hash does not match its content (altered or corrupted)",
    "id_conflict": "another event with the same id but different content is already stored",
    "seq_conflict": "the hub already holds a different event with this node's sequence number "
    "(was the desk restored from an old backup?)",
    "chain_mismatch": "the event does not follow its predecessor in the desk's hash chain",
    "too_large": "the event is larger than the hub accepts",
    "invalid_event": "the event does not fit its type's schema (a required field missing, a "
    "wrong type, a moment that is not one, a control character…): never "
    "stored; the detail says what",
    "gap": "the hub does not yet hold this node's previous event: offer it again after the "
    "ones before it (retryable)",
    "clock_ahead": "the event's clock is ahead of the hub's by more than the hub allows: "
    "offered again, it is taken once the hub's clock catches up (retryable)",
}
RETRYABLE_REASONS = frozenset(("gap", "clock_ahead"))
DEFAULT_MAX_CLOCK_AHEAD_MIN = 10  # `hub serve --max-clock-ahead MINUTES`

_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


def parse_event(data: Any, index: int = 0) -> Event:
    """A well-formed event from its wire form, or ProtocolError('bad_event'). The hash is not
    checked here (a wrong hash is a per-event rejection, see check_hash)."""
    where = f"event #{index}"
    if not isinstance(data, Mapping):
        raise ProtocolError("bad_event", f"{where} is not an object")
    if type(data.get("seq")) is not int or type(data.get("hlc")) is not int:
        raise ProtocolError("bad_event", f"{where}: seq and hlc must be integers")
    try:
        ev = Event.from_dict(data)
    except (KeyError, ValueError, TypeError) as err:
        raise ProtocolError("bad_event", f"{where}: {type(err).__name__}: {err}") from err
    if not _ID.match(ev.id) or not _ID.match(ev.dossier_id) or not _ID.match(ev.node_id):
        raise ProtocolError("bad_event", f"{where}: id, dossier_id and node_id must be UUIDs")
    if not _HEX64.match(ev.hash) or not _HEX64.match(ev.prev_hash):
        raise ProtocolError("bad_event", f"{where}: hash and prev_hash must be 64 hex digits")
    if ev.seq >= 2**31 or len(ev.officer) > 100:
        raise ProtocolError("bad_event", f"{where}: seq or officer out of range")
    wall, _ = unpack(ev.hlc)
    if not HLC_MIN_WALL_MS <= wall < HLC_MAX_WALL_MS:
        raise ProtocolError(
            "bad_event", f"{where}: hybrid clock value {ev.hlc} is not a time between 2000 and 2100"
        )
    return ev


def check_hash(ev: Event) -> bool:
    return ev.compute_hash() == ev.hash


def seal_check(ev: Event) -> tuple[bool, str]:
    """(the hash is right, the event's JSON to store) with one encoding: the canonical text
    without the hash is what Event.compute_hash digests, and the stored JSON is that text with
    the hash appended as the last key (any key order is the same JSON object)."""
    d = ev.to_dict()
    claimed = d.pop("hash")
    text = canonical_json(d)
    ok = hashlib.sha256(text.encode("utf-8")).hexdigest() == claimed
    return ok, f'{text[:-1]},"hash":"{claimed}"}}'


@dataclass(frozen=True, slots=True)
class Incoming:
    """A pushed event as the hub handles it: the columns it indexes, the JSON it stores, and
    what is wrong with it (None, "hash_mismatch" or "too_large")."""

    id: str
    dossier_id: str
    node_id: str
    seq: int
    hlc: int
    type: str
    hash: str
    prev_hash: str
    body: str
    problem: str | None
    detail: str | None = None


def invalid_incoming(data: Mapping[str, Any], problems: list[str]) -> Incoming:
    """A pushed event that does not fit its schema but has an id to answer for: refused alone
    (reason invalid_event, with what is wrong), the rest of its batch goes on."""
    node = data.get("node_id")
    seq, hlc = data.get("seq"), data.get("hlc")
    return Incoming(
        data["id"],
        "",
        node if type(node) is str and _ID.match(node) else "",
        seq if type(seq) is int else 0,
        hlc if type(hlc) is int else 0,
        "",
        "",
        "",
        "",
        "invalid_event",
        "; ".join(problems)[:500],
    )


def incoming_from_event(ev: Event) -> Incoming:
    ok, body = seal_check(ev)
    return Incoming(
        ev.id,
        ev.dossier_id,
        ev.node_id,
        ev.seq,
        ev.hlc,
        str(ev.type),
        ev.hash,
        ev.prev_hash,
        body,
        _problem(ok, body),
    )


def _problem(hash_ok: bool, body: str) -> str | None:
    if len(body) > MAX_EVENT_BYTES // 4 and len(body.encode("utf-8")) > MAX_EVENT_BYTES:
        return "too_large"
    return None if hash_ok else "hash_mismatch"


_WIRE_KEYS = frozenset(
    (
        "id",
        "dossier_id",
        "node_id",
        "seq",
        "hlc",
        "type",
        "occurred_at",
        "recorded_at",
        "officer",
        "payload",
        "prev_hash",
        "hash",
    )
)


def _sealed_text(data: dict[str, Any], claimed: str) -> str | None:
    """The canonical text of a wire event (without its hash) when its hash is `claimed`, made
    the fast way (events.sealed_fast); None: json's canonical text decides."""
    found = sealed_fast(
        data["dossier_id"],
        data["hlc"],
        data["id"],
        data["node_id"],
        data["occurred_at"],
        data["officer"],
        data["payload"],
        data["prev_hash"],
        data["recorded_at"],
        data["seq"],
        data["type"],
        claimed,
    )
    return None if found is None else b"".join(found).decode("utf-8")


def parse_incoming(data: Any, index: int = 0) -> Incoming:
    """parse_event + seal_check in one step, without building an Event when the wire form is
    already exactly Event.to_dict() (what desks send): then the canonical text can be made
    from the received object itself. Anything else (missing keys, extra keys, moments written
    differently) goes the long way, which normalises it. An event that does not fit its
    schema (domain.schema) but has a UUID id comes back with problem "invalid_event" and the
    detail; ProtocolError('bad_event') only for what has no id to answer for."""
    if isinstance(data, Mapping):
        found = schema.problems(data)
        if found:
            if type(data.get("id")) is str and _ID.match(data["id"]):
                return invalid_incoming(data, found)
            raise ProtocolError(
                "bad_event", f"event #{index} has no valid id: {'; '.join(found)[:300]}"
            )
    # The schema has passed it: every envelope field present has its type and range (ids
    # UUIDs, hashes 64 hex digits, seq from 1 to 2**31 - 1, an hlc from 2000 to 2100, an
    # officer of at most 100 characters, a known type), which is all parse_event checks of
    # them (test_protocol pins that the two agree). The fast way needs only the exact key set,
    # a plain payload object and moments written as isoformat() writes them.
    if (
        type(data) is dict
        and data.keys() == _WIRE_KEYS
        and type(data["payload"]) is dict
        and _normal_moments(data["occurred_at"], data["recorded_at"])
    ):
        claimed = data["hash"]
        text = _sealed_text(data, claimed)
        ok = text is not None
        if not ok:
            text = canonical_json({k: v for k, v in data.items() if k != "hash"})
            ok = hashlib.sha256(text.encode("utf-8")).hexdigest() == claimed
        body = f'{text[:-1]},"hash":"{claimed}"}}'
        return Incoming(
            data["id"],
            data["dossier_id"],
            data["node_id"],
            data["seq"],
            data["hlc"],
            data["type"],
            claimed,
            data["prev_hash"],
            body,
            _problem(ok, body),
        )
    return incoming_from_event(parse_event(data, index))


def _normal_moments(occurred_at: str, recorded_at: str) -> bool:
    """Both moments written exactly as datetime.isoformat() writes them (one look when they
    are the same text, as they are for most events)."""
    if occurred_at == recorded_at:
        return _normal_moment(occurred_at)
    return _normal_moment(occurred_at) and _normal_moment(recorded_at)


# A moment as datetime.isoformat() writes an aware one (no ".000000", no "-00:00"), in the years
# 2000–2099, on a day that every year has: the usual text, known normal without parsing it.
_SURELY_NORMAL = re.compile(
    r"20[0-9]{2}-"
    r"(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)"
    r"T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.(?!000000)[0-9]{6})?"
    r"(?:\+(?:[01][0-9]|2[0-3]):[0-5][0-9]|-(?!00:00)(?:[01][0-9]|2[0-3]):[0-5][0-9])"
).fullmatch


def _normal_moment(text: str) -> bool:
    """An aware ISO moment written exactly as datetime.isoformat() writes it."""
    if _SURELY_NORMAL(text):
        return True
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return False
    return moment.tzinfo is not None and moment.isoformat() == text


@dataclass(frozen=True)
class PushResult:
    id: str
    status: str  # accepted | duplicate | rejected
    hub_seq: int | None = None
    reason: str | None = None
    detail: str | None = None  # for invalid_event: what is wrong

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "status": self.status}
        if self.hub_seq is not None:
            out["hub_seq"] = self.hub_seq
        if self.reason is not None:
            out["reason"] = self.reason
        if self.detail is not None:
            out["detail"] = self.detail
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PushResult:
        detail = data.get("detail")
        return cls(
            str(data["id"]),
            str(data["status"]),
            data.get("hub_seq"),
            data.get("reason"),
            str(detail)[:500] if detail is not None else None,
        )

    @property
    def stored(self) -> bool:
        """The hub holds this event (it may be marked acknowledged on the desk)."""
        return self.status in (ACCEPTED, DUPLICATE)


def hub_store_url(value: str) -> str:
    """An SQLAlchemy URL from what an administrator types: a file path, sqlite:///…, or
    postgresql://… (the psycopg 3 driver is chosen)."""
    value = value.strip()
    if value.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    if "://" in value:
        return value
    return f"sqlite:///{value}"


@contextmanager
def gc_paused() -> Iterator[None]:
    """Hold the cyclic garbage collector during one batch. A batch allocates tens of
    thousands of short-lived objects, which reference counting frees anyway; meanwhile the
    collector would walk every live object of the process many times over (about a third of
    a pull's CPU). It runs again between batches."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
