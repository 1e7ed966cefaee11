"""domain.schema.bad_character: the first control or invisible character of a text. Its fast
path (str.isprintable, one C call) must never let a bad character through: checked over every
code point, and over texts mixing Vietnamese with one bad character anywhere."""

from __future__ import annotations

import sys
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from motcua_desk.domain.schema import _BAD_CATEGORIES, bad_character

BAD = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) in _BAD_CATEGORIES]


def test_no_bad_character_is_printable_to_python():
    assert len(BAD) > 130_000  # controls, format characters, surrogates, private use
    assert not any(ch.isprintable() for ch in BAD)


@given(
    text=st.text(
        alphabet=st.characters(
            codec="utf-8", exclude_categories=["Cc", "Cf", "Cs", "Co", "Zl", "Zp"]
        ),
        max_size=60,
    ),
    bad=st.sampled_from(BAD[:5000] + BAD[-50:]),
    at=st.floats(0, 1),
)
def test_the_first_bad_character_is_found_wherever_it_is(text, bad, at):
    assert bad_character(text) == ""
    i = int(len(text) * at)
    assert bad_character(text[:i] + bad + text[i:]) == bad
    assert bad_character("Nguyễn Thị Ánh " + bad) == bad
