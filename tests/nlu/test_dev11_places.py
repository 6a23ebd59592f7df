"""Places the writer corrects or signs off with in lower case (slots round for dev11). Sentences written for this
test; rules without the trained component."""

from __future__ import annotations

import pytest

from nlu.api import parse_with_rules


@pytest.mark.parametrize(
    ("text", "lat"),
    [
        # the corrected place neither wins nor pulls its namesake near: the large Halle, not Halle (Westf.)
        ("something with kids on weekends. Bielefeld, no wait, I moved, now Halle", 51.48),
        ("Tierheim? Hamm, sorry, now Essen", 51.46),
        ("I'm now Marburg based, looking for sports", 50.80),
    ],
)
def test_now_names_where_the_writer_is(text: str, lat: float) -> None:
    got = parse_with_rules(text)
    assert got.place is not None
    assert got.place.lat == pytest.approx(lat, abs=0.05)


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("ich kann nur abends, dann aber gern jede woche. halle", "Halle (Saale)"),
        ("was mit tieren wär schön.\nhof", "Hof"),
    ],
)
def test_a_lower_case_message_signed_off_with_its_town(text: str, town: str) -> None:
    got = parse_with_rules(text)
    assert got.place is not None
    assert got.place.name == town


@pytest.mark.parametrize(
    "text",
    [
        "sport in einer halle wär gut",  # the word inside a clause stays a word
        "Was mit Sport. halle",  # a message with capitals has to capitalise its town
        "tiere. wald",  # a field's word closing the message is the wish
    ],
)
def test_no_town_from_a_word_inside_or_a_field(text: str) -> None:
    assert parse_with_rules(text).place is None
