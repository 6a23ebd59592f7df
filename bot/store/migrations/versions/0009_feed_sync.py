"""opportunities: how precise a listing's place is, why it left search, and what a feed last said of it

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 18:00:00

Imports from agency feeds (issue 13) need: place_precision, so a listing placed only at its town or quarter
is shown as "in Hamburg" and never as the nearest one; status_reason, so a listing withdrawn because a feed
snapshot no longer holds it says why (and comes back when the feed does); feed_hash, a fingerprint of what
the feed said last time, so importing the same snapshot again changes nothing; feed_hints, the agency's own
labels that map to no category, kept for a later mapping.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (no batch copy): SQLite keeps its FTS triggers and every row as they are.
    op.add_column("opportunities", sa.Column("place_precision", sa.String(length=12), nullable=True))
    op.add_column("opportunities", sa.Column("status_reason", sa.String(length=200), nullable=True))
    op.add_column("opportunities", sa.Column("feed_hash", sa.String(length=32), nullable=True))
    op.add_column("opportunities", sa.Column("feed_hints", sa.JSON().with_variant(JSONB(), "postgresql"),
                                             nullable=True))


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+) for the same reason: a batch copy would lose the search triggers.
    op.drop_column("opportunities", "feed_hints")
    op.drop_column("opportunities", "feed_hash")
    op.drop_column("opportunities", "status_reason")
    op.drop_column("opportunities", "place_precision")
