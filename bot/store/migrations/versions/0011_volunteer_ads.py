"""volunteer ads: people's own offers, searchable like listings in an index of their own

Revision ID: 0011_volunteer_ads
Revises: 0010
Create Date: 2026-12-04 20:40:00

volunteer_ads carries the listings' search columns (category and time masks, languages, newcomer flag, a
coarse point, remote, status, published_at, expires_at), so the one search engine ranks both. Its full-text
index, vocabulary and covering indexes are separate objects built as migration 0003 and 0006 built the
listings' (the ad's text stands in the title's place): a search of listings reads none of them, so an ad can
never appear where volunteers search. Also: moderation notices and events may point at an ad, and an admin
may stop a person from posting ads.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bot.store.folded_sql import postgres_fold, sqlite_fold

revision = "0011_volunteer_ads"
down_revision = "0010"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_COVERING = "category_mask, time_mask, remote, expires_at, published_at, newcomer_friendly, languages"


def upgrade() -> None:
    _create_table()
    if op.get_bind().dialect.name == "sqlite":
        _upgrade_sqlite()
    else:
        _upgrade_postgres()
    # Plain ADD COLUMN: the volunteers table is not copied.
    op.add_column("volunteers", sa.Column("ads_blocked_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("moderation_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("ad_id", _ID, nullable=True))
        batch_op.create_index(batch_op.f("ix_moderation_events_ad_id"), ["ad_id"], unique=False)
        batch_op.create_foreign_key(batch_op.f("fk_moderation_events_ad_id_volunteer_ads"), "volunteer_ads",
                                    ["ad_id"], ["id"], ondelete="SET NULL")
    with op.batch_alter_table("moderation_notices", schema=None) as batch_op:
        batch_op.add_column(sa.Column("ad_id", _ID, nullable=True))
        batch_op.alter_column("opportunity_id", existing_type=_ID, nullable=True)
        batch_op.create_index(batch_op.f("ix_moderation_notices_ad_id"), ["ad_id"], unique=False)
        batch_op.create_foreign_key(batch_op.f("fk_moderation_notices_ad_id_volunteer_ads"), "volunteer_ads",
                                    ["ad_id"], ["id"], ondelete="CASCADE")


def downgrade() -> None:
    op.execute("DELETE FROM moderation_notices WHERE opportunity_id IS NULL")
    with op.batch_alter_table("moderation_notices", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_moderation_notices_ad_id_volunteer_ads"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_moderation_notices_ad_id"))
        batch_op.alter_column("opportunity_id", existing_type=_ID, nullable=False)
        batch_op.drop_column("ad_id")
    with op.batch_alter_table("moderation_events", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_moderation_events_ad_id_volunteer_ads"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_moderation_events_ad_id"))
        batch_op.drop_column("ad_id")
    op.drop_column("volunteers", "ads_blocked_at")
    if op.get_bind().dialect.name == "sqlite":
        for statement in (
            "DROP TRIGGER IF EXISTS volunteer_ads_search_insert",
            "DROP TRIGGER IF EXISTS volunteer_ads_search_update",
            "DROP TRIGGER IF EXISTS volunteer_ads_search_delete",
            "DROP TABLE IF EXISTS volunteer_ad_search_vocabulary",
            "DROP TABLE IF EXISTS volunteer_ad_search",
        ):
            op.execute(statement)
    else:
        for statement in (
            "DROP TRIGGER IF EXISTS volunteer_ads_search_terms_insert ON volunteer_ads",
            "DROP TRIGGER IF EXISTS volunteer_ads_search_terms_update ON volunteer_ads",
            "DROP FUNCTION IF EXISTS volunteer_ad_search_terms_collect()",
            "DROP TABLE IF EXISTS volunteer_ad_search_terms",
        ):
            op.execute(statement)
    op.drop_table("volunteer_ads")


def _create_table() -> None:
    """Creates volunteer_ads with its plain indexes."""
    op.create_table(
        "volunteer_ads",
        sa.Column("id", _ID, nullable=False),
        sa.Column("volunteer_id", _ID, nullable=False),
        sa.Column("text", sa.String(length=1000), nullable=False),
        sa.Column("categories", sa.JSON().with_variant(sa.dialects.postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("category_mask", sa.Integer(), nullable=False),
        sa.Column("time_tags", sa.JSON().with_variant(sa.dialects.postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("time_mask", sa.Integer(), nullable=False),
        sa.Column("languages", sa.JSON().with_variant(sa.dialects.postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("newcomer_friendly", sa.Boolean(), nullable=False),
        sa.Column("place_name", sa.String(length=200), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("state", sa.String(length=60), nullable=True),
        sa.Column("district", sa.String(length=120), nullable=True),
        sa.Column("place_precision", sa.String(length=12), nullable=True),
        sa.Column("remote", sa.Boolean(), nullable=False),
        sa.Column("travel_km", sa.SmallInteger(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("status_reason", sa.String(length=300), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("renewal_reminded_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["volunteer_id"], ["volunteers.id"],
                                name=op.f("fk_volunteer_ads_volunteer_id_volunteers"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_volunteer_ads")),
    )
    op.create_index(op.f("ix_volunteer_ads_volunteer_id"), "volunteer_ads", ["volunteer_id"], unique=False)
    op.create_index("ix_volunteer_ads_status_expires", "volunteer_ads", ["status", "expires_at"], unique=False)


def _upgrade_sqlite() -> None:
    """The ads' FTS5 table, vocabulary, triggers and covering indexes (as 0003 and 0006 for listings)."""
    op.execute(
        "CREATE VIRTUAL TABLE volunteer_ad_search USING fts5(title, description, content='', "
        "tokenize='unicode61 remove_diacritics 2', prefix='3 5')"
    )
    op.execute("CREATE VIRTUAL TABLE volunteer_ad_search_vocabulary USING fts5vocab(volunteer_ad_search, 'row')")
    insert_new = f"INSERT INTO volunteer_ad_search(rowid, title, description) SELECT new.id, {sqlite_fold('new.text')}, ''"
    delete_old = (
        "INSERT INTO volunteer_ad_search(volunteer_ad_search, rowid, title, description) "
        f"SELECT 'delete', old.id, {sqlite_fold('old.text')}, ''"
    )
    op.execute(
        "CREATE TRIGGER volunteer_ads_search_insert AFTER INSERT ON volunteer_ads "
        f"WHEN new.status = 'published' BEGIN {insert_new}; END"
    )
    op.execute(
        "CREATE TRIGGER volunteer_ads_search_delete AFTER DELETE ON volunteer_ads "
        f"WHEN old.status = 'published' BEGIN {delete_old}; END"
    )
    op.execute(
        "CREATE TRIGGER volunteer_ads_search_update AFTER UPDATE OF text, status ON volunteer_ads "
        f"BEGIN {delete_old} WHERE old.status = 'published'; {insert_new} WHERE new.status = 'published'; END"
    )
    op.execute(f"CREATE INDEX ix_volunteer_ads_search_geo ON volunteer_ads (status, lat, lon, {_COVERING})")
    op.execute(
        f"CREATE INDEX ix_volunteer_ads_search_recent ON volunteer_ads (status, id, {_COVERING}, lat, lon)"
    )
    op.execute(
        f"CREATE INDEX ix_volunteer_ads_search_remote ON volunteer_ads (status, id, {_COVERING}, lat, lon) "
        "WHERE remote = 1"
    )


def _upgrade_postgres() -> None:
    """The ads' tsvector column with its GIN index, the vocabulary table with its triggers, covering indexes."""
    vector = f"setweight(to_tsvector('simple'::regconfig, {postgres_fold('text')}), 'A')"
    op.execute(f"ALTER TABLE volunteer_ads ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({vector}) STORED")
    op.execute(
        "CREATE INDEX ix_volunteer_ads_search_text ON volunteer_ads USING gin (search_vector) "
        "WHERE status = 'published'"
    )
    op.execute(
        f"CREATE INDEX ix_volunteer_ads_search_geo ON volunteer_ads (lat, lon) INCLUDE (id, {_COVERING}) "
        "WHERE status = 'published'"
    )
    op.execute(
        f"CREATE INDEX ix_volunteer_ads_search_recent ON volunteer_ads (id DESC) INCLUDE ({_COVERING}, lat, lon) "
        "WHERE status = 'published'"
    )
    op.execute(
        f"CREATE INDEX ix_volunteer_ads_search_remote ON volunteer_ads (id DESC) INCLUDE ({_COVERING}, lat, lon) "
        "WHERE status = 'published' AND remote"
    )
    op.execute("CREATE TABLE volunteer_ad_search_terms (term text PRIMARY KEY)")
    collect = (
        "INSERT INTO volunteer_ad_search_terms (term) SELECT DISTINCT term FROM new_rows, "
        "unnest(tsvector_to_array(new_rows.search_vector)) AS term WHERE new_rows.status = 'published' "
        "ORDER BY term ON CONFLICT (term) DO NOTHING"
    )
    op.execute(
        "CREATE FUNCTION volunteer_ad_search_terms_collect() RETURNS trigger LANGUAGE plpgsql "
        f"SET search_path FROM CURRENT AS $$ BEGIN {collect}; RETURN NULL; END $$"
    )
    for event in ("INSERT", "UPDATE"):
        op.execute(
            f"CREATE TRIGGER volunteer_ads_search_terms_{event.lower()} AFTER {event} ON volunteer_ads "
            "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION volunteer_ad_search_terms_collect()"
        )
