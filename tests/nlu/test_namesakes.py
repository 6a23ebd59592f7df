"""Namesakes a list would show alike (same name, state and district) are told apart by a town near each."""

from __future__ import annotations

import pytest

from nlu.namesakes import near_towns
from nlu.place_field import read_place_field


def _shown(name: str) -> list[tuple[str, str | None, str | None, str | None]]:
    places = read_place_field(name).places[:5]
    return [(place.name, place.state, place.district, near) for place, near in zip(places, near_towns(places))]


@pytest.mark.parametrize("name", ["Bornheim", "Altenkirchen", "Kirchberg", "Neustadt", "Weiden"])
def test_every_option_of_a_choice_reads_differently(name: str) -> None:
    shown = _shown(name)
    assert len(shown) >= 2 and len(set(shown)) == len(shown), shown


def test_only_namesakes_that_read_alike_get_a_town_and_never_their_own_name() -> None:
    shown = _shown("Bornheim")
    alike = [entry for entry in shown if entry[:3] == ("Bornheim", "Rheinland-Pfalz", None)]
    assert len(alike) == 2 and all(near and near != "Bornheim" for *_, near in alike)
    assert all(near is None for entry in shown if entry not in alike for *_, near in [entry])
    assert near_towns(read_place_field("Kassel").places) == [None]
