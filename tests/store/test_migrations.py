"""Opening the database: fresh creation, upgrades of every released schema, refusals."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from motcua_desk.app import open_services
from motcua_desk.store.errors import DatabaseTooNew, MigrationFailed, NotOurDatabase
from motcua_desk.store.migrate import MIGRATIONS, current_revision, head_revision, open_store
from motcua_desk.store.models import APPLICATION_ID
from tests.helpers import table_dump

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "db"
RELEASED = sorted(FIXTURES.glob("schema_*.sqlite3"))


def test_fresh_database_is_created_at_head_with_our_pragmas(db_path):
    store = open_store(db_path)
    try:
        assert current_revision(store) == head_revision()
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA application_id").scalar() == APPLICATION_ID
    finally:
        store.close()


@pytest.mark.parametrize("fixture", RELEASED, ids=lambda p: p.stem)
def test_every_released_schema_upgrades_to_head_keeping_its_dossiers(fixture, tmp_path, clock):
    assert RELEASED, "no fixture database of a released schema"
    db = tmp_path / "old.sqlite3"
    shutil.copyfile(fixture, db)
    before = (
        sqlite3.connect(db).execute("SELECT code, status FROM dossiers ORDER BY code").fetchall()
    )
    svc = open_services(db, clock=clock, create=False)
    try:
        assert current_revision(svc._store) == head_revision()
        codes = [c for c, _ in before]
        assert [(d.dossier.code, d.dossier.status) for d in map(svc.dossiers.show, codes)] == before
        assert svc.dossiers.search("hang dang")[0].code == codes[0]
    finally:
        svc.close()
    if current_revision(fixture) != head_revision():
        assert list((tmp_path / "backups").glob("old-*.sqlite3")), "no backup before migrating"


def test_revision_ids_follow_the_file_names_in_one_line():
    """open_store's fast path relies on it: revision id = numeric file prefix, no branches."""
    from alembic.script import ScriptDirectory

    from motcua_desk.store.migrate import alembic_config, newest_revision_file

    script = ScriptDirectory.from_config(alembic_config())
    revisions = list(script.walk_revisions())
    for rev in revisions:
        assert Path(rev.path).name.startswith(rev.revision + "_")
    assert script.get_heads() == [newest_revision_file()]
    assert len({r.down_revision for r in revisions}) == len(revisions)


def test_a_newer_database_is_refused_untouched(tmp_path):
    db = tmp_path / "new.sqlite3"
    shutil.copyfile(RELEASED[-1], db)
    conn = sqlite3.connect(db)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    with pytest.raises(DatabaseTooNew, match="newer motcua-desk"):
        open_store(db)
    assert db.read_bytes() == before


@pytest.mark.parametrize(
    "content", [b"hello, this is a text file\n" * 10, b"PK\x03\x04" + b"\0" * 200]
)
def test_a_file_that_is_not_a_database_is_refused(tmp_path, content):
    db = tmp_path / "x.sqlite3"
    db.write_bytes(content)
    with pytest.raises(NotOurDatabase):
        open_store(db)
    assert db.read_bytes() == content


def test_another_programs_sqlite_database_is_refused(tmp_path):
    db = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    with pytest.raises(NotOurDatabase, match="another program"):
        open_store(db)
    assert db.read_bytes() == before


def test_a_failing_migration_leaves_the_database_as_it_was(tmp_path):
    """Half-migrated is impossible: all pending revisions run in one transaction."""
    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    head = head_revision()
    (scripts / "versions" / "9001_broken.py").write_text(f'''
import sqlalchemy as sa
from alembic import op
revision = "9001"
down_revision = "{head}"
branch_labels = None
depends_on = None
def upgrade():
    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
    op.execute("UPDATE desk SET officer = 'changed by the broken migration'")
    op.execute("THIS IS NOT SQL")
''')
    db = tmp_path / "d.sqlite3"
    shutil.copyfile(RELEASED[-1], db)
    open_store(db).close()  # bring it to the real head first
    before = table_dump(db)
    with pytest.raises(MigrationFailed, match="left as it was"):
        open_store(db, script_location=scripts)
    assert table_dump(db) == before
    assert current_revision(db) == head
