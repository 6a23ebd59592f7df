"""broadcasts: one row of reserved send time, shared by every process on the database

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 03:00:00

Each process paced its broadcasts by itself, so two bot processes on one PostgreSQL sent at twice the
configured rate and a 429 seen by one did not stop the other. bot.broadcasts.pacing reserves send time in
this row instead. SQLite serves one process, which paces alone; the table exists there too, so both
schemas stay the same.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pacing = op.create_table(
        "broadcast_pacing",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("next_slot", sa.Float(), nullable=False, server_default="0"),
        sa.Column("paused_until", sa.Float(), nullable=False, server_default="0"),
    )
    op.bulk_insert(pacing, [{"id": 1, "next_slot": 0.0, "paused_until": 0.0}])


def downgrade() -> None:
    op.drop_table("broadcast_pacing")
