"""chat state: searches shown in result messages and the question the bot waits for

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 14:05:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "chat_searches",
        sa.Column("id", _ID, nullable=False),
        sa.Column("volunteer_id", _ID, nullable=False),
        sa.Column("query_text", sa.String(length=4096), nullable=False),
        sa.Column("refinement", _JSON, nullable=False),
        sa.Column("offset", sa.Integer(), nullable=False),
        sa.Column("candidates", _JSON, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["volunteer_id"], ["volunteers.id"], name=op.f("fk_chat_searches_volunteer_id_volunteers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chat_searches")),
    )
    with op.batch_alter_table("chat_searches", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_chat_searches_volunteer_id"), ["volunteer_id"], unique=False)

    op.create_table(
        "chat_states",
        sa.Column("volunteer_id", _ID, nullable=False),
        sa.Column("awaiting", sa.String(length=20), nullable=True),
        sa.Column("search_id", _ID, nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["search_id"], ["chat_searches.id"], name=op.f("fk_chat_states_search_id_chat_searches"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"], ["volunteers.id"], name=op.f("fk_chat_states_volunteer_id_volunteers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("volunteer_id", name=op.f("pk_chat_states")),
    )


def downgrade() -> None:
    op.drop_table("chat_states")
    with op.batch_alter_table("chat_searches", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_chat_searches_volunteer_id"))
    op.drop_table("chat_searches")
