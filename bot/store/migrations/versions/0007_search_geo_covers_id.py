"""search: the PostgreSQL geo index covers the id, and word statistics reach beyond the commonest words

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-22 13:05:00

Without the id among its columns PostgreSQL could not answer the ranking from the index and visited the
table for every listing in the latitude band: 58,000 rows for Berlin at a million listings, 220 ms.
SQLite's indexes always carry the rowid, so nothing changes there.

The search decides how to look up free words by how many listings hold them, which PostgreSQL only
knows from ANALYZE's most common elements of search_vector: with the default target those were the
~1,000 commonest words and a word in 5,000 listings counted as rare. A target of 1,000 keeps ~10,000.
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_COVERING = "category_mask, time_mask, remote, expires_at, published_at, newcomer_friendly, languages"


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    op.execute("DROP INDEX IF EXISTS ix_opportunities_search_geo")
    op.execute(
        f"CREATE INDEX ix_opportunities_search_geo ON opportunities (lat, lon) INCLUDE (id, {_COVERING}) "
        "WHERE status = 'published'"
    )
    op.execute("ALTER TABLE opportunities ALTER COLUMN search_vector SET STATISTICS 1000")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    op.execute("ALTER TABLE opportunities ALTER COLUMN search_vector SET STATISTICS -1")
    op.execute("DROP INDEX IF EXISTS ix_opportunities_search_geo")
    op.execute(
        f"CREATE INDEX ix_opportunities_search_geo ON opportunities (lat, lon) INCLUDE ({_COVERING}) "
        "WHERE status = 'published'"
    )
