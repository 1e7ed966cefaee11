"""The installation check the frozen build runs in CI, run here from the source tree."""

import subprocess
import sys
from pathlib import Path


def test_self_test_passes(tmp_path):
    r = subprocess.run(
        [sys.executable, "-m", "motcua_desk", "--self-test"],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
        timeout=120,
        env={"MOTCUA_HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"},
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert "FAIL" not in r.stdout and r.stdout.count("ok ") >= 6
