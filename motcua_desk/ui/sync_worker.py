"""The window's sync worker: the desk's SyncEngine looping on a thread of its own, its status
brought to the GUI thread by a queued signal.

Threads (DESIGN.md "Threads"):

- the **sync thread** runs `engine.run_forever()`: network, and the replication service's
  reads and writes. It is neither the GUI thread nor the DB worker's thread, so a slow or
  absent hub never holds up a scan or an intake; the engine's HTTP calls have timeouts.
- a short-lived **check thread** runs one round with an address and token typed in Cài đặt.
- the GUI thread only asks (`wake`, `stop`) and paints what comes back; it never waits on
  the network. Closing stops the loop and waits for it *without blocking* (a queued signal
  or a timer, whichever comes first); after the event loop, `stop_now` joins with a timeout.

The engine works on the DB worker's replication service (handed over by the worker once the
database is open; the GUI thread holds only that, to pass it on to the sync threads, never
the whole `Services`). Each unit of work takes its own SQLite connection from the engine's
pool, so the sync thread does run on its own connection; sharing the worker's services keeps
one set of caches (the calendar, the departments), which reference data from the hub
invalidates for the whole window at once. SQLite serialises the writers (BEGIN IMMEDIATE).

The ui layer does not import the sync package: the composition root (motcua_desk.app) hands
in `engine_factory(replication, *, hub_url="", token="", on_status=None)` that builds a
SyncEngine; without hub_url the engine uses the hub saved in the desk database.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from motcua_desk.ui.settings import UiSettings
from motcua_desk.ui.sync_state import (
    FAILED_STATES,
    CheckResult,
    SyncSnapshot,
    _Run,
    _snapshot,
    _Threads,
    error_code,
)
from motcua_desk.ui.worker import Changes, Worker

if TYPE_CHECKING:
    from motcua_desk.services.replication import ReplicationService
    from motcua_desk.services.replication_terms import HubSettings, SyncCounts

log = logging.getLogger("motcua.ui.sync")

EngineFactory = Callable[..., Any]


class SyncController(QObject):
    """Starts, stops and watches the sync loop; runs connection checks. GUI-thread object."""

    status_changed = Signal(object)  # SyncSnapshot
    data_arrived = Signal(bool)  # events came from the hub; True: reference data too
    check_finished = Signal(bool, object)  # ok, CheckResult | exception
    configured_changed = Signal(bool)

    # from the sync threads; queued into the GUI thread
    _thread_status = Signal(int, object)
    _thread_done = Signal(int)
    _thread_checked = Signal(bool, object)

    def __init__(
        self,
        engine_factory: EngineFactory,
        worker: Worker,
        settings: UiSettings,
        *,
        interval: float = 30.0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._factory = engine_factory
        self._worker = worker
        self._settings = settings
        self.interval = interval
        self._replication: ReplicationService | None = None  # the DB worker's, for the threads
        self._hub: HubSettings | None = None
        self._threads = _Threads()
        self.destroyed.connect(self._threads.stop_all)
        self._gens = 0
        self._checking: threading.Thread | None = None
        self._check_done = threading.Event()
        self._closing = False
        self._pending_check: tuple[str, str, str] | None = None
        self._after_shutdown: Callable[[], None] | None = None
        self.snapshot = SyncSnapshot()
        self._shutdown_timer = QTimer(self, singleShot=True)
        self._connect_signals()

    @property
    def _run(self) -> _Run | None:
        return self._threads.run

    @_run.setter
    def _run(self, run: _Run | None) -> None:
        self._threads.run = run

    @property
    def _closing_run(self) -> _Run | None:
        return self._threads.closing_run

    @_closing_run.setter
    def _closing_run(self, run: _Run | None) -> None:
        self._threads.closing_run = run

    def _connect_signals(self) -> None:
        queued = Qt.ConnectionType.QueuedConnection
        self._thread_status.connect(self._on_thread_status, queued)
        self._thread_done.connect(self._on_thread_done, queued)
        self._thread_checked.connect(self._on_checked, queued)
        self._shutdown_timer.timeout.connect(self._shutdown_timed_out)

    # --- what the window asks -----------------------------------------------------------------
    @property
    def configured(self) -> bool:
        return self._hub is not None

    @property
    def enabled(self) -> bool:
        return self._settings.sync_enabled

    @property
    def running(self) -> bool:
        return self._run is not None

    @property
    def hub_url(self) -> str:
        return getattr(self._hub, "url", "") or ""

    @property
    def checking(self) -> bool:
        return self._checking is not None

    def attach(self) -> None:
        """Once the desk is open: take the replication service from the DB worker, read whether
        a hub is configured, and start the loop when it is (and the officer has not turned it
        off)."""
        self._worker.query(
            lambda svc: (svc.replication, svc.replication.hub_settings()),
            success=self._attached,
            failure=self._attach_failed,
            owner=self,
        )

    def detach(self) -> None:
        """Let go of the replication service (restore replaces the database file): the loop is
        told to stop and starts again at the next attach()."""
        self._stop_run()
        self._replication = None

    @property
    def attached(self) -> bool:
        """The desk is open and the hub settings have been read."""
        return self._replication is not None

    def _attached(self, result: tuple[ReplicationService, HubSettings | None]) -> None:
        self._replication, hub = result
        self._set_hub(hub)
        self._restart()
        pending, self._pending_check = self._pending_check, None
        if pending is not None:
            self.check(*pending)

    def _attach_failed(self, err: BaseException) -> None:
        log.error("cannot read the hub settings: %r", err)

    def _set_hub(self, hub: HubSettings | None) -> None:
        was = self.configured
        self._hub = hub
        if was != self.configured:
            self.configured_changed.emit(self.configured)

    def set_enabled(self, on: bool) -> None:
        """Start / stop button of Cài đặt (remembered for this PC)."""
        self._settings.sync_enabled = on
        self._settings.sync()
        self._restart()

    def reload_settings(self) -> None:
        """The hub address or token changed (saved through the DB worker): start again."""
        self._worker.query(
            lambda svc: svc.replication.hub_settings(), success=self._reloaded, owner=self
        )

    def _reloaded(self, hub: HubSettings | None) -> None:
        self._set_hub(hub)
        self._restart()

    def sync_now(self) -> None:
        if self._run is not None:
            self._run.wake()

    def on_local_change(self, changes: Changes) -> None:
        """After each mutation of the DB worker: new events to send, so sync now; the counts
        are read at once (the round may take a while when the hub is away)."""
        if changes.origin == "external":
            return
        if "dossier" in changes.kinds and self._run is not None:
            self._run.wake()
        self.refresh_counts()  # also while sync is off: the unsent count grows

    def refresh_counts(self) -> None:
        """Unsent events and open sync exceptions read again (on the DB worker)."""
        if not self.configured:
            return
        self._worker.query(lambda svc: svc.replication.counts(), success=self._counted, owner=self)

    def _counted(self, counts: SyncCounts) -> None:
        self._publish(
            replace(
                self.snapshot,
                unsent=counts.unsent,
                conflicts=counts.conflicts,
                rejected=counts.rejected,
                last_success_at=counts.last_success_at or self.snapshot.last_success_at,
                pulled=False,
                reference_changed=False,
            )
        )

    # --- the loop -----------------------------------------------------------------------------
    def _restart(self) -> None:
        self._stop_run()
        if self._closing or self._replication is None:
            return
        if not self.configured:
            self._publish(SyncSnapshot(state="unset"))
            return
        if not self.enabled:
            self._publish(
                replace(
                    self.snapshot,
                    state="stopped",
                    online=False,
                    pulled=False,
                    reference_changed=False,
                )
            )
            self.refresh_counts()
            return
        self._gens += 1
        run = _Run(self._gens)
        run.thread = threading.Thread(
            target=self._loop,
            args=(run, self._replication),
            name=f"motcua-sync-{run.gen}",
            daemon=True,
        )
        self._run = run
        self._publish(
            replace(self.snapshot, state="starting", pulled=False, reference_changed=False)
        )
        run.thread.start()

    def _stop_run(self) -> None:
        run, self._run = self._run, None
        if run is not None:
            run.stop()  # its thread ends by itself (after the request in flight, if any)

    def _loop(self, run: _Run, repl: ReplicationService) -> None:
        """The sync thread: build the engine (from the saved hub), loop until stopped."""
        engine = None
        try:
            seen = {
                "cursor": repl.cursor(),
                "reference": repl.reference_versions(),
                "error": "",
                "settled": "",  # how the last round ended: online, offline, refused, error
            }

            def on_status(status: Any) -> None:  # on this thread, inside the engine's round
                pulled = reference_changed = False
                if status.state in FAILED_STATES:
                    # called from the engine's `except` block: the failure itself is at hand
                    seen["error"] = error_code(sys.exc_info()[1]) or seen["error"]
                    seen["settled"] = status.state
                elif status.state == "online":
                    seen["error"] = ""
                    seen["settled"] = "online"
                elif status.state == "syncing" and seen["settled"] in FAILED_STATES:
                    # a retry after a failed round: the bar keeps saying offline (refused, …)
                    # until a round goes through, rather than "syncing" for most of the time
                    status = replace(status, state=seen["settled"], online=False)
                elif status.state == "syncing":
                    seen["error"] = ""
                if status.state == "online":
                    try:
                        cursor, reference = repl.cursor(), repl.reference_versions()
                    except Exception:
                        log.exception("cannot read the sync cursor")
                    else:
                        pulled = cursor != seen["cursor"]
                        reference_changed = reference != seen["reference"]
                        seen["cursor"], seen["reference"] = cursor, reference
                self._emit(
                    self._thread_status,
                    run.gen,
                    _snapshot(
                        status,
                        error_code=seen["error"],
                        pulled=pulled or reference_changed,
                        reference_changed=reference_changed,
                    ),
                )

            engine = self._factory(repl, on_status=on_status)
            with run.lock:
                run.engine = engine
                stopping = run.stopping.is_set()
            if not stopping:
                log.info("sync started with the hub %s", getattr(engine.client, "url", "?"))
                engine.run_forever(interval=self.interval)
        except BaseException as err:  # noqa: BLE001 - reported in the status bar
            log.error("the sync loop could not run: %r", err)
            self._emit(
                self._thread_status,
                run.gen,
                replace(
                    self.snapshot,
                    state="error",
                    online=False,
                    error_code=error_code(err),
                    pulled=False,
                    reference_changed=False,
                ),
            )
        finally:
            if engine is not None:
                try:
                    engine.close()
                except Exception:
                    log.exception("closing the sync engine failed")
            run.done.set()
            self._emit(self._thread_done, run.gen)
            log.info("sync thread %d ended", run.gen)

    def _emit(self, signal, *args: Any) -> None:
        """Emit from a sync thread, unless the window is gone (a thread outlived the close)."""
        try:
            if shiboken6.isValid(self):
                signal.emit(*args)
        except RuntimeError:  # deleted between the check and the emit
            pass

    @Slot(int, object)
    def _on_thread_status(self, gen: int, snap: SyncSnapshot) -> None:
        if self._run is None or gen != self._run.gen:
            return  # a loop that was stopped: its last words no longer count
        self._publish(snap)

    def _publish(self, snap: SyncSnapshot) -> None:
        self.snapshot = snap
        self.status_changed.emit(snap)
        if snap.pulled:
            self.data_arrived.emit(snap.reference_changed)

    # --- "Kiểm tra kết nối" --------------------------------------------------------------------
    def check(self, url: str, token: str, cafile: str = "") -> bool:
        """One round with this address and token on a thread of its own; the hub settings are
        saved only when the round succeeds. Answers with check_finished (later, when the desk
        is not open yet). False when a check is already running."""
        if self._checking is not None or self._closing:
            return False
        if self._replication is None:
            self._pending_check = (url, token, cafile)
            return True
        self._check_done.clear()
        thread = threading.Thread(
            target=self._probe,
            args=(self._replication, url, token, cafile),
            name="motcua-sync-check",
            daemon=True,
        )
        self._checking = thread
        thread.start()
        return True

    def _probe(self, repl: ReplicationService, url: str, token: str, cafile: str = "") -> None:
        engine = None
        try:
            extra = {"cafile": cafile} if cafile else {}  # the CA file to trust (https)
            engine = self._factory(repl, hub_url=url, token=token, **extra)
            report = engine.run_once()
            status = engine.status()
            repl.save_hub_settings(url, token, cafile)
            result = CheckResult(
                report.pushed,
                report.applied,
                status.skew_ms,
                bool(status.clock_warning),
                tuple(report.reference),
            )
            self._emit(self._thread_checked, True, result)
        except BaseException as err:  # noqa: BLE001 - goes back to the officer
            log.info("connection check with %s failed: %r", url, err)
            self._emit(self._thread_checked, False, err)
        finally:
            if engine is not None:
                try:
                    engine.close()
                except Exception:
                    log.exception("closing the check engine failed")
            self._check_done.set()

    @Slot(bool, object)
    def _on_checked(self, ok: bool, value: object) -> None:
        self._checking = None
        if self._closing:
            self._maybe_shutdown_done()
            return
        self.check_finished.emit(ok, value)
        if ok:
            self.reload_settings()  # saved: the loop starts (again) on them
            self.data_arrived.emit(bool(getattr(value, "reference", ())))

    # --- closing ------------------------------------------------------------------------------
    def shutdown(self, then: Callable[[], None], timeout_ms: int = 3000) -> None:
        """Stop everything; call `then` once the threads have ended, or after `timeout_ms`
        (a request stuck on a dead network is abandoned: the threads are daemons). Never
        blocks the GUI thread."""
        self._closing = True
        self._after_shutdown = then
        run, self._run = self._run, None
        self._closing_run = run
        if run is not None:
            run.stop()
        if self._threads_done():
            self._finish_shutdown()
        else:
            self._shutdown_timer.start(timeout_ms)

    def _threads_done(self) -> bool:
        run = self._closing_run
        return (run is None or run.done.is_set()) and (
            self._checking is None or self._check_done.is_set()
        )

    @Slot(int)
    def _on_thread_done(self, gen: int) -> None:
        if self._run is not None and gen == self._run.gen:
            self._run = None  # ended by itself (could not start): no longer running
        self._maybe_shutdown_done()

    def _maybe_shutdown_done(self) -> None:
        if self._after_shutdown is not None and self._threads_done():
            self._finish_shutdown()

    def _shutdown_timed_out(self) -> None:
        log.warning("the sync thread did not stop in time: left to end on its own")
        self._abandoned = True
        self._finish_shutdown()

    _abandoned = False

    def _finish_shutdown(self) -> None:
        self._shutdown_timer.stop()
        then, self._after_shutdown = self._after_shutdown, None
        if then is not None:
            then()

    def stop_now(self, timeout: float = 2.0) -> None:
        """After the event loop has ended: stop and join the threads, at most `timeout` s
        each (never hangs the exit; the threads are daemons)."""
        self._closing = True
        if self._abandoned:  # already waited for at the close
            self._threads.stop_all()
            return
        for run in (self._run, self._closing_run):
            if run is not None:
                run.stop()
                if run.thread is not None and run.thread.is_alive():
                    run.thread.join(timeout)
        probe = self._checking
        if probe is not None and probe.is_alive():
            probe.join(timeout)
        self._run = None
