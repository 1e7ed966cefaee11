"""The contents pass of the desk's integrity check, on a raw sqlite3 connection: every
event's hash and every dossier's projection against a fresh fold (see
services.integrity for the whole check). Apart from the service so that a checking process
(verify --jobs) imports only this, its rows (store.integrity_rows), the domain and the
projection (no SQLAlchemy): it starts in a fraction of a second, also where processes are
spawned (Windows)."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from motcua_desk.domain.dossier import Status, fold, fold_fields
from motcua_desk.domain.events import Event
from motcua_desk.domain.integrity import Break, BreakList
from motcua_desk.store.integrity_rows import (  # noqa: F401 - re-exported (the check's names)
    _EVENT_COLS,
    RowReader,
    _fromiso,
    _iso,
    event_from_row,
)
from motcua_desk.store.payload_codec import install_for
from motcua_desk.store.projection import MOMENT_COLUMNS, PROJECTION_COLUMNS, projection_row_of

# The payload as its stored UTF-8 bytes: no decoding to str (orjson reads bytes) and, when the
# stored text is the canonical one, no encoding back for the hash.
_SCAN_COLS = _EVENT_COLS.replace("payload_text(payload)", "payload_bytes(payload)")
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
        install_for(db)  # payload_bytes() bound to this database's dictionaries, uuid_text()…
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
        "SELECT uuid_text(id), (SELECT max(seq) FROM events WHERE node_id = n.id) FROM n "
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
