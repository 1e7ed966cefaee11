"""quarantine: pulled events a desk keeps but cannot apply (or applies and lists)

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02

Frozen: this file describes schema 0002 as released; later changes go in new revisions.
"""
import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('quarantine',
    sa.Column('event_id', sa.String(length=64), nullable=False),
    sa.Column('hub_seq', sa.BigInteger(), nullable=True),
    sa.Column('node_id', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=True),
    sa.Column('dossier_id', sa.String(length=36), nullable=False),
    sa.Column('event_type', sa.String(length=32), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.Column('reason', sa.String(length=40), nullable=False),
    sa.Column('detail', sa.String(length=500), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('applied', sa.Boolean(), nullable=False),
    sa.Column('detected_at', sa.String(length=26), nullable=False),
    sa.Column('acknowledged', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('event_id')
    )
    op.create_index('ix_quarantine_node_seq', 'quarantine', ['node_id', 'seq'])


def downgrade() -> None:
    raise NotImplementedError("the desk database never goes back a version; restore a backup")
