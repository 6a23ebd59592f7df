"""Reports to the admins: an ad (by an organisation's member, or anyone who sees it) or a contact message (by the
person who received it). The admins of the ad's region are told; the reported person never learns who reported."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.ads.contacts import person_contact
from bot.ads.people import ad_owner
from bot.store.models import AdReport, Organisation, VolunteerAd

EXCERPT_CHARS = 1000


class NotReportable(LookupError):
    """There is nothing (any more) to report under this id."""


@dataclass(frozen=True, slots=True)
class ReportNotice:
    """What the admins of a region are told about a report."""

    report_id: int
    ad_id: int
    state: str | None
    district: str | None
    excerpt: str
    organisation: str | None  # the organisation whose contact message was reported


async def report_ad(session: AsyncSession, *, ad_id: int, reporter_telegram_id: int,
                    now: datetime) -> ReportNotice | None:
    """Reports a published ad to the admins of its region; None when this person reported it already (the admins
    know). Only what others can find may be reported: a draft, a waiting or a removed ad cannot (forged ids)."""
    ad = await session.get(VolunteerAd, ad_id)
    if ad is None or await ad_owner(session, ad_id, now=now) is None:
        raise NotReportable(ad_id)
    if await session.scalar(select(exists().where(
            AdReport.ad_id == ad_id, AdReport.contact_id.is_(None),
            AdReport.reporter_telegram_id == reporter_telegram_id))):
        return None
    report = AdReport(ad_id=ad.id, reporter_telegram_id=reporter_telegram_id, excerpt=ad.text[:EXCERPT_CHARS],
                      created_at=now)
    session.add(report)
    await session.flush()
    return ReportNotice(report.id, ad.id, ad.state, ad.district, report.excerpt, None)


async def report_contact(session: AsyncSession, *, volunteer_id: int, reporter_telegram_id: int, contact_id: int,
                         shown: str, now: datetime) -> ReportNotice:
    """Reports a contact message the person received; `shown` is the message as the bot showed it."""
    contact = await person_contact(session, volunteer_id, contact_id, open_only=False)
    ad = await session.get(VolunteerAd, contact.ad_id)
    organisation = await session.get(Organisation, contact.organisation_id)
    if ad is None or organisation is None:
        raise NotReportable(contact_id)
    report = AdReport(ad_id=ad.id, contact_id=contact.id, reporter_telegram_id=reporter_telegram_id,
                      excerpt=(shown or contact.message)[:EXCERPT_CHARS], created_at=now)
    session.add(report)
    await session.flush()
    return ReportNotice(report.id, ad.id, ad.state, ad.district, report.excerpt, organisation.name)
