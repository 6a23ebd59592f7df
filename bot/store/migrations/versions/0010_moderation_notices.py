"""moderation: the messages that show a waiting listing to admins

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 18:00:00

A decision answered the deciding admin with a pop-up only; every admin's copy of the listing kept its
buttons. The copies are remembered here, so a decision edits each of them to say what was decided and by whom.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "moderation_notices",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("opportunity_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("message_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["opportunity_id"], ["opportunities.id"],
                                name=op.f("fk_moderation_notices_opportunity_id_opportunities"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_moderation_notices")),
    )
    with op.batch_alter_table("moderation_notices", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_moderation_notices_opportunity_id"), ["opportunity_id"], unique=False)


def downgrade() -> None:
    op.drop_table("moderation_notices")
