"""Language identification: English words German has borrowed keep a German message German, and German place
names (their umlauts, their "am", "an der") do not make an English message German."""

from __future__ import annotations

import pytest

from nlu.api import parse
from nlu.langid import detect_language


@pytest.mark.parametrize(
    "text",
    [
        "Sterbebegleitung online, in Kassel",
        "was mit social media in Gießen",
        "Homeoffice wär super, Marburg",
        "Online Nachhilfe Mathe",
        "Hospizbegleitung Online-Kurs",
        "Mentoring Bewerbungstraining online",
        "Telefonseelsorge online",
        "Tierschutz Team Kassel",
        "Event Management Fulda",
        "Workshop Upcycling Leipzig",
        "Hundeschule Gießen",
        "Vereinsarbeit im Team, Fulda",
        "Nachhilfe Mathe, Kids, online",
    ],
)
def test_german_with_english_loan_words_stays_german(text: str) -> None:
    assert detect_language(text) == "de"


@pytest.mark.parametrize(
    "text",
    [
        "dog walking Gießen",
        "Garden project Görlitz",
        "football coaching Frankfurt am Main",
        "elderly visits Neustadt an der Weinstraße",
        "reading to kids Mülheim an der Ruhr",
        "visiting old people in Lörrach",
        "online tutoring in Kassel",
        "refugees Bad Homburg",
        "I want to help refugees in Fürth",
        "kids football Kassel weekends",
        "something with kids in Kassel",
    ],
)
def test_english_with_german_place_names_stays_english(text: str) -> None:
    assert detect_language(text) == "en"


def test_umlauts_outside_a_place_name_still_count_for_german() -> None:
    assert detect_language("Tiere Hunde Gärten") == "de"
    assert detect_language("gießen Blumen Park") == "de"  # the verb, written small, is no place


def test_a_german_message_with_a_loan_word_is_parsed_with_the_german_rules() -> None:
    parsed = parse("Sterbebegleitung online, in Kassel")
    assert parsed.lang == "de"
    assert parsed.remote
    assert parsed.place is not None and parsed.place.name == "Kassel"


@pytest.mark.parametrize("text", ["Clean-up im Park, Hamburg St. Pauli", "Mithilfe beim Repair-Café in Marburg"])
def test_a_hyphenated_loan_is_one_word_and_no_english_marker(text: str) -> None:
    """ "up" of "Clean-up" is no English function word: German writes its loans hyphenated."""
    assert detect_language(text) == "de"


def test_english_with_a_hyphenated_word_stays_english() -> None:
    assert detect_language("I want to help with a clean-up in Leipzig") == "en"
