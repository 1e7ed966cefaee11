"""dossiers.facets and the name index rebuilt over (search_name, facets), with prefix indexes
up to 7 letters

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03

The search page's filters (status, field, department, month of receipt) become words of the
FTS5 index beside the folded name, so a name with any combination of filters is answered by
one FTS query, newest first, stopping at its limit (issue 13). The prefix indexes grow from
2 and 3 letters to 2..7: a Vietnamese syllable has at most 7 letters, so every typed word is a
prefix the index holds instead of a walk over every term that starts with it.

The facet words are the rule of store.projection.facets at this revision, written out here
(a migration is frozen: it must keep writing what 0004 meant when that rule changes later).

Frozen: this file describes schema 0004 as released; later changes go in new revisions.
"""
import zlib
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import context, op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

_FTS = ("CREATE VIRTUAL TABLE dossier_fts USING fts5(search_name, facets, content='dossiers', "
        "content_rowid='pk', tokenize='unicode61 remove_diacritics 2', "
        "prefix='2 3 4 5 6 7')")
_TRIGGERS = (
    "CREATE TRIGGER dossiers_fts_ai AFTER INSERT ON dossiers BEGIN "
    "INSERT INTO dossier_fts(rowid, search_name, facets) "
    "VALUES (new.pk, new.search_name, new.facets); END",
    "CREATE TRIGGER dossiers_fts_ad AFTER DELETE ON dossiers BEGIN "
    "INSERT INTO dossier_fts(dossier_fts, rowid, search_name, facets) "
    "VALUES ('delete', old.pk, old.search_name, old.facets); END",
    "CREATE TRIGGER dossiers_fts_au AFTER UPDATE OF search_name, facets ON dossiers BEGIN "
    "INSERT INTO dossier_fts(dossier_fts, rowid, search_name, facets) "
    "VALUES ('delete', old.pk, old.search_name, old.facets); "
    "INSERT INTO dossier_fts(rowid, search_name, facets) "
    "VALUES (new.pk, new.search_name, new.facets); END",
)
_BATCH = 20_000


def _facet(kind: int, n: int) -> str:
    # one CJK ideograph per facet: block `kind` of 4,096 from U+4E00
    return chr(0x4E00 + kind * 4096 + n % 4096)


def _crc(kind: int, value) -> str:
    value = value if type(value) is str else ""
    return _facet(kind, zlib.crc32(value.encode('utf-8')))


def _facets(status, field, department, received_at) -> str:
    words = [_crc(0, str(status)), _crc(1, field), _crc(2, department)]
    if received_at:
        # stored as UTC text "YYYY-MM-DD HH:MM:SS.ffffff"
        moment = datetime.fromisoformat(received_at).replace(tzinfo=UTC)
        words.append(_facet(3, moment.year * 12 + moment.month - 1))
    return " ".join(words)


def _reporter():
    """The progress callback store.migrate hands the scripts (fractions of this script's work),
    or one that does nothing (the script run some other way)."""
    attributes = getattr(context.config, "attributes", {}) if context.config else {}
    return attributes.get("progress") or (lambda _done: None)


def upgrade() -> None:
    conn = op.get_bind()
    report = _reporter()
    total = conn.exec_driver_sql("SELECT count(*) FROM dossiers").scalar() or 1
    for name in ("dossiers_fts_ai", "dossiers_fts_ad", "dossiers_fts_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS dossier_fts")
    # (plain ALTER TABLE ADD COLUMN: no copy of the table)
    op.add_column('dossiers', sa.Column('facets', sa.String(length=120), nullable=False,
                                        server_default=sa.text("''")))
    last, done = 0, 0
    while True:
        rows = conn.exec_driver_sql(
            "SELECT pk, status, field, department, received_at FROM dossiers WHERE pk > ? "
            "ORDER BY pk LIMIT ?", (last, _BATCH)).fetchall()
        if not rows:
            break
        conn.exec_driver_sql("UPDATE dossiers SET facets = ? WHERE pk = ?",
                             [(_facets(*r[1:]), r[0]) for r in rows])
        last = rows[-1][0]
        done += len(rows)
        report(0.6 * done / total)  # the column: 60 %, the index: the rest
    op.execute(_FTS)
    op.execute("INSERT INTO dossier_fts(dossier_fts) VALUES ('rebuild')")
    report(0.95)
    for sql in _TRIGGERS:
        op.execute(sql)


def downgrade() -> None:
    raise NotImplementedError("the desk database never goes back a version; restore a backup")
