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
