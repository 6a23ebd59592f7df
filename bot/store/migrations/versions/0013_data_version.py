"""data version: a number that grows with every committed change to listings or organisations

Revision ID: 0013_data_version
Revises: 0012_ad_contacts
Create Date: 2026-12-04 21:00:00

The web pages keep rendered pages for a short while (bot.web.page_cache). Each kept page is tagged with
this number, read before the page's data; a change committed by any process (the bot, an import, a
moderation, the expiry job) raises it, so no kept page outlives the data it shows.

SQLite: row triggers on both tables (one writer at a time; an extra one-row update per written row).
PostgreSQL: deferred row triggers that raise the number once per transaction, at commit. Deferred, so
the number's row lock is taken last and held only while committing (taken at the first write, two
transactions writing listings in different orders could deadlock on it); once per transaction through a
transaction-local setting, so a bulk import writes it once. A sequence would not do: nextval is seen by
readers before the data is committed, and a page of the old data could be kept under the new number.

The table is written by hand (like the search's objects), so autogenerate leaves it alone (bot.store.migrate).
"""

from __future__ import annotations

from alembic import op

revision = "0013_data_version"
down_revision = "0012_ad_contacts"
branch_labels = None
depends_on = None

TABLES = ("opportunities", "organisations")
EVENTS = ("INSERT", "UPDATE", "DELETE")


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    number = "INTEGER" if sqlite else "BIGINT"
    op.execute(f"CREATE TABLE data_version (id INTEGER PRIMARY KEY CHECK (id = 1), version {number} NOT NULL)")
    op.execute("INSERT INTO data_version (id, version) VALUES (1, 1)")
    if sqlite:
        for table in TABLES:
            for event in EVENTS:
                op.execute(
                    f"CREATE TRIGGER data_version_{table}_{event.lower()} AFTER {event} ON {table} "
                    "BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END"
                )
        return
    # SET search_path FROM CURRENT: the function finds data_version in the schema it was created in.
    op.execute(
        "CREATE FUNCTION data_version_raise() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$ "
        "BEGIN "
        "IF current_setting('ehrenamt.data_version_raised', true) IS DISTINCT FROM txid_current()::text THEN "
        "PERFORM set_config('ehrenamt.data_version_raised', txid_current()::text, true); "
        "UPDATE data_version SET version = version + 1 WHERE id = 1; "
        "END IF; RETURN NULL; END $$"
    )
    for table in TABLES:
        op.execute(
            f"CREATE CONSTRAINT TRIGGER data_version_{table} AFTER INSERT OR UPDATE OR DELETE ON {table} "
            "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_raise()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in TABLES:
            for event in EVENTS:
                op.execute(f"DROP TRIGGER IF EXISTS data_version_{table}_{event.lower()}")
    else:
        for table in TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS data_version_{table} ON {table}")
        op.execute("DROP FUNCTION IF EXISTS data_version_raise()")
    op.execute("DROP TABLE IF EXISTS data_version")
