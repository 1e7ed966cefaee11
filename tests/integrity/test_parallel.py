"""The contents pass over several processes (verify with jobs=2) finds exactly what one process
finds: the same breaks in the same order, the same counts, on real tampered files; and a
checking process that cannot do its share leaves it to the caller, which checks it itself."""

from __future__ import annotations

import logging

import pytest

from motcua_desk.app import open_services
from motcua_desk.services import integrity as integrity_module
from motcua_desk.services.integrity import IntegrityService
from tests.integrity.conftest import one, sql
from tests.integrity.test_property import _mutate

CASES = [
    None,  # intact
    ("event", 3, 9),  # a payload edited
    ("event", 11, 8),  # an officer edited
    ("event", 17, 6),  # an occurred_at edited
    ("delete_event", 5, 0),
    ("dossier", 2, 2),  # a status edited
    ("dossier", 6, 16),  # received_at edited
    ("delete_dossier", 4, 0),
    ("desk", 0, 1),
]


def _report(path, jobs):
    svc = open_services(path, create=False)
    try:
        got = IntegrityService.from_services(svc).verify(jobs=jobs)
    finally:
        svc.close()
    return ([b.to_dict() for b in got.breaks], got.break_count, got.events, got.dossiers, got.nodes)


@pytest.mark.parametrize("case", CASES)
def test_two_processes_find_what_one_finds(office, monkeypatch, caplog, case):
    monkeypatch.setattr(integrity_module, "PARALLEL_MIN_EVENTS", 0)  # split even 8 dossiers
    path = office["desk2"]  # its own chain and desk 1's
    if case is not None:
        _mutate(path, *case)
    # rows of a dossier with no events and events of a dossier with no row, at both ends
    sql(
        path,
        "INSERT INTO dossiers SELECT NULL, '00000000' || substr(id, 9), code || '-x', status, "
        "national_status, procedure_code, procedure_name, field, department, applicant_name, "
        "search_name, id_number, phone, address, email, sets, channel, received_at, due_at, "
        "original_due_at, result_at, returned_at, returned_to, return_method, location, "
        "location_since, desk_no, ledger_year, ledger_number, supplement_count, extended, "
        "conflict_count, event_count, last_hlc, applicant_birth_date, applicant_sex, "
        "queue_ticket, fee_paid, fee_method, fee_receipt_ref, facets FROM dossiers ORDER BY id LIMIT 1",
    )
    sql(
        path,
        "UPDATE events SET dossier_id = 'ffffffff' || substr(dossier_id, 9) WHERE "
        "rowid = (SELECT max(rowid) FROM events)",
    )
    single = _report(path, 1)
    with caplog.at_level(logging.DEBUG, logger="motcua.integrity"):
        double = _report(path, 2)
    assert double == single
    assert single[1] > 0  # (the two rows added above are breaks)
    shared = [r.getMessage() for r in caplog.records if "dossier ranges" in r.getMessage()]
    assert shared and "by 1 other process" in shared[0]


def _parts(path, monkeypatch, worker_path=None):
    """verify's contents pass over two processes, the other one given `worker_path`."""
    from motcua_desk.domain.integrity import BreakList

    svc = open_services(path, create=False)
    try:
        with svc._store.read() as session:
            raw = integrity_module._raw(session)
            breaks = BreakList()
            counts = integrity_module._Counts()
            integrity_module._parallel_contents(
                raw, worker_path or path, 2, breaks, counts, set(), None, 1000, lambda: 0
            )
    finally:
        svc.close()
    return [b.to_dict() for b in breaks.kept], breaks.count, counts.events, counts.dossiers


def test_a_process_that_fails_or_cannot_start_leaves_its_share_to_the_caller(
    office, monkeypatch, caplog
):
    monkeypatch.setattr(integrity_module, "PARALLEL_MIN_EVENTS", 0)
    path = office["desk1"]
    sql(
        path,
        "UPDATE dossiers SET location = 'nowhere' WHERE id = ?",
        (one(path, "SELECT id FROM dossiers ORDER BY id DESC LIMIT 1")[0],),
    )
    single = _report(path, 1)
    assert single[1] == 1
    expected = (single[0], single[1], single[2], single[3])
    with caplog.at_level(logging.DEBUG, logger="motcua.integrity"):
        # the other process cannot open the database: it says so, this one checks it all
        assert _parts(path, monkeypatch, path.with_name("missing.sqlite3")) == expected
        assert any("checking process failed" in r.getMessage() for r in caplog.records)
        assert any("0 of them checked by 1 other" in r.getMessage() for r in caplog.records)
        caplog.clear()
        # the other process cannot even start (its target cannot be sent to it)
        monkeypatch.setattr(integrity_module, "_contents_worker", lambda *a: None)
        assert _parts(path, monkeypatch) == expected
        assert any("cannot start a checking process" in r.getMessage() for r in caplog.records)
