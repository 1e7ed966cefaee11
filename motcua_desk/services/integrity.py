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
     and its projection row compared column by column (`store.projection`), a row with
     no events and events with no row named.
  Memory holds one dossier's events at a time. This pass (store.integrity_scan) can be
  shared among processes, each over a range of dossier ids (verify(jobs=2)).
  3. files, after the read transaction, in one of their own: every digitised paper's file
     the events name (services.digitisation) is in the files folder beside the database and
     hashes to its name; a missing, corrupt or unreadable one is a break (`file_missing`,
     `file_corrupt`, `file_unreadable`).
- `startup_step()` — what the window runs in the background after start-up, in bounded steps
  on the DB worker: the cheap whole-database checks of (1) (the per-node count/min/max comes
  from the (node_id, seq) index alone, so a deleted row anywhere is found every time), and
  the hash, links and projections of the events added since the last verified point, the
  *checkpoint* (settings key `integrity.checkpoint`: per node the last verified seq and its
  hash). The checkpoint event itself must still be there with that hash. An edit of an old
  row in place (content or projection) is found by the full check, which the officer or IT
  runs on demand (`motcua-desk verify`); the checkpoint is a speed-up, not a seal (whoever
  can edit the database can edit it too): the hub holds the other copy of every chain. The
  files of (3) are not checked there (hashing them would not fit a start's budget).
"""

from __future__ import annotations

import logging
import sys
import time
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from motcua_desk.domain.integrity import Break, BreakList, VerifyReport
from motcua_desk.services.integrity_checks import (
    IntegrityChecks,
    Progress,
    _absorb,
    _Counts,
    _desk,
    _fill_codes,
    _raw,
    _ticker,
)
from motcua_desk.store import integrity_reads as reads
from motcua_desk.store import repo
from motcua_desk.store.blobs import files_dir
from motcua_desk.store.integrity_scan import (  # noqa: F401 (importable from here as before)
    _EVENT_COLS,
    _SCAN_COLS,
    PROJECTION_COLUMNS,
    ContentScan,
    RowReader,
    Tick,
    _compare,
    _content_break,
    _contents_worker,
    dossier_bounds,
    dossier_codes,
    event_from_row,
    node_heads,
    scan_contents,
)

_log = logging.getLogger("motcua.integrity")

CHECKPOINT = "integrity.checkpoint"  # {"nodes": {node_id: [seq, hash]}, "at": ISO}
LAST = "integrity.last"  # the last check's outcome: {"at", "scope", "ok", "break_count"}
CODE_CLASHES = "sync.code_clashes"  # dossiers left unprojected on purpose (replication)


class IntegrityService(IntegrityChecks):
    @classmethod
    def from_services(cls, services) -> IntegrityService:
        return cls(services._store, services.clock)

    # --- the full check ---------------------------------------------------------------------
    def verify(
        self, progress: Progress | None = None, every: int = 100_000, jobs: int = 1
    ) -> VerifyReport:
        """Everything, read-only. `progress(done, total)` every `every` events (and once at the
        end). With jobs > 1 the contents are checked by that many processes, each over its
        share of the dossiers (see _parallel_contents)."""
        t0 = time.perf_counter()
        breaks = BreakList()
        counts = _Counts()
        with self.store.read() as session:
            raw = _raw(session)
            node, last_seq, last_hash = _desk(session)
            clashes = set(repo.get_setting(session, CODE_CLASHES, []) or [])
            path = getattr(self.store, "path", None)
            if jobs > 1 and path is not None and Path(path).is_file():
                _parallel_contents(
                    raw,
                    Path(path),
                    jobs,
                    breaks,
                    counts,
                    clashes,
                    progress,
                    every,
                    lambda: self._chains(
                        raw, breaks, counts, node, last_seq, last_hash, since=None
                    ),
                )
            else:
                total = self._chains(raw, breaks, counts, node, last_seq, last_hash, since=None)
                tick = _ticker(progress, every, total)
                found = scan_contents(raw, None, None, clashes, tick)
                _absorb(breaks, counts, found)
                if progress is not None:
                    progress(counts.events, total)
            _fill_codes(raw, breaks)
        files = self._files(breaks)
        return VerifyReport(
            "full",
            counts.events,
            counts.dossiers,
            counts.nodes,
            tuple(breaks.kept),
            breaks.count,
            time.perf_counter() - t0,
            files,
        )

    def _files(self, breaks: BreakList) -> int:
        """Every digitised paper's file the events name: here and hashing to its name
        (services.digitisation), each problem a break; returns how many files were checked.
        Read after the chains, in a read of its own: a scan stored meanwhile is stored before
        its event, so no file is ever reported missing for that."""
        from motcua_desk.services.digitisation import DigitisationService

        if getattr(self.store, "path", None) is None:
            return 0
        # only the files are checked: the dossier use cases the service needs for the rest
        # (offers, reuse, rates) are not
        checked, problems = DigitisationService(self.store, self.clock, None).check_files()
        for p in problems:
            breaks.add(Break.of_file(p.code, p.document, p.name, p.sha256, p.problem))
        return checked

    def files_folder(self) -> Path | None:
        """Where the digitised papers' files are kept (beside the database)."""
        path = getattr(self.store, "path", None)
        return None if path is None else files_dir(Path(path))

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
            node, last_seq, last_hash = _desk(session)
            cp = repo.get_setting(session, CHECKPOINT, None) or {}
            since = {n: (int(v[0]), str(v[1])) for n, v in (cp.get("nodes") or {}).items()}
            if first:
                self._chains(
                    raw, breaks, counts, node, last_seq, last_hash, since=since, links=False
                )
                self._existence(raw, breaks, set(repo.get_setting(session, CODE_CLASHES, []) or []))
            advanced, done = self._tail(raw, breaks, counts, since, max_events)
            _fill_codes(raw, breaks)
        report = VerifyReport(
            "startup",
            counts.events,
            counts.dossiers,
            counts.nodes,
            tuple(breaks.kept),
            breaks.count,
            time.perf_counter() - t0,
        )
        with self.store.write() as session:
            if report.ok and advanced:
                nodes = dict(since)
                nodes.update(advanced)
                repo.set_setting(
                    session,
                    CHECKPOINT,
                    {
                        "nodes": {n: [s, h] for n, (s, h) in sorted(nodes.items())},
                        "at": self.clock().isoformat(),
                    },
                )
            if not report.ok or done:
                repo.set_setting(
                    session,
                    LAST,
                    {
                        "at": self.clock().isoformat(),
                        "scope": "startup",
                        "ok": report.ok,
                        "break_count": report.break_count,
                    },
                )
        return StartupStep(report, done or not report.ok)

    def checkpoint(self) -> dict[str, tuple[int, str]]:
        with self.store.read() as session:
            cp = repo.get_setting(session, CHECKPOINT, None) or {}
        return {n: (int(v[0]), str(v[1])) for n, v in (cp.get("nodes") or {}).items()}


PARALLEL_MIN_EVENTS = 200_000  # below this, starting a process costs more than it saves
CHUNKS_PER_JOB = 8  # dossier ranges handed out one at a time: whoever is free takes the next


def _parallel_contents(
    raw,
    path: Path,
    jobs: int,
    breaks: BreakList,
    counts: _Counts,
    clashes: set[str],
    progress: Progress | None,
    every: int,
    chains: Callable[[], int],
) -> None:
    """The contents pass split into ranges of dossier ids, checked by this process and
    jobs - 1 others (spawned: a fresh interpreter, never a fork of one holding SQLite
    connections). Each process reads in one read transaction of its own: every dossier is
    checked whole within one consistent snapshot, its events and its row together (a dossier
    written meanwhile is seen before or after, never half). Results are merged in range
    order, so the report is the one a single process makes. The chain checks run here while
    the others start. A process that fails or dies leaves its ranges to this one."""
    import multiprocessing

    total_estimate = reads.max_event_rowid(raw)
    bounds = (
        dossier_bounds(raw, jobs * CHUNKS_PER_JOB)
        if total_estimate >= PARALLEL_MIN_EVENTS
        else [None, None]
    )
    ranges = len(bounds) - 1
    ctx = multiprocessing.get_context("spawn")
    claimed = ctx.Value("i", 0)
    workers = []
    if ranges > 1:
        for _ in range(jobs - 1):
            receive, send = ctx.Pipe(duplex=False)
            proc = ctx.Process(
                target=_contents_worker,
                daemon=True,
                args=(str(path), bounds, sorted(clashes), claimed, send),
            )
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
                    _log.warning(
                        "verify: a checking process failed (%s); its dossiers are checked here",
                        msg[1],
                    )
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
    _log.debug(
        "verify: %d dossier ranges, %d of them checked by %d other process(es)",
        ranges,
        others,
        len(workers),
    )
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


@dataclass(frozen=True)
class StartupStep:
    report: VerifyReport
    done: bool  # nothing more to check (or a break was found: the officer must be told)
