"""The contents pass of the desk's integrity check, on a raw sqlite3 connection: every
event's hash and every dossier's projection against a fresh fold (see
services.integrity for the whole check). Apart from the service so that a checking process
(verify --jobs) imports only this, the domain and the projection (no SQLAlchemy): it starts in
a fraction of a second, also where processes are spawned (Windows)."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import orjson

from motcua_desk.domain.dossier import Status, fold, fold_fields
from motcua_desk.domain.events import Event, EventType, canonical_json, hash_frame
from motcua_desk.domain.integrity import Break, BreakList
from motcua_desk.store.projection import MOMENT_COLUMNS, PROJECTION_COLUMNS, projection_row_of

_EVENT_COLS = (
    "dossier_id, id, node_id, seq, hlc, type, occurred_at, recorded_at, officer, "
    "payload, prev_hash, hash"
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
        or as its UTF-8 bytes (CAST(payload AS BLOB): no decoding to str and back)."""
        try:
            stored = r[9]
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


# The payload as its stored UTF-8 bytes: no decoding to str (orjson reads bytes) and, when the
# stored text is the canonical one, no encoding back for the hash.
_SCAN_COLS = _EVENT_COLS.replace("payload", "CAST(payload AS BLOB)")
Tick = Callable[[int], None]  # (events just checked)


@dataclass
class ContentScan:
    """What the contents pass found in one range of dossiers."""

    breaks: BreakList
    events: int = 0
    dossiers: int = 0


def scan_contents(
    raw, lo: str | None, hi: str | None, clashes: set[str], tick: Tick | None = None
) -> ContentScan:
    """Every event's hash and every projection of the dossiers whose id is in [lo, hi) (None:
    unbounded), in one merge of two index-ordered scans (events by dossier, dossiers by id).
    Memory holds one dossier's events at a time. `tick(n)` after each batch of n events."""
    found = ContentScan(BreakList())
    breaks = found.breaks
    where, params = _id_range("dossier_id", lo, hi)
    dwhere, _ = _id_range("id", lo, hi)
    drows = raw.execute(
        f"SELECT id, {', '.join(PROJECTION_COLUMNS)} FROM dossiers{dwhere} ORDER BY id", params
    )
    drow = next(drows, None)

    def orphans_before(dossier_id: str) -> None:
        """Name the rows before this dossier that have no events. Done as its first event
        comes, so that breaks come in dossier order whatever the ranges: one process or
        several give the same report."""
        nonlocal drow
        while drow is not None and _before(drow[0], dossier_id):
            breaks.add(_orphan(drow))
            drow = next(drows, None)

    def settle(dossier_id: str, events: list[Event], texts: dict[int, str]) -> None:
        """Compare one dossier's fold with its row."""
        nonlocal drow
        if drow is not None and drow[0] == dossier_id:
            _compare(breaks, dossier_id, events, drow, texts)
            drow = next(drows, None)
        else:
            state = fold(dossier_id, events)
            if state.status != Status.NEW and dossier_id not in clashes:
                breaks.add(
                    Break(
                        "projection_missing",
                        "a received dossier has events but "
                        "no row in the dossiers table (the row was deleted)",
                        dossier_id=dossier_id,
                        code=state.code,
                    )
                )
        found.dossiers += 1

    read = RowReader().read
    cur = raw.cursor()
    cur.arraysize = 1000
    cur.execute(f"SELECT {_SCAN_COLS} FROM events{where} ORDER BY dossier_id", params)
    current: str | None = None
    events: list[Event] = []
    texts: dict[int, str] = {}  # id(event.occurred_at) -> its stored text (see _same)
    n = 0
    while rows := cur.fetchmany():
        for r in rows:
            if r[0] != current:
                if current is not None:
                    settle(current, events, texts)
                current, events, texts = r[0], [], {}
                orphans_before(current)
            ev, problem = read(r)
            if problem:
                breaks.add(_content_break(r, problem))
            if ev is not None:
                events.append(ev)
                # An intact event whose occurred_at has the stored shape: its text *is*
                # utc_text of that moment (the hash matched the slices _iso took of it).
                moment = r[6]
                if not problem and len(moment) == 26 and moment[10] == " " and (moment[19] == "."):
                    texts[id(ev.occurred_at)] = moment
        n += len(rows)
        if tick is not None:
            tick(len(rows))
    if current is not None:
        settle(current, events, texts)
    while drow is not None:
        breaks.add(_orphan(drow))
        drow = next(drows, None)
    found.events = n
    return found


def _id_range(column: str, lo: str | None, hi: str | None) -> tuple[str, tuple[str, ...]]:
    conds, params = [], []
    if lo is not None:
        conds.append(f"{column} >= ?")
        params.append(lo)
    if hi is not None:
        conds.append(f"{column} < ?")
        params.append(hi)
    return (" WHERE " + " AND ".join(conds) if conds else ""), tuple(params)


def _before(a: Any, b: Any) -> bool:
    """a sorts before b in SQLite's order (text by its bytes, as Python orders str; numbers
    before text before blobs: a hand-edited id need not be text)."""
    try:
        return a < b
    except TypeError:
        return _sqlite_key(a) < _sqlite_key(b)


def _sqlite_key(v: Any) -> tuple[int, Any]:
    if v is None:
        return (0, 0)
    if isinstance(v, int | float):
        return (1, v)
    if isinstance(v, str):
        return (2, v.encode("utf-8", "surrogatepass"))
    return (3, bytes(v))


def _content_break(r: Sequence[Any], problem: str) -> Break:
    node, seq, ev_id, dossier_id = r[2], r[3], r[1], r[0]
    if problem == "altered":
        return Break(
            "altered",
            f"event {ev_id} (seq {seq}) no longer matches its hash: its row was edited",
            node,
            seq,
            ev_id,
            dossier_id,
        )
    return Break(
        "unreadable", f"event {ev_id} (seq {seq}): {problem}", node, seq, ev_id, dossier_id
    )


def _orphan(drow: Sequence[Any]) -> Break:
    return Break(
        "projection_orphan",
        "a dossier row has no events (its events were deleted, or the row was invented)",
        dossier_id=drow[0],
        code=drow[1] or "",
    )


def _compare(
    breaks: BreakList,
    dossier_id: str,
    events: list[Event],
    drow: Sequence[Any],
    texts: dict[int, str] | None = None,
) -> None:
    """Fold the dossier's events, compare with its row, name what differs. `texts`: the
    stored occurred_at text of intact events, by id() of their moment (see _same)."""
    state = fold_fields(dossier_id, events)  # (DossierState's fields: nothing is kept)
    code = drow[1] or ""
    if state["status"] == Status.NEW:
        breaks.add(
            Break(
                "projection",
                "the dossier row exists but its events hold no "
                "receipt (the received event was deleted?)",
                dossier_id=dossier_id,
                code=code,
            )
        )
        return
    try:
        row = projection_row_of(state)
    except (TypeError, ValueError, AttributeError) as err:  # a payload edited by hand
        breaks.add(
            Break(
                "projection",
                f"the dossier's events cannot be projected ({type(err).__name__}: {err})",
                dossier_id=dossier_id,
                code=state["code"] or code,
            )
        )
        return
    # The common case first: every column as stored, each of the very type stored. When this
    # holds, so does the column-by-column test below (it is weaker: moments and flags are
    # compared in their stored form only); when it does not, that test decides and names.
    if _same(row, drow, texts or {}):
        return
    from motcua_desk.store.repo import db_value  # (only now: a checking process starts light)

    values = dict(zip(PROJECTION_COLUMNS, row, strict=True))
    wrong = []
    for i, name in enumerate(PROJECTION_COLUMNS, start=1):
        v, d = values[name], drow[i]
        kind = type(v)
        if kind is str or kind is int or v is None:
            if v != d or type(d) is not kind:
                wrong.append(name)
        elif db_value(v) != d:
            wrong.append(name)
    if wrong:
        shown = ", ".join(
            f"{n} is {drow[PROJECTION_COLUMNS.index(n) + 1]!r}, the events say "
            f"{db_value(values[n])!r}"
            for n in wrong[:4]
        )
        breaks.add(
            Break(
                "projection",
                f"the dossier row differs from its events: {shown}"
                + (f" (and {len(wrong) - 4} more)" if len(wrong) > 4 else ""),
                dossier_id=dossier_id,
                code=state["code"] or code,
            )
        )


def _same(values: list[Any], drow: Sequence[Any], texts: dict[int, str]) -> bool:
    """True only when every column of the row is what the column-by-column test of _compare
    accepts: each value equal and of the very type stored (a flag as 0/1), and each moment
    stored in the canonical UtcDateTime form of the same instant, utc_text of it. Checked
    without formatting a moment, which costs ten times a parse:
    - a moment that is an event's own occurred_at (received, handed over, returned…): that
      event's stored text, when `texts` has it, is utc_text of that moment; equal texts;
    - any other (a due date, written with its offset in a payload): a text of exactly the
      shape "YYYY-MM-DD HH:MM:SS.ffffff" (ASCII digits) that parses to the instant the events
      say *is* utc_text of that instant (the shape fixes every digit)."""
    stored = list(values)  # (a copy: marked as compared below)
    row = list(drow[1:])
    done: dict[Any, datetime] = {}  # text -> the moment it was found to be (due_at is often
    for i in _MOMENT_INDEXES:  # original_due_at, returned_at location_since: once each)
        moment = stored[i]
        if moment is None:
            continue
        text = row[i]
        own = texts.get(id(moment))
        if own is not None:
            if text != own:
                return False
        elif done.get(text) is not moment:
            if (
                type(text) is not str
                or _STORED_MOMENT(text) is None
                or _fromiso(text + "+00:00") != moment
            ):
                return False
            done[text] = moment
        stored[i] = row[i] = None  # compared
    flag = stored[_EXTENDED_INDEX]
    if type(flag) is bool:
        stored[_EXTENDED_INDEX] = int(flag)
    return stored == row and list(map(type, stored)) == list(map(type, row))


_MOMENT_INDEXES = tuple(PROJECTION_COLUMNS.index(c) for c in MOMENT_COLUMNS)
_EXTENDED_INDEX = PROJECTION_COLUMNS.index("extended")
_STORED_MOMENT = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}"
).fullmatch


def _contents_worker(
    path: str, bounds: list[str | None], clashes: list[str], claimed, send
) -> None:
    """A checking process: ranges claimed one at a time, each scanned and sent back."""

    try:
        db = sqlite3.connect(
            f"{Path(path).resolve().as_uri()}?mode=ro",
            uri=True,
            isolation_level=None,
            check_same_thread=False,
        )
        db.execute("PRAGMA busy_timeout = 10000")
        db.execute("BEGIN")
        pending = [0]

        def tick(n: int) -> None:
            pending[0] += n
            if pending[0] >= 5000:
                send.send(("tick", pending[0]))
                pending[0] = 0

        keep = set(clashes)
        while True:
            with claimed.get_lock():
                i = claimed.value
                claimed.value += 1
            if i >= len(bounds) - 1:
                break
            found = scan_contents(db, bounds[i], bounds[i + 1], keep, tick)
            send.send(("tick", pending[0]))
            pending[0] = 0
            send.send(("range", i, found))
        db.close()
        send.send(("done",))
    except BaseException as err:  # noqa: BLE001 (told to the parent, which checks the rest)
        try:
            send.send(("failed", f"{type(err).__name__}: {err}"))
        except OSError:
            pass
    finally:
        send.close()


# --- look-ups of the check (services.integrity) -------------------------------------------


def node_heads(raw) -> list[tuple[str, int]]:
    """Every node's highest seq, from the (node_id, seq) index by skipping from one node to
    the next (a lookup per node, not a walk over every event as GROUP BY would do)."""
    return raw.execute(
        "WITH RECURSIVE n(id) AS (SELECT min(node_id) FROM events UNION ALL "
        "SELECT (SELECT min(node_id) FROM events WHERE node_id > n.id) FROM n "
        "WHERE n.id IS NOT NULL) "
        "SELECT id, (SELECT max(seq) FROM events WHERE node_id = n.id) FROM n "
        "WHERE id IS NOT NULL"
    ).fetchall()


def dossier_bounds(raw, parts: int) -> list[str | None]:
    """Dossier ids splitting the dossiers into `parts` ranges of about equal size (walked on
    the id index; events have about as many per dossier in every range): [None, id1, …,
    None]."""
    n = raw.execute("SELECT count(*) FROM dossiers").fetchone()[0]
    cuts: list[str | None] = [None]
    for k in range(1, parts):
        row = raw.execute(
            "SELECT id FROM dossiers ORDER BY id LIMIT 1 OFFSET ?", (n * k // parts,)
        ).fetchone()
        if row is not None and type(row[0]) is str and (cuts[-1] is None or row[0] > cuts[-1]):
            cuts.append(row[0])
    cuts.append(None)
    return cuts


def dossier_codes(raw, dossier_ids: Sequence[str]) -> dict[str, str]:
    """The code of each of these dossiers (by id), 500 ids a query."""
    codes: dict[str, str] = {}
    for i in range(0, len(dossier_ids), 500):
        chunk = list(dossier_ids[i : i + 500])
        codes.update(
            raw.execute(
                f"SELECT id, code FROM dossiers WHERE id IN ({','.join('?' * len(chunk))})", chunk
            ).fetchall()
        )
    return codes
