"""Moderating ads: the review queue of new people's ads, and an admin's approve, reject, remove, warn, block.

The same regional rule as for listings (an admin acts where their scope covers the ad's state and district);
every decision is a ModerationEvent with the ad's id, so the history stays when the ad is gone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.ads.manage import AdLife, publish
from bot.ads.model import Ad
from bot.domain import AdStatus, ModerationAction
from bot.moderation.review import Scope
from bot.store.models import AdReport, ModerationEvent, Volunteer, VolunteerAd

MAX_WARNING_CHARS = 1000


class AdVerdict(StrEnum):
    """What an admin does with an ad (the button's action, by position)."""

    APPROVE = "approve"
    REJECT = "reject"
    REMOVE = "remove"
    WARN = "warn"
    BLOCK = "block"


VERDICTS = tuple(AdVerdict)
# The ad states each verdict applies to.
APPLIES_TO: dict[AdVerdict, tuple[AdStatus, ...]] = {
    AdVerdict.APPROVE: (AdStatus.PENDING,), AdVerdict.REJECT: (AdStatus.PENDING,),
    # An expired ad can be renewed by its person at any time: it is as much up for removal as a live one.
    AdVerdict.REMOVE: (AdStatus.PUBLISHED, AdStatus.PAUSED, AdStatus.PENDING, AdStatus.EXPIRED),
    AdVerdict.WARN: tuple(AdStatus), AdVerdict.BLOCK: tuple(AdStatus),
}


@dataclass(frozen=True, slots=True)
class AdQueueEntry:
    """An ad waiting for review."""

    ad_id: int
    text: str
    place: str | None
    state: str | None


@dataclass(frozen=True, slots=True)
class AdDecision:
    """What was decided about an ad, for telling its person and closing the admins' copies."""

    ad_id: int
    verdict: AdVerdict
    text: str
    person_telegram_id: int
    person_blocked_bot: bool


@dataclass(frozen=True, slots=True)
class AdRecord:
    """An ad as an admin looks it up by its id (after a report, say): what it says, what was done about it, and
    which verdicts apply now. Nothing about its person but whether they may still post ads."""

    ad: Ad
    reports: int
    warnings: int
    person_blocked: bool  # the person may post no more ads
    verdicts: tuple[AdVerdict, ...]


class NotYours(LookupError):
    """The ad is unknown, gone, outside the admin's region, or not in a state the verdict applies to."""


async def waiting_ads(session: AsyncSession, scope: Scope, *, limit: int = 10) -> list[AdQueueEntry]:
    """Returns the oldest ads waiting for review in the admin's region."""
    rows = await session.execute(
        select(VolunteerAd).where(VolunteerAd.status == AdStatus.PENDING.value)
        .order_by(VolunteerAd.updated_at, VolunteerAd.id)
    )
    found = [ad for ad in rows.scalars() if scope.covers(ad.state, ad.district)]
    return [AdQueueEntry(ad.id, ad.text, ad.place_name, ad.state) for ad in found[:limit]]


async def decide(
    session: AsyncSession, scope: Scope, ad_id: int, verdict: AdVerdict, life: AdLife, *, now: datetime,
) -> AdDecision:
    """Applies a verdict: approve or reject a waiting ad, remove a live one, block its person from ads.

    WARN changes nothing here: it checks the admin may act and names the person (the warning's text follows).
    """
    ad, person = await _ad_in_scope(session, scope, ad_id)
    if ad.status not in {status.value for status in APPLIES_TO[verdict]}:
        raise NotYours(ad_id)
    if verdict is AdVerdict.APPROVE:
        publish(ad, life, now=now)
    elif verdict is AdVerdict.REJECT:
        ad.status = AdStatus.REJECTED.value
    elif verdict is AdVerdict.REMOVE:
        ad.status = AdStatus.REMOVED.value
    elif verdict is AdVerdict.BLOCK:
        person.ads_blocked_at = now
        await session.execute(
            update(VolunteerAd).where(VolunteerAd.volunteer_id == person.id, VolunteerAd.status.in_(
                [AdStatus.PUBLISHED.value, AdStatus.PENDING.value, AdStatus.PAUSED.value, AdStatus.DRAFT.value,
                 AdStatus.EXPIRED.value]))
            .values(status=AdStatus.REMOVED.value).execution_options(synchronize_session="fetch")
        )
    if verdict is not AdVerdict.WARN:
        _record(session, scope, ad.id, verdict)
    return AdDecision(ad.id, verdict, ad.text, person.telegram_id, person.blocked)


async def look_up(session: AsyncSession, scope: Scope, ad_id: int) -> AdRecord:
    """Returns an ad of the admin's region by id with its reports, warnings and the verdicts that apply;
    raises NotYours for an unknown id or an ad outside the region (said the same way)."""
    row, person = await _ad_in_scope(session, scope, ad_id)
    ad = Ad.from_row(row)
    reports = await session.scalar(select(func.count()).select_from(AdReport).where(AdReport.ad_id == ad_id))
    warnings = await session.scalar(select(func.count()).select_from(ModerationEvent).where(
        ModerationEvent.ad_id == ad_id, ModerationEvent.action == _ACTIONS[AdVerdict.WARN].value))
    verdicts = tuple(verdict for verdict in VERDICTS if ad.status in APPLIES_TO[verdict]
                     and not (verdict is AdVerdict.BLOCK and person.ads_blocked_at is not None))
    return AdRecord(ad, int(reports or 0), int(warnings or 0), person.ads_blocked_at is not None, verdicts)


def record_warning(session: AsyncSession, scope: Scope, ad_id: int, text: str) -> None:
    """Records that the admin warned the ad's person (the warning's words are kept as the reason)."""
    _record(session, scope, ad_id, AdVerdict.WARN, reason=text[:MAX_WARNING_CHARS])


async def _ad_in_scope(session: AsyncSession, scope: Scope, ad_id: int) -> tuple[VolunteerAd, Volunteer]:
    """Returns the ad and its person when the admin may act on it."""
    ad = await session.get(VolunteerAd, ad_id)
    if ad is None or not scope.covers(ad.state, ad.district):
        raise NotYours(ad_id)
    person = await session.get(Volunteer, ad.volunteer_id)
    if person is None:
        raise NotYours(ad_id)
    return ad, person


_ACTIONS = {
    AdVerdict.APPROVE: ModerationAction.APPROVED, AdVerdict.REJECT: ModerationAction.REJECTED,
    AdVerdict.REMOVE: ModerationAction.DELETED, AdVerdict.WARN: ModerationAction.WARNED,
    AdVerdict.BLOCK: ModerationAction.BLOCKED,
}


def _record(session: AsyncSession, scope: Scope, ad_id: int, verdict: AdVerdict, *, reason: str | None = None) -> None:
    """Adds the decision to the moderation history."""
    session.add(ModerationEvent(ad_id=ad_id, actor_telegram_id=scope.telegram_id, action=_ACTIONS[verdict].value,
                                reason=reason))
