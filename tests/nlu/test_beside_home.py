"""A town named after "wohne bei <city>" is where the writer lives: the city only locates it."""

from __future__ import annotations

import pytest

from nlu import parse


@pytest.mark.parametrize(("text", "town"), [
    ("Tierheim, ich wohne bei Kassel, in Baunatal", "Baunatal"),
    ("Ich wohne bei Leipzig in Markkleeberg und suche was mit Tieren", "Markkleeberg"),
    ("I live near Dresden in Radeberg, animal shelter", "Radeberg"),
])
def test_a_town_after_living_beside_a_city_is_the_place(text: str, town: str) -> None:
    place = parse(text).place
    assert place is not None and place.name == town


def test_living_beside_a_city_alone_is_that_city() -> None:
    place = parse("Ich wohne bei Kassel und suche was mit Tieren").place
    assert place is not None and place.name == "Kassel"


def test_a_clause_after_living_beside_a_city_names_no_town() -> None:
    place = parse("Ich wohne bei Kassel, Fahren ist kein Problem").place
    assert place is not None and place.name == "Kassel"
