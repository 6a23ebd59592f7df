"""posting: ask 'Noch aktuell?' once per period, keep the name a volunteer shared with an organisation

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 12:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (no batch copy): SQLite keeps its FTS triggers and every row as they are.
    op.add_column("opportunities", sa.Column("renewal_reminded_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("interest_reports", sa.Column("shared_name", sa.String(length=200), nullable=True))


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+) for the same reason: a batch copy would lose the search triggers.
    op.drop_column("interest_reports", "shared_name")
    op.drop_column("opportunities", "renewal_reminded_at")
