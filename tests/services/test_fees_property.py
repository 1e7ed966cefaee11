"""Sizes: names up to the limit, tickets up to 12 characters, amounts up to 1 tỷ đồng, receipt
references up to 60 characters, recorded at intake and after it: what is stored is what was
said, the projection columns agree with the fold (verify finds nothing), the cash sheet adds
up, and a value one past a limit is refused without writing anything."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from motcua_desk.domain import fees
from motcua_desk.domain.errors import ValidationError
from motcua_desk.domain.validation import NAME_MAX
from motcua_desk.services import IntakeRequest
from motcua_desk.services.integrity import IntegrityService

LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyạảãáàệộ"
names = (
    st.text(st.sampled_from(LETTERS + " "), min_size=2, max_size=NAME_MAX)
    .map(lambda s: s.strip())
    .filter(lambda s: len(s.replace(" ", "")) >= 2)
)
tickets = st.from_regex(r"[0-9A-Z]{1,4}(-[0-9A-Z]{1,7})?", fullmatch=True)
refs = st.from_regex(r"[0-9A-Z][0-9A-Z/.-]{0,59}", fullmatch=True)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    name=names,
    ticket=tickets,
    amount=st.integers(1, fees.FEE_MAX),
    ref=refs,
    later=st.integers(1, fees.FEE_MAX),
    method=st.sampled_from(("cash", "transfer", "card")),
)
def test_sizes_round_trip_and_verify(services, name, ticket, amount, ref, later, method):
    d = services.dossiers
    made = d.intake(
        IntakeRequest(
            "2.000884",
            name,
            ticket=ticket,
            fee_paid=fees.vnd(amount),
            fee_method=method,
            receipt_ref=ref,
        )
    ).dossier
    after = d.record_fee(made.code, amount=later, method="cash").dossier
    assert (made.ticket, made.fee_paid, made.receipt_ref) == (ticket, amount, ref)
    assert after.fee_paid == amount + later and after.fee_method == "cash"
    row = next(r for r in d.search(made.code) if r.code == made.code)
    assert (row.ticket, row.fee_paid, row.receipt_ref, row.fee_method) == (
        ticket,
        amount + later,
        ref,
        "cash",
    )
    day = made.received_at.date()
    sheet = d.cash_sheet(day)
    assert sheet.total == sum(r.amount for r in sheet.rows)
    assert {(r.code, r.amount) for r in sheet.rows} >= {(made.code, amount), (made.code, later)}
    report = IntegrityService.from_services(services).verify()
    assert report.break_count == 0, report.breaks


@pytest.mark.parametrize(
    "kw",
    [
        {"applicant_name": "A" * (NAME_MAX + 1)},
        {"ticket": "A" * (fees.TICKET_MAX + 1)},
        {"fee_paid": fees.FEE_MAX + 1},
        {"fee_paid": -1},
        {"fee_paid": "1", "receipt_ref": "R" * 61},
    ],
)
def test_one_past_each_limit_is_refused_and_nothing_written(services, kw):
    args = {"procedure_code": "2.000884", "applicant_name": "Trần Văn Bình", **kw}
    with pytest.raises(ValidationError):
        services.dossiers.intake(IntakeRequest(**args))
    assert services.dossiers.search("") == []
