"""Units of the deadline calendar: what a processing time is counted in, and the office hours.

A processing time is N working days or N working hours (or "same day"); both are converted
to working time, one working day being the sum of the office segments (``day_length``), and
capped at ``MAX_WORKING_DAYS``. ``WorkCalendar`` (``domain/calendar.py``) lays that working
time out over the working days.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from motcua_desk.domain.errors import ValidationError

__all__ = ["MAX_WORKING_DAYS", "OfficeHours", "TimeUnit", "processing_duration"]

#: Largest deadline accepted, in working days (hour-based deadlines are capped at the same span).
MAX_WORKING_DAYS = 365


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


def processing_duration(amount: float, unit: TimeUnit, hours: OfficeHours) -> timedelta:
    """Working time of a processing time of ``amount`` ``unit`` (not ``SAME_DAY``), checked."""
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
    day_hours = hours.day_length / timedelta(hours=1)
    days = amount if unit is TimeUnit.WORKING_DAYS else amount / day_hours
    if days > MAX_WORKING_DAYS:
        raise ValidationError(
            "amount",
            f"processing time longer than {MAX_WORKING_DAYS} working days",
            code="invalid_deadline_amount",
            amount=amount,
        )
    return timedelta(seconds=days * hours.day_length.total_seconds())
