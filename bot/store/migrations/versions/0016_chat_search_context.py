"""chat searches: the chat kind, the reply language and whether the text was understood

Revision ID: 0016_chat_search_context
Revises: 0015_search_geo_place_precision
Create Date: 2026-12-06 05:10:00

A message goes on from the person's last search ("und in Kassel?", "weiter") only in the same kind of chat: a
group never sees a private search's page or place, nor the reverse, so each search says where it was made. The
reply language is kept with the search, so a short follow-up ("at weekends") is answered in the language the
conversation is in; and a search that understood nothing ("🐶🐱") is no search to go on from.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016_chat_search_context"
down_revision = "0015_search_geo_place_precision"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("chat_searches") as batch:
        batch.add_column(sa.Column("private", sa.Boolean(), nullable=False, server_default=sa.true()))
        batch.add_column(sa.Column("lang", sa.String(length=8), nullable=True))
        batch.add_column(sa.Column("understood", sa.Boolean(), nullable=False, server_default=sa.true()))


def downgrade() -> None:
    with op.batch_alter_table("chat_searches") as batch:
        batch.drop_column("understood")
        batch.drop_column("lang")
        batch.drop_column("private")
