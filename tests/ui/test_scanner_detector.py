"""The pure scan detector: keys and timestamps in, decisions out (no Qt, no clock)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from motcua_desk.ui.scanner import ENTER, ScanDetector

CODE = "000.17.22.H56-261123-0001"


def feed_all(detector: ScanDetector, text: str, start: float, gap: float):
    decisions = []
    t = start
    for ch in text:
        decisions.append(detector.feed(ch, t))
        t += gap
    decisions.append(detector.feed(ENTER, t))
    return decisions


def test_a_fast_burst_ending_in_enter_is_a_scan():
    d = ScanDetector()
    decisions = feed_all(d, CODE, 10.0, 0.005)
    assert all(x.hold for x in decisions[:-1])
    assert not any(x.flush for x in decisions)
    scan = decisions[-1].scan
    assert scan is not None and scan.code == CODE and not scan.repeated
    assert abs(scan.duration - 0.005 * len(CODE)) < 1e-9


def test_human_typing_is_never_a_scan_and_is_given_back():
    d = ScanDetector()
    decisions = feed_all(d, "nguyen van an 0912345678", 5.0, 0.110)
    assert all(x.scan is None for x in decisions)
    # every key after the first gives the previous one back; Enter passes and flushes
    assert all(x.flush for x in decisions[1:])
    assert not decisions[-1].hold


def test_a_short_fast_burst_is_not_a_scan():
    d = ScanDetector()
    decisions = feed_all(d, "ab12", 1.0, 0.004)
    assert decisions[-1].scan is None and decisions[-1].flush and not decisions[-1].hold


def test_a_pause_inside_the_burst_breaks_it():
    d = ScanDetector()
    first = [d.feed(ch, 1.0 + 0.005 * i) for i, ch in enumerate(CODE[:10])]  # no Enter
    assert all(x.hold for x in first)
    late = d.feed(CODE[10], 1.0 + 0.005 * 9 + 0.2)  # 200 ms later: a new burst
    assert late.flush and late.hold
    for i, ch in enumerate(CODE[11:], 1):
        d.feed(ch, 1.0 + 0.005 * 9 + 0.2 + 0.005 * i)
    end = d.feed(ENTER, 1.0 + 0.005 * 9 + 0.2 + 0.005 * (len(CODE) - 10))
    assert end.scan is not None and end.scan.code == CODE[10:]


def test_the_same_code_within_the_repeat_window_is_a_double_scan():
    d = ScanDetector(repeat_window=3.0)
    assert feed_all(d, CODE, 1.0, 0.005)[-1].scan.repeated is False
    assert feed_all(d, CODE, 2.5, 0.005)[-1].scan.repeated is True
    assert feed_all(d, CODE, 9.0, 0.005)[-1].scan.repeated is False
    other = "000.17.22.H56-261123-0011"
    assert feed_all(d, other, 9.5, 0.005)[-1].scan.repeated is False


def test_interrupt_gives_back_what_was_held():
    d = ScanDetector()
    assert d.feed("a", 1.0).hold
    assert d.interrupt().flush
    assert not d.interrupt().flush
    assert not d.holding


def test_clock_going_backwards_breaks_the_burst():
    d = ScanDetector()
    d.feed("a", 5.0)
    assert d.feed("b", 4.0).flush


printable = st.characters(min_codepoint=33, max_codepoint=126)


@given(st.text(printable, min_size=8, max_size=60), st.floats(min_value=0.0005, max_value=0.035))
def test_property_any_fast_burst_of_eight_or_more_is_the_exact_code(code, gap):
    d = ScanDetector()
    scan = feed_all(d, code, 100.0, gap)[-1].scan
    assert scan is not None and scan.code == code


@given(
    st.text(printable, min_size=1, max_size=40),
    st.lists(st.floats(min_value=0.036, max_value=2.0), min_size=40, max_size=40),
)
def test_property_no_gap_above_the_threshold_ever_makes_a_scan(text, gaps):
    d = ScanDetector()
    t = 0.0
    for ch, gap in zip(text, gaps, strict=False):
        t += gap
        assert d.feed(ch, t).scan is None
    assert d.feed(ENTER, t + gaps[-1]).scan is None
