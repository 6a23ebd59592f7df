"""A place the person rules out is never the search place (issue 14, slots round 2): with no other place the
message has none (the chat then asks for one), another place named wins, and "not in Berlin itself but nearby"
keeps Berlin as the point to search around. Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from nlu import parse
from tests.factories.parsed import place_name


@pytest.mark.parametrize(
    "text",
    [
        "Tiere, aber nicht in Kassel",
        "anywhere but Leipzig, something with kids",
        "bloß nicht in Fulda",
        "Ich suche was mit Senioren, nur nicht in Marburg",
        "Umweltschutz, egal wo außer Dresden",
        "Kassel auf keinen Fall. Tierheim wäre schön",
        "Sport mit Kindern. Frankfurt bitte nicht.",
        "I want to help refugees, just not in Chemnitz",
        "Berlin, no way. Something with animals",
    ],
)
def test_a_place_only_ruled_out_gives_no_place(text: str) -> None:
    parsed = parse(text)
    assert parsed.place is None
    assert not parsed.place_candidates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tiere, aber nicht in Kassel, lieber in Baunatal", "Baunatal"),
        ("Kinder ja, aber nicht in Frankfurt, sondern in Offenbach", "Offenbach am Main"),
        ("not in Berlin please, somewhere in Potsdam", "Potsdam"),
        ("Ich wohne in Kassel, möchte aber nicht in Kassel helfen, sondern Vellmar", "Vellmar"),
        ("I live in Frankfurt, but not Frankfurt please, rather Offenbach", "Offenbach am Main"),
        ("Ich wohne in Marburg, aber nicht in Gießen bitte", "Marburg"),
    ],
)
def test_another_named_place_wins_over_one_ruled_out(text: str, expected: str) -> None:
    assert place_name(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("not in Berlin itself but nearby, with animals", "Berlin"),
        ("Tierheim, nicht in Leipzig selbst, sondern in der Umgebung", "Leipzig"),
        ("Ich wohne in Kassel nicht weit vom Bahnhof und suche was mit Tieren", "Kassel"),  # no ruling out
    ],
)
def test_surroundings_of_a_ruled_out_centre_keep_it_as_the_point(text: str, expected: str) -> None:
    assert place_name(text) == expected


def test_a_ruled_out_place_is_no_search_word() -> None:
    parsed = parse("Hilfe für Obdachlose, nur nicht in Kassel")
    assert "kassel" not in parsed.keywords
    assert parsed.categories == ("poverty_homelessness",)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("was mit kindern aber nicht in Berlin", "children_youth"),
        ("Tiere aber nicht in Kassel oder Baunatal", "animals"),
        ("Senioren besuchen, aber bitte nicht in Leipzig", "seniors"),
        ("something with kids but not in Berlin", "children_youth"),
    ],
)
def test_a_cue_that_rules_out_a_place_leaves_the_wish_before_it(text: str, wanted: str) -> None:
    parsed = parse(text)
    assert wanted in parsed.categories
    assert wanted not in parsed.exclude_categories
    assert parsed.ruled_out_places


def test_a_cue_with_nothing_but_a_place_after_it_still_negates_what_came_before() -> None:
    parsed = parse("Kinder eher nicht, in Kassel")  # the comma ends the cue's clause: Kassel is the search place
    assert "children_youth" in parsed.exclude_categories
