"""A newly published listing alerts exactly the saved searches it matches, as the search would find it."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from bot.alerts import alerts_for_published_listing, save_search, stop_saved_search
from bot.alerts.matching import candidate_query
from bot.domain import OpportunityStatus
from bot.search.model import Refinement
from bot.store.db import Database
from bot.store.models import AlertDelivery, SavedSearch, Volunteer
from bot.volunteers import set_alert_mode
from tests.factories.volunteers import (
    BAUNATAL, FRITZLAR, GOETTINGEN, KASSEL, LEIPZIG, make_listing, make_volunteer, query,
)


async def _saved(session: AsyncSession, volunteer: Volunteer | None = None, **wanted: Any) -> SavedSearch:
    """Saves a search for a (new) volunteer from query fields; radius_km goes in as a button refinement."""
    volunteer = volunteer or await make_volunteer(session)
    radius = wanted.pop("radius_km", None)
    return await save_search(session, volunteer, text="gespeicherte Suche", refinement=Refinement(radius_km=radius),
                             query=query(**wanted))


async def _alerted(session: AsyncSession, **listing: Any) -> set[int]:
    """Publishes a listing and returns the saved-search ids alerted immediately."""
    opportunity = await make_listing(session, **listing)
    return {due.saved_search_id for due in await alerts_for_published_listing(session, opportunity.id)}


async def test_only_searches_for_the_listings_category_are_alerted(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        animals = await _saved(session, categories=("animals",), place=KASSEL)
        animals_or_sports = await _saved(session, categories=("sports", "animals"), place=KASSEL)
        sports = await _saved(session, categories=("sports",), place=KASSEL)
        anything_here = await _saved(session, place=KASSEL, time=("weekend",))
        assert await _alerted(session, categories=["animals"]) == {animals.id, animals_or_sports.id, anything_here.id}
        assert sports.id  # saved, but not alerted


async def test_radius_is_measured_from_the_saved_place(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        small = await _saved(session, categories=("animals",), place=KASSEL, radius_km=5)
        default = await _saved(session, categories=("animals",), place=KASSEL)  # 15 km
        wide = await _saved(session, categories=("animals",), place=KASSEL, radius_km=50)
        elsewhere = await _saved(session, categories=("animals",), place=LEIPZIG, radius_km=100)
        assert await _alerted(session, place=KASSEL) == {small.id, default.id, wide.id}
        assert await _alerted(session, place=BAUNATAL) == {default.id, wide.id}  # about 8 km
        assert await _alerted(session, place=FRITZLAR) == {wide.id}  # about 24 km
        assert await _alerted(session, place=GOETTINGEN) == {wide.id}  # about 38 km
        assert elsewhere.id not in await _alerted(session, place=GOETTINGEN)


async def test_excluded_categories_are_never_alerted(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        no_children = await _saved(session, categories=("animals",), exclude=("children_youth",), place=KASSEL)
        plain = await _saved(session, categories=("animals",), place=KASSEL)
        anything_but_sport = await _saved(session, exclude=("sports",), place=KASSEL)
        assert await _alerted(session, categories=["animals", "children_youth"]) == {plain.id, anything_but_sport.id}
        assert await _alerted(session, categories=["sports"]) == set()
        assert no_children.id in await _alerted(session, categories=["animals"])


async def test_time_must_agree_in_every_family_the_listing_and_search_name(database: Database) -> None:
    async with database.unit_of_work() as session:
        weekend = await _saved(session, categories=("animals",), place=KASSEL, time=("weekend",))
        weekday_evening = await _saved(session, categories=("animals",), place=KASSEL, time=("weekday", "evening"))
        weekday = await _saved(session, categories=("animals",), place=KASSEL, time=("weekday",))
        any_time = await _saved(session, categories=("animals",), place=KASSEL)
        assert await _alerted(session, time_tags=["weekend", "daytime"]) == {weekend.id, any_time.id}
        every = {weekend.id, weekday_evening.id, weekday.id, any_time.id}
        assert await _alerted(session, time_tags=["evening"]) == every
        assert await _alerted(session, time_tags=[]) == {weekend.id, weekday_evening.id, weekday.id, any_time.id}


async def test_a_search_for_weekend_evenings_is_alerted_only_for_weekend_evenings(any_database: Database) -> None:
    """"Samstagabend", "weekend evenings": one time, not a choice; a Tuesday evening or a Saturday morning is
    another time."""
    async with any_database.unit_of_work() as session:
        weekend_evening = await _saved(session, categories=("animals",), place=KASSEL, time=("weekend", "evening"))
        assert await _alerted(session, time_tags=["weekday", "evening"]) == set()
        assert await _alerted(session, time_tags=["weekend", "daytime"]) == set()
        assert await _alerted(session, time_tags=["weekend", "evening"]) == {weekend_evening.id}
        assert await _alerted(session, time_tags=["weekend"]) == {weekend_evening.id}  # the hour unsaid


async def test_a_search_for_evenings_or_weekends_is_alerted_for_either(any_database: Database) -> None:
    """"Abends oder am Wochenende": a Saturday morning or a Tuesday evening, as the search finds them; not office
    hours, and a frequency named beside still has to agree."""
    async with any_database.unit_of_work() as session:
        free_time = await _saved(session, categories=("animals",), place=KASSEL, time=("evening", "weekend"),
                                 time_either=True)
        regularly = await _saved(session, categories=("animals",), place=KASSEL, time=("evening", "weekend", "regular"),
                                 time_either=True)
        assert await _alerted(session, time_tags=["weekend", "daytime"]) == {free_time.id, regularly.id}
        assert await _alerted(session, time_tags=["weekday", "evening", "one_off"]) == {free_time.id}
        assert await _alerted(session, time_tags=["weekday"]) == {free_time.id, regularly.id}  # the hour unsaid
        assert await _alerted(session, time_tags=["weekday", "daytime"]) == set()


@pytest.mark.parametrize(("text", "alerted_for"), [
    ("Samstagabend im Tierheim in Kassel helfen", {"weekend_evening"}),
    ("Tierheim Kassel, am Wochenende abends", {"weekend_evening"}),
    ("Tierheim Kassel, abends oder am Wochenende", {"weekend_evening", "weekday_evening", "weekend_morning"}),
    ("animal shelter in Kassel on Saturday evenings", {"weekend_evening"}),
    ("animal shelter in Kassel, evenings or weekends", {"weekend_evening", "weekday_evening", "weekend_morning"}),
])
async def test_a_search_saved_from_text_reads_one_time_or_a_choice(
    any_database: Database, text: str, alerted_for: set[str],
) -> None:
    async with any_database.unit_of_work() as session:
        volunteer = await make_volunteer(session)
        saved = await save_search(session, volunteer, text=text, refinement=Refinement())
        times = {"weekend_evening": ["weekend", "evening"], "weekday_evening": ["weekday", "evening"],
                 "weekend_morning": ["weekend", "daytime"], "office_hours": ["weekday", "daytime"]}
        alerted = {name for name, tags in times.items()
                   if saved.id in await _alerted(session, categories=["animals"], time_tags=tags)}
    assert alerted == alerted_for


async def test_remote_searches_get_remote_listings_anywhere(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        remote = await _saved(session, categories=("digital",), remote=True, place=LEIPZIG)
        local = await _saved(session, categories=("digital",), place=KASSEL)
        assert await _alerted(session, categories=["digital"], remote=True, place=None) == {remote.id}
        assert await _alerted(session, categories=["digital"], remote=True, place=KASSEL) == {remote.id, local.id}
        assert await _alerted(session, categories=["digital"], place=LEIPZIG) == set()


async def test_search_without_place_covers_all_of_germany(database: Database) -> None:
    async with database.unit_of_work() as session:
        everywhere = await _saved(session, categories=("animals",))
        assert await _alerted(session, place=LEIPZIG) == {everywhere.id}
        assert await _alerted(session, place=None) == {everywhere.id}


async def test_free_words_decide_without_categories_and_only_rank_beside_them(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        hotline = await _saved(session, place=KASSEL, keywords=("telefonselsorge",))  # typo, no category
        reading = await _saved(session, categories=("children_youth",), place=KASSEL, keywords=("vorlesen",))
        listing = {"categories": ["health_care"], "title": "Mitarbeit in der Telefonseelsorge",
                   "description": "Zuhören am Telefon, mit Ausbildung."}
        assert await _alerted(session, **listing) == {hotline.id}
        assert await _alerted(session, categories=["seniors"], title="Vorlesen im Altenheim") == set()
        assert await _alerted(session, categories=["children_youth"], title="Spielenachmittag") == {reading.id}
        assert await _alerted(session, categories=["culture"], title="Museumsaufsicht") == set()


async def test_stopped_searches_blocked_people_and_alerts_off_get_nothing(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        stopped_owner = await make_volunteer(session)
        stopped = await _saved(session, stopped_owner, categories=("animals",), place=KASSEL)
        await stop_saved_search(session, stopped_owner, stopped.id)
        blocked_owner = await make_volunteer(session, blocked=True)
        blocked = await _saved(session, blocked_owner, categories=("animals",), place=KASSEL)
        quiet_owner = await make_volunteer(session)
        quiet = await _saved(session, quiet_owner, categories=("animals",), place=KASSEL)
        await set_alert_mode(session, quiet_owner, "off")
        listening = await _saved(session, categories=("animals",), place=KASSEL)
        assert await _alerted(session) == {listening.id}
        recorded = set((await session.execute(select(AlertDelivery.saved_search_id))).scalars())
        assert not recorded & {stopped.id, blocked.id, quiet.id}


async def test_daily_searches_are_recorded_but_not_sent_now(database: Database) -> None:
    async with database.unit_of_work() as session:
        daily_owner = await make_volunteer(session)
        daily = await save_search(session, daily_owner, text="Tiere", refinement=Refinement(), mode="daily",
                                  query=query(categories=("animals",), place=KASSEL))
        immediate = await _saved(session, categories=("animals",), place=KASSEL)
        assert await _alerted(session) == {immediate.id}
        recorded = set((await session.execute(select(AlertDelivery.saved_search_id))).scalars())
        assert recorded == {daily.id, immediate.id}


async def test_a_person_with_two_matching_searches_gets_the_listing_once(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        volunteer = await make_volunteer(session)
        first = await _saved(session, volunteer, categories=("animals",), place=KASSEL)
        await _saved(session, volunteer, categories=("animals",), place=BAUNATAL)
        opportunity = await make_listing(session)
        due = await alerts_for_published_listing(session, opportunity.id)
        assert [(d.saved_search_id, d.telegram_id) for d in due] == [(first.id, volunteer.telegram_id)]
        await stop_saved_search(session, volunteer, first.id)
        assert await alerts_for_published_listing(session, opportunity.id) == []  # the other search stays quiet


async def test_the_alert_carries_what_the_message_needs(database: Database) -> None:
    async with database.unit_of_work() as session:
        volunteer = await make_volunteer(session, language="en")
        saved = await _saved(session, volunteer, categories=("animals",), place=KASSEL)
        opportunity = await make_listing(session, place=BAUNATAL, title="Katzen füttern")
        [due] = await alerts_for_published_listing(session, opportunity.id)
    assert (due.saved_search_id, due.query_text, due.lang) == (saved.id, "gespeicherte Suche", "en")
    assert (due.opportunity_id, due.title, due.place) == (opportunity.id, "Katzen füttern", "Baunatal")
    assert due.organisation.endswith("e.V.")
    assert due.distance_km == pytest.approx(7.8, abs=0.5)
    assert due.delivery_id > 0


@pytest.mark.parametrize("change", [{"status": OpportunityStatus.PENDING.value}, {"status": "paused"}])
async def test_listings_volunteers_cannot_see_alert_nobody(database: Database, change: dict[str, str]) -> None:
    async with database.unit_of_work() as session:
        await _saved(session, categories=("animals",), place=KASSEL)
        assert await _alerted(session, **change) == set()
        assert await alerts_for_published_listing(session, 424_242) == []
        assert (await session.execute(select(func.count()).select_from(AlertDelivery))).scalar_one() == 0


async def test_prefilter_reads_the_area_index_not_the_whole_table(database: Database) -> None:
    async with database.unit_of_work() as session:
        opportunity = await make_listing(session)
        compiled = candidate_query(opportunity).compile(session.get_bind(), compile_kwargs={"literal_binds": True})
        plan = (await session.execute(text(f"EXPLAIN QUERY PLAN {compiled}"))).all()
    details = [row[-1] for row in plan]
    searches = [line for line in details if "saved_searches" in line]
    assert searches and all("ix_saved_searches_area" in line for line in searches), details


async def test_sql_prefilter_and_python_agree_with_the_plain_rule(any_database: Database) -> None:
    """Every (saved search, listing) pair: alerted exactly when listing_matches says so."""
    from bot.alerts import listing_matches
    from bot.alerts.saved import criteria_of

    places = (KASSEL, BAUNATAL, FRITZLAR, GOETTINGEN, LEIPZIG, None)
    async with any_database.unit_of_work() as session:
        searches = []
        for number, place in enumerate(places[:5]):
            for radius in (3, 10, 24, 40, 150):
                searches.append(await _saved(
                    session, place=place, radius_km=radius, categories=(("animals",), ("sports",), ())[number % 3],
                    exclude=(("children_youth",), ())[radius % 2],
                    time=(("weekend",), ("evening", "weekday"), (), ("evening", "weekend"))[(number + radius) % 4],
                    time_either=radius % 3 == 0,  # the weekend and the evening as a choice, or as one time
                    keywords=(("tierheim",), ())[radius % 2],
                ))
        searches.append(await _saved(session, categories=("animals",), remote=True))
        pairs = 0
        for where in places:
            for categories, time_tags, remote in ((["animals"], ["weekend", "daytime"], False),
                                                  (["sports", "children_youth"], ["weekday", "evening"], True),
                                                  (["culture"], [], False)):
                listing = await make_listing(session, place=where, categories=categories, time_tags=time_tags,
                                             remote=remote, description="Hilfe im Tierheim")
                alerted = {due.saved_search_id for due in await alerts_for_published_listing(session, listing.id)}
                expected = {s.id for s in searches if listing_matches(listing, criteria_of(s))}  # type: ignore[arg-type]
                assert alerted == expected, (where, categories)
                pairs += len(alerted)
    assert 20 < pairs < len(searches) * len(places) * 3 / 2  # neither trivial nor everything


def test_targets_from_columns_equal_targets_from_criteria() -> None:
    from bot.alerts.criteria import prefilter_columns, resolve
    from bot.alerts.rules import AlertTarget

    for wanted in (query(categories=("animals",), place=KASSEL, keywords=("tierheim", "und")),
                   query(exclude=("sports",), place=LEIPZIG, time=("weekend", "evening")),
                   query(exclude=("sports",), place=LEIPZIG, time=("weekend", "evening"), time_either=True),
                   query(categories=("digital",), remote=True, place=KASSEL), query(keywords=("repair", "cafe"))):
        stored, criteria = resolve("", Refinement(radius_km=20), query=wanted)
        from_columns = AlertTarget.from_columns(prefilter_columns(criteria), stored["keywords"])
        assert from_columns == AlertTarget.from_criteria(criteria)
    for refinement in (Refinement(whole_state="Sachsen"), Refinement(whole_state="Sachsen", remote=True)):
        stored, criteria = resolve("", refinement, query=query(categories=("animals",)))
        from_columns = AlertTarget.from_columns(prefilter_columns(criteria), stored["keywords"])
        assert from_columns == AlertTarget.from_criteria(criteria)


async def test_a_search_saved_from_text_alerts_what_the_search_finds(any_database: Database) -> None:
    """The NLU parses the saved text, and the alert fires for exactly what search() finds without widening."""
    from bot.search import SearchRequest, VocabularyCache, search

    text = "Tierheim Kassel am Wochenende, aber kein Sport"
    async with any_database.unit_of_work() as session:
        volunteer = await make_volunteer(session)
        saved = await save_search(session, volunteer, text=text, refinement=Refinement())
        assert (saved.centre_lat is not None, saved.radius_km, saved.has_keywords) == (True, 15.0, True)
        listings = [
            await make_listing(session, place=BAUNATAL),  # animals, weekend, 8 km: found
            await make_listing(session, place=GOETTINGEN),  # too far
            await make_listing(session, categories=["animals", "sports"]),  # excluded
            await make_listing(session, time_tags=["weekday"]),  # other time
            await make_listing(session, categories=["culture"], title="Tierheim-Flohmarkt"),  # the free word
        ]
        alerted = {
            listing.id for listing in listings
            if await alerts_for_published_listing(session, listing.id)
        }
    async with any_database.read_only() as session:
        outcome = await search(session, SearchRequest(text=text, widen=False, limit=50), vocabularies=VocabularyCache())
    assert alerted == {hit.id for hit in outcome.results}
    assert listings[0].id in alerted and not alerted & {listings[1].id, listings[2].id, listings[3].id}


async def test_a_search_of_a_whole_state_is_alerted_for_that_state_s_listings_only(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        saxony = await save_search(session, await make_volunteer(session), text="Tierheim",
                                   refinement=Refinement(whole_state="Sachsen"), query=query(categories=("animals",)))
        everywhere = await _saved(session, categories=("animals",))
        assert saxony.whole_state == "Sachsen" and saxony.filters["refinement"] == {"whole_state": "Sachsen"}
        assert await _alerted(session, place=LEIPZIG) == {saxony.id, everywhere.id}
        assert await _alerted(session, place=KASSEL) == {everywhere.id}  # Hessen
        assert await _alerted(session, place=None) == {everywhere.id}  # online only: in no state
