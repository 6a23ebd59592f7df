"""A listing's single clock time says the part of the day its task begins in (nlu/listing_clock_times.py): from 18
o'clock the evening, before 17 the day; ends, spans and office hours are read as before."""

from __future__ import annotations

import pytest

from nlu.api import categorize


@pytest.mark.parametrize(("description", "part"), [
    ("Der Posaunenchor probt jeden Mittwoch 20:00 Uhr im Gemeindesaal.", "evening"),
    ("Gruppenstunde freitags um 18 Uhr im Jugendhaus.", "evening"),
    ("Die Gruppe trifft sich dienstags 19.15 Uhr in der Stadtbibliothek.", "evening"),
    ("Wir starten samstags um 9:30 Uhr am Vereinsheim.", "daytime"),
    ("Der Spieletreff beginnt mittwochs um 15 Uhr.", "daytime"),
])
def test_a_single_clock_time_says_the_part_of_the_day(description: str, part: str) -> None:
    assert part in categorize("Ehrenamtliche gesucht", description).time


@pytest.mark.parametrize("description", [
    "Die Probe beginnt donnerstags um 17:30 Uhr.",  # five o'clock: the afternoon's as often as the evening's
    "Die Ausgabe läuft bis spätestens 20 Uhr.",  # an end, no start
    "Anmeldung bis 19.03. bei Frau Meier.",  # a date
    "Kinder von 6 bis 12 Jahren, 2 Stunden pro Woche.",
])
def test_no_part_of_the_day_without_a_start_by_day_or_evening(description: str) -> None:
    tags = categorize("Ehrenamtliche gesucht", description).time
    assert "evening" not in tags and "daytime" not in tags


def test_a_span_keeps_its_own_reading() -> None:
    assert set(categorize("Hausaufgabenhilfe", "Montags 14:30-16 Uhr in der Grundschule.").time) >= {"daytime"}
    assert "evening" not in categorize("Hausaufgabenhilfe", "Montags 14:30-16 Uhr in der Grundschule.").time


def test_office_hours_still_set_nothing() -> None:
    assert categorize("Lesepaten gesucht", "Telefonisch erreichbar dienstags um 19 Uhr.").time == []
