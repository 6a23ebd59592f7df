"""'Kontakt aufnehmen': an organisation writes to the person behind an ad through the bot, with consent.

The organisation never learns who the person is until they answer: the contact carries the organisation's
name, the listing it is about and a short text to the person; only the person's answer (with the name they
chose to share, or none) goes back. Afterwards both sides write through the bot; the person may share their
Telegram profile, decline, block the organisation or report the message.

Every function re-checks what a button claims (whose contact it is, whether the ad is still there, whether
the organisation is blocked) and raises ContactRefused with a reason the edge words kindly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.ads.access import SearchAccess, acts_for
from bot.ads.limits import DailyLimit, count_alone, daily_limit
from bot.ads.people import ad_owner, live_ad_label
from bot.domain import OpportunityStatus
from bot.store.models import (
    AdContact, Opportunity, Organisation, OrganisationBlock, OrganisationMember, Volunteer, VolunteerAd,
)

MAX_MESSAGE_CHARS = 500
# Counted as Telegram counts (UTF-16 units, an emoji is two): a reply this long still fits one message of 4,096
# with the template around it, which adds the organisation's or person's name and the ad's label, both clipped.
MAX_REPLY_CHARS = 2000
MAX_NAME_CHARS = 60
LISTING_CHOICES = 6


class ContactState(StrEnum):
    """Where a contact stands."""

    DRAFT = "draft"  # the member is still choosing the listing or writing the text
    PENDING = "pending"  # sent to the person, no answer yet
    ANSWERED = "answered"  # the person answered: the organisation sees the name they chose and their reply
    DECLINED = "declined"  # the person declined (or blocked the organisation)
    EXPIRED = "expired"  # no answer within ANSWER_WITHIN


class Refusal(StrEnum):
    """Why a contact step was refused (a catalogue key under adcontact.refused_*)."""

    NO_ACCESS = "no_access"
    AD_GONE = "ad_gone"
    UNAVAILABLE = "unavailable"  # blocked, or the person's own ad: said the same way, telling nothing
    ALREADY = "already"
    LIMIT = "limit"
    NOT_YOURS = "not_yours"
    CLOSED = "closed"
    TOO_LONG = "too_long"
    EMPTY = "empty"


class ContactRefused(Exception):
    """A contact step that may not happen; `limit` is set when the daily limit was the reason."""

    def __init__(self, reason: Refusal, limit: DailyLimit | None = None) -> None:
        super().__init__(reason.value)
        self.reason = reason
        self.limit = limit


class NameChoice(StrEnum):
    """Which name the person shares with their answer."""

    FIRST_NAME = "first"
    TYPED = "typed"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class ListingChoice:
    """One of the organisation's published listings the contact may be about."""

    id: int
    title: str
    place: str | None = None  # said beside a title another of the organisation's listings shares


@dataclass(frozen=True, slots=True)
class ContactRules:
    """The operator's settings that govern contacts."""

    access: SearchAccess
    per_day: int


@dataclass(frozen=True, slots=True)
class ToPerson:
    """A message to the person behind the ad (their Telegram id is used only to deliver it)."""

    contact_id: int
    telegram_id: int
    organisation: str
    listing: str | None
    ad_label: str
    text: str
    first: bool  # the organisation's first message (with the answer, decline, block and report buttons)


@dataclass(frozen=True, slots=True)
class ToOrganisation:
    """A message to an organisation's members about a contact; `name` is only what the person chose to share."""

    contact_id: int
    member_ids: tuple[int, ...]
    organisation: str
    ad_label: str
    name: str | None
    text: str | None  # the person's reply, or None for a state change (declined, profile shared)
    profile_telegram_id: int | None = None  # set only when the person chose to share their profile


async def begin_contact(session: AsyncSession, *, telegram_id: int, organisation_id: int, ad_id: int,
                        rules: ContactRules, now: datetime) -> tuple[AdContact, list[ListingChoice]]:
    """Starts (or continues) a draft contact and returns it with the listings it may be about."""
    owner = await _contactable(session, telegram_id=telegram_id, organisation_id=organisation_id, ad_id=ad_id,
                               rules=rules, now=now)
    contact = await session.scalar(select(AdContact).where(AdContact.ad_id == ad_id,
                                                           AdContact.organisation_id == organisation_id))
    if contact is not None and contact.sent_at is not None:
        raise ContactRefused(Refusal.ALREADY)
    if contact is not None:  # a draft, or one closed before it was ever sent (left for a day): open again
        contact.state, contact.closed_at = ContactState.DRAFT.value, None
    else:
        contact = AdContact(ad_id=ad_id, volunteer_id=owner.id, organisation_id=organisation_id,
                            state=ContactState.DRAFT.value)
        try:
            async with session.begin_nested():
                session.add(contact)
        except IntegrityError:  # another member of the organisation started it at the same moment
            raise ContactRefused(Refusal.ALREADY) from None
    contact.started_by_telegram_id, contact.opportunity_id = telegram_id, None
    await session.flush()
    return contact, await published_listings(session, organisation_id)


async def published_listings(session: AsyncSession, organisation_id: int) -> list[ListingChoice]:
    """Returns the organisation's newest published listings, which a contact may name."""
    rows = await session.execute(
        select(Opportunity.id, Opportunity.title, Opportunity.place_name)
        .where(Opportunity.organisation_id == organisation_id,
               Opportunity.status == OpportunityStatus.PUBLISHED.value)
        .order_by(Opportunity.id.desc()).limit(LISTING_CHOICES))
    return [ListingChoice(id_, title, place) for id_, title, place in rows]


async def choose_listing(session: AsyncSession, *, telegram_id: int, contact_id: int, opportunity_id: int | None,
                         rules: ContactRules) -> AdContact:
    """Sets the listing a draft contact is about (None: no listing); only a published one of the organisation."""
    contact = await _own_draft(session, telegram_id, contact_id, rules)
    if opportunity_id is not None:
        listing = await session.get(Opportunity, opportunity_id)
        if (listing is None or listing.organisation_id != contact.organisation_id
                or listing.status != OpportunityStatus.PUBLISHED.value):
            raise ContactRefused(Refusal.NOT_YOURS)
    contact.opportunity_id = opportunity_id
    await session.flush()
    return contact


async def send_contact(session: AsyncSession, *, telegram_id: int, contact_id: int, text: str, rules: ContactRules,
                       now: datetime) -> ToPerson:
    """Sends a draft contact with the member's text: every check again, then the daily limit counts it."""
    message = _checked_text(text, MAX_MESSAGE_CHARS)
    contact = await _own_draft(session, telegram_id, contact_id, rules)
    # Members of one organisation sending at the same moment are counted one after the other.
    await count_alone(session, contact.organisation_id)
    owner = await _contactable(session, telegram_id=telegram_id, organisation_id=contact.organisation_id,
                               ad_id=contact.ad_id, rules=rules, now=now)
    contact.message, contact.state, contact.sent_at = message, ContactState.PENDING.value, now
    await session.flush()
    return await _to_person(session, contact, owner.telegram_id, message, first=True)


async def person_contact(session: AsyncSession, volunteer_id: int, contact_id: int, *,
                         open_only: bool = True) -> AdContact:
    """Returns a contact sent to this person; refuses anyone else's, a draft, and (open_only) a closed one."""
    contact = await session.get(AdContact, contact_id)
    if contact is None:
        raise ContactRefused(Refusal.CLOSED)  # its ad was deleted, and the contact with it
    if contact.volunteer_id != volunteer_id or contact.state == ContactState.DRAFT:
        raise ContactRefused(Refusal.NOT_YOURS)
    if open_only and (contact.state not in (ContactState.PENDING, ContactState.ANSWERED)
                      or await _blocked(session, volunteer_id, contact.organisation_id)):
        raise ContactRefused(Refusal.CLOSED)
    return contact


async def choose_name(session: AsyncSession, *, volunteer_id: int, contact_id: int, choice: NameChoice,
                      first_name: str, typed: str | None = None) -> AdContact:
    """Keeps the name the person will answer with: their Telegram first name, one they typed, or none."""
    contact = await person_contact(session, volunteer_id, contact_id)
    if choice == NameChoice.TYPED:
        contact.shared_name = _checked_text(typed or "", MAX_NAME_CHARS)
    else:
        chosen = first_name.strip()[:MAX_NAME_CHARS] if choice == NameChoice.FIRST_NAME else ""
        contact.shared_name = chosen or None
    contact.name_chosen = True
    await session.flush()
    return contact


async def answer(session: AsyncSession, *, volunteer_id: int, contact_id: int, text: str,
                 now: datetime) -> ToOrganisation:
    """Takes the person's reply: the organisation now sees the chosen name and the reply, nothing else."""
    reply = _checked_text(text, MAX_REPLY_CHARS)
    contact = await person_contact(session, volunteer_id, contact_id)
    if not contact.name_chosen:
        raise ContactRefused(Refusal.CLOSED)
    note = await _to_organisation(session, contact, text=reply)
    if not note.member_ids:  # nobody is left to read it: the organisation's last member deleted their data
        contact.state, contact.closed_at = ContactState.EXPIRED.value, now
        await session.flush()
        raise ContactRefused(Refusal.CLOSED)
    if contact.state == ContactState.PENDING:
        contact.state, contact.answered_at, contact.reply_text = ContactState.ANSWERED.value, now, reply
    await session.flush()
    return note


async def decline(session: AsyncSession, *, volunteer_id: int, contact_id: int, now: datetime) -> ToOrganisation:
    """Declines a pending contact; the organisation is told that, and nothing about the person."""
    contact = await person_contact(session, volunteer_id, contact_id)
    if contact.state != ContactState.PENDING:
        raise ContactRefused(Refusal.CLOSED)
    contact.state, contact.closed_at = ContactState.DECLINED.value, now
    await session.flush()
    return await _to_organisation(session, contact, text=None, anonymous=True)


async def block_organisation(session: AsyncSession, *, volunteer_id: int, contact_id: int,
                             now: datetime) -> list[ToOrganisation]:
    """Blocks the contact's organisation: no more contacts from it; its pending and open ones are closed.

    Returns what the organisation's members are told about the pending contacts it closed (declined, nothing
    more); an already answered conversation simply ends.
    """
    contact = await person_contact(session, volunteer_id, contact_id, open_only=False)
    organisation_id = contact.organisation_id
    if await session.get(OrganisationBlock, (volunteer_id, organisation_id)) is None:
        session.add(OrganisationBlock(volunteer_id=volunteer_id, organisation_id=organisation_id, created_at=now))
    pending = (await session.execute(select(AdContact).where(
        AdContact.volunteer_id == volunteer_id, AdContact.organisation_id == organisation_id,
        AdContact.state == ContactState.PENDING.value))).scalars().all()
    await session.execute(update(AdContact).where(
        AdContact.volunteer_id == volunteer_id, AdContact.organisation_id == organisation_id,
        AdContact.state.in_((ContactState.PENDING.value, ContactState.ANSWERED.value, ContactState.DRAFT.value)))
        .values(state=ContactState.DECLINED.value, closed_at=now).execution_options(synchronize_session=False))
    notes = [await _to_organisation(session, closed, text=None, anonymous=True) for closed in pending]
    await session.flush()
    return notes


async def unblock_organisation(session: AsyncSession, *, volunteer_id: int, organisation_id: int) -> bool:
    """Lifts a block; tells whether there was one."""
    block = await session.get(OrganisationBlock, (volunteer_id, organisation_id))
    if block is None:
        return False
    await session.delete(block)
    await session.flush()
    return True


async def share_profile(session: AsyncSession, *, volunteer_id: int, contact_id: int,
                        now: datetime) -> ToOrganisation:
    """The person chose to give the organisation a way to write to them on Telegram directly."""
    contact = await person_contact(session, volunteer_id, contact_id)
    if contact.state != ContactState.ANSWERED:
        raise ContactRefused(Refusal.CLOSED)
    owner = await session.get(Volunteer, volunteer_id)
    assert owner is not None  # the contact's foreign key holds it
    contact.profile_shared_at = contact.profile_shared_at or now
    await session.flush()
    note = await _to_organisation(session, contact, text=None)
    return ToOrganisation(note.contact_id, note.member_ids, note.organisation, note.ad_label, note.name, None,
                          profile_telegram_id=owner.telegram_id)


async def organisation_reply(session: AsyncSession, *, telegram_id: int, contact_id: int, text: str,
                             rules: ContactRules) -> ToPerson:
    """Relays a member's reply to a person who answered (never before: the person writes first)."""
    message = _checked_text(text, MAX_REPLY_CHARS)
    contact = await member_contact(session, telegram_id, contact_id, rules)
    if contact.state != ContactState.ANSWERED or await _blocked(session, contact.volunteer_id,
                                                                 contact.organisation_id):
        raise ContactRefused(Refusal.CLOSED)
    owner = await session.get(Volunteer, contact.volunteer_id)
    assert owner is not None
    return await _to_person(session, contact, owner.telegram_id, message, first=False)


async def member_contact(session: AsyncSession, telegram_id: int, contact_id: int, rules: ContactRules) -> AdContact:
    """Returns a contact of an organisation this person may act for."""
    contact = await session.get(AdContact, contact_id)
    if contact is None:
        raise ContactRefused(Refusal.CLOSED)  # its ad was deleted, and the contact with it
    if not await acts_for(session, telegram_id, contact.organisation_id, rules.access):
        raise ContactRefused(Refusal.NOT_YOURS)
    return contact


async def _contactable(session: AsyncSession, *, telegram_id: int, organisation_id: int, ad_id: int,
                       rules: ContactRules, now: datetime) -> Volunteer:
    """Checks that this member may contact the person behind this ad now; returns that person."""
    if not await acts_for(session, telegram_id, organisation_id, rules.access):
        raise ContactRefused(Refusal.NO_ACCESS)
    owner = await ad_owner(session, ad_id, now=now)
    if owner is None:
        raise ContactRefused(Refusal.AD_GONE)
    if owner.telegram_id == telegram_id or owner.blocked or await _blocked(session, owner.id, organisation_id):
        raise ContactRefused(Refusal.UNAVAILABLE)
    limit = await daily_limit(session, organisation_id, per_day=rules.per_day, now=now)
    if limit.reached:
        raise ContactRefused(Refusal.LIMIT, limit)
    return owner


async def _own_draft(session: AsyncSession, telegram_id: int, contact_id: int, rules: ContactRules) -> AdContact:
    """Returns a draft contact of the member's organisation."""
    contact = await member_contact(session, telegram_id, contact_id, rules)
    if contact.state != ContactState.DRAFT:
        raise ContactRefused(Refusal.ALREADY)
    return contact


async def _blocked(session: AsyncSession, volunteer_id: int, organisation_id: int) -> bool:
    """Tells whether the person blocked the organisation."""
    return await session.get(OrganisationBlock, (volunteer_id, organisation_id)) is not None


async def _to_person(session: AsyncSession, contact: AdContact, telegram_id: int, text: str, *,
                     first: bool) -> ToPerson:
    """Returns a message to the person: the organisation's name, the listing, the text."""
    listing = await session.get(Opportunity, contact.opportunity_id) if contact.opportunity_id else None
    return ToPerson(contact.id, telegram_id, await organisation_name(session, contact.organisation_id),
                    listing.title if listing else None, await live_ad_label(session, contact.ad_id), text, first)


async def member_ids(session: AsyncSession, organisation_id: int) -> tuple[int, ...]:
    """Returns the Telegram ids of the organisation's members, in the order they joined."""
    return tuple((await session.execute(select(OrganisationMember.telegram_id).where(
        OrganisationMember.organisation_id == organisation_id).order_by(OrganisationMember.id))).scalars())


async def _to_organisation(session: AsyncSession, contact: AdContact, *, text: str | None,
                           anonymous: bool = False) -> ToOrganisation:
    """Returns a message to the organisation's members: the chosen name (unless anonymous) and the text."""
    members = await member_ids(session, contact.organisation_id)
    name = None if anonymous else contact.shared_name
    return ToOrganisation(contact.id, members, await organisation_name(session, contact.organisation_id),
                          await live_ad_label(session, contact.ad_id), name, text)


def _checked_text(text: str, limit: int) -> str:
    """Returns the text trimmed; refuses an empty one and one over the limit in UTF-16 units, as Telegram counts
    (nothing is cut silently)."""
    cleaned = text.strip()
    if not cleaned:
        raise ContactRefused(Refusal.EMPTY)
    if len(cleaned.encode("utf-16-le")) // 2 > limit:
        raise ContactRefused(Refusal.TOO_LONG)
    return cleaned


async def organisation_name(session: AsyncSession, organisation_id: int) -> str:
    """Returns an organisation's name ('?' when it is gone)."""
    organisation = await session.get(Organisation, organisation_id)
    return organisation.name if organisation else "?"


async def not_contactable(session: AsyncSession, organisation_id: int, ad_ids: list[int]) -> set[int]:
    """Returns which of these ads the organisation cannot contact now: already contacted, or their person
    blocked it (their cards then show no contact button, rather than one that is refused)."""
    if not ad_ids:
        return set()
    contacted = set((await session.execute(select(AdContact.ad_id).where(
        AdContact.organisation_id == organisation_id, AdContact.ad_id.in_(ad_ids),
        AdContact.sent_at.is_not(None)))).scalars())  # a draft, even a closed one, is no contact yet
    blocked = set((await session.execute(
        select(VolunteerAd.id).join(OrganisationBlock, OrganisationBlock.volunteer_id == VolunteerAd.volunteer_id)
        .where(OrganisationBlock.organisation_id == organisation_id, VolunteerAd.id.in_(ad_ids)))).scalars())
    return contacted | blocked
