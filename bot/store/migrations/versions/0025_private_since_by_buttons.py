"""volunteers: own chats begun with buttons and links alone are known to have begun

Revision ID: 0025_private_since_by_buttons
Revises: 0024_volunteer_private_since
Create Date: 2026-12-08 02:00:00

0024 filled private_since only for people with a conversation or a search in their own chat. Someone who before it
used only buttons and links there (opened a listing from a club's website, kept it with ☆, chose a language or an
alert mode, shared their place) had neither, so their next deep link counted as their first private contact and
brought the welcome a second time. Filled now for everyone who left a trace only their own chat makes (a favourite,
a saved search, a saved place, an open question, an ad of their own, an interest reported), and for everyone with no
search in a group at all, whose record was therefore made in their own chat: a group's people are met by searching
there. Left empty only for people whose searches were all in groups, who are welcomed at their first private
contact as 0024 meant.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0025_private_since_by_buttons"
down_revision = "0024_volunteer_private_since"
branch_labels = None
depends_on = None


def upgrade() -> None:
    volunteers = sa.table("volunteers", sa.column("id", sa.Integer()),
                          sa.column("private_since", sa.DateTime(timezone=True)),
                          sa.column("home_consent_at", sa.DateTime(timezone=True)),
                          sa.column("created_at", sa.DateTime(timezone=True)))
    person = volunteers.c.id
    own_chat_only = [sa.exists().where(sa.table(name, sa.column("volunteer_id", sa.Integer())).c.volunteer_id == person)
                     for name in ("favourites", "saved_searches", "chat_states", "volunteer_ads", "interest_reports")]
    searches = sa.table("chat_searches", sa.column("volunteer_id", sa.Integer()), sa.column("private", sa.Boolean()))
    in_a_group = sa.exists().where(searches.c.volunteer_id == person, searches.c.private.is_(False))
    op.execute(
        volunteers.update()
        .where(volunteers.c.private_since.is_(None),
               sa.or_(volunteers.c.home_consent_at.is_not(None), *own_chat_only, sa.not_(in_a_group)))
        .values(private_since=volunteers.c.created_at)
    )


def downgrade() -> None:
    pass  # the column stays (0024's); which rows this filled is not kept, and an earlier date welcomes no one twice
