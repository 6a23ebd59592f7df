"""Saving searches: once per meaning, reactivated when saved again, stopped only by their owner."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bot.alerts import (
    MAX_SAVED_SEARCHES,
    AmbiguousPlace,
    EmptySearch,
    SavedSearchLimit,
    count_saved_searches,
    criteria_of,
    list_saved_searches,
    save_search,
    stop_all_alerts,
    stop_saved_search,
)
from bot.alerts.criteria import radius_class
from bot.domain import AlertMode
from bot.search.model import PlaceRef, Refinement
from bot.store.db import Database
from bot.store.models import SavedSearch
from tests.factories.volunteers import GOETTINGEN, KASSEL, LEIPZIG, make_volunteer, query

ANIMALS_KASSEL = query(categories=("animals",), place=KASSEL)


async def test_saved_search_stores_its_meaning_and_prefilter_columns(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        volunteer = await make_volunteer(session)
        saved = await save_search(
            session, volunteer, text="Tierheim Kassel, kein Sport", refinement=Refinement(radius_km=30),
            mode=AlertMode.DAILY, query=query(categories=("animals",), exclude=("sports",), place=KASSEL,
                                              time=("weekend",), keywords=("tierheim",)),
        )
    assert saved.query_text == "Tierheim Kassel, kein Sport"
    assert (saved.mode, saved.active) == ("daily", True)
    assert (saved.centre_lat, saved.centre_lon, saved.radius_km) == (KASSEL.lat, KASSEL.lon, 30.0)
    assert saved.radius_class == radius_class(30.0) == 3
    assert saved.category_mask == 1 << 4 and saved.exclude_mask == 1 << 5
    assert saved.time_mask and saved.has_keywords and not saved.remote_only
    criteria = criteria_of(saved)
    assert criteria is not None
    assert (criteria.categories, criteria.radius_km, criteria.keywords) == (("animals",), 30.0, ("tierheim",))


async def test_the_default_radius_is_kept_with_the_search(database: Database) -> None:
    async with database.unit_of_work() as session:
        volunteer = await make_volunteer(session)
        saved = await save_search(session, volunteer, text="Tiere Kassel", refinement=Refinement(),
                                  query=ANIMALS_KASSEL, default_radius_km=20)
    assert saved.radius_km == 20.0
    stored_query = saved.filters["query"]
    assert isinstance(stored_query, dict)
    assert stored_query["radius_km"] == 20.0  # a later change of the setting does not move it


async def test_same_search_saved_twice_is_one_row_even_with_other_wording(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        volunteer = await make_volunteer(session)
        first = await save_search(session, volunteer, text="Tiere Kassel", refinement=Refinement(),
                                  query=ANIMALS_KASSEL)
        second = await save_search(
            session, volunteer, text="tiere in kassel", refinement=Refinement(radius_km=15), mode="daily",
            query=query(categories=("animals",), place=PlaceRef("34117 Kassel", KASSEL.lat, KASSEL.lon)),
        )
        wider = await save_search(session, volunteer, text="Tiere Kassel", refinement=Refinement(radius_km=30),
                                  query=ANIMALS_KASSEL)
        assert second.id == first.id and second.mode == "daily"
        assert wider.id != first.id
        assert await count_saved_searches(session, volunteer) == 2


async def test_another_person_saving_the_same_search_gets_their_own(database: Database) -> None:
    async with database.unit_of_work() as session:
        one, two = await make_volunteer(session), await make_volunteer(session)
        first = await save_search(session, one, text="Tiere Kassel", refinement=Refinement(), query=ANIMALS_KASSEL)
        second = await save_search(session, two, text="Tiere Kassel", refinement=Refinement(), query=ANIMALS_KASSEL)
    assert first.id != second.id


async def test_stopped_search_saved_again_is_reactivated(database: Database) -> None:
    async with database.unit_of_work() as session:
        volunteer = await make_volunteer(session)
        saved = await save_search(session, volunteer, text="Tiere Kassel", refinement=Refinement(),
                                  query=ANIMALS_KASSEL)
        assert await stop_saved_search(session, volunteer, saved.id)
        assert await list_saved_searches(session, volunteer) == []
        again = await save_search(session, volunteer, text="Tiere Kassel", refinement=Refinement(),
                                  query=ANIMALS_KASSEL)
        assert again.id == saved.id and again.active
        assert [s.id for s in await list_saved_searches(session, volunteer)] == [saved.id]


async def test_saving_an_alert_turns_alerts_back_on(database: Database) -> None:
    async with database.unit_of_work() as session:
        volunteer = await make_volunteer(session, alert_mode="off")
        await save_search(session, volunteer, text="Tiere Kassel", refinement=Refinement(), query=ANIMALS_KASSEL,
                          mode="daily")
        assert volunteer.alert_mode == "daily"


async def test_only_the_owner_can_stop_a_search(database: Database) -> None:
    async with database.unit_of_work() as session:
        owner, stranger = await make_volunteer(session), await make_volunteer(session)
        saved = await save_search(session, owner, text="Tiere Kassel", refinement=Refinement(), query=ANIMALS_KASSEL)
        assert await stop_saved_search(session, stranger, saved.id) is False
        assert await stop_saved_search(session, owner, 999_999) is False
        assert saved.active is True
        assert await stop_saved_search(session, owner, saved.id) is True
        assert await stop_saved_search(session, owner, saved.id) is False  # already stopped


async def test_stop_all_stops_only_the_persons_own(database: Database) -> None:
    async with database.unit_of_work() as session:
        volunteer, other = await make_volunteer(session), await make_volunteer(session)
        for place in (KASSEL, GOETTINGEN, LEIPZIG):
            await save_search(session, volunteer, text=f"Tiere {place.name}", refinement=Refinement(),
                              query=query(categories=("animals",), place=place))
        await save_search(session, other, text="Tiere Kassel", refinement=Refinement(), query=ANIMALS_KASSEL)
        assert await stop_all_alerts(session, volunteer) == 3
        assert await list_saved_searches(session, volunteer) == []
        assert len(await list_saved_searches(session, other)) == 1


async def test_list_is_newest_first(database: Database) -> None:
    async with database.unit_of_work() as session:
        volunteer = await make_volunteer(session)
        ids = [
            (await save_search(session, volunteer, text=f"Tiere {place.name}", refinement=Refinement(),
                               query=query(categories=("animals",), place=place))).id
            for place in (KASSEL, GOETTINGEN, LEIPZIG)
        ]
        listed = await list_saved_searches(session, volunteer)
    assert [saved.id for saved in listed] == ids[::-1]


async def test_a_search_that_asks_nothing_is_not_saved(database: Database) -> None:
    async with database.unit_of_work() as session:
        volunteer = await make_volunteer(session)
        with pytest.raises(EmptySearch):
            await save_search(session, volunteer, text="hallo", refinement=Refinement(), query=query())
        assert (await session.execute(select(func.count()).select_from(SavedSearch))).scalar_one() == 0


async def test_an_ambiguous_place_must_be_chosen_first(database: Database) -> None:
    neustadt_holstein = PlaceRef("Neustadt in Holstein", 54.107, 10.815, "Schleswig-Holstein")
    neustadt_weinstrasse = PlaceRef("Neustadt an der Weinstraße", 49.350, 8.139, "Rheinland-Pfalz")
    parsed = {**query(categories=("animals",), place=neustadt_holstein),
              "place_candidates": [neustadt_holstein.to_dict(), neustadt_weinstrasse.to_dict()]}
    async with database.unit_of_work() as session:
        volunteer = await make_volunteer(session)
        with pytest.raises(AmbiguousPlace) as raised:
            await save_search(session, volunteer, text="Tiere Neustadt", refinement=Refinement(), query=parsed)
        assert len(raised.value.candidates) == 2
        chosen = await save_search(session, volunteer, text="Tiere Neustadt",
                                   refinement=Refinement(place=neustadt_weinstrasse), query=parsed)
        assert chosen.centre_lat == neustadt_weinstrasse.lat


async def test_a_person_cannot_save_without_limit(database: Database) -> None:
    async with database.unit_of_work() as session:
        volunteer = await make_volunteer(session)
        for radius in range(1, MAX_SAVED_SEARCHES + 1):
            await save_search(session, volunteer, text="Tiere Kassel", refinement=Refinement(radius_km=radius),
                              query=ANIMALS_KASSEL)
        with pytest.raises(SavedSearchLimit):
            await save_search(session, volunteer, text="Tiere Kassel", refinement=Refinement(radius_km=99),
                              query=ANIMALS_KASSEL)
        # the same search again is not a new one, so it is still fine
        await save_search(session, volunteer, text="Tiere Kassel", refinement=Refinement(radius_km=1),
                          query=ANIMALS_KASSEL)
