"""Places written in their official forms: a city's official name with its qualifier before a quarter ("Halle
(Saale)-Büschdorf"), a quarter explicitly with its city ("Grünau-Mitte in Leipzig"), a quarter's own longer name
("Köln-Porz am Rhein", "Französisch Buchholz"), and official abbreviations of qualifiers ("Weiden i.d.OPf.")."""

from __future__ import annotations

import pytest

from nlu.api import parse_with_rules
from nlu.kernel.gazetteer import haversine_km

HALLE = (51.48, 11.97)
FRANKFURT_ODER = (52.35, 14.55)
LEIPZIG = (51.34, 12.37)
KOELN = (50.94, 6.96)
BERLIN = (52.52, 13.41)
BREMEN = (53.08, 8.81)
WEIDEN = (49.68, 12.16)
NEUSTADT_AISCH = (49.58, 10.61)


def _near(text: str, lat: float, lon: float, km: float = 12.0) -> bool:
    place = parse_with_rules(text).place
    return place is not None and haversine_km(place.lat, place.lon, lat, lon) <= km


@pytest.mark.parametrize(("text", "point"), [
    ("suche ehrenamt Halle (Saale)-Büschdorf", HALLE),
    ("Tafel in Halle (Saale)-Neustadt", HALLE),
    ("suche ehrenamt Frankfurt (Oder)-Nord", FRANKFURT_ODER),
    ("Frankfurt/Oder-Nord, was mit Kindern", FRANKFURT_ODER),
    ("Halle/Saale-Silberhöhe, was mit Tieren", HALLE),
])
def test_a_quarter_after_a_citys_official_qualified_name_is_that_citys(text: str, point: tuple[float, float]) -> None:
    assert _near(text, *point)


@pytest.mark.parametrize(("text", "point"), [
    ("Gruenau-Mitte in Leipzig, was mit Tieren", LEIPZIG),
    ("Grünau-Mitte (Leipzig)", LEIPZIG),
    ("Ich arbeite in Leipzig, Gruenau-Mitte und hätte abends Zeit", LEIPZIG),
    ("Horn-Lehe in Bremen, Nachhilfe", BREMEN),
    ("Grünau in Berlin, Tierheim", BERLIN),
])
def test_a_quarter_named_with_its_city_is_that_citys(text: str, point: tuple[float, float]) -> None:
    assert _near(text, *point)


@pytest.mark.parametrize(("text", "point"), [
    ("suche ehrenamt Köln-Porz am Rhein", KOELN),
    ("Köln, Porz am Rhein, was mit Kindern", KOELN),
    ("Französisch Buchholz in Berlin, was mit Tieren", BERLIN),
    ("suche ehrenamt Berlin Französisch Buchholz", BERLIN),
])
def test_a_quarters_longer_own_name_is_no_other_place_nor_a_language(text: str, point: tuple[float, float]) -> None:
    assert _near(text, *point)
    assert parse_with_rules(text).languages == ()


def test_a_language_before_a_word_that_is_no_place_name_stays_a_language() -> None:
    assert parse_with_rules("Französisch Nachhilfe in Berlin").languages == ("fr",)


@pytest.mark.parametrize(("text", "point"), [
    ("Weiden i.d.OPf.", WEIDEN),
    ("Weiden i. d. OPf., was mit Kindern", WEIDEN),
    ("Weiden (Oberpf.) Tafel", WEIDEN),
    ("Neustadt a.d. Aisch, Tierheim", NEUSTADT_AISCH),
    ("Lauf a.d. Pegnitz", (49.51, 11.28)),
    ("Mühldorf a. Inn", (48.24, 12.52)),
])
def test_an_official_abbreviation_qualifies_as_its_long_form(text: str, point: tuple[float, float]) -> None:
    assert _near(text, *point)


@pytest.mark.parametrize("text", ["Neustadt (Aisch)", "Weiden i.d.OPf.", "Weiden (Oberpf.)", "Neuburg a.d. Donau"])
def test_a_qualifier_after_a_place_is_no_keyword(text: str) -> None:
    assert parse_with_rules(text).keywords == ()


@pytest.mark.parametrize("text", [
    "nicht am Wochenende was mit Kindern in Leipzig",
    "nicht am Wochenende etwas mit Kindern",
    "not on weekends something with kids in Leipzig",
])
def test_a_negations_scope_ends_where_a_new_phrase_opens_after_what_it_negated(text: str) -> None:
    parsed = parse_with_rules(text)
    assert parsed.categories == ("children_youth",) and parsed.exclude_categories == ()


def test_a_negation_still_reaches_a_mention_joined_by_a_conjunction() -> None:
    assert "animals" in parse_with_rules("nicht mit Kindern oder Tieren").exclude_categories


@pytest.mark.parametrize(("text", "point"), [
    ("Tiere Weiden in der Oberpfalz", WEIDEN),
    ("weiden in der oberpfalz, was mit senioren", WEIDEN),
    ("Senioren Wetter an der Ruhr", (51.39, 7.39)),
    ("Kinder Weil am Rhein", (47.59, 7.62)),
    ("Tafel Neumarkt in der Oberpfalz", (49.28, 11.46)),
    ("Kinder Neustadt an der Weinstraße", (49.35, 8.14)),
    ("Tierheim Mühldorf am Inn", (48.24, 12.52)),
    ("Senioren Frankfurt an der Oder", FRANKFURT_ODER),
    ("Halle an der Saale, Tierheim", HALLE),
])
def test_a_name_that_is_a_word_is_a_place_in_its_official_long_form(text: str, point: tuple[float, float]) -> None:
    # the joining words of the long form qualify as tightly as "i.d." or a bracket do
    assert _near(text, *point)
    assert parse_with_rules(text).keywords in ((), ("tierheim",), ("tafel",))


@pytest.mark.parametrize("text", ["Das Wetter in Hessen ist mir egal, Tiere", "Kühe weiden in der Oberpfalz gern"])
def test_a_word_before_a_region_without_the_joining_words_of_a_long_name_stays_a_word(text: str) -> None:
    assert parse_with_rules(text).place is None
