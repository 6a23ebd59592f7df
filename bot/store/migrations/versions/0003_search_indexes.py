"""search indexes: full text over published listings, its vocabulary, covering geo and remote indexes

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 15:30:00

Text is folded the way nlu.kernel.text.fold folds queries (ä -> ae, ß -> ss, accents dropped, lower case), so a
person typing "Buecherei" or "Bücherei" finds the same listings on both databases.

SQLite: a contentless FTS5 table over folded title and description of published listings, kept in step
by triggers, and an fts5vocab table over it. Contentless rather than external-content because the indexed
text is the folded text, not the stored one: an external-content 'rebuild' would index the wrong text.
PostgreSQL: a stored tsvector column (config 'simple': German stemming would break compounds apart
inconsistently), a GIN index over published rows, and a search_terms table of the words of published
listings kept by statement-level triggers, because ts_stat over a million rows is far too slow to read
per process; how common a word is comes from the planner's statistics (pg_stats.most_common_elems).

Caution for later migrations: an SQLite batch_alter_table that recreates `opportunities` drops these
triggers and leaves the index stale; such a migration must recreate them and refill the index as
_upgrade_sqlite does (plain ADD COLUMN and CREATE INDEX do not recreate the table).
"""

from __future__ import annotations

from alembic import op

from bot.store.folded_sql import postgres_fold as _postgres_fold
from bot.store.folded_sql import sqlite_fold as _sqlite_fold

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# Columns the ranking reads, so the spatial prefilter never has to visit the table itself.
_COVERING = "category_mask, time_mask, remote, expires_at, published_at, newcomer_friendly, languages"


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _upgrade_sqlite()
    else:
        _upgrade_postgres()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in (
            "DROP TRIGGER IF EXISTS opportunities_search_insert",
            "DROP TRIGGER IF EXISTS opportunities_search_update",
            "DROP TRIGGER IF EXISTS opportunities_search_delete",
            "DROP TABLE IF EXISTS opportunity_search_vocabulary",
            "DROP TABLE IF EXISTS opportunity_search",
        ):
            op.execute(statement)
    else:
        for statement in (
            "DROP TRIGGER IF EXISTS opportunities_search_terms_insert ON opportunities",
            "DROP TRIGGER IF EXISTS opportunities_search_terms_update ON opportunities",
            "DROP FUNCTION IF EXISTS search_terms_collect()",
            "DROP TABLE IF EXISTS search_terms",
            "DROP INDEX IF EXISTS ix_opportunities_search_text",
            "ALTER TABLE opportunities DROP COLUMN IF EXISTS search_vector",
        ):
            op.execute(statement)
    op.execute("DROP INDEX IF EXISTS ix_opportunities_search_geo")
    op.execute("DROP INDEX IF EXISTS ix_opportunities_search_remote")


def _upgrade_sqlite() -> None:
    """Creates the FTS5 table, its vocabulary, the triggers and the covering indexes, and fills the index."""
    op.execute(
        "CREATE VIRTUAL TABLE opportunity_search USING fts5(title, description, content='', "
        "tokenize='unicode61 remove_diacritics 2', prefix='3 5')"
    )
    op.execute("CREATE VIRTUAL TABLE opportunity_search_vocabulary USING fts5vocab(opportunity_search, 'row')")
    new_values = f"new.id, {_sqlite_fold('new.title')}, {_sqlite_fold('new.description')}"
    old_values = f"'delete', old.id, {_sqlite_fold('old.title')}, {_sqlite_fold('old.description')}"
    insert_new = f"INSERT INTO opportunity_search(rowid, title, description) SELECT {new_values}"
    delete_old = f"INSERT INTO opportunity_search(opportunity_search, rowid, title, description) SELECT {old_values}"
    op.execute(
        "CREATE TRIGGER opportunities_search_insert AFTER INSERT ON opportunities "
        f"WHEN new.status = 'published' BEGIN {insert_new}; END"
    )
    op.execute(
        "CREATE TRIGGER opportunities_search_delete AFTER DELETE ON opportunities "
        f"WHEN old.status = 'published' BEGIN {delete_old}; END"
    )
    # One trigger for both halves, so the old entry always leaves before the new one arrives.
    op.execute(
        "CREATE TRIGGER opportunities_search_update AFTER UPDATE OF title, description, status ON opportunities "
        f"BEGIN {delete_old} WHERE old.status = 'published'; {insert_new} WHERE new.status = 'published'; END"
    )
    op.execute(
        "INSERT INTO opportunity_search(rowid, title, description) SELECT id, "
        f"{_sqlite_fold('title')}, {_sqlite_fold('description')} FROM opportunities WHERE status = 'published'"
    )
    op.execute(f"CREATE INDEX ix_opportunities_search_geo ON opportunities (status, lat, lon, {_COVERING})")
    op.execute(
        f"CREATE INDEX ix_opportunities_search_remote ON opportunities (status, {_COVERING}, lat, lon) "
        "WHERE remote = 1"
    )


def _upgrade_postgres() -> None:
    """Creates the tsvector column with its GIN index, the vocabulary table and its triggers, and covering indexes."""
    vector = (
        f"setweight(to_tsvector('simple'::regconfig, {_postgres_fold('title')}), 'A') || "
        f"setweight(to_tsvector('simple'::regconfig, {_postgres_fold('description')}), 'B')"
    )
    op.execute(f"ALTER TABLE opportunities ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({vector}) STORED")
    op.execute(
        "CREATE INDEX ix_opportunities_search_text ON opportunities USING gin (search_vector) "
        "WHERE status = 'published'"
    )
    op.execute(
        f"CREATE INDEX ix_opportunities_search_geo ON opportunities (lat, lon) INCLUDE ({_COVERING}) "
        "WHERE status = 'published'"
    )
    op.execute(
        f"CREATE INDEX ix_opportunities_search_remote ON opportunities (published_at) INCLUDE ({_COVERING}, lat, lon) "
        "WHERE status = 'published' AND remote"
    )
    op.execute("CREATE TABLE search_terms (term text PRIMARY KEY)")
    _create_term_collection()
    op.execute(
        "INSERT INTO search_terms (term) SELECT DISTINCT term FROM opportunities, "
        "unnest(tsvector_to_array(search_vector)) AS term WHERE status = 'published'"
    )


def _create_term_collection() -> None:
    """Creates the statement-level triggers that add the words of published rows to search_terms."""
    # DO NOTHING and no deletes: counting documents here made bulk imports four times slower. Words of
    # listings that went away linger harmlessly until bot.search.maintenance.rebuild_vocabulary runs.
    collect = (
        "INSERT INTO search_terms (term) SELECT DISTINCT term FROM new_rows, "
        "unnest(tsvector_to_array(new_rows.search_vector)) AS term WHERE new_rows.status = 'published' "
        "ORDER BY term ON CONFLICT (term) DO NOTHING"
    )
    # SET search_path FROM CURRENT: the function finds search_terms in the schema it was created in.
    op.execute(
        "CREATE FUNCTION search_terms_collect() RETURNS trigger LANGUAGE plpgsql "
        f"SET search_path FROM CURRENT AS $$ BEGIN {collect}; RETURN NULL; END $$"
    )
    for event in ("INSERT", "UPDATE"):
        op.execute(
            f"CREATE TRIGGER opportunities_search_terms_{event.lower()} AFTER {event} ON opportunities "
            "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_terms_collect()"
        )
