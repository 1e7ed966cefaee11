"""A scan with one pause in it (a scanner typing Vietnamese letters as Alt codes pauses now
and then): still one scan, and no part of it ever lands in the focused field."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from motcua_desk.ui.scanner import BURST_GAP, ENTER, MAX_GAP, MIN_LENGTH, ScanDetector
from tests.domain.test_cccd import NO_OLD_ID
from tests.ui.helpers import press, type_like_a_human

# the brief's card, with a valid 12-digit ID so that it fills the intake
CARD = "001099012345|123456789|Trần Thị Bích Ngọc|15081990|Nữ|Số 5 thôn Đông|01012021"


def feed_split(
    detector: ScanDetector, code: str, split: int, gap: float, pause: float, start: float = 50.0
):
    """`code` at `gap` a key with one `pause` before key number `split`, then Enter."""
    decisions = []
    t = start
    for i, ch in enumerate(code):
        if i:
            t += pause if i == split else gap
        decisions.append(detector.feed(ch, t))
    decisions.append(detector.feed(ENTER, t + (pause if split == len(code) else gap)))
    return decisions


def test_a_pause_after_eight_scanner_keys_keeps_the_burst():
    d = ScanDetector()
    decisions = feed_split(d, CARD, 14, 0.005, 0.120)
    assert not any(x.flush for x in decisions)  # nothing was given back to the field
    assert decisions[-1].scan is not None and decisions[-1].scan.code == CARD


def test_a_pause_before_eight_keys_still_breaks_the_burst():
    d = ScanDetector()
    decisions = feed_split(d, CARD, MIN_LENGTH - 1, 0.005, 0.060)
    assert decisions[MIN_LENGTH - 1].flush  # a human's few fast keys: given back
    assert decisions[-1].scan.code == CARD[MIN_LENGTH - 1 :]


def test_a_pause_of_exactly_the_tolerance_in_whole_ms_keeps_the_burst():
    d = ScanDetector()
    ms = 1_000_000
    for ch in CARD[:8]:
        ms += 5
        d.feed(ch, ms / 1000)
    ms += int(BURST_GAP * 1000)
    assert not d.feed(CARD[8], ms / 1000).flush


def test_a_pause_longer_than_the_tolerance_breaks_it():
    d = ScanDetector()
    decisions = feed_split(d, CARD, 20, 0.005, BURST_GAP + 0.01)
    assert decisions[20].flush
    assert decisions[-1].scan.code == CARD[20:]


def test_the_allowed_gap_grows_only_once_the_burst_is_a_scanners():
    d = ScanDetector()
    for i in range(MIN_LENGTH - 1):
        d.feed("a", 1.0 + 0.005 * i)
        assert d.allowed_gap == MAX_GAP
    d.feed("a", 1.0 + 0.005 * MIN_LENGTH)
    assert d.allowed_gap == BURST_GAP
    d.interrupt()
    assert d.allowed_gap == MAX_GAP


def test_human_typing_at_any_pace_never_reaches_the_longer_gap():
    """Fast typing with rollover (two keys 12 ms apart, then 80-140 ms): never a scan."""
    d = ScanDetector()
    t = 0.0
    for i, ch in enumerate("nguyen van an thon 3 xa vi huong"):
        t += 0.012 if i % 2 else 0.080
        assert d.feed(ch, t).scan is None
        assert d.allowed_gap == MAX_GAP
    assert d.feed(ENTER, t + 0.02).scan is None


payload_chars = st.characters(
    min_codepoint=32, max_codepoint=0x1EF9, blacklist_categories=("Cs", "Cc", "Cn", "Zl", "Zp")
)


@given(
    code=st.text(payload_chars, min_size=MIN_LENGTH + 2, max_size=200),
    data=st.data(),
    gap=st.floats(min_value=0.0005, max_value=0.020),
    pause=st.floats(min_value=MAX_GAP + 0.001, max_value=BURST_GAP),
)
def test_property_a_split_scan_is_one_scan_and_nothing_is_given_back(code, data, gap, pause):
    split = data.draw(st.integers(min_value=MIN_LENGTH, max_value=len(code)), label="split")
    d = ScanDetector()
    decisions = feed_split(d, code, split, gap, pause)
    assert not any(x.flush for x in decisions)
    assert all(x.hold for x in decisions)
    assert decisions[-1].scan is not None and decisions[-1].scan.code == code


# --- in the window ------------------------------------------------------------------------------


def scan_split(window, code: str, clock, split: int, pause_ms: float, gap_ms: float = 5):
    clock.advance(5000)  # past the double-scan window
    for i, ch in enumerate(code):
        press(window, ch, clock, 0 if i == 0 else (pause_ms if i == split else gap_ms))
    press(window, "\r", clock, gap_ms)


def test_a_split_card_scan_fills_the_intake_and_leaves_the_search_box_empty(
    window, key_clock, qtbot
):
    view = window.intake_view
    ui = view.ui
    ui.procedureSearch.setFocus()
    scan_split(window, CARD, key_clock, split=CARD.index("ầ"), pause_ms=110)
    qtbot.waitUntil(lambda: ui.idEdit.text() == "001099012345", timeout=3000)
    assert ui.nameEdit.text() == "Trần Thị Bích Ngọc"
    assert ui.procedureSearch.text() == ""  # no part of the card in "Thủ tục"
    assert window.message_bar.level != "warning"


def test_the_filter_waits_the_longer_gap_before_giving_keys_back(window, key_clock, qtbot):
    ui = window.intake_view.ui
    ui.procedureSearch.setFocus()
    key_clock.advance(2000)
    for i, ch in enumerate(NO_OLD_ID[:MIN_LENGTH]):
        press(window, ch, key_clock, 0 if i == 0 else 5)
    # the keys are held: the timer that gives them back waits past the longer gap
    assert window.scanner._timer.isActive()
    assert window.scanner._timer.interval() >= BURST_GAP * 1000
    press(window, "\r", key_clock, 5)  # ends it (a scan; what it is does not matter here)
    assert ui.procedureSearch.text() == ""


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@example(split=MIN_LENGTH, pause_ms=int(BURST_GAP * 1000))  # the bound itself, in whole ms
@given(
    split=st.integers(min_value=MIN_LENGTH, max_value=len(CARD) - 1),
    pause_ms=st.integers(min_value=int(MAX_GAP * 1000) + 1, max_value=int(BURST_GAP * 1000)),
)
def test_property_split_card_in_the_window(window, key_clock, qtbot, split, pause_ms):
    ui = window.intake_view.ui
    ui.idEdit.clear()
    ui.procedureSearch.clear()
    ui.procedureSearch.setFocus()
    scan_split(window, CARD, key_clock, split=split, pause_ms=pause_ms)
    qtbot.waitUntil(lambda: ui.idEdit.text() == "001099012345", timeout=3000)
    assert ui.procedureSearch.text() == ""


def test_a_human_typing_into_the_box_is_untouched(window, key_clock, qtbot):
    box = window.intake_view.ui.procedureSearch
    box.setFocus()
    type_like_a_human(window, "khai sinh", key_clock, gap_ms=90)
    qtbot.waitUntil(lambda: box.text() == "khai sinh", timeout=2000)
