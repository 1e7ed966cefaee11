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
     and its projection row compared column by column (`repo.projection_values`), a row with
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

import json
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import orjson

from motcua_desk.domain.dossier import Status, fold
from motcua_desk.domain.events import (
    GENESIS_HASH,
    Event,
    EventType,
    canonical_json,
    hash_fields,
)
from motcua_desk.domain.integrity import Break, BreakList, VerifyReport
from motcua_desk.services.base import ServiceBase
from motcua_desk.store import repo
from motcua_desk.store.errors import DeskNotInitialised
from motcua_desk.store.models import DossierRow

CHECKPOINT = "integrity.checkpoint"  # {"nodes": {node_id: [seq, hash]}, "at": ISO}
LAST = "integrity.last"  # the last check's outcome: {"at", "scope", "ok", "break_count"}
CODE_CLASHES = "sync.code_clashes"  # dossiers left unprojected on purpose (replication)

Progress = Callable[[int, int], None]  # (events checked, events in all)

PROJECTION_COLUMNS: tuple[str, ...] = tuple(
    c.name for c in DossierRow.__table__.columns if c.name not in ("pk", "id"))

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

    The payload's canonical JSON is needed for the hash: the stored text is tried first when
    the last event matched that way (pulled events are stored canonical), else orjson's sorted
    form, and the reference encoder last. Sound whatever is tried: a text whose digest equals
    the hash *is* the hashed text."""

    def __init__(self) -> None:
        self.stored_first = True

    def read(self, r: Sequence[Any]) -> tuple[Event | None, str]:
        """(event, "") when intact; (event, "altered") when its content does not give its
        hash; (None, why) when the row is not an event."""
        try:
            payload_text = r[9]
            payload = _loads(payload_text)
            if type(payload) is not dict:
                return None, "its payload is not a JSON object"
            if type(r[3]) is not int or type(r[4]) is not int:
                return None, "seq or hlc is not an integer"
            # Every field set at once, past the frozen dataclass's per-field __setattr__
            # (a quarter of the cost of reading a row otherwise); the same object.
            ev = _new_event(Event)
            ev.__dict__.update(id=r[1], dossier_id=r[0], node_id=r[2], seq=r[3], hlc=r[4],
                               type=_TYPES[r[5]], occurred_at=_utc(r[6]),
                               recorded_at=_utc(r[7]), officer=r[8], payload=payload,
                               prev_hash=r[10], hash=r[11])
            if type(ev.officer) is not str or type(ev.prev_hash) is not str:
                return None, "a column holds a value of the wrong type"
            fields = (r[0], r[4], r[1], r[2], _iso(r[6]), r[8])
            rest = (r[10], _iso(r[7]), r[3], r[5])
        except KeyError:
            return None, f"unknown event type {r[5]!r}"
        except (ValueError, TypeError, AttributeError) as err:
            return None, f"the row cannot be read ({type(err).__name__}: {err})"
        claimed = r[11]
        try:
            if self.stored_first:
                if hash_fields(*fields, payload_text, *rest) == claimed:
                    return ev, ""
            fast = orjson.dumps(payload, option=orjson.OPT_SORT_KEYS).decode("utf-8")
            if hash_fields(*fields, fast, *rest) == claimed:
                self.stored_first = False
                return ev, ""
            if not self.stored_first and hash_fields(*fields, payload_text, *rest) == claimed:
                self.stored_first = True
                return ev, ""
        except (TypeError, orjson.JSONEncodeError):
            pass
        try:
            if hash_fields(*fields, canonical_json(payload), *rest) == claimed:
                return ev, ""
        except (TypeError, ValueError) as err:
            return None, f"the row cannot be read ({type(err).__name__}: {err})"
        return ev, "altered"


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
        return cls(services._store, services.clock)

    # --- the full check ---------------------------------------------------------------------
    def verify(self, progress: Progress | None = None, every: int = 100_000) -> VerifyReport:
        """Everything, read-only. `progress(done, total)` every `every` events."""
        t0 = time.perf_counter()
        breaks = BreakList()
        counts = _Counts()
        with self.store.read() as session:
            raw = _raw(session)
            node, last_seq, last_hash = _desk(raw)
            total = self._chains(raw, breaks, counts, node, last_seq, last_hash, since=None)
            clashes = set(repo.get_setting(session, CODE_CLASHES, []) or [])
            self._contents(raw, breaks, counts, clashes, total, progress, every)
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

    def _contents(self, raw, breaks: BreakList, counts: _Counts, clashes: set[str], total: int,
                  progress: Progress | None, every: int) -> None:
        """Every event's hash and every projection, in one merge of two index-ordered
        scans."""
        cols = ", ".join(PROJECTION_COLUMNS)
        drows = raw.cursor().execute(f"SELECT id, {cols} FROM dossiers ORDER BY id")
        drow = drows.fetchone()
        next_report = every
        for dossier_id, events in self._groups(raw, breaks, counts):
            while drow is not None and drow[0] < dossier_id:
                breaks.add(_orphan(drow))
                drow = drows.fetchone()
            if drow is not None and drow[0] == dossier_id:
                _compare(breaks, dossier_id, events, drow)
                drow = drows.fetchone()
            else:
                state = fold(dossier_id, events)
                if state.status != Status.NEW and dossier_id not in clashes:
                    breaks.add(Break("projection_missing", "a received dossier has events but "
                                     "no row in the dossiers table (the row was deleted)",
                                     dossier_id=dossier_id, code=state.code))
            counts.dossiers += 1
            if progress is not None and counts.events >= next_report:
                progress(counts.events, total)
                next_report = counts.events + every
        while drow is not None:
            breaks.add(_orphan(drow))
            drow = drows.fetchone()
        if progress is not None:
            progress(counts.events, total)

    @staticmethod
    def _groups(raw, breaks: BreakList, counts: _Counts) -> Iterator[tuple[str, list[Event]]]:
        """(dossier id, its readable events) in dossier id order; hash breaks noted."""
        reader = RowReader()
        cur = raw.cursor()
        cur.arraysize = 1000
        cur.execute(f"SELECT {_EVENT_COLS} FROM events ORDER BY dossier_id")
        current: str | None = None
        events: list[Event] = []
        while rows := cur.fetchmany():
            for r in rows:
                if r[0] != current:
                    if current is not None:
                        yield current, events
                    current, events = r[0], []
                ev, problem = reader.read(r)
                counts.events += 1
                if problem:
                    breaks.add(_content_break(r, problem))
                if ev is not None:
                    events.append(ev)
        if current is not None:
            yield current, events

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
    values = repo.projection_values(state)
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
