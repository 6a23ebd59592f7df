"""A person with something in every kind of table that can hold personal data, and a scan of the whole store.

Imported as `tests.factories.privacy`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.alerts import alerts_for_published_listing, save_search
from bot.search.model import Refinement
from bot.store.models import (
    AdminRole,
    Base,
    Broadcast,
    BroadcastDelivery,
    ChatSearch,
    ChatState,
    InterestReport,
    ListingDraft,
    ModerationEvent,
    OrganisationMember,
)
from bot.volunteers import add_favourite, get_or_create_volunteer, remember_home
from tests.factories.volunteers import BAUNATAL, KASSEL, make_listing, make_organisation, query


@dataclass
class Person:
    """What was stored for one person, for assertions."""

    telegram_id: int
    volunteer_id: int
    listing_id: int
    organisation_id: int


async def make_person(session: AsyncSession, telegram_id: int, *, admin: int) -> Person:
    """Stores a full life in the bot for one person; `admin` is another person's id who acts on their things."""
    volunteer = await get_or_create_volunteer(session, telegram_id, language_code="de")
    await remember_home(session, volunteer, BAUNATAL)
    organisation = await make_organisation(session, name=f"Naturschutzgruppe {telegram_id} e.V.")
    listing = await make_listing(session, organisation=organisation, title="Nistkästen bauen")
    await add_favourite(session, volunteer, listing.id)
    saved = await save_search(session, volunteer, text="Tiere Kassel", refinement=Refinement(),
                              query=query(categories=("animals",), place=KASSEL))
    await alerts_for_published_listing(session, listing.id)
    chat_search = ChatSearch(volunteer_id=volunteer.id, query_text="Tiere Kassel", refinement={})
    session.add_all([
        InterestReport(opportunity_id=listing.id, volunteer_id=volunteer.id),
        OrganisationMember(organisation_id=organisation.id, telegram_id=telegram_id, role="owner"),
        ListingDraft(telegram_id=telegram_id, organisation_id=organisation.id, step="title", data={"title": "Entwurf"}),
        AdminRole(telegram_id=telegram_id, state="Hessen", granted_by=admin),
        AdminRole(telegram_id=admin, district=f"Bezirk {telegram_id}", granted_by=telegram_id),
        ModerationEvent(opportunity_id=listing.id, actor_telegram_id=telegram_id, action="approved"),
        ModerationEvent(opportunity_id=listing.id, actor_telegram_id=admin, action="edited"),
        chat_search,
    ])
    await session.flush()
    session.add(ChatState(volunteer_id=volunteer.id, awaiting="place", search_id=chat_search.id))
    own_broadcast = Broadcast(created_by=telegram_id, text="Sommerfest!", status_chat_id=telegram_id)
    admin_broadcast = Broadcast(created_by=admin, text="Neue Angebote", status_chat_id=admin)
    session.add_all([own_broadcast, admin_broadcast])
    await session.flush()
    session.add_all([
        BroadcastDelivery(broadcast_id=admin_broadcast.id, chat_id=telegram_id, state="sent"),
        BroadcastDelivery(broadcast_id=own_broadcast.id, chat_id=admin, state="sent"),
    ])
    await session.flush()
    assert saved.id
    return Person(telegram_id, volunteer.id, listing.id, organisation.id)


async def scan(session: AsyncSession) -> dict[str, list[dict[str, Any]]]:
    """Returns every row of every table in the schema (small test databases only)."""
    return {
        table.name: [dict(row) for row in (await session.execute(select(table))).mappings()]
        for table in Base.metadata.sorted_tables
    }
