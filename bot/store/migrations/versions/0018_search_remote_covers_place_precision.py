"""search: the remote indexes cover place_precision, so the online listings beside the nearest ones read no table rows

Revision ID: 0018_search_remote_precision
Revises: 0017_volunteer_conversation
Create Date: 2026-12-06 14:30:00

A search that finds nothing within 50 km shows the nearest listings and, beside them, the online ones from anywhere
(bot.search.sources.nearest_and_online). Those online rows are read from the remote index with every column the
ranking reads (bot.search.sources.ROW_COLUMNS), `place_precision` among them, which the remote indexes (0006, 0011)
did not hold: PostgreSQL then fetched every online listing's table row before testing its category (6,745 buffers
for 12 rows of "Altenheim Raum Bad Hresfeld" on 100,000 listings, two fifths of the benchmark's costliest
statement). As 0015 did for the geo indexes, the column is covered, so those rows are read from the index alone.
"""

from __future__ import annotations

from alembic import op

revision = "0018_search_remote_precision"
down_revision = "0017_volunteer_conversation"
branch_labels = None
depends_on = None

# The remote index of each searched table (listings, volunteers' ads), and what both covered before.
_REMOTE = {"opportunities": "ix_opportunities_search_remote", "volunteer_ads": "ix_volunteer_ads_search_remote"}
_COVERING = "category_mask, time_mask, remote, expires_at, published_at, newcomer_friendly, languages, lat, lon"


def upgrade() -> None:
    for table, name in _REMOTE.items():
        _recreate(table, name, f"{_COVERING}, place_precision")


def downgrade() -> None:
    for table, name in _REMOTE.items():
        _recreate(table, name, _COVERING)


def _recreate(table: str, name: str, covering: str) -> None:
    """Builds a remote index anew with the given covered columns, in id order as 0006 made it."""
    op.execute(f"DROP INDEX IF EXISTS {name}")
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"CREATE INDEX {name} ON {table} (status, id, {covering}) WHERE remote = 1")
    else:
        op.execute(
            f"CREATE INDEX {name} ON {table} (id DESC) INCLUDE ({covering}) WHERE status = 'published' AND remote"
        )
