"""Take a head database back to an older schema, for the upgrade tests and benchmarks (a
database made by the current code at the old revision would need the old code)."""

from __future__ import annotations

import sqlite3


def undo_0004(conn: sqlite3.Connection) -> None:
    """Take a head database back to schema 0003: the name index of 0001 without the facets."""
    for name in ("dossiers_fts_ai", "dossiers_fts_ad", "dossiers_fts_au"):
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("DROP TABLE dossier_fts")
    conn.execute("ALTER TABLE dossiers DROP COLUMN facets")
    conn.execute(
        "CREATE VIRTUAL TABLE dossier_fts USING fts5(search_name, content='dossiers', "
        "content_rowid='pk', tokenize='unicode61 remove_diacritics 2', prefix='2 3')"
    )
    conn.execute("INSERT INTO dossier_fts(dossier_fts) VALUES ('rebuild')")
    conn.execute(
        "CREATE TRIGGER dossiers_fts_ai AFTER INSERT ON dossiers BEGIN "
        "INSERT INTO dossier_fts(rowid, search_name) VALUES (new.pk, new.search_name); END"
    )
    conn.execute(
        "CREATE TRIGGER dossiers_fts_ad AFTER DELETE ON dossiers BEGIN "
        "INSERT INTO dossier_fts(dossier_fts, rowid, search_name) "
        "VALUES ('delete', old.pk, old.search_name); END"
    )
    conn.execute(
        "CREATE TRIGGER dossiers_fts_au AFTER UPDATE OF search_name ON dossiers BEGIN "
        "INSERT INTO dossier_fts(dossier_fts, rowid, search_name) "
        "VALUES ('delete', old.pk, old.search_name); "
        "INSERT INTO dossier_fts(rowid, search_name) VALUES (new.pk, new.search_name); END"
    )


def undo_0005(path) -> None:
    """Take a head database at `path` back to schema 0004: every payload as its JSON text (read
    with the database's own codec), no dictionaries, stamped 0004."""
    from motcua_desk.store.payload_codec import install_for

    undo_0006(path)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        install_for(conn)
        conn.execute("BEGIN")
        conn.execute(
            "UPDATE events SET payload = payload_text(payload) WHERE typeof(payload) = 'blob'"
        )
        conn.execute("DROP TABLE payload_dicts")
        conn.execute("UPDATE alembic_version SET version_num = '0004'")
        conn.execute("COMMIT")
    finally:
        conn.close()


def undo_0006(path) -> None:
    """Take a head database at `path` back to schema 0005 (no further when it is there
    already): the events table as 0001 declared it, every id and hash as its text, stamped
    0005."""
    from motcua_desk.store.payload_codec import install_for

    conn = sqlite3.connect(path, isolation_level=None)
    try:
        if conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] != "0006":
            return
        install_for(conn)
        conn.execute("BEGIN")
        conn.execute(
            "CREATE TABLE events_0005 (id VARCHAR(36) NOT NULL, dossier_id VARCHAR(36) NOT NULL, "
            "node_id VARCHAR(36) NOT NULL, seq INTEGER NOT NULL, hlc BIGINT NOT NULL, "
            "type VARCHAR(32) NOT NULL, occurred_at VARCHAR(26) NOT NULL, "
            "recorded_at VARCHAR(26) NOT NULL, officer VARCHAR(100) NOT NULL, "
            "payload JSON NOT NULL, prev_hash VARCHAR(64) NOT NULL, hash VARCHAR(64) NOT NULL, "
            "acked BOOLEAN NOT NULL, hub_seq BIGINT, PRIMARY KEY (id), "
            "CONSTRAINT uq_events_node_seq UNIQUE (node_id, seq))"
        )
        conn.execute(
            "INSERT INTO events_0005 (rowid, id, dossier_id, node_id, seq, hlc, type, "
            "occurred_at, recorded_at, officer, payload, prev_hash, hash, acked, hub_seq) "
            "SELECT rowid, uuid_text(id), dossier_id, uuid_text(node_id), seq, hlc, type, "
            "occurred_at, recorded_at, officer, payload, hash_text(prev_hash), hash_text(hash), "
            "acked, hub_seq FROM events ORDER BY rowid"
        )
        conn.execute("DROP TABLE events")
        conn.execute("ALTER TABLE events_0005 RENAME TO events")
        conn.execute("CREATE INDEX ix_events_dossier ON events (dossier_id, hlc)")
        conn.execute("CREATE INDEX ix_events_type_time ON events (type, occurred_at)")
        conn.execute("CREATE INDEX ix_events_unacked ON events (node_id, seq) WHERE acked = 0")
        conn.execute("UPDATE alembic_version SET version_num = '0005'")
        conn.execute("COMMIT")
    finally:
        conn.close()
