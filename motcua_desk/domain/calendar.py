"""Deadline calendar: working days, office hours, the 15:00 cut-off and due moments.

Working days are Monday to Friday minus the Vietnamese public holidays known to the
``holidays`` package, plus the make-up working days it declares (``weekend_workdays``);
the local override table wins over both. Deadlines are counted in working time inside
office segments of working days (N working days = N x day length).
"""

from __future__ import annotations

import math
import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays

from motcua_desk.domain.errors import ValidationError

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

#: Longest explanation we try to print on a slip before summarising.
MAX_EXPLANATION_LENGTH = 160
#: Largest deadline accepted, in working days (hour-based deadlines are capped at the same span).
MAX_WORKING_DAYS = 365

_WEEKDAY_NAMES = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
# The package names a declared bridge day off "Ngày nghỉ (thay cho ngày 26/04/2025)".
_SUBSTITUTED_RE = re.compile(r"thay cho ngày (\d{2})/(\d{2})/(\d{4})")
_SUFFIX_RE = re.compile(r"\s*\((nghỉ bù|dự kiến|nghỉ bù, dự kiến)\)\s*$")
_REASON_ORDER = (
    "cutoff",
    "outside_hours",
    "non_working_day",
    "holiday",
    "makeup_day",
    "override_off",
    "override_work",
)


class TimeUnit(StrEnum):
    """Unit of a statutory processing time."""

    WORKING_DAYS = "working_days"
    WORKING_HOURS = "working_hours"
    SAME_DAY = "same_day"


def _naive_time(value: object, field_name: str) -> time:
    if not isinstance(value, time):
        raise ValidationError(
            field_name, f"{field_name} must be a time", code="invalid_office_hours"
        )
    if value.tzinfo is not None:
        raise ValidationError(
            field_name, f"{field_name} must be a local (naive) time", code="invalid_office_hours"
        )
    return value


def _minutes(t: time) -> int:
    return t.hour * 60 + t.minute


@dataclass(frozen=True)
class OfficeHours:
    """Office segments of a working day, the intake cut-off and the office time zone."""

    segments: tuple[tuple[time, time], ...] = (
        (time(7, 30), time(11, 30)),
        (time(13, 0), time(17, 0)),
    )
    cutoff: time = time(15, 0)
    tz_name: str = "Asia/Ho_Chi_Minh"

    def __post_init__(self) -> None:
        try:
            segments = tuple((start, end) for start, end in self.segments)
        except (TypeError, ValueError) as exc:
            raise ValidationError(
                "segments",
                "office segments must be (start, end) pairs",
                code="invalid_office_hours",
            ) from exc
        if not segments:
            raise ValidationError(
                "segments", "office hours need at least one segment", code="invalid_office_hours"
            )
        previous_end: time | None = None
        for start, end in segments:
            _naive_time(start, "segments")
            _naive_time(end, "segments")
            if start.second or start.microsecond or end.second or end.microsecond:
                raise ValidationError(
                    "segments", "segment bounds must be whole minutes", code="invalid_office_hours"
                )
            if start >= end:
                raise ValidationError(
                    "segments",
                    f"segment {start:%H:%M}-{end:%H:%M} must start before it ends",
                    code="invalid_office_hours",
                )
            if previous_end is not None and start < previous_end:
                raise ValidationError(
                    "segments",
                    "segments must be sorted and must not overlap",
                    code="invalid_office_hours",
                )
            previous_end = end
        object.__setattr__(self, "segments", segments)
        cutoff = _naive_time(self.cutoff, "cutoff")
        if not (segments[0][0] < cutoff <= segments[-1][1]):
            raise ValidationError(
                "cutoff",
                f"cut-off {cutoff:%H:%M} must be after opening and not after closing",
                code="invalid_office_hours",
            )
        try:
            ZoneInfo(self.tz_name)
        except (ZoneInfoNotFoundError, ValueError, TypeError) as exc:
            raise ValidationError(
                "tz_name", f"unknown time zone {self.tz_name!r}", code="invalid_office_hours"
            ) from exc

    @property
    def tz(self) -> ZoneInfo:
        """The office time zone."""
        return ZoneInfo(self.tz_name)

    @property
    def day_length(self) -> timedelta:
        """Working time of one full working day (sum of the segments)."""
        return timedelta(
            minutes=sum(_minutes(end) - _minutes(start) for start, end in self.segments)
        )

    @property
    def opening(self) -> time:
        return self.segments[0][0]

    @property
    def closing(self) -> time:
        return self.segments[-1][1]


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


def _fmt_date(d: date) -> str:
    return f"{d:%d/%m/%Y}"


def _fmt_range(first: date, last: date) -> str:
    if first == last:
        return _fmt_date(first)
    if first.year == last.year:
        return f"{first:%d/%m}–{last:%d/%m/%Y}"
    return f"{_fmt_date(first)}–{_fmt_date(last)}"


def _holiday_family(name: str) -> tuple[str, bool]:
    """Group key of a package holiday name, and whether it is a day off in lieu only."""
    parts = [p.strip() for p in name.split(";") if p.strip()] or [name]
    families: list[str] = []
    observed = True
    for part in parts:
        match = _SUFFIX_RE.search(part)
        base = _SUFFIX_RE.sub("", part).strip()
        is_observed = bool(match and "nghỉ bù" in match.group(1))
        observed = observed and is_observed
        if "Tết Nguyên Đán" in base or base == "29 Tết":
            base = "Tết Nguyên Đán"
        else:
            base = re.sub(r"\s*\((thay cho [^)]*)\)", r" \1", base)
        if base not in families:
            families.append(base)
    return ", ".join(families), observed


@dataclass
class _OffGroup:
    label: str
    first: date
    last: date
    family: tuple[str, str]
    observed_only: bool


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
                    f"conflicting overrides for {_fmt_date(override.day)}",
                    code="conflicting_override",
                    day=override.day.isoformat(),
                )
            by_day[override.day] = override
        self._overrides = by_day
        self._holidays = holidays.country_holidays("VN", language="vi")
        self._lock = threading.RLock()
        self._cache: dict[date, DayInfo] = {}
        self._ready_years: set[int] = set()
        self._populated: set[int] = set()
        self._makeup_for: dict[date, date] = {}  # make-up working day -> the day off it pays for

    # ------------------------------------------------------------------ days

    @property
    def overrides(self) -> tuple[CalendarOverride, ...]:
        """The local overrides, sorted by day."""
        return tuple(self._overrides[d] for d in sorted(self._overrides))

    def to_local(self, moment: datetime) -> datetime:
        """Office-local aware datetime; a naive input is taken as already office-local."""
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

    def _package_status(self, day: date) -> tuple[bool, str, str]:
        """(working, kind, name) from the holidays package alone, without local overrides."""
        self._ensure_year(day.year)
        name = self._holidays.get(day)
        if name:
            return False, "holiday", name
        if day.weekday() in self._holidays.weekend:
            if day in self._holidays.weekend_workdays:
                off = self._makeup_for.get(day)
                label = f"Ngày làm bù cho ngày nghỉ {_fmt_date(off)}" if off else "Ngày làm bù"
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

    def _would_work(self, day: date) -> bool:
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

    def _duration(self, amount: float, unit: TimeUnit) -> timedelta:
        try:
            if isinstance(amount, bool | str | bytes):
                raise TypeError(type(amount).__name__)
            amount = float(amount)
        except (TypeError, ValueError) as exc:
            raise ValidationError(
                "amount", "processing time must be a number", code="invalid_deadline_amount"
            ) from exc
        if not math.isfinite(amount) or amount <= 0:
            raise ValidationError(
                "amount",
                "processing time must be greater than zero",
                code="invalid_deadline_amount",
                amount=amount,
            )
        day_hours = self.hours.day_length / timedelta(hours=1)
        days = amount if unit is TimeUnit.WORKING_DAYS else amount / day_hours
        if days > MAX_WORKING_DAYS:
            raise ValidationError(
                "amount",
                f"processing time longer than {MAX_WORKING_DAYS} working days",
                code="invalid_deadline_amount",
                amount=amount,
            )
        return timedelta(seconds=days * self.hours.day_length.total_seconds())

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
            due_at = self.add_working_time(start, self._duration(amount, unit))
        due_at = due_at.replace(second=0, microsecond=0)
        explanation, reasons = self._explain(local, start, due_at, start_reasons)
        return DueMoment(due_at=due_at, clock_start=start, explanation=explanation, reasons=reasons)

    # ------------------------------------------------------------ explanation

    def _explain(
        self, received: datetime, start: datetime, due_at: datetime, start_reasons: tuple[str, ...]
    ) -> tuple[str, tuple[str, ...]]:
        reasons = set(start_reasons)
        when = f"{start:%H:%M} ngày {_fmt_date(start.date())}"
        lead = short_lead = ""
        if "cutoff" in reasons:
            lead = short_lead = f"Nhận sau {self.hours.cutoff:%H:%M} nên thời hạn tính từ {when}"
        elif "outside_hours" in reasons:
            lead = short_lead = f"Nhận ngoài giờ làm việc nên thời hạn tính từ {when}"
        elif reasons & {"holiday", "override_off"} and self._would_work(received.date()):
            # Redundant with the list of days off below; dropped first when space is short.
            lead = f"Nhận vào ngày nghỉ nên thời hạn tính từ {when}"

        # Days off that would have been worked, from the receipt day to the due day.
        groups: list[_OffGroup] = []
        off_days: list[date] = []
        day, last = received.date(), due_at.date()
        while day <= last:
            info = self.day_info(day)
            if info.working:
                day += timedelta(days=1)
                continue
            if info.kind in ("holiday", "override_off") and self._would_work(day):
                reasons.add(info.kind)
                off_days.append(day)
                if info.kind == "holiday":
                    label, observed = _holiday_family(info.name)
                    family = ("holiday", label)
                else:
                    label = info.name or "Ngày nghỉ theo quyết định của địa phương"
                    observed = False
                    family = ("override", label)
                previous = groups[-1] if groups else None
                if (
                    previous is not None
                    and previous.family == family
                    and self._only_off_between(previous.last, day)
                ):
                    previous.last = day
                    previous.observed_only = previous.observed_only and observed
                else:
                    groups.append(_OffGroup(label, day, day, family, observed))
            day += timedelta(days=1)

        # Days worked that would not have been, from the clock start to the due day.
        makeups: list[date] = []
        extra_work: dict[str, list[date]] = {}
        day = start.date()
        while day <= last:
            info = self.day_info(day)
            if info.kind == "makeup":
                reasons.add("makeup_day")
                makeups.append(day)
            elif info.kind == "override_work" and not self._package_status(day)[0]:
                reasons.add("override_work")
                extra_work.setdefault(info.name, []).append(day)
            day += timedelta(days=1)

        ordered = tuple(r for r in _REASON_ORDER if r in reasons)
        work_parts = self._work_parts(makeups, extra_work)
        by_family = self._off_part_by_family(groups)
        candidates = [
            self._join(lead, by_family, work_parts),
            self._join(short_lead, by_family, work_parts),
            self._join(short_lead, self._off_part_merged(groups), work_parts),
            self._join(
                short_lead,
                self._off_part_summary(off_days),
                self._work_summary(makeups, extra_work),
            ),
        ]
        for text in candidates:
            if len(text) <= MAX_EXPLANATION_LENGTH:
                return text, ordered
        text = candidates[-1]
        return text[: MAX_EXPLANATION_LENGTH - 1].rstrip() + "…", ordered

    def _only_off_between(self, first: date, second: date) -> bool:
        day = first + timedelta(days=1)
        while day < second:
            if self.is_working_day(day):
                return False
            day += timedelta(days=1)
        return True

    @staticmethod
    def _join(lead: str, off: str, work: list[str]) -> str:
        return "; ".join(p for p in (lead, off, *work) if p)

    @staticmethod
    def _off_part_by_family(groups: list[_OffGroup]) -> str:
        if not groups:
            return ""
        items = []
        for g in groups:
            label = f"{g.label}, nghỉ bù" if g.observed_only else g.label
            items.append(f"{label} ({_fmt_range(g.first, g.last)})")
        return "Không tính ngày nghỉ: " + ", ".join(items)

    def _off_part_merged(self, groups: list[_OffGroup]) -> str:
        if not groups:
            return ""
        merged: list[tuple[list[str], date, date]] = []
        for g in groups:
            if merged and self._only_off_between(merged[-1][2], g.first):
                labels, first, _ = merged[-1]
                if g.label not in labels:
                    labels.append(g.label)
                merged[-1] = (labels, first, g.last)
            else:
                merged.append(([g.label], g.first, g.last))
        items = [f"{', '.join(labels)} ({_fmt_range(a, b)})" for labels, a, b in merged]
        return "Không tính ngày nghỉ: " + ", ".join(items)

    @staticmethod
    def _off_part_summary(off_days: list[date]) -> str:
        if not off_days:
            return ""
        return (
            f"Không tính {len(off_days)} ngày nghỉ lễ, nghỉ bù "
            f"({_fmt_range(off_days[0], off_days[-1])})"
        )

    @staticmethod
    def _work_parts(makeups: list[date], extra_work: dict[str, list[date]]) -> list[str]:
        parts = []
        if makeups:
            days = ", ".join(f"{_WEEKDAY_NAMES[d.weekday()]} {_fmt_date(d)}" for d in makeups)
            parts.append(f"Tính cả ngày làm bù {days}")
        for reason, days_ in extra_work.items():
            days = ", ".join(f"{_WEEKDAY_NAMES[d.weekday()]} {_fmt_date(d)}" for d in days_)
            parts.append(f"Tính cả ngày làm việc {days}" + (f" ({reason})" if reason else ""))
        return parts

    @staticmethod
    def _work_summary(makeups: list[date], extra_work: dict[str, list[date]]) -> list[str]:
        count = len(makeups) + sum(len(v) for v in extra_work.values())
        return [f"Tính cả {count} ngày làm bù"] if count else []

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
