"""Schema 0005: the events' payloads packed with a dictionary trained on the database's own
payloads (store.payload_codec). Upgraded from the fixture made by the 0004 code, after a
backup; a bigger 0004 database gets its dictionary in the upgrade, a new database once it has
enough events. Every payload reads back byte for byte, so every hash still checks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from motcua_desk.app import open_services
from motcua_desk.domain.dto import IntakeRequest
from motcua_desk.services.integrity import IntegrityService
from motcua_desk.store.migrate import current_revision, head_revision, open_store
from motcua_desk.store.payload_codec import TRAIN_MIN, PayloadCodec, packer_for, train
from tests.helpers import desk_with_events, raw_db
from tests.store.schema_undo import undo_0005

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "db"


def _payloads(db: Path) -> dict[str, str]:
    """{event id: payload JSON text} read with the database's own codec."""
    store = open_store(db, migrate=False)
    try:
        with store.read() as session:
            raw = session.connection().connection.driver_connection
            return dict(raw.execute("SELECT uuid_text(id), payload_text(payload) FROM events"))
    finally:
        store.close()


def _raw_payloads(db: Path) -> dict[str, str]:
    conn = raw_db(db)
    try:
        return dict(conn.execute("SELECT uuid_text(id), payload FROM events"))
    finally:
        conn.close()


def test_the_0004_fixture_upgrades_after_a_backup_and_still_verifies(tmp_path, clock):
    db = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURES / "schema_0004.sqlite3", db)
    assert current_revision(db) == "0004"
    before = _raw_payloads(db)
    svc = open_services(db, clock=clock, create=False)
    try:
        assert current_revision(svc._store) == head_revision() == "0006"
        assert list((tmp_path / "backups").glob("old-0004-*.sqlite3")), "no backup first"
        # six events: too few to train on, so they stay text, and read the same
        assert svc._store.codec.current is None
        assert _raw_payloads(db) == before
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
    finally:
        svc.close()


def _desk_with_events(db: Path, clock, n_dossiers: int) -> None:
    desk_with_events(db, clock, n_dossiers, "Nguyễn Văn Thứ", "ghi chú số {i} — “trích dẫn”")


def test_a_bigger_0004_database_is_packed_by_the_upgrade_byte_for_byte(tmp_path, clock):
    db = tmp_path / "desk.sqlite3"
    _desk_with_events(db, clock, TRAIN_MIN // 2 + 10)  # two events each: past TRAIN_MIN
    undo_0005(db)
    assert current_revision(db) == "0004"
    before = _raw_payloads(db)
    assert all(isinstance(p, str) for p in before.values())
    size_before = db.stat().st_size
    seen: list[float] = []
    store = open_store(db, progress=lambda done, _rev: seen.append(done))
    try:
        assert store.codec.current == 1
    finally:
        store.close()
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)
    stored = _raw_payloads(db)
    assert all(isinstance(p, bytes) and p[0] == 1 for p in stored.values())
    assert _payloads(db) == before  # the same text, byte for byte
    assert db.stat().st_size < size_before  # compacted after
    svc = open_services(db, clock=clock, create=False)
    try:
        report = IntegrityService.from_services(svc).verify()
        assert report.break_count == 0, report.breaks
        # a new event after the upgrade is packed with the same dictionary
        d = svc.dossiers.search("thu 7", limit=1)[0]
        svc.dossiers.note(d.code, "sau nâng cấp")
        assert svc.dossiers.find_by_code(d.code).events[-1].payload["text"] == "sau nâng cấp"
    finally:
        svc.close()
    after = _raw_payloads(db)
    assert len(after) == len(before) + 1
    assert all(isinstance(p, bytes) for p in after.values())


def test_a_new_desk_gets_its_dictionary_once_it_has_enough_events(tmp_path, clock):
    db = tmp_path / "new.sqlite3"
    _desk_with_events(db, clock, TRAIN_MIN // 2 + 10)
    # the events were written as text (no dictionary yet); the next open trains one
    stored = _raw_payloads(db)
    assert all(isinstance(p, str) for p in stored.values())
    svc = open_services(db, clock=clock, create=False)
    try:
        assert svc._store.codec.current == 1
        report = IntegrityService.from_services(svc).verify()
        assert report.break_count == 0, report.breaks
    finally:
        svc.close()
    assert _payloads(db) == stored
    assert all(isinstance(p, bytes) for p in _raw_payloads(db).values())


def test_a_damaged_packed_payload_is_a_named_break_not_a_crash(tmp_path, clock):
    db = tmp_path / "desk.sqlite3"
    _desk_with_events(db, clock, TRAIN_MIN // 2 + 10)
    open_store(db).close()  # trains and packs
    conn = raw_db(db)
    victim = conn.execute(
        "SELECT uuid_text(id) FROM events WHERE type = 'note' LIMIT 1"
    ).fetchone()[0]
    conn.execute(
        "UPDATE events SET payload = X'01DEADBEEF' WHERE id = uuid_blob(?)", (victim,)
    )  # a frame Zstandard cannot read
    conn.commit()
    conn.close()
    svc = open_services(db, clock=clock, create=False)
    try:
        report = IntegrityService.from_services(svc).verify()
    finally:
        svc.close()
    assert report.break_count >= 1
    assert any(victim in str(b) or "unpacked" in str(b) for b in report.breaks), report.breaks


# --- the codec itself ------------------------------------------------------------------------

_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=2000)


def _trained() -> tuple[bytes, PayloadCodec]:
    sample = [
        f'{{"from_unit":"desk","to_unit":"Phòng {i % 7}","giver":"Cán bộ {i % 13}",'
        f'"receiver":"Người nhận {i}","n":{i}}}'.encode()
        for i in range(3000)
    ]
    data = train(sample)
    assert data is not None
    codec = PayloadCodec()
    codec.add(1, data)
    return data, codec


_DATA, _CODEC = _trained()


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_any_text_packs_and_reads_back_the_same(text):
    stored = _CODEC.pack(text)
    assert isinstance(stored, bytes) and stored[0] == 1
    assert _CODEC.unpack_text(stored) == text
    assert _CODEC.unpack_bytes(stored) == text.encode("utf-8")
    assert packer_for(1, _DATA)(text) == stored


@pytest.mark.parametrize("size", [0, 1, 100, 10_000, 1_000_000])
def test_payload_sizes_from_empty_to_a_megabyte(size):
    text = ("Thủ tục cấp Giấy xác nhận tình trạng hôn nhân; " * (size // 40 + 1))[:size]
    assert _CODEC.unpack_text(_CODEC.pack(text)) == text


def test_without_a_dictionary_the_text_is_kept_and_unknown_dictionaries_refused():
    codec = PayloadCodec()
    assert codec.pack('{"a":1}') == '{"a":1}'
    assert codec.unpack_text('{"a":1}') == '{"a":1}'
    with pytest.raises(ValueError, match="dictionary 1"):
        codec.unpack_text(_CODEC.pack('{"a":1}'))
    assert codec._sql_text(_CODEC.pack('{"a":1}')) is None  # NULL in SQL, not a failure
    with pytest.raises(ValueError):
        codec.add(0, _DATA)


def test_a_maintainer_reads_the_payloads_without_the_app(tmp_path, clock, capsys):
    from motcua_desk.store.payload_codec import main

    db = tmp_path / "desk.sqlite3"
    _desk_with_events(db, clock, TRAIN_MIN // 2 + 10)
    open_store(db).close()  # trains and packs
    want = _payloads(db)
    assert main([str(db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert dict(line.split("\t", 1) for line in lines) == want
    some = next(iter(want))
    assert main([str(db), some]) == 0
    assert capsys.readouterr().out == f"{some}\t{want[some]}\n"
    assert main([]) == 2
    assert main([str(tmp_path / "absent.sqlite3")]) == 2
    (tmp_path / "junk").write_bytes(b"not a database at all" * 100)
    assert main([str(tmp_path / "junk")]) == 2
    assert "not a desk database" in capsys.readouterr().err


def test_a_window_open_while_the_command_line_trains_reads_the_packed_payloads(tmp_path, clock):
    """The window opened the database before it had a dictionary; the command line then
    trained one and packed every payload: the window reads them all the same."""
    db = tmp_path / "desk.sqlite3"
    _desk_with_events(db, clock, TRAIN_MIN // 4)  # too few to train on
    window = open_services(db, clock=clock, create=False)
    try:
        assert window._store.codec.current is None
        codes = [v.code for v in window.dossiers.search("", limit=500)]
        before = {c: window.dossiers.find_by_code(c).events for c in codes[:20]}
        other = open_services(db, clock=clock, create=False)
        try:
            for i in range(TRAIN_MIN // 2):
                other.dossiers.intake(IntakeRequest("1.001193", f"Trần Thị Mới {i}"))
        finally:
            other.close()
        open_store(db).close()  # the next command line opening trains and packs
        assert all(isinstance(p, bytes) for p in _raw_payloads(db).values())
        for code, events in before.items():
            assert window.dossiers.find_by_code(code).events == events
        # and what it writes itself (as text, its codec has no dictionary to write with)
        window.dossiers.note(codes[0], "cửa sổ vẫn ghi được")
        report = IntegrityService.from_services(window).verify()
        assert report.break_count == 0, report.breaks
    finally:
        window.close()
