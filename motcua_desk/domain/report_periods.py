"""What a report is asked for: the settings where provinces differ and the period it covers (a
named period, a preset of the window). Apart from domain.reports because every report (Biểu 06,
the late list, the QĐ 766 self-check, the quality report) takes them, and none needs the
computation to build one. Pure: no I/O, no clock."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from motcua_desk.domain.errors import ValidationError

MAX_PERIOD_DAYS = 3653  # about ten years

# --- settings and periods ---------------------------------------------------------------------


@dataclass(frozen=True)
class ReportSettings:
    """Where provinces differ. Defaults are ours (README, *Reports*)."""

    compare: str = "timestamp"  # timestamp (QĐ 766) | date (Thanh Hóa's system)
    supplement_wait_within: bool = True  # waiting for the applicant counts within the deadline
    period_start_day: int = 1  # 1: calendar months; 15: from the 15th before to the 14th
    stopped: str = "resolved"  # resolved | excluded

    def __post_init__(self) -> None:
        if self.compare not in ("timestamp", "date"):
            raise ValidationError(
                "compare",
                f"unknown comparison {self.compare!r} (timestamp or date)",
                code="report_setting",
            )
        if self.stopped not in ("resolved", "excluded"):
            raise ValidationError(
                "stopped",
                f"unknown rule {self.stopped!r} (resolved or excluded)",
                code="report_setting",
            )
        if not isinstance(self.period_start_day, int) or not 1 <= self.period_start_day <= 28:
            raise ValidationError(
                "period_start_day", "the period start day must be 1 to 28", code="report_setting"
            )
        if not isinstance(self.supplement_wait_within, bool):
            raise ValidationError(
                "supplement_wait_within", "must be true or false", code="report_setting"
            )

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any] | None) -> ReportSettings:
        known = cls.__dataclass_fields__
        return cls(**{k: v for k, v in (data or {}).items() if k in known})


@dataclass(frozen=True)
class Period:
    """Whole office-local days, both ends included. `until`: the moment the report is made,
    when that is before the period's end (a month still running): the period then ends there,
    so what is still open is judged now, not at a midnight still to come."""

    first: date
    last: date
    until: datetime | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValidationError(
                "to",
                f"the end date {self.last} is before the start date {self.first}",
                code="period_range",
            )
        if (self.last - self.first).days + 1 > MAX_PERIOD_DAYS:
            raise ValidationError(
                "to", "a report period may not exceed 10 years", code="period_too_long"
            )

    def bounds(self, tz: ZoneInfo) -> tuple[datetime, datetime]:
        """[start, end): local midnight of the first day, local midnight after the last (or
        `until`, when that comes first; never before the start)."""
        start = datetime.combine(self.first, datetime.min.time(), tzinfo=tz)
        end = datetime.combine(self.last + timedelta(days=1), datetime.min.time(), tzinfo=tz)
        if self.until is not None and self.until < end:
            end = max(self.until, start)
        return start, end


def month_shift(year: int, month: int, delta: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + delta
    return n // 12, n % 12 + 1


def period_of(text: str, start_day: int = 1) -> Period:
    """A named period: 2026-11 (month), 2026-Q4 (quarter), 2026-H2 (6 months), 2026 (year).
    With start_day d > 1 a month runs from day d of the month before to day d-1 of the month."""
    raw = text.strip().upper()
    try:
        if len(raw) == 4 and raw.isdigit():
            year, m1, months = int(raw), 1, 12
        elif len(raw) == 7 and raw[4] == "-" and raw[5] == "Q" and raw[6] in "1234":
            year, m1, months = int(raw[:4]), (int(raw[6]) - 1) * 3 + 1, 3
        elif len(raw) == 7 and raw[4] == "-" and raw[5] == "H" and raw[6] in "12":
            year, m1, months = int(raw[:4]), (int(raw[6]) - 1) * 6 + 1, 6
        elif len(raw) == 7 and raw[4] == "-" and raw[5:].isdigit() and 1 <= int(raw[5:]) <= 12:
            year, m1, months = int(raw[:4]), int(raw[5:]), 1
        else:
            raise ValueError(raw)
        if not 1900 <= year <= 9998:
            raise ValueError(raw)
    except ValueError:
        raise ValidationError(
            "period",
            f"{text!r} is not a period (use YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY)",
            code="period_format",
        ) from None
    if start_day == 1:
        first = date(year, m1, 1)
        ey, em = month_shift(year, m1, months)
        last = date(ey, em, 1) - timedelta(days=1)
    else:
        sy, sm = month_shift(year, m1, -1)
        first = date(sy, sm, start_day)
        ly, lm = month_shift(year, m1, months - 1)
        last = date(ly, lm, start_day - 1)
    return Period(first, last)


# --- period presets (the window) ----------------------------------------------------------------

PRESETS = ("this_month", "last_month", "this_quarter", "this_year")


def preset_period(kind: str, today: date) -> Period:
    """The period a preset names on `today` (calendar months; the current ones up to today's
    end of month, quarter or year)."""
    y, m = today.year, today.month
    if kind == "this_month":
        return period_of(f"{y:04d}-{m:02d}")
    if kind == "last_month":
        py, pm = month_shift(y, m, -1)
        return period_of(f"{py:04d}-{pm:02d}")
    if kind == "this_quarter":
        return period_of(f"{y:04d}-Q{(m - 1) // 3 + 1}")
    if kind == "this_year":
        return period_of(f"{y:04d}")
    raise ValidationError("preset", f"unknown period preset {kind!r}", code="period_preset")
