"""/meinedaten and /loeschen on the organisations' side of ads: contacts, blocks, reports, ad searches."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.ads import contacts, reports, saved_searches
from bot.ads.contacts import NameChoice
from bot.privacy import delete_volunteer_data, export_volunteer_data
from bot.store.db import Database
from bot.volunteers import find_volunteer
from bot.store.models import (
    AdAlertDelivery,
    AdContact,
    AdReport,
    AdSearch,
    Base,
    ModerationNotice,
    OrganisationBlock,
)
from tests.factories.ad_contacts import RULES, Club, Offer, make_club, make_offer
from tests.factories.privacy import scan

NOW = datetime(2026, 12, 4, 15, tzinfo=timezone.utc)


async def _conversation(database: Database) -> tuple[Club, Offer, Club, int]:
    """A contact answered with a typed name, a report of it, a block of another organisation, a saved search."""
    async with database.unit_of_work() as session:
        club, other, offer = await make_club(session), await make_club(session), await make_offer(session)
        contact, _ = await contacts.begin_contact(session, telegram_id=club.member,
                                                  organisation_id=club.organisation_id, ad_id=offer.ad_id,
                                                  rules=RULES, now=NOW)
        await contacts.choose_listing(session, telegram_id=club.member, contact_id=contact.id,
                                      opportunity_id=club.listing_id, rules=RULES)
        await contacts.send_contact(session, telegram_id=club.member, contact_id=contact.id, text="Hallo!",
                                    rules=RULES, now=NOW)
        await contacts.choose_name(session, volunteer_id=offer.volunteer_id, contact_id=contact.id,
                                   choice=NameChoice.TYPED, first_name="", typed="Kim")
        await contacts.answer(session, volunteer_id=offer.volunteer_id, contact_id=contact.id, text="Gern!", now=NOW)
        await reports.report_contact(session, volunteer_id=offer.volunteer_id, reporter_telegram_id=offer.telegram_id,
                                     contact_id=contact.id, shown="Hallo!", now=NOW)
        await reports.report_ad(session, ad_id=offer.ad_id, reporter_telegram_id=other.member, now=NOW)
        other_contact, _ = await contacts.begin_contact(session, telegram_id=other.member,
                                                        organisation_id=other.organisation_id, ad_id=offer.ad_id,
                                                        rules=RULES, now=NOW)
        await contacts.send_contact(session, telegram_id=other.member, contact_id=other_contact.id, text="Hi",
                                    rules=RULES, now=NOW)
        await contacts.block_organisation(session, volunteer_id=offer.volunteer_id, contact_id=other_contact.id,
                                          now=NOW)
        member = (await session.execute(select(AdContact.volunteer_id))).scalars().first()
        assert member == offer.volunteer_id
        search = await saved_searches.new_ad_search(session, await _volunteer_id(session, club.member),
                                                    "Hausaufgaben Kassel", now=NOW)
        await saved_searches.save_ad_search(session, search, default_radius_km=15)
    return club, offer, other, contact.id


async def _volunteer_id(session: AsyncSession, telegram_id: int) -> int:
    volunteer = await find_volunteer(session, telegram_id)
    assert volunteer is not None
    return volunteer.id


async def test_the_persons_export_shows_contacts_and_blocks_but_not_who_wrote_or_reported(database: Database) -> None:
    club, offer, other, contact_id = await _conversation(database)
    async with database.read_only() as session:
        document = await export_volunteer_data(session, offer.telegram_id)
    received = {row["id"]: row for row in document["ad_contacts"]}
    assert received[contact_id]["shared_name"] == "Kim" and received[contact_id]["reply_text"] == "Gern!"
    assert received[contact_id]["organisation_name"] == club.name
    assert all(row["started_by_telegram_id"] is None for row in received.values())  # members stay private
    assert [row["organisation_id"] for row in document["organisation_blocks"]] == [other.organisation_id]
    assert {row["reporter_telegram_id"] for row in document["other"]["ad_reports"]} == {None, offer.telegram_id}
    assert str(club.member) not in str(document) and str(other.member) not in str(document)


async def test_the_members_export_shows_their_ad_search_and_what_they_started(database: Database) -> None:
    club, offer, _, contact_id = await _conversation(database)
    async with database.read_only() as session:
        document = await export_volunteer_data(session, club.member)
    assert [row["query_text"] for row in document["ad_searches"]] == ["Hausaufgaben Kassel"]
    assert [row["id"] for row in document["actions"]["ad_contacts"]] == [contact_id]
    assert document["actions"]["ad_contacts"][0]["volunteer_id"] is None  # whom it went to is not theirs
    assert str(offer.telegram_id) not in str(document)


async def test_deleting_the_person_leaves_nothing_of_them_on_the_organisations_side(any_database: Database) -> None:
    _, offer, _, _ = await _conversation(any_database)
    async with any_database.unit_of_work() as session:
        report = await delete_volunteer_data(session, offer.telegram_id)
    assert report.deleted["ad_contacts"] == 2 and report.deleted["organisation_blocks"] == 1
    assert report.deleted["ad_reports"] == 2
    async with any_database.read_only() as session:
        rows = await scan(session)
        for model in (AdContact, OrganisationBlock, AdReport):
            assert await session.scalar(select(func.count()).select_from(model)) == 0, model.__name__
    for table in Base.metadata.sorted_tables:
        for row in rows[table.name]:
            assert offer.telegram_id not in row.values(), (table.name, row)


async def test_deleting_a_member_leaves_the_organisations_contacts_anonymised(any_database: Database) -> None:
    club, offer, other, contact_id = await _conversation(any_database)
    async with any_database.unit_of_work() as session:
        report = await delete_volunteer_data(session, club.member)
        await delete_volunteer_data(session, other.member)
    assert report.anonymised == {"ad_contacts.started_by_telegram_id": 1}
    assert report.deleted["ad_searches"] == 1 and report.deleted["ad_alert_deliveries"] >= 0
    async with any_database.read_only() as session:
        contact = await session.get(AdContact, contact_id)
        assert contact is not None and contact.started_by_telegram_id is None
        assert contact.organisation_id == club.organisation_id and contact.shared_name == "Kim"
        reporters = set((await session.execute(select(AdReport.reporter_telegram_id))).scalars())
        assert reporters == {offer.telegram_id, None}
        assert await session.scalar(select(func.count()).select_from(AdSearch)) == 0
        assert await session.scalar(select(func.count()).select_from(AdAlertDelivery)) == 0


async def test_the_owners_export_does_not_show_the_admins_chat_their_ad_was_shown_in(database: Database) -> None:
    admin = 7_200_000_099
    async with database.unit_of_work() as session:
        offer = await make_offer(session)
        session.add(ModerationNotice(ad_id=offer.ad_id, chat_id=admin, message_id=41))
    async with database.read_only() as session:
        document = await export_volunteer_data(session, offer.telegram_id)
    assert [row["ad_id"] for row in document["other"]["moderation_notices"]] == [offer.ad_id]
    assert str(admin) not in str(document)
