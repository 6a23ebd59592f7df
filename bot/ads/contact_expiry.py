"""Contacts nobody answered: they close after ANSWER_WITHIN, and the organisation's members are told which ad
and when they wrote, nothing about the person. Drafts a member left unsent for a day close too."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.ads.contacts import ContactState, member_ids
from bot.ads.people import live_ad_label
from bot.store.db import rows_affected
from bot.store.models import AdContact

# A contact nobody answered closes after two weeks: the organisation sees it expired, the person is not asked.
ANSWER_WITHIN = timedelta(days=14)


@dataclass(frozen=True, slots=True)
class Unanswered:
    """A contact that closed unanswered, for the organisation's members: which ad and when they wrote; nothing
    about the person (not whether they read it, deleted their data or were blocked)."""

    contact_id: int
    member_ids: tuple[int, ...]
    ad_label: str
    sent_at: datetime


@dataclass(frozen=True, slots=True)
class Expired:
    """What one expiry round closed: contacts nobody answered (their organisations are told) and old drafts."""

    unanswered: tuple[Unanswered, ...]
    drafts: int

    @property
    def closed(self) -> int:
        """Returns how many contacts closed in all."""
        return len(self.unanswered) + self.drafts


async def expire_unanswered(session: AsyncSession, *, now: datetime) -> Expired:
    """Closes contacts nobody answered within ANSWER_WITHIN, and drafts left for a day; returns what closed.

    A contact closes only if it is still unanswered when the update runs (an answer in the same moment wins).
    """
    expired = await session.execute(update(AdContact).where(
        AdContact.state == ContactState.PENDING.value, AdContact.sent_at < now - ANSWER_WITHIN)
        .values(state=ContactState.EXPIRED.value, closed_at=now).execution_options(synchronize_session=False)
        .returning(AdContact.id, AdContact.organisation_id, AdContact.ad_id, AdContact.sent_at))
    unanswered = [await _unanswered(session, contact_id, organisation_id, ad_id, sent_at or now)
                  for contact_id, organisation_id, ad_id, sent_at in expired.all()]
    drafts = await session.execute(update(AdContact).where(
        AdContact.state == ContactState.DRAFT.value, AdContact.updated_at < now - timedelta(days=1))
        .values(state=ContactState.EXPIRED.value, closed_at=now).execution_options(synchronize_session=False))
    return Expired(tuple(unanswered), rows_affected(drafts))


async def _unanswered(session: AsyncSession, contact_id: int, organisation_id: int, ad_id: int,
                      sent_at: datetime) -> Unanswered:
    """Returns the notice of a contact that closed unanswered, for the organisation's members."""
    return Unanswered(contact_id, await member_ids(session, organisation_id), await live_ad_label(session, ad_id),
                      sent_at)
