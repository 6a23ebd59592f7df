"""Places of the twenty-third session: a time after "am" ("am WE") is no part of a place's name written out."""

from __future__ import annotations

import pytest

from nlu.api import parse


@pytest.mark.parametrize(
    ("text", "town"),
    [("Tafel in Frankfurt am WE", "Frankfurt am Main"),
     ("Tierheim Offenbach am WE", "Offenbach am Main"),
     ("Fußball in KS am WE", "Kassel"),
     ("Sport in C am WE", "Chemnitz"),
     ("Hundegassi in L am WE?", "Leipzig"),
     ("Kleiderkammer GI am We", "Gießen")],
)
def test_a_town_or_plate_before_am_and_a_time_is_that_town(text: str, town: str) -> None:
    query = parse(text)
    assert query.place is not None and query.place.name == town
    assert query.unknown_places == ()
    assert "weekend" in query.time


@pytest.mark.parametrize(
    ("text", "names"),
    [("Tierheim in Höchst an der Nidder", ("Höchst an der Nidder",)),
     ("Senioren in Höchst am Wasserhorn", ("Höchst am Wasserhorn",))],
)
def test_a_name_written_out_longer_with_a_place_word_is_still_a_place_the_gazetteer_lacks(
    text: str, names: tuple[str, ...]
) -> None:
    assert parse(text).unknown_places == names


@pytest.mark.parametrize(
    "text", ["Nachbarschaftstreff in Stuttgart-Wangen", "Hausaufgabenhilfe in Wangen oder Untertürkheim",
             "wohne in Wangen, Stuttgart, und suche was mit Senioren"],
)
def test_stuttgarts_wangen_named_with_its_city_or_its_neighbour_quarters_is_stuttgart(text: str) -> None:
    query = parse(text)
    assert query.place is not None and query.place.name == "Stuttgart" and not query.place_candidates


def test_wangen_alone_asks_between_the_town_and_stuttgarts_quarter() -> None:
    names = {place.name for place in parse("ich wohne in Wangen und suche was mit Kindern").place_candidates}
    assert {"Wangen", "Wangen (Stuttgart)"} <= names


@pytest.mark.parametrize("text", ["Kinder in Wangen im Allgäu", "rote Wangen vom Laufen, Sportverein gesucht"])
def test_the_allgaeu_town_and_the_cheeks_are_no_stuttgart_quarter(text: str) -> None:
    place = parse(text).place
    assert place is None or place.name == "Wangen"
