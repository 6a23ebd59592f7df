"""Causes of false listing categories recurring across the sixteen listing dev sets (issue 14, precision round of the
sixteenth session): the event a first-aid duty is done at, and the people one interviews. Texts of their own, not
from the labelled sets."""

from __future__ import annotations

import pytest

from nlu import categorize
from nlu.listing_rules import listing_rules
from nlu.listing_settings import setting_rules


@pytest.mark.parametrize(
    ("title", "description", "event"),
    [
        ("Sanitäter*innen beim Weinfest gesucht",
         "<p>Wir stellen die Sanitätswache für das Weinfest am Marktplatz. Erste Hilfe bei kleinen Verletzungen.</p>",
         "culture"),
        ("Erste Hilfe beim Halbmarathon",
         "<p>Unsere Helfer versorgen Blasen und Kreislaufprobleme an der Strecke.</p>", "sports"),
        ("Sanitätsdienst für das Sommerkonzert im Park",
         "<p>Du unterstützt unser Team vom Roten Kreuz mit deiner Sanitätsausbildung.</p>", "culture"),
        ("Sanitätsdienst bei Fußballturnier und Theaterabend",
         "<p>Wir versorgen Verletzte und rufen im Notfall den Rettungsdienst.</p>", "sports"),
    ],
)
def test_the_event_a_first_aid_duty_serves_is_not_its_field(title: str, description: str, event: str) -> None:
    got = categorize(title, description).categories
    assert event not in got
    assert "emergency_services" in got


@pytest.mark.parametrize(
    ("title", "description", "field"),
    [
        ("Helfer*innen für das Sommerkonzert im Park",
         "<p>Stühle aufstellen, Eintritt kassieren, die Bühne mit aufbauen.</p>", "culture"),
        ("Streckenposten beim Halbmarathon",
         "<p>Du zeigst den Läuferinnen und Läufern den Weg und reichst Wasser.</p>", "sports"),
    ],
)
def test_an_event_without_a_duty_before_it_keeps_its_field(title: str, description: str, field: str) -> None:
    assert field in categorize(title, description).categories


@pytest.mark.parametrize(
    ("title", "description"),
    [
        ("Stadtgeschichte erzählt: Mitarbeit im Erinnerungsarchiv",
         "<p>Wir sammeln Erinnerungen an die Zeit der Kohlegruben. Aufgaben: Interviews mit älteren Bergleuten "
         "aufzeichnen, Fotos scannen, Texte für die Ausstellung schreiben.</p>"),
        ("Podcast über unser Dorf",
         "<p>Du führst Interviews mit älteren Nachbarinnen über das Dorfleben früher und schneidest die Aufnahmen."
         "</p>"),
        ("Chronik-Team im Heimatverein",
         "<p>Deine Aufgaben: ältere Menschen befragen, Briefe und Fotos ordnen, die Chronik fortschreiben.</p>"),
    ],
)
def test_the_people_one_interviews_are_not_served(title: str, description: str) -> None:
    assert "seniors" not in categorize(title, description).categories


@pytest.mark.parametrize(
    ("title", "description"),
    [
        ("Besuche im Quartier",
         "<p>Deine Aufgaben: Gespräche mit älteren Nachbarinnen, gemeinsam Kaffee trinken, zuhören.</p>"),
        ("Spaziergänge im Viertel",
         "<p>Aufgaben: Spaziergänge mit älteren Menschen aus dem Wohnblock, Begleitung zum Einkaufen.</p>"),
    ],
)
def test_people_met_without_an_interview_stay_served(title: str, description: str) -> None:
    assert "seniors" in categorize(title, description).categories


def test_the_duty_event_and_interview_words_are_read_from_the_word_lists() -> None:
    settings = setting_rules()
    assert {"emergency_services"} <= settings.duties
    assert {"culture", "sports"} <= settings.events
    assert "beim" in settings.duty_prepositions
    assert "interview" in listing_rules().interview_words
