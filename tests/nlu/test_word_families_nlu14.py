"""Toads named on their own are animals and nature ("Kröten über die Straße tragen", natural_dev16, dev21, dev26), and
a stem whose last letter slipped before a known head is a typo of the field word ("umwelschutz", "natuschutz":
natural_dev22, dev23), while a word joined of two words stays no typo ("Handwerker" is not "handy"); a nationality
before one's own role names no language ("a Korean student", "a Polish carer": natural_dev10, 13, 16, 19, 26)."""

from __future__ import annotations

import pytest

from nlu.api import parse


@pytest.mark.parametrize(
    "text",
    ["hab gelesen man kann im frühjahr kröten über die straße tragen?? wo gibts das bei Grimma",
     "Mit den Kindern zusammen Kröten über die Straße tragen, das wär was! Raum Witzenhausen",
     "Kröten retten im Frühjahr, Maintal"],
)
def test_toads_are_animals_and_nature(text: str) -> None:
    assert {"animals", "environment"} <= set(parse(text).categories)


@pytest.mark.parametrize(("text", "category"), [("umwelschutz bad hersfeld", "environment"),
                                                 ("natuschutz DZ", "environment")])
def test_a_stem_slipped_before_a_known_head_is_the_field(text: str, category: str) -> None:
    assert category in parse(text).categories


@pytest.mark.parametrize("text", ["Handwerker gesucht in Kassel", "Handwerkerin aus Kassel sucht was"])
def test_two_joined_words_are_no_slip(text: str) -> None:
    assert "digital" not in parse(text).categories


@pytest.mark.parametrize(
    "text",
    ["Hi, Korean PhD student in Leipzig. I'd love to do something with plants. German A2.",
     "Hi, I'm a Korean student in Bielefeld. I'd like to join a choir that sings for elderly people",
     "Hi, I'm a Polish carer (24h care) working in a family in Fulda. I have Sunday afternoons free.",
     "I'm a Ukrainian mother, 2 kids, I live in Meißen. My German is A2."],
)
def test_a_nationality_before_ones_own_role_names_no_language(text: str) -> None:
    assert parse(text).languages == ()


def test_a_language_said_before_a_role_after_a_comma_stays() -> None:
    assert set(parse("I speak Korean and English, student in Leipzig").languages) == {"ko", "en"}
