"""chat: the ad a search went past is kept beside the open question, not in its place

Revision ID: 0022_chat_left_ad
Revises: 0021_search_lat_cells
Create Date: 2026-12-07 16:20:00

An ad waiting for its buttons, when a text comes, is left for a search; the note says /abbrechen drops it. That
search may ask "Wo soll ich suchen?", which took the one awaiting slot, so /abbrechen then cancelled the search and
kept the ad. The ad left now has a column of its own.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0022_chat_left_ad"
down_revision = "0021_search_lat_cells"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("chat_states") as batch:
        batch.add_column(sa.Column("left_ad_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("chat_states") as batch:
        batch.drop_column("left_ad_id")
