"""Deadline calendar: working days, office hours, the 15:00 cut-off and due moments.

Working days are Monday to Friday minus the Vietnamese public holidays known to the
``holidays`` package, plus the make-up working days it declares (``weekend_workdays``);
the local override table wins over both. Deadlines are counted in working time inside
office segments of working days (N working days = N x day length).

The units a processing time is counted in and the office hours are in ``calendar_units``; the
Vietnamese explanation of a due moment is written by ``calendar_explain``. Both are re-exported
here, where callers import them from.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

from motcua_desk.domain.calendar_explain import MAX_EXPLANATION_LENGTH, explain, fmt_date
from motcua_desk.domain.calendar_units import (
    MAX_WORKING_DAYS,
    OfficeHours,
    TimeUnit,
    processing_duration,
)
from motcua_desk.domain.errors import ValidationError

if TYPE_CHECKING:
    from holidays import HolidayBase

__all__ = [
    "CalendarOverride",
    "DayInfo",
    "DueMoment",
    "OfficeHours",
    "TimeUnit",
    "WorkCalendar",
    "MAX_EXPLANATION_LENGTH",
    "MAX_WORKING_DAYS",
]

# The package names a declared bridge day off "Ngày nghỉ (thay cho ngày 26/04/2025)".
_SUBSTITUTED_RE = re.compile(r"thay cho ngày (\d{2})/(\d{2})/(\d{4})")


@dataclass(frozen=True)
class CalendarOverride:
    """A local correction: an extra day off ("off") or an extra working day ("work")."""

    day: date
    kind: str
    reason: str
    legal_ref: str = ""

    def __post_init__(self) -> None:
        if isinstance(self.day, datetime) or not isinstance(self.day, date):
            raise ValidationError("day", "override day must be a date", code="invalid_override")
        if self.kind not in ("off", "work"):
            raise ValidationError(
                "kind",
                f"override kind must be 'off' or 'work', not {self.kind!r}",
                code="invalid_override",
                kind=self.kind,
            )
        object.__setattr__(
            self, "reason", unicodedata.normalize("NFC", (self.reason or "").strip())
        )
        object.__setattr__(
            self, "legal_ref", unicodedata.normalize("NFC", (self.legal_ref or "").strip())
        )


@dataclass(frozen=True)
class DayInfo:
    """What kind of day a date is, and whether the office works on it."""

    day: date
    working: bool
    kind: str  # weekday | weekend | holiday | makeup | override_off | override_work
    name: str


@dataclass(frozen=True)
class DueMoment:
    """A computed due moment and why it is what it is."""

    due_at: datetime
    clock_start: datetime
    explanation: str
    reasons: tuple[str, ...] = field(default=())


class WorkCalendar:
    """Working days and working time of the office, with the deadline rules of the desk."""

    def __init__(
        self, overrides: Iterable[CalendarOverride] = (), hours: OfficeHours | None = None
    ) -> None:
        self.hours: OfficeHours = hours if hours is not None else OfficeHours()
        self._tz = self.hours.tz
        by_day: dict[date, CalendarOverride] = {}
        for override in overrides:
            if not isinstance(override, CalendarOverride):
                raise ValidationError(
                    "overrides",
                    "overrides must be CalendarOverride objects",
                    code="invalid_override",
                )
            existing = by_day.get(override.day)
            if existing is not None and existing.kind != override.kind:
                raise ValidationError(
                    "overrides",
                    f"conflicting overrides for {fmt_date(override.day)}",
                    code="conflicting_override",
                    day=override.day.isoformat(),
                )
            by_day[override.day] = override
        self._overrides = by_day
        self._vn: HolidayBase | None = None  # Vietnam's holidays, loaded at the first need
        self._lock = threading.RLock()
        self._cache: dict[date, DayInfo] = {}
        self._ready_years: set[int] = set()
        self._populated: set[int] = set()
        self._makeup_for: dict[date, date] = {}  # make-up working day -> the day off it pays for

    # ------------------------------------------------------------------ days

    @property
    def _holidays(self) -> HolidayBase:
        """Vietnam's holidays from the ``holidays`` package, loaded at the first question about
        a day (not when the calendar is built: a start-up or a scan asking only for the
        office's time zone must not pay for it), and Vietnam's module only (vn_holidays: the
        package's ``countries`` module would import every country)."""
        vn = self._vn
        if vn is None:
            with self._lock:
                if self._vn is None:
                    from motcua_desk.domain.vn_holidays import vietnam

                    self._vn = vietnam("vi")
                vn = self._vn
        return vn

    @property
    def overrides(self) -> tuple[CalendarOverride, ...]:
        """The local overrides, sorted by day."""
        return tuple(self._overrides[d] for d in sorted(self._overrides))

    def to_local(self, moment: datetime) -> datetime:
        """Office-local aware datetime; a naive input is taken as already office-local."""
        if moment.__class__ is datetime and moment.tzinfo is UTC:  # every stored moment
            return moment.astimezone(self._tz)
        if not isinstance(moment, datetime):
            raise ValidationError("moment", "a date and time is required", code="invalid_datetime")
        if moment.tzinfo is None or moment.utcoffset() is None:
            return moment.replace(tzinfo=self._tz)
        return moment.astimezone(self._tz)

    def _ensure_year(self, year: int) -> None:
        # Swaps may cross a year boundary (make-up Saturday 27/12/2014 for Friday 2/1/2015),
        # so the neighbouring years are loaded too.
        if year in self._ready_years:
            return
        with self._lock:
            self._load_years(year)

    def _load_years(self, year: int) -> None:
        for y in range(max(1, year - 1), min(9999, year + 1) + 1):
            if y not in self._populated:
                _ = date(y, 1, 1) in self._holidays  # lazy expansion by the package
                self._populated.add(y)
                for day, name in self._holidays.items():
                    if day.year != y:
                        continue
                    for match in _SUBSTITUTED_RE.finditer(name):
                        dd, mm, yyyy = (int(g) for g in match.groups())
                        try:
                            self._makeup_for[date(yyyy, mm, dd)] = day
                        except ValueError:
                            continue
        self._ready_years.add(year)

    def package_working(self, day: date) -> bool:
        """True when the holidays package alone (without local overrides) has the office work."""
        return self._package_status(day)[0]

    def _package_status(self, day: date) -> tuple[bool, str, str]:
        """(working, kind, name) from the holidays package alone, without local overrides."""
        self._ensure_year(day.year)
        name = self._holidays.get(day)
        if name:
            return False, "holiday", name
        if day.weekday() in self._holidays.weekend:
            if day in self._holidays.weekend_workdays:
                off = self._makeup_for.get(day)
                label = f"Ngày làm bù cho ngày nghỉ {fmt_date(off)}" if off else "Ngày làm bù"
                return True, "makeup", label
            return False, "weekend", ""
        return True, "weekday", ""

    def day_info(self, day: date) -> DayInfo:
        """Kind of day and whether it is a working day (cached per date)."""
        if isinstance(day, datetime):
            day = self.to_local(day).date()
        info = self._cache.get(day)
        if info is not None:
            return info
        with self._lock:
            info = self._cache.get(day)
            if info is not None:
                return info
            override = self._overrides.get(day)
            if override is not None:
                working = override.kind == "work"
                info = DayInfo(
                    day, working, "override_work" if working else "override_off", override.reason
                )
            else:
                working, kind, name = self._package_status(day)
                info = DayInfo(day, working, kind, name)
            self._cache[day] = info
            return info

    def is_working_day(self, day: date) -> bool:
        """True when the office works on ``day``."""
        return self.day_info(day).working

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        if isinstance(day, datetime):
            day = self.to_local(day).date()
        candidate = day + timedelta(days=1)
        while not self.is_working_day(candidate):
            candidate += timedelta(days=1)
        return candidate

    def would_work(self, day: date) -> bool:
        """True when the day would be worked but for a holiday or an extra day off."""
        if day.weekday() not in self._holidays.weekend:
            return True
        self._ensure_year(day.year)
        return day in self._holidays.weekend_workdays

    def special_days(self, year: int) -> list[DayInfo]:
        """Every non-ordinary day of ``year``: holidays, make-up days and overrides, sorted."""
        day = date(year, 1, 1)
        result: list[DayInfo] = []
        while day.year == year:
            info = self.day_info(day)
            if info.kind not in ("weekday", "weekend"):
                result.append(info)
            day += timedelta(days=1)
        return result

    # ---------------------------------------------------------- working time

    def _at(self, day: date, t: time) -> datetime:
        return datetime.combine(day, t, tzinfo=self._tz)

    def clock_start(self, received_at: datetime) -> tuple[datetime, tuple[str, ...]]:
        """Where the deadline count starts for a receipt, and the codes of what moved it."""
        local = self.to_local(received_at)
        day, now = local.date(), local.time().replace(tzinfo=None)
        hours = self.hours
        info = self.day_info(day)
        if not info.working:
            reasons = ["non_working_day"]
            if info.kind in ("holiday", "override_off"):
                reasons.append(info.kind)
            return self._at(self.next_working_day(day), hours.opening), tuple(reasons)
        if now >= hours.cutoff:
            after_close = now >= hours.closing
            reason = "outside_hours" if after_close and hours.cutoff >= hours.closing else "cutoff"
            return self._at(self.next_working_day(day), hours.opening), (reason,)
        if now < hours.opening:
            return self._at(day, hours.opening), ("outside_hours",)
        for start, end in hours.segments:
            if now < end:
                if now < start:  # a gap such as lunch: no explanation needed
                    return self._at(day, start), ()
                return local.replace(second=0, microsecond=0), ()
        raise AssertionError("unreachable: cut-off is not after closing")  # pragma: no cover

    def add_working_time(self, start: datetime, duration: timedelta) -> datetime:
        """The moment ``duration`` of working time after ``start``.

        A count that ends exactly at a segment end stays there (17:00, not the next opening).
        """
        cur = self.to_local(start)
        if duration < timedelta(0):
            return self.subtract_working_time(cur, -duration)
        if duration == timedelta(0):
            return cur
        remaining = duration
        day = cur.date()
        segments = self.hours.segments
        day_length = self.hours.day_length
        while True:
            if self.is_working_day(day):
                opening = self._at(day, segments[0][0])
                if cur <= opening and remaining > day_length:
                    remaining -= day_length
                else:
                    for seg_start, seg_end in segments:
                        s, e = self._at(day, seg_start), self._at(day, seg_end)
                        if cur >= e:
                            continue
                        begin = max(cur, s)
                        available = e - begin
                        if remaining <= available:
                            return begin + remaining
                        remaining -= available
                        cur = e
            day += timedelta(days=1)
            cur = self._at(day, time(0))

    def subtract_working_time(self, end: datetime, duration: timedelta) -> datetime:
        """The moment ``duration`` of working time before ``end`` (inverse of add)."""
        cur = self.to_local(end)
        if duration < timedelta(0):
            return self.add_working_time(cur, -duration)
        if duration == timedelta(0):
            return cur
        remaining = duration
        day = cur.date()
        segments = self.hours.segments
        day_length = self.hours.day_length
        while True:
            if self.is_working_day(day):
                closing = self._at(day, segments[-1][1])
                if cur >= closing and remaining > day_length:
                    remaining -= day_length
                else:
                    for seg_start, seg_end in reversed(segments):
                        s, e = self._at(day, seg_start), self._at(day, seg_end)
                        if cur <= s:
                            continue
                        finish = min(cur, e)
                        available = finish - s
                        if remaining <= available:
                            return finish - remaining
                        remaining -= available
                        cur = s
            cur = self._at(day, time(0))
            day -= timedelta(days=1)

    def working_time_between(self, a: datetime, b: datetime) -> timedelta:
        """Working time from ``a`` to ``b``; negative when ``b`` is before ``a``."""
        start, finish = self.to_local(a), self.to_local(b)
        if finish < start:
            return -self.working_time_between(finish, start)
        total = timedelta(0)
        day = start.date()
        last = finish.date()
        while day <= last:
            if self.is_working_day(day):
                for seg_start, seg_end in self.hours.segments:
                    lo = max(start, self._at(day, seg_start))
                    hi = min(finish, self._at(day, seg_end))
                    if hi > lo:
                        total += hi - lo
            day += timedelta(days=1)
        return total

    def working_days_between(self, a: datetime, b: datetime) -> float:
        """Working time from ``a`` to ``b`` in working days (may be fractional or negative)."""
        return self.working_time_between(a, b) / self.hours.day_length

    # -------------------------------------------------------------- deadlines

    def due(self, received_at: datetime, amount: int | float, unit: TimeUnit | str) -> DueMoment:
        """Due moment of a dossier received at ``received_at`` with the given processing time.

        For ``SAME_DAY`` the amount is ignored.
        """
        try:
            unit = TimeUnit(unit)
        except ValueError as exc:
            raise ValidationError(
                "unit", f"unknown processing-time unit {unit!r}", code="invalid_deadline_unit"
            ) from exc
        local = self.to_local(received_at)
        start, start_reasons = self.clock_start(local)
        if unit is TimeUnit.SAME_DAY:
            due_at = self._at(start.date(), self.hours.closing)
            if start.date() == local.date():
                start_reasons = tuple(r for r in start_reasons if r != "outside_hours")
        else:
            due_at = self.add_working_time(start, processing_duration(amount, unit, self.hours))
        due_at = due_at.replace(second=0, microsecond=0)
        explanation, reasons = explain(self, local, start, due_at, start_reasons)
        return DueMoment(due_at=due_at, clock_start=start, explanation=explanation, reasons=reasons)

    # --------------------------------------------------------------- warnings

    def missing_override_warning(self, today: date) -> str | None:
        """A warning in November/December when next year's swaps are unknown, else None."""
        if isinstance(today, datetime):
            today = self.to_local(today).date()
        if today.month < 11:
            return None
        year = today.year + 1
        if any(d.year == year for d in self._overrides):
            return None
        with self._lock:
            self._ensure_year(year)
            if any(d.year == year for d in self._holidays.weekend_workdays):
                return None
            if any(
                d.year == year and _SUBSTITUTED_RE.search(name)
                for d, name in self._holidays.items()
            ):
                return None
        return (
            f"Chưa có dữ liệu ngày nghỉ bù/làm bù năm {year}: hãy nhập vào bảng ngày nghỉ/làm bù "
            f"khi Chính phủ công bố lịch nghỉ năm {year}"
        )
