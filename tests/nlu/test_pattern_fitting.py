"""A data-file pattern line keeps the alternatives a pipeline's tokenizer can match: the English tokenizer splits
"day-time" and "im", and the whole line used to be dropped there, so English messages lost "daytime", "one-off",
"long-term" (issue 14, slots round 2). Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from nlu import parse
from nlu.patterns import build_matcher


def _split_hyphens(text: str) -> list[str]:
    return text.replace("-", " - ").split()


def test_a_line_keeps_the_alternatives_the_tokenizer_can_match() -> None:
    _, unusable = build_matcher({"t": ["daytime|day-time", "mon-fri", "in|im der woche"]}, [], _split_hyphens)
    assert unusable == ["mon-fri"]  # no alternative left at its only position


@pytest.mark.parametrize(
    ("text", "slot"),
    [
        ("daytime please, Kassel", "daytime"),
        ("I work nights, so daytime", "daytime"),
        ("something long-term with kids in Leipzig", "regular"),
        ("a 2-week stint at a summer camp in Kassel", "one_off"),
        ("no long-term commitment please, Fulda", "one_off"),
    ],
)
def test_english_time_words_with_hyphens_are_read(text: str, slot: str) -> None:
    assert slot in parse(text).time


def test_english_location_independent_is_remote() -> None:
    assert parse("location-independent volunteering, anything digital").remote
