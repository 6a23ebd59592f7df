"""search: covering indexes in id order for nationwide and remote searches

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22 12:20:00

A search without a place (or for remote listings) ranks the most recently added matching listings, a
pool of bounded size, instead of scoring every published listing in Germany: these indexes hand them
out newest first (by id) with every column the ranking reads, so the pool is read from the index alone.
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_COVERING = "category_mask, time_mask, remote, expires_at, published_at, newcomer_friendly, languages, lat, lon"
_OLD_REMOTE_SQLITE = (
    "CREATE INDEX ix_opportunities_search_remote ON opportunities (status, category_mask, time_mask, remote, "
    "expires_at, published_at, newcomer_friendly, languages, lat, lon) WHERE remote = 1"
)
_OLD_REMOTE_POSTGRES = (
    "CREATE INDEX ix_opportunities_search_remote ON opportunities (published_at) INCLUDE (category_mask, "
    "time_mask, remote, expires_at, published_at, newcomer_friendly, languages, lat, lon) "
    "WHERE status = 'published' AND remote"
)


def upgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_opportunities_search_remote")
    if op.get_bind().dialect.name == "sqlite":
        # SQLite has no INCLUDE: id right after status keeps the entries in id order, the rest covers.
        op.execute(f"CREATE INDEX ix_opportunities_search_recent ON opportunities (status, id, {_COVERING})")
        op.execute(
            f"CREATE INDEX ix_opportunities_search_remote ON opportunities (status, id, {_COVERING}) "
            "WHERE remote = 1"
        )
    else:
        op.execute(
            f"CREATE INDEX ix_opportunities_search_recent ON opportunities (id DESC) INCLUDE ({_COVERING}) "
            "WHERE status = 'published'"
        )
        op.execute(
            f"CREATE INDEX ix_opportunities_search_remote ON opportunities (id DESC) INCLUDE ({_COVERING}) "
            "WHERE status = 'published' AND remote"
        )


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_opportunities_search_recent")
    op.execute("DROP INDEX IF EXISTS ix_opportunities_search_remote")
    op.execute(_OLD_REMOTE_SQLITE if op.get_bind().dialect.name == "sqlite" else _OLD_REMOTE_POSTGRES)
