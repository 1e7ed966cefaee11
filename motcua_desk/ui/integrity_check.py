"""The background integrity check after start-up.

Started once the window is ready (painted, today's counts shown). It runs on the DB worker in
small steps (IntegrityService.startup_step, at most STEP_EVENTS events each), each step queued
behind whatever the officer asked for meanwhile, so a scan or an intake waits at most one step.
It says nothing when all is well; when something is broken it emits `broken` with the report and
the window shows a notice that stays (not modal) and a status bar item.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from motcua_desk.services.integrity import IntegrityService

log = logging.getLogger("motcua.ui.integrity")

STEP_EVENTS = 5_000


class IntegrityCheck(QObject):
    broken = Signal(object)  # VerifyReport with the breaks
    finished = Signal(object)  # the last step's VerifyReport (intact or not)

    def __init__(self, worker, parent: QObject | None = None, step_events: int = STEP_EVENTS
                 ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.step_events = step_events
        self.started = False
        self.steps = 0
        self.result = None

    def start(self) -> None:
        if self.started:
            return
        self.started = True
        self._step(first=True)

    def _step(self, first: bool) -> None:
        n = self.step_events
        self.worker.query(
            lambda svc: IntegrityService.from_services(svc).startup_step(n, first=first),
            success=self._stepped, failure=self._failed, owner=self)

    def _stepped(self, step) -> None:
        self.steps += 1
        if not step.done:
            self._step(first=False)
            return
        self.result = step.report
        if not step.report.ok:
            log.error("integrity check: %d break(s): %s", step.report.break_count,
                      "; ".join(b.line() for b in step.report.breaks[:20]))
            self.broken.emit(step.report)
        else:
            log.info("integrity check: intact (%d step(s))", self.steps)
        self.finished.emit(step.report)

    def _failed(self, err: BaseException) -> None:
        log.warning("integrity check could not run: %r", err)  # the desk may not be set up yet
