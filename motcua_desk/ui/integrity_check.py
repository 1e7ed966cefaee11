"""The background integrity check after start-up.

Started once the window is ready (painted, today's counts shown). It runs on the DB worker in
small steps (IntegrityService.startup_step, at most STEP_EVENTS events each), each step queued
behind whatever the officer asked for meanwhile, so a scan or an intake waits at most one step.
It says nothing when all is well; when something is broken it emits `broken` with the report and
the window shows a notice that stays (not modal) and a status bar item.

Each start spends at most BUDGET_S seconds of the worker's time on it (the sum of its steps'
own times, not the officer's work queued between them). The whole-database checks (a deleted
or inserted row anywhere, the checkpoint event, this desk's head) come first and always run;
the events added since the checkpoint come next, oldest first, and the checkpoint moves after
each intact step. A day's work is checked in well under a second. A desk whose history was
never checked (one upgraded from a version without the check, or a copy made by other means)
is checked over its next few starts, a slice each time, where it stopped (`paused`); the
`motcua-desk verify` command checks all of it at once.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

log = logging.getLogger("motcua.ui.integrity")

STEP_EVENTS = 1_000  # about 0.04 s at 100,000 dossiers (idle): what a scan may wait behind
BUDGET_S = 1.5  # the worker's time per start (goal: under 2 s at 100,000 dossiers)


class IntegrityCheck(QObject):
    broken = Signal(object)  # VerifyReport with the breaks
    finished = Signal(object)  # the last step's VerifyReport (intact or not)

    def __init__(
        self,
        worker,
        parent: QObject | None = None,
        step_events: int = STEP_EVENTS,
        budget_s: float = BUDGET_S,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.step_events = step_events
        self.budget_s = budget_s
        self.started = False
        self.steps = 0
        self.spent_s = 0.0  # the steps' own time so far
        self.paused = False  # the budget ran out first: the rest at the next start
        self.result = None

    def start(self) -> None:
        if self.started:
            return
        self.started = True
        self._step(first=True)

    def _step(self, first: bool) -> None:
        n = self.step_events

        def step(svc):
            # imported here, on the DB worker's thread: the services package (SQLAlchemy…)
            # must not be imported before the window's first frame
            from motcua_desk.services.integrity import IntegrityService

            return IntegrityService.from_services(svc).startup_step(n, first=first)

        self.worker.query(step, success=self._stepped, failure=self._failed, owner=self)

    def _stepped(self, step) -> None:
        self.steps += 1
        self.spent_s += step.report.seconds
        if not step.done:
            if self.spent_s < self.budget_s:
                self._step(first=False)
                return
            self.paused = True
            log.info(
                "integrity check: %.2f s spent (%d step(s)), events still unchecked since "
                "the checkpoint: continued at the next start (or run motcua-desk verify)",
                self.spent_s,
                self.steps,
            )
            self.result = step.report
            self.finished.emit(step.report)
            return
        self.result = step.report
        if not step.report.ok:
            log.error(
                "integrity check: %d break(s): %s",
                step.report.break_count,
                "; ".join(b.line() for b in step.report.breaks[:20]),
            )
            self.broken.emit(step.report)
        else:
            log.info("integrity check: intact (%d step(s))", self.steps)
        self.finished.emit(step.report)

    def _failed(self, err: BaseException) -> None:
        log.warning("integrity check could not run: %r", err)  # the desk may not be set up yet
