"""Ads run out: expired after AD_TTL_DAYS unless renewed, with one reminder a week before."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain import AdStatus
from bot.store.db import rows_affected
from bot.store.models import Volunteer, VolunteerAd

REMIND_BEFORE = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class RenewalReminder:
    """Tell this person their ad runs out soon."""

    ad_id: int
    telegram_id: int
    text: str
    expires_at: datetime


async def expire_due(session: AsyncSession, *, now: datetime) -> int:
    """Marks live and paused ads past their end as expired; returns how many (the search skips them anyway)."""
    result = await session.execute(
        update(VolunteerAd)
        .where(VolunteerAd.status.in_([AdStatus.PUBLISHED.value, AdStatus.PAUSED.value]),
               VolunteerAd.expires_at <= now)
        .values(status=AdStatus.EXPIRED.value).execution_options(synchronize_session=False)
    )
    return rows_affected(result)


async def reminders_due(session: AsyncSession, *, now: datetime) -> list[RenewalReminder]:
    """Returns the live ads ending within a week whose person was not reminded yet, and marks them reminded.

    People who blocked the bot are skipped (and stay unmarked: nothing was said).
    """
    rows = await session.execute(
        select(VolunteerAd, Volunteer.telegram_id).join(Volunteer, Volunteer.id == VolunteerAd.volunteer_id)
        .where(VolunteerAd.status == AdStatus.PUBLISHED.value, VolunteerAd.renewal_reminded_at.is_(None),
               VolunteerAd.expires_at > now, VolunteerAd.expires_at <= now + REMIND_BEFORE,
               Volunteer.blocked.is_(False))
        .order_by(VolunteerAd.id)
    )
    reminders = []
    for ad, telegram_id in rows:
        ad.renewal_reminded_at = now
        assert ad.expires_at is not None  # selected by it
        reminders.append(RenewalReminder(ad.id, int(telegram_id), ad.text, ad.expires_at))
    return reminders
