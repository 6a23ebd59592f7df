"""Volunteers (people who chat with the bot), their favourites and saved searches."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger, Boolean, Float, ForeignKey, Index, Integer, SmallInteger, String, UniqueConstraint, false,
)
from sqlalchemy.orm import Mapped, mapped_column

from bot.domain import AlertMode
from bot.store.models.base import Base, Timestamps
from bot.store.types import Id, Json, UTCDateTime, utcnow


class Volunteer(Timestamps, Base):
    """A person using the bot; the home place is stored only after they agreed."""

    __tablename__ = "volunteers"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    telegram_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    language: Mapped[str] = mapped_column(String(5), default="de")
    home_place_name: Mapped[str | None] = mapped_column(String(200))
    home_lat: Mapped[float | None] = mapped_column(Float)
    home_lon: Mapped[float | None] = mapped_column(Float)
    home_state: Mapped[str | None] = mapped_column(String(60))
    home_district: Mapped[str | None] = mapped_column(String(120))
    home_consent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    interests: Mapped[list[str]] = mapped_column(Json, default=list)  # categories searched for, for targeting
    alert_mode: Mapped[str] = mapped_column(String(12), default=AlertMode.IMMEDIATE.value)
    announcements: Mapped[bool] = mapped_column(Boolean, default=True)
    # Set when Telegram answers 403: the person blocked the bot; nothing is sent to them any more.
    blocked: Mapped[bool] = mapped_column(Boolean, default=False)
    last_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Set by an admin: the person may post no more ads (their ads are taken down with it).
    ads_blocked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The language their own chat goes on in and when it last did (bot.conversation.language): read with the
    # person each update, written when it changes.
    conversation_lang: Mapped[str | None] = mapped_column(String(8))
    conversation_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # When they first wrote in their own chat with the bot (migration 0024): the welcome, with the main keyboard, is
    # due then, also when a group was where they wrote first (bot.telegram.start).
    private_since: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Favourite(Base):
    """A listing a volunteer keeps on their list (Merkliste)."""

    __tablename__ = "favourites"

    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteers.id", ondelete="CASCADE"), primary_key=True)
    opportunity_id: Mapped[int] = mapped_column(
        ForeignKey("opportunities.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class SavedSearch(Timestamps, Base):
    """A search a volunteer wants to be alerted about when new listings match.

    filters holds the refinement and the resolved query (bot.alerts.criteria); the columns after it mirror
    what it means so that matching a new listing against a million saved searches is prefiltered in SQL.
    """

    __tablename__ = "saved_searches"
    __table_args__ = (
        # Saving the same search twice finds the first one, also when two processes race. A unique index
        # rather than a constraint: SQLite adds it without recreating the table (which would cascade-delete).
        Index("uq_saved_searches_volunteer_id_criteria_key", "volunteer_id", "criteria_key", unique=True),
        # The alert prefilter: per radius class, a latitude band, longitude checked in the index.
        Index("ix_saved_searches_area", "active", "radius_class", "centre_lat", "centre_lon"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteers.id", ondelete="CASCADE"), index=True)
    query_text: Mapped[str] = mapped_column(String(4096))
    filters: Mapped[dict[str, object]] = mapped_column(Json, default=dict)  # the parsed query plus refinements
    mode: Mapped[str] = mapped_column(String(12), default=AlertMode.IMMEDIATE.value)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    last_digest_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    criteria_key: Mapped[str | None] = mapped_column(String(32))
    centre_lat: Mapped[float | None] = mapped_column(Float)
    centre_lon: Mapped[float | None] = mapped_column(Float)
    radius_km: Mapped[float | None] = mapped_column(Float)
    radius_class: Mapped[int] = mapped_column(SmallInteger, default=0, server_default="0")
    category_mask: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    exclude_mask: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    time_mask: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    remote_only: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    has_keywords: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    whole_state: Mapped[str | None] = mapped_column(String(60))  # "ganz Sachsen": only that state's listings


class AlertDelivery(Base):
    """That a listing was (or is queued to be) sent for a saved search: the unique key makes it at most once."""

    __tablename__ = "alert_deliveries"
    __table_args__ = (UniqueConstraint("saved_search_id", "opportunity_id"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    saved_search_id: Mapped[int] = mapped_column(ForeignKey("saved_searches.id", ondelete="CASCADE"))
    opportunity_id: Mapped[int] = mapped_column(ForeignKey("opportunities.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
