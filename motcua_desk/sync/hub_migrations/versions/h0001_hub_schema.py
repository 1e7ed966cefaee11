"""hub schema: desks, events with their hub sequence, the counter, reference data

Revision ID: h0001
Revises:
Create Date: 2026-11-23

Frozen: this file describes hub schema h0001 as released; later changes go in new revisions.
"""

import sqlalchemy as sa
from alembic import op

HUB_APPLICATION_ID = 0x4D435548  # "MCUH", see motcua_desk.sync.hubstore

revision = "h0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"PRAGMA application_id = {HUB_APPLICATION_ID}")
    op.create_table(
        "hub_desks",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("desk_no", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("node_id", sa.String(length=36), nullable=True),
        sa.Column("agency_id", sa.String(length=30), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.String(length=26), nullable=False),
        sa.Column("last_seen_at", sa.String(length=26), nullable=True),
        sa.Column("last_skew_ms", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
        sa.UniqueConstraint("desk_no"),
        sa.UniqueConstraint("token_hash"),
        sa.UniqueConstraint("node_id"),
    )
    op.create_table(
        "hub_events",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("hub_seq", sa.BigInteger(), nullable=False),
        sa.Column("node_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("dossier_id", sa.String(length=36), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("desk_id", sa.Integer(), nullable=False),
        sa.Column("stored_at", sa.String(length=26), nullable=False),
        sa.ForeignKeyConstraint(["desk_id"], ["hub_desks.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("hub_seq"),
        sa.UniqueConstraint("node_id", "seq", name="uq_hub_events_node_seq"),
    )
    op.create_table(
        "hub_counters",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    op.bulk_insert(
        sa.table("hub_counters", sa.column("name", sa.String), sa.column("value", sa.BigInteger)),
        [{"name": "events", "value": 0}],
    )
    op.create_table(
        "hub_reference",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("published_at", sa.String(length=26), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("kind", "version"),
    )


def downgrade() -> None:
    raise NotImplementedError("the hub store never goes back a version; restore a backup")
