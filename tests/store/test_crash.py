"""A process killed while writing loses nothing it committed and leaves nothing half-written."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path

from motcua_desk.domain.events import verify_chain
from motcua_desk.store import repo
from motcua_desk.store.migrate import open_store
from motcua_desk.store.models import EventRow
from tests.helpers import AGENCY

ROOT = Path(__file__).resolve().parents[2]

PRELUDE = f"""
import os, signal, sys
sys.path.insert(0, {str(ROOT)!r})
from motcua_desk.app import open_services
from motcua_desk.services import IntakeRequest
svc = open_services(sys.argv[1])
if not svc.settings.is_initialised():
    svc.settings.init_desk(desk_no=1, **{AGENCY!r})
"""


def _child(tmp_path: Path, body: str) -> subprocess.Popen:
    script = tmp_path / "child.py"
    script.write_text(PRELUDE + textwrap.dedent(body))
    return subprocess.Popen(
        [sys.executable, str(script), str(tmp_path / "desk.sqlite3")],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )


def _check_consistent(db: Path) -> list:
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    per_dossier = Counter(r[0] for r in conn.execute("SELECT dossier_id FROM events"))
    projected = dict(conn.execute("SELECT id, event_count FROM dossiers").fetchall())
    assert projected == dict(per_dossier), "projection and events disagree"
    (last_seq,) = conn.execute("SELECT last_seq FROM desk").fetchone()
    assert last_seq == conn.execute("SELECT count(*) FROM events").fetchone()[0]
    codes = [r[0] for r in conn.execute("SELECT code FROM dossiers")]
    assert len(codes) == len(set(codes))
    conn.close()
    store = open_store(db)
    with store.read() as s:
        events = [repo.event_from_row(r) for r in s.query(EventRow).all()]
    store.close()
    assert verify_chain(events) == []
    return codes


def test_killed_between_commits_keeps_every_committed_intake(tmp_path):
    child = _child(
        tmp_path,
        """
        i = 0
        while True:
            i += 1
            d = svc.dossiers.intake(IntakeRequest("1.001193", f"Nguyễn Văn Số {i}"))
            print(d.dossier.code, flush=True)
    """,
    )
    committed = []
    try:
        for line in child.stdout:
            committed.append(line.strip())
            if len(committed) == 60:
                child.send_signal(signal.SIGKILL)
                break
    finally:
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    codes = _check_consistent(tmp_path / "desk.sqlite3")
    assert set(committed) <= set(codes)  # the one in flight may or may not have committed
    assert len(codes) - len(committed) <= 1


def test_killed_inside_a_unit_of_work_leaves_no_trace_of_it(tmp_path):
    """The child dies after its event row is written but before the commit."""
    child = _child(
        tmp_path,
        """
        d = svc.dossiers.intake(IntakeRequest("1.001193", "Trần Thị Trước"))
        print(d.dossier.code, flush=True)
        from motcua_desk.store import repo
        def die(*a, **k):
            os.kill(os.getpid(), signal.SIGKILL)
        repo.save_projection = die
        svc.dossiers.intake(IntakeRequest("1.001193", "Lê Văn Giữa"))
    """,
    )
    first = child.stdout.readline().strip()
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    db = tmp_path / "desk.sqlite3"
    assert os.path.exists(f"{db}-wal")  # the kill left the log behind, as a power cut would
    codes = _check_consistent(db)
    assert codes == [first]
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 1
    assert conn.execute("SELECT value FROM sequences WHERE name LIKE 'code:%'").fetchone()[0] == 1
