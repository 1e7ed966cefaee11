"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-23

Frozen: this file describes schema 0001 as released; later changes go in new revisions.
"""
import sqlalchemy as sa
from alembic import op

APPLICATION_ID = 0x4D435544  # "MCUD", see motcua_desk.store.models

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    op.create_table('calendar_overrides',
    sa.Column('day', sa.String(length=10), nullable=False),
    sa.Column('kind', sa.String(length=4), nullable=False),
    sa.Column('reason', sa.String(length=300), nullable=False),
    sa.Column('legal_ref', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('day')
    )
    op.create_table('conflicts',
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('dossier_id', sa.String(length=36), nullable=False),
    sa.Column('event_type', sa.String(length=32), nullable=False),
    sa.Column('node_id', sa.String(length=36), nullable=False),
    sa.Column('officer', sa.String(length=100), nullable=False),
    sa.Column('occurred_at', sa.String(length=26), nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('reason', sa.String(length=40), nullable=False),
    sa.Column('detected_at', sa.String(length=26), nullable=False),
    sa.Column('acknowledged', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('event_id')
    )
    with op.batch_alter_table('conflicts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conflicts_dossier_id'), ['dossier_id'], unique=False)

    op.create_table('departments',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('short', sa.String(length=20), nullable=False),
    sa.Column('step_working_days', sa.Float(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('desk',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('node_id', sa.String(length=36), nullable=False),
    sa.Column('agency_id', sa.String(length=30), nullable=False),
    sa.Column('agency_name', sa.String(length=200), nullable=False),
    sa.Column('parent_name', sa.String(length=200), nullable=False),
    sa.Column('place', sa.String(length=100), nullable=False),
    sa.Column('desk_no', sa.Integer(), nullable=False),
    sa.Column('desk_slots', sa.Integer(), nullable=False),
    sa.Column('officer', sa.String(length=100), nullable=False),
    sa.Column('officer_phone', sa.String(length=20), nullable=False),
    sa.Column('demo', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.String(length=26), nullable=False),
    sa.Column('last_seq', sa.Integer(), nullable=False),
    sa.Column('last_hash', sa.String(length=64), nullable=False),
    sa.Column('last_hlc', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('node_id')
    )
    op.create_table('dossiers',
    sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('code', sa.String(length=60), nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('national_status', sa.Integer(), nullable=False),
    sa.Column('procedure_code', sa.String(length=20), nullable=False),
    sa.Column('procedure_name', sa.String(length=400), nullable=False),
    sa.Column('field', sa.String(length=100), nullable=False),
    sa.Column('department', sa.String(length=200), nullable=False),
    sa.Column('applicant_name', sa.String(length=100), nullable=False),
    sa.Column('search_name', sa.String(length=100), nullable=False),
    sa.Column('id_number', sa.String(length=12), nullable=False),
    sa.Column('phone', sa.String(length=15), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('sets', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=10), nullable=False),
    sa.Column('received_at', sa.String(length=26), nullable=False),
    sa.Column('due_at', sa.String(length=26), nullable=True),
    sa.Column('original_due_at', sa.String(length=26), nullable=True),
    sa.Column('result_at', sa.String(length=26), nullable=True),
    sa.Column('returned_at', sa.String(length=26), nullable=True),
    sa.Column('returned_to', sa.String(length=100), nullable=False),
    sa.Column('return_method', sa.String(length=10), nullable=False),
    sa.Column('location', sa.String(length=200), nullable=False),
    sa.Column('location_since', sa.String(length=26), nullable=True),
    sa.Column('desk_no', sa.Integer(), nullable=False),
    sa.Column('ledger_year', sa.Integer(), nullable=False),
    sa.Column('ledger_number', sa.Integer(), nullable=False),
    sa.Column('supplement_count', sa.Integer(), nullable=False),
    sa.Column('extended', sa.Boolean(), nullable=False),
    sa.Column('conflict_count', sa.Integer(), nullable=False),
    sa.Column('event_count', sa.Integer(), nullable=False),
    sa.Column('last_hlc', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('pk'),
    sa.UniqueConstraint('code'),
    sa.UniqueConstraint('id')
    )
    with op.batch_alter_table('dossiers', schema=None) as batch_op:
        batch_op.create_index('ix_dossiers_conflicts', ['conflict_count'], unique=False, sqlite_where=sa.text('conflict_count > 0'))
        batch_op.create_index('ix_dossiers_id_number', ['id_number'], unique=False)
        batch_op.create_index('ix_dossiers_ledger', ['ledger_year', 'desk_no', 'ledger_number'], unique=False)
        batch_op.create_index('ix_dossiers_location', ['location', 'location_since'], unique=False)
        batch_op.create_index('ix_dossiers_phone', ['phone'], unique=False)
        batch_op.create_index('ix_dossiers_received', ['received_at'], unique=False)
        batch_op.create_index('ix_dossiers_returned', ['returned_at'], unique=False)
        batch_op.create_index('ix_dossiers_status_due', ['status', 'due_at'], unique=False)

    op.create_table('events',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('dossier_id', sa.String(length=36), nullable=False),
    sa.Column('node_id', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('hlc', sa.BigInteger(), nullable=False),
    sa.Column('type', sa.String(length=32), nullable=False),
    sa.Column('occurred_at', sa.String(length=26), nullable=False),
    sa.Column('recorded_at', sa.String(length=26), nullable=False),
    sa.Column('officer', sa.String(length=100), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.Column('acked', sa.Boolean(), nullable=False),
    sa.Column('hub_seq', sa.BigInteger(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('node_id', 'seq', name='uq_events_node_seq')
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index('ix_events_dossier', ['dossier_id', 'hlc'], unique=False)
        batch_op.create_index('ix_events_type_time', ['type', 'occurred_at'], unique=False)
        batch_op.create_index('ix_events_unacked', ['node_id', 'seq'], unique=False, sqlite_where=sa.text('acked = 0'))

    op.create_table('procedures',
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=400), nullable=False),
    sa.Column('name_fold', sa.String(length=400), nullable=False),
    sa.Column('field', sa.String(length=100), nullable=False),
    sa.Column('department', sa.String(length=200), nullable=False),
    sa.Column('effective_date', sa.String(length=10), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('code', 'version')
    )
    with op.batch_alter_table('procedures', schema=None) as batch_op:
        batch_op.create_index('ix_procedures_active', ['active', 'code'], unique=False)

    op.create_table('reference_versions',
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.String(length=26), nullable=False),
    sa.PrimaryKeyConstraint('kind')
    )
    op.create_table('sequences',
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('name')
    )
    op.create_table('settings',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    # Diacritic-insensitive name search: dossiers.search_name holds the folded name (đ→d done in
    # Python), an external-content FTS5 index follows it through triggers.
    op.execute("CREATE VIRTUAL TABLE dossier_fts USING fts5(search_name, content='dossiers', "
               "content_rowid='pk', tokenize='unicode61 remove_diacritics 2', prefix='2 3')")
    op.execute("CREATE TRIGGER dossiers_fts_ai AFTER INSERT ON dossiers BEGIN "
               "INSERT INTO dossier_fts(rowid, search_name) VALUES (new.pk, new.search_name); END")
    op.execute("CREATE TRIGGER dossiers_fts_ad AFTER DELETE ON dossiers BEGIN "
               "INSERT INTO dossier_fts(dossier_fts, rowid, search_name) "
               "VALUES ('delete', old.pk, old.search_name); END")
    op.execute("CREATE TRIGGER dossiers_fts_au AFTER UPDATE OF search_name ON dossiers BEGIN "
               "INSERT INTO dossier_fts(dossier_fts, rowid, search_name) "
               "VALUES ('delete', old.pk, old.search_name); "
               "INSERT INTO dossier_fts(rowid, search_name) VALUES (new.pk, new.search_name); END")


def downgrade() -> None:
    raise NotImplementedError("the desk database never goes back a version; restore a backup")
