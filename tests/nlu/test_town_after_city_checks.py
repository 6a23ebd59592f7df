"""A city followed by a second word is read as a town beside the city only when that word is a town's own name:
an ordinary word stays a word ("Wolfsburg Lehre abgebrochen"), a quarter or the short first part of a longer name
keeps the city, and a place inside a city state is its quarter. Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from tests.factories.parsed import place_name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kassel Stein bemalen mit Kindern, geht das?", "Kassel"),
        ("Würzburg Buch binden, Senioren helfen", "Würzburg"),
        ("Mainz Lehre fertig, jetzt was mit Tieren", "Mainz"),
        ("Bochum Wald aufräumen am Samstag", "Bochum"),
        ("Münster Fisch essen mit Bewohnern im Heim", "Münster"),
        ("Dortmund Stelle gesucht, gern mit Jugendlichen", "Dortmund"),
    ],
)
def test_an_ordinary_word_after_a_city_is_no_town_beside_it(text: str, expected: str) -> None:
    assert place_name(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place inside a city state is its quarter, a town of the neighbouring state is a town beside it
        ("Bremen Burglesum, Hausaufgabenhilfe", "Bremen"),
        ("Tierheim Bremen Burglesum am Wochenende", "Bremen"),
        # the first part of a double name or of a longer name is how the city's own quarters are named
        ("Bremen Osterholz, was mit Kindern", "Bremen"),
        ("Nürnberg Röthenbach, Senioren besuchen", "Nürnberg"),
        # a quarter further out than the city's reviewed radius (data/places/quarters.toml) is still its quarter
        ("Köln Zündorf, Hausaufgabenhilfe", "Köln"),
        ("ich wohne in köln worringen und hab abends zeit", "Köln"),
    ],
)
def test_a_quarter_or_a_short_form_after_a_city_keeps_the_city(text: str, expected: str) -> None:
    assert place_name(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hamburg Pinneberg, Tafel helfen", "Pinneberg"),
        ("Berlin Bernau, was mit Senioren?", "Bernau bei Berlin"),
        ("Berlin Schönefeld, Nachhilfe", "Schönefeld"),
        ("München Garching, Tierheim", "Garching"),
    ],
)
def test_a_town_with_its_own_whole_name_beside_a_city_is_still_that_town(text: str, expected: str) -> None:
    assert place_name(text) == expected


def test_an_interest_word_after_a_city_keeps_its_interest() -> None:
    from nlu import parse

    parsed = parse("Hamburg Rosengarten pflegen am Wochenende")
    assert parsed.place is not None and parsed.place.name == "Hamburg"
    assert "environment" in parsed.categories


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Neustadt (Hessen)/Kirchhain, was mit Senioren?", "Neustadt (Hessen)"),
        ("suche ehrenamt Fürth (Odenwald)/Lorsch", "Fürth (Odenwald)"),
    ],
)
def test_a_town_with_its_region_in_brackets_before_a_slash_keeps_the_region(text: str, expected: str) -> None:
    # the tokenizer splits ")/" so the bracketed region still qualifies the town before it
    assert place_name(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Essen Kirn, was mit Tieren?", "Essen"),
        ("suche ehrenamt Essen Braunfels", "Essen"),
        # the food, not the city: an adjective ties the noun
        ("warmes Essen Kirn", None),
    ],
)
def test_a_city_that_is_a_word_before_a_far_towns_name_is_the_city(text: str, expected: str | None) -> None:
    assert place_name(text) == expected
