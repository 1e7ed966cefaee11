"""dossiers: the applicant's date of birth and sex, the queue ticket, the fees collected

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02

Six projection columns, filled for the dossiers already held from their received events (the
payload keys a desk of schema 0002 may already hold: applicant.birth_date and .sex, and from a
newer desk ticket and fee, kept as unknown keys). The rule is the fold's at this revision: the
first received event of a dossier in (hlc, node_id, id) order. No fee_recorded event can be
stored at 0002 (its type was unknown there, refused at the border). Values that are not of
the expected type are left at the column's default, as the fold's projection does.

Frozen: this file describes schema 0003 as released; later changes go in new revisions.
"""
import json

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

_COLUMNS = (
    ('applicant_birth_date', sa.String(length=10), "''"),
    ('applicant_sex', sa.String(length=6), "''"),
    ('queue_ticket', sa.String(length=12), "''"),
    ('fee_paid', sa.BigInteger(), "0"),
    ('fee_method', sa.String(length=10), "''"),
    ('fee_receipt_ref', sa.String(length=100), "''"),
)


def upgrade() -> None:
    for name, type_, default in _COLUMNS:
        # (plain ALTER TABLE ADD COLUMN: no copy of the table, the FTS triggers stay)
        op.add_column('dossiers', sa.Column(name, type_, nullable=False,
                                            server_default=sa.text(default)))
    op.create_index('ix_dossiers_birth', 'dossiers', ['applicant_birth_date'],
                    sqlite_where=sa.text("applicant_birth_date != ''"))
    op.create_index('ix_dossiers_ticket', 'dossiers', ['queue_ticket'],
                    sqlite_where=sa.text("queue_ticket != ''"))
    _fill()


def _str(value) -> str:
    return value if type(value) is str else ""


def _fill() -> None:
    conn = op.get_bind()
    rows = conn.exec_driver_sql(
        "SELECT dossier_id, payload FROM events WHERE type = 'received' "
        "ORDER BY dossier_id, hlc, node_id, id")
    updates = []
    seen = None
    for dossier_id, payload_text in rows:
        if dossier_id == seen:
            continue  # a second receipt is a conflict: the fold keeps the first
        seen = dossier_id
        try:
            payload = json.loads(payload_text)
        except (TypeError, ValueError):
            continue
        if not isinstance(payload, dict):
            continue
        applicant = payload.get("applicant")
        applicant = applicant if isinstance(applicant, dict) else {}
        fee = payload.get("fee")
        paid, method, ref = 0, "", ""
        if isinstance(fee, dict) and type(fee.get("amount")) is int:
            paid, method, ref = fee["amount"], _str(fee.get("method")), _str(
                fee.get("receipt_ref"))
        values = (_str(applicant.get("birth_date")), _str(applicant.get("sex")),
                  _str(payload.get("ticket")), paid, method, ref)
        if values != ("", "", "", 0, "", ""):
            updates.append((*values, dossier_id))
    if updates:
        conn.exec_driver_sql(
            "UPDATE dossiers SET applicant_birth_date = ?, applicant_sex = ?, queue_ticket = ?, "
            "fee_paid = ?, fee_method = ?, fee_receipt_ref = ? WHERE id = ?", updates)


def downgrade() -> None:
    raise NotImplementedError("the desk database never goes back a version; restore a backup")
