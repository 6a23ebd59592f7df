"""Listing drafts of the guided chat, moderation records, admin roles and volunteers' interest."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.store.models.base import Base, Timestamps
from bot.store.types import Id, Json, UTCDateTime, utcnow


class ListingDraft(Timestamps, Base):
    """A listing being written in the guided chat; kept in the database so any process can continue it."""

    __tablename__ = "listing_drafts"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    telegram_id: Mapped[int] = mapped_column(BigInteger, index=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="SET NULL"))
    opportunity_id: Mapped[int | None] = mapped_column(ForeignKey("opportunities.id", ondelete="CASCADE"))
    step: Mapped[str] = mapped_column(String(40))
    data: Mapped[dict[str, object]] = mapped_column(Json, default=dict)
    # Optimistic locking: two processes handling the same person's messages never overwrite each other.
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


class ModerationEvent(Base):
    """Who did what to a listing or organisation, and why: every decision is recorded."""

    __tablename__ = "moderation_events"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    opportunity_id: Mapped[int | None] = mapped_column(ForeignKey("opportunities.id", ondelete="SET NULL"), index=True)
    ad_id: Mapped[int | None] = mapped_column(ForeignKey("volunteer_ads.id", ondelete="SET NULL"), index=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="SET NULL"))
    actor_telegram_id: Mapped[int | None] = mapped_column(BigInteger)
    action: Mapped[str] = mapped_column(String(30))
    reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class AdminRole(Base):
    """An admin granted in the database; with a state or district, they act only in that region."""

    __tablename__ = "admin_roles"
    __table_args__ = (UniqueConstraint("telegram_id", "state", "district"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    telegram_id: Mapped[int] = mapped_column(BigInteger, index=True)
    state: Mapped[str | None] = mapped_column(String(60))
    district: Mapped[str | None] = mapped_column(String(120))
    granted_by: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class InterestReport(Base):
    """A volunteer said they are interested in a listing and agreed to share their Telegram name."""

    __tablename__ = "interest_reports"
    __table_args__ = (UniqueConstraint("opportunity_id", "volunteer_id"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    opportunity_id: Mapped[int] = mapped_column(ForeignKey("opportunities.id", ondelete="CASCADE"), index=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteers.id", ondelete="CASCADE"), index=True)
    # The Telegram name the volunteer agreed to share with the organisation.
    shared_name: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class ModerationNotice(Base):
    """A message that shows a waiting listing or volunteer's ad to an admin, so a decision can update every
    admin's copy. Exactly one of opportunity_id and ad_id is set."""

    __tablename__ = "moderation_notices"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    opportunity_id: Mapped[int | None] = mapped_column(
        ForeignKey("opportunities.id", ondelete="CASCADE"), index=True
    )
    ad_id: Mapped[int | None] = mapped_column(ForeignKey("volunteer_ads.id", ondelete="CASCADE"), index=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[int] = mapped_column(Integer)  # counted per chat, far below 2**31
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
