"""A quarter of a start-region city that the quarter table lacks and whose name is also a town elsewhere
(data/nlu/places.toml [shared_quarters]): asked about when named alone, the city when the city or a place near it
is named, the town when its own area is. Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from nlu import parse
from nlu.kernel.gazetteer import get_gazetteer
from nlu.lexicon import place_rules

FRANKFURT = "Frankfurt am Main"
# Asked about beside a town of the same name, the quarter is named with its city (nlu.places_resolve.quarter_of).
BORNHEIM_FFM, HOECHST_FFM = "Bornheim (Frankfurt)", "Höchst (Frankfurt)"


def names(text: str) -> tuple[str | None, list[str]]:
    query = parse(text)
    return (query.place.name if query.place else None), [c.name for c in query.place_candidates]


@pytest.mark.parametrize(
    ("text", "town", "quarter"),
    [("suche was mit jugendlichen in bornheim", "Bornheim", BORNHEIM_FFM),
     ("Höchst, Hausaufgabenhilfe am Nachmittag", "Höchst im Odenwald", HOECHST_FFM)],
)
def test_a_shared_name_alone_asks_between_the_town_and_the_citys_quarter(text: str, town: str, quarter: str) -> None:
    _, candidates = names(text)
    assert set(candidates) == {town, quarter}


def test_the_quarter_asked_about_lies_at_its_citys_point() -> None:
    query = parse("Bornheim")
    frankfurt = get_gazetteer().lookup(FRANKFURT)[0]
    quarter = next(c for c in query.place_candidates if c.name == BORNHEIM_FFM)
    assert (quarter.lat, quarter.lon, quarter.state) == (frankfurt.lat, frankfurt.lon, "Hessen")


def test_a_town_too_close_to_the_city_to_ask_about_stays_the_town() -> None:
    assert names("Tierheim in Griesheim?") == ("Griesheim", [])  # 30 km from Frankfurt: no question, as namesakes


def test_a_town_named_alone_is_offered_before_the_start_region_citys_quarter() -> None:
    # a town keeps its name: the quarter of a city elsewhere is asked about after it, in the start region too
    assert names("Lesepate werden in Bornheim") == ("Bornheim", ["Bornheim", BORNHEIM_FFM])


def test_beside_a_town_of_the_start_region_the_bigger_name_keeps_its_place() -> None:
    place, candidates = names("Höchst, Hausaufgabenhilfe am Nachmittag")
    assert place == "Höchst im Odenwald" and candidates[-1] == HOECHST_FFM


@pytest.mark.parametrize(
    "text",
    ["Frankfurt-Bornheim, Kinder vorlesen", "Bornheim in Frankfurt, Kinder vorlesen", "ffm bornheim kinder vorlesen",
     "Höchst in Frankfurt, Seniorenbesuche", "Frankfurt Höchst, Seniorenbesuche", "Bornheim (Frankfurt), Sport",
     "Kinder in Bornheim, Hessen"],
)
def test_with_the_city_or_its_state_the_quarter_is_the_city_without_asking(text: str) -> None:
    assert names(text) == (FRANKFURT, [])


@pytest.mark.parametrize(
    "text", ["wohne in Offenbach, würde aber lieber in Bornheim helfen", "Bornheim oder Offenbach, Nachhilfe"]
)
def test_a_place_near_the_city_named_beside_it_makes_it_the_city(text: str) -> None:
    assert names(text) == (FRANKFURT, [])


@pytest.mark.parametrize(
    ("text", "town"),
    [("Bornheim bei Bonn, Tierschutz", "Bornheim"), ("Bornheim NRW, Tierschutz", "Bornheim"),
     ("Höchst im Odenwald, Senioren", "Höchst im Odenwald"),
     ("bin aus Darmstadt weggezogen, jetzt in Griesheim, Sportverein", "Griesheim")],
)
def test_the_towns_own_area_keeps_the_town(text: str, town: str) -> None:
    place, candidates = names(text)
    assert place == town and FRANKFURT not in candidates


def test_every_shared_quarter_names_a_town_elsewhere_and_a_city_the_gazetteer_knows() -> None:
    gazetteer = get_gazetteer()
    for name, city in place_rules().shared_quarters.items():
        assert gazetteer.lookup(city)[0].name == city
        assert any(place.name != city for place in gazetteer.lookup(name)), name
        assert name not in place_rules().aliases  # an alias would make it the city without asking


@pytest.mark.parametrize(
    "text", ["Lesepatin in Bornheim, Landkreis Offenbach gesucht?", "Bornheim Main-Kinzig, Fahrdienst für Ältere"]
)
def test_a_district_that_fits_neither_but_borders_the_city_makes_it_the_city(text: str) -> None:
    assert names(text) == (FRANKFURT, [])


def test_a_district_that_fits_neither_and_lies_far_from_both_is_asked_about() -> None:
    _, candidates = names("Bornheim Vogelsberg, Tierschutz am Samstag")
    assert set(candidates) == {"Bornheim", BORNHEIM_FFM}


def test_a_district_the_town_lies_in_still_keeps_the_town() -> None:
    assert names("Höchst Odenwaldkreis, Besuchsdienst") == ("Höchst im Odenwald", [])


@pytest.mark.parametrize(
    ("text", "city"),
    [("Westend, München – Kleiderkammer", "München"), ("Wiesbaden Westend, Sprachcafé am Abend", "Wiesbaden"),
     ("Seniorenbesuche im Westend in Wiesbaden", "Wiesbaden")],
)
def test_a_quarter_name_several_cities_have_is_the_citys_named_beside_it(text: str, city: str) -> None:
    assert names(text) == (city, [])


@pytest.mark.parametrize(
    ("text", "place"),
    [("Westend oder Bad Vilbel, Hausaufgaben", FRANKFURT),  # a town, no city: it only pulls towards Frankfurt
     ("Tierschutz Bornheim Bonn", "Bornheim")],  # Bornheim is no quarter of another city: Bonn is no owner
)
def test_a_town_beside_the_name_or_a_name_no_other_city_has_keeps_the_usual_reading(text: str, place: str) -> None:
    assert names(text) == (place, [])


def test_a_longer_place_name_written_out_is_no_quarter_of_the_city() -> None:
    place, candidates = names("Jugendfeuerwehr in Höchst an der Nidder gesucht")
    assert place != FRANKFURT and FRANKFURT not in candidates


@pytest.mark.parametrize(
    "text", ["Jugendfeuerwehr in Höchst an der Nidder gesucht", "Höchst an der Nidder, Hausaufgabenhilfe"]
)
def test_a_longer_name_none_of_the_short_names_places_has_is_a_place_the_gazetteer_lacks(text: str) -> None:
    query = parse(text)
    assert query.place is None and not query.place_candidates  # not Höchst im Odenwald, 50 km away
    assert "nidder" not in query.keywords  # its river is part of the name, no topic and no town (Nidderau)


def test_a_place_named_beside_the_unknown_longer_name_is_the_place() -> None:
    assert names("Höchst an der Nidder oder Altenstadt, Kinder") == ("Altenstadt", [])


def test_the_citys_own_qualifier_written_after_the_quarter_is_the_city() -> None:
    assert names("Seniorenbesuche in Höchst am Main") == (FRANKFURT, [])


@pytest.mark.parametrize(
    ("text", "place"),
    [("Senioren in Höchst im Odenwald", "Höchst im Odenwald"),
     ("Tafel in Neustadt an der Orla", "Neustadt an der Orla"),
     ("Kinder in Frankfurt an der Oder", "Frankfurt (Oder)"), ("Sport in Weil am Rhein", "Weil am Rhein")],
)
def test_a_full_name_the_gazetteer_has_is_matched_whole(text: str, place: str) -> None:
    assert names(text) == (place, [])


def test_a_known_word_after_an_der_is_where_the_help_is_not_part_of_the_name() -> None:
    _, candidates = names("Ich suche was in Höchst an der Grundschule")
    assert HOECHST_FFM in candidates


def test_the_places_command_lists_a_shared_quarter_as_the_chat_offers_it(capsys: pytest.CaptureFixture[str]) -> None:
    from bot.cli import main

    assert main(["places", "Bornheim"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0].startswith("Bornheim ") and "Nordrhein-Westfalen" in rows[0]
    assert rows[-1].startswith(f"{BORNHEIM_FFM} ") and "Hessen" in rows[-1]


def test_a_tail_no_candidate_bears_still_asks_between_the_town_and_the_citys_quarter() -> None:
    # "an der Nidder" fits neither Bornheim by Bonn nor Frankfurt's, and its river is no town beside the name
    assert set(names("Tierheim in Bornheim an der Nidder")[1]) == {"Bornheim", BORNHEIM_FFM}
