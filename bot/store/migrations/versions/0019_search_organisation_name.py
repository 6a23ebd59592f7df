"""search: the organisation's name is indexed with each listing, as a third column of lesser weight

Revision ID: 0019_search_organisation_name
Revises: 0018_search_remote_precision
Create Date: 2026-12-06 19:50:00

A person asking for "Tafel Freital", "DLRG Meißen" or "AWO" did not find the organisation's listings when their
title and description did not repeat its name ("Ausgabe von Lebensmitteln"): the index held title and description
only. Each listing now keeps its organisation's name (opportunities.organisation_name), and the full-text index
holds it beside the title and the description, so it is in the vocabulary too (typo corrections, unfound words).
How much a word found only there counts is the ranking's (bot.search.ranking: as in the description, as in the
title when the request names the organisation).

The name is kept by the database, so no writer (the importer, the feeds, the guided chat, the seeds) has to:
a listing takes its organisation's name when it is written or moved to another organisation, and a renamed
organisation renames its listings, which re-indexes them. PostgreSQL sets it in a BEFORE trigger, before the
generated search vector is computed; SQLite, which cannot change the row being written, fills it right after
the insert, and indexes a row only once it has its name, so each listing is indexed once, with the name the
delete of the contentless FTS5 table will be given again.

The FTS5 table cannot gain a column: it is made anew with three and filled from the published listings; on
PostgreSQL the generated vector is dropped and made anew (organisation at weight C), with its GIN index and the
statistics target of 0007, and the new words join search_terms (its trigger). Listings already stored are indexed here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bot.store.folded_sql import postgres_fold as _postgres_fold
from bot.store.folded_sql import sqlite_fold as _sqlite_fold

revision = "0019_search_organisation_name"
down_revision = "0018_search_remote_precision"
branch_labels = None
depends_on = None

_FTS_OPTIONS = "content='', tokenize='unicode61 remove_diacritics 2', prefix='3 5'"
_SQLITE_TRIGGERS = ("opportunities_search_insert", "opportunities_search_update", "opportunities_search_delete")
_NAME_OF = "(SELECT g.name FROM organisations g WHERE g.id = {row}.organisation_id)"


def upgrade() -> None:
    op.add_column("opportunities", sa.Column("organisation_name", sa.String(length=200), nullable=True))
    if op.get_bind().dialect.name == "sqlite":
        _fill_names()
        _upgrade_sqlite()
    else:
        _upgrade_postgres()
        # After the vector's ALTER TABLE, which PostgreSQL refuses while the update's trigger events are pending;
        # the rows' new vectors are computed here, and the trigger of search_terms collects their words.
        _fill_names()


def _fill_names() -> None:
    """Gives every stored listing its organisation's name."""
    op.execute(f"UPDATE opportunities SET organisation_name = coalesce({_NAME_OF.format(row='opportunities')}, '')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _downgrade_sqlite()
    else:
        _downgrade_postgres()
    op.drop_column("opportunities", "organisation_name")


def _sqlite_values(row: str, *, organisation: bool = True) -> str:
    """Returns the folded indexed values of a row (`new`, `old` or the table itself)."""
    prefix = f"{row}." if row in ("new", "old") else ""
    values = [_sqlite_fold(f"{prefix}title"), _sqlite_fold(f"{prefix}description")]
    if organisation:
        values.append(_sqlite_fold(f"{prefix}organisation_name"))
    return ", ".join(values)


def _create_sqlite_index(*, organisation: bool) -> None:
    """Creates the FTS5 table (with or without the organisation column), its vocabulary and triggers, and fills it."""
    columns = "title, description, organisation" if organisation else "title, description"
    op.execute(f"CREATE VIRTUAL TABLE opportunity_search USING fts5({columns}, {_FTS_OPTIONS})")
    op.execute("CREATE VIRTUAL TABLE opportunity_search_vocabulary USING fts5vocab(opportunity_search, 'row')")
    named_new = " AND new.organisation_name IS NOT NULL" if organisation else ""
    named_old = " AND old.organisation_name IS NOT NULL" if organisation else ""
    insert_new = (f"INSERT INTO opportunity_search(rowid, {columns}) "
                  f"SELECT new.id, {_sqlite_values('new', organisation=organisation)}")
    delete_old = (f"INSERT INTO opportunity_search(opportunity_search, rowid, {columns}) "
                  f"SELECT 'delete', old.id, {_sqlite_values('old', organisation=organisation)}")
    op.execute(
        "CREATE TRIGGER opportunities_search_insert AFTER INSERT ON opportunities "
        f"WHEN new.status = 'published'{named_new} BEGIN {insert_new}; END"
    )
    op.execute(
        "CREATE TRIGGER opportunities_search_delete AFTER DELETE ON opportunities "
        f"WHEN old.status = 'published'{named_old} BEGIN {delete_old}; END"
    )
    watched = "title, description, status, organisation_name" if organisation else "title, description, status"
    # One trigger for both halves, so the old entry always leaves before the new one arrives.
    op.execute(
        f"CREATE TRIGGER opportunities_search_update AFTER UPDATE OF {watched} ON opportunities "
        f"BEGIN {delete_old} WHERE old.status = 'published'{named_old}; "
        f"{insert_new} WHERE new.status = 'published'{named_new}; END"
    )
    op.execute(
        f"INSERT INTO opportunity_search(rowid, {columns}) SELECT id, {_sqlite_values('opportunities', organisation=organisation)} "
        "FROM opportunities WHERE status = 'published'"
    )


def _drop_sqlite_index() -> None:
    """Drops the FTS5 table, its vocabulary and the triggers that keep it."""
    for trigger in _SQLITE_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS opportunity_search_vocabulary")
    op.execute("DROP TABLE IF EXISTS opportunity_search")


def _upgrade_sqlite() -> None:
    """Makes the index anew with the organisation column and has the database keep each listing's name."""
    _drop_sqlite_index()
    # Made before the index's triggers, which SQLite fires first (the newest trigger first): a writer's own name is
    # indexed, then the name is the organisation's again and its update replaces that entry, so the delete of the
    # contentless index is always given the values it was given; fired first, the fix's update would delete values
    # never indexed (the writer's) and leave the writer's name in the index.
    _create_name_triggers()
    _create_sqlite_index(organisation=True)


def _create_name_triggers() -> None:
    """Creates the SQLite triggers that keep each listing's organisation_name the name of its organisation."""
    # Written without a name (every writer): the name follows at once, and with it the row's one entry in the index.
    op.execute(
        "CREATE TRIGGER opportunities_organisation_name AFTER INSERT ON opportunities "
        "WHEN new.organisation_name IS NULL BEGIN UPDATE opportunities SET organisation_name = "
        f"coalesce({_NAME_OF.format(row='new')}, '') WHERE id = new.id; END"
    )
    # Moved to another organisation, or the name blanked or set by a writer: the name is the organisation's again,
    # as PostgreSQL's BEFORE trigger makes it (a writer's own name never stays).
    named = f"coalesce({_NAME_OF.format(row='new')}, '')"
    op.execute(
        "CREATE TRIGGER opportunities_organisation_moved AFTER UPDATE OF organisation_id, organisation_name "
        f"ON opportunities WHEN new.organisation_name IS NOT {named} "
        f"BEGIN UPDATE opportunities SET organisation_name = {named} WHERE id = new.id; END"
    )
    op.execute(
        "CREATE TRIGGER organisations_name_to_listings AFTER UPDATE OF name ON organisations "
        "WHEN new.name IS NOT old.name BEGIN UPDATE opportunities SET organisation_name = coalesce(new.name, '') "
        "WHERE organisation_id = new.id; END"
    )


def _downgrade_sqlite() -> None:
    for trigger in ("opportunities_organisation_name", "opportunities_organisation_moved",
                    "organisations_name_to_listings"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    _drop_sqlite_index()
    _create_sqlite_index(organisation=False)


def _postgres_vector(*, organisation: bool) -> str:
    """Returns the generated search vector's expression: title A, description B (and organisation C)."""
    vector = (
        f"setweight(to_tsvector('simple'::regconfig, {_postgres_fold('title')}), 'A') || "
        f"setweight(to_tsvector('simple'::regconfig, {_postgres_fold('description')}), 'B')"
    )
    if organisation:
        vector += f" || setweight(to_tsvector('simple'::regconfig, {_postgres_fold('organisation_name')}), 'C')"
    return vector


def _recreate_postgres_vector(*, organisation: bool) -> None:
    """Drops the generated vector (its GIN index goes with it) and makes both anew, with 0007's statistics."""
    op.execute("ALTER TABLE opportunities DROP COLUMN search_vector")
    op.execute(
        "ALTER TABLE opportunities ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
        f"({_postgres_vector(organisation=organisation)}) STORED"
    )
    op.execute(
        "CREATE INDEX ix_opportunities_search_text ON opportunities USING gin (search_vector) "
        "WHERE status = 'published'"
    )
    op.execute("ALTER TABLE opportunities ALTER COLUMN search_vector SET STATISTICS 1000")


def _upgrade_postgres() -> None:
    """Has the database keep each listing's name, and makes the search vector anew with it."""
    # SET search_path FROM CURRENT: the functions find the tables in the schema they were created in.
    op.execute(
        "CREATE FUNCTION opportunities_organisation_name() RETURNS trigger LANGUAGE plpgsql "
        "SET search_path FROM CURRENT AS $$ BEGIN "
        f"NEW.organisation_name := coalesce({_NAME_OF.format(row='NEW')}, ''); RETURN NEW; END $$"
    )
    op.execute(
        "CREATE TRIGGER opportunities_organisation_name BEFORE INSERT OR UPDATE OF organisation_id, organisation_name "
        "ON opportunities FOR EACH ROW EXECUTE FUNCTION opportunities_organisation_name()"
    )
    op.execute(
        "CREATE FUNCTION organisations_name_to_listings() RETURNS trigger LANGUAGE plpgsql "
        "SET search_path FROM CURRENT AS $$ BEGIN UPDATE opportunities SET organisation_name = coalesce(NEW.name, '') "
        "WHERE organisation_id = NEW.id; RETURN NULL; END $$"
    )
    op.execute(
        "CREATE TRIGGER organisations_name_to_listings AFTER UPDATE OF name ON organisations FOR EACH ROW "
        "WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION organisations_name_to_listings()"
    )
    _recreate_postgres_vector(organisation=True)


def _downgrade_postgres() -> None:
    op.execute("DROP TRIGGER IF EXISTS organisations_name_to_listings ON organisations")
    op.execute("DROP FUNCTION IF EXISTS organisations_name_to_listings()")
    op.execute("DROP TRIGGER IF EXISTS opportunities_organisation_name ON opportunities")
    op.execute("DROP FUNCTION IF EXISTS opportunities_organisation_name()")
    _recreate_postgres_vector(organisation=False)
    # search_terms only ever gains words (0003's trigger): those only in organisations' names would stay in the
    # vocabulary, offered as corrections no listing holds. It is made anew from the vectors without them.
    op.execute("DELETE FROM search_terms")
    op.execute(
        "INSERT INTO search_terms (term) SELECT DISTINCT term FROM opportunities, "
        "unnest(tsvector_to_array(search_vector)) AS term WHERE status = 'published'"
    )
