"""A place the text names that the gazetteer lacks reaches the query by name: the search asks where rather than
searching all of Germany as if none had been named."""

from __future__ import annotations

import pytest

from nlu.api import parse


@pytest.mark.parametrize(
    ("text", "names"),
    [("Tierheim in Höchst an der Nidder", ("Höchst an der Nidder",)),
     ("Tierheim in Kleinkleckersdorf", ("Kleinkleckersdorf",)),
     ("animal shelter in Kleinkleckersdorf", ("Kleinkleckersdorf",)),
     ("komme aus Sterzhausen, suche was mit Kindern", ("Sterzhausen",))],
)
def test_a_place_the_gazetteer_lacks_is_named_as_written(text: str, names: tuple[str, ...]) -> None:
    query = parse(text)
    assert query.place is None and query.unknown_places == names


@pytest.mark.parametrize(
    "text",
    ["Tiere in Sachsen, egal wo", "Tierheim in Bayern", "ich bin in Rente und suche was mit Tieren",
     "in Ruhe mit Tieren arbeiten", "Arbeit in Teilzeit im Tierheim", "help with homework in English",
     "Nachhilfe in Deutsch", "Tierheim in Kassel", "Senioren in Höchst im Odenwald", "Fußball in Z am WE",
     "Tierheim in XY"],
)
def test_a_region_an_ordinary_word_after_in_or_a_known_place_is_no_unknown_place(text: str) -> None:
    assert parse(text).unknown_places == ()


def test_the_unknown_place_beside_a_known_one_is_named_while_the_known_one_is_searched() -> None:
    query = parse("Höchst an der Nidder oder Altenstadt, Kinder")
    assert query.place is not None and query.place.name == "Altenstadt"
    assert query.unknown_places == ("Höchst an der Nidder",)


def test_the_unknown_places_come_after_the_older_keys_of_the_json() -> None:
    shape = parse("Tierheim in Kleinkleckersdorf").to_dict()
    # added keys go last, in the order they came: unknown_places, then time_soft (twentieth session)
    assert list(shape)[-2:] == ["unknown_places", "time_soft"] and shape["unknown_places"] == ["Kleinkleckersdorf"]
    assert parse("Tierheim in Kassel").to_dict()["unknown_places"] == []
