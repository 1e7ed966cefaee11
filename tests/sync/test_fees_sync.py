"""Fees, the queue ticket and the applicant's date of birth and sex travel like any event: made
on one desk, they appear on the other (projection columns, search, the cash sheet); a
malformed fee or ticket from another desk is refused by the hub and, served anyway,
quarantined by each desk, which goes on."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from motcua_desk.domain import schema
from tests.helpers import FakeClock
from tests.sync.forge import Forger, inject, received_payload, seal
from tests.sync.helpers import HubThread, assert_converged, make_desk, register, sync_all

TEN_MIN = 10 * 60 * 1000


def test_fees_ticket_birth_date_and_sex_appear_on_the_other_desk(hub, desks):
    a, b = desks[:2]
    register(hub, [a, b])
    d = a.intake(
        "Trần Thị Bích Ngọc",
        procedure="2.000884",
        id_number="026195004321",
        birth_date="02/11/1995",
        sex="female",
        ticket="A023",
        fee_paid="10.000",
        fee_method="cash",
    ).dossier
    sync_all(hub.url, [a, b])
    # the e-receipt's reference arrives later on the desk that took the money; a second
    # payment is made at the other desk
    a.clock.advance(minutes=2)
    a.services.dossiers.record_fee(d.code, receipt_ref="1C26TAA-0000123")
    b.clock.advance(minutes=3)
    b.services.dossiers.record_fee(d.code, amount=5_000, method="transfer")
    sync_all(hub.url, [a, b])
    for desk in (a, b):
        seen = desk.services.dossiers.find_by_code(d.code).dossier
        assert (seen.birth_date, seen.sex, seen.ticket) == ("1995-11-02", "female", "A023")
        assert (seen.fee_paid, seen.fee_method, seen.receipt_ref) == (
            15_000,
            "transfer",
            "1C26TAA-0000123",
        )
        assert [(f.amount, f.receipt_ref) for f in seen.fees] == [
            (10_000, "1C26TAA-0000123"),
            (5_000, ""),
        ]
        (row,) = desk.services.dossiers.search("tran ngoc 02/11/1995")
        assert (row.code, row.ticket, row.fee_paid, row.birth_date) == (
            d.code,
            "A023",
            15_000,
            "1995-11-02",
        )
    day = a.clock().date()
    sheets = [desk.services.dossiers.cash_sheet(day) for desk in (a, b)]
    assert sheets[0] == sheets[1]
    assert sheets[0].total == 15_000
    assert {o.officer for o in sheets[0].officers} == {
        a.services.settings.agency().officer,
        b.services.settings.agency().officer,
    }
    assert_converged([a, b])


@pytest.fixture
def office(tmp_path):
    clock = FakeClock()
    hub = HubThread(str(tmp_path / "hub.sqlite3"), clock=clock, max_clock_ahead_ms=TEN_MIN)
    desks = [make_desk(tmp_path, n, clock) for n in (1, 2)]
    register(hub, desks)
    forger = Forger(hub.url, hub.store.add_desk("Quầy 4", 4)[1])
    yield hub, desks, forger
    for d in desks:
        d.close()
    hub.stop()


def _received(**changes) -> dict:
    p = received_payload(1)
    p.update(changes)
    return p


BAD = {
    "negative fee": lambda f: f.event(payload=_received(fee={"amount": -5000, "method": "cash"})),
    "fee as text": lambda f: f.event(payload=_received(fee={"amount": "10.000", "method": "cash"})),
    "unknown method": lambda f: f.event(payload=_received(fee={"amount": 1, "method": "gold"})),
    "exempt with money": lambda f: f.event(
        payload=_received(fee={"amount": 9, "method": "exempt"})
    ),
    "fee without method": lambda f: f.event(payload=_received(fee={"amount": 10})),
    "ticket too long": lambda f: f.event(payload=_received(ticket="A" * 40)),
    "ticket with a control char": lambda f: f.event(payload=_received(ticket="A\u0007")),
    "birth date not a date": lambda f: f.event(
        payload=_received(
            applicant={**received_payload(1)["applicant"], "birth_date": "15/03/1985"}
        )
    ),
    "sex unknown": lambda f: f.event(
        payload=_received(applicant={**received_payload(1)["applicant"], "sex": "x"})
    ),
    "fee_recorded empty": lambda f: f.event("fee_recorded", {}),
    "fee_recorded negative": lambda f: f.event("fee_recorded", {"amount": -1, "method": "cash"}),
    "fee_recorded float": lambda f: f.event("fee_recorded", {"amount": 1.5, "method": "cash"}),
}


@pytest.mark.parametrize("what", list(BAD))
def test_a_malformed_fee_or_ticket_is_refused_and_quarantined(office, what):
    hub, (a, b), forger = office
    a.intake("Trần Thị Bình")
    first = forger.event()
    bad = BAD[what](
        Forger(
            hub.url,
            "",
            node=forger.node,
            head=1,
            prev=first["hash"],
            made=50,
            dossiers=[first["dossier_id"]],
        )
    )
    bad = seal(bad)
    assert schema.problems(bad), what
    results = forger.push(first, bad)
    assert [r.status for r in results] == ["accepted", "rejected"]
    assert results[1].reason == "invalid_event"
    inject(hub.store, bad)  # a hub that stored it anyway
    a.intake("Lê Văn Cường")
    for _ in range(2):
        for d in (a, b):
            assert d.sync(hub.url).cursor == hub.store.head()
    conn = sqlite3.connect(b.path)
    try:
        reasons = dict(conn.execute("SELECT event_id, reason FROM quarantine"))
    finally:
        conn.close()
    assert reasons[bad["id"]] == "invalid_event"
    assert_converged([a, b])
    assert b.services.dossiers.cash_sheet(date(2026, 11, 23)).total == 0
