"""The upgrade to schema 0006 on a big database (issue 13): a head database taken back to
0005, 0004 or 0003 (tests/store/schema_undo.py), then opened as the window's DB worker opens it, with the
progress it reports. The raw primitive in the same run: SQLite's own backup of the same file
(the upgrade starts with one). .perf/migration.json.

    MOTCUA_PERF_N=100000 python -m pytest tests/perf/test_migration_perf.py -s
"""

from __future__ import annotations

import os
import sqlite3
import time

import pytest

from motcua_desk.store.migrate import backup_database, current_revision, open_store
from tests.perf.bigdb import make_big_db
from tests.perf.harness import Report, size
from tests.store.schema_undo import undo_0004, undo_0005, undo_0006

pytestmark = pytest.mark.perf
N = int(os.environ.get("MOTCUA_PERF_N") or size(2_000, 1_000_000))


@pytest.mark.parametrize("start", ["0005", "0004", "0003"])
def test_upgrade(tmp_path, start):
    """From 0005: the ids and hashes as bytes, then the file compacted; from 0004 also the
    payloads packed; from 0003 also the facets."""
    db = make_big_db(N, tmp_path / "big.sqlite3")
    if start == "0005":
        undo_0006(db)
    else:
        undo_0005(db)
    if start == "0003":
        conn = sqlite3.connect(db)
        undo_0004(conn)
        conn.execute("UPDATE alembic_version SET version_num = '0003'")
        conn.commit()
        conn.close()
    # the file as the old version left it: compacted, its payloads text
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("VACUUM")
    conn.close()
    assert current_revision(db) == start
    size_before = db.stat().st_size
    t0 = time.perf_counter()
    backup_database(db, tmp_path / "raw-backup.sqlite3")
    t_backup = time.perf_counter() - t0
    seen: list[tuple[float, float]] = []
    t0 = time.perf_counter()
    store = open_store(
        db,
        backup_dir=tmp_path / "backups",
        progress=lambda f, _rev: seen.append((time.perf_counter() - t0, f)),
    )
    t_upgrade = time.perf_counter() - t0
    store.close()
    assert current_revision(db) == "0006"
    assert seen[0][1] == 0.0 and seen[-1][1] == 1.0
    longest_gap = max(b[0] - a[0] for a, b in zip(seen, seen[1:], strict=False))
    report = Report(f"migration_from_{start}")
    report.add(
        f"upgrade {start} → 0006 (backup, "
        + ("facets and name index, " if start == "0003" else "")
        + ("payloads packed, " if start < "0005" else "")
        + "ids and hashes as bytes, file compacted)",
        dossiers=N,
        size_before_mb=size_before / 1e6,
        size_after_mb=db.stat().st_size / 1e6,
        seconds=t_upgrade,
        backup_alone_s=t_backup,
        ratio_to_backup=t_upgrade / t_backup,
        progress_reports=len(seen),
        longest_silence_s=longest_gap,
    )
    report.write()
