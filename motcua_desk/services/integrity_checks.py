"""The pieces of the desk's integrity check (services/integrity.py): the chain checks, the
existence of projection rows, the events after the checkpoint, and the helpers that name
each break."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from motcua_desk.domain.dossier import Status, fold
from motcua_desk.domain.events import GENESIS_HASH, Event
from motcua_desk.domain.integrity import Break, BreakList
from motcua_desk.services.base import ServiceBase
from motcua_desk.store import integrity_reads as reads
from motcua_desk.store import repo
from motcua_desk.store.integrity_scan import (
    ContentScan,
    RowReader,
    Tick,
    _compare,
    _content_break,
    dossier_codes,
    event_from_row,
    node_heads,
)

Progress = Callable[[int, int], None]  # (events checked, events in all)


@dataclass
class _Counts:
    events: int = 0
    dossiers: int = 0
    nodes: int = 0


class IntegrityChecks(ServiceBase):
    """The checks IntegrityService runs, over the sqlite3 connection of one read
    transaction."""

    @staticmethod
    def _chains(
        raw,
        breaks: BreakList,
        counts: _Counts,
        own: str,
        last_seq: int,
        last_hash: str,
        *,
        since: dict[str, tuple[int, str]] | None,
        links: bool = True,
    ) -> int:
        """Holes, starts, links (all of them when `links`) and the own head; returns the
        number of events."""
        groups = reads.node_groups(raw)
        counts.nodes = len(groups)
        total = 0
        for node, n, lo, hi in groups:
            total += n
            if n != hi - lo + 1 or lo != 1:
                _holes(raw, breaks, node)
        for node, ev_id, dossier_id in reads.bad_starts(raw, GENESIS_HASH):
            breaks.add(
                Break(
                    "bad_start",
                    f"the first event of node {node} does not start from "
                    "the genesis hash (it was replaced, or events before it invented)",
                    node,
                    1,
                    ev_id,
                    dossier_id,
                )
            )
        if links:
            for node, seq, ev_id, dossier_id, prev_id in reads.broken_links(raw):
                breaks.add(_link_break(node, seq, ev_id, dossier_id, prev_id))
        # this desk's own chain ends where the desk row says
        top = reads.node_top(raw, own)
        head = (top[0], top[1]) if top else (0, GENESIS_HASH)
        if head != (last_seq, last_hash):
            breaks.add(
                Break(
                    "head",
                    f"this desk's own chain ends at seq {head[0]}, but the desk record says "
                    f"its last event is seq {last_seq} with hash {last_hash[:12]}…"
                    + (
                        " (its newest events were deleted?)"
                        if head[0] < last_seq
                        else " (an event was replaced, or the desk record edited)"
                    ),
                    own,
                    head[0] or None,
                    top[2] if top else "",
                    top[3] if top else "",
                )
            )
        if since:
            for node, (seq, digest) in since.items():
                row = reads.event_at(raw, node, seq)
                if row is None or row[0] != digest:
                    breaks.add(
                        Break(
                            "checkpoint",
                            f"event seq {seq} of node {node}, verified earlier, "
                            + ("is gone" if row is None else "has been replaced"),
                            node,
                            seq,
                            row[1] if row else "",
                            row[2] if row else "",
                        )
                    )
        return total

    @staticmethod
    def _existence(raw, breaks: BreakList, clashes: set[str]) -> None:
        """Projection rows without events and received dossiers without a row: counted from
        the indexes first, named by anti-joins only when the counts differ."""
        rows, ids = reads.row_and_dossier_counts(raw)
        if rows == ids:
            return
        for dossier_id, code in reads.rows_without_events(raw):
            breaks.add(
                Break(
                    "projection_orphan",
                    "a dossier row has no events (its events "
                    "were deleted, or the row was invented)",
                    dossier_id=dossier_id,
                    code=code,
                )
            )
        for dossier_id in reads.dossiers_without_row(raw):
            if dossier_id in clashes:
                continue
            events = [event_from_row(r)[0] for r in reads.event_rows(raw, dossier_id)]
            state = fold(dossier_id, [e for e in events if e is not None])
            if state.status != Status.NEW:  # no receipt yet: nothing to project, no break
                breaks.add(
                    Break(
                        "projection_missing",
                        "a received dossier has events but no "
                        "row in the dossiers table (the row was deleted)",
                        dossier_id=dossier_id,
                        code=state.code,
                    )
                )

    @staticmethod
    def _tail(
        raw, breaks: BreakList, counts: _Counts, since: dict[str, tuple[int, str]], max_events: int
    ) -> tuple[dict[str, tuple[int, str]], bool]:
        """Events after the checkpoint, node by node in seq order, at most `max_events`:
        hashes, links, and the projections of their dossiers. Returns the new checkpoint
        entries and whether every node is now covered."""
        advanced: dict[str, tuple[int, str]] = {}
        budget = max_events
        touched: dict[str, None] = {}
        done = True
        reader = RowReader()  # one for the whole step: repeated payloads decoded once
        parsed: dict[str, Event] = {}  # the chain walk's events, reused by the projections
        for node, top in node_heads(raw):
            start_seq, prev_hash = since.get(node, (0, GENESIS_HASH))
            if start_seq >= top:
                continue
            if budget <= 0:
                done = False
                break
            rows = reads.tail_rows(raw, node, start_seq, budget)
            last = (start_seq, prev_hash)
            for r in rows:
                ev, problem = reader.read(r)
                counts.events += 1
                budget -= 1
                if problem:
                    breaks.add(_content_break(r, problem))
                elif ev is not None:
                    parsed[r[1]] = ev
                if last[0] > 0 and r[10] != last[1] and r[3] == last[0] + 1:
                    prev = reads.event_at(raw, node, last[0])
                    breaks.add(_link_break(node, r[3], r[1], r[0], prev[1] if prev else ""))
                last = (r[3], r[11])
                touched[r[0]] = None
            advanced[node] = last
            if last[0] < top:
                done = False
        ids = list(touched)
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            by: dict[str, list[Event]] = {d: [] for d in chunk}
            for r in reads.scan_rows_of(raw, chunk):
                ev = parsed.get(r[1])
                if ev is None:
                    ev, _ = reader.read(r)
                if ev is not None:
                    by[r[0]].append(ev)
            rows_by = reads.projection_rows_of(raw, chunk)
            for dossier_id in chunk:
                counts.dossiers += 1
                drow = rows_by.get(dossier_id)
                if drow is not None:
                    _compare(breaks, dossier_id, by[dossier_id], drow)
                # a missing row is the whole-database existence check's to name
        return advanced, done


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

# --- helpers ---------------------------------------------------------------------------------


def _raw(session):
    """The sqlite3 connection under the session, inside the session's read transaction."""
    return reads.driver(session)


def _desk(session) -> tuple[str, int, str]:
    desk = repo.own_desk(session, "there is nothing to verify")
    return desk.node_id, int(desk.last_seq), str(desk.last_hash)


def _holes(raw, breaks: BreakList, node: str) -> None:
    """Name each run of missing seqs of a node, by the event right after it."""
    for seq, ev_id, dossier_id in reads.hole_ends(raw, node):
        before = reads.seq_before(raw, node, seq)
        lo, hi = before + 1, seq - 1
        span = f"seq {lo}" if lo == hi else f"seqs {lo}..{hi}"
        breaks.add(
            Break(
                "missing",
                f"{span} of node {node} are missing (deleted?) before event {ev_id} (seq {seq})",
                node,
                lo,
                ev_id,
                dossier_id,
            )
        )


def _link_break(node: str, seq: int, ev_id: str, dossier_id: str, prev_id: str) -> Break:
    return Break(
        "broken_link",
        f"event {ev_id} (seq {seq}) does not follow event {prev_id} "
        f"(seq {seq - 1}) of the same node: one of the two was replaced (perhaps with "
        "its hash recomputed)",
        node,
        seq,
        ev_id,
        dossier_id,
    )


def _fill_codes(raw, breaks: BreakList) -> None:
    """The dossier code of each break that knows its dossier but not its code."""
    codes = dossier_codes(
        raw, list({b.dossier_id for b in breaks.kept if b.dossier_id and not b.code})
    )
    from dataclasses import replace

    breaks.kept[:] = [
        replace(b, code=codes.get(b.dossier_id, "")) if b.dossier_id and not b.code else b
        for b in breaks.kept
    ]
