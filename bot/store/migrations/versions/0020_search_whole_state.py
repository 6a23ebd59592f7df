"""search: a whole state is searched on an index of each state's listings; saved searches keep the state

Revision ID: 0020_search_whole_state
Revises: 0019_search_organisation_name
Create Date: 2026-12-07 02:00:00

"Ganz Sachsen zeigen" searches the listings of one state (opportunities.state), ranked as a nationwide search ranks
them: the newest matches form a bounded pool (bot.search.sources.NATIONWIDE_POOL). Read from the recent index of
0006, the pool of a small state was a scan of the whole country's newest listings for the few of that state; this
index hands them out per state, newest first, with every column the ranking reads (as 0006's, and place_precision
as 0015 and 0018 added it to the others), so the pool is read from the index alone.

Listings stored before take their state from the gazetteer as every writer now gives it (bot.store.states: by postal
code, else by the place nearest the point), so "Sachsen", "SN" or nothing written by an import reads alike.

A saved search of a whole state keeps it in saved_searches.whole_state, so the alert prefilter (bot.alerts.matching)
leaves out the listings of other states without reading the stored query.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020_search_whole_state"
down_revision = "0019_search_organisation_name"
branch_labels = None
depends_on = None

_COVERING = (
    "category_mask, time_mask, remote, expires_at, published_at, newcomer_friendly, languages, lat, lon, "
    "place_precision"
)
_INDEX = "ix_opportunities_search_state"
_IDS_PER_UPDATE = 1000


def _fill_states() -> None:
    """Gives every stored listing the state the gazetteer places it in: one statement per state and thousand ids,
    never one per row (PostgreSQL's statement triggers of 0003 run per statement)."""
    from bot.store.states import listing_state

    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, postal_code, lat, lon, state FROM opportunities")).all()
    moved: dict[str | None, list[int]] = {}
    for key, postal_code, lat, lon, state in rows:
        derived = listing_state(postal_code, lat, lon, state)
        if derived != state:
            moved.setdefault(derived, []).append(key)
    for state, keys in moved.items():
        for start in range(0, len(keys), _IDS_PER_UPDATE):
            statement = sa.text("UPDATE opportunities SET state = :state WHERE id IN :keys").bindparams(
                sa.bindparam("keys", expanding=True))
            connection.execute(statement, {"state": state, "keys": keys[start:start + _IDS_PER_UPDATE]})


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # SQLite has no INCLUDE: id right after status and state keeps each state's entries in id order.
        op.execute(f"CREATE INDEX {_INDEX} ON opportunities (status, state, id, {_COVERING})")
    else:
        # A run of several revisions is one transaction: 0019's updates (or any earlier revision's) leave the deferred
        # data_version triggers of 0013 pending, and PostgreSQL refuses CREATE INDEX while trigger events are pending.
        # Firing them now is what the commit would do; the triggers stay deferred for the updates below.
        op.execute("SET CONSTRAINTS ALL IMMEDIATE")
        op.execute("SET CONSTRAINTS ALL DEFERRED")
        # Only rows with a state: a read without a state's test (the remote listings' pool) cannot take it for a
        # smaller copy of the remote or recent index, and online-only listings (no state) are left out of it.
        op.execute(
            f"CREATE INDEX {_INDEX} ON opportunities (state, id DESC) INCLUDE ({_COVERING}) "
            "WHERE status = 'published' AND state IS NOT NULL"
        )
    op.add_column("saved_searches", sa.Column("whole_state", sa.String(length=60), nullable=True))
    # After the DDL: PostgreSQL refuses CREATE INDEX while the updates' trigger events are pending (as 0019 found).
    _fill_states()


def downgrade() -> None:
    op.drop_column("saved_searches", "whole_state")
    op.execute(f"DROP INDEX IF EXISTS {_INDEX}")
