"""ruff holds the code to the rules in pyproject.toml ([tool.ruff]): pyflakes, pycodestyle with
the line length of 100, import order, bugbear, pyupgrade; and `ruff format --check`, so every file
is laid out as the formatter lays it (the tables listed in [tool.ruff.format] aside). By hand:
`ruff check . && ruff format --check .` (`ruff format .` fixes the layout)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def ruff_command() -> list[str]:
    """ruff from this environment (the test extra installs it), else one on PATH."""
    beside = Path(sys.executable).with_name("ruff")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("ruff")
    if found is None:
        pytest.fail("ruff is not installed: pip install -e '.[test]'")
    return [found]


def ruff_check(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*ruff_command(), "check", "--no-cache", "--output-format", "concise", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def ruff_format_check(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*ruff_command(), "format", "--check", "--no-cache", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_code_is_laid_out_as_ruff_format_lays_it():
    result = ruff_format_check(".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_check_fails_on_a_file_it_would_change(tmp_path):
    bad = tmp_path / "motcua_desk" / "bad.py"
    bad.parent.mkdir()
    bad.write_text("X = {'a':1,\n  'b':2}\n", "utf-8")
    result = ruff_format_check("--config", str(ROOT / "pyproject.toml"), str(bad))
    assert result.returncode == 1, result.stdout + result.stderr


def test_the_code_passes_ruff_check():
    result = ruff_check(".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_check_fails_on_a_finding(tmp_path):
    """The check can fail: a file with an unused import and a line of 101 characters is
    refused with both findings, under the project's own configuration."""
    bad = tmp_path / "motcua_desk" / "bad.py"
    bad.parent.mkdir()
    bad.write_text("import os\n\nX = '" + "x" * 95 + "'\n", "utf-8")
    result = ruff_check("--config", str(ROOT / "pyproject.toml"), str(bad))
    assert result.returncode == 1
    assert "F401" in result.stdout and "E501" in result.stdout, result.stdout
