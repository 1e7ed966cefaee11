"""The desk's integrity check: every node's hash chain and every projection, named break by break.

Two scopes:

- `verify()` — the full check (the `motcua-desk verify` command). Read-only, one read
  transaction (a consistent snapshot while the desk keeps working), streaming:
  1. chains, in SQL (C speed, no Python per row): per node the seqs must run 1..n without a
     hole, seq 1 must start from the genesis hash, every prev_hash must be the hash of the
     node's previous event, and this desk's own chain must end at the desk row's
     last_seq/last_hash;
  2. contents, in one pass over the events in dossier order merged with the dossiers in id
     order: each event's hash recomputed from its stored columns, each dossier folded afresh
     and its projection row compared column by column (`repo.projection_row`), a row with
     no events and events with no row named.
  Memory holds one dossier's events at a time.
- `startup_step()` — what the window runs in the background after start-up, in bounded steps
  on the DB worker: the cheap whole-database checks of (1) (the per-node count/min/max comes
  from the (node_id, seq) index alone, so a deleted row anywhere is found every time), and
  the hash, links and projections of the events added since the last verified point, the
  *checkpoint* (settings key `integrity.checkpoint`: per node the last verified seq and its
  hash). The checkpoint event itself must still be there with that hash. An edit of an old
  row in place (content or projection) is found by the full check, which the officer or IT
  runs on demand (`motcua-desk verify`); the checkpoint is a speed-up, not a seal (whoever
  can edit the database can edit it too): the hub holds the other copy of every chain.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import sys
import time
import types
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import orjson

from motcua_desk.domain.dossier import Status, fold
from motcua_desk.domain.events import (
    GENESIS_HASH,
    Event,
    EventType,
    canonical_json,
    hash_frame,
)
from motcua_desk.domain.integrity import Break, BreakList, VerifyReport
from motcua_desk.services.base import ServiceBase
from motcua_desk.store import repo
from motcua_desk.store.errors import DeskNotInitialised

_log = logging.getLogger("motcua.integrity")

CHECKPOINT = "integrity.checkpoint"  # {"nodes": {node_id: [seq, hash]}, "at": ISO}
LAST = "integrity.last"  # the last check's outcome: {"at", "scope", "ok", "break_count"}
CODE_CLASHES = "sync.code_clashes"  # dossiers left unprojected on purpose (replication)

Progress = Callable[[int, int], None]  # (events checked, events in all)

PROJECTION_COLUMNS = repo.PROJECTION_COLUMNS  # the dossiers table's, in its order

_EVENT_COLS = ("dossier_id, id, node_id, seq, hlc, type, occurred_at, recorded_at, officer, "
               "payload, prev_hash, hash")
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


def _loads(text: str) -> Any:
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:  # what orjson refuses (huge integers…), json may take
        return json.loads(text)


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
    payload's canonical JSON. For the payload the stored text is tried first (as bytes, straight
    from SQLite: pulled events are stored canonical) while the last event matched that way,
    else orjson's sorted form (bytes too), and the reference encoder last. Sound whatever is
    tried: bytes whose digest equals the hash *are* the hashed bytes, so the stored text decodes
    to the payload that was sealed; an equal payload written differently (keys in another
    order) is found by the next attempt.

    Small payloads repeat (a hand-off names the same units and officers day after day): each
    distinct stored text is decoded and re-encoded once, and its events share the decoded
    payload (the fold only reads payloads)."""

    CACHE_BYTES = 320  # payloads up to this size are remembered...
    CACHE_ENTRIES = 4096  # ...this many at most (then forgotten all at once)

    def __init__(self) -> None:
        self.stored_first = True
        self._seen: dict[Any, tuple[dict[str, Any], bytes | None]] = {}

    def read(self, r: Sequence[Any]) -> tuple[Event | None, str]:
        """(event, "") when intact; (event, "altered") when its content does not give its
        hash; (None, why) when the row is not an event. The payload column may come as text
        or as its UTF-8 bytes (CAST(payload AS BLOB): no decoding to str and back)."""
        try:
            stored = r[9]
            seen = self._seen.get(stored) if type(stored) is bytes else None
            if seen is None:
                payload = _loads(stored)
                if type(payload) is not dict:
                    return None, "its payload is not a JSON object"
                fast = None
            else:
                payload, fast = seen
            seq, hlc = r[3], r[4]
            if type(seq) is not int or type(hlc) is not int:
                return None, "seq or hlc is not an integer"
            # Every field set at once, past the frozen dataclass's per-field __setattr__
            # (a quarter of the cost of reading a row otherwise); the same object.
            ev = _new_event(Event)
            ev.__dict__.update(id=r[1], dossier_id=r[0], node_id=r[2], seq=seq, hlc=hlc,
                               type=_TYPES[r[5]], occurred_at=_utc(r[6]),
                               recorded_at=_utc(r[7]), officer=r[8], payload=payload,
                               prev_hash=r[10], hash=r[11])
            if type(ev.officer) is not str or type(ev.prev_hash) is not str:
                return None, "a column holds a value of the wrong type"
            head, tail = hash_frame(r[0], hlc, r[1], r[2], _iso(r[6]), r[8], r[10],
                                    _iso(r[7]), seq, r[5])
        except KeyError:
            return None, f"unknown event type {r[5]!r}"
        except (ValueError, TypeError, AttributeError, RecursionError) as err:
            return None, f"the row cannot be read ({type(err).__name__}: {err})"
        claimed = r[11]
        as_stored = stored if type(stored) is bytes else None
        try:
            if self.stored_first:
                if as_stored is None:
                    as_stored = stored.encode("utf-8")
                if _sha256(head + as_stored + tail).hexdigest() == claimed:
                    self._remember(stored, seen, payload, fast)
                    return ev, ""
            if fast is None:
                fast = _dumps(payload, option=_SORT_KEYS)
            self._remember(stored, seen, payload, fast)
            if _sha256(head + fast + tail).hexdigest() == claimed:
                self.stored_first = False
                return ev, ""
            if not self.stored_first:
                if as_stored is None:
                    as_stored = stored.encode("utf-8")
                if _sha256(head + as_stored + tail).hexdigest() == claimed:
                    self.stored_first = True
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

    def _remember(self, stored: Any, seen: tuple | None, payload: dict[str, Any],
                  fast: bytes | None) -> None:
        if type(stored) is not bytes or len(stored) > self.CACHE_BYTES:
            return
        if seen is None or (fast is not None and seen[1] is None):
            if len(self._seen) >= self.CACHE_ENTRIES:
                self._seen.clear()
            self._seen[stored] = (payload, fast)


_sha256 = hashlib.sha256
_dumps = orjson.dumps
_SORT_KEYS = orjson.OPT_SORT_KEYS


def event_from_row(r: Sequence[Any]) -> tuple[Event | None, str]:
    """RowReader().read(r) for a single row."""
    return RowReader().read(r)


@dataclass
class _Counts:
    events: int = 0
    dossiers: int = 0
    nodes: int = 0


class IntegrityService(ServiceBase):
    @classmethod
    def from_services(cls, services) -> IntegrityService:
        return cls(services.store, services.clock)

    # --- the full check ---------------------------------------------------------------------
    def verify(self, progress: Progress | None = None, every: int = 100_000,
               jobs: int = 1) -> VerifyReport:
        """Everything, read-only. `progress(done, total)` every `every` events (and once at the
        end). With jobs > 1 the contents are checked by that many processes, each over its
        share of the dossiers (see _parallel_contents)."""
        t0 = time.perf_counter()
        breaks = BreakList()
        counts = _Counts()
        with self.store.read() as session:
            raw = _raw(session)
            node, last_seq, last_hash = _desk(raw)
            clashes = set(repo.get_setting(session, CODE_CLASHES, []) or [])
            path = getattr(self.store, "path", None)
            if jobs > 1 and path is not None and Path(path).is_file():
                _parallel_contents(raw, Path(path), jobs, breaks, counts, clashes, progress,
                                   every, lambda: self._chains(raw, breaks, counts, node,
                                                               last_seq, last_hash, since=None))
            else:
                total = self._chains(raw, breaks, counts, node, last_seq, last_hash,
                                     since=None)
                tick = _ticker(progress, every, total)
                found = scan_contents(raw, None, None, clashes, tick)
                _absorb(breaks, counts, found)
                if progress is not None:
                    progress(counts.events, total)
            _fill_codes(raw, breaks)
        return VerifyReport("full", counts.events, counts.dossiers, counts.nodes,
                            tuple(breaks.kept), breaks.count, time.perf_counter() - t0)

    # --- the start-up check -----------------------------------------------------------------
    def startup_step(self, max_events: int = 20_000, *, first: bool = True) -> StartupStep:
        """One bounded step of the background start-up check. The first step (first=True)
        also runs the whole-database chain checks; each step then checks up to `max_events`
        events after the checkpoint (their hashes and links, and the projections of their
        dossiers) and, when all is intact, moves the checkpoint past them. `done` when the
        checkpoint has reached every node's head."""
        t0 = time.perf_counter()
        breaks = BreakList()
        counts = _Counts()
        with self.store.read() as session:
            raw = _raw(session)
            node, last_seq, last_hash = _desk(raw)
            cp = repo.get_setting(session, CHECKPOINT, None) or {}
            since = {n: (int(v[0]), str(v[1])) for n, v in (cp.get("nodes") or {}).items()}
            if first:
                self._chains(raw, breaks, counts, node, last_seq, last_hash, since=since,
                             links=False)
                self._existence(raw, breaks, set(repo.get_setting(session, CODE_CLASHES, [])
                                                 or []))
            advanced, done = self._tail(raw, breaks, counts, since, max_events)
            _fill_codes(raw, breaks)
        report = VerifyReport("startup", counts.events, counts.dossiers, counts.nodes,
                              tuple(breaks.kept), breaks.count, time.perf_counter() - t0)
        with self.store.write() as session:
            if report.ok and advanced:
                nodes = dict(since)
                nodes.update(advanced)
                repo.set_setting(session, CHECKPOINT, {
                    "nodes": {n: [s, h] for n, (s, h) in sorted(nodes.items())},
                    "at": self.clock().isoformat()})
            if not report.ok or done:
                repo.set_setting(session, LAST, {
                    "at": self.clock().isoformat(), "scope": "startup", "ok": report.ok,
                    "break_count": report.break_count})
        return StartupStep(report, done or not report.ok)

    def checkpoint(self) -> dict[str, tuple[int, str]]:
        with self.store.read() as session:
            cp = repo.get_setting(session, CHECKPOINT, None) or {}
        return {n: (int(v[0]), str(v[1])) for n, v in (cp.get("nodes") or {}).items()}

    # --- pieces -----------------------------------------------------------------------------
    @staticmethod
    def _chains(raw, breaks: BreakList, counts: _Counts, own: str, last_seq: int,
                last_hash: str, *, since: dict[str, tuple[int, str]] | None,
                links: bool = True) -> int:
        """Holes, starts, links (all of them when `links`) and the own head; returns the
        number of events."""
        groups = raw.execute("SELECT node_id, count(*), min(seq), max(seq) FROM events "
                             "GROUP BY node_id").fetchall()
        counts.nodes = len(groups)
        total = 0
        for node, n, lo, hi in groups:
            total += n
            if n != hi - lo + 1 or lo != 1:
                _holes(raw, breaks, node)
        for node, ev_id, dossier_id, _prev in raw.execute(
                "SELECT node_id, id, dossier_id, prev_hash FROM events WHERE seq = 1 AND "
                "prev_hash <> ?", (GENESIS_HASH,)):
            breaks.add(Break("bad_start", f"the first event of node {node} does not start from "
                             "the genesis hash (it was replaced, or events before it invented)",
                             node, 1, ev_id, dossier_id))
        if links:
            for node, seq, ev_id, dossier_id, prev_id in raw.execute(
                    "SELECT a.node_id, a.seq, a.id, a.dossier_id, b.id FROM events a "
                    "JOIN events b ON b.node_id = a.node_id AND b.seq = a.seq - 1 "
                    "WHERE a.prev_hash <> b.hash"):
                breaks.add(_link_break(node, seq, ev_id, dossier_id, prev_id))
        # this desk's own chain ends where the desk row says
        top = raw.execute("SELECT seq, hash, id, dossier_id FROM events WHERE node_id = ? "
                          "ORDER BY seq DESC LIMIT 1", (own,)).fetchone()
        head = (top[0], top[1]) if top else (0, GENESIS_HASH)
        if head != (last_seq, last_hash):
            breaks.add(Break(
                "head", f"this desk's own chain ends at seq {head[0]}, but the desk record says "
                f"its last event is seq {last_seq} with hash {last_hash[:12]}…"
                + (" (its newest events were deleted?)" if head[0] < last_seq else
                   " (an event was replaced, or the desk record edited)"),
                own, head[0] or None, top[2] if top else "", top[3] if top else ""))
        if since:
            for node, (seq, digest) in since.items():
                row = raw.execute("SELECT hash, id, dossier_id FROM events WHERE node_id = ? "
                                  "AND seq = ?", (node, seq)).fetchone()
                if row is None or row[0] != digest:
                    breaks.add(Break(
                        "checkpoint", f"event seq {seq} of node {node}, verified earlier, "
                        + ("is gone" if row is None else "has been replaced"), node, seq,
                        row[1] if row else "", row[2] if row else ""))
        return total

    @staticmethod
    def _existence(raw, breaks: BreakList, clashes: set[str]) -> None:
        """Projection rows without events and received dossiers without a row: counted from
        the indexes first, named by anti-joins only when the counts differ."""
        rows = raw.execute("SELECT count(*) FROM dossiers").fetchone()[0]
        ids = raw.execute("SELECT count(DISTINCT dossier_id) FROM events").fetchone()[0]
        if rows == ids:
            return
        for dossier_id, code in raw.execute(
                "SELECT id, code FROM dossiers d WHERE NOT EXISTS (SELECT 1 FROM events e "
                "WHERE e.dossier_id = d.id)"):
            breaks.add(Break("projection_orphan", "a dossier row has no events (its events "
                             "were deleted, or the row was invented)", dossier_id=dossier_id,
                             code=code))
        for (dossier_id,) in raw.execute(
                "SELECT DISTINCT dossier_id FROM events e WHERE NOT EXISTS (SELECT 1 FROM "
                "dossiers d WHERE d.id = e.dossier_id)"):
            if dossier_id in clashes:
                continue
            events = [event_from_row(r)[0] for r in raw.execute(
                f"SELECT {_EVENT_COLS} FROM events WHERE dossier_id = ?", (dossier_id,))]
            state = fold(dossier_id, [e for e in events if e is not None])
            if state.status != Status.NEW:  # no receipt yet: nothing to project, no break
                breaks.add(Break("projection_missing", "a received dossier has events but no "
                                 "row in the dossiers table (the row was deleted)",
                                 dossier_id=dossier_id, code=state.code))

    @staticmethod
    def _tail(raw, breaks: BreakList, counts: _Counts, since: dict[str, tuple[int, str]],
              max_events: int) -> tuple[dict[str, tuple[int, str]], bool]:
        """Events after the checkpoint, node by node in seq order, at most `max_events`:
        hashes, links, and the projections of their dossiers. Returns the new checkpoint
        entries and whether every node is now covered."""
        advanced: dict[str, tuple[int, str]] = {}
        budget = max_events
        touched: dict[str, None] = {}
        done = True
        heads = raw.execute("SELECT node_id, max(seq) FROM events GROUP BY node_id").fetchall()
        for node, top in heads:
            start_seq, prev_hash = since.get(node, (0, GENESIS_HASH))
            if start_seq >= top:
                continue
            if budget <= 0:
                done = False
                break
            rows = raw.execute(f"SELECT {_EVENT_COLS} FROM events WHERE node_id = ? AND seq > ? "
                               "ORDER BY seq LIMIT ?", (node, start_seq, budget)).fetchall()
            last = (start_seq, prev_hash)
            for r in rows:
                ev, problem = event_from_row(r)
                counts.events += 1
                budget -= 1
                if problem:
                    breaks.add(_content_break(r, problem))
                if last[0] > 0 and r[10] != last[1] and r[3] == last[0] + 1:
                    prev_id = raw.execute("SELECT id FROM events WHERE node_id = ? AND seq = ?",
                                          (node, last[0])).fetchone()
                    breaks.add(_link_break(node, r[3], r[1], r[0], prev_id[0] if prev_id else ""))
                last = (r[3], r[11])
                touched[r[0]] = None
            advanced[node] = last
            if last[0] < top:
                done = False
        ids = list(touched)
        cols = ", ".join(PROJECTION_COLUMNS)
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            by: dict[str, list[Event]] = {d: [] for d in chunk}
            for r in raw.execute(f"SELECT {_EVENT_COLS} FROM events WHERE dossier_id IN "
                                 f"({marks})", chunk):
                ev, _ = event_from_row(r)
                if ev is not None:
                    by[r[0]].append(ev)
            rows_by = {r[0]: r for r in raw.execute(
                f"SELECT id, {cols} FROM dossiers WHERE id IN ({marks})", chunk)}
            for dossier_id in chunk:
                counts.dossiers += 1
                drow = rows_by.get(dossier_id)
                if drow is not None:
                    _compare(breaks, dossier_id, by[dossier_id], drow)
                # a missing row is the whole-database existence check's to name
        return advanced, done


# --- the contents pass of the full check --------------------------------------------------

# The payload as its stored UTF-8 bytes: no decoding to str (orjson reads bytes) and, when the
# stored text is the canonical one, no encoding back for the hash.
_SCAN_COLS = _EVENT_COLS.replace("payload", "CAST(payload AS BLOB)")
_MOMENT_COLUMNS = ("received_at", "due_at", "original_due_at", "result_at", "returned_at",
                   "location_since")
Tick = Callable[[int], None]  # (events just checked)


@dataclass
class ContentScan:
    """What the contents pass found in one range of dossiers."""

    breaks: BreakList
    events: int = 0
    dossiers: int = 0


def scan_contents(raw, lo: str | None, hi: str | None, clashes: set[str],
                  tick: Tick | None = None) -> ContentScan:
    """Every event's hash and every projection of the dossiers whose id is in [lo, hi) (None:
    unbounded), in one merge of two index-ordered scans (events by dossier, dossiers by id).
    Memory holds one dossier's events at a time. `tick(n)` after each batch of n events."""
    found = ContentScan(BreakList())
    breaks = found.breaks
    where, params = _id_range("dossier_id", lo, hi)
    dwhere, _ = _id_range("id", lo, hi)
    drows = raw.execute(f"SELECT id, {', '.join(PROJECTION_COLUMNS)} FROM dossiers{dwhere} "
                        "ORDER BY id", params)
    drow = next(drows, None)

    def orphans_before(dossier_id: str) -> None:
        """Name the rows before this dossier that have no events. Done as its first event
        comes, so that breaks come in dossier order whatever the ranges: one process or
        several give the same report."""
        nonlocal drow
        while drow is not None and _before(drow[0], dossier_id):
            breaks.add(_orphan(drow))
            drow = next(drows, None)

    def settle(dossier_id: str, events: list[Event]) -> None:
        """Compare one dossier's fold with its row."""
        nonlocal drow
        if drow is not None and drow[0] == dossier_id:
            _compare(breaks, dossier_id, events, drow)
            drow = next(drows, None)
        else:
            state = fold(dossier_id, events)
            if state.status != Status.NEW and dossier_id not in clashes:
                breaks.add(Break("projection_missing", "a received dossier has events but "
                                 "no row in the dossiers table (the row was deleted)",
                                 dossier_id=dossier_id, code=state.code))
        found.dossiers += 1

    read = RowReader().read
    cur = raw.cursor()
    cur.arraysize = 1000
    cur.execute(f"SELECT {_SCAN_COLS} FROM events{where} ORDER BY dossier_id", params)
    current: str | None = None
    events: list[Event] = []
    n = 0
    while rows := cur.fetchmany():
        for r in rows:
            if r[0] != current:
                if current is not None:
                    settle(current, events)
                current, events = r[0], []
                orphans_before(current)
            ev, problem = read(r)
            if problem:
                breaks.add(_content_break(r, problem))
            if ev is not None:
                events.append(ev)
        n += len(rows)
        if tick is not None:
            tick(len(rows))
    if current is not None:
        settle(current, events)
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


def _absorb(breaks: BreakList, counts: _Counts, found: ContentScan) -> None:
    for brk in found.breaks.kept:
        breaks.add(brk)
    breaks.count += found.breaks.count - len(found.breaks.kept)
    counts.events += found.events
    counts.dossiers += found.dossiers


def _ticker(progress: Progress | None, every: int, total: int) -> Tick | None:
    """A tick that calls progress(done, total) each time `every` more events are done."""
    if progress is None:
        return None
    state = {"done": 0, "next": every}

    def tick(n: int) -> None:
        state["done"] += n
        if state["done"] >= state["next"]:
            progress(state["done"], total)
            state["next"] = state["done"] + every
    return tick


# --- the contents pass over several processes -----------------------------------------------

PARALLEL_MIN_EVENTS = 200_000  # below this, starting a process costs more than it saves
CHUNKS_PER_JOB = 4  # dossier ranges handed out one at a time: whoever is free takes the next


def _parallel_contents(raw, path: Path, jobs: int, breaks: BreakList, counts: _Counts,
                       clashes: set[str], progress: Progress | None, every: int,
                       chains: Callable[[], int]) -> None:
    """The contents pass split into ranges of dossier ids, checked by this process and
    jobs - 1 others (spawned: a fresh interpreter, never a fork of one holding SQLite
    connections). Each process reads in one read transaction of its own: every dossier is
    checked whole within one consistent snapshot, its events and its row together (a dossier
    written meanwhile is seen before or after, never half). Results are merged in range
    order, so the report is the one a single process makes. The chain checks run here while
    the others start. A process that fails or dies leaves its ranges to this one."""
    import multiprocessing

    total_estimate = raw.execute("SELECT max(rowid) FROM events").fetchone()[0] or 0
    bounds = _bounds(raw, jobs * CHUNKS_PER_JOB) if total_estimate >= PARALLEL_MIN_EVENTS \
        else [None, None]
    ranges = len(bounds) - 1
    ctx = multiprocessing.get_context("spawn")
    claimed = ctx.Value("i", 0)
    workers = []
    if ranges > 1:
        for _ in range(jobs - 1):
            receive, send = ctx.Pipe(duplex=False)
            proc = ctx.Process(target=_contents_worker, daemon=True, args=(
                str(path), bounds, sorted(clashes), claimed, send))
            try:
                with _main_module_not_rerun():
                    proc.start()
            except Exception as err:  # noqa: BLE001 (whatever it is, this process checks all)
                _log.warning("verify: cannot start a checking process (%r)", err)
                receive.close()
                break
            finally:
                send.close()
            workers.append((proc, receive))
    total = chains()
    done = {"n": 0, "next": every}
    results: dict[int, ContentScan] = {}
    mine: set[int] = set()
    live = list(workers)

    def report(n: int) -> None:
        done["n"] += n
        if progress is not None and done["n"] >= done["next"]:
            progress(done["n"], total)
            done["next"] = done["n"] + every

    def drain(block: bool) -> None:
        """Take in what the other processes sent (progress, results); with block, wait for
        at least one message or for one of them to end."""
        from multiprocessing.connection import wait

        ready = wait([r for _p, r in live], timeout=None if block else 0)
        for conn in ready:
            try:
                msg = conn.recv()
            except (EOFError, OSError):
                msg = ("gone",)
            if msg[0] == "tick":
                report(msg[1])
            elif msg[0] == "range":
                results[msg[1]] = msg[2]
            else:  # done, failed, or gone: nothing more from it
                if msg[0] == "failed":
                    _log.warning("verify: a checking process failed (%s); its dossiers are "
                                 "checked here", msg[1])
                live[:] = [w for w in live if w[1] is not conn]
                conn.close()

    def tick(n: int) -> None:
        report(n)
        if live:
            drain(block=False)

    while True:
        with claimed.get_lock():
            i = claimed.value
            claimed.value += 1
        if i >= ranges:
            break
        results[i] = scan_contents(raw, bounds[i], bounds[i + 1], clashes, tick)
        mine.add(i)
    while live:
        drain(block=True)
    for proc, _r in workers:
        proc.join(timeout=5)
        if proc.is_alive():  # pragma: no cover (it has said all it had to say)
            proc.kill()
    others = len(results) - len(mine)
    for i in range(ranges):
        if i not in results:  # the range of a process that died: checked here
            results[i] = scan_contents(raw, bounds[i], bounds[i + 1], clashes, tick)
        _absorb(breaks, counts, results.pop(i))
    _log.debug("verify: %d dossier ranges, %d of them checked by %d other process(es)",
               ranges, others, len(workers))
    if progress is not None:
        progress(counts.events, total)


@contextmanager
def _main_module_not_rerun() -> Iterator[None]:
    """While a process is spawned: a __main__ with neither file nor spec, so the new
    interpreter does not run the caller's script again (multiprocessing re-runs it to find
    functions defined there; ours is found by module name). Without this, any script that
    calls verify(jobs=2) without an `if __name__ == "__main__"` guard would run twice. The
    frozen build is not concerned: there the new process starts in freeze_support()."""
    main = sys.modules.get("__main__")
    if getattr(sys, "frozen", False) or main is None:
        yield
        return
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


def _bounds(raw, parts: int) -> list[str | None]:
    """Dossier ids splitting the dossiers into `parts` ranges of about equal size (walked on
    the id index; events have about as many per dossier in every range): [None, id1, …,
    None]."""
    n = raw.execute("SELECT count(*) FROM dossiers").fetchone()[0]
    cuts: list[str | None] = [None]
    for k in range(1, parts):
        row = raw.execute("SELECT id FROM dossiers ORDER BY id LIMIT 1 OFFSET ?",
                          (n * k // parts,)).fetchone()
        if row is not None and type(row[0]) is str and (cuts[-1] is None or row[0] > cuts[-1]):
            cuts.append(row[0])
    cuts.append(None)
    return cuts


def _contents_worker(path: str, bounds: list[str | None], clashes: list[str], claimed,
                     send) -> None:
    """A checking process: ranges claimed one at a time, each scanned and sent back."""
    import sqlite3

    try:
        db = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True,
                             isolation_level=None, check_same_thread=False)
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


@dataclass(frozen=True)
class StartupStep:
    report: VerifyReport
    done: bool  # nothing more to check (or a break was found: the officer must be told)


# --- helpers ---------------------------------------------------------------------------------

def _raw(session):
    """The sqlite3 connection under the session, inside the session's read transaction."""
    return session.connection().connection.driver_connection


def _desk(raw) -> tuple[str, int, str]:
    row = raw.execute("SELECT node_id, last_seq, last_hash FROM desk WHERE id = 1").fetchone()
    if row is None:
        raise DeskNotInitialised("this desk has not been set up yet: there is nothing to verify")
    return row[0], int(row[1]), str(row[2])


def _holes(raw, breaks: BreakList, node: str) -> None:
    """Name each run of missing seqs of a node, by the event right after it."""
    for seq, ev_id, dossier_id in raw.execute(
            "SELECT a.seq, a.id, a.dossier_id FROM events a WHERE a.node_id = ? AND a.seq > 1 "
            "AND NOT EXISTS (SELECT 1 FROM events b WHERE b.node_id = a.node_id AND "
            "b.seq = a.seq - 1) ORDER BY a.seq", (node,)).fetchall():
        before = raw.execute("SELECT max(seq) FROM events WHERE node_id = ? AND seq < ?",
                             (node, seq)).fetchone()[0] or 0
        lo, hi = before + 1, seq - 1
        span = f"seq {lo}" if lo == hi else f"seqs {lo}..{hi}"
        breaks.add(Break("missing", f"{span} of node {node} are missing (deleted?) before "
                         f"event {ev_id} (seq {seq})", node, lo, ev_id, dossier_id))


def _link_break(node: str, seq: int, ev_id: str, dossier_id: str, prev_id: str) -> Break:
    return Break("broken_link", f"event {ev_id} (seq {seq}) does not follow event {prev_id} "
                 f"(seq {seq - 1}) of the same node: one of the two was replaced (perhaps with "
                 "its hash recomputed)", node, seq, ev_id, dossier_id)


def _content_break(r: Sequence[Any], problem: str) -> Break:
    node, seq, ev_id, dossier_id = r[2], r[3], r[1], r[0]
    if problem == "altered":
        return Break("altered", f"event {ev_id} (seq {seq}) no longer matches its hash: its "
                     "row was edited", node, seq, ev_id, dossier_id)
    return Break("unreadable", f"event {ev_id} (seq {seq}): {problem}", node, seq, ev_id,
                 dossier_id)


def _orphan(drow: Sequence[Any]) -> Break:
    return Break("projection_orphan", "a dossier row has no events (its events were deleted, "
                 "or the row was invented)", dossier_id=drow[0], code=drow[1] or "")


def _compare(breaks: BreakList, dossier_id: str, events: list[Event], drow: Sequence[Any]
             ) -> None:
    state = fold(dossier_id, events)
    code = drow[1] or ""
    if state.status == Status.NEW:
        breaks.add(Break("projection", "the dossier row exists but its events hold no "
                         "receipt (the received event was deleted?)", dossier_id=dossier_id,
                         code=code))
        return
    try:
        row = repo.projection_row(state)
    except (TypeError, ValueError, AttributeError) as err:  # a payload edited by hand
        breaks.add(Break("projection", "the dossier's events cannot be projected "
                         f"({type(err).__name__}: {err})", dossier_id=dossier_id,
                         code=state.code or code))
        return
    # The common case first: every column as stored, each of the very type stored. When this
    # holds, so does the column-by-column test below (it is weaker: moments and flags are
    # compared in their stored form only); when it does not, that test decides and names.
    if _same(row, drow):
        return
    values = dict(zip(PROJECTION_COLUMNS, row, strict=True))
    wrong = []
    for i, name in enumerate(PROJECTION_COLUMNS, start=1):
        v, d = values[name], drow[i]
        kind = type(v)
        if kind is str or kind is int or v is None:
            if v != d or type(d) is not kind:
                wrong.append(name)
        elif repo.db_value(v) != d:
            wrong.append(name)
    if wrong:
        shown = ", ".join(f"{n} is {drow[PROJECTION_COLUMNS.index(n) + 1]!r}, the events say "
                          f"{repo.db_value(values[n])!r}" for n in wrong[:4])
        breaks.add(Break("projection", f"the dossier row differs from its events: {shown}"
                         + (f" (and {len(wrong) - 4} more)" if len(wrong) > 4 else ""),
                         dossier_id=dossier_id, code=state.code or code))


def _same(values: list[Any], drow: Sequence[Any]) -> bool:
    """True only when every column of the row is what the column-by-column test of _compare
    accepts: each value equal and of the very type stored (a flag as 0/1), and each moment
    stored in the canonical UtcDateTime form of the same instant. That form is checked by
    parsing, ten times cheaper than formatting: a text of exactly the shape
    "YYYY-MM-DD HH:MM:SS.ffffff" (ASCII digits) that parses to the instant the events say *is*
    utc_text of that instant (the shape fixes every digit)."""
    stored = list(values)  # (a copy: marked as compared below)
    row = list(drow[1:])
    done: dict[Any, datetime] = {}  # text -> the moment it was found to be (due_at is often
    for i in _MOMENT_INDEXES:       # original_due_at, returned_at location_since: once each)
        moment = stored[i]
        if moment is None:
            continue
        text = row[i]
        if done.get(text) is not moment:
            if (type(text) is not str or _STORED_MOMENT(text) is None
                    or _fromiso(text + "+00:00") != moment):
                return False
            done[text] = moment
        stored[i] = row[i] = None  # compared
    flag = stored[_EXTENDED_INDEX]
    if type(flag) is bool:
        stored[_EXTENDED_INDEX] = int(flag)
    return stored == row and list(map(type, stored)) == list(map(type, row))


_MOMENT_INDEXES = tuple(PROJECTION_COLUMNS.index(c) for c in _MOMENT_COLUMNS)
_EXTENDED_INDEX = PROJECTION_COLUMNS.index("extended")
_STORED_MOMENT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}"
                            ).fullmatch
_fromiso = datetime.fromisoformat


def _fill_codes(raw, breaks: BreakList) -> None:
    """The dossier code of each break that knows its dossier but not its code."""
    need = list({b.dossier_id for b in breaks.kept if b.dossier_id and not b.code})
    codes: dict[str, str] = {}
    for i in range(0, len(need), 500):
        chunk = need[i:i + 500]
        codes.update(raw.execute(f"SELECT id, code FROM dossiers WHERE id IN "
                                 f"({','.join('?' * len(chunk))})", chunk).fetchall())
    from dataclasses import replace

    breaks.kept[:] = [replace(b, code=codes.get(b.dossier_id, "")) if b.dossier_id and not b.code
                      else b for b in breaks.kept]
