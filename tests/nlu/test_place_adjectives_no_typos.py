"""A place's adjective in -er ("Rödelheimer", of a Frankfurt quarter) is no slip of an interest word ("rodeln");
real slips of interest words are still read. Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from nlu import parse


@pytest.mark.parametrize(("text", "categories"), [
    ("Hausaufgabenhilfe, Rödelheimer Landstraße", ("children_youth", "education")),
    ("Hilfe im Rödelheimer Altenheim", ("seniors",)),
    ("Tafel in der Rödelheimer Straße", ("poverty_homelessness",)),
])
def test_a_quarters_adjective_names_no_field(text: str, categories: tuple[str, ...]) -> None:
    assert "sports" not in parse(text).categories
    assert set(categories) <= set(parse(text).categories)


@pytest.mark.parametrize(("text", "category"), [
    ("im Winter mit Kindern rodlen, Fulda", "sports"),  # a slip of "rodeln" itself is read
    ("Senjoren besuchen in Frankfurt", "seniors"),
])
def test_slips_of_interest_words_are_still_read(text: str, category: str) -> None:
    assert category in parse(text).categories
