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


@pytest.mark.parametrize(
    ("text", "quarter"),
    [("Lesepatin auf dem Moritzberg", "Moritzberg"),
     ("ich wohne in der List und hab abends Zeit", "List (Hannover)"),
     ("Hausaufgabenhilfe in der Johannstadt", "Johannstadt (Dresden)"),
     ("Besuchsdienst auf dem Kaßberg", "Kaßberg (Chemnitz)")],
)
def test_a_quarter_named_with_an_article_is_that_quarter(text: str, quarter: str) -> None:
    query = parse(text)
    assert query.place is not None and query.place.name == quarter and not query.place_candidates


def test_a_quarter_two_cities_have_named_with_an_article_asks_between_the_two_quarters_not_a_town() -> None:
    candidates = [place.name for place in parse("Kinder am Sonnenberg, nachmittags").place_candidates]
    assert sorted(candidates) == ["Sonnenberg (Chemnitz)", "Sonnenberg (Wiesbaden)"]


@pytest.mark.parametrize("text", ["Nachbarschaftscafé in der Neustadt", "Tafel in der Südstadt"])
def test_a_part_most_cities_have_named_with_an_article_is_a_quarter_never_a_town(text: str) -> None:
    # the search asks "which city?" about it (bot/search/place_doubts.py part_without_city)
    from nlu.kernel.gazetteer import get_gazetteer

    query = parse(text)
    assert query.place is not None and not query.place_candidates
    gazetteer = get_gazetteer()
    assert any(gazetteer.city_of(place) is not None for place in gazetteer.lookup(query.place.name))
    assert " an der " not in query.place.name and " am " not in query.place.name


@pytest.mark.parametrize(
    ("text", "city"),
    [("Nachbarschaftscafé in der Neustadt, Dresden", "Dresden"), ("Kinder am Sonnenberg in Chemnitz", "Chemnitz"),
     ("Tafel in Neustadt an der Weinstraße", "Neustadt an der Weinstraße")],
)
def test_the_city_named_beside_the_quarter_or_the_town_written_out_decides(text: str, city: str) -> None:
    query = parse(text)
    assert query.place is not None and query.place.name == city and not query.place_candidates


@pytest.mark.parametrize(
    "text", ["Hilfe am Bahnhof in der Stadt", "Essen auf dem Markt verteilen", "mit List und Tücke", "im Zoo helfen"],
)
def test_ordinary_words_after_an_article_stay_words(text: str) -> None:
    assert parse(text).place is None
