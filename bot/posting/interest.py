"""'Interesse melden': a volunteer's interest reaches the organisation, and unanswered interest is reminded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain import OpportunityStatus
from bot.store.models import InterestReport, Opportunity, OrganisationMember, Volunteer

REMIND_AFTER = timedelta(days=3)


@dataclass(frozen=True)
class InterestNotice:
    """What to tell the organisation's members: who is interested in which listing, and how to reach them."""

    report_id: int
    opportunity_id: int
    title: str
    volunteer_telegram_id: int
    volunteer_name: str | None
    member_ids: tuple[int, ...]


class NotReportable(LookupError):
    """Interest cannot be reported: the listing is gone, not from the bot, or already reported by this person."""


async def report_interest(
    session: AsyncSession, volunteer: Volunteer, opportunity_id: int, *, shared_name: str, now: datetime
) -> InterestNotice:
    """Records the interest (the volunteer agreed to share their name) and returns the notice to send."""
    listing = await session.get(Opportunity, opportunity_id)
    if listing is None or listing.status != OpportunityStatus.PUBLISHED.value or listing.source != "bot":
        raise NotReportable(opportunity_id)
    members = tuple(await _member_ids(session, listing.organisation_id))
    if not members:
        raise NotReportable(opportunity_id)
    report = InterestReport(opportunity_id=listing.id, volunteer_id=volunteer.id, shared_name=shared_name[:200],
                            created_at=now)
    try:
        async with session.begin_nested():
            session.add(report)
    except IntegrityError:
        raise NotReportable(opportunity_id) from None
    return InterestNotice(report.id, listing.id, listing.title, volunteer.telegram_id, report.shared_name, members)


async def mark_answered(session: AsyncSession, telegram_id: int, report_id: int, *, now: datetime) -> bool:
    """Notes that a member answered the volunteer (only members of the listing's organisation may)."""
    report = await session.get(InterestReport, report_id)
    if report is None:
        return False
    listing = await session.get(Opportunity, report.opportunity_id)
    if listing is None or telegram_id not in await _member_ids(session, listing.organisation_id):
        return False
    report.answered_at = report.answered_at or now
    await session.flush()
    return True


async def reminders_due(session: AsyncSession, *, now: datetime, limit: int = 200) -> list[InterestNotice]:
    """Returns unanswered interest older than three days, not reminded yet, and marks it reminded."""
    rows = await session.execute(
        select(InterestReport, Opportunity, Volunteer)
        .join(Opportunity, Opportunity.id == InterestReport.opportunity_id)
        .join(Volunteer, Volunteer.id == InterestReport.volunteer_id)
        .where(InterestReport.answered_at.is_(None), InterestReport.reminded_at.is_(None),
               InterestReport.created_at <= now - REMIND_AFTER)
        .order_by(InterestReport.id)
        .limit(limit)
    )
    notices = []
    for report, listing, volunteer in rows:
        report.reminded_at = now
        members = tuple(await _member_ids(session, listing.organisation_id))
        notices.append(InterestNotice(report.id, listing.id, listing.title, volunteer.telegram_id,
                                      report.shared_name or "", members))
    await session.flush()
    return notices


async def _member_ids(session: AsyncSession, organisation_id: int) -> list[int]:
    """Returns the Telegram ids of an organisation's members."""
    result = await session.execute(
        select(OrganisationMember.telegram_id).where(OrganisationMember.organisation_id == organisation_id)
    )
    return list(result.scalars())
