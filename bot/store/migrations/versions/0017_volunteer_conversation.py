"""volunteers: the language their conversation goes on in, and since when

Revision ID: 0017_volunteer_conversation
Revises: 0016_chat_search_context
Create Date: 2026-12-06 08:20:00

Every update in a person's own chat is answered in their conversation's language (English after English
messages, bot.conversation.language). It was read from their newest search, one more statement for every
update; kept with the person, it comes with the row each update loads anyway. Filled from the newest search
in each person's own chat, so a conversation going on while the bot is upgraded keeps its language.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017_volunteer_conversation"
down_revision = "0016_chat_search_context"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN: the volunteers table is not copied (on SQLite a copy would cascade-delete what refers to it).
    op.add_column("volunteers", sa.Column("conversation_lang", sa.String(length=8), nullable=True))
    op.add_column("volunteers", sa.Column("conversation_at", sa.DateTime(timezone=True), nullable=True))
    volunteers = sa.table("volunteers", sa.column("id", sa.Integer()), sa.column("conversation_lang", sa.String()),
                          sa.column("conversation_at", sa.DateTime(timezone=True)))
    searches = sa.table("chat_searches", sa.column("id", sa.Integer()), sa.column("volunteer_id", sa.Integer()),
                        sa.column("private", sa.Boolean()), sa.column("lang", sa.String()),
                        sa.column("created_at", sa.DateTime(timezone=True)))

    def newest(column: sa.ColumnClause[object]) -> sa.ScalarSelect[object]:
        return (sa.select(column).where(searches.c.volunteer_id == volunteers.c.id, searches.c.private.is_(True))
                .order_by(searches.c.id.desc()).limit(1).scalar_subquery())

    op.execute(
        volunteers.update()
        .where(sa.exists().where(searches.c.volunteer_id == volunteers.c.id, searches.c.private.is_(True)))
        .values(conversation_lang=newest(searches.c.lang), conversation_at=newest(searches.c.created_at))
    )


def downgrade() -> None:
    op.drop_column("volunteers", "conversation_at")
    op.drop_column("volunteers", "conversation_lang")
