"""search: the geo indexes cover place_precision, so a search around a place reads no table rows

Revision ID: 0015_search_geo_place_precision
Revises: 0014_chat_menus
Create Date: 2026-12-04 23:00:00

Since approximate places are ranked as such (bot.search.precision), the score of a search around a place reads
`place_precision`, which the covering geo indexes (0003, 0007, 0011) did not hold. PostgreSQL then gave up the
index-only scan and read every listing in the search box from the table (through the plain (status, lat, lon)
index): on 100,000 listings a third of the benchmark's buffer reads, and the median search's server time
fell from 5.4-7.1 to 3.4-4.0 ms with the column covered. SQLite reads the same column from the index now too.
Only the geo indexes change: the pooled searches (0006) rank without the column (bot.search.retrieval).
"""

from __future__ import annotations

from alembic import op

revision = "0015_search_geo_place_precision"
down_revision = "0014_chat_menus"
branch_labels = None
depends_on = None

# The geo index of each searched table (listings, volunteers' ads), and what both covered before.
_GEO = {"opportunities": "ix_opportunities_search_geo", "volunteer_ads": "ix_volunteer_ads_search_geo"}
_COVERING = "category_mask, time_mask, remote, expires_at, published_at, newcomer_friendly, languages"


def upgrade() -> None:
    for table, name in _GEO.items():
        _recreate(table, name, f"{_COVERING}, place_precision")


def downgrade() -> None:
    for table, name in _GEO.items():
        _recreate(table, name, _COVERING)


def _recreate(table: str, name: str, covering: str) -> None:
    """Builds a geo index anew with the given covered columns (the id is covered on PostgreSQL as in 0007)."""
    op.execute(f"DROP INDEX IF EXISTS {name}")
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"CREATE INDEX {name} ON {table} (status, lat, lon, {covering})")
    else:
        op.execute(
            f"CREATE INDEX {name} ON {table} (lat, lon) INCLUDE (id, {covering}) WHERE status = 'published'"
        )
