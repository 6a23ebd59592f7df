"""Volunteers' own ads ("Ich biete ..."): what a person offers, found by organisations, never by volunteers.

An ad stores no name, handle, phone or e-mail: its text is checked before it is saved (bot.ads.privacy), and
its place is only the town or district point the person chose (never a shared GPS point). The volunteer id
links the ad to its person for the bot's own messages; the search never reads it (bot.ads.search).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Float, ForeignKey, Index, Integer, SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from bot.domain import AdStatus
from bot.store.models.base import Base, Timestamps
from bot.store.types import Id, Json, UTCDateTime


class VolunteerAd(Timestamps, Base):
    """One ad: the offer in the person's words, its categories and times as text and as bits, a coarse place.

    The search columns have the names and meaning of the listings' (bot.store.models.opportunity), so the one
    search engine ranks both corpora; the full-text index and the covering indexes are migration 0011's.
    """

    __tablename__ = "volunteer_ads"
    __table_args__ = (Index("ix_volunteer_ads_status_expires", "status", "expires_at"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteers.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(String(1000))
    categories: Mapped[list[str]] = mapped_column(Json, default=list)
    category_mask: Mapped[int] = mapped_column(Integer, default=0)
    time_tags: Mapped[list[str]] = mapped_column(Json, default=list)
    time_mask: Mapped[int] = mapped_column(Integer, default=0)
    languages: Mapped[list[str]] = mapped_column(Json, default=list)  # ISO 639-1 codes the person speaks
    newcomer_friendly: Mapped[bool] = mapped_column(Boolean, default=False)  # new in Germany, little German

    place_name: Mapped[str | None] = mapped_column(String(200))  # the town or district, as people see it
    lat: Mapped[float | None] = mapped_column(Float)  # the town's or district's point, never closer
    lon: Mapped[float | None] = mapped_column(Float)
    state: Mapped[str | None] = mapped_column(String(60))  # for regional review
    district: Mapped[str | None] = mapped_column(String(120))
    place_precision: Mapped[str | None] = mapped_column(String(12))  # bot.domain.PlacePrecision: town or quarter
    remote: Mapped[bool] = mapped_column(Boolean, default=False)  # online only
    travel_km: Mapped[int | None] = mapped_column(SmallInteger)  # how far the person would go

    status: Mapped[str] = mapped_column(String(16), default=AdStatus.PENDING.value)
    status_reason: Mapped[str | None] = mapped_column(String(300))  # an admin's reason for rejecting or removing
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # When the person was asked "still current?" for the current period (cleared on renewal): ask once.
    renewal_reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
