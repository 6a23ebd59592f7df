"""A person's own ads: publishing (or sending to review), listing, pausing, resuming, renewing, deleting.

Every function takes the person and looks the ad up as theirs (bot.ads.compose.own_ad), so a forged id in a
button changes nothing of anybody else's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import and_, exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.ads.model import Ad
from bot.domain import AdStatus
from bot.store.models import Volunteer, VolunteerAd

REVIEW_NEW = "new"  # Settings.ads_review: people without an earlier approved ad wait for review
MAX_OPEN_ADS = 5  # ads a person may have at once (not counting expired, rejected or removed ones)


class Published(StrEnum):
    """What became of an ad sent off."""

    LIVE = "live"
    REVIEW = "review"  # waits in the admins' queue
    BLOCKED = "blocked"  # the person may not post ads
    INCOMPLETE = "incomplete"  # no place and not online, or no text
    TOO_MANY = "too_many"


@dataclass(frozen=True, slots=True)
class AdLife:
    """The settings an ad's life follows."""

    ttl_days: int
    review: str  # "new" or "none"


async def send_off(session: AsyncSession, volunteer: Volunteer, ad: VolunteerAd, life: AdLife, *,
                   now: datetime) -> Published:
    """Publishes a finished draft, or puts it into the review queue when the person has no approved ad yet."""
    if volunteer.ads_blocked_at is not None:
        return Published.BLOCKED
    if ad.status != AdStatus.DRAFT.value or not ad.text or (ad.place_name is None and not ad.remote):
        return Published.INCOMPLETE
    if await open_ads(session, volunteer, excluding=ad.id) >= MAX_OPEN_ADS:
        return Published.TOO_MANY
    if life.review == REVIEW_NEW and not await trusted(session, volunteer, excluding=ad.id):
        ad.status = AdStatus.PENDING.value
        return Published.REVIEW
    publish(ad, life, now=now)
    return Published.LIVE


def publish(ad: VolunteerAd, life: AdLife, *, now: datetime) -> None:
    """Makes an ad findable for AD_TTL_DAYS from now."""
    ad.status = AdStatus.PUBLISHED.value
    ad.published_at = now
    ad.expires_at = now + timedelta(days=life.ttl_days)
    ad.renewal_reminded_at = None
    ad.status_reason = None


async def trusted(session: AsyncSession, volunteer: Volunteer, *, excluding: int = 0) -> bool:
    """Tells whether one of the person's other ads was ever published (approved, or published at once)."""
    return bool(await session.scalar(select(exists().where(
        VolunteerAd.volunteer_id == volunteer.id, VolunteerAd.id != excluding, VolunteerAd.published_at.is_not(None),
        VolunteerAd.status.not_in([AdStatus.REJECTED.value, AdStatus.REMOVED.value]),
    ))))


async def open_ads(session: AsyncSession, volunteer: Volunteer, *, excluding: int = 0) -> int:
    """Counts the person's ads that are live, waiting, paused or being edited.

    A new ad's draft nobody finished is not counted (nor listed by ads_of): chats left half-way must not use up
    the five places and lock the person out without a way to see why.
    """
    live = [AdStatus.PUBLISHED.value, AdStatus.PENDING.value, AdStatus.PAUSED.value, AdStatus.DRAFT.value]
    unfinished = and_(VolunteerAd.status == AdStatus.DRAFT.value, VolunteerAd.published_at.is_(None))
    rows = await session.execute(select(VolunteerAd.id).where(
        VolunteerAd.volunteer_id == volunteer.id, VolunteerAd.status.in_(live), ~unfinished,
        VolunteerAd.id != excluding))
    return len(rows.all())


async def ads_of(session: AsyncSession, volunteer: Volunteer) -> list[Ad]:
    """Returns the person's ads, newest first (drafts of new ads nobody finished are left out)."""
    rows = await session.execute(
        select(VolunteerAd).where(VolunteerAd.volunteer_id == volunteer.id).order_by(VolunteerAd.id.desc())
    )
    return [Ad.from_row(row) for row in rows.scalars()
            if not (row.status == AdStatus.DRAFT.value and row.published_at is None)]


def pause(ad: VolunteerAd) -> bool:
    """Takes a live ad out of the search; tells whether it was live."""
    if ad.status != AdStatus.PUBLISHED.value:
        return False
    ad.status = AdStatus.PAUSED.value
    return True


def resume(volunteer: Volunteer, ad: VolunteerAd, *, now: datetime) -> bool:
    """Puts a paused ad back (if its time has not run out; else renewing is the way); never for a person
    blocked from ads."""
    if volunteer.ads_blocked_at is not None:
        return False
    if ad.status != AdStatus.PAUSED.value or (ad.expires_at is not None and ad.expires_at <= now):
        return False
    ad.status = AdStatus.PUBLISHED.value
    return True


def renew(volunteer: Volunteer, ad: VolunteerAd, life: AdLife, *, now: datetime) -> bool:
    """Gives a live, paused or expired ad another AD_TTL_DAYS (an expired one is live again); never for a
    person blocked from ads, whose expired ad would otherwise go live without anyone looking."""
    if volunteer.ads_blocked_at is not None:
        return False
    if ad.status not in (AdStatus.PUBLISHED.value, AdStatus.PAUSED.value, AdStatus.EXPIRED.value):
        return False
    if ad.status == AdStatus.EXPIRED.value:
        ad.status = AdStatus.PUBLISHED.value
    ad.expires_at = now + timedelta(days=life.ttl_days)
    ad.renewal_reminded_at = None
    return True


async def delete_ad(session: AsyncSession, ad: VolunteerAd) -> None:
    """Deletes an ad and everything hanging on it (moderation notices go with it; events keep no link)."""
    await session.delete(ad)
    await session.flush()


async def load_ad(session: AsyncSession, ad_id: int) -> Ad | None:
    """Returns any ad by id, typed (for admins' notices; people reach their own through compose.own_ad)."""
    row = await session.get(VolunteerAd, ad_id)
    return Ad.from_row(row) if row is not None else None
