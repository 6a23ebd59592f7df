"""volunteers: since when the person writes in their own chat with the bot

Revision ID: 0024_volunteer_private_since
Revises: 0023_chat_left_ad_key
Create Date: 2026-12-07 22:30:00

The welcome (and the main keyboard it brings) was due at a person's first contact only. Someone whose first
contact was in a group (a search there made their record) and who then opened a deep link in their own chat got the
listing or search and never a welcome. When their own chat began is now kept with the person, so the first private
contact is greeted, once, whatever came first. Filled for everyone who has written in their own chat already (a
conversation there, or a search in it): their welcome was due then.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0024_volunteer_private_since"
down_revision = "0023_chat_left_ad_key"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN: the volunteers table is not copied (on SQLite a copy would cascade-delete what refers to it).
    op.add_column("volunteers", sa.Column("private_since", sa.DateTime(timezone=True), nullable=True))
    volunteers = sa.table("volunteers", sa.column("id", sa.Integer()),
                          sa.column("private_since", sa.DateTime(timezone=True)),
                          sa.column("conversation_at", sa.DateTime(timezone=True)),
                          sa.column("created_at", sa.DateTime(timezone=True)))
    searches = sa.table("chat_searches", sa.column("volunteer_id", sa.Integer()), sa.column("private", sa.Boolean()))
    in_own_chat = sa.exists().where(searches.c.volunteer_id == volunteers.c.id, searches.c.private.is_(True))
    op.execute(
        volunteers.update()
        .where(sa.or_(volunteers.c.conversation_at.is_not(None), in_own_chat))
        .values(private_since=sa.func.coalesce(volunteers.c.conversation_at, volunteers.c.created_at))
    )


def downgrade() -> None:
    op.drop_column("volunteers", "private_since")
