"""Typo guesses for a first consonant said soft or hard, as in Saxony and Thuringia ("Gemnitz" for Chemnitz).
Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from nlu import parse
from nlu.kernel.gazetteer import get_gazetteer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Isch wohn in Gemnitz un mache gern was mit Gindern", "Chemnitz"),
        ("Suche Ehrenamt in Pautzen am Wochenende", "Bautzen"),
        ("Körlitz, Tierheim oder so", "Görlitz"),
        ("Nachhilfe geben in Dorgau", "Torgau"),
        ("Wer braucht Hilfe in Klauchau?", "Glauchau"),
        ("Bin aus Krimma und hab abends Zeit", "Grimma"),
    ],
)
def test_a_swapped_soft_or_hard_first_consonant_still_finds_the_town(text: str, expected: str) -> None:
    query = parse(text)
    assert query.place is not None and query.place.name == expected and query.place.state == "Sachsen"
    assert query.place_uncertain  # a guess: the bot may confirm it


def test_a_guess_with_the_words_own_first_letter_wins_at_equal_closeness() -> None:
    assert get_gazetteer().fuzzy("Kemnitz")[0][0].name == "Kemnitz"  # a village of that very name
    hits = get_gazetteer().fuzzy("Gemnitz")
    assert hits[0][0].name == "Chemnitz" and hits[0][1] < 100


@pytest.mark.parametrize(
    "text",
    ["Guden! Ich hab samstags Zeit für die Tafel", "Tanke und Bause machen, dann Kruppe mit Kindern",
     "Pesuch im Altenheim wäre schön"],
)
def test_ordinary_and_dialect_words_do_not_become_places(text: str) -> None:
    assert parse(text).place is None  # no Kuden, no Danke-, Pause- or Gruppe-namesakes
