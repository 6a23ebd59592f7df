"""Causes of false listing categories found across the eight listing dev sets (issue 14, listing precision round of
the tenth session), one test group per cause. Texts of their own, not from the labelled sets."""

from __future__ import annotations

import pytest

from nlu import categorize
from nlu.listing_settings import setting_rules


@pytest.mark.parametrize(
    ("title", "description"),
    [
        ("Spendenlager: Sortierhilfe gesucht", "<p>Wir sortieren Sachspenden für Familien aus der Ukraine.</p>"),
        ("Sachspendenlager der Flüchtlingshilfe", "<p>Kleidung und Geschirr annehmen, sortieren, ausgeben.</p>"),
        ("Helfer*innen im Spendenlager", "<p>Für Geflüchtete in unserer Gemeinschaftsunterkunft.</p>"),
    ],
)
def test_a_store_of_donations_for_newcomers_is_no_poverty(title: str, description: str) -> None:
    got = categorize(title, description).categories
    assert "poverty_homelessness" not in got
    assert "refugees_integration" in got


@pytest.mark.parametrize(
    ("title", "description"),
    [
        ("Spendenlager der Kleiderkammer", "<p>Kleidung für Bedürftige sortieren und ausgeben.</p>"),
        ("Sachspenden sortieren", "<p>Für Menschen mit wenig Geld in unserem Sozialkaufhaus.</p>"),
    ],
)
def test_donations_beside_a_plainer_poverty_word_stay_poverty(title: str, description: str) -> None:
    assert "poverty_homelessness" in categorize(title, description).categories


@pytest.mark.parametrize(
    ("title", "description", "setting"),
    [
        ("Hausaufgabenhilfe im Stadtteilzentrum", "<p>Du hilfst Grundschulkindern bei Mathe und Deutsch.</p>",
         "neighbourhood"),
        ("Hausaufgabenhilfe im Nachbarschaftshaus", "<p>Zweimal pro Woche mit Schulkindern lernen.</p>",
         "neighbourhood"),
        ("Schachtraining an der Realschule", "<p>Dienstags 14 bis 15:30 Uhr, Bretter stellen wir.</p>",
         "education"),
        ("Lesepatin in der Stadtbücherei", "<p>Kindern in der Grundschule vorlesen, einmal pro Woche.</p>",
         "culture"),
    ],
)
def test_a_place_after_a_task_of_another_field_is_its_setting(title: str, description: str, setting: str) -> None:
    assert setting not in categorize(title, description).categories


@pytest.mark.parametrize(
    ("title", "description", "kept"),
    [
        # the place names the people served: it stays the title's
        ("Besuchsdienst im Pflegeheim", "<p>Sie besuchen Bewohnerinnen und Bewohner.</p>", "seniors"),
        ("Gartenarbeit im Seniorenzentrum", "<p>Hochbeete bepflanzen mit den Bewohnern.</p>", "seniors"),
        ("Vorlesen im Kindergarten", "<p>Einmal pro Woche Bilderbücher anschauen.</p>", "children_youth"),
        # no field before the preposition: the place is the task's field
        ("Mitarbeit im Stadtteilzentrum", "<p>Tresendienst, Veranstaltungen, Aushänge.</p>", "neighbourhood"),
        ("Ehrenamtliche in der Stadtbibliothek", "<p>Medien einstellen, Lesungen betreuen.</p>", "culture"),
        # the place names the task's field too: a school garden is a garden, and a school's
        ("Hochbeete im Schulgarten anlegen", "<p>Mit der Garten-AG säen und ernten.</p>", "education"),
        # "*in" after a gender mark is a suffix, no preposition
        ("Übungsleiter*in Reha-Sport", "<p>Eine Gruppe nach dem Herzinfarkt anleiten.</p>", "health_care"),
    ],
)
def test_a_place_that_is_the_task_or_the_people_stays(title: str, description: str, kept: str) -> None:
    assert kept in categorize(title, description).categories


def test_setting_rules_read_from_the_word_lists() -> None:
    rules = setting_rules()
    assert {"im", "in", "an", "am"} <= rules.prepositions
    assert "seniors" in rules.served and "neighbourhood" not in rules.served
    assert "*" in rules.suffix_marks
