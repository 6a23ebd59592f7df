"""ads: organisations contact the people behind ads through the bot; blocks, reports, saved ad searches

Revision ID: 0012_ad_contacts
Revises: 0011_volunteer_ads
Create Date: 2026-12-04 21:00:00

An organisation's member writes to the person behind an ad only through the bot; the person's answer (with
the name they chose to share) is the first thing the organisation learns about them. A person can block an
organisation and report an ad or a message; members keep searches of the ads to be told of new ones.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_ad_contacts"
down_revision = "0011_volunteer_ads"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _fk(table: str, column: str, parent: str, ondelete: str) -> sa.ForeignKeyConstraint:
    """Returns a foreign key named like the models' naming convention."""
    return sa.ForeignKeyConstraint([column], [f"{parent}.id"], name=op.f(f"fk_{table}_{column}_{parent}"),
                                   ondelete=ondelete)


def upgrade() -> None:
    op.create_table(
        "ad_contacts",
        sa.Column("id", ID, nullable=False),
        sa.Column("ad_id", ID, nullable=False),
        sa.Column("volunteer_id", ID, nullable=False),
        sa.Column("organisation_id", ID, nullable=False),
        sa.Column("opportunity_id", ID, nullable=True),
        sa.Column("started_by_telegram_id", sa.BigInteger(), nullable=True),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("message", sa.String(length=600), nullable=False),
        sa.Column("shared_name", sa.String(length=100), nullable=True),
        sa.Column("reply_text", sa.Text(), nullable=True),
        sa.Column("name_chosen", sa.Boolean(), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("profile_shared_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        _fk("ad_contacts", "ad_id", "volunteer_ads", "CASCADE"),
        _fk("ad_contacts", "volunteer_id", "volunteers", "CASCADE"),
        _fk("ad_contacts", "organisation_id", "organisations", "CASCADE"),
        _fk("ad_contacts", "opportunity_id", "opportunities", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ad_contacts")),
        sa.UniqueConstraint("ad_id", "organisation_id", name=op.f("uq_ad_contacts_ad_id_organisation_id")),
    )
    for column in ("ad_id", "volunteer_id", "organisation_id", "state", "sent_at"):
        op.create_index(op.f(f"ix_ad_contacts_{column}"), "ad_contacts", [column])
    op.create_table(
        "organisation_blocks",
        sa.Column("volunteer_id", ID, nullable=False),
        sa.Column("organisation_id", ID, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        _fk("organisation_blocks", "volunteer_id", "volunteers", "CASCADE"),
        _fk("organisation_blocks", "organisation_id", "organisations", "CASCADE"),
        sa.PrimaryKeyConstraint("volunteer_id", "organisation_id", name=op.f("pk_organisation_blocks")),
    )
    op.create_index(op.f("ix_organisation_blocks_organisation_id"), "organisation_blocks", ["organisation_id"])
    op.create_table(
        "ad_reports",
        sa.Column("id", ID, nullable=False),
        sa.Column("ad_id", ID, nullable=True),
        sa.Column("contact_id", ID, nullable=True),
        sa.Column("reporter_telegram_id", sa.BigInteger(), nullable=True),
        sa.Column("excerpt", sa.String(length=1000), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        _fk("ad_reports", "ad_id", "volunteer_ads", "CASCADE"),
        _fk("ad_reports", "contact_id", "ad_contacts", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ad_reports")),
    )
    op.create_index(op.f("ix_ad_reports_ad_id"), "ad_reports", ["ad_id"])
    op.create_index(op.f("ix_ad_reports_contact_id"), "ad_reports", ["contact_id"])
    op.create_table(
        "ad_searches",
        sa.Column("id", ID, nullable=False),
        sa.Column("volunteer_id", ID, nullable=False),
        sa.Column("query_text", sa.String(length=500), nullable=False),
        sa.Column("saved", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        _fk("ad_searches", "volunteer_id", "volunteers", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ad_searches")),
    )
    op.create_index(op.f("ix_ad_searches_volunteer_id"), "ad_searches", ["volunteer_id"])
    op.create_index(op.f("ix_ad_searches_saved"), "ad_searches", ["saved"])
    op.create_table(
        "ad_alert_deliveries",
        sa.Column("id", ID, nullable=False),
        sa.Column("ad_search_id", ID, nullable=False),
        sa.Column("ad_id", ID, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        _fk("ad_alert_deliveries", "ad_search_id", "ad_searches", "CASCADE"),
        _fk("ad_alert_deliveries", "ad_id", "volunteer_ads", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ad_alert_deliveries")),
        sa.UniqueConstraint("ad_search_id", "ad_id", name=op.f("uq_ad_alert_deliveries_ad_search_id_ad_id")),
    )
    op.create_index(op.f("ix_ad_alert_deliveries_ad_id"), "ad_alert_deliveries", ["ad_id"])


def downgrade() -> None:
    for table in ("ad_alert_deliveries", "ad_searches", "ad_reports", "organisation_blocks", "ad_contacts"):
        op.drop_table(table)
