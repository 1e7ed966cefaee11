"""Fixtures for every suite: a real SQLite file per test, an injected clock, a set-up desk."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from motcua_desk.app import open_services
from tests.helpers import AGENCY, FakeClock


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Never touch the real user data directory: logs, default db and backups go to a tmp dir."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("MOTCUA_HOME", str(home))
    monkeypatch.delenv("MOTCUA_DB", raising=False)
    # Never the real keyring of the machine running the tests: the hub token goes to the
    # private file in MOTCUA_HOME (tests of the keyring path install their own backend).
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.delenv("MOTCUA_TOKEN_STORE", raising=False)
    return home


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "desk.sqlite3"


@pytest.fixture
def services(db_path, clock):
    """Services on a fresh, initialised desk (seed catalog loaded), clock at Mon 23/11/2026
    09:00 office time."""
    svc = open_services(db_path, clock=clock)
    svc.settings.init_desk(desk_no=1, **AGENCY)
    yield svc
    svc.close()
