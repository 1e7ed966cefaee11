"""store.numbering: a code and a ledger number are never issued twice, even when the counters
come back older than the dossiers (a restored backup, then the hub's dossiers given back)."""

from __future__ import annotations

import sqlite3

from motcua_desk.services import IntakeRequest


def _intake(services):
    return services.dossiers.intake(IntakeRequest("1.004873", "Nguyễn Văn An")).dossier


def test_counters_behind_the_table_never_reissue(services, db_path):
    first = [_intake(services) for _ in range(3)]
    assert [d.code[-4:] for d in first] == ["0001", "0011", "0021"]
    assert [d.ledger_number for d in first] == [1, 2, 3]
    with sqlite3.connect(db_path) as con:  # the counters as an old backup holds them
        assert con.execute("UPDATE sequences SET value = 0").rowcount == 2
    d = _intake(services)
    assert (d.code[-4:], d.ledger_number) == ("0031", 4)
    with sqlite3.connect(db_path) as con:  # counters ahead of the table (dossiers lost) win
        con.execute("UPDATE sequences SET value = 9")
    d = _intake(services)
    assert (d.code[-4:], d.ledger_number) == ("0091", 10)  # the 10th of desk 1 (of 10 slots)
