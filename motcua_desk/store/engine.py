"""The SQLite engine, its pragmas and the session factories, configured in one place.

Transactions are managed by SQLAlchemy, not by the sqlite3 module's legacy implicit mode
(which does not wrap DDL): the driver runs in autocommit and we emit BEGIN ourselves, BEGIN
IMMEDIATE for units of work that write, so two writers queue on the lock instead of failing
half-way with SQLITE_BUSY.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from motcua_desk.store.errors import NotOurDatabase
from motcua_desk.store.models import APPLICATION_ID
from motcua_desk.store.payload_codec import PayloadCodec

SQLITE_MAGIC = b"SQLite format 3\x00"

# The session a store's scope yields, by the store's own name: services type what they are given
# with it and import no SQLAlchemy of their own.
StoreSession = Session


def json_dumps(value) -> str:
    """Compact UTF-8 JSON: Vietnamese text stays readable and half the size of \\u escapes."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def make_engine(path: Path | str) -> Engine:
    engine = configure_sqlite(create_engine(f"sqlite:///{path}", json_serializer=json_dumps))
    attach_codec(engine)
    return engine


def attach_codec(engine: Engine, path: Path | str | None = None) -> PayloadCodec:
    """The payload codec of the desk database behind `engine` (store.payload_codec), its SQL
    functions installed on every connection the engine makes. One codec per engine: every
    connection of one database sees the dictionaries any of them adds. `path`: the database
    file (default: the engine's), where a dictionary another process added is read."""
    codec = PayloadCodec(str(path if path is not None else engine.url.database))
    engine.payload_codec = codec  # type: ignore[attr-defined]

    @event.listens_for(engine, "connect")
    def _install(dbapi_conn: sqlite3.Connection, _record) -> None:
        codec.install(dbapi_conn)

    return codec


def codec_of(engine: Engine) -> PayloadCodec:
    """The codec attach_codec gave `engine`."""
    return engine.payload_codec  # type: ignore[attr-defined]


def configure_sqlite(engine: Engine, busy_timeout_ms: int = 10000) -> Engine:
    """Our pragmas on every connection (WAL, synchronous=FULL, foreign keys) and transactions
    begun by us: BEGIN IMMEDIATE for sessions made with execution option sqlite_begin. Shared
    by the desk database and the hub's SQLite store."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (see module docstring)
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


class SessionScopes:
    """Read and write sessions over `self.engine`, made the same way for the desk database
    (Store) and the hub's store (sync.hubstore.HubStore): objects stay usable after commit
    (expire_on_commit=False: DTOs are built after the session closes), and a write session
    begins with BEGIN IMMEDIATE on SQLite (see configure_sqlite; on PostgreSQL the option is
    ignored). Call _open_sessions() once the engine is set."""

    engine: Engine

    def _open_sessions(self) -> None:
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(
            self.engine.execution_options(sqlite_begin="IMMEDIATE"), expire_on_commit=False
        )

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One unit of work: commits at the end, rolls back everything on an exception."""
        with self._write() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()


@dataclass
class Store(SessionScopes):
    """The open desk database: engine plus read and write session factories."""

    engine: Engine
    path: Path

    def __post_init__(self) -> None:
        self._open_sessions()

    @property
    def codec(self) -> PayloadCodec:
        return codec_of(self.engine)

    def scan(self, code: str):
        """(id, pk, events) of the dossier with this exact code, or None: the scan read path
        (repo.scan_read) on a pooled driver connection, outside SQLAlchemy's session and
        statement machinery, which cost most of a scan's time."""
        from motcua_desk.store.repo import scan_read

        fairy = self.engine.raw_connection()
        try:
            return scan_read(fairy.driver_connection, code, self.codec)
        finally:
            fairy.close()  # back to the pool

    def checkpoint(self) -> None:
        """Copy the write-ahead log back into the database file and empty it, so that bytes
        overwritten in the database (a secret, say) leave no copy in the log."""
        with self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def inspect_file(path: Path) -> str:
    """'new' (absent or empty), 'ours', or raise NotOurDatabase for any other file."""
    if path.is_dir():
        raise NotOurDatabase(
            f"{path} is a folder, not a database file: give the path of the database file itself"
        )
    if not path.exists() or path.stat().st_size == 0:
        return "new"
    with open(path, "rb") as fh:
        head = fh.read(16)
    if not head.startswith(SQLITE_MAGIC):
        raise NotOurDatabase(f"{path} is not a motcua-desk database (not an SQLite file)")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            # Read through the WAL: a fresh header may still sit in the log, not the file.
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type='table'"
            ).fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as err:
        if getattr(err, "sqlite_errorcode", None) != 26:  # SQLITE_NOTADB; corruption is a fault
            raise
        raise NotOurDatabase(f"{path} is not a motcua-desk database ({err})") from err
    if app_id == APPLICATION_ID:
        return "ours"
    if tables == 0 and app_id == 0:
        return "new"
    raise NotOurDatabase(f"{path} is not a motcua-desk database (it belongs to another program)")
