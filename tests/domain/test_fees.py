"""Fees and the queue ticket: what the officer types, and what the border accepts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from motcua_desk.domain import fees
from motcua_desk.domain.errors import ValidationError
from motcua_desk.domain.fees import fee_problem


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("20000", 20000),
        ("20.000", 20000),
        ("20,000", 20000),
        ("20 000 đ", 20000),
        ("1.234.567", 1234567),
        ("0", 0),
        (15000, 15000),
        ("10000VND", 10000),
        (" 5000 ", 5000),
    ],
)
def test_amounts_as_typed(typed, amount):
    assert fees.fee_amount(typed) == amount


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("-5000", "fee_negative"),
        (-1, "fee_negative"),
        ("abc", "fee_not_number"),
        ("12.5", "fee_not_number"),
        ("1e5", "fee_not_number"),
        ("", "fee_not_number"),
        ("２０００", "fee_not_number"),
        (True, "fee_not_number"),
        ("20.00", "fee_not_number"),
        ("1000000001", "fee_too_large"),
        (None, "fee_not_number"),
    ],
)
def test_bad_amounts(typed, code):
    with pytest.raises(ValidationError) as err:
        fees.fee_amount(typed)
    assert err.value.code == code


@pytest.mark.parametrize(
    ("typed", "method"),
    [
        ("cash", "cash"),
        ("Tiền mặt", "cash"),
        ("tien mat", "cash"),
        ("CHUYỂN KHOẢN", "transfer"),
        ("ck", "transfer"),
        ("Thẻ", "card"),
        ("miễn", "exempt"),
    ],
)
def test_methods(typed, method):
    assert fees.fee_method(typed) == method


def test_payment_rules():
    assert fees.payment("10.000", "cash", "1C26TAA-12") == {
        "amount": 10000,
        "method": "cash",
        "receipt_ref": "1C26TAA-12",
    }
    assert fees.payment(0, "miễn") == {"amount": 0, "method": "exempt"}
    for amount, method, code in (
        (5000, "exempt", "fee_exempt_amount"),
        (0, "cash", "fee_zero"),
        (5000, "bitcoin", "fee_method"),
    ):
        with pytest.raises(ValidationError) as err:
            fees.payment(amount, method)
        assert err.value.code == code


@pytest.mark.parametrize(
    ("typed", "stored"), [("a023", "A023"), (" B-105 ", "B-105"), ("", ""), ("Q1.034", "Q1.034")]
)
def test_tickets(typed, stored):
    assert fees.queue_ticket(typed) == stored


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("A" * 13, "ticket_too_long"),
        ("A\x07", "control_char"),
        ("A 1", "ticket_format"),
        ("A--1", "ticket_format"),
        ("Số1", "ticket_format"),
    ],
)
def test_bad_tickets(typed, code):
    with pytest.raises(ValidationError) as err:
        fees.queue_ticket(typed)
    assert err.value.code == code


@pytest.mark.parametrize(
    ("scan", "ticket"),
    [
        ("A023", True),
        ("B-105", True),
        ("Q01-000123", True),
        ("0042", True),
        ("000.17.22.H56-261123-0001", False),
        ("001089012345", False),
        ("0912345678", False),
        ("001089012345|123456789|Nguyễn Văn An|15031989|Nam|Hà Nội|01012021", False),
        ("", False),
    ],
)
def test_what_a_scan_of_a_ticket_looks_like(scan, ticket):
    assert fees.looks_like_ticket(scan) is ticket


@given(st.text(max_size=40))
def test_ticket_validation_never_raises_anything_but_validation_error(text):
    try:
        stored = fees.queue_ticket(text)
    except ValidationError:
        return
    assert len(stored) <= fees.TICKET_MAX
    assert stored == "" or fees.TICKET_RE.match(stored)


@given(st.integers(min_value=0, max_value=fees.FEE_MAX), st.sampled_from(fees.FEE_METHODS))
def test_every_payment_the_desk_makes_passes_the_border(amount, method):
    try:
        p = fees.payment(amount, method)
    except ValidationError:
        assert (method == "exempt") != (amount == 0)
        return
    assert fee_problem(p, need_payment=True) == ""
