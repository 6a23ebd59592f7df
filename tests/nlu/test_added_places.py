"""Municipalities GeoNames lacks, added from the place names of postal codes (data/build_postal_towns.py).
Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from nlu import parse
from nlu.kernel.gazetteer import get_gazetteer, haversine_km
from nlu.kernel.place_names import is_common_word_name
from nlu.kernel.place_types import ADDED_ID_BASE, added_id, first_postal_code, is_added_id
from nlu.place_index import place_index
from nlu.lexicon import known_words


@pytest.mark.parametrize(
    ("text", "name", "lat", "lon"),
    [
        ("Ich wohne in Gründau und würde gern im Tierheim helfen", "Gründau", 50.24, 9.15),
        ("Biebertal, was mit Kindern am Wochenende", "Biebertal", 50.64, 8.58),
        ("Suche Nachhilfe geben in Wettenberg", "Wettenberg", 50.64, 8.65),
        ("gibt es was für Senioren in Fernwald?", "Fernwald", 50.56, 8.78),
        ("Lahnau oder Umgebung, Sport mit Jugendlichen", "Lahnau", 50.59, 8.57),
    ],
)
def test_a_merged_municipality_is_found_where_it_is(text: str, name: str, lat: float, lon: float) -> None:
    place = parse(text).place
    assert place is not None and place.name == name and place.state == "Hessen"
    assert haversine_km(place.lat, place.lon, lat, lon) < 5
    assert not parse(text).place_uncertain


def test_a_typo_of_an_added_municipality_no_longer_finds_a_far_namesake() -> None:
    place = parse("wohne in Grundau, suche was mit Tieren").place
    assert place is not None and place.name == "Gründau"  # not Grünau in Berlin


def test_a_border_municipality_lies_in_the_state_of_its_postal_area() -> None:
    place = get_gazetteer().lookup("Freigericht")[0]
    assert place.state == "Hessen" and place.district == "Main-Kinzig-Kreis"  # Bavarian towns are nearer


def test_a_geonames_place_wins_a_name_it_shares_with_an_added_one() -> None:
    places = get_gazetteer().lookup("Weimar")
    assert places[0].id < ADDED_ID_BASE and places[0].state == "Thüringen"
    assert any(place.id >= ADDED_ID_BASE for place in places)  # Weimar (Lahn), by its short form
    query = parse("Ehrenamt in Weimar")
    assert query.place is not None and query.place.id == places[0].id
    assert all(candidate.id < ADDED_ID_BASE for candidate in query.place_candidates)
    lahn = parse("Ehrenamt in Weimar (Lahn)").place
    assert lahn is not None and lahn.state == "Hessen"


def test_a_qualified_postal_name_of_a_geonames_place_adds_no_second_place() -> None:
    added = [place.name for place in get_gazetteer().places() if place.id >= ADDED_ID_BASE]
    assert "Gründau" in added
    assert not {"Krumbach (Schwaben)", "Limburg a. d. Lahn", "Insel Hiddensee", "Bautzen"} & set(added)


def test_a_municipality_named_by_an_ordinary_word_needs_a_location_cue() -> None:
    assert parse("eine Mücke hat mich gestochen, jetzt suche ich was mit Kindern").place is None
    assert parse("Ich male gern Schwarz auf Weiß").place is None
    in_muecke = parse("Kinder betreuen in Mücke").place
    assert in_muecke is not None and in_muecke.name == "Mücke" and in_muecke.state == "Hessen"


# Added names the build flags as frequent words that are no ordinary word, with the reason.
REVIEWED_NAMES_ONLY = {"sylt": "frequent as the island's name, not as a word"}


def test_every_added_place_named_by_a_frequent_word_was_reviewed() -> None:
    """The build flags every name or alternate only added places bear that is a frequent word (Winkel for
    Winkel (Eifel), Kernen for Kernen im Remstal); each is a common-word name or a reviewed exception."""
    flagged = {
        key for key, ids in place_index().names.items() if key in known_words() and all(is_added_id(i) for i in ids)
    }
    assert {"winkel", "kernen", "koenigsberg", "fischen", "muecke", "sylt"} <= flagged
    unreviewed = {key for key in flagged if not is_common_word_name(key)}
    assert unreviewed == set(REVIEWED_NAMES_ONLY)


def test_a_frequent_word_named_after_an_added_place_is_no_place_without_a_cue() -> None:
    query = parse("Im Winkel von Kassel gibt es ein Tierheim")
    assert query.place is not None and query.place.name == "Kassel"
    assert parse("Ich will Fischen gehen und Kindern helfen").place is None
    in_winkel = parse("Ich wohne in Winkel und suche was mit Tieren").place
    assert in_winkel is not None and in_winkel.name == "Winkel (Eifel)"


@pytest.mark.parametrize("text", ["Denkste!", "Obstbaumschnitt, Grünpflege: Mähen und Rechen", "Alte Kamine und Öfen"])
def test_a_word_is_not_guessed_to_be_a_small_added_municipality(text: str) -> None:
    place = parse(text).place
    assert place is None or place.id < ADDED_ID_BASE  # no Denkte, Mähren or Kamminke


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Huy, ich will helfen mit Kindern in Kassel", "Kassel"),
        ("Ich bin Finne und suche etwas in Leipzig", "Leipzig"),
        ("Karenz: ich bin in Elternzeit und will Senioren besuchen in Dresden", "Dresden"),
        ("Hi, I'm Ramin from Iran, looking for something with kids in Berlin", "Berlin"),
        ("My name is Milow, I want to help at a food bank in Hamburg", "Hamburg"),
        ("Ich bin Herr Bülow und suche Seniorenhilfe in Kiel", "Kiel"),
        ("Wohnung mit Seeblick, suche aber Ehrenamt in Dresden", "Dresden"),
        ("Aland ist schön, aber ich suche in Berlin", "Berlin"),
    ],
)
def test_an_added_name_without_a_cue_never_beats_another_place(text: str, name: str) -> None:
    place = parse(text).place
    assert place is not None and place.name == name


@pytest.mark.parametrize("text", ["Ich heiße Iven", "Ich bin steinreich", "Denkte ich mir schon", "Nieden ist doof"])
def test_an_added_name_in_a_sentence_needs_a_location_cue(text: str) -> None:
    assert parse(text).place is None


@pytest.mark.parametrize(
    "text", ["Tiere Gründau", "Gründau, Kinder", "Gründau", "Tiere\nWE\nGründau\ndanke", "Lahnau oder Umgebung, Sport"]
)
def test_an_added_name_standing_alone_or_in_a_short_note_is_the_place(text: str) -> None:
    place = parse(text).place
    assert place is not None and place.name in ("Gründau", "Lahnau")


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Ich möchte einen Rosengarten pflegen", "environment"),
        ("Ich helfe gern im Fernwald", "environment"),
        ("Seewald Tiere", "environment"),
    ],
)
def test_an_added_name_read_as_no_place_keeps_its_interest_word(text: str, category: str) -> None:
    query = parse(text)
    assert query.place is None and category in query.categories


def test_an_added_name_read_as_the_place_drops_its_interest_word() -> None:
    query = parse("Biebertal, was mit Kindern am Wochenende")
    assert query.place is not None and query.place.name == "Biebertal"
    assert query.categories == ("children_youth",)
    assert "environment" not in parse("Suche was mit Senioren in Fernwald").categories


@pytest.mark.parametrize(
    ("code", "name"), [("35444", "Biebertal"), ("34266", "Niestetal"), ("35435", "Wettenberg"), ("35094", "Lahntal")]
)
def test_a_postal_code_of_an_added_municipality_names_it_not_a_nearby_town(code: str, name: str) -> None:
    place = parse(f"Suche was mit Tieren, PLZ {code}").place
    assert place is not None and place.name == name and place.postal_code == code


def test_a_postal_code_of_a_town_stays_the_town() -> None:
    place = get_gazetteer().by_postal_code("35394")
    assert place is not None and place.name == "Gießen"
    assert all(p is not None and p.name == "Dresden" for p in map(get_gazetteer().by_postal_code, ("01067", "01307")))


def test_an_added_id_is_made_from_a_postal_code_and_gives_it_back() -> None:
    first = added_id("35444", ())
    assert is_added_id(first) and first_postal_code(first) == "35444"
    second = added_id("35444", {first})  # a second name of the same postal code
    assert second == first + 1 and first_postal_code(second) == "35444"
    assert first_postal_code(added_id("01067", ())) == "01067"  # the leading zero survives


def test_every_added_place_id_holds_one_of_the_postal_codes_it_was_made_from() -> None:
    gazetteer = get_gazetteer()
    added = [place for place in gazetteer.places() if place.is_added]
    assert added
    for place in added:
        assert gazetteer.by_postal_code(first_postal_code(place.id)) is not None, place

