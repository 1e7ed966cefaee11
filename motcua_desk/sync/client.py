"""The desk's sync client: push what the hub lacks, pull what the desk lacks, take newer
reference data (the requests themselves are `sync/hub_client.py`'s). Usable from the command
line loop and from a worker thread of the window: no Qt here, status goes out through a plain
callback.

Every step is idempotent, so any failure (hub down, connection cut before the answer, crash)
is handled the same way: stop, and do it again later. Push: the hub stores each event once by
id and answers `duplicate` for a retry, which the desk takes as an acknowledgement. Pull: the
cursor moves only in the transaction that applies the batch.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from motcua_desk.domain.errors import DomainError
from motcua_desk.services.base import wall_ms
from motcua_desk.services.file_sync import FileSyncBook
from motcua_desk.services.replication import ReplicationService
from motcua_desk.sync import protocol
from motcua_desk.sync.file_transfer import FILE_WAITING, FilesReport, sync_files
from motcua_desk.sync.hub_client import (  # imported from here too
    HubClient,
    HubRefused,
    HubUnavailable,
    SyncError,
    encode_event,
)
from motcua_desk.sync.protocol import PushResult

log = logging.getLogger("motcua.sync")

# Past this many dossiers changed by one round, the window refreshes everything instead.
MAX_NAMED_CHANGES = 500


# --- status ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar shows. `state`: idle (never tried), syncing, online (the last round
    succeeded), offline (the hub could not be reached), refused (the hub said no: wrong token,
    desk number…, needs a person), error (something else went wrong: see last_error and the
    log). `warnings`: clock_skew, desk_behind_hub, reference_<kind>_invalid."""

    state: str = "idle"
    online: bool | None = None
    unsent: int = 0
    rejected: int = 0
    conflicts: int = 0
    last_success_at: datetime | None = None
    last_attempt_at: datetime | None = None
    last_error: str = ""
    skew_ms: int | None = None
    clock_warning: bool = False
    warnings: tuple[str, ...] = ()
    next_attempt_in: float | None = None
    changed: tuple[str, ...] | None = ()  # the last round's changed dossiers (see SyncReport)


@dataclass(frozen=True)
class SyncReport:
    pushed: int = 0
    accepted: int = 0
    duplicates: int = 0
    rejected: int = 0
    pulled: int = 0
    applied: int = 0
    dossiers: int = 0
    reference: tuple[str, ...] = ()
    cursor: int = 0
    skew_ms: int | None = None
    seconds: float = 0.0
    files_sent: int = 0
    files_fetched: int = 0
    # the codes of the dossiers the pull changed; None: too many to name (refresh everything)
    changed: tuple[str, ...] | None = ()


@dataclass
class Backoff:
    """Delay before the next attempt after n failures in a row: base·2^(n-1), capped, with
    ±20 % jitter so that desks do not all come back at once."""

    base: float = 2.0
    cap: float = 300.0
    jitter: float = 0.2
    rng: random.Random = field(default_factory=random.Random)

    def delay(self, failures: int) -> float:
        raw = min(self.cap, self.base * 2 ** max(0, failures - 1))
        return raw * (1 + self.jitter * (2 * self.rng.random() - 1))


@dataclass
class _Batch:
    bodies: list[str]
    too_big: dict[str, str]
    last_seq: int


# --- the engine -----------------------------------------------------------------------------


class SyncEngine:
    """One desk's sync against one hub.

    `run_once()` does a whole round (hello, push until nothing is left, pull until caught up,
    reference data) and raises HubUnavailable / HubRefused when it cannot. `run_forever()`
    repeats it every `interval` seconds while it works and backs off while it does not;
    `wake()` asks for a round now (after a local change), `stop()` ends the loop. Status goes
    to `on_status` (called from the syncing thread) and `status()`.
    """

    def __init__(
        self,
        services,
        client: HubClient | None = None,
        *,
        hub_url: str = "",
        token: str = "",
        push_batch: int = protocol.MAX_PUSH_EVENTS,
        pull_limit: int = protocol.DEFAULT_PULL_LIMIT,
        retries: int = 2,
        backoff: Backoff | None = None,
        on_status: Callable[[SyncStatus], None] | None = None,
        sleep: Callable[[float], Any] | None = None,
        verify: bool | str = True,
    ) -> None:
        self.replication = (
            services if isinstance(services, ReplicationService) else services.replication
        )
        self.clock = self.replication.clock
        self.files_book = FileSyncBook(self.replication.store, self.replication.clock)
        self._files_rechecked = False  # once in this engine's life: files gone from the folder
        if client is None:
            if not hub_url:
                saved = self.replication.hub_settings()
                if saved is None:
                    raise SyncError(
                        "no hub configured: give --hub URL --token TOKEN", code="no_hub"
                    )
                hub_url, token = saved.url, token or saved.token
                if verify is True and saved.cafile:
                    verify = saved.cafile
            client = HubClient(hub_url, token, verify=verify)
        self.client = client
        self.push_batch = max(1, min(push_batch, protocol.MAX_PUSH_EVENTS))
        self.pull_limit = max(1, min(pull_limit, protocol.MAX_PULL_LIMIT))
        self.retries = retries
        self.backoff = backoff or Backoff()
        self.on_status = on_status
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._sleep = sleep or self._interruptible_sleep
        self._lock = threading.Lock()  # one round at a time
        self._status = SyncStatus()
        self._failures = 0

    # --- status -----------------------------------------------------------------------------
    def status(self) -> SyncStatus:
        return self._status

    def refresh_status(self) -> SyncStatus:
        """Re-read the counts from the database (after local work) and publish them."""
        return self._publish()

    def _publish(self, *, counts: bool = True, **changes: Any) -> SyncStatus:
        if counts:
            try:
                c = self.replication.counts()
                changes = {
                    "unsent": c.unsent,
                    "rejected": c.rejected,
                    "conflicts": c.conflicts,
                    "last_success_at": c.last_success_at,
                    **changes,
                }
            except Exception:
                log.exception("could not read the sync counts")
        self._status = replace(self._status, **changes)
        if self.on_status is not None:
            try:
                self.on_status(self._status)
            except Exception:
                log.exception("sync status callback failed")
        return self._status

    # --- one round --------------------------------------------------------------------------
    def _call(self, fn: Callable[[], Any]) -> Any:
        """fn() with up to `retries` quick retries when the hub is unavailable (every request
        of the protocol is safe to repeat)."""
        for attempt in range(self.retries + 1):
            try:
                return fn()
            except HubUnavailable:
                if attempt == self.retries or self._stopping.is_set():
                    raise
                self._sleep(self.backoff.delay(attempt + 1))
        raise AssertionError("unreachable")  # pragma: no cover

    def run_once(self) -> SyncReport:
        with self._lock:
            started = time.monotonic()
            self._publish(counts=False, state="syncing", last_attempt_at=self.clock())
            try:
                report = self._round()
            except HubRefused as err:
                log.error("sync refused by the hub: %s", err)
                self._publish(state="refused", online=True, last_error=str(err))
                raise
            except HubUnavailable as err:
                log.info("hub unavailable: %s", err)
                self._publish(state="offline", online=False, last_error=str(err))
                raise
            except Exception as err:
                log.exception("sync failed")
                self._publish(state="error", last_error=str(err))
                raise
            report = replace(report, seconds=time.monotonic() - started)
            self.replication.record_success(self.clock(), report.skew_ms)
            self._publish(state="online", online=True, last_error="", changed=report.changed)
            log.info(
                "sync done: pushed %d (%d new, %d already there, %d refused), pulled %d "
                "(%d new) in %.2f s",
                report.pushed,
                report.accepted,
                report.duplicates,
                report.rejected,
                report.pulled,
                report.applied,
                report.seconds,
            )
            return report

    def _round(self) -> SyncReport:
        repl = self.replication
        me = repl.identity()
        skew, warnings = self._hello(me)
        pushed = self._push_all()
        self._changed: set[str] | None = set()
        pulled, applied, dossiers = self._pull_all()
        updated = []
        found = self._call(lambda: self.client.reference(repl.reference_versions()))
        for kind, (version, data) in found.items():
            try:
                if repl.apply_reference(kind, version, data):
                    updated.append(kind)
            except DomainError as err:
                log.error(
                    "reference data %s version %d from the hub refused: %s", kind, version, err
                )
                warnings.append(f"reference_{kind}_invalid")
        files = self._files()
        if files is not None:
            warnings.extend(files.warnings)
        else:
            warnings.append(FILE_WAITING)
        self._publish(counts=False, warnings=tuple(warnings))
        return SyncReport(
            sum(pushed.values()),
            pushed[protocol.ACCEPTED],
            pushed[protocol.DUPLICATE],
            pushed[protocol.REJECTED],
            pulled,
            applied,
            dossiers,
            tuple(updated),
            repl.cursor(),
            skew,
            files_sent=files.sent if files else 0,
            files_fetched=files.fetched if files else 0,
            changed=None if self._changed is None else tuple(sorted(self._changed)),
        )

    def _files(self) -> FilesReport | None:
        """The files' part of the round (sync/file_transfer.py). The events are synced by
        now: a hub that goes away or refuses here (an older hub without files) leaves the
        files for the next round, and the round still counts."""
        try:
            if not self._files_rechecked:
                back = self.files_book.recheck()
                if back:
                    log.warning("%d file(s) gone from the files folder: asking the hub", back)
                self._files_rechecked = True
            return sync_files(self.client, self.files_book)
        except (HubUnavailable, HubRefused) as err:
            log.warning("files not synced this round: %s", err)
            return None

    def _prepare(self, after: int) -> _Batch | None:
        """The next push batch after seq `after`: encoded, within the body limit."""
        with protocol.gc_paused():
            return self._prepare_batch(after)

    def _prepare_batch(self, after: int) -> _Batch | None:
        events = self.replication.pending(after_seq=after, limit=self.push_batch)
        if not events:
            return None
        batch = _Batch([], {}, after)
        size = 0
        for ev in events:
            body = encode_event(ev)
            n = len(body.encode("utf-8"))
            if n > protocol.MAX_EVENT_BYTES:
                batch.too_big[ev.id] = "too_large"  # never sent; stays unsent, listed as refused
            elif batch.bodies and size + n + 64 > protocol.MAX_BODY_BYTES:
                break
            else:
                batch.bodies.append(body)
                size += n + 1
            batch.last_seq = ev.seq
        return batch

    def _send(self, bodies: list[str]) -> list[PushResult]:
        """Push, halving the batch while the hub says it is too large (a hub with smaller
        limits than ours)."""
        try:
            return self._call(lambda: self.client.push_raw(bodies))
        except HubRefused as err:
            if err.status != 413 or len(bodies) < 2:
                raise
            half = len(bodies) // 2
            return self._send(bodies[:half]) + self._send(bodies[half:])

    def _push_all(self) -> dict[str, int]:
        """Push every unacknowledged event, batch after batch; the next batch is read and
        encoded by a helper thread while the hub works on the current one."""
        repl = self.replication
        counts = {protocol.ACCEPTED: 0, protocol.DUPLICATE: 0, protocol.REJECTED: 0}
        with ThreadPoolExecutor(1, thread_name_prefix="sync-push") as pool:
            upcoming = pool.submit(self._prepare, 0)
            while (batch := upcoming.result()) is not None:
                upcoming = pool.submit(self._prepare, batch.last_seq)
                results = self._send(batch.bodies) if batch.bodies else []
                repl.mark_acked([(r.id, r.hub_seq) for r in results if r.stored])
                refused = {r.id: r.reason or "rejected" for r in results if not r.stored}
                refused.update(batch.too_big)
                repl.record_rejections(refused)
                for r in results:
                    counts[protocol.REJECTED if not r.stored else r.status] += 1
                counts[protocol.REJECTED] += len(batch.too_big)
                self._publish(
                    counts=False, state="syncing", unsent=max(0, self._status.unsent - len(results))
                )
        return counts

    def _pull_all(self) -> tuple[int, int, int]:  # and self._changed
        """Pull until caught up; the next page is fetched while the current one is applied
        (the cursor moves only when a page is applied)."""
        repl = self.replication
        pulled = applied = dossiers = 0

        def fetch(after: int):
            with protocol.gc_paused():
                return self._call(lambda: self.client.pull_page(after, self.pull_limit))

        with ThreadPoolExecutor(1, thread_name_prefix="sync-pull") as pool:
            cursor = repl.cursor()
            upcoming = pool.submit(fetch, cursor)
            while upcoming is not None:
                events, seqs, nxt, more, bad = upcoming.result()
                upcoming = pool.submit(fetch, nxt) if more and nxt > cursor else None
                with protocol.gc_paused():
                    report = repl.apply_pulled(events, nxt, seqs, unparsed=bad, schema_checked=True)
                pulled += len(events)
                applied += report.inserted
                dossiers += report.dossiers
                if self._changed is not None:
                    self._changed.update(report.codes)
                    if len(self._changed) > MAX_NAMED_CHANGES:
                        self._changed = None
                cursor = nxt
        return pulled, applied, dossiers

    def _take_back_own(self):
        """Fetch this desk's own events past its acknowledged head, page by page, and store
        them (see ReplicationService.take_back_own)."""
        events: list = []
        seqs: list = []
        after = self.replication.own_acked_head()
        while True:
            page, page_seqs, nxt, more, bad = self._call(
                lambda a=after: self.client.own_page(a, self.pull_limit)
            )
            if bad:
                raise HubUnavailable(
                    f"the hub served {len(bad)} unreadable event(s) of this "
                    "desk's own chain; see the log"
                )
            events += page
            seqs += page_seqs
            if not more or nxt <= after:
                break
            after = nxt
        return self.replication.take_back_own(events, seqs)

    def _hello(self, me) -> tuple[int | None, list[str]]:
        t0 = wall_ms(self.clock())
        answer = self._call(
            lambda: self.client.hello(
                node_id=me.node_id, desk_no=me.desk_no, agency_id=me.agency_id, desk_time_ms=t0
            )
        )
        t1 = wall_ms(self.clock())
        warnings: list[str] = []
        skew = None
        if isinstance(answer.get("hub_time_ms"), int):
            skew = (t0 + t1) // 2 - answer["hub_time_ms"]
        clock_warning = skew is not None and abs(skew) > protocol.SKEW_WARNING_MS
        if clock_warning:
            log.warning(
                "this desk's clock is %+d s off the hub's: set the clock right (events "
                "keep their order, but printed times will be wrong)",
                skew // 1000,
            )
            warnings.append("clock_skew")
        node_seq = int(answer.get("node_seq") or 0)
        if node_seq > self.replication.own_acked_head():
            # The hub holds events of ours this database does not know it has: answers lost
            # (the same events: they are acknowledged), or the database was restored from an
            # older backup (they are taken back) before anything is pushed.
            taken = self._take_back_own()
            if taken.taken or taken.moved:
                log.error(
                    "the hub held events of this desk up to %d, the database only to "
                    "%d: %d taken back, %d made here since moved after them",
                    node_seq,
                    me.last_seq,
                    taken.taken,
                    taken.moved,
                )
                warnings.append("took_back_own")
        elif self.replication.restore_pending():
            self.replication.clear_restore_pending()  # the hub holds nothing we lack
        done = self.replication.reconcile_with_hub(
            str(answer.get("hub_id") or ""), int(answer.get("head") or 0), node_seq
        )
        warnings.extend(done)
        self._publish(counts=False, skew_ms=skew, clock_warning=clock_warning)
        return skew, warnings

    # --- the loop ---------------------------------------------------------------------------
    def _interruptible_sleep(self, seconds: float) -> None:
        self._stopping.wait(seconds)

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stopping.set()
        self._wake.set()

    @property
    def stopping(self) -> bool:
        return self._stopping.is_set()

    def run_forever(self, interval: float = 30.0) -> None:
        """Sync every `interval` seconds until stop(); after failures wait longer (backoff)."""
        while not self._stopping.is_set():
            try:
                self.run_once()
                self._failures = 0
                delay = interval
            except HubRefused:
                self._failures += 1
                delay = max(interval, self.backoff.cap)
            except Exception:  # noqa: BLE001 - logged in run_once; keep the worker alive
                self._failures += 1
                delay = self.backoff.delay(self._failures)
            self._publish(counts=False, next_attempt_in=delay)
            self._wake.wait(delay)
            self._wake.clear()

    def close(self) -> None:
        self.stop()
        self.client.close()
