"""The first scan in a fresh process (issue 13: < 20 ms after the window is up), measured in a
child interpreter as the window's DB worker meets it: services opened, then the first
find_by_code, cold and after the warm-up the window runs at start-up (services.dossiers
.warm_up), with the raw primitive (a fresh sqlite3 connection and the same two indexed
statements) in the same child. .perf/first_scan.json."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from tests.perf.bigdb import ROOT, make_big_db
from tests.perf.harness import Report, size

pytestmark = pytest.mark.perf
N = int(os.environ.get("MOTCUA_PERF_N") or size(10_000, 1_000_000))

CHILD = textwrap.dedent("""
    import json, sqlite3, sys, time
    db, code, warm = sys.argv[1], sys.argv[2], sys.argv[3] == "warm"
    t0 = time.perf_counter()
    raw = sqlite3.connect(db)
    row = raw.execute("SELECT id, pk FROM dossiers WHERE code = ?", (code,)).fetchone()
    raw.execute("SELECT * FROM events WHERE dossier_id = ? ORDER BY hlc", (row[0],)).fetchall()
    t_raw = time.perf_counter() - t0
    raw.close()
    t0 = time.perf_counter()
    from motcua_desk.app import open_services
    svc = open_services(db, create=False)
    t_open = time.perf_counter() - t0
    if warm:
        svc.dossiers.warm_up()
    t0 = time.perf_counter()
    detail = svc.dossiers.find_by_code(code)
    t_first = time.perf_counter() - t0
    assert detail.dossier.code == code
    svc.close()
    print(json.dumps({"open_s": t_open, "first_ms": t_first * 1e3, "raw_ms": t_raw * 1e3}))
""")


def test_first_scan_in_a_fresh_process(tmp_path):
    db = make_big_db(N, tmp_path / "big.sqlite3")
    code = (
        sqlite3.connect(db)
        .execute("SELECT code FROM dossiers WHERE pk = ?", (N // 2,))
        .fetchone()[0]
    )
    report = Report("first_scan")
    for mode in ("cold", "warm"):
        runs = []
        for _ in range(3):
            done = subprocess.run(
                [sys.executable, "-c", CHILD, str(db), code, mode],
                capture_output=True,
                text=True,
                timeout=300,
                cwd=ROOT,
            )
            assert done.returncode == 0, done.stderr[-2000:]
            runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
        runs.sort(key=lambda r: r["first_ms"])
        mid = runs[1]
        report.add(
            f"first scan in a fresh process ({'after the warm-up' if mode == 'warm' else 'cold'})",
            dossiers=N,
            first_scan_ms=mid["first_ms"],
            raw_fresh_connection_ms=mid["raw_ms"],
            services_open_s=mid["open_s"],
            goal="< 20 ms after the window is up",
        )
    report.write()
