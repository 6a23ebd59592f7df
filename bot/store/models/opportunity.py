"""Opportunities: the volunteering listings people search for."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bot.domain import OpportunityStatus
from bot.store.models.base import Base, Timestamps
from bot.store.models.organisation import Organisation
from bot.store.types import Id, Json, UTCDateTime


class Opportunity(Timestamps, Base):
    """One volunteering listing with place, time commitment and contact.

    categories and time_tags are the readable truth; category_mask and time_mask mirror them as bits so the
    search can filter thousands of candidates cheaply. Write both through bot.store.opportunities helpers.
    """

    __tablename__ = "opportunities"
    __table_args__ = (
        UniqueConstraint("source", "external_id"),
        # The search's spatial prefilter: status first, then a latitude band, longitude checked in the index.
        Index("ix_opportunities_geo", "status", "lat", "lon"),
        Index("ix_opportunities_status_expires", "status", "expires_at"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    # The organisation's name, for the full-text index (migration 0019): kept by the database's triggers when the
    # listing is written or its organisation renamed; no writer sets it.
    organisation_name: Mapped[str | None] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    requirements: Mapped[str | None] = mapped_column(Text)
    categories: Mapped[list[str]] = mapped_column(Json, default=list)
    category_mask: Mapped[int] = mapped_column(Integer, default=0)

    place_name: Mapped[str | None] = mapped_column(String(200))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    address: Mapped[str | None] = mapped_column(String(300))
    postal_code: Mapped[str | None] = mapped_column(String(10))
    state: Mapped[str | None] = mapped_column(String(60))
    district: Mapped[str | None] = mapped_column(String(120))
    remote: Mapped[bool] = mapped_column(Boolean, default=False)
    # How precise lat/lon are (bot.domain.PlacePrecision); None for listings written before feeds said so.
    # quarter and town are approximate: shown as "in Hamburg", never as a distance or as the nearest.
    place_precision: Mapped[str | None] = mapped_column(String(12))

    time_tags: Mapped[list[str]] = mapped_column(Json, default=list)
    time_mask: Mapped[int] = mapped_column(Integer, default=0)
    hours_per_month: Mapped[int | None] = mapped_column(Integer)
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)

    languages: Mapped[list[str]] = mapped_column(Json, default=list)  # ISO 639-1 codes beyond German
    accessible: Mapped[bool] = mapped_column(Boolean, default=False)  # step-free / wheelchair accessible
    accessibility_notes: Mapped[str | None] = mapped_column(String(500))
    newcomer_friendly: Mapped[bool] = mapped_column(Boolean, default=False)  # no German needed

    contact_name: Mapped[str | None] = mapped_column(String(200))
    contact_phone: Mapped[str | None] = mapped_column(String(50))
    contact_email: Mapped[str | None] = mapped_column(String(320))
    contact_url: Mapped[str | None] = mapped_column(String(500))

    status: Mapped[str] = mapped_column(String(16), default=OpportunityStatus.DRAFT.value)
    source: Mapped[str] = mapped_column(String(60), default="bot")
    external_id: Mapped[str | None] = mapped_column(String(200))
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    status_reason: Mapped[str | None] = mapped_column(String(200))  # why it was withdrawn (a feed dropped it)
    feed_hash: Mapped[str | None] = mapped_column(String(32))  # what the feed said last: unchanged rows are skipped
    feed_hints: Mapped[list[str] | None] = mapped_column(Json)  # the agency's labels that map to no category
    # When the contact was asked "Noch aktuell?" for the current period (cleared on renewal): ask once.
    renewal_reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    organisation: Mapped[Organisation] = relationship(lazy="raise")
