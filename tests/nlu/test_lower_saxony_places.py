"""Places of Lower Saxony (places round 22): the plates of the district towns around Hannover, Braunschweig and
Göttingen, codes among them that are as often words, and quarters of Göttingen, Hildesheim, Wolfsburg and Hannover
the place data lacked. Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from tests.factories.parsed import place_name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gibt es in HM was mit Jugendlichen?", "Hameln"),
        ("CE – Senioren besuchen, gern vormittags", "Celle"),
        ("Tafel PE, hab dienstags Zeit", "Peine"),
        ("wohne in GF und würde gern im Tierheim helfen", "Gifhorn"),
        ("Nachhilfe für Grundschüler in WF", "Wolfenbüttel"),
    ],
)
def test_plates_of_lower_saxony_name_their_town(text: str, expected: str) -> None:
    assert place_name(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I used to be a PE teacher and would like to coach kids",
        "my GF and I would like to help at a food bank",
        "lg Marie, gibt es was mit Tieren?",
        "he wants to help refugees with their paperwork",
        "Hausaufgabenhilfe GS",
        "UE Unterricht für Flüchtlinge",
    ],
)
def test_codes_that_are_as_often_words_name_no_town(text: str) -> None:
    assert place_name(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tierheim in Weende, am liebsten samstags", "Weende"),
        ("Hausaufgabenhilfe in Grone", "Grone"),
        ("wohne in Moritzberg, Seniorenbesuche", "Moritzberg"),
        ("Sport mit Kindern in Fallersleben", "Fallersleben"),
    ],
)
def test_a_quarter_the_place_data_lacked_is_found_not_a_village_elsewhere(text: str, expected: str) -> None:
    assert place_name(text) == expected


def test_list_is_hannovers_quarter_only_with_its_city() -> None:
    assert place_name("mit List und Tücke Kinder betreuen in Köln") == "Köln"
