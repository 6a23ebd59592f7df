"""A club's, a town's or a church's archive and chronicle are its history kept (issue 14, branch t14-list): every
compound of "Archiv" and "Chronik", inflected too, names culture, and a listing that digitises one is culture and
digital. Texts of their own, not from the labelled sets."""

from __future__ import annotations

import pytest

from nlu import categorize
from nlu.vocabulary import categories_of


@pytest.mark.parametrize("word", ["gemeindearchiv", "kirchenarchivs", "filmarchive", "plakatarchiven",
                                  "feuerwehrchronik", "schulchroniken", "chronik"])
def test_an_archive_or_a_chronicle_is_culture(word: str) -> None:
    assert "culture" in categories_of(word, "de")


@pytest.mark.parametrize("word", ["chronisch", "chronischen", "synchronisieren"])
def test_a_word_holding_chron_is_no_chronicle(word: str) -> None:
    assert "culture" not in categories_of(word, "de")


def test_digitising_a_parish_archive_is_culture_and_digital() -> None:
    text = (
        "<p>Die Kirchengemeinde möchte ihre alten Tauf- und Sterberegister am Rechner erfassen.</p>"
        "<ul><li>Einträge abtippen</li><li>Dateien benennen und ablegen</li></ul>"
    )
    categories = categorize("Digitalisierung unseres Gemeindearchivs", text).categories
    assert set(categories) == {"culture", "digital"}


def test_keeping_a_clubs_chronicle_is_culture() -> None:
    text = "<p>Zum 100. Geburtstag des Kleingartenvereins soll ein Heft mit Texten und Bildern erscheinen.</p>"
    assert categorize("Mitarbeit an unserer Festchronik", text).categories == ["culture"]
