"""Place language tested by family (tests/nlu/place_families/ generates the cases from the gazetteer's data), and
the causes the families found, each with sentences of our own wording: positives and false friends."""

from __future__ import annotations

import pytest

from nlu.api import parse, parse_with_rules
from nlu.kernel.gazetteer import haversine_km
from tests.nlu import place_families

# Floors a little under what each family scores on its full generation (README, "Place families").
_FLOORS = {"quarter": 0.99, "unlisted": 0.95, "merged": 0.9, "region": 0.9, "region_town": 0.95, "district": 0.8,
           "qualified": 0.9, "choice": 0.97, "area": 0.99, "area_en": 0.99, "quarter_lower": 0.99}
_SAMPLE = 80


@pytest.mark.parametrize("family", sorted(_FLOORS))
def test_family_scores_at_least_its_floor(family: str) -> None:
    cases = list(place_families.FAMILIES[family]())
    step = max(1, len(cases) // _SAMPLE)
    sample = cases[::step]
    right, total, failures = _total(place_families.score(sample, parse_with_rules))
    assert right / total >= _FLOORS[family], failures[:10]


def _total(results: dict[str, tuple[int, int, list[tuple[str, str]]]]) -> tuple[int, int, list[tuple[str, str]]]:
    right = sum(r for r, _, _ in results.values())
    total = sum(t for _, t, _ in results.values())
    return right, total, [f for _, _, failures in results.values() for f in failures]


def _near(text: str, lat: float, lon: float, km: float = 10.0) -> bool:
    place = parse(text).place
    return place is not None and haversine_km(place.lat, place.lon, lat, lon) <= km


AUE = (50.59, 12.71)
LAUTERBACH_HESSEN = (50.64, 9.40)
FRANKENBERG_SACHSEN = (50.91, 13.04)
FRANKFURT = (50.12, 8.68)
KASSEL = (51.32, 9.50)
BAUNATAL = (51.26, 9.42)
HOMBERG_OHM = (50.73, 9.00)


@pytest.mark.parametrize("text", [
    "aue erzgebirge, suche was mit hunden",
    "Aue (Erzgebirge) - Nachhilfe geben?",
    "Aue/Erzgeb. Seniorenheim vorlesen",
    "Tierheim Aue, Erzgebirge",
])
def test_a_word_like_town_with_its_landscape_is_the_town_not_the_landscapes_stand_in(text: str) -> None:
    assert _near(text, *AUE)


@pytest.mark.parametrize("text", [
    "Lauterbach Vogelsberg, Jugendarbeit",
    "wohne in Lauterbach (Vogelsbergkreis)",
    "Lauterbach, Vogelsberg: was mit Tieren?",
])
def test_a_district_after_a_name_chooses_the_namesake_in_it(text: str) -> None:
    assert _near(text, *LAUTERBACH_HESSEN)


@pytest.mark.parametrize("text", ["Frankenberg, Mittelsachsen, Sportverein", "Frankenberg Mittelsachsen Tafel"])
def test_a_saxon_district_after_frankenberg_is_not_frankenberg_eder(text: str) -> None:
    assert _near(text, *FRANKENBERG_SACHSEN)


@pytest.mark.parametrize("text", ["Homberg/Ohm, was mit Kindern", "homberg ohm tierschutz",
                                  "I live in Homberg (Ohm) and want to help"])
def test_a_word_of_a_namesakes_own_name_chooses_it(text: str) -> None:
    assert _near(text, *HOMBERG_OHM)


@pytest.mark.parametrize("text", [
    "Bin tagsüber in Frankfurt Bornheim im Büro, abends würde ich gern Senioren besuchen",
    "I work in Frankfurt Bornheim, could help on weekends",
    "arbeite in Kassel oder Baunatal, je nach Schicht, suche was mit Tieren",
])
def test_a_place_joined_to_a_work_place_is_set_aside_with_it(text: str) -> None:
    place = parse(text).place
    assert place is not None and place.name in ("Frankfurt am Main", "Kassel")


def test_a_home_after_a_comma_still_beats_the_work_place() -> None:
    assert _near("Ich arbeite in Kassel, wohne aber in Baunatal und suche was mit Kindern", *BAUNATAL)


@pytest.mark.parametrize("text", ["Baiersbronn (Schwarzwald), Jugendfeuerwehr", "Fürth, Odenwald, Tafel"])
def test_a_landscape_in_brackets_or_after_a_comma_is_no_city_the_town_is_a_quarter_of(text: str) -> None:
    place = parse(text).place
    assert place is not None and place.name not in ("Freiburg im Breisgau", "Fürth")


@pytest.mark.parametrize("text", ["Achim/Verden, was mit Tieren", "Springe/Hannover Umgebung, Kinder"])
def test_a_name_that_is_also_a_word_before_a_slash_and_a_town_is_the_first_town(text: str) -> None:
    place = parse(text).place
    assert place is not None and place.name in ("Achim", "Springe")


@pytest.mark.parametrize("text", [
    "Das Wetter in Hessen ist mies, aber ich suche was in Kassel",
    "Mutter/Kind-Gruppe in Kassel",
    "wetter ruhig, suche was mit tieren in kassel",
])
def test_false_friends_stay_where_they_were(text: str) -> None:
    assert _near(text, *KASSEL)


def test_frankfurt_oder_hanau_is_frankfurt_am_main_and_frankfurt_slash_oder_the_other() -> None:
    assert _near("Frankfurt oder Hanau, egal, was mit Kindern", *FRANKFURT)
    assert not _near("Frankfurt/Oder, was mit Kindern", *FRANKFURT, km=100)


FREIBERG = (50.91, 13.34)
LAUTERBACH = LAUTERBACH_HESSEN
BENSHEIM = (49.68, 8.62)


@pytest.mark.parametrize(("text", "point"), [
    ("Landkreis Mittelsachsen, was mit Hunden", FREIBERG),
    ("LK Vogelsberg, Jugendarbeit am Wochenende", LAUTERBACH),
    ("volunteering in Kreis Mittelsachsen?", FREIBERG),
])
def test_a_district_named_alone_stands_for_its_seat(text: str, point: tuple[float, float]) -> None:
    assert _near(text, *point)


@pytest.mark.parametrize("text", ["Kreis Bergstraße, am liebsten Bensheim, Tafel", "Bensheim im Kreis Bergstraße"])
def test_a_town_named_with_its_district_is_the_town(text: str) -> None:
    assert _near(text, *BENSHEIM)


def test_a_districts_short_name_alone_is_no_place() -> None:
    assert _near("Bergstraße 5 in Kassel, was mit Kindern", *KASSEL)
    assert parse("Wohne in der Bergstraße, suche was mit Tieren").place is None


def test_a_word_like_name_with_a_word_of_its_own_name_is_that_town() -> None:
    assert _near("Brake/Unterweser, Tierschutz am Wochenende", 53.33, 8.48)
    assert parse("I need to brake more often, help with kids maybe").place is None


CHEMNITZ = (50.83, 12.92)


@pytest.mark.parametrize("text", ["Schach für Kinder, Chemnitz Sonnenberg", "chemnitz sonnenberg, hab samstags zeit",
                                  "I'm in Chemnitz Sonnenberg, anything with refugees?"])
def test_a_name_right_after_a_city_with_only_far_small_namesakes_is_its_quarter(text: str) -> None:
    assert _near(text, *CHEMNITZ)


def test_two_places_apart_keep_their_own_roles() -> None:
    assert _near("Ich arbeite in Hamburg, wohne aber in Lüneburg, was mit Tieren", 53.25, 10.41)
