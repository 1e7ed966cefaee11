"""The hub store's integrity check (`motcua-desk hub verify`): every node's chain as the hub
holds it, read-only and streaming (SQLite or PostgreSQL, a server-side cursor on the latter).

For each node, in seq order: the stored body must hash to its hash (the body is the event's
canonical JSON with the hash appended, see protocol.seal_check), the indexed columns must say
what the body says, seqs must run 1..n without a hole, seq 1 must start from the genesis hash,
and each prev_hash must be the hash of the node's previous event.

A body edited *with its hash recomputed* (in the body and the column) passes the first test;
it breaks the link to the node's next event, whose prev_hash still names the old hash. The
node's newest event has no next one on the hub: such an edit there shows when the desk pushes
its next event (refused: chain_mismatch), and on every desk, whose pull checks the chain.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

from motcua_desk.domain.events import GENESIS_HASH, canonical_json
from motcua_desk.domain.integrity import Break, BreakList, VerifyReport
from motcua_desk.store.blobs import BlobStore

Progress = Callable[[int, int], None]

_SUFFIX_LEN = len(',"hash":"') + 64 + len('"}')


def _body_problem(body: str, columns: dict[str, Any]) -> tuple[str, dict[str, Any] | None]:
    """("", body as a dict) when the body hashes to its hash and agrees with the columns;
    else (kind, dict or None) with kind altered | unreadable | body_mismatch."""
    try:
        data = orjson.loads(body)
    except orjson.JSONDecodeError:
        try:
            data = json.loads(body)
        except (ValueError, RecursionError):
            return "unreadable", None
    if type(data) is not dict or type(data.get("hash")) is not str:
        return "unreadable", None
    claimed = data["hash"]
    text = None
    if body.endswith(f',"hash":"{claimed}"}}') and len(claimed) == 64:
        text = body[:-_SUFFIX_LEN] + "}"  # what the desk hashed, as the hub stored it
    ok = text is not None and hashlib.sha256(text.encode("utf-8")).hexdigest() == claimed
    if not ok:
        rest = {k: v for k, v in data.items() if k != "hash"}
        try:
            ok = hashlib.sha256(canonical_json(rest).encode("utf-8")).hexdigest() == claimed
        except (TypeError, ValueError):
            return "unreadable", data
    if not ok:
        return "altered", data
    if any(data.get(k) != v for k, v in columns.items()):
        return "body_mismatch", data
    return "", data


def verify_hub(
    store, progress: Progress | None = None, every: int = 100_000, files: Path | None = None
) -> VerifyReport:
    """Check every chain of a HubStore, and every file the desks sent it (each must hash to
    its name: `file_corrupt`); read-only. A file an event names that no desk has sent yet is no
    break: its desk sends it at its next sync."""
    t0 = time.perf_counter()
    breaks = BreakList()
    events = 0
    nodes = 0
    with store.read() as session:
        conn = session.connection()
        total = conn.exec_driver_sql("SELECT count(*) FROM hub_events").scalar() or 0
        result = conn.execution_options(stream_results=True, max_row_buffer=2000).exec_driver_sql(
            "SELECT node_id, seq, id, hash, prev_hash, dossier_id, hlc, type, body "
            "FROM hub_events ORDER BY node_id, seq"
        )
        node: str | None = None
        last_seq, last_hash, last_id = 0, GENESIS_HASH, ""
        next_report = every
        for row in result:
            r_node, seq, ev_id, digest, prev, dossier_id, _hlc, _type, body = row
            events += 1
            if r_node != node:
                node, last_seq, last_hash, last_id = r_node, 0, GENESIS_HASH, ""
                nodes += 1
            columns = _columns(row)
            kind, data = _body_problem(body, columns)
            if kind == "altered":
                breaks.add(
                    Break(
                        "altered",
                        f"event {ev_id} (seq {seq}): its stored body no "
                        "longer matches its hash (the row was edited)",
                        r_node,
                        seq,
                        ev_id,
                        dossier_id,
                    )
                )
            elif kind == "unreadable":
                breaks.add(
                    Break(
                        "unreadable",
                        f"event {ev_id} (seq {seq}): its stored body is not an event",
                        r_node,
                        seq,
                        ev_id,
                        dossier_id,
                    )
                )
            elif kind == "body_mismatch":
                wrong = sorted(
                    k for k, v in columns.items() if data is not None and data.get(k) != v
                )
                breaks.add(
                    Break(
                        "body_mismatch",
                        f"event {ev_id} (seq {seq}): the columns "
                        f"{', '.join(wrong)} disagree with its stored body (the row "
                        "was edited)",
                        r_node,
                        seq,
                        ev_id,
                        dossier_id,
                    )
                )
            if seq != last_seq + 1:
                lo, hi = last_seq + 1, seq - 1
                span = f"seq {lo}" if lo == hi else f"seqs {lo}..{hi}"
                breaks.add(
                    Break(
                        "missing",
                        f"{span} of node {r_node} are missing (deleted?) "
                        f"before event {ev_id} (seq {seq})",
                        r_node,
                        lo,
                        ev_id,
                        dossier_id,
                    )
                )
            elif seq == 1 and prev != GENESIS_HASH:
                breaks.add(
                    Break(
                        "bad_start",
                        f"the first event of node {r_node} ({ev_id}) does "
                        "not start from the genesis hash",
                        r_node,
                        1,
                        ev_id,
                        dossier_id,
                    )
                )
            elif seq > 1 and prev != last_hash:
                breaks.add(
                    Break(
                        "broken_link",
                        f"event {ev_id} (seq {seq}) does not follow "
                        f"event {last_id} (seq {last_seq}) of the same node: one of the "
                        "two was replaced (perhaps with its hash recomputed)",
                        r_node,
                        seq,
                        ev_id,
                        dossier_id,
                    )
                )
            last_seq, last_hash, last_id = seq, digest, ev_id
            if progress is not None and events >= next_report:
                progress(events, total)
                next_report = events + every
        if progress is not None:
            progress(events, total)
    checked = 0
    if files is not None:
        blobs = BlobStore(files)
        for sha in blobs.all():
            checked += 1
            problem = blobs.check(sha)
            if problem:
                breaks.add(
                    Break(
                        "file_corrupt" if problem == "corrupt" else "file_unreadable",
                        f"the hub's file {sha} is {problem}: delete it from {files}; the desk "
                        "that scanned it sends it again at its next sync",
                    )
                )
    return VerifyReport(
        "full",
        events,
        0,
        nodes,
        tuple(breaks.kept),
        breaks.count,
        time.perf_counter() - t0,
        checked,  # the files hashed, as the desk's verify counts them
    )


def _columns(row) -> dict[str, Any]:
    """The indexed columns of a hub_events row by name."""
    return {
        "node_id": row[0],
        "seq": row[1],
        "id": row[2],
        "hash": row[3],
        "prev_hash": row[4],
        "dossier_id": row[5],
        "hlc": row[6],
        "type": row[7],
    }
