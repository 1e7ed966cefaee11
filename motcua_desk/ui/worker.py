"""The one DB worker: every service call runs on one thread, results come back by signal.

The shape is Anki's (aqt/operations): a view asks for a *query* (reads, no side effects) or a
*mutation* (one unit of work); the callable runs on the worker thread with the Services object
as its only argument, and `success` / `failure` run later on the GUI thread. After every
successful mutation the worker emits one `changed` signal carrying a `Changes` record, and the
views that show something a mutation may have touched subscribe to it (the today panel, the
dossier view, the search list).

A second lane, `compute`, runs pure CPU work that needs no database (drawing a PDF with
reportlab) so that printing never holds up a scan.

Discipline for callers: read every widget *before* submitting; the callable runs on another
thread and must touch nothing of Qt's widgets.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, QThread, Signal, Slot

from motcua_desk.domain.errors import DomainError

if TYPE_CHECKING:
    from motcua_desk.services import Services

log = logging.getLogger("motcua.ui.worker")

Callback = Callable[[Any], None]


@dataclass(frozen=True)
class Changes:
    """What a mutation touched: the dossier codes, the kinds of data, and who asked.
    `everything`: any dossier may have changed (events pulled from the hub)."""

    codes: frozenset[str] = field(default_factory=frozenset)
    kinds: frozenset[str] = field(default_factory=frozenset)
    origin: object = None
    everything: bool = False

    def touches(self, code: str) -> bool:
        return self.everything or code in self.codes


def _codes_of(value: Any) -> set[str]:
    """Dossier codes found in a mutation's result (a DossierDetail, or a list/tuple of them)."""
    items: Iterable[Any] = value if isinstance(value, (list, tuple)) else (value,)
    codes = set()
    for item in items:
        dossier = getattr(item, "dossier", None)
        code = getattr(dossier, "code", None)
        if isinstance(code, str) and code:
            codes.add(code)
    return codes


class _Offline:
    """A task run with the services closed (restore puts another file in place of the
    database); the next task opens them again."""

    def __init__(self, fn: Callable[[], Any]) -> None:
        self.fn = fn


class _Runner(QObject):
    """Lives on the lane's thread; runs one callable at a time, in submission order."""

    done = Signal(int, bool, object)

    def __init__(self, factory: Callable[[], Any] | None) -> None:
        super().__init__()
        self._factory = factory
        self._context: Any = None
        self._opened = factory is None

    @Slot(int, object)
    def execute(self, task_id: int, fn: Callable[[Any], Any]) -> None:
        try:
            if isinstance(fn, _Offline):
                self.close()
                self._opened = self._factory is None
                value = fn.fn()
            else:
                if not self._opened:
                    self._context = self._factory()  # type: ignore[misc]
                    self._opened = True
                value = fn(self._context)
            ok = True
        except BaseException as err:
            if isinstance(err, DomainError):
                log.info("refused: %s (%s)", err, getattr(err, "code", ""))
            else:
                log.exception("task %d failed", task_id)
            value, ok = err, False
        self.done.emit(task_id, ok, value)

    @Slot()
    def close(self) -> None:
        closer = getattr(self._context, "close", None)
        if callable(closer):
            try:
                closer()
            except Exception:
                log.exception("closing the services failed")
        self._context = None


class _Lane(QObject):
    submit = Signal(int, object)
    closing = Signal()

    def __init__(self, name: str, factory: Callable[[], Any] | None, parent: QObject) -> None:
        super().__init__(parent)
        self.thread = QThread()
        self.thread.setObjectName(name)
        self.runner = _Runner(factory)
        self.runner.moveToThread(self.thread)
        self.submit.connect(self.runner.execute)
        self.closing.connect(self.runner.close)
        self.thread.finished.connect(self.runner.deleteLater)

    def start(self) -> None:
        self.thread.start()

    def stop(self, timeout_ms: int) -> None:
        if self.thread.isRunning():
            self.closing.emit()
            self.thread.quit()
            if not self.thread.wait(timeout_ms):
                log.error(
                    "the %s thread did not stop in %d ms", self.thread.objectName(), timeout_ms
                )


@dataclass
class _Task:
    success: Callback | None
    failure: Callback | None
    owner: QObject | None
    mutates: bool
    kinds: frozenset[str]
    origin: object


class Worker(QObject):
    """The DB worker and the render lane. `services_factory` runs on the DB thread, first
    thing, so that even opening (and migrating) the database never happens on the GUI thread."""

    changed = Signal(object)  # Changes, after each successful mutation
    failed = Signal(object, object)  # exception, owner: a failure nobody handled
    busy_changed = Signal(bool)

    def __init__(
        self, services_factory: Callable[[], Services], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._tasks: dict[int, _Task] = {}
        self._db = _Lane("motcua-db", services_factory, self)
        self._render = _Lane("motcua-render", None, self)
        self._db.runner.done.connect(self._on_done)
        self._render.runner.done.connect(self._on_done)
        self._started = False
        self._stopped = False

    # --- lifecycle ----------------------------------------------------------------------------
    def start(self) -> None:
        if not self._started:
            self._db.start()
            self._render.start()
            self._started = True

    def stop(self, timeout_ms: int = 10_000) -> None:
        """Finish queued work, close the services on their own thread, stop both threads."""
        if self._stopped:
            return
        self._stopped = True
        self._db.stop(timeout_ms)
        self._render.stop(timeout_ms)
        self._tasks.clear()

    @property
    def pending(self) -> int:
        return len(self._tasks)

    # --- submitting ---------------------------------------------------------------------------
    def query(
        self,
        fn: Callable[[Services], Any],
        success: Callback | None = None,
        failure: Callback | None = None,
        owner: QObject | None = None,
    ) -> int:
        """Read something: fn(services) runs on the DB thread."""
        return self._submit(self._db, fn, success, failure, owner, False, (), None)

    def mutate(
        self,
        fn: Callable[[Services], Any],
        success: Callback | None = None,
        failure: Callback | None = None,
        owner: QObject | None = None,
        origin: object = None,
        kinds: Iterable[str] = ("dossier",),
    ) -> int:
        """Change something (one unit of work per user action); `changed` follows success."""
        return self._submit(self._db, fn, success, failure, owner, True, kinds, origin)

    def offline(
        self,
        fn: Callable[[], Any],
        success: Callback | None = None,
        failure: Callback | None = None,
        owner: QObject | None = None,
    ) -> int:
        """fn() on the DB thread with the services closed (the database file may be replaced);
        the next task opens them again. Stop whatever else holds the services first (sync)."""
        return self._submit(self._db, _Offline(fn), success, failure, owner, False, (), None)

    def compute(
        self,
        fn: Callable[[], Any],
        success: Callback | None = None,
        failure: Callback | None = None,
        owner: QObject | None = None,
    ) -> int:
        """Pure CPU work without the database (drawing a PDF), on the render lane."""
        return self._submit(
            self._render, lambda _ctx: fn(), success, failure, owner, False, (), None
        )

    def _submit(self, lane: _Lane, fn, success, failure, owner, mutates, kinds, origin) -> int:
        if self._stopped:  # shutting down: a timer fired late; nothing will answer
            log.debug("task submitted after the worker stopped: ignored")
            return 0
        self.start()
        task_id = next(self._ids)
        was_idle = not self._tasks
        self._tasks[task_id] = _Task(success, failure, owner, mutates, frozenset(kinds), origin)
        if was_idle:
            self.busy_changed.emit(True)
        lane.submit.emit(task_id, fn)
        return task_id

    # --- results (GUI thread) -----------------------------------------------------------------
    @Slot(int, bool, object)
    def _on_done(self, task_id: int, ok: bool, value: object) -> None:
        task = self._tasks.pop(task_id, None)
        if not self._tasks:
            self.busy_changed.emit(False)
        if task is None:
            return
        alive = task.owner is None or shiboken6.isValid(task.owner)
        if ok:
            if task.mutates:
                codes = _codes_of(value)
                kinds = task.kinds or frozenset({"dossier"})
                self.changed.emit(Changes(frozenset(codes), kinds, task.origin))
            if alive and task.success is not None:
                task.success(value)
        elif alive and task.failure is not None:
            task.failure(value)
        else:
            self.failed.emit(value, task.owner if alive else None)
