"""Fixtures of the sync suite: the hub store on SQLite or on a real PostgreSQL (pgserver, one
server per session, one fresh database per test), desks on their own files, a running hub."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from tests.helpers import FakeClock
from tests.sync.helpers import Desk, HubThread, make_desk

_db_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory):
    """A PostgreSQL 16 server for the whole session (stopped at the end)."""
    pgserver = pytest.importorskip("pgserver")
    server = pgserver.get_server(tmp_path_factory.mktemp("pg"), cleanup_mode="stop")
    yield server
    server.cleanup()


def new_pg_database(server) -> str:
    """A fresh, empty database on the session's server; its SQLAlchemy URL."""
    import psycopg

    name = f"hub_{next(_db_numbers)}"
    uri = server.get_uri()
    with psycopg.connect(uri, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    base, _, query = uri.partition("?")
    return f"{base.rsplit('/', 1)[0]}/{name}?{query}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def hub_store_url(request, tmp_path) -> str:
    """A fresh hub store: an SQLite file, or a new database on the session's PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    return new_pg_database(request.getfixturevalue("pg_server"))


@pytest.fixture
def pg_store_url(pg_server) -> str:
    return new_pg_database(pg_server)


@pytest.fixture
def hub_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def hub(hub_store_url, hub_clock) -> Iterator[HubThread]:
    """A running hub (uvicorn in a thread, real HTTP on 127.0.0.1) on the parametrised store,
    with the same clock as the desks (no skew)."""
    h = HubThread(hub_store_url, clock=hub_clock)
    yield h
    h.stop()


@pytest.fixture
def desks(tmp_path, hub_clock) -> Iterator[list[Desk]]:
    """Three desks (numbers 1, 2, 3), each on its own SQLite file and its own clock."""
    made = [make_desk(tmp_path, n, FakeClock(hub_clock())) for n in (1, 2, 3)]
    yield made
    for d in made:
        d.close()
