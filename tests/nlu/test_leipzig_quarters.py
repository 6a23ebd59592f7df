"""Leipzig's well-known quarters the place data lacks are Leipzig, alone, with their city or beside another quarter;
every sentence here is written for this test."""

from __future__ import annotations

import pytest

from nlu import parse


@pytest.mark.parametrize(
    "text",
    [
        "Suche was mit Kindern in Plagwitz",
        "Marienbrunn, Nachbarschaftshilfe",
        "a community garden in Lindenau or Plagwitz",
        "Tierheim Plagwitz oder Schleußig",
    ],
)
def test_a_leipzig_quarter_is_leipzig_and_no_search_word(text: str) -> None:
    query = parse(text)
    assert query.place is not None and query.place.name == "Leipzig"
    named = {"plagwitz", "marienbrunn", "lindenau", "schleussig", "schleußig"}
    assert not named & {word.lower() for word in query.keywords}


@pytest.mark.parametrize(
    "text",
    [
        "ich möchte Traditionen wahren und im Heimatverein helfen, Kassel",  # a verb, no quarter
        "Die Südvorstadt von Zwickau, was mit Tieren",  # many cities have one
    ],
)
def test_a_word_or_a_common_quarter_name_is_no_leipzig_quarter(text: str) -> None:
    query = parse(text)
    assert query.place is not None and query.place.name != "Leipzig"
