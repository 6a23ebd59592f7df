"""Review fixes of the tenth session: each test names a kind of failure, with sentences written for this test."""

from __future__ import annotations

import pytest

from nlu.api import parse_with_rules


@pytest.mark.parametrize(
    "text",
    [
        "suche nachhilfe in e",  # teaching takes a subject: "in E" is English, not Essen
        "hausaufgabenhilfe bio und chemie in f",
        "ich spiele gern fußball in d",  # a doing verb: "in d" says how or where within the activity
        "ich würde gern nachhilfe geben in m",
    ],
)
def test_a_lone_letter_after_an_activity_is_no_town(text: str) -> None:
    assert parse_with_rules(text).place is None


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("ich wohne in l, nachhilfe geben", "Leipzig"),  # a place-of-living cue makes it the town
        ("bin aus c und will nachhilfe machen", "Chemnitz"),
        ("suppenküche in l", "Leipzig"),  # an institution is somewhere: the letter is its town
    ],
)
def test_a_lone_letter_after_where_one_lives_or_an_institution_is_the_town(text: str, town: str) -> None:
    got = parse_with_rules(text)
    assert got.place is not None and got.place.name == town
