"""chat: the ad left for a search is a foreign key to it, set to NULL when the ad is deleted

Revision ID: 0023_chat_left_ad_key
Revises: 0022_chat_left_ad
Create Date: 2026-12-07 18:20:00

0022 kept the ad a search went past (chat_states.left_ad_id) as a bare integer: a deleted ad (a draft nobody
finished, the person's /loeschen) left its id behind, pointing at nothing, or on SQLite, which gives the highest
freed id again, at the next person's new ad. Now the column refers to volunteer_ads with ON DELETE SET NULL: the person's open question stays, only the promise
that /abbrechen drops that ad goes with the ad. The column takes the ids' type (BIGINT on PostgreSQL) and an index,
so that deleting an ad does not read every person's chat state. Ids that point nowhere already are cleared first.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0023_chat_left_ad_key"
down_revision = "0022_chat_left_ad"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_KEY = "fk_chat_states_left_ad_id_volunteer_ads"
_INDEX = "ix_chat_states_left_ad_id"


def upgrade() -> None:
    op.execute("UPDATE chat_states SET left_ad_id = NULL WHERE left_ad_id IS NOT NULL"
               " AND NOT EXISTS (SELECT 1 FROM volunteer_ads WHERE volunteer_ads.id = chat_states.left_ad_id)")
    with op.batch_alter_table("chat_states") as batch:
        batch.alter_column("left_ad_id", existing_type=sa.Integer(), type_=_ID, existing_nullable=True)
        batch.create_index(batch.f(_INDEX), ["left_ad_id"], unique=False)
        batch.create_foreign_key(batch.f(_KEY), "volunteer_ads", ["left_ad_id"], ["id"], ondelete="SET NULL")


def downgrade() -> None:
    with op.batch_alter_table("chat_states") as batch:
        batch.drop_constraint(batch.f(_KEY), type_="foreignkey")
        batch.drop_index(batch.f(_INDEX))
        batch.alter_column("left_ad_id", existing_type=_ID, type_=sa.Integer(), existing_nullable=True)
