"""The organisations' side of volunteers' ads: contacts through the bot, blocks, reports, saved ad searches.

Nothing here names the person behind an ad to an organisation: a contact row keeps the person's volunteer id
(only the bot uses it, to deliver messages) and, once they answered, the name they chose to share.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.store.models.base import Base, Timestamps
from bot.store.types import Id, UTCDateTime, utcnow


class AdContact(Timestamps, Base):
    """An organisation asked, through the bot, to get in touch with the person behind an ad."""

    __tablename__ = "ad_contacts"
    # An organisation contacts a person about one ad once: a declined contact is not asked again.
    __table_args__ = (UniqueConstraint("ad_id", "organisation_id"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    ad_id: Mapped[int] = mapped_column(ForeignKey("volunteer_ads.id", ondelete="CASCADE"), index=True)
    # The person behind the ad, who receives the contact (deleting their data deletes the contact).
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteers.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    opportunity_id: Mapped[int | None] = mapped_column(ForeignKey("opportunities.id", ondelete="SET NULL"))
    # The member who wrote it: anonymised (NULL) when they delete their data, the contact stays the organisation's.
    started_by_telegram_id: Mapped[int | None] = mapped_column(BigInteger)
    state: Mapped[str] = mapped_column(String(12), index=True)  # bot.ads.contacts.ContactState
    message: Mapped[str] = mapped_column(String(600), default="")
    # Set only by the person's answer: the name they chose to share (None: no name) and their reply.
    shared_name: Mapped[str | None] = mapped_column(String(100))
    reply_text: Mapped[str | None] = mapped_column(Text)
    name_chosen: Mapped[bool] = mapped_column(Boolean, default=False)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    profile_shared_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class OrganisationBlock(Base):
    """A person wants no more contacts from an organisation."""

    __tablename__ = "organisation_blocks"

    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteers.id", ondelete="CASCADE"), primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class AdReport(Base):
    """A report to the admins: an ad (by an organisation's member or anyone) or a contact message (by its receiver)."""

    __tablename__ = "ad_reports"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    ad_id: Mapped[int | None] = mapped_column(ForeignKey("volunteer_ads.id", ondelete="CASCADE"), index=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("ad_contacts.id", ondelete="CASCADE"), index=True)
    # Who reported: anonymised (NULL) when they delete their data; never shown to the reported person.
    reporter_telegram_id: Mapped[int | None] = mapped_column(BigInteger)
    excerpt: Mapped[str] = mapped_column(String(1000), default="")  # what was reported, as it was shown
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class AdSearch(Base):
    """An organisation member's search of the ads: kept for paging its results, and when saved, for alerts."""

    __tablename__ = "ad_searches"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteers.id", ondelete="CASCADE"), index=True)
    query_text: Mapped[str] = mapped_column(String(500))
    saved: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class AdAlertDelivery(Base):
    """That a new ad was sent for a saved ad search: the unique key makes it at most once."""

    __tablename__ = "ad_alert_deliveries"
    __table_args__ = (UniqueConstraint("ad_search_id", "ad_id"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    ad_search_id: Mapped[int] = mapped_column(ForeignKey("ad_searches.id", ondelete="CASCADE"))
    ad_id: Mapped[int] = mapped_column(ForeignKey("volunteer_ads.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
