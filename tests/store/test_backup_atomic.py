"""A backup takes its name only when it is whole: a copy interrupted at any point leaves
nothing at the target (issue 8: a killed backup left a full-size file with a journal that
opened as an empty database)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from motcua_desk.store import migrate

ROOT = Path(__file__).resolve().parents[2]


def _make_db(path: Path, rows: int = 2000) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
    conn.executemany("INSERT INTO t (v) VALUES (?)", [("x" * 200,)] * rows)
    conn.commit()
    conn.close()


def test_backup_is_one_whole_file(tmp_path):
    src = tmp_path / "desk.sqlite3"
    _make_db(src)
    out = migrate.backup_database(src, tmp_path / "out" / "copy.sqlite3")
    assert out.exists() and not Path(f"{out}-wal").exists()
    assert sorted(p.name for p in out.parent.iterdir()) == ["copy.sqlite3"]  # no partial left
    conn = sqlite3.connect(f"file:{out}?mode=ro", uri=True)
    assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 2000
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


@pytest.mark.parametrize("fail_at", ["backup", "fsync", "replace"])
def test_interrupted_backup_leaves_nothing(tmp_path, monkeypatch, fail_at):
    src = tmp_path / "desk.sqlite3"
    _make_db(src)
    target = tmp_path / "out" / "copy.sqlite3"

    class Killed(BaseException):
        pass

    def boom(*_a, **_k):
        raise Killed()

    if fail_at == "backup":
        real_connect = sqlite3.connect

        class Conn:
            def __init__(self, *a, **k):
                self._c = real_connect(*a, **k)

            def backup(self, *_a, **_k):
                raise Killed()

            def __getattr__(self, name):
                return getattr(self._c, name)

        monkeypatch.setattr(migrate.sqlite3, "connect", Conn)
    elif fail_at == "fsync":
        monkeypatch.setattr(os, "fsync", boom)
    else:
        monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(Killed):
        migrate.backup_database(src, target)
    assert not target.exists()
    assert list(target.parent.iterdir()) == []


def test_sigkilled_backup_leaves_no_backup(tmp_path):
    """A real process killed while it copies (it stops itself with SIGKILL from inside the
    copy, so no timing is involved): the target name never appears."""
    src = tmp_path / "desk.sqlite3"
    _make_db(src, rows=20000)
    target = tmp_path / "out" / "copy.sqlite3"
    script = f"""
import os, signal, sqlite3
from pathlib import Path
from motcua_desk.store import migrate
real = sqlite3.Connection.backup
class C(sqlite3.Connection):
    def backup(self, target, **kw):
        def progress(status, remaining, total):
            if remaining < total:
                os.kill(os.getpid(), signal.SIGKILL)
        return real(self, target, pages=5, progress=progress)
orig = sqlite3.connect
migrate.sqlite3.connect = lambda *a, **k: orig(*a, factory=C, **k)
migrate.backup_database(Path({str(src)!r}), Path({str(target)!r}))
"""
    r = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True)
    assert r.returncode == -9, r.stderr.decode()
    assert not target.exists()
    assert all(p.name.endswith((".partial", ".partial-journal")) for p in target.parent.iterdir())
