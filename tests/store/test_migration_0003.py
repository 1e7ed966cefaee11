"""Schema 0003: the applicant's date of birth and sex, the queue ticket and the fees as
projection columns, filled on upgrade from the events already held."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from motcua_desk.app import open_services
from motcua_desk.domain.dto import IntakeRequest
from motcua_desk.services.integrity import IntegrityService
from motcua_desk.store.migrate import current_revision, head_revision
from tests.helpers import AGENCY
from tests.store.schema_undo import undo_0004, undo_0005

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "db"
NEW_COLUMNS = (
    "applicant_birth_date",
    "applicant_sex",
    "queue_ticket",
    "fee_paid",
    "fee_method",
    "fee_receipt_ref",
)


def _columns(db: Path) -> dict[str, tuple]:
    conn = sqlite3.connect(db)
    try:
        return {
            r[0]: r[1:]
            for r in conn.execute(
                f"SELECT code, {', '.join(NEW_COLUMNS)} FROM dossiers ORDER BY code"
            )
        }
    finally:
        conn.close()


def test_a_0002_database_gets_the_birth_date_and_sex_of_its_dossiers(tmp_path, clock):
    db = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURES / "schema_0002.sqlite3", db)
    assert current_revision(db) == "0002"
    svc = open_services(db, clock=clock, create=False)
    try:
        assert current_revision(svc._store) == head_revision()
        assert list((tmp_path / "backups").glob("old-0002-*.sqlite3")), "no backup first"
        found = {v.applicant_name: v for v in svc.dossiers.search("", limit=10)}
        assert (found["Đặng Thị Hằng"].birth_date, found["Đặng Thị Hằng"].sex) == (
            "1985-03-15",
            "female",
        )
        assert (found["Nguyễn Văn Đức"].birth_date_label, found["Nguyễn Văn Đức"].sex_label) == (
            "02/01/1960",
            "Nam",
        )
        assert (found["Lê Văn Tám"].birth_date, found["Lê Văn Tám"].sex) == ("", "")
        # the search uses the new column: name and date of birth
        assert [v.applicant_name for v in svc.dossiers.search("dang hang 15/03/1985")] == [
            "Đặng Thị Hằng"
        ]
        assert svc.dossiers.search("dang hang 16/03/1985") == []
        report = IntegrityService.from_services(svc).verify()
        assert report.break_count == 0, report.breaks
    finally:
        svc.close()


def test_ticket_and_fee_held_by_a_0002_desk_are_projected_on_upgrade(tmp_path, clock):
    """A desk of schema 0002 keeps a newer desk's ticket and fee as unknown payload keys:
    the upgrade fills their columns as the fold does (here: a head database taken back to
    0002 by dropping the columns, then opened again)."""
    db = tmp_path / "desk.sqlite3"
    svc = open_services(db, clock=clock)
    svc.settings.init_desk(desk_no=1, **AGENCY)
    a = svc.dossiers.intake(
        IntakeRequest(
            "2.000884",
            "Trần Thị Bình",
            birth_date="01/02/1990",
            sex="Nữ",
            ticket="B-105",
            fee_paid="10.000",
            fee_method="cash",
            receipt_ref="1C26TAA-12",
        )
    )
    svc.dossiers.intake(IntakeRequest("1.001193", "Lê Văn Tám", fee_method="exempt"))
    svc.dossiers.intake(IntakeRequest("1.001193", "Phạm Minh"))
    svc.close()
    want = _columns(db)
    assert want[a.dossier.code] == ("1990-02-01", "female", "B-105", 10000, "cash", "1C26TAA-12")
    undo_0005(db)
    conn = sqlite3.connect(db)
    undo_0004(conn)
    conn.execute("DROP INDEX ix_dossiers_birth")
    conn.execute("DROP INDEX ix_dossiers_ticket")
    for c in NEW_COLUMNS:
        conn.execute(f"ALTER TABLE dossiers DROP COLUMN {c}")
    conn.execute("UPDATE alembic_version SET version_num = '0002'")
    conn.commit()
    conn.close()
    svc = open_services(db, clock=clock, create=False)
    try:
        assert current_revision(svc._store) == head_revision()
        assert _columns(db) == want
        report = IntegrityService.from_services(svc).verify()
        assert report.break_count == 0, report.breaks
    finally:
        svc.close()
