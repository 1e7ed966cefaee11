"""Tests of the deadline calendar, on the real data of the ``holidays`` package."""

from __future__ import annotations

import unicodedata
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from motcua_desk.domain.calendar import (
    MAX_EXPLANATION_LENGTH,
    CalendarOverride,
    DayInfo,
    DueMoment,
    OfficeHours,
    TimeUnit,
    WorkCalendar,
)
from motcua_desk.domain.errors import DomainError, ValidationError

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
DAYS = TimeUnit.WORKING_DAYS
HOURS = TimeUnit.WORKING_HOURS
SAME = TimeUnit.SAME_DAY


def at(y: int, m: int, d: int, hh: int = 0, mm: int = 0, ss: int = 0) -> datetime:
    """An aware office-local moment."""
    return datetime(y, m, d, hh, mm, ss, tzinfo=TZ)


def naive(y: int, m: int, d: int, hh: int = 0, mm: int = 0, ss: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, ss)


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return WorkCalendar()


# --------------------------------------------------------------------------- office hours


def test_office_hours_defaults() -> None:
    hours = OfficeHours()
    assert hours.day_length == timedelta(hours=8)
    assert hours.opening == time(7, 30)
    assert hours.closing == time(17, 0)
    assert hours.cutoff == time(15, 0)
    assert hours.tz == TZ
    assert hash(hours) == hash(OfficeHours())


def test_office_hours_accepts_lists_and_stays_hashable() -> None:
    hours = OfficeHours(segments=[[time(8), time(12)], [time(13), time(17)]], cutoff=time(16))
    assert hours.segments == ((time(8), time(12)), (time(13), time(17)))
    assert hash(hours)
    assert hours.day_length == timedelta(hours=8)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"segments": ()}, "segments"),
        ({"segments": ((time(13), time(17)), (time(7, 30), time(11, 30)))}, "segments"),
        ({"segments": ((time(7, 30), time(12)), (time(11), time(17)))}, "segments"),
        ({"segments": ((time(12), time(8)),)}, "segments"),
        ({"segments": ((time(8), time(8)),)}, "segments"),
        ({"segments": ((time(8, tzinfo=UTC), time(12)),)}, "segments"),
        ({"segments": ((time(8, 0, 30), time(12)),)}, "segments"),
        ({"segments": (("08:00", "12:00"),)}, "segments"),
        ({"segments": ((time(8),),)}, "segments"),
        ({"cutoff": time(7, 0)}, "cutoff"),
        ({"cutoff": time(7, 30)}, "cutoff"),
        ({"cutoff": time(17, 1)}, "cutoff"),
        ({"tz_name": "Asia/Nowhere"}, "tz_name"),
    ],
)
def test_office_hours_validation(kwargs: dict, field: str) -> None:
    with pytest.raises(ValidationError) as info:
        OfficeHours(**kwargs)
    assert info.value.field == field
    assert isinstance(info.value, DomainError)


def test_cutoff_may_equal_closing() -> None:
    assert OfficeHours(cutoff=time(17)).cutoff == time(17)


# ------------------------------------------------------------------------------ overrides


def test_override_validation() -> None:
    with pytest.raises(ValidationError) as info:
        CalendarOverride(date(2026, 1, 2), "holiday", "x")
    assert info.value.field == "kind"
    with pytest.raises(ValidationError) as info:
        CalendarOverride(datetime(2026, 1, 2, 8), "off", "x")  # type: ignore[arg-type]
    assert info.value.field == "day"


def test_override_text_is_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Nghỉ bù Tết Dương lịch")
    override = CalendarOverride(date(2026, 1, 2), "off", f"  {decomposed} ")
    assert override.reason == "Nghỉ bù Tết Dương lịch"
    assert unicodedata.is_normalized("NFC", override.reason)


def test_conflicting_overrides_rejected() -> None:
    with pytest.raises(ValidationError):
        WorkCalendar(
            [
                CalendarOverride(date(2026, 3, 6), "off", "a"),
                CalendarOverride(date(2026, 3, 6), "work", "b"),
            ]
        )


def test_duplicate_overrides_same_kind_last_wins() -> None:
    c = WorkCalendar(
        [
            CalendarOverride(date(2026, 3, 6), "off", "a"),
            CalendarOverride(date(2026, 3, 6), "off", "b"),
        ]
    )
    assert c.day_info(date(2026, 3, 6)).name == "b"
    assert [o.reason for o in c.overrides] == ["b"]


def test_overrides_must_be_override_objects() -> None:
    with pytest.raises(ValidationError):
        WorkCalendar([(date(2026, 3, 6), "off", "a")])  # type: ignore[list-item]


# ------------------------------------------------------------------------------- day info


def test_day_info_kinds(cal: WorkCalendar) -> None:
    assert cal.day_info(date(2026, 3, 17)) == DayInfo(date(2026, 3, 17), True, "weekday", "")
    assert cal.day_info(date(2026, 3, 21)) == DayInfo(date(2026, 3, 21), False, "weekend", "")
    assert cal.day_info(date(2025, 9, 2)) == DayInfo(
        date(2025, 9, 2), False, "holiday", "Quốc khánh"
    )
    makeup = cal.day_info(date(2025, 4, 26))
    assert (makeup.working, makeup.kind) == (True, "makeup")
    assert "02/05/2025" in makeup.name
    makeup = cal.day_info(date(2026, 8, 22))
    assert (makeup.working, makeup.kind) == (True, "makeup")
    assert "31/08/2026" in makeup.name
    culture = cal.day_info(date(2026, 11, 24))
    assert (culture.working, culture.kind, culture.name) == (
        False,
        "holiday",
        "Ngày Văn hóa Việt Nam",
    )
    # A holiday on a weekend is still reported as a holiday.
    hung_kings = cal.day_info(date(2026, 4, 26))
    assert (hung_kings.working, hung_kings.kind) == (False, "holiday")
    assert "Hùng Vương" in hung_kings.name


def test_day_info_accepts_datetime(cal: WorkCalendar) -> None:
    # 20:00 UTC on 1 September is already 2 September in Hà Nội.
    assert cal.day_info(datetime(2025, 9, 1, 20, 0, tzinfo=UTC)).day == date(2025, 9, 2)


@pytest.mark.parametrize(
    "day",
    [
        date(2025, 1, 1),
        *[date(2025, 1, d) for d in range(27, 32)],  # Tết 2025 Mon-Fri
        *[date(2026, 2, d) for d in range(16, 21)],  # Tết 2026 Mon-Fri
        date(2027, 2, 4),  # Tết 2027: Thu 29 Tết ...
        date(2027, 2, 5),
        date(2027, 2, 8),
        date(2027, 2, 9),
        date(2027, 2, 10),  # ... to Wed Mùng năm
        date(2025, 4, 7),  # Hùng Kings 2025
        date(2026, 4, 27),  # Hùng Kings 2026 (Sunday) in lieu on Monday
        date(2025, 4, 30),
        date(2025, 5, 1),
        date(2025, 5, 2),  # bridge day off against Sat 26/4/2025
        date(2025, 9, 1),
        date(2025, 9, 2),
        date(2026, 8, 31),  # off against Sat 22/8/2026
        date(2026, 9, 1),
        date(2026, 9, 2),
        date(2026, 11, 24),  # Ngày Văn hóa Việt Nam, from 2026
        date(2027, 11, 24),
        date(2024, 4, 29),  # off against Sat 4/5/2024
    ],
)
def test_non_working_weekdays(cal: WorkCalendar, day: date) -> None:
    assert day.weekday() < 5
    assert not cal.is_working_day(day)
    assert cal.day_info(day).kind == "holiday"
    assert cal.day_info(day).name


@pytest.mark.parametrize(
    "day",
    [
        date(2025, 4, 26),  # make-up Saturday
        date(2026, 8, 22),  # make-up Saturday
        date(2024, 5, 4),  # make-up Saturday
        date(2025, 2, 3),  # first day after Tết 2025
        date(2026, 2, 23),  # first day after Tết 2026
        date(2025, 9, 3),
        date(2026, 9, 3),
        date(2025, 11, 24),  # 24/11 is not a holiday before 2026
        date(2026, 11, 25),
        date(2025, 5, 5),
    ],
)
def test_working_days(cal: WorkCalendar, day: date) -> None:
    assert cal.is_working_day(day)


def test_next_working_day(cal: WorkCalendar) -> None:
    assert cal.next_working_day(date(2026, 3, 16)) == date(2026, 3, 17)
    assert cal.next_working_day(date(2026, 3, 20)) == date(2026, 3, 23)
    assert cal.next_working_day(date(2025, 8, 29)) == date(2025, 9, 3)
    assert cal.next_working_day(date(2025, 4, 25)) == date(2025, 4, 26)  # make-up Saturday
    assert cal.next_working_day(date(2026, 2, 13)) == date(2026, 2, 23)
    assert cal.next_working_day(date(2026, 11, 23)) == date(2026, 11, 25)


def test_special_days_2025(cal: WorkCalendar) -> None:
    days = cal.special_days(2025)
    assert [(d.day, d.kind) for d in days] == [
        (date(2025, 1, 1), "holiday"),
        (date(2025, 1, 27), "holiday"),
        (date(2025, 1, 28), "holiday"),
        (date(2025, 1, 29), "holiday"),
        (date(2025, 1, 30), "holiday"),
        (date(2025, 1, 31), "holiday"),
        (date(2025, 2, 1), "holiday"),  # Saturday: a holiday on a weekend is listed too
        (date(2025, 4, 7), "holiday"),
        (date(2025, 4, 26), "makeup"),
        (date(2025, 4, 30), "holiday"),
        (date(2025, 5, 1), "holiday"),
        (date(2025, 5, 2), "holiday"),
        (date(2025, 9, 1), "holiday"),
        (date(2025, 9, 2), "holiday"),
    ]
    assert all(d.name for d in days)


def test_special_days_2026_with_overrides() -> None:
    c = WorkCalendar(
        [
            CalendarOverride(date(2026, 1, 2), "off", "Nghỉ bù Tết Dương lịch", "TB 1/TB-VPCP"),
            CalendarOverride(date(2026, 1, 10), "work", "Làm bù cho ngày 02/01/2026"),
        ]
    )
    days = {d.day: d for d in c.special_days(2026)}
    assert days[date(2026, 1, 2)] == DayInfo(
        date(2026, 1, 2), False, "override_off", "Nghỉ bù Tết Dương lịch"
    )
    assert days[date(2026, 1, 10)].kind == "override_work"
    assert days[date(2026, 1, 10)].working
    assert days[date(2026, 4, 26)].kind == "holiday"  # Sunday
    assert days[date(2026, 8, 22)].kind == "makeup"
    assert days[date(2026, 11, 24)].kind == "holiday"
    listed = [d.day for d in c.special_days(2026)]
    assert listed == sorted(listed)
    assert all(d.year == 2026 for d in listed)


def test_overrides_win_over_package(cal: WorkCalendar) -> None:
    c = WorkCalendar(
        [
            CalendarOverride(date(2025, 9, 1), "work", "Trực tiếp nhận hồ sơ"),
            CalendarOverride(date(2025, 4, 26), "off", "Không làm bù"),
            CalendarOverride(date(2026, 3, 17), "work", "Ngày thường"),
        ]
    )
    assert c.is_working_day(date(2025, 9, 1))
    assert c.day_info(date(2025, 9, 1)).kind == "override_work"
    assert not c.is_working_day(date(2025, 4, 26))
    assert c.day_info(date(2025, 4, 26)).kind == "override_off"
    assert c.day_info(date(2026, 3, 17)).kind == "override_work"
    # The shared calendar is not affected.
    assert not cal.is_working_day(date(2025, 9, 1))


def test_ten_years_of_days_are_cached() -> None:
    c = WorkCalendar()
    first = date(2020, 1, 1)
    days = [first + timedelta(days=i) for i in range(3653)]
    per_year: dict[int, int] = {}
    for d in days:
        if c.is_working_day(d):
            per_year[d.year] = per_year.get(d.year, 0) + 1
    for year, count in per_year.items():
        assert 235 <= count <= 255, (year, count)
    infos = [c.day_info(d) for d in days]
    for _ in range(5):  # second and later passes are dictionary look-ups
        assert all(c.day_info(d) is info for d, info in zip(days, infos, strict=True))
        assert sum(c.is_working_day(d) for d in days) == sum(per_year.values())


# --------------------------------------------------------------------------------- to_local


def test_to_local(cal: WorkCalendar) -> None:
    assert cal.to_local(naive(2026, 3, 16, 9, 10)) == at(2026, 3, 16, 9, 10)
    assert cal.to_local(naive(2026, 3, 16, 9, 10)).tzinfo == TZ
    converted = cal.to_local(datetime(2026, 3, 16, 2, 10, tzinfo=UTC))
    assert converted.replace(tzinfo=None) == naive(2026, 3, 16, 9, 10)
    assert converted.utcoffset() == timedelta(hours=7)
    with pytest.raises(ValidationError):
        cal.to_local(date(2026, 3, 16))  # type: ignore[arg-type]


# ------------------------------------------------------------------------------ clock start


@pytest.mark.parametrize(
    ("received", "start", "reasons"),
    [
        (naive(2026, 3, 16, 9, 10, 45), at(2026, 3, 16, 9, 10), ()),
        (naive(2026, 3, 16, 7, 30), at(2026, 3, 16, 7, 30), ()),
        (naive(2026, 3, 16, 6, 45), at(2026, 3, 16, 7, 30), ("outside_hours",)),
        (naive(2026, 3, 16, 11, 30), at(2026, 3, 16, 13, 0), ()),
        (naive(2026, 3, 16, 12, 0), at(2026, 3, 16, 13, 0), ()),
        (naive(2026, 3, 16, 13, 0), at(2026, 3, 16, 13, 0), ()),
        (naive(2026, 3, 16, 14, 59, 59), at(2026, 3, 16, 14, 59), ()),
        (naive(2026, 3, 16, 15, 0), at(2026, 3, 17, 7, 30), ("cutoff",)),
        (naive(2026, 3, 16, 16, 30), at(2026, 3, 17, 7, 30), ("cutoff",)),
        (naive(2026, 3, 16, 17, 0), at(2026, 3, 17, 7, 30), ("cutoff",)),
        (naive(2026, 3, 16, 23, 59), at(2026, 3, 17, 7, 30), ("cutoff",)),
        (naive(2026, 3, 20, 15, 20), at(2026, 3, 23, 7, 30), ("cutoff",)),
        (naive(2026, 3, 21, 10, 0), at(2026, 3, 23, 7, 30), ("non_working_day",)),
        (naive(2026, 3, 22, 10, 0), at(2026, 3, 23, 7, 30), ("non_working_day",)),
        (naive(2025, 9, 1, 10, 0), at(2025, 9, 3, 7, 30), ("non_working_day", "holiday")),
        (naive(2025, 2, 1, 10, 0), at(2025, 2, 3, 7, 30), ("non_working_day", "holiday")),
        (naive(2025, 4, 26, 9, 0), at(2025, 4, 26, 9, 0), ()),  # make-up Saturday
        (naive(2025, 4, 26, 15, 30), at(2025, 4, 28, 7, 30), ("cutoff",)),
    ],
)
def test_clock_start(
    cal: WorkCalendar, received: datetime, start: datetime, reasons: tuple[str, ...]
) -> None:
    got_start, got_reasons = cal.clock_start(received)
    assert got_start == start
    assert got_start.tzinfo == TZ
    assert got_reasons == reasons


def test_clock_start_on_override_day_off() -> None:
    c = WorkCalendar([CalendarOverride(date(2026, 3, 18), "off", "Bão số 3")])
    assert c.clock_start(naive(2026, 3, 18, 9)) == (
        at(2026, 3, 19, 7, 30),
        ("non_working_day", "override_off"),
    )


def test_clock_start_when_cutoff_is_closing() -> None:
    c = WorkCalendar(hours=OfficeHours(cutoff=time(17)))
    assert c.clock_start(naive(2026, 3, 16, 16, 0)) == (at(2026, 3, 16, 16, 0), ())
    assert c.clock_start(naive(2026, 3, 16, 17, 0)) == (at(2026, 3, 17, 7, 30), ("outside_hours",))
    assert c.clock_start(naive(2026, 3, 16, 19, 0)) == (at(2026, 3, 17, 7, 30), ("outside_hours",))


# ------------------------------------------------------------------ DOMAIN.md examples


def test_domain_example_monday_0910_three_days(cal: WorkCalendar) -> None:
    m = cal.due(naive(2026, 3, 16, 9, 10), 3, DAYS)
    assert isinstance(m, DueMoment)
    assert m.due_at == at(2026, 3, 19, 9, 10)  # Thursday 09:10
    assert m.clock_start == at(2026, 3, 16, 9, 10)
    assert m.explanation == ""
    assert m.reasons == ()


def test_domain_example_friday_1520_one_day(cal: WorkCalendar) -> None:
    m = cal.due(naive(2026, 3, 20, 15, 20), 1, DAYS)
    assert m.clock_start == at(2026, 3, 23, 7, 30)  # Monday opening
    assert m.due_at == at(2026, 3, 23, 17, 0)  # end of the 8th hour, not Tuesday 07:30
    assert m.reasons == ("cutoff",)
    assert m.explanation == "Nhận sau 15:00 nên thời hạn tính từ 07:30 ngày 23/03/2026"


def test_unit_given_as_string(cal: WorkCalendar) -> None:
    assert cal.due(naive(2026, 3, 16, 9, 10), 3, "working_days").due_at == at(2026, 3, 19, 9, 10)
    assert cal.due(naive(2026, 3, 16, 9, 10), 2, "working_hours").due_at == at(2026, 3, 16, 11, 10)
    assert cal.due(naive(2026, 3, 16, 9, 10), 0, "same_day").due_at == at(2026, 3, 16, 17, 0)


# --------------------------------------------------------------- counting in working days


@pytest.mark.parametrize(
    ("received", "amount", "due_at"),
    [
        (naive(2026, 3, 16, 7, 30), 1, at(2026, 3, 16, 17, 0)),  # ends at a segment end
        (naive(2026, 3, 16, 7, 30), 0.5, at(2026, 3, 16, 11, 30)),  # not 13:00
        (naive(2026, 3, 16, 13, 0), 0.5, at(2026, 3, 16, 17, 0)),
        (naive(2026, 3, 16, 9, 10), 0.5, at(2026, 3, 16, 14, 40)),
        (naive(2026, 3, 16, 9, 10), 1.5, at(2026, 3, 17, 14, 40)),
        (naive(2026, 3, 16, 9, 10), 0.25, at(2026, 3, 16, 11, 10)),
        (naive(2026, 3, 16, 9, 10), 5, at(2026, 3, 23, 9, 10)),
        (naive(2026, 3, 16, 9, 10), 10, at(2026, 3, 30, 9, 10)),
        (naive(2026, 3, 16, 9, 10, 59), 3, at(2026, 3, 19, 9, 10)),  # seconds dropped
        (naive(2026, 3, 16, 9, 10), 1 / 3, at(2026, 3, 16, 13, 20)),  # 160 minutes
    ],
)
def test_counting_working_days(
    cal: WorkCalendar, received: datetime, amount: float, due_at: datetime
) -> None:
    m = cal.due(received, amount, DAYS)
    assert m.due_at == due_at
    assert m.due_at.second == 0 and m.due_at.microsecond == 0


def test_lunch_break_receipt(cal: WorkCalendar) -> None:
    m = cal.due(naive(2026, 3, 16, 12, 0), 1, DAYS)
    assert m.clock_start == at(2026, 3, 16, 13, 0)
    assert m.due_at == at(2026, 3, 17, 11, 30)  # segment end, not 13:00
    assert m.explanation == ""
    assert m.reasons == ()


def test_exactly_1500_counts_as_after_cutoff(cal: WorkCalendar) -> None:
    before = cal.due(naive(2026, 3, 16, 14, 59), 1, DAYS)
    assert before.due_at == at(2026, 3, 17, 14, 59)
    assert before.explanation == ""
    after = cal.due(naive(2026, 3, 16, 15, 0), 1, DAYS)
    assert after.clock_start == at(2026, 3, 17, 7, 30)
    assert after.due_at == at(2026, 3, 17, 17, 0)
    assert after.reasons == ("cutoff",)
    assert after.explanation == "Nhận sau 15:00 nên thời hạn tính từ 07:30 ngày 17/03/2026"


def test_before_opening(cal: WorkCalendar) -> None:
    m = cal.due(naive(2026, 3, 16, 6, 45), 1, DAYS)
    assert m.clock_start == at(2026, 3, 16, 7, 30)
    assert m.due_at == at(2026, 3, 16, 17, 0)
    assert m.reasons == ("outside_hours",)
    assert m.explanation == "Nhận ngoài giờ làm việc nên thời hạn tính từ 07:30 ngày 16/03/2026"


def test_weekend_receipt_needs_no_explanation(cal: WorkCalendar) -> None:
    m = cal.due(naive(2026, 3, 21, 10, 0), 3, DAYS)
    assert m.clock_start == at(2026, 3, 23, 7, 30)
    assert m.due_at == at(2026, 3, 25, 17, 0)
    assert m.reasons == ("non_working_day",)
    assert m.explanation == ""


def test_weekend_in_between_needs_no_explanation(cal: WorkCalendar) -> None:
    m = cal.due(naive(2026, 3, 19, 10, 0), 3, DAYS)
    assert m.due_at == at(2026, 3, 24, 10, 0)
    assert m.explanation == ""
    assert m.reasons == ()


def test_aware_input_same_as_naive_local(cal: WorkCalendar) -> None:
    utc = datetime(2026, 3, 20, 8, 20, tzinfo=UTC)  # 15:20 in Hà Nội
    assert cal.due(utc, 1, DAYS) == cal.due(naive(2026, 3, 20, 15, 20), 1, DAYS)
    assert cal.due(utc, 1, DAYS).due_at.tzinfo == TZ


# ---------------------------------------------------------------------------------- Tết


def test_tet_2025(cal: WorkCalendar) -> None:
    m = cal.due(naive(2025, 1, 24, 10, 0), 3, DAYS)
    assert m.due_at == at(2025, 2, 5, 10, 0)
    assert m.reasons == ("holiday",)
    assert m.explanation == "Không tính ngày nghỉ: Tết Nguyên Đán (27/01–31/01/2025)"


def test_tet_2026(cal: WorkCalendar) -> None:
    m = cal.due(naive(2026, 2, 13, 10, 0), 3, DAYS)
    assert m.due_at == at(2026, 2, 25, 10, 0)
    assert m.explanation == "Không tính ngày nghỉ: Tết Nguyên Đán (16/02–20/02/2026)"


def test_tet_2026_after_cutoff_on_the_last_day(cal: WorkCalendar) -> None:
    m = cal.due(naive(2026, 2, 13, 15, 30), 3, DAYS)
    assert m.clock_start == at(2026, 2, 23, 7, 30)
    assert m.due_at == at(2026, 2, 25, 17, 0)
    assert m.reasons == ("cutoff", "holiday")
    assert m.explanation == (
        "Nhận sau 15:00 nên thời hạn tính từ 07:30 ngày 23/02/2026; "
        "Không tính ngày nghỉ: Tết Nguyên Đán (16/02–20/02/2026)"
    )


def test_tet_2027(cal: WorkCalendar) -> None:
    m = cal.due(naive(2027, 2, 3, 10, 0), 3, DAYS)
    assert m.due_at == at(2027, 2, 15, 10, 0)
    # Thu 4/2 to Wed 10/2, the weekend inside the range included.
    assert m.explanation == "Không tính ngày nghỉ: Tết Nguyên Đán (04/02–10/02/2027)"


def test_receipt_during_tet_on_a_weekday(cal: WorkCalendar) -> None:
    m = cal.due(naive(2026, 2, 18, 9, 0), 1, DAYS)
    assert m.clock_start == at(2026, 2, 23, 7, 30)
    assert m.due_at == at(2026, 2, 23, 17, 0)
    assert m.reasons == ("non_working_day", "holiday")
    assert m.explanation == (
        "Nhận vào ngày nghỉ nên thời hạn tính từ 07:30 ngày 23/02/2026; "
        "Không tính ngày nghỉ: Tết Nguyên Đán (18/02–20/02/2026)"
    )


def test_receipt_on_a_tet_weekend_day(cal: WorkCalendar) -> None:
    m = cal.due(naive(2027, 2, 6, 12, 0), 1, DAYS)
    assert m.clock_start == at(2027, 2, 11, 7, 30)
    assert m.due_at == at(2027, 2, 11, 17, 0)
    assert m.reasons == ("non_working_day", "holiday")
    assert m.explanation == "Không tính ngày nghỉ: Tết Nguyên Đán (08/02–10/02/2027)"


# --------------------------------------------------------------------------- 30/4 - 1/5


def test_reunification_and_labour_day_2025(cal: WorkCalendar) -> None:
    m = cal.due(naive(2025, 4, 29, 10, 0), 3, DAYS)
    assert m.due_at == at(2025, 5, 7, 10, 0)
    assert m.reasons == ("holiday",)
    assert "Ngày Chiến thắng (30/04/2025)" in m.explanation
    assert "Ngày Quốc tế Lao động (01/05/2025)" in m.explanation
    assert "02/05/2025" in m.explanation
    assert len(m.explanation) <= MAX_EXPLANATION_LENGTH


def test_makeup_saturday_2025_is_counted(cal: WorkCalendar) -> None:
    m = cal.due(naive(2025, 4, 24, 10, 0), 2, DAYS)
    assert m.due_at == at(2025, 4, 26, 10, 0)  # Saturday
    assert m.reasons == ("makeup_day",)
    assert m.explanation == "Tính cả ngày làm bù thứ Bảy 26/04/2025"


def test_makeup_saturday_after_cutoff_friday(cal: WorkCalendar) -> None:
    m = cal.due(naive(2025, 4, 25, 16, 0), 3, DAYS)
    assert m.clock_start == at(2025, 4, 26, 7, 30)
    assert m.due_at == at(2025, 4, 29, 17, 0)
    assert m.reasons == ("cutoff", "makeup_day")
    assert m.explanation == (
        "Nhận sau 15:00 nên thời hạn tính từ 07:30 ngày 26/04/2025; "
        "Tính cả ngày làm bù thứ Bảy 26/04/2025"
    )


def test_makeup_and_bridge_day_in_one_span(cal: WorkCalendar) -> None:
    m = cal.due(naive(2025, 4, 25, 10, 0), 3, DAYS)
    # Fri 25 (5.5 h), Sat 26 make-up, Mon 28, Tue 29 (2.5 h)
    assert m.due_at == at(2025, 4, 29, 10, 0)
    assert m.reasons == ("makeup_day",)
    m = cal.due(naive(2025, 4, 25, 10, 0), 5, DAYS)
    # ... Tue 29 (8 h), Wed 30/4 - Fri 2/5 off, Mon 5/5 (8 h), Tue 6/5 (2.5 h)
    assert m.due_at == at(2025, 5, 6, 10, 0)
    assert m.reasons == ("holiday", "makeup_day")
    assert "Tính cả ngày làm bù thứ Bảy 26/04/2025" in m.explanation
    assert "30/04" in m.explanation
    assert len(m.explanation) <= MAX_EXPLANATION_LENGTH


def test_same_day_received_on_30_april_is_summarised(cal: WorkCalendar) -> None:
    m = cal.due(naive(2025, 4, 30, 9, 0), 0, SAME)
    assert m.due_at == at(2025, 5, 5, 17, 0)
    assert m.reasons == ("non_working_day", "holiday")
    assert "30/04" in m.explanation and "02/05/2025" in m.explanation
    assert len(m.explanation) <= MAX_EXPLANATION_LENGTH
    assert "\n" not in m.explanation


# -------------------------------------------------------------------------- National Day


def test_national_day_2025(cal: WorkCalendar) -> None:
    m = cal.due(naive(2025, 8, 29, 10, 0), 1, DAYS)
    assert m.due_at == at(2025, 9, 3, 10, 0)
    assert m.explanation == "Không tính ngày nghỉ: Quốc khánh (01/09–02/09/2025)"


def test_national_day_2025_after_cutoff(cal: WorkCalendar) -> None:
    m = cal.due(naive(2025, 8, 29, 16, 0), 1, DAYS)
    assert m.clock_start == at(2025, 9, 3, 7, 30)
    assert m.due_at == at(2025, 9, 3, 17, 0)
    assert m.reasons == ("cutoff", "holiday")
    assert m.explanation == (
        "Nhận sau 15:00 nên thời hạn tính từ 07:30 ngày 03/09/2025; "
        "Không tính ngày nghỉ: Quốc khánh (01/09–02/09/2025)"
    )


def test_national_day_2026(cal: WorkCalendar) -> None:
    m = cal.due(naive(2026, 8, 28, 10, 0), 1, DAYS)
    assert m.due_at == at(2026, 9, 3, 10, 0)
    assert m.reasons == ("holiday",)
    assert "31/08/2026" in m.explanation
    assert "Quốc khánh (01/09–02/09/2026)" in m.explanation


def test_makeup_saturday_2026(cal: WorkCalendar) -> None:
    m = cal.due(naive(2026, 8, 21, 10, 0), 1, DAYS)
    assert m.due_at == at(2026, 8, 22, 10, 0)
    assert m.explanation == "Tính cả ngày làm bù thứ Bảy 22/08/2026"
    assert m.reasons == ("makeup_day",)


def test_makeup_and_national_day_2026(cal: WorkCalendar) -> None:
    m = cal.due(naive(2026, 8, 21, 10, 0), 8, DAYS)
    # Fri 21 (5.5 h), Sat 22, Mon 24 - Fri 28 (53.5 h), Mon 31 - Wed 2 off, Thu 3, Fri 4 +2.5 h
    assert m.due_at == at(2026, 9, 4, 10, 0)
    assert m.reasons == ("holiday", "makeup_day")
    assert "Quốc khánh (01/09–02/09/2026)" in m.explanation
    assert "Tính cả ngày làm bù thứ Bảy 22/08/2026" in m.explanation
    assert len(m.explanation) <= MAX_EXPLANATION_LENGTH


# ------------------------------------------------------------------ Ngày Văn hóa Việt Nam


def test_vietnam_culture_day_2026(cal: WorkCalendar) -> None:
    m = cal.due(naive(2026, 11, 23, 10, 0), 1, DAYS)
    assert m.due_at == at(2026, 11, 25, 10, 0)
    assert m.explanation == "Không tính ngày nghỉ: Ngày Văn hóa Việt Nam (24/11/2026)"


def test_vietnam_culture_day_after_cutoff(cal: WorkCalendar) -> None:
    m = cal.due(naive(2026, 11, 23, 15, 0), 1, DAYS)
    assert m.clock_start == at(2026, 11, 25, 7, 30)
    assert m.due_at == at(2026, 11, 25, 17, 0)
    assert m.explanation == (
        "Nhận sau 15:00 nên thời hạn tính từ 07:30 ngày 25/11/2026; "
        "Không tính ngày nghỉ: Ngày Văn hóa Việt Nam (24/11/2026)"
    )


def test_24_november_2025_is_ordinary(cal: WorkCalendar) -> None:
    m = cal.due(naive(2025, 11, 21, 10, 0), 1, DAYS)
    assert m.due_at == at(2025, 11, 24, 10, 0)
    assert m.explanation == ""


def test_hung_kings_2026_sunday_in_lieu_monday(cal: WorkCalendar) -> None:
    m = cal.due(naive(2026, 4, 24, 10, 0), 1, DAYS)
    assert m.due_at == at(2026, 4, 28, 10, 0)
    assert m.explanation == "Không tính ngày nghỉ: Ngày Giỗ Tổ Hùng Vương, nghỉ bù (27/04/2026)"


def test_family_grouping_over_a_weekend_holiday(cal: WorkCalendar) -> None:
    # 2023: Quốc khánh Fri 1/9, Sat 2/9, and Mon 4/9 in lieu: one range.
    m = cal.due(naive(2023, 8, 31, 10, 0), 1, DAYS)
    assert m.due_at == at(2023, 9, 5, 10, 0)
    assert m.explanation == "Không tính ngày nghỉ: Quốc khánh (01/09–04/09/2023)"


# ------------------------------------------------------------------------------ same day


def test_same_day_before_cutoff(cal: WorkCalendar) -> None:
    m = cal.due(naive(2026, 3, 16, 10, 0), 1, SAME)
    assert m.due_at == at(2026, 3, 16, 17, 0)
    assert m.explanation == ""
    assert m.reasons == ()


def test_same_day_before_opening(cal: WorkCalendar) -> None:
    m = cal.due(naive(2026, 3, 16, 6, 45), 0, SAME)
    assert m.due_at == at(2026, 3, 16, 17, 0)
    assert m.reasons == ()
    assert m.explanation == ""


def test_same_day_after_cutoff(cal: WorkCalendar) -> None:
    m = cal.due(naive(2026, 3, 16, 15, 0), 0, SAME)
    assert m.due_at == at(2026, 3, 17, 17, 0)
    assert m.reasons == ("cutoff",)
    assert m.explanation == "Nhận sau 15:00 nên thời hạn tính từ 07:30 ngày 17/03/2026"


def test_same_day_friday_after_cutoff(cal: WorkCalendar) -> None:
    m = cal.due(naive(2026, 3, 20, 15, 30), 0, SAME)
    assert m.due_at == at(2026, 3, 23, 17, 0)
    assert m.reasons == ("cutoff",)


def test_same_day_friday_after_cutoff_before_holidays(cal: WorkCalendar) -> None:
    m = cal.due(naive(2025, 8, 29, 15, 30), 0, SAME)
    assert m.due_at == at(2025, 9, 3, 17, 0)
    assert m.reasons == ("cutoff", "holiday")
    assert "Quốc khánh (01/09–02/09/2025)" in m.explanation


def test_same_day_on_weekend(cal: WorkCalendar) -> None:
    m = cal.due(naive(2026, 3, 21, 9, 0), 0, SAME)
    assert m.due_at == at(2026, 3, 23, 17, 0)
    assert m.reasons == ("non_working_day",)
    assert m.explanation == ""


def test_same_day_on_makeup_saturday(cal: WorkCalendar) -> None:
    m = cal.due(naive(2026, 8, 22, 9, 0), 0, SAME)
    assert m.due_at == at(2026, 8, 22, 17, 0)
    assert m.reasons == ("makeup_day",)
    assert m.explanation == "Tính cả ngày làm bù thứ Bảy 22/08/2026"


def test_same_day_ignores_amount(cal: WorkCalendar) -> None:
    a = cal.due(naive(2026, 3, 16, 10, 0), 0, SAME)
    b = cal.due(naive(2026, 3, 16, 10, 0), 5, SAME)
    assert a == b


# ----------------------------------------------------------------------------- hour-based


@pytest.mark.parametrize(
    ("received", "amount", "due_at", "reasons"),
    [
        (naive(2026, 3, 16, 9, 10), 4, at(2026, 3, 16, 14, 40), ()),
        (naive(2026, 3, 16, 9, 10), 8, at(2026, 3, 17, 9, 10), ()),
        (naive(2026, 3, 16, 7, 30), 4, at(2026, 3, 16, 11, 30), ()),
        (naive(2026, 3, 16, 10, 0), 0.5, at(2026, 3, 16, 10, 30), ()),
        (naive(2026, 3, 16, 11, 0), 1, at(2026, 3, 16, 13, 30), ()),
        (naive(2026, 3, 16, 15, 30), 2, at(2026, 3, 17, 9, 30), ("cutoff",)),
        (naive(2026, 3, 20, 14, 0), 4, at(2026, 3, 23, 8, 30), ()),
        (naive(2025, 8, 29, 14, 0), 4, at(2025, 9, 3, 8, 30), ("holiday",)),
    ],
)
def test_working_hours(
    cal: WorkCalendar,
    received: datetime,
    amount: float,
    due_at: datetime,
    reasons: tuple[str, ...],
) -> None:
    m = cal.due(received, amount, HOURS)
    assert m.due_at == due_at
    assert m.reasons == reasons


def test_eight_hours_equal_one_day(cal: WorkCalendar) -> None:
    for received in (naive(2026, 3, 16, 9, 10), naive(2025, 8, 29, 14, 5), naive(2026, 2, 13, 16)):
        assert cal.due(received, 8, HOURS).due_at == cal.due(received, 1, DAYS).due_at


# ----------------------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("amount", "unit"),
    [
        (0, DAYS),
        (-1, DAYS),
        (0, HOURS),
        (-0.5, HOURS),
        (float("nan"), DAYS),
        (float("inf"), DAYS),
        (366, DAYS),
        (365 * 8 + 1, HOURS),
        (True, DAYS),
        ("3", DAYS),
        (None, DAYS),
    ],
)
def test_invalid_amounts(cal: WorkCalendar, amount: object, unit: TimeUnit) -> None:
    with pytest.raises(ValidationError) as info:
        cal.due(naive(2026, 3, 16, 9), amount, unit)  # type: ignore[arg-type]
    assert info.value.field == "amount"


def test_largest_amount_is_accepted(cal: WorkCalendar) -> None:
    m = cal.due(naive(2025, 1, 2, 9, 0), 365, DAYS)
    assert m.due_at.year == 2026
    assert len(m.explanation) <= MAX_EXPLANATION_LENGTH
    assert m.reasons == ("holiday", "makeup_day")


def test_unknown_unit(cal: WorkCalendar) -> None:
    with pytest.raises(ValidationError) as info:
        cal.due(naive(2026, 3, 16, 9), 3, "calendar_days")
    assert info.value.field == "unit"


def test_received_at_must_be_datetime(cal: WorkCalendar) -> None:
    with pytest.raises(ValidationError):
        cal.due(date(2026, 3, 16), 3, DAYS)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------ overrides


def test_extra_day_off_moves_due_date() -> None:
    plain = WorkCalendar().due(naive(2026, 3, 16, 9, 10), 3, DAYS)
    assert plain.due_at == at(2026, 3, 19, 9, 10)
    c = WorkCalendar(
        [CalendarOverride(date(2026, 3, 18), "off", "Nghỉ do bão số 3", "Công điện 12/CĐ-UBND")]
    )
    m = c.due(naive(2026, 3, 16, 9, 10), 3, DAYS)
    assert m.due_at == at(2026, 3, 20, 9, 10)
    assert m.reasons == ("override_off",)
    assert m.explanation == "Không tính ngày nghỉ: Nghỉ do bão số 3 (18/03/2026)"


def test_consecutive_override_days_off_are_grouped() -> None:
    c = WorkCalendar(
        [
            CalendarOverride(date(2026, 3, 18), "off", "Nghỉ do bão"),
            CalendarOverride(date(2026, 3, 19), "off", "Nghỉ do bão"),
        ]
    )
    m = c.due(naive(2026, 3, 16, 9, 10), 3, DAYS)
    assert m.due_at == at(2026, 3, 23, 9, 10)
    assert m.explanation == "Không tính ngày nghỉ: Nghỉ do bão (18/03–19/03/2026)"


def test_extra_working_saturday_pulls_due_date_in() -> None:
    c = WorkCalendar([CalendarOverride(date(2026, 3, 21), "work", "Làm bù theo QĐ 5/QĐ-UBND")])
    m = c.due(naive(2026, 3, 19, 10, 0), 3, DAYS)
    assert m.due_at == at(2026, 3, 23, 10, 0)  # instead of Tuesday 24
    assert m.reasons == ("override_work",)
    assert m.explanation == "Tính cả ngày làm việc thứ Bảy 21/03/2026 (Làm bù theo QĐ 5/QĐ-UBND)"


def test_override_work_on_ordinary_weekday_is_silent() -> None:
    c = WorkCalendar([CalendarOverride(date(2026, 3, 17), "work", "Ngày thường")])
    m = c.due(naive(2026, 3, 16, 9, 10), 3, DAYS)
    assert m.due_at == at(2026, 3, 19, 9, 10)
    assert m.explanation == ""
    assert m.reasons == ()


def test_override_cancels_a_package_holiday() -> None:
    c = WorkCalendar([CalendarOverride(date(2026, 11, 24), "work", "Không nghỉ")])
    m = c.due(naive(2026, 11, 23, 10, 0), 1, DAYS)
    assert m.due_at == at(2026, 11, 24, 10, 0)
    assert m.reasons == ("override_work",)


def test_override_off_without_reason_gets_a_label() -> None:
    c = WorkCalendar([CalendarOverride(date(2026, 3, 18), "off", "")])
    m = c.due(naive(2026, 3, 17, 10, 0), 1, DAYS)
    assert m.due_at == at(2026, 3, 19, 10, 0)
    assert m.explanation.startswith("Không tính ngày nghỉ: ")
    assert "18/03/2026" in m.explanation


# -------------------------------------------------------------------- working time between


def test_working_time_between_early_on_time_late(cal: WorkCalendar) -> None:
    due_at = cal.due(naive(2026, 3, 16, 9, 10), 3, DAYS).due_at  # Thu 19/3 09:10
    early = at(2026, 3, 18, 16, 0)
    late = at(2026, 3, 20, 8, 30)
    assert cal.working_time_between(due_at, early) < timedelta(0)
    assert cal.working_time_between(due_at, early) == -timedelta(hours=2, minutes=40)
    assert cal.working_time_between(due_at, due_at) == timedelta(0)
    # Thu 09:10-11:30, 13:00-17:00, Fri 07:30-08:30
    assert cal.working_time_between(due_at, late) == timedelta(hours=7, minutes=20)
    assert cal.working_days_between(due_at, late) == pytest.approx(7 / 8 + 1 / 24)


def test_working_time_between_ignores_days_off(cal: WorkCalendar) -> None:
    assert cal.working_time_between(at(2026, 3, 16), at(2026, 3, 23)) == timedelta(hours=40)
    assert cal.working_days_between(at(2026, 3, 16), at(2026, 3, 23)) == 5.0
    assert cal.working_days_between(at(2026, 3, 23), at(2026, 3, 16)) == -5.0
    assert cal.working_days_between(at(2026, 2, 13), at(2026, 2, 25)) == 3.0  # Tết
    assert cal.working_days_between(at(2025, 4, 25), at(2025, 4, 29)) == 3.0  # make-up Sat
    assert cal.working_time_between(at(2026, 3, 21, 9), at(2026, 3, 22, 15)) == timedelta(0)
    assert cal.working_time_between(at(2026, 3, 16, 11, 45), at(2026, 3, 16, 12, 45)) == timedelta(
        0
    )
    assert cal.working_time_between(
        naive(2026, 3, 16, 9), datetime(2026, 3, 16, 3, tzinfo=UTC)
    ) == timedelta(hours=1)


# ------------------------------------------------------------------------ add / subtract


def test_add_working_time(cal: WorkCalendar) -> None:
    assert cal.add_working_time(at(2026, 3, 16, 9, 10), timedelta(hours=24)) == at(
        2026, 3, 19, 9, 10
    )
    assert cal.add_working_time(at(2026, 3, 16, 7, 30), timedelta(hours=8)) == at(2026, 3, 16, 17)
    assert cal.add_working_time(at(2026, 3, 16, 7, 30), timedelta(hours=4)) == at(
        2026, 3, 16, 11, 30
    )
    # No cut-off here: 16:00-17:00, then 07:30-08:30 the next day.
    assert cal.add_working_time(at(2026, 3, 16, 16, 0), timedelta(hours=2)) == at(
        2026, 3, 17, 8, 30
    )
    # From a non-working moment the count starts at the next opening.
    assert cal.add_working_time(at(2026, 3, 16, 18, 0), timedelta(hours=2)) == at(
        2026, 3, 17, 9, 30
    )
    assert cal.add_working_time(at(2026, 3, 21, 10), timedelta(hours=1)) == at(2026, 3, 23, 8, 30)
    assert cal.add_working_time(at(2026, 3, 16, 9), timedelta(0)) == at(2026, 3, 16, 9)
    assert cal.add_working_time(at(2026, 3, 17, 9), -timedelta(hours=8)) == at(2026, 3, 16, 9)


def test_subtract_working_time(cal: WorkCalendar) -> None:
    assert cal.subtract_working_time(at(2026, 3, 19, 9, 10), timedelta(hours=24)) == at(
        2026, 3, 16, 9, 10
    )
    # A count ending exactly at a segment start stays there.
    assert cal.subtract_working_time(at(2026, 3, 16, 17), timedelta(hours=8)) == at(
        2026, 3, 16, 7, 30
    )
    assert cal.subtract_working_time(at(2026, 3, 16, 17), timedelta(hours=4)) == at(2026, 3, 16, 13)
    assert cal.subtract_working_time(at(2026, 3, 23, 8), timedelta(hours=1)) == at(
        2026, 3, 20, 16, 30
    )
    assert cal.subtract_working_time(at(2026, 2, 23, 8), timedelta(hours=1)) == at(
        2026, 2, 13, 16, 30
    )
    assert cal.subtract_working_time(at(2026, 3, 16, 9), -timedelta(hours=8)) == at(2026, 3, 17, 9)
    # One working day before a deadline, e.g. the last moment to issue an apology letter.
    assert cal.subtract_working_time(at(2025, 9, 3, 10), timedelta(hours=8)) == at(2025, 8, 29, 10)


# ------------------------------------------------------------------------------ warnings


def test_missing_override_warning(cal: WorkCalendar) -> None:
    warning = cal.missing_override_warning(date(2026, 11, 15))
    assert warning is not None
    assert warning.startswith("Chưa có dữ liệu ngày nghỉ bù/làm bù năm 2027")
    assert "\n" not in warning
    assert cal.missing_override_warning(date(2026, 12, 31)) == warning
    assert cal.missing_override_warning(datetime(2026, 11, 15, 9, 0)) == warning
    # The package knows the 2026 swap (Sat 22/8 worked, Mon 31/8 off).
    assert cal.missing_override_warning(date(2025, 11, 15)) is None
    # Too early in the year to worry.
    assert cal.missing_override_warning(date(2026, 10, 31)) is None
    assert cal.missing_override_warning(date(2026, 6, 1)) is None


def test_missing_override_warning_silenced_by_overrides() -> None:
    c = WorkCalendar([CalendarOverride(date(2027, 2, 3), "off", "Nghỉ Tết theo TB của Bộ Nội vụ")])
    assert c.missing_override_warning(date(2026, 11, 15)) is None
    # An override for another year does not count.
    c = WorkCalendar([CalendarOverride(date(2026, 2, 3), "off", "x")])
    assert c.missing_override_warning(date(2026, 11, 15)) is not None


# ------------------------------------------------------------------------ explanations


@pytest.mark.parametrize(
    ("received", "amount", "unit"),
    [
        (naive(2025, 1, 2, 9), 365, DAYS),
        (naive(2023, 4, 28, 9), 5, DAYS),
        (naive(2025, 4, 29, 16), 5, DAYS),
        (naive(2025, 4, 30, 9), 0, SAME),
        (naive(2026, 8, 21, 16), 10, DAYS),
        (naive(2027, 1, 29, 15, 30), 20, DAYS),
        (naive(2028, 4, 28, 16), 5, DAYS),
    ],
)
def test_explanations_fit_on_one_short_line(
    cal: WorkCalendar, received: datetime, amount: float, unit: TimeUnit
) -> None:
    m = cal.due(received, amount, unit)
    assert m.explanation
    assert len(m.explanation) <= MAX_EXPLANATION_LENGTH
    assert "\n" not in m.explanation


def test_many_overrides_are_summarised() -> None:
    overrides = [
        CalendarOverride(date(2026, 3, 16) + timedelta(days=i), "off", f"Lý do số {i} rất dài")
        for i in range(0, 28, 2)
        if (date(2026, 3, 16) + timedelta(days=i)).weekday() < 5
    ]
    c = WorkCalendar(overrides)
    m = c.due(naive(2026, 3, 16, 9), 20, DAYS)
    assert len(m.explanation) <= MAX_EXPLANATION_LENGTH
    assert m.explanation.startswith("Không tính")
    assert m.reasons == ("non_working_day", "override_off")


# ------------------------------------------------------------------ property-based tests

moments = st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2028, 12, 31, 23, 59))
day_amounts = st.one_of(
    st.integers(min_value=1, max_value=30),
    st.sampled_from([0.25, 0.5, 1.5, 2.5, 7.5]),
)
hour_amounts = st.integers(min_value=1, max_value=60)
PROPERTY_CAL = WorkCalendar(
    [
        CalendarOverride(date(2027, 3, 10), "off", "Nghỉ đột xuất"),
        CalendarOverride(date(2027, 3, 13), "work", "Làm việc thứ Bảy"),
    ]
)


def inside_office_hours(c: WorkCalendar, moment: datetime) -> bool:
    if not c.is_working_day(moment.date()):
        return False
    t = moment.time()
    return any(start < t <= end for start, end in c.hours.segments)


@settings(max_examples=200, deadline=None, database=None)
@given(received=moments, amount=day_amounts, unit=st.sampled_from([DAYS, HOURS, SAME]))
def test_due_is_inside_office_hours(received: datetime, amount: float, unit: TimeUnit) -> None:
    m = PROPERTY_CAL.due(received, amount, unit)
    assert m.due_at.tzinfo == TZ
    assert (
        m.due_at > m.clock_start >= PROPERTY_CAL.to_local(received).replace(second=0, microsecond=0)
    )
    assert inside_office_hours(PROPERTY_CAL, m.due_at)
    assert m.due_at.second == 0 and m.due_at.microsecond == 0
    assert len(m.explanation) <= MAX_EXPLANATION_LENGTH
    assert "\n" not in m.explanation
    assert (m.explanation == "") or m.reasons


@settings(max_examples=150, deadline=None, database=None)
@given(a=moments, b=moments, amount=day_amounts, unit=st.sampled_from([DAYS, HOURS, SAME]))
def test_due_is_monotonic_in_received_at(
    a: datetime, b: datetime, amount: float, unit: TimeUnit
) -> None:
    first, second = sorted((a, b))
    assert (
        PROPERTY_CAL.due(first, amount, unit).due_at
        <= PROPERTY_CAL.due(second, amount, unit).due_at
    )


@settings(max_examples=150, deadline=None, database=None)
@given(received=moments, a=day_amounts, b=day_amounts)
def test_due_is_monotonic_in_amount(received: datetime, a: float, b: float) -> None:
    small, large = sorted((a, b))
    assert (
        PROPERTY_CAL.due(received, small, DAYS).due_at
        <= PROPERTY_CAL.due(received, large, DAYS).due_at
    )
    assert (
        PROPERTY_CAL.due(received, small, HOURS).due_at
        <= PROPERTY_CAL.due(received, large, HOURS).due_at
    )


@settings(max_examples=150, deadline=None, database=None)
@given(received=moments, amount=day_amounts)
def test_due_counts_exactly_the_working_time(received: datetime, amount: float) -> None:
    m = PROPERTY_CAL.due(received, amount, DAYS)
    elapsed = PROPERTY_CAL.working_time_between(m.clock_start, m.due_at)
    assert elapsed == timedelta(hours=8 * amount)
    assert PROPERTY_CAL.working_days_between(m.clock_start, m.due_at) == pytest.approx(amount)


@settings(max_examples=200, deadline=None, database=None)
@given(received=moments, minutes=st.integers(min_value=1, max_value=480 * 40))
def test_add_subtract_round_trip(received: datetime, minutes: int) -> None:
    start, _ = PROPERTY_CAL.clock_start(received)  # a moment inside an office segment
    duration = timedelta(minutes=minutes)
    end = PROPERTY_CAL.add_working_time(start, duration)
    assert inside_office_hours(PROPERTY_CAL, end)
    assert PROPERTY_CAL.subtract_working_time(end, duration) == start
    assert PROPERTY_CAL.working_time_between(start, end) == duration
    assert PROPERTY_CAL.working_time_between(end, start) == -duration


@settings(max_examples=150, deadline=None, database=None)
@given(received=moments, amount=hour_amounts, minutes=st.integers(min_value=1, max_value=480 * 20))
def test_subtract_add_round_trip(received: datetime, amount: int, minutes: int) -> None:
    end = PROPERTY_CAL.due(received, amount, HOURS).due_at  # inside (segment start, segment end]
    duration = timedelta(minutes=minutes)
    begin = PROPERTY_CAL.subtract_working_time(end, duration)
    assert PROPERTY_CAL.add_working_time(begin, duration) == end


@settings(max_examples=100, deadline=None, database=None)
@given(a=moments, b=moments, c=moments)
def test_working_time_between_is_additive(a: datetime, b: datetime, c: datetime) -> None:
    ab = PROPERTY_CAL.working_time_between(a, b)
    bc = PROPERTY_CAL.working_time_between(b, c)
    assert ab + bc == PROPERTY_CAL.working_time_between(a, c)
    assert ab == -PROPERTY_CAL.working_time_between(b, a)


@settings(max_examples=100, deadline=None, database=None)
@given(received=moments)
def test_clock_start_is_a_working_moment(received: datetime) -> None:
    start, reasons = PROPERTY_CAL.clock_start(received)
    assert PROPERTY_CAL.is_working_day(start.date())
    assert any(s <= start.time() < e for s, e in PROPERTY_CAL.hours.segments)
    local = PROPERTY_CAL.to_local(received)
    assert start >= local.replace(second=0, microsecond=0)
    if start.date() > local.date() and PROPERTY_CAL.is_working_day(local.date()):
        assert reasons in (("cutoff",), ("outside_hours",))
