"""A number after a word that stands before times and amounts is no postal code, and a code that was not written
as five digits in one piece never replaces a place the message names. Every sentence is written for this test."""

from __future__ import annotations

import pytest

from nlu import parse
from nlu.kernel.gazetteer import get_gazetteer


@pytest.mark.parametrize("text", [
    "um 1445 Uhr",
    "Treffen um 1445",
    "can we meet at 1445",
    "around 1530 would suit me",
    "ab 1030 hätte ich Zeit",
    "bis 1745 bin ich arbeiten",
    "gegen 1615 könnte ich",
    "bei 1445 geht es mir gut",  # a clock time after "bei"
    "Nachhilfe in 1099 Euro",
    "tutoring in 1099 euros?",
    "in 1067 Stunden",
    "Spende von 1099 €",
    "in 1848 wurde der Verein gegründet",
    "the club was founded in 1809",
])
def test_times_amounts_and_years_are_no_place(text: str) -> None:
    place = parse(text).place
    assert place is None or place.postal_code is None


@pytest.mark.parametrize(("text", "town"), [
    ("Tierheim Kassel um 1445 Uhr", "Kassel"),
    ("animal shelter Leipzig at 1530", "Leipzig"),
    ("Tierheim Kassel in 1445", "Kassel"),
    ("Hausaufgabenhilfe in Potsdam bei 1067", "Potsdam"),
])
def test_a_named_place_wins_over_a_guessed_code(text: str, town: str) -> None:
    place = parse(text).place
    assert place is not None and place.name == town


@pytest.mark.parametrize(("text", "code"), [
    ("Tierheim in 1067", "01067"),
    ("near 4109 please", "04109"),
    ("PLZ 1848", "01848"),  # a postal-code cue: no year
    ("PLZ: 1067", "01067"),
    ("Seniorenhilfe aus 4109", "04109"),  # "aus" before a number that is no clock time
    ("Tierheim in 341 27", "34127"),
    ("341 27", "34127"),
    ("Tierheim 34127", "34127"),
])
def test_codes_after_a_place_cue_or_alone_are_read(text: str, code: str) -> None:
    place = parse(text).place
    assert place is not None and place.postal_code == code


@pytest.mark.parametrize(("text", "year_possible", "code"), [
    ("34127", True, "34127"),
    ("341 27", True, "34127"),
    ("34 127", True, "34127"),
    ("1067", True, "01067"),
    ("1067.", True, "01067"),
    ("1990", True, None),  # a year where one may be written
    ("1990", False, "01990"),  # a postal-code field: Ortrand
    ("1848", True, None),
    ("3412", False, None),  # 03412 does not exist
    ("99999", True, None),
    ("10 67", True, None),
    ("1 0 6 7", True, None),
    ("Kassel", True, None),
])
def test_the_gazetteer_reads_a_written_code_once_for_every_surface(text: str, year_possible: bool,
                                                                   code: str | None) -> None:
    assert get_gazetteer().read_postal_code(text, year_possible=year_possible) == code


@pytest.mark.parametrize("text", ["in hoch", "near Zoo.", "PLZ abcd", "in ١٠٦٧"])
def test_four_letters_after_a_cue_are_no_code(text: str) -> None:
    place = parse(text).place
    assert place is None or place.postal_code is None


@pytest.mark.parametrize(("text", "code"), [
    ("Lesepatenschaft 04 109", "04109"),
    ("Hundeausführen 34 117!", "34117"),
    ("Repair Café 01 067.", "01067"),
])
def test_a_code_split_as_on_letters_closing_the_message_is_its_place(text: str, code: str) -> None:
    place = parse(text).place
    assert place is not None and place.postal_code == code


@pytest.mark.parametrize("text", [
    "Suppenküche für 34 117",  # after a function word: an amount
    "Lesepatenschaft 34 117 Kinder",  # not at the end
    "Gartenprojekt 12 000",  # no such code
    "Fußballtraining 341 17",  # split elsewhere than on letters: only after a cue
])
def test_a_split_number_without_a_cue_elsewhere_is_no_place(text: str) -> None:
    place = parse(text).place
    assert place is None or place.postal_code is None
