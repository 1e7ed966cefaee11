"""The stored form of a moment (store.types.utc_text) against the formula it replaced, over any
aware moment: any offset, any tzinfo object, the calendar's ends."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from motcua_desk.store.types import UtcDateTime, utc_moment, utc_text


def reference(value: datetime) -> str:
    if value.utcoffset() != timedelta(0):
        value = value.astimezone(UTC)
    return value.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def outcome(fn, value):
    try:
        return fn(value)
    except (OverflowError, ValueError) as err:
        return type(err)


offsets = st.builds(
    timezone,
    st.timedeltas(
        min_value=timedelta(hours=-23, minutes=-59), max_value=timedelta(hours=23, minutes=59)
    ),
)
zones = st.sampled_from(
    [
        UTC,
        timezone(timedelta(0)),
        ZoneInfo("UTC"),
        ZoneInfo("Asia/Ho_Chi_Minh"),
        ZoneInfo("America/St_Johns"),
    ]
)


@given(st.datetimes(timezones=st.one_of(offsets, zones)))
def test_same_text_as_the_formula_it_replaced(moment):
    assert outcome(utc_text, moment) == outcome(reference, moment)


@given(
    st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=offsets)
)
def test_reads_back_as_the_same_moment(moment):
    text = utc_text(moment)
    assert len(text) == 26
    assert UtcDateTime().process_result_value(text, None) == moment


def old_read(text: str) -> datetime:
    """How a stored moment was read before store.types.utc_moment."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def both_ways(text: str):
    """(utc_moment's outcome, the old formula's), each a moment with its zone or an error."""

    def run(fn):
        try:
            value = fn(text)
        except (ValueError, TypeError) as err:
            return type(err)
        return value, value.tzinfo is UTC, value.utcoffset()

    return run(utc_moment), run(old_read)


@given(
    st.datetimes(),
    st.sampled_from(["auto", "hours", "minutes", "seconds", "milliseconds", "microseconds"]),
    st.sampled_from([" ", "T"]),
)
def test_stored_forms_read_as_the_formula_they_replaced(moment, timespec, sep):
    text = moment.isoformat(sep=sep, timespec=timespec)
    fast, old = both_ways(text)
    assert fast == old
    assert fast[1] is True  # the same zone object: UTC itself


@given(
    st.one_of(
        st.text(max_size=40),
        st.text(alphabet="0123456789-:+. TZz", max_size=40),
        st.datetimes(timezones=offsets).map(str),
        st.datetimes().map(lambda d: str(d) + "Z"),
    )
)
def test_any_text_reads_as_the_formula_it_replaced(text):
    """Hand-edited rows too: a text with an offset of its own, a date alone, garbage."""
    assert both_ways(text)[0] == both_ways(text)[1]
