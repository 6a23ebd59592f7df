"""A request for an activity with a group of people ("Sport mit Kindern") is answered by the listings of both fields;
those of one half only wait behind the button for the related ones (bot.search.tiers.in_fields)."""

from __future__ import annotations

from dataclasses import replace

from bot.search import SearchRequest
from bot.search.category_fit import searches_both
from bot.search.field_choice import names_choice
from tests.factories.search import KASSEL, Listings, find, ids, near

SPORT_WITH_CHILDREN = {"categories": ["sports", "children_youth"], "keywords": [], "place": KASSEL}


def test_only_a_field_of_activity_beside_a_field_of_people_is_searched_as_both() -> None:
    assert searches_both(["sports", "children_youth"]) and searches_both(["seniors", "neighbourhood"])
    assert not searches_both(["sports"]) and not searches_both(["children_youth", "seniors"])
    assert not searches_both(["sports", "culture"]) and not searches_both([])


async def test_the_listings_of_one_half_wait_behind_the_button_when_some_answer_both(listings: Listings) -> None:
    football, swimming = await listings.add_many([
        {"title": "Jugendtrainer Fußball", "categories": ["sports", "children_youth"], **near(KASSEL, 3, 0)},
        {"title": "Kinderschwimmkurs begleiten", "categories": ["sports", "children_youth"], **near(KASSEL, 0, 4)},
    ])
    tutoring, adults = await listings.add_many([
        {"title": "Lernpaten für Grundschulkinder", "categories": ["children_youth", "education"],
         **near(KASSEL, 1, 0)},
        {"title": "Lauftreff für Erwachsene", "categories": ["sports"], **near(KASSEL, 0, 1)},
    ])
    request = SearchRequest(text="Sport mit Kindern in Kassel")
    answer = await find(listings.database, request, **SPORT_WITH_CHILDREN)
    # Without the rule the two nearer rows of one half came between and after them (the category fit alone).
    assert sorted(ids(answer)) == sorted([football, swimming]) and answer.others == 2
    related = await find(listings.database, replace(request, similar=True), **SPORT_WITH_CHILDREN)
    assert sorted(ids(related)) == sorted([tutoring, adults]) and related.showing_similar


async def test_without_a_listing_of_both_fields_the_halves_are_the_answer(listings: Listings) -> None:
    tutoring, adults = await listings.add_many([
        {"title": "Lernpaten für Grundschulkinder", "categories": ["children_youth", "education"],
         **near(KASSEL, 1, 0)},
        {"title": "Lauftreff für Erwachsene", "categories": ["sports"], **near(KASSEL, 0, 1)},
    ])
    answer = await find(listings.database, SearchRequest(text="Sport mit Kindern in Kassel"), **SPORT_WITH_CHILDREN)
    assert sorted(ids(answer)) == sorted([tutoring, adults]) and answer.others == 0


async def test_a_request_of_one_field_lists_the_field_as_before(listings: Listings) -> None:
    football, adults = await listings.add_many([
        {"title": "Jugendtrainer Fußball", "categories": ["sports", "children_youth"], **near(KASSEL, 3, 0)},
        {"title": "Lauftreff für Erwachsene", "categories": ["sports"], **near(KASSEL, 0, 1)},
    ])
    fields = {"categories": ["sports"], "keywords": [], "place": KASSEL}
    answer = await find(listings.database, SearchRequest(text="Sport in Kassel"), **fields)
    assert sorted(ids(answer)) == sorted([football, adults]) and answer.others == 0


def test_fields_named_as_a_choice_are_either_not_both() -> None:
    assert names_choice("Feuerwehr oder was mit Jugendlichen") and names_choice("health or with older people")
    assert not names_choice("Sport mit Kids") and not names_choice("Senioren besuchen oder so")
    assert not names_choice("something with kids or something")
    # a choice between two groups of one field, or a joiner that adds no field, leaves both fields asked
    assert not names_choice("Sport mit Kindern oder Jugendlichen")
    assert not names_choice("Sport mit Kindern, sonst nichts")


async def test_a_choice_of_fields_keeps_the_listings_of_either(listings: Listings) -> None:
    football, tutoring = await listings.add_many([
        {"title": "Jugendtrainer Fußball", "categories": ["sports", "children_youth"], **near(KASSEL, 3, 0)},
        {"title": "Lernpaten für Grundschulkinder", "categories": ["children_youth", "education"],
         **near(KASSEL, 1, 0)},
    ])
    request = SearchRequest(text="Sport oder was mit Kindern in Kassel")
    answer = await find(listings.database, request, **SPORT_WITH_CHILDREN)
    assert sorted(ids(answer)) == sorted([football, tutoring]) and answer.others == 0


async def test_of_the_listings_holding_the_named_thing_those_of_both_fields_come_first(listings: Listings) -> None:
    seniors, = await listings.add_many([
        {"title": "Besuchsdienst für Senioren", "categories": ["seniors", "neighbourhood"], **near(KASSEL, 4, 0)},
    ])
    hospital, = await listings.add_many([
        {"title": "Besuchsdienst im Krankenhaus", "categories": ["health_care", "neighbourhood"],
         **near(KASSEL, 1, 0)},
    ])
    fields = {"categories": ["seniors", "neighbourhood"], "keywords": ["besuchsdienst"], "place": KASSEL}
    request = SearchRequest(text="Besuchsdienst für Senioren in Kassel")
    answer = await find(listings.database, request, **fields)
    assert ids(answer) == [seniors] and answer.others == 1
    related = await find(listings.database, replace(request, similar=True), **fields)
    assert ids(related) == [hospital]
