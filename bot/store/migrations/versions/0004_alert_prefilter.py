"""alert prefilter columns on saved searches, and searches behind long deep links

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 16:10:00

saved_searches gets the resolved criteria as columns (centre, radius and its class, category, exclusion
and time bitmasks, remote, free words) so matching a newly published listing prefilters a million saved searches in
SQL, and a unique (volunteer_id, criteria_key) index so the same search is saved once.
Only ADD COLUMN and CREATE INDEX: on SQLite a table rebuild of saved_searches would drop the parent rows
of alert_deliveries and, with foreign keys on, delete the delivery records that make alerts at-most-once.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def _columns() -> list[sa.Column]:  # type: ignore[type-arg]
    """Returns the new saved_searches columns (fresh objects: a Column belongs to one table)."""
    return [
        sa.Column("criteria_key", sa.String(length=32), nullable=True),
        sa.Column("centre_lat", sa.Float(), nullable=True),
        sa.Column("centre_lon", sa.Float(), nullable=True),
        sa.Column("radius_km", sa.Float(), nullable=True),
        sa.Column("radius_class", sa.SmallInteger(), server_default="0", nullable=False),
        sa.Column("category_mask", sa.Integer(), server_default="0", nullable=False),
        sa.Column("exclude_mask", sa.Integer(), server_default="0", nullable=False),
        sa.Column("time_mask", sa.Integer(), server_default="0", nullable=False),
        sa.Column("remote_only", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("has_keywords", sa.Boolean(), server_default=sa.false(), nullable=False),
    ]


def upgrade() -> None:
    for column in _columns():
        op.add_column("saved_searches", column)
    op.create_index(
        "uq_saved_searches_volunteer_id_criteria_key", "saved_searches", ["volunteer_id", "criteria_key"], unique=True
    )
    op.create_index(
        "ix_saved_searches_area", "saved_searches", ["active", "radius_class", "centre_lat", "centre_lon"], unique=False
    )
    op.create_table(
        "shared_searches",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("text", sa.String(length=4096), nullable=False),
        sa.Column("refinement", _JSON, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_shared_searches")),
    )


def downgrade() -> None:
    op.drop_table("shared_searches")
    op.drop_index("ix_saved_searches_area", table_name="saved_searches")
    op.drop_index("uq_saved_searches_volunteer_id_criteria_key", table_name="saved_searches")
    for column in reversed(_columns()):
        op.drop_column("saved_searches", column.name)
