"""Dossier codes, Vietnamese folding and intake validation."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from motcua_desk.domain import codes, validation
from motcua_desk.domain.errors import ValidationError
from motcua_desk.domain.text import fold, nfc, search_terms


def test_code_format_matches_the_regulation_example():
    assert codes.make_code("000.17.22.H56", date(2021, 5, 31), 1, 1) == "000.17.22.H56-210531-0001"
    parsed = codes.parse(" 000.17.22.h56-210531-0001\r\n")
    assert (parsed.agency_id, parsed.day, parsed.sequence) == (
        "000.17.22.H56",
        date(2021, 5, 31),
        1,
    )


def test_sequence_grows_past_four_digits_without_colliding():
    assert codes.sequence_for(3, 1000) == 9993
    assert codes.make_code("A.B", date(2026, 1, 2), 3, 1001).endswith("-10003")
    assert codes.parse("A.B-260102-10003").desk_no() == 3


@settings(max_examples=300, deadline=None, database=None)
@given(
    slots=st.sampled_from([10, 100]),
    desks=st.sets(st.integers(1, 9), min_size=2, max_size=9),
    counts=st.lists(st.integers(1, 1500), min_size=9, max_size=9),
)
def test_codes_from_several_desks_never_collide(slots, desks, counts):
    issued = set()
    for desk, count in zip(sorted(desks), counts, strict=False):
        for nth in range(1, count + 1, max(1, count // 40)):
            code = codes.make_code("000.17.22.H56", date(2026, 11, 23), desk, nth, slots)
            assert code not in issued
            issued.add(code)
            assert codes.parse(code).desk_no(slots) == desk


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "x",
        "000.17.22.H56-261323-0001",
        "000.17.22.H56-261123-01",
        "000.17.22.H56 261123 01",
        "000.17.22 H56-261123-0001",
        "000.17.22.H56--261123-0001",
    ],
)
def test_parse_refuses_what_is_not_a_code(bad):
    with pytest.raises(ValidationError):
        codes.parse(bad)


@pytest.mark.parametrize(
    "typed",
    [
        "000.17.22.H56-261123-0001",
        " 000.17.22.h56 - 261123 - 0001 ",
        "000.17.22.H56 -261123-  0001",
        "000.17.22.H56 261123 0001",
        "000.17.22.h56  261123   0001\r\n",
    ],
)
def test_a_code_typed_with_spaces_is_the_code(typed):
    """By hand, off a slip: spaces around the dashes, or spaces for them."""
    assert codes.normalize(typed) == "000.17.22.H56-261123-0001"
    assert codes.looks_like_code(typed)


@given(st.text(alphabet="0123456789.-ABH ", max_size=40))
def test_normalised_text_never_holds_a_space_next_to_a_dash(text):
    clean = codes.normalize(text)
    assert " -" not in clean and "- " not in clean
    assert codes.normalize(clean) == clean  # once is enough


def test_fold_handles_d_stroke_case_and_decomposed_input():
    name = "Nguyễn Văn Đức"
    assert fold(name) == "nguyen van duc"
    assert fold(unicodedata.normalize("NFD", name)) == "nguyen van duc"
    assert fold("ĐẶNG  THỊ   HẰNG") == "dang thi hang"
    assert search_terms("  Đặng, thị-Hằng ") == ["dang", "thi", "hang"]
    assert nfc(unicodedata.normalize("NFD", "Hằng")) == "Hằng"
    assert unicodedata.is_normalized("NFC", nfc(unicodedata.normalize("NFD", "Địa Cát")))


@pytest.mark.parametrize(
    "value,expected",
    [("001 234 567 890", "001234567890"), ("", ""), ("012.345.678.901", "012345678901")],
)
def test_citizen_id_accepts_twelve_digits(value, expected):
    assert validation.citizen_id(value) == expected


@pytest.mark.parametrize("value", ["12345678901", "1234567890123", "01234567890a"])
def test_citizen_id_refuses_anything_else(value):
    with pytest.raises(ValidationError, match="12 digits"):
        validation.citizen_id(value)


@pytest.mark.parametrize(
    "value,expected",
    [
        ("0912 345 678", "0912345678"),
        ("+84912345678", "0912345678"),
        ("0209.3855.123", "02093855123"),
    ],
)
def test_phone_normalised(value, expected):
    assert validation.phone(value) == expected


@pytest.mark.parametrize("value", ["12345", "0112345678", "091234567", "09123456789"])
def test_malformed_phone_refused(value):
    with pytest.raises(ValidationError):
        validation.phone(value)


@pytest.mark.parametrize(
    "value", ["", "   ", "x" * 101, "12345678", "A", "Nguyễn <script>", "Nguyễn\tVăn\x00"]
)
def test_empty_or_absurd_names_refused(value):
    with pytest.raises(ValidationError):
        validation.applicant_name(value)


def test_names_are_stored_nfc_and_trimmed():
    raw = unicodedata.normalize("NFD", "  Nguyễn Thị   Hằng Đặng ")
    assert validation.applicant_name(raw) == "Nguyễn Thị Hằng Đặng"
    assert validation.applicant_name("Công ty TNHH Hòa Bình (chi nhánh 2)")
