"""/loeschen: after deletion no table holds anything of the person; other people's data is untouched."""

from __future__ import annotations

from sqlalchemy import BigInteger, select

from bot.privacy import ANONYMOUS, delete_volunteer_data, export_volunteer_data, is_actor_column, person_columns
from bot.store.db import Database
from bot.store.models import (
    AlertDelivery, Base, ModerationEvent, Opportunity, Organisation, OrganisationMember, SavedSearch, Volunteer,
)
from bot.volunteers import get_or_create_volunteer
from tests.factories.privacy import make_person, scan

PERSON, OTHER, ADMIN = 7_200_000_001, 7_200_000_002, 7_200_000_099


def _without_time(document: dict[str, object]) -> dict[str, object]:
    return {key: value for key, value in document.items() if key != "exported_at"}


async def test_nothing_of_the_person_remains_in_any_table(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        person = await make_person(session, PERSON, admin=ADMIN)
        await make_person(session, OTHER, admin=ADMIN)
        saved_ids = set((await session.execute(
            select(SavedSearch.id).where(SavedSearch.volunteer_id == person.volunteer_id))).scalars())
        alerts = len((await session.execute(
            select(AlertDelivery.id).where(AlertDelivery.saved_search_id.in_(saved_ids)))).all())
    async with any_database.read_only() as session:
        other_before = _without_time(await export_volunteer_data(session, OTHER))
    async with any_database.unit_of_work() as session:
        report = await delete_volunteer_data(session, PERSON)
    async with any_database.read_only() as session:
        rows = await scan(session)
        other_after = _without_time(await export_volunteer_data(session, OTHER))
    for table in Base.metadata.sorted_tables:
        volunteer_keys = [c.name for c in table.columns
                          if any(fk.column.table.name == "volunteers" for fk in c.foreign_keys)]
        saved_keys = [c.name for c in table.columns
                      if any(fk.column.table.name == "saved_searches" for fk in c.foreign_keys)]
        for row in rows[table.name]:
            assert PERSON not in row.values(), (table.name, row)
            assert all(row[name] != person.volunteer_id for name in volunteer_keys), (table.name, row)
            assert all(row[name] not in saved_ids for name in saved_keys), (table.name, row)
    assert other_after == other_before
    assert alerts == 2  # the person's search matched both listings in Kassel
    assert report.deleted["volunteers"] == 1 and report.deleted["alert_deliveries"] == alerts
    # The person's announcement stays in the operator's history, without them (created_by cannot be NULL).
    assert report.anonymised == {"moderation_events.actor_telegram_id": 1, "admin_roles.granted_by": 1,
                                 "broadcasts.created_by": 1, "broadcasts.status_chat_id": 1}
    assert ANONYMOUS in [row["created_by"] for row in rows["broadcasts"]]


async def test_records_of_decisions_stay_without_the_person(database: Database) -> None:
    async with database.unit_of_work() as session:
        person = await make_person(session, PERSON, admin=ADMIN)
    async with database.unit_of_work() as session:
        await delete_volunteer_data(session, PERSON)
    async with database.read_only() as session:
        events = (await session.execute(select(ModerationEvent.action, ModerationEvent.actor_telegram_id)
                                        .order_by(ModerationEvent.id))).all()
        listing = await session.get(Opportunity, person.listing_id)
        organisation = await session.get(Organisation, person.organisation_id)
    assert [tuple(event) for event in events] == [("approved", None), ("edited", ADMIN), ("paused", None)]
    assert listing is not None and organisation is not None  # the organisation's data, not the person's
    assert listing.status == "paused"  # the person was its last member: nobody could answer volunteers


async def test_an_organisation_with_members_left_keeps_its_listings_live(database: Database) -> None:
    async with database.unit_of_work() as session:
        person = await make_person(session, PERSON, admin=ADMIN)
        session.add(OrganisationMember(organisation_id=person.organisation_id, telegram_id=OTHER, role="member"))
    async with database.unit_of_work() as session:
        report = await delete_volunteer_data(session, PERSON)
    async with database.read_only() as session:
        listing = await session.get(Opportunity, person.listing_id)
    assert report.orphaned == [] and listing is not None and listing.status == "published"


async def test_deleting_while_the_edge_holds_the_volunteer_commits_cleanly(database: Database) -> None:
    async with database.unit_of_work() as session:
        await make_person(session, PERSON, admin=ADMIN)
    async with database.unit_of_work() as session:
        volunteer = await get_or_create_volunteer(session, PERSON, language_code="de")
        volunteer.language = "en"  # a pending change of the loaded object must not resurrect the row
        report = await delete_volunteer_data(session, PERSON)
    assert report.total > 10
    async with database.read_only() as session:
        assert (await session.execute(select(Volunteer).where(Volunteer.telegram_id == PERSON))).first() is None


async def test_unknown_person_deletes_nothing(database: Database) -> None:
    async with database.unit_of_work() as session:
        await make_person(session, OTHER, admin=ADMIN)
    async with database.unit_of_work() as session:
        report = await delete_volunteer_data(session, PERSON)
    assert report.total == 0 and report.deleted == {} and report.anonymised == {}


def test_every_telegram_id_column_in_the_schema_is_covered() -> None:
    covered = {(column.table.name, column.name) for column in person_columns()}
    # Telegram ids are the only big integers that are neither keys nor references: a new one must be classified.
    telegram_like = {
        (table.name, column.name)
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if isinstance(column.type, BigInteger) and not column.primary_key and not column.foreign_keys
    }
    assert telegram_like <= covered, telegram_like - covered
    volunteer_references = {
        (table.name, column.name)
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if any(fk.column.table.name == "volunteers" for fk in column.foreign_keys)
    }
    assert volunteer_references <= covered
    assert ("moderation_events", "actor_telegram_id") in covered and ("volunteers", "telegram_id") in covered
    actors = {(c.table.name, c.name) for c in person_columns() if is_actor_column(c)}
    assert ("admin_roles", "granted_by") in actors and ("volunteers", "telegram_id") not in actors
