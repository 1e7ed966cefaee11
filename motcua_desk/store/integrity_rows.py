"""The event rows of the desk's integrity check: each stored row decoded into an Event and its
hash checked (`RowReader`), by string and byte operations tuned for the contents pass
(store.integrity_scan). No SQLAlchemy, like the scan: a checking process imports only these."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

import orjson

from motcua_desk.domain.events import Event, EventType, canonical_json, hash_frame

_EVENT_COLS = (
    "dossier_id, uuid_text(id), uuid_text(node_id), seq, hlc, type, occurred_at, recorded_at, "
    "officer, payload_text(payload), hash_text(prev_hash), hash_text(hash)"
)
_TYPES = {str(t): t for t in EventType}
_new_event = object.__new__


def _utc(text: str) -> datetime:
    """A moment stored as UtcDateTime text, aware (one C call: four times faster than
    fromisoformat + replace)."""
    moment = datetime.fromisoformat(text + "+00:00")
    if moment.utcoffset() != _ZERO:  # the text carried an offset of its own: not ours
        raise ValueError(f"{text!r} is not a stored UTC moment")
    return moment


_ZERO = timedelta(0)


def _iso(stored: str) -> str:
    """What datetime.isoformat() writes for a moment stored as UtcDateTime text
    ("2026-11-23 02:15:00.000000" → "2026-11-23T02:15:00+00:00"), by string operations."""
    if len(stored) != 26 or stored[10] != " " or stored[19] != ".":
        return _utc(stored).isoformat()
    frac = stored[20:]
    return f"{stored[:10]}T{stored[11:19]}{'' if frac == '000000' else '.' + frac}+00:00"


class RowReader:
    """Events from rows of _EVENT_COLS, each with its hash checked.

    The hashed bytes are the frame of the event's fields (domain.events.hash_frame) around its
    payload's canonical JSON. For the payload, per node, what matched that node's last event
    is tried first: the stored text (as bytes, straight from SQLite: pulled events are stored
    canonical) or orjson's sorted form (bytes too; a desk's own events are stored with their
    keys in the order they were written); then the other; the reference encoder last. Sound
    whatever is tried: bytes whose digest equals the hash *are* the hashed bytes, so the stored
    text decodes to the payload that was sealed; an equal payload written differently (keys in
    another order) is found by the next attempt.

    Small payloads repeat (a hand-off names the same units and officers day after day): each
    distinct stored text is decoded and re-encoded once, and its events share the decoded
    payload (the fold only reads payloads)."""

    CACHE_BYTES = 320  # payloads up to this size are remembered...
    CACHE_ENTRIES = 4096  # ...this many at most (then forgotten all at once)

    def __init__(self) -> None:
        # per node: whether its stored payloads are canonical (pulled events are; a desk's
        # own are stored as written, keys in their own order), i.e. what to hash first
        self._stored_first: dict[Any, bool] = {}
        self._seen: dict[bytes, tuple[dict[str, Any], bytes | None]] = {}

    def read(self, r: Sequence[Any]) -> tuple[Event | None, str]:
        """(event, "") when intact; (event, "altered") when its content does not give its
        hash; (None, why) when the row is not an event. The payload column may come as text
        or as its UTF-8 bytes (payload_bytes(payload): no decoding to str and back)."""
        try:
            stored = r[9]
            if stored is None:  # (store.payload_codec: a packed payload that cannot be unpacked)
                return None, "its payload cannot be unpacked (damaged, or an unknown dictionary)"
            small = type(stored) is bytes and len(stored) <= self.CACHE_BYTES
            seen = self._seen.get(stored) if small else None
            if seen is None:
                try:
                    payload = _orjson_loads(stored)
                except orjson.JSONDecodeError:  # what orjson refuses (huge integers…)
                    payload = json.loads(stored)
                if type(payload) is not dict:
                    return None, "its payload is not a JSON object"
                fast = None
            else:
                payload, fast = seen
            seq, hlc = r[3], r[4]
            if type(seq) is not int or type(hlc) is not int:
                return None, "seq or hlc is not an integer"
            occurred, recorded = _fromiso(r[6] + "+00:00"), _fromiso(r[7] + "+00:00")
            if occurred.utcoffset() != _ZERO or recorded.utcoffset() != _ZERO:
                raise ValueError("a moment is not a stored UTC moment")  # (see _utc)
            # Every field set at once, past the frozen dataclass's per-field __setattr__
            # (a quarter of the cost of reading a row otherwise); the same object.
            ev = _new_event(Event)
            ev.__dict__.update(
                id=r[1],
                dossier_id=r[0],
                node_id=r[2],
                seq=seq,
                hlc=hlc,
                type=_TYPES[r[5]],
                occurred_at=occurred,
                recorded_at=recorded,
                officer=r[8],
                payload=payload,
                prev_hash=r[10],
                hash=r[11],
            )
            if type(ev.officer) is not str or type(ev.prev_hash) is not str:
                return None, "a column holds a value of the wrong type"
            head, tail = hash_frame(
                r[0], hlc, r[1], r[2], _iso(r[6]), r[8], r[10], _iso(r[7]), seq, r[5]
            )
        except KeyError:
            return None, f"unknown event type {r[5]!r}"
        except (ValueError, TypeError, AttributeError, RecursionError) as err:
            return None, f"the row cannot be read ({type(err).__name__}: {err})"
        claimed = r[11]
        node = r[2]
        stored_first = self._stored_first.get(node, True)
        try:
            as_stored = stored if type(stored) is bytes else stored.encode("utf-8")
            if stored_first and _sha256(head + as_stored + tail).hexdigest() == claimed:
                if small and seen is None:
                    self._remember(stored, payload, None)
                return ev, ""
            if fast is None:
                fast = _dumps(payload, option=_SORT_KEYS)
                if small:
                    self._remember(stored, payload, fast)
            if _sha256(head + fast + tail).hexdigest() == claimed:
                if stored_first:
                    self._stored_first[node] = False
                return ev, ""
            if not stored_first and _sha256(head + as_stored + tail).hexdigest() == claimed:
                self._stored_first[node] = True
                return ev, ""
        except (TypeError, ValueError, orjson.JSONEncodeError):
            pass  # (a text that cannot be UTF-8, a payload orjson cannot write): the long way
        try:
            reference = canonical_json(payload).encode("utf-8")
            if _sha256(head + reference + tail).hexdigest() == claimed:
                return ev, ""
        except (TypeError, ValueError, RecursionError) as err:
            return None, f"the row cannot be read ({type(err).__name__}: {err})"
        return ev, "altered"

    def _remember(self, stored: bytes, payload: dict[str, Any], fast: bytes | None) -> None:
        if len(self._seen) >= self.CACHE_ENTRIES:
            self._seen.clear()
        self._seen[stored] = (payload, fast)


_sha256 = hashlib.sha256
_dumps = orjson.dumps
_orjson_loads = orjson.loads
_fromiso = datetime.fromisoformat
_SORT_KEYS = orjson.OPT_SORT_KEYS


def event_from_row(r: Sequence[Any]) -> tuple[Event | None, str]:
    """RowReader().read(r) for a single row."""
    return RowReader().read(r)
