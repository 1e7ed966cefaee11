"""The scan's read (repo.scan_read: one statement, stored values converted in Python) against
the events' general read (repo.events_where: SQL functions convert them), on every dossier of a
desk, including rows edited by hand into shapes the store never writes."""

from __future__ import annotations

import sqlite3

import pytest

from motcua_desk.app import open_services
from motcua_desk.store import repo
from motcua_desk.store.payload_codec import install_for
from tests.helpers import desk_with_events


def _both(svc, code: str):
    store = svc._store
    with store.read() as session:
        key = repo.dossier_key(session, code)
        general = repo.events_where(session, "dossier_id = ? ORDER BY hlc", (key[0],))
    return store.scan(code), (key[0], key[1], general)


@pytest.fixture
def desk(tmp_path, clock):
    db = tmp_path / "desk.sqlite3"
    # 600 dossiers, two events each: past the 1,000 events at which a payload dictionary is
    # trained, so packed and text payloads are both read.
    desk_with_events(db, clock, 600, "Nguyễn Văn Quét", "ghi chú {i} ✓")
    return db


def test_the_scan_reads_what_the_general_read_reads(desk, clock):
    svc = open_services(desk, clock=clock, create=False)
    try:
        codes = [d.code for d in svc.dossiers.search("quet", limit=600)]
        assert len(codes) == 600
        for code in codes:
            scanned, general = _both(svc, code)
            assert scanned == general
            assert len(scanned[2]) == 2
        assert svc._store.scan("KHÔNG-CÓ") is None
        assert svc._store.scan("") is None
    finally:
        svc.close()


def test_hand_edited_rows_read_the_same_both_ways(desk, clock):
    """An uppercase id, a hash that is not hex, a payload left as text, a node id that is not
    a UUID, a moment without microseconds: read as their text, the same by both reads."""
    conn = sqlite3.connect(desk)
    install_for(conn)
    rows = conn.execute(
        "SELECT uuid_text(e.id), d.code FROM events e JOIN dossiers d ON d.id = e.dossier_id "
        "ORDER BY e.rowid LIMIT 5"
    ).fetchall()
    (a, code_a), (b, code_b), (c, code_c) = rows[0], rows[2], rows[4]
    conn.execute(
        "UPDATE events SET id = ?, hash = 'not a hash' WHERE id = uuid_blob(?)", (a.upper(), a)
    )
    conn.execute(
        "UPDATE events SET payload = payload_text(payload), node_id = 'desk-by-hand', "
        "recorded_at = substr(recorded_at, 1, 19) WHERE id = uuid_blob(?)",
        (b,),
    )
    conn.execute(
        "UPDATE events SET prev_hash = upper(hash_text(prev_hash)) WHERE id = uuid_blob(?)", (c,)
    )
    conn.commit()
    kinds = conn.execute(
        "SELECT typeof(payload) FROM events WHERE node_id = 'desk-by-hand'"
    ).fetchone()
    conn.close()
    assert kinds == ("text",)
    svc = open_services(desk, clock=clock, create=False)
    try:
        for code, edited in ((code_a, a.upper()), (code_b, b), (code_c, c)):
            scanned, general = _both(svc, code)
            assert scanned == general
            assert edited in {e.id for e in scanned[2]}
        detail = svc.dossiers.find_by_code(code_b)
        assert detail.events
    finally:
        svc.close()
