"""The terminal demo's person as a member of a verified demo organisation, to try /freiwillige and contacts."""

from __future__ import annotations

from sqlalchemy import select

from bot.domain import OpportunityStatus
from bot.store.db import Database
from bot.store.models import Opportunity, Organisation, OrganisationMember

DEMO_TOWN = "Kassel"  # where several demo ads are, so a search there finds people to contact


async def join_demo_organisation(database: Database, telegram_id: int) -> str | None:
    """Makes the person a member of a demo organisation with listings in Kassel, verified; returns its name
    (None when the demo data has none). Running it again changes nothing."""
    async with database.unit_of_work() as session:
        organisation = await session.scalar(
            select(Organisation).join(Opportunity, Opportunity.organisation_id == Organisation.id)
            .where(Organisation.source == "demo", Opportunity.place_name == DEMO_TOWN,
                   Opportunity.status == OpportunityStatus.PUBLISHED.value)
            .order_by(Organisation.id).limit(1))
        if organisation is None:
            return None
        organisation.verified = True
        member = await session.scalar(select(OrganisationMember).where(
            OrganisationMember.organisation_id == organisation.id, OrganisationMember.telegram_id == telegram_id))
        if member is None:
            session.add(OrganisationMember(organisation_id=organisation.id, telegram_id=telegram_id, role="owner"))
        return organisation.name
