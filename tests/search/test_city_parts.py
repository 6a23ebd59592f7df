"""A part most cities have ("Bahnhofsviertel", "Innenstadt"), written without its city, is asked about: which city?"""

from __future__ import annotations

from bot.search import SearchRequest, VocabularyCache, search
from bot.search.areas import within_city
from bot.search.criteria import criteria_from
from bot.search.model import Refinement, SearchOutcome
from bot.search.place_doubts import (
    city_part_named, is_city_part, part_without_city, place_to_ask, unknown_place_named,
)
from bot.search.understanding import parse_text
from nlu.kernel.gazetteer import haversine_km
from tests.factories.search import KASSEL, NOW, Listings, near


def test_a_part_most_cities_have_is_named_as_written() -> None:
    assert city_part_named("Ehrenamt im Bahnhofsviertel") == "Bahnhofsviertel"
    assert city_part_named("was in der Innenstadt, gern abends") == "Innenstadt"
    assert is_city_part("Altstadt") and is_city_part("Nordend")
    # a link's lowercased text ("start=s-ehrenamt_im_bahnhofsviertel") still shows the part as a name
    assert city_part_named("ehrenamt im bahnhofsviertel") == "Bahnhofsviertel" and is_city_part("bahnhofsviertel")
    # words that only begin or end alike name no part of a city
    assert city_part_named("Bahnhofsmission oder Stadtteiltreff") is None and not is_city_part("Kreuzberg")
    # a kind of town is no part of one; its quarter is
    assert city_part_named("Ehrenamt in einer Universitätsstadt") is None and not is_city_part("Hafenstadt")
    assert is_city_part("Universitätsviertel") and is_city_part("Hafenviertel") and is_city_part("Kreuzviertel")


def test_without_a_place_the_search_asks_which_city_and_a_follow_up_keeps_its_city() -> None:
    alone = parse_text("Ehrenamt im Bahnhofsviertel")
    assert place_to_ask(alone) == "Bahnhofsviertel"
    # bot.conversation.followups reads only what no German place answers: after a search in a city, the message
    # names a part of that city
    assert unknown_place_named(alone) is None
    assert place_to_ask(parse_text("Ehrenamt im Bahnhofsviertel Frankfurt")) is None


def test_no_city_is_asked_when_the_text_says_where_anyway_or_rules_the_part_out() -> None:
    assert place_to_ask(parse_text("Ehrenamt deutschlandweit, gern in einer Altstadt")) is None
    assert place_to_ask(parse_text("Ehrenamt in Sachsen, in der Innenstadt")) is None
    assert place_to_ask(parse_text("Ehrenamt, nicht in der Innenstadt")) is None
    assert place_to_ask(parse_text("Ehrenamt außer in der Altstadt")) is None
    # a negation in another clause leaves the part asked about
    assert place_to_ask(parse_text("nicht am Wochenende, in der Innenstadt")) == "Innenstadt"


async def test_a_known_part_alone_is_asked_about_not_searched_in_the_one_city_the_gazetteer_gives(
        listings: Listings) -> None:
    await listings.add("Tierheim Südstadt: Gassi gehen", categories=["animals"], **near(KASSEL, 2, 180))
    outcome = await _search(listings, SearchRequest(text="Ehrenamt in der Südstadt"))
    # the gazetteer's Südstadt is Hannover's: silently searched there before
    assert outcome.unknown_place == "Südstadt" and outcome.results == () and outcome.place is None
    for text in ("Ehrenamt in der Nordstadt", "Ehrenamt im Nordend", "Ehrenamt in der Oberstadt"):
        assert is_city_part((await _search(listings, SearchRequest(text=text))).unknown_place or "")
    # with its city it is that city's quarter; a city picked afterwards is searched around its quarter too
    written = await _search(listings, SearchRequest(text="Tierheim Südstadt Kassel"))
    picked = await _search(listings, SearchRequest(text="Tierheim in der Südstadt",
                                                   refinement=Refinement(place=KASSEL)))
    for found in (written, picked):
        assert found.unknown_place is None and found.place is not None and found.place.name.startswith("Südstadt")
    assert "Südstadt" not in str(picked.query.get("keywords"))


def test_a_part_with_its_city_or_a_town_of_the_longer_name_is_not_asked_about() -> None:
    assert part_without_city(parse_text("Ehrenamt in der Südstadt")) == "Südstadt"
    assert part_without_city(parse_text("Ehrenamt in der Südstadt Köln")) is None
    assert part_without_city(parse_text("Ehrenamt in Hannover, Südstadt")) is None
    assert part_without_city(parse_text("Ehrenamt in Neustadt an der Weinstraße")) is None
    assert part_without_city(parse_text("Ehrenamt, nur nicht in der Südstadt")) is None


async def _search(listings: Listings, request: SearchRequest) -> SearchOutcome:
    """Runs a search with the text understood as the bot understands it."""
    async with listings.database.read_only() as session:
        return await search(session, request, vocabularies=VocabularyCache(), now=NOW)


def test_a_shared_part_joined_to_its_city_by_a_hyphen_is_that_citys_quarter() -> None:
    # "Südstadt" is a quarter of many cities: the city before the hyphen says whose (never the gazetteer's first)
    cities = {"Halle": (51.48, 11.97), "Kassel": (51.31, 9.49), "Hannover": (52.37, 9.74), "Nürnberg": (49.45, 11.08)}
    for city, (lat, lon) in cities.items():
        text = f"Tierheim in {city}-Südstadt"
        centred = within_city(criteria_from(parse_text(text), Refinement(), default_radius_km=15.0), text)
        place = centred.criteria.place
        assert place is not None and place.name == "Südstadt", text
        assert haversine_km(place.lat, place.lon, lat, lon) < 6.0, text
        assert "suedstadt" not in centred.criteria.keywords


def test_a_part_after_its_city_s_adjective_is_not_asked_about() -> None:
    # "Dresdner Neustadt" names the city as "Neustadt Dresden" does (the quarter reader reads both as Dresden's)
    assert part_without_city(parse_text("wohn in der Dresdner Neustadt und will Senioren helfen")) is None
    assert part_without_city(parse_text("Ehrenamt in der Kölner Südstadt")) is None
    # without the adjective nothing says which city's part is meant
    assert part_without_city(parse_text("Ehrenamt in der Südstadt, gern mit Senioren")) == "Südstadt"
