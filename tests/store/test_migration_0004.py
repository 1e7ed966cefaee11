"""Schema 0004: the search filters as facet words of the name index, filled on upgrade from a
database of schema 0003 (the fixture, made by the 0003 code), after a backup."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

from motcua_desk.app import open_services
from motcua_desk.services.integrity import IntegrityService
from motcua_desk.store.migrate import current_revision, head_revision
from motcua_desk.store.projection import facets
from motcua_desk.store.types import UtcDateTime

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "db"


def test_a_0003_database_is_searched_by_name_and_filters_after_the_upgrade(tmp_path, clock):
    db = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURES / "schema_0003.sqlite3", db)
    assert current_revision(db) == "0003"
    before = sqlite3.connect(db).execute("SELECT count(*) FROM dossiers").fetchone()[0]
    svc = open_services(db, clock=clock, create=False)
    try:
        assert current_revision(svc._store) == head_revision() == "0006"
        assert list((tmp_path / "backups").glob("old-0003-*.sqlite3")), "no backup first"
        rows = svc.dossiers.search("", limit=50)
        assert len(rows) == before == 3
        dang = next(v for v in rows if v.applicant_name == "Đặng Thị Hằng")
        found = svc.dossiers.search("dang", status=[dang.status], field=dang.field)
        assert [v.applicant_name for v in found] == ["Đặng Thị Hằng"]
        assert (
            svc.dossiers.search(
                "dang", status=["returned"] if dang.status != "returned" else ["received"]
            )
            == []
        )
        day = dang.received_at.date()
        assert [
            v.code for v in svc.dossiers.search("hang", received_from=day, received_to=day)
        ] == [dang.code]
        assert svc.dossiers.search("hang", received_from=date(2030, 1, 1)) == []
        # the column holds what the projection writes for a dossier now
        conn = sqlite3.connect(db)
        decode = UtcDateTime().process_result_value
        for status, field, dept, received, stored in conn.execute(
            "SELECT status, field, department, received_at, facets FROM dossiers"
        ):
            assert stored == facets(status, field, dept, decode(received, None))
        conn.close()
        report = IntegrityService.from_services(svc).verify()
        assert report.break_count == 0, report.breaks
    finally:
        svc.close()
