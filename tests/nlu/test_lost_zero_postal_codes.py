"""Saxon postal codes (01067 Dresden, 04109 Leipzig) copied from a spreadsheet lose their leading zero; a chat
message with "1067" after a place cue, or alone, means that code. Four digits anywhere else stay numbers.
Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from bot.conversation.places import place_answer
from nlu import parse


@pytest.mark.parametrize(("text", "code", "town"), [
    ("Tierheim in 1067", "01067", "Dresden"),
    ("Suche was mit Senioren bei 4109", "04109", "Leipzig"),
    ("volunteering with kids near 1067", "01067", "Dresden"),
    ("Nachbarschaftshilfe PLZ 4109", "04109", "Leipzig"),
    ("1067", "01067", "Dresden"),
])
def test_four_digits_after_a_place_cue_or_alone_are_a_code_that_lost_its_zero(text: str, code: str,
                                                                               town: str) -> None:
    place = parse(text).place
    assert place is not None and (place.postal_code, place.name) == (code, town)


@pytest.mark.parametrize("text", [
    "Ich habe schon 1067 Stunden ehrenamtlich gearbeitet",
    "seit 1990 im Sportverein aktiv",
    "I helped 1200 people last year",
    "Tierheim in 3412",  # no code 03412 exists
    "I moved to Germany in 1990 and want to give back",  # 01990 exists (Ortrand), but this is a year
    "bin um 1996 herum nach Sachsen gezogen",
])
def test_four_digits_that_count_or_date_something_are_no_place(text: str) -> None:
    place = parse(text).place
    assert place is None or place.postal_code is None


@pytest.mark.parametrize(("text", "town"), [("1067", "Dresden"), ("in 4109", "Leipzig"), ("Ja, 1067", "Dresden")])
def test_the_answer_to_where_may_be_a_code_without_its_zero(text: str, town: str) -> None:
    assert [found.name for found in place_answer(text)] == [town]


def test_the_answer_to_where_with_four_digits_and_no_such_code_names_no_place() -> None:
    assert place_answer("3412") == []
