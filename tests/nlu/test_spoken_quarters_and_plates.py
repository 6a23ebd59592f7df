"""Places written as they are spoken and by their licence plates (issue 14, places round 21): a large city's quarter
in dialect, a town in dialect joined to its quarter by a hyphen, the plates of the towns around München, and codes
that are as often words. Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from tests.factories.parsed import place_name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mia wohnan in Giasing, gibts do a Kleiderkammer?", "Giesing"),
        ("Mia san aus Untergiasing und tatn gern Senioren bsuacha", "Giesing"),
        ("Wohn in Offebach-Bürgel un such was mit Senioren", "Offenbach am Main"),
        ("Mir wohne z'Stuagert-Degerloch, was für Flüchtling?", "Stuttgart"),
        ("Tafel in Giesing, samstags", "Giesing"),
    ],
)
def test_a_quarter_or_its_town_written_as_spoken_is_found(text: str, expected: str) -> None:
    assert place_name(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sucht die Tafel in RO noch Fahrer?", "Rosenheim"),
        ("FFB – was mit Kindern am Wochenende", "Fürstenfeldbruck"),
        ("wohne in ED und würde gern Senioren besuchen", "Erding"),
        ("Bergwacht oder Wasserwacht STA", "Starnberg"),
        ("Nachhilfe für Grundschüler in DAH", "Dachau"),
    ],
)
def test_plates_around_muenchen_name_their_town(text: str, expected: str) -> None:
    assert place_name(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Public Viewing zur WM mit Jugendlichen organisieren",
        "Fotos für den Verein, höchstens 2 MB pro Bild",
        "Ostereier färben mit Kindern, ein Ei pro Kind",
    ],
)
def test_codes_that_are_words_name_no_town(text: str) -> None:
    assert place_name(text) is None


def test_an_unknown_word_before_a_hyphen_is_no_town_in_dialect() -> None:
    assert place_name("Ich helfe gern beim Karl-Heinz-Fest in Kassel") == "Kassel"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kleiderkammer im Hasenbergl, geht das auch samstags?", "Hasenbergl"),
        ("Ich wohne im Glockenbachviertel und koche gern", "Isarvorstadt"),
        ("suche was mit senioren im wedding", "Wedding"),
    ],
)
def test_a_quarter_named_with_its_article_is_the_place(text: str, expected: str) -> None:
    assert place_name(text) == expected


def test_a_word_after_im_stays_the_word_unless_listed() -> None:
    assert place_name("Ich würde gern im Zoo Tiere füttern") is None
