"""A direction word beside a city the place data has no such quarter of: that part of the city, approximately."""

from __future__ import annotations

from tests.factories.search import KASSEL, Listings, find, ids, near

from bot.search import PlaceRef, SearchRequest
from bot.search.areas import within_city
from bot.search.content_words import content_words
from bot.search.criteria import Criteria
from bot.search.notes import widening_notes

FRANKFURT = PlaceRef("Frankfurt am Main", 50.11552, 8.68417, "Hessen", None)
HAMBURG = PlaceRef("Hamburg", 53.55073, 9.99302, "Hamburg", None)
KORBACH = PlaceRef("Korbach", 51.27561, 8.873, "Hessen", None)


def test_a_direction_beside_a_large_city_moves_the_centre_that_way_and_says_it_is_approximate() -> None:
    centred = within_city(Criteria(place=FRANKFURT, keywords=("tierheim", "nord")), "Tierheim Frankfurt Nord")
    place = centred.criteria.place
    assert place is not None and place.name == "Frankfurt am Main"
    assert 3.0 < (place.lat - FRANKFURT.lat) * 111.2 < 7.0 and abs(place.lon - FRANKFURT.lon) < 0.001
    assert centred.criteria.keywords == ("tierheim",) and centred.widened == ("area:0",)
    west = within_city(Criteria(place=FRANKFURT), "Tafel in Frankfurt-Westen").criteria.place
    assert west is not None and west.lon < FRANKFURT.lon and abs(west.lat - FRANKFURT.lat) < 0.001


def test_the_city_centre_keeps_the_city_point_and_still_says_it_is_approximate() -> None:
    centred = within_city(Criteria(place=FRANKFURT, keywords=("innenstadt",)), "Frankfurt Innenstadt")
    assert centred.criteria.place == FRANKFURT and centred.criteria.keywords == ()
    assert centred.widened == ("area:centre",)


def test_a_known_district_is_the_centre_itself_and_a_small_town_keeps_its_point() -> None:
    hamburg = within_city(Criteria(place=HAMBURG, keywords=("nord",)), "Hamburg Nord")
    assert hamburg.criteria.place is not None and hamburg.criteria.place.name == "Hamburg-Nord"
    assert hamburg.widened == ()  # the place data outlines it: nothing approximate to say
    town = within_city(Criteria(place=KORBACH), "Korbach Nord")
    assert town.criteria.place == KORBACH and town.widened == ()


async def test_listings_in_the_named_part_of_the_city_come_first(listings: Listings) -> None:
    north, south = await listings.add_many([
        {"title": "Tafel: Ausgabe Nordstadt", "categories": ["poverty_homelessness"], **near(KASSEL, 4, 0)},
        {"title": "Tafel: Ausgabe im Süden", "categories": ["poverty_homelessness"], **near(KASSEL, -4, 0)},
    ])

    outcome = await find(listings.database, SearchRequest(text="Tafel Kassel Süd"),
                         categories=["poverty_homelessness"], place=KASSEL, keywords=["tafel", "sued"])

    assert ids(outcome) == [south, north]
    assert outcome.widened[0] == "area:180" and outcome.place is not None and outcome.place.lat < KASSEL.lat
    assert outcome.results[0].distance_km is not None and outcome.results[0].distance_km < 2.0


def test_the_note_names_the_part_of_the_city_searched_from() -> None:
    german = widening_notes(("area:180",), asked_radius_km=15, lang="de")
    assert len(german) == 1 and "Süden" in german[0]
    assert "centre" in widening_notes(("area:centre", "radius:30"), asked_radius_km=15, lang="en")[0]


LEIPZIG = PlaceRef("Leipzig", 51.3397, 12.3731, "Sachsen", None)


def test_a_part_of_the_city_is_taken_only_from_a_word_right_beside_its_name() -> None:
    beside = {
        (KASSEL, "Tafel in Kassel Nord"): "area:0",
        (KASSEL, "Süd-Kassel"): "area:180",
        (KASSEL, "Hilfe im Stadtzentrum Kassel"): "area:centre",
        (FRANKFURT, "Frankfurt am Main Ost"): "area:90",
        (FRANKFURT, "Tafel Ffm-West"): "area:270",  # another name the place data knows the city by
        (FRANKFURT, "Tafel in FFM Nord"): "area:0",
        (LEIPZIG, "helping out in Leipzig city centre"): "area:centre",
    }
    for (city, text), area in beside.items():
        assert within_city(Criteria(place=city), text).widened == (area,), text


def test_a_direction_word_elsewhere_in_the_text_leaves_the_centre_where_it_was() -> None:
    elsewhere = [
        (KASSEL, "Sprachkurs für Familien aus dem Nahen Osten in Kassel"),
        (KASSEL, "Kleiderkammer für Leute aus dem Osten Kassel"),
        (LEIPZIG, "mentoring young people from South Sudan in Leipzig"),
        (LEIPZIG, "Nord-Süd-Partnerschaft in Leipzig"),
        (LEIPZIG, "Leipzig-Ost-West-Austausch"),
        (LEIPZIG, "the Leipzig city council wants volunteers"),
        (LEIPZIG, "Süden, Leipzig"),
    ]
    for city, text in elsewhere:
        centred = within_city(Criteria(place=city), text)
        assert centred.criteria.place == city and centred.widened == (), text


def test_a_direction_quarter_of_the_place_data_needs_the_word_beside_the_city_too() -> None:
    hamburg = within_city(Criteria(place=HAMBURG, keywords=("nord",)), "Hamburg-Nord")
    assert hamburg.criteria.place is not None and hamburg.criteria.place.name == "Hamburg-Nord"
    far = within_city(Criteria(place=HAMBURG), "Patenschaft für Kinder aus dem Norden in Hamburg")
    assert far.criteria.place == HAMBURG


async def test_the_word_that_said_where_is_not_reported_as_searched_for(listings: Listings) -> None:
    await listings.add("Tafel Frankfurt-Eschersheim", categories=["poverty_homelessness"], place_name="Frankfurt",
                       **near(FRANKFURT, 4, 0))

    outcome = await find(listings.database, SearchRequest(text="Tafel Frankfurt Nord"), place=FRANKFURT,
                         keywords=["Tafel", "Nord"])

    # The header reads the query's keywords: it would show „nord“ as what was looked for.
    assert outcome.widened[:1] == ("area:0",) and outcome.query["keywords"] == ["Tafel"]


async def test_online_help_says_nothing_about_a_part_of_the_city(listings: Listings) -> None:
    online = await listings.add("Nachhilfe per Video", categories=["education"], remote=True,
                                **near(FRANKFURT, 0, 0))

    outcome = await find(listings.database, SearchRequest(text="Online-Nachhilfe, ich wohne in Frankfurt Nord"),
                         categories=["education"], place=FRANKFURT, remote=True, keywords=["nachhilfe", "nord"])

    assert ids(outcome) == [online]
    assert not any(step.startswith("area:") for step in outcome.widened)  # no note on a part of the city
    assert outcome.query["keywords"] == ["nachhilfe"]


def test_a_direction_after_the_adjective_of_the_city_is_that_part_of_it() -> None:
    after_adjective = {
        (FRANKFURT, "Tafel im Frankfurter Norden"): "area:0",
        (KASSEL, "Besuchsdienst im Kasseler Süden"): "area:180",
        (KASSEL, "Kleiderkammer im Kassler Osten"): "area:90",
        (FRANKFURT, "Lesepaten in der Frankfurter Innenstadt"): "area:centre",
        (LEIPZIG, "Nachhilfe im Leipziger Westen"): "area:270",
    }
    for (city, text), area in after_adjective.items():
        assert within_city(Criteria(place=city), text).widened == (area,), text
    elsewhere = within_city(Criteria(place=KASSEL), "Sprachcafé für Kasseler aus dem Nahen Osten")
    assert elsewhere.criteria.place == KASSEL and elsewhere.widened == ()


def test_the_adjective_naming_a_part_of_the_city_is_no_word_of_the_wish() -> None:
    criteria = Criteria(place=KASSEL, keywords=("hausaufgabenhilfe",))
    assert content_words("Hausaufgabenhilfe im Kasseler Westen", criteria) == ("hausaufgabenhilfe",)
    # Before anything else it may name what is asked: the city's own Tafel.
    assert "frankfurter" in content_words("Frankfurter Tafel sucht Fahrer", Criteria(place=FRANKFURT))


async def test_a_search_in_the_part_named_with_the_city_adjective_looks_for_no_direction_word(
    listings: Listings,
) -> None:
    south, north = await listings.add_many([
        {"title": "Tafel: Lebensmittel ausgeben", "categories": ["poverty_homelessness"], **near(KASSEL, -4, 0)},
        {"title": "Tafel im Norden: Lebensmittel ausgeben", "categories": ["poverty_homelessness"],
         **near(KASSEL, 4, 0)},
    ])

    outcome = await find(listings.database, SearchRequest(text="Tafel im Kasseler Süden"),
                         categories=["poverty_homelessness"], place=KASSEL, keywords=["tafel", "sueden"])

    assert ids(outcome) == [south, north]
    assert outcome.widened[0] == "area:180" and outcome.query["keywords"] == ["tafel"]


BREMEN = PlaceRef("Bremen", 53.07516, 8.80777, "Bremen", None)
HANNOVER = PlaceRef("Hannover", 52.37052, 9.73322, "Niedersachsen", None)


def test_an_irregular_adjective_of_the_city_names_its_part_too() -> None:
    assert within_city(Criteria(place=BREMEN), "Lesepaten im Bremer Osten").widened == ("area:90",)
    assert within_city(Criteria(place=HANNOVER), "Kleiderkammer im Hannoverschen Süden").widened == ("area:180",)


def test_a_centre_word_opening_an_organisations_name_is_no_part_of_the_city() -> None:
    centred = within_city(Criteria(place=KASSEL), "Mithelfen im Kasseler Zentrum für Migration")
    assert centred.widened == () and centred.criteria.place == KASSEL


def test_the_city_adjective_of_a_name_stays_a_word_of_the_wish_beside_a_part_of_the_city() -> None:
    words = content_words("Kasseler Tafel im Kasseler Osten", Criteria(place=KASSEL))
    assert "kasseler" in words and "osten" not in words
