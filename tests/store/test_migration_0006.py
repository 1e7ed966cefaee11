"""Schema 0006: the events' ids, node ids, hashes and previous hashes stored as the bytes they
spell (store.keys). Upgraded from the fixture made by the 0005 code, after a backup; a bigger
database taken back to 0005 comes back with every row the same text, smaller; a value of any
other shape survives as the text it is. Every hash still checks."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from motcua_desk.app import open_services
from motcua_desk.services.integrity import IntegrityService
from motcua_desk.store import keys
from motcua_desk.store.migrate import current_revision, head_revision, open_store
from tests.helpers import desk_with_events, raw_db
from tests.store.schema_undo import undo_0005, undo_0006

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "db"

# every column of every event, as text (what the app reads), by rowid
_AS_TEXT = (
    "SELECT rowid, uuid_text(id), dossier_id, uuid_text(node_id), seq, hlc, type, occurred_at, "
    "recorded_at, officer, payload_text(payload), hash_text(prev_hash), hash_text(hash), acked, "
    "hub_seq FROM events ORDER BY rowid"
)
_KINDS = "SELECT DISTINCT typeof(id), typeof(node_id), typeof(prev_hash), typeof(hash) FROM events"


def _rows(db: Path) -> list[tuple]:
    conn = raw_db(db)
    try:
        return conn.execute(_AS_TEXT).fetchall()
    finally:
        conn.close()


def _kinds(db: Path) -> set[tuple]:
    conn = sqlite3.connect(db)
    try:
        return set(conn.execute(_KINDS))
    finally:
        conn.close()


def test_the_0005_fixture_upgrades_after_a_backup_and_still_verifies(tmp_path, clock):
    db = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURES / "schema_0005.sqlite3", db)
    assert current_revision(db) == "0005"
    assert _kinds(db) == {("text", "text", "text", "text")}
    before = _rows(db)
    svc = open_services(db, clock=clock, create=False)
    try:
        assert current_revision(svc._store) == head_revision() == "0006"
        assert list((tmp_path / "backups").glob("old-0005-*.sqlite3")), "no backup first"
        assert _kinds(db) == {("blob", "blob", "blob", "blob")}
        assert _rows(db) == before  # every column reads back the same
        rows = svc.dossiers.search("hang", limit=10)
        assert [v.applicant_name for v in rows] == ["Đặng Thị Hằng"]
        detail = svc.dossiers.find_by_code(rows[0].code)
        assert [e.type for e in detail.events] == [
            "received",
            "handed_off",
            "result_received",
            "returned",
        ]
        report = IntegrityService.from_services(svc).verify()
        assert report.break_count == 0, report.breaks
        # a new event after the upgrade is stored as bytes and chains on the old ones
        svc.dossiers.note(rows[0].code, "sau nâng cấp 0006")
        assert svc.dossiers.find_by_code(rows[0].code).events[-1].payload["text"] == (
            "sau nâng cấp 0006"
        )
        assert IntegrityService.from_services(svc).verify().break_count == 0
    finally:
        svc.close()
    assert _kinds(db) == {("blob", "blob", "blob", "blob")}
    assert len(_rows(db)) == len(before) + 1


def _stored_bytes(db: Path) -> dict[str, int]:
    """Bytes of content in the events table and its indexes, by their names."""
    conn = sqlite3.connect(db)
    try:
        return dict(
            conn.execute(
                "SELECT name, sum(payload) FROM dbstat WHERE name LIKE '%events%' GROUP BY name"
            )
        )
    finally:
        conn.close()


def _desk_with_events(db: Path, clock, n_dossiers: int) -> None:
    desk_with_events(db, clock, n_dossiers, "Trần Thị Mười", "ghi chú {i}")


def test_a_bigger_database_comes_back_the_same_text_and_smaller(tmp_path, clock):
    db = tmp_path / "desk.sqlite3"
    _desk_with_events(db, clock, 300)
    undo_0006(db)
    assert current_revision(db) == "0005"
    assert _kinds(db) == {("text", "text", "text", "text")}
    before = _rows(db)
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("ANALYZE")  # the planner's statistics, which the upgrade keeps
    stats = conn.execute("SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'events'").fetchall()
    conn.execute("VACUUM")
    conn.close()
    assert len(stats) == 5
    size_before = db.stat().st_size
    stored_before = _stored_bytes(db)
    seen: list[float] = []
    store = open_store(db, progress=lambda done, _rev: seen.append(done))
    store.close()
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)
    assert current_revision(db) == "0006"
    assert _kinds(db) == {("blob", "blob", "blob", "blob")}
    assert _rows(db) == before
    assert db.stat().st_size < size_before  # compacted after
    stored = _stored_bytes(db)
    # 2 ids of 36 -> 16 bytes and 2 hashes of 64 -> 32 in each row: 104 bytes less an event
    assert stored["events"] <= stored_before["events"] - 104 * len(before)
    for index in ("sqlite_autoindex_events_1", "sqlite_autoindex_events_2"):  # id; node, seq
        assert stored[index] < stored_before[index] * 0.6
    conn = sqlite3.connect(db)
    try:
        # the table is declared as the new code expects, with its indexes
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'events'").fetchone()[0]
        assert "id BLOB NOT NULL" in sql and "hash BLOB NOT NULL" in sql
        indexes = {r[1] for r in conn.execute("PRAGMA index_list('events')")}
        assert {"ix_events_dossier", "ix_events_type_time", "ix_events_unacked"} <= indexes
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert (
            conn.execute("SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'events'").fetchall()
            == stats
        )
    finally:
        conn.close()
    svc = open_services(db, clock=clock, create=False)
    try:
        assert IntegrityService.from_services(svc).verify().break_count == 0
        d = svc.dossiers.search("muoi 17", limit=1)[0]
        assert len(svc.dossiers.find_by_code(d.code).events) == 2
    finally:
        svc.close()


def test_each_script_of_a_chained_upgrade_reports_in_its_own_share(tmp_path, clock):
    """0004 -> 0006 runs two scripts that each count their own work from 0 to 1: the second's
    reports must not be swallowed as "going back" (the window heard nothing for the whole of
    0006's rewrite: 5.5 s at 100,000 dossiers, a minute at a million)."""
    from alembic.script import ScriptDirectory

    from motcua_desk.store.migrate import _script_shares, alembic_config

    db = tmp_path / "desk.sqlite3"
    _desk_with_events(db, clock, 600)  # 1,200 events: 0005 trains a dictionary and packs
    undo_0005(db)
    assert current_revision(db) == "0004"
    before = _rows(db)
    seen: list[tuple[float, str]] = []
    store = open_store(db, progress=lambda done, rev: seen.append((done, rev)))
    store.close()
    fractions = [f for f, _rev in seen]
    assert fractions[0] == 0.0 and fractions[-1] == 1.0 and fractions == sorted(fractions)
    assert {rev for _f, rev in seen} == {head_revision()}
    assert current_revision(db) == "0006" and _rows(db) == before
    shares = _script_shares(ScriptDirectory.from_config(alembic_config()), "0004", "0006")
    assert len(shares.bounds) == 2  # 0005, then 0006
    # the scripts' part of a compacting upgrade is 0.45..0.75 of the whole (store.migrate)
    for (low, high), least in zip(shares.bounds, (1, 3), strict=True):
        inside = [f for f in fractions if 0.45 + 0.30 * low < f < 0.45 + 0.30 * high]
        assert len(inside) >= least, (low, high, fractions)


def test_an_id_of_another_shape_survives_the_upgrade_as_its_text(tmp_path, clock):
    """A row edited by hand (an uppercase id, a hash that is not hex) is kept as it is, not
    refused and not lost: the check names it, the rest upgrades."""
    db = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURES / "schema_0005.sqlite3", db)
    conn = sqlite3.connect(db)
    victim = conn.execute("SELECT id FROM events WHERE type = 'returned'").fetchone()[0]
    conn.execute(
        "UPDATE events SET id = ?, hash = 'not a hash' WHERE id = ?", (victim.upper(), victim)
    )
    conn.commit()
    conn.close()
    before = _rows(db)
    svc = open_services(db, clock=clock, create=False)
    try:
        assert _rows(db) == before
        conn = sqlite3.connect(db)
        kinds = conn.execute(
            "SELECT typeof(id), typeof(hash) FROM events WHERE type = 'returned'"
        ).fetchone()
        conn.close()
        assert kinds == ("text", "text")
        report = IntegrityService.from_services(svc).verify()
        assert report.break_count >= 1
        assert any(victim.upper() in str(b) for b in report.breaks), report.breaks
    finally:
        svc.close()


# --- the stored forms themselves ---------------------------------------------------------------

_ANY = st.one_of(
    st.text(max_size=80),
    st.uuids().map(str),
    st.uuids().map(lambda u: str(u).upper()),
    st.binary(min_size=32, max_size=32).map(bytes.hex),
    st.text(alphabet="0123456789abcdefABCDEF- ", min_size=30, max_size=70),
)


@settings(max_examples=400, deadline=None)
@given(_ANY)
def test_every_text_converts_back_to_itself(value):
    assert keys.uuid_text(keys.uuid_blob(value)) == value
    assert keys.hash_text(keys.hash_blob(value)) == value


@settings(max_examples=200, deadline=None)
@given(st.uuids(), st.uuids(), st.binary(min_size=32, max_size=32))
def test_canonical_values_are_their_bytes_and_sort_as_their_text(a, b, digest):
    sa, sb = str(a), str(b)
    assert keys.uuid_blob(sa) == a.bytes and keys.uuid_text(a.bytes) == sa
    assert (keys.uuid_blob(sa) < keys.uuid_blob(sb)) == (sa < sb)
    assert keys.hash_blob(digest.hex()) == digest
    assert keys.uuid_blob(sa.upper()) == sa.upper() or sa == sa.upper()  # not canonical: text


def test_sql_and_python_agree(tmp_path):
    conn = raw_db(tmp_path / "x.sqlite3")
    try:
        for value in (str(uuid.uuid4()), "A" * 36, "", "x" * 64, "ab" * 32, None):
            assert conn.execute("SELECT uuid_blob(?)", (value,)).fetchone()[0] == keys.uuid_blob(
                value
            )
            assert conn.execute("SELECT hash_blob(?)", (value,)).fetchone()[0] == keys.hash_blob(
                value
            )
            stored = keys.uuid_blob(value)
            assert conn.execute("SELECT uuid_text(?)", (stored,)).fetchone()[0] == value
    finally:
        conn.close()
