"""The Vietnamese explanation of a due moment, as printed on the receipt slip.

Why the deadline falls where it does: the receipt came after the cut-off or outside office
hours, which holidays and local days off were not counted, which make-up or extra working
days were. The text is built from the calendar's answers about each day (``CalendarDays``),
so this module knows how to *say* it and ``WorkCalendar`` knows how to *count* it. When the
full sentence is longer than a slip line allows (``MAX_EXPLANATION_LENGTH``), shorter forms
are tried in turn, the last one cut with an ellipsis.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Protocol

__all__ = ["MAX_EXPLANATION_LENGTH", "CalendarDays", "explain", "fmt_date", "fmt_range"]

#: Longest explanation we try to print on a slip before summarising.
MAX_EXPLANATION_LENGTH = 160

_WEEKDAY_NAMES = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
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


class _Day(Protocol):
    @property
    def working(self) -> bool: ...

    @property
    def kind(self) -> str: ...

    @property
    def name(self) -> str: ...


class _Hours(Protocol):
    @property
    def cutoff(self) -> time: ...


class CalendarDays(Protocol):
    """What the explanation asks of the calendar (``WorkCalendar`` answers it)."""

    @property
    def hours(self) -> _Hours: ...

    def day_info(self, day: date) -> _Day: ...

    def is_working_day(self, day: date) -> bool: ...

    def would_work(self, day: date) -> bool: ...

    def package_working(self, day: date) -> bool: ...


def fmt_date(d: date) -> str:
    """``dd/mm/yyyy``, the way the forms write a date."""
    return f"{d:%d/%m/%Y}"


def fmt_range(first: date, last: date) -> str:
    """A span of days, the year written once when both ends share it."""
    if first == last:
        return fmt_date(first)
    if first.year == last.year:
        return f"{first:%d/%m}–{last:%d/%m/%Y}"
    return f"{fmt_date(first)}–{fmt_date(last)}"


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


def explain(
    cal: CalendarDays,
    received: datetime,
    start: datetime,
    due_at: datetime,
    start_reasons: tuple[str, ...],
) -> tuple[str, tuple[str, ...]]:
    """The explanation of a due moment and the codes of every reason in it, in a fixed order."""
    reasons = set(start_reasons)
    when = f"{start:%H:%M} ngày {fmt_date(start.date())}"
    lead = short_lead = ""
    if "cutoff" in reasons:
        lead = short_lead = f"Nhận sau {cal.hours.cutoff:%H:%M} nên thời hạn tính từ {when}"
    elif "outside_hours" in reasons:
        lead = short_lead = f"Nhận ngoài giờ làm việc nên thời hạn tính từ {when}"
    elif reasons & {"holiday", "override_off"} and cal.would_work(received.date()):
        # Redundant with the list of days off below; dropped first when space is short.
        lead = f"Nhận vào ngày nghỉ nên thời hạn tính từ {when}"

    # Days off that would have been worked, from the receipt day to the due day.
    groups: list[_OffGroup] = []
    off_days: list[date] = []
    day, last = received.date(), due_at.date()
    while day <= last:
        info = cal.day_info(day)
        if info.working:
            day += timedelta(days=1)
            continue
        if info.kind in ("holiday", "override_off") and cal.would_work(day):
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
                and _only_off_between(cal, previous.last, day)
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
        info = cal.day_info(day)
        if info.kind == "makeup":
            reasons.add("makeup_day")
            makeups.append(day)
        elif info.kind == "override_work" and not cal.package_working(day):
            reasons.add("override_work")
            extra_work.setdefault(info.name, []).append(day)
        day += timedelta(days=1)

    ordered = tuple(r for r in _REASON_ORDER if r in reasons)
    work_parts = _work_parts(makeups, extra_work)
    by_family = _off_part_by_family(groups)
    candidates = [
        _join(lead, by_family, work_parts),
        _join(short_lead, by_family, work_parts),
        _join(short_lead, _off_part_merged(cal, groups), work_parts),
        _join(
            short_lead,
            _off_part_summary(off_days),
            _work_summary(makeups, extra_work),
        ),
    ]
    for text in candidates:
        if len(text) <= MAX_EXPLANATION_LENGTH:
            return text, ordered
    text = candidates[-1]
    return text[: MAX_EXPLANATION_LENGTH - 1].rstrip() + "…", ordered


def _only_off_between(cal: CalendarDays, first: date, second: date) -> bool:
    day = first + timedelta(days=1)
    while day < second:
        if cal.is_working_day(day):
            return False
        day += timedelta(days=1)
    return True


def _join(lead: str, off: str, work: list[str]) -> str:
    return "; ".join(p for p in (lead, off, *work) if p)


def _off_part_by_family(groups: list[_OffGroup]) -> str:
    if not groups:
        return ""
    items = []
    for g in groups:
        label = f"{g.label}, nghỉ bù" if g.observed_only else g.label
        items.append(f"{label} ({fmt_range(g.first, g.last)})")
    return "Không tính ngày nghỉ: " + ", ".join(items)


def _off_part_merged(cal: CalendarDays, groups: list[_OffGroup]) -> str:
    if not groups:
        return ""
    merged: list[tuple[list[str], date, date]] = []
    for g in groups:
        if merged and _only_off_between(cal, merged[-1][2], g.first):
            labels, first, _ = merged[-1]
            if g.label not in labels:
                labels.append(g.label)
            merged[-1] = (labels, first, g.last)
        else:
            merged.append(([g.label], g.first, g.last))
    items = [f"{', '.join(labels)} ({fmt_range(a, b)})" for labels, a, b in merged]
    return "Không tính ngày nghỉ: " + ", ".join(items)


def _off_part_summary(off_days: list[date]) -> str:
    if not off_days:
        return ""
    return (
        f"Không tính {len(off_days)} ngày nghỉ lễ, nghỉ bù ({fmt_range(off_days[0], off_days[-1])})"
    )


def _work_parts(makeups: list[date], extra_work: dict[str, list[date]]) -> list[str]:
    parts = []
    if makeups:
        days = ", ".join(f"{_WEEKDAY_NAMES[d.weekday()]} {fmt_date(d)}" for d in makeups)
        parts.append(f"Tính cả ngày làm bù {days}")
    for reason, days_ in extra_work.items():
        days = ", ".join(f"{_WEEKDAY_NAMES[d.weekday()]} {fmt_date(d)}" for d in days_)
        parts.append(f"Tính cả ngày làm việc {days}" + (f" ({reason})" if reason else ""))
    return parts


def _work_summary(makeups: list[date], extra_work: dict[str, list[date]]) -> list[str]:
    count = len(makeups) + sum(len(v) for v in extra_work.values())
    return [f"Tính cả {count} ngày làm bù"] if count else []
