"""A state's abbreviation after a town and a slash ("Kirchberg/Sa.": Kirchberg in Sachsen) is no Saturday."""

from __future__ import annotations

import pytest

from nlu import parse


@pytest.mark.parametrize("text", ["Tierheim in Kirchberg/Sa.", "Suche was mit Kindern, Wohnort Kirchberg/Sa."])
def test_a_town_s_state_abbreviation_is_no_day(text: str) -> None:
    assert parse(text).time == ()


def test_a_day_said_beside_the_qualified_town_is_still_a_day() -> None:
    assert parse("Tierheim in Kirchberg/Sa. am Sa.").time == ("weekend",)
    assert parse("Tierheim, am Sa. vormittags").time == ("weekend", "daytime")
