"""The link from an ad to its person, used only by the bot to deliver messages; never shown to organisations."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain import AdStatus
from bot.store.models import Volunteer, VolunteerAd
from bot.store.types import utcnow

LABEL_CHARS = 80


async def ad_owner(session: AsyncSession, ad_id: int, *, now: datetime | None = None) -> Volunteer | None:
    """Returns the person behind a published ad, or None when the ad is gone, paused, expired or not published."""
    ad = await session.get(VolunteerAd, ad_id)
    if ad is None or ad.status != AdStatus.PUBLISHED.value:
        return None
    if ad.expires_at is not None and ad.expires_at <= (now or utcnow()):
        return None
    return await session.get(Volunteer, ad.volunteer_id)


async def live_ad_label(session: AsyncSession, ad_id: int) -> str:
    """Returns the start of an ad's text, to say which ad a message is about ('' when it is gone)."""
    ad = await session.get(VolunteerAd, ad_id)
    if ad is None:
        return ""
    text = " ".join(ad.text.split())
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "…"
