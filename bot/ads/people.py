"""The link from an ad to its person, used only by the bot to deliver messages; never shown to organisations."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.models import Volunteer, VolunteerAd

LABEL_CHARS = 80


async def ad_owner(session: AsyncSession, ad_id: int) -> Volunteer | None:
    """Returns the person behind a published ad, or None when the ad is gone, paused or not published."""
    ad = await session.get(VolunteerAd, ad_id)
    if ad is None or ad.status != "published":
        return None
    return await session.get(Volunteer, ad.volunteer_id)


async def live_ad_label(session: AsyncSession, ad_id: int) -> str:
    """Returns the start of an ad's text, to say which ad a message is about ('' when it is gone)."""
    ad = await session.get(VolunteerAd, ad_id)
    if ad is None:
        return ""
    text = " ".join(ad.text.split())
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "…"
