"""The deadline calendar as the desk sees it: the `holidays` data, the local override table and
the office hours from settings."""

from __future__ import annotations

import threading
from datetime import date, datetime

from motcua_desk.domain.calendar import CalendarOverride, DayInfo, DueMoment, WorkCalendar
from motcua_desk.domain.catalog import Procedure
from motcua_desk.domain.dto import DueView
from motcua_desk.domain.errors import ValidationError
from motcua_desk.domain.text import nfc
from motcua_desk.services.base import ServiceBase
from motcua_desk.services.settings import SettingsService


class CalendarService(ServiceBase):
    def __init__(self, store, clock, settings: SettingsService) -> None:
        super().__init__(store, clock)
        self.settings = settings
        self._lock = threading.Lock()
        self._cached: WorkCalendar | None = None

    def calendar(self) -> WorkCalendar:
        """The current calendar, built once and rebuilt after a change (invalidate())."""
        with self._lock:
            if self._cached is None:
                self._cached = WorkCalendar(self.overrides(), self.settings.office().hours())
            return self._cached

    def invalidate(self) -> None:
        with self._lock:
            self._cached = None

    @property
    def tz(self):
        return self.calendar().hours.tz

    def local(self, moment: datetime) -> datetime:
        return self.calendar().to_local(moment)

    def due_for(self, procedure: Procedure, received_at: datetime) -> DueMoment:
        return self.calendar().due(received_at, procedure.time_amount, procedure.time_unit)

    def due_view(self, procedure: Procedure, received_at: datetime) -> DueView:
        due = self.due_for(procedure, received_at)
        return DueView(due.due_at, due.clock_start, due.explanation)

    def special_days(self, year: int) -> list[DayInfo]:
        return self.calendar().special_days(year)

    def overrides(self) -> list[CalendarOverride]:
        with self.reading() as db:
            return [
                CalendarOverride(date.fromisoformat(r.day), r.kind, r.reason, r.legal_ref)
                for r in db.reference.overrides()
            ]

    def add_override(self, day: date, kind: str, reason: str, legal_ref: str = "") -> None:
        if kind not in ("off", "work"):
            raise ValidationError(
                "kind",
                "an override is 'off' (extra day off) or 'work' (extra working day)",
                code="override_kind",
            )
        reason = nfc(reason or "")
        if not reason:
            raise ValidationError(
                "reason", "an override needs a reason", code="required", name="reason"
            )
        with self.writing() as db:
            db.reference.put_override(day.isoformat(), kind, reason, nfc(legal_ref or ""))
            db.reference.bump("calendar", self.clock())
        self.invalidate()

    def remove_override(self, day: date) -> bool:
        with self.writing() as db:
            if not db.reference.drop_override(day.isoformat()):
                return False
            db.reference.bump("calendar", self.clock())
        self.invalidate()
        return True

    def warning(self) -> str | None:
        today = self.local(self.clock()).date()
        return self.calendar().missing_override_warning(today)
