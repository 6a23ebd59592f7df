"""A town whose name is also a word, written small, closing a short note whose rest is a wish
(nlu/components/place_belief.py, _edge_of_a_wish). Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from nlu import parse


@pytest.mark.parametrize(
    ("text", "town"),
    [("hunde gassi aue", "Aue"), ("nachhilfe mathe hof", "Hof"),
     ("jugendfeuerwehr 🚒 aue", "Aue")],
)
def test_a_note_of_a_wish_may_end_on_its_town_written_small(text: str, town: str) -> None:
    query = parse(text)
    assert query.place is not None and query.place.name.startswith(town)


@pytest.mark.parametrize(
    "text",
    ["sport in der halle", "mit kindern kochen und essen", "halle", "wir essen zusammen",
     "Hunde Gassi aue und dann noch viel mehr Wörter in einem langen Satz", "ich geh in die aue",
     # a note's last word of a verb's shape is its verb, although a town has the name (Fahren, Laufen, Essen, Graben)
     "senioren fahren", "hunde laufen", "tafel essen", "suppenküche essen", "garten graben"],
)
def test_a_word_in_a_sentence_alone_or_in_a_long_message_stays_a_word(text: str) -> None:
    assert parse(text).place is None
