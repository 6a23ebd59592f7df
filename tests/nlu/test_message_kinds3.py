"""Message kinds found behind off search results (issue 14, messages side, third round): one's own town named
after or before "ist meine Stadt", rivers as a place hint, outdoors alone, English help words, two interests
joined by "oder". Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from nlu import parse


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Halle ist meine Heimat und ich mag Hunde", "Halle (Saale)"),
        ("Essen is my hometown, looking for something with teens", "Essen"),
        ("meine Stadt ist Weil, gern was mit Senioren", "Weil am Rhein"),
        ("my city is Halle and I could help seniors", "Halle (Saale)"),
    ],
)
def test_a_town_named_as_ones_own_is_the_place(text: str, expected: str) -> None:
    place = parse(text).place
    assert place is not None
    assert place.name == expected


def test_ones_own_town_wins_over_a_passing_stay() -> None:
    place = parse("bin gerade in Köln unterwegs, aber Halle ist mein Zuhause, Tierheim?").place
    assert place is not None
    assert place.name == "Halle (Saale)"


@pytest.mark.parametrize(
    "text",
    ["würde gern was an der Weser mit Jugendlichen machen", "am Chiemsee bei der Jugendarbeit helfen",
     "happy to help young people along the Rhine"],
)
def test_a_river_or_lake_alone_gives_no_place_and_no_keyword(text: str) -> None:
    parsed = parse(text)
    assert parsed.place is None
    assert "children_youth" in parsed.categories
    assert not {"weser", "chiemsee", "rhine", "rheine"} & set(parsed.keywords)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in Bremen an der Weser, gern mit Jugendlichen", "Bremen"),
        ("Offenbach am Main, Tafel", "Offenbach am Main"),
    ],
)
def test_a_town_named_with_a_river_is_the_place(text: str, expected: str) -> None:
    place = parse(text).place
    assert place is not None
    assert place.name == expected


def test_teaching_children_to_swim_is_sports_too() -> None:
    categories = parse("I'd love to help children learn how to swim").categories
    assert "sports" in categories
    assert "children_youth" in categories


def test_two_interests_joined_by_or_keep_both_categories() -> None:
    assert {"animals", "poverty_homelessness"} <= set(parse("the dog shelter or maybe the food bank").categories)


@pytest.mark.parametrize(
    "text", ["bin einfach gern an der frischen Luft", "am liebsten was im Freien", "anything out in the fresh air"]
)
def test_liking_the_outdoors_is_neither_a_category_nor_a_search_word(text: str) -> None:
    parsed = parse(text)
    assert parsed.categories == ()
    assert not {"luft", "frischen", "freien", "fresh", "air"} & set(parsed.keywords)
