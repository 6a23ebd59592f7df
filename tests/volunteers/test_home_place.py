"""The home place is stored with consent and region, given back as a search centre, and forgotten on request."""

from __future__ import annotations

from sqlalchemy import select

from bot.search.model import PlaceRef
from bot.store.db import Database
from bot.store.models import Volunteer
from bot.volunteers import forget_home, home_place, remember_home
from tests.factories.volunteers import BAUNATAL, NOW, make_volunteer


async def test_new_volunteer_has_no_home(database: Database) -> None:
    async with database.unit_of_work() as session:
        assert home_place(await make_volunteer(session)) is None


async def test_remembered_home_comes_back_with_state_district_and_consent(database: Database) -> None:
    async with database.unit_of_work() as session:
        volunteer = await make_volunteer(session, 4242)
        await remember_home(session, volunteer, BAUNATAL, now=NOW)
    async with database.read_only() as session:
        stored = (await session.execute(select(Volunteer).where(Volunteer.telegram_id == 4242))).scalar_one()
    assert stored.home_consent_at == NOW
    assert (stored.home_state, stored.home_district) == ("Hessen", "Landkreis Kassel")
    assert home_place(stored) == PlaceRef(name="Baunatal", lat=BAUNATAL.lat, lon=BAUNATAL.lon, state="Hessen")


async def test_shared_location_without_state_gets_it_from_the_gazetteer(database: Database) -> None:
    async with database.unit_of_work() as session:
        volunteer = await make_volunteer(session)
        await remember_home(session, volunteer, PlaceRef(name="Mein Standort", lat=51.05, lon=13.74))
        assert (volunteer.home_state, volunteer.home_district) == ("Sachsen", "Dresden")
        assert home_place(volunteer).state == "Sachsen"  # type: ignore[union-attr]


async def test_forgotten_home_leaves_nothing_behind(database: Database) -> None:
    async with database.unit_of_work() as session:
        volunteer = await make_volunteer(session, 4343)
        await remember_home(session, volunteer, BAUNATAL, now=NOW)
        await forget_home(session, volunteer)
    async with database.read_only() as session:
        stored = (await session.execute(select(Volunteer).where(Volunteer.telegram_id == 4343))).scalar_one()
    assert home_place(stored) is None
    home_columns = [column.key for column in Volunteer.__table__.columns if column.key.startswith("home_")]
    assert home_columns and all(getattr(stored, key) is None for key in home_columns)
