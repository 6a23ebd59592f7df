"""Having been through something and wanting to help others through it, when the others come after the help or the
wish is to give back (data/nlu/interests.toml experience_others; the twelfth round of issue 14). Every sentence here
is written for this test; the rules are read without the trained component."""

from __future__ import annotations

import pytest

from nlu.api import parse_with_rules


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Ich war selber mal obdachlos in Kassel. Will helfen, dass es anderen besser geht", "poverty_homelessness"),
        ("Ich hatte selbst eine Depression und möchte helfen, dass es anderen besser geht, Gera", "health_care"),
        ("Ich bin vor 6 Jahren aus Syrien geflüchtet und möchte helfen, damit andere es leichter haben. Gera",
         "refugees_integration"),
        ("I was homeless for two years, now I want to give something back, Leipzig", "poverty_homelessness"),
        ("I was a refugee myself and want to give back. Kassel", "refugees_integration"),
        ("I had depression myself and want to make things easier for others. Halle", "health_care"),
        ("I was homeless myself and want to help people get back on their feet, Halle", "poverty_homelessness"),
    ],
)
def test_what_one_went_through_is_the_wish_when_one_helps_others_through_it(text: str, field: str) -> None:
    assert field in parse_with_rules(text).categories


@pytest.mark.parametrize(
    ("text", "field"),
    [
        # what one went through stays one's own when the wish names another field
        ("Ich war selber mal obdachlos, jetzt hab ich eine Wohnung und suche was mit Tieren in Kassel",
         "poverty_homelessness"),
        # one's own children are no field of the giving back (children are no lived-through field)
        ("Ich hab selber Kinder und will was zurückgeben, Tierheim Jena", "children_youth"),
    ],
)
def test_a_self_description_beside_another_wish_stays_the_writers(text: str, field: str) -> None:
    assert field not in parse_with_rules(text).categories
