"""The plain parts of the window's sync worker (ui/sync_worker.py): the snapshot the status bar
paints, a connection check's result, a failure's code, and the thread bookkeeping of one life of
the sync loop. No Qt here: these cross between the sync threads and the GUI thread."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from motcua_desk.domain.errors import DomainError

FAILED_STATES = ("offline", "refused", "error")


@dataclass(frozen=True)
class SyncSnapshot:
    """What the status bar and the exceptions list show, as plain values.

    state: "unset" (no hub configured), "stopped" (the officer turned sync off), "starting",
    or the engine's own: idle, syncing, online, offline, refused, error.
    error_code: why the last round failed: hub_unavailable, a hub refusal (unauthorized,
    desk_no_mismatch, node_mismatch, desk_disabled, …) or another error's code."""

    state: str = "unset"
    online: bool = False
    unsent: int = 0
    rejected: int = 0
    conflicts: int = 0
    last_success_at: datetime | None = None
    skew_ms: int | None = None
    clock_warning: bool = False
    error_code: str = ""
    next_attempt_in: float | None = None
    warnings: tuple[str, ...] = ()  # the engine's: file_missing, file_waiting, clock_skew, …
    changed: tuple[str, ...] | None = None  # the dossiers the last round changed (None: any)
    pulled: bool = False  # this round brought something new (views should refresh)
    reference_changed: bool = False  # … including reference data (catalog, calendar)

    @property
    def running(self) -> bool:
        return self.state not in ("unset", "stopped")


@dataclass(frozen=True)
class CheckResult:
    """A successful "Kiểm tra kết nối" round."""

    pushed: int
    received: int
    skew_ms: int | None
    clock_warning: bool
    reference: tuple[str, ...] = ()


def error_code(err: BaseException | None) -> str:
    """The most telling code of a sync failure: the hub's own refusal code when it refused."""
    if err is None:
        return ""
    refusal = getattr(err, "error", None)
    if getattr(err, "code", "") == "hub_refused" and isinstance(refusal, str) and refusal:
        return refusal
    if isinstance(err, DomainError):
        return err.code
    return "unexpected"


def _snapshot(status: Any, **extra: Any) -> SyncSnapshot:
    """A SyncSnapshot from the engine's SyncStatus (read by attribute: no import of sync)."""
    return SyncSnapshot(
        state=status.state,
        online=bool(status.online),
        unsent=status.unsent,
        rejected=status.rejected,
        conflicts=status.conflicts,
        last_success_at=status.last_success_at,
        skew_ms=status.skew_ms,
        clock_warning=bool(status.clock_warning),
        warnings=tuple(getattr(status, "warnings", ()) or ()),
        changed=getattr(status, "changed", None),
        next_attempt_in=status.next_attempt_in,
        **extra,
    )


class _Run:
    """One life of the sync loop (a new one after every restart)."""

    def __init__(self, gen: int) -> None:
        self.gen = gen
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.done = threading.Event()
        self.engine: Any = None
        self.thread: threading.Thread | None = None

    def stop(self) -> None:
        with self.lock:
            self.stopping.set()
            engine = self.engine
        if engine is not None:
            engine.stop()  # sets two threading.Events: returns at once

    def wake(self) -> None:
        with self.lock:
            engine = self.engine
        if engine is not None:
            engine.wake()


class _Threads:
    """The loop and check threads of a controller, in a plain object: when the controller is
    destroyed (its window deleted) the loop is still told to stop."""

    def __init__(self) -> None:
        self.run: _Run | None = None
        self.closing_run: _Run | None = None

    def stop_all(self, *_args: Any) -> None:
        for run in (self.run, self.closing_run):
            if run is not None:
                run.stop()
