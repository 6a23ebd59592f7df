"""Factories for the organisations' side of ads: a verified organisation with a member and a listing, an ad."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import count
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.ads.access import SearchAccess
from bot.ads.contacts import ContactRules
from bot.store.models import OrganisationMember
from bot.volunteers import find_volunteer
from tests.factories.ads import make_ad, make_volunteer
from tests.factories.volunteers import make_listing, make_organisation

RULES = ContactRules(SearchAccess.VERIFIED, per_day=10)
_members = count(9_300_000)


@dataclass(frozen=True)
class Club:
    """An organisation, one member's Telegram id and one published listing."""

    organisation_id: int
    name: str
    member: int
    listing_id: int
    listing_title: str


@dataclass(frozen=True)
class Offer:
    """An ad and the person behind it."""

    ad_id: int
    volunteer_id: int
    telegram_id: int


async def make_club(session: AsyncSession, *, verified: bool = True, name: str | None = None,
                    member: int | None = None) -> Club:
    """Adds an organisation with a member (who has used the bot) and one published listing."""
    organisation = await make_organisation(session, verified=verified,
                                           **({"name": name} if name else {}))
    telegram_id = member if member is not None else next(_members)
    session.add(OrganisationMember(organisation_id=organisation.id, telegram_id=telegram_id, role="owner"))
    if await find_volunteer(session, telegram_id) is None:
        await make_volunteer(session, telegram_id=telegram_id)
    listing = await make_listing(session, organisation=organisation, title="Hausaufgabenhilfe im Stadtteiltreff")
    await session.flush()
    return Club(organisation.id, organisation.name, telegram_id, listing.id, listing.title)


async def make_offer(session: AsyncSession, *, telegram_id: int | None = None, language: str = "de",
                     **changes: Any) -> Offer:
    """Adds a published ad, of a new person or of the person with this Telegram id (chatting in `language`)."""
    person = await find_volunteer(session, telegram_id) if telegram_id else None
    person = person or await make_volunteer(session, language=language,
                                            **({"telegram_id": telegram_id} if telegram_id else {}))
    ad = await make_ad(session, volunteer=person, **changes)
    return Offer(ad.id, person.id, person.telegram_id)
