"""chat menus: the version of the command menu set in each admin's and organisation member's own chat

Revision ID: 0014_chat_menus
Revises: 0013_data_version
Create Date: 2026-12-04 23:10:00

Admins and organisations' members get a command menu of their own chat (bot.menus). Setting it costs three
Bot API calls per person; the version kept here lets a restart skip every menu that is already right, lets
several processes share the work without repeating it, and tells which chats must get the common menu back
when a person loses the rights their menu showed. skipped_at marks a version Telegram refused because the chat
is gone (blocked, never opened): it is not sent again until the menu changes or the person writes /start.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_chat_menus"
down_revision = "0013_data_version"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "chat_menus",
        sa.Column("telegram_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("version", sa.String(length=16), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("skipped_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("telegram_id", name=op.f("pk_chat_menus")),
    )


def downgrade() -> None:
    op.drop_table("chat_menus")
