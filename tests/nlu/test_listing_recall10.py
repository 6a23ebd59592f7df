"""Causes of the listing recall round t14-list10 (issue 14, listings): missed fields, each with sentences of its own,
not from the labelled sets, and the traps beside each cause."""

from __future__ import annotations

import pytest

from nlu import categorize, parse


@pytest.mark.parametrize(
    ("title", "description"),
    [
        # children or pupils named by their ages are the group served, under a title that names another field
        ("Trainer*in Schwimmen", "<p>Im Hallenbad trainiert unsere Schwimmabteilung Kinder ab 7 Jahren.</p>"),
        ("Vorleser*in in der Gemeindebücherei", "<p>Du liest Kindern von 3 bis 6 Jahren Bilderbücher vor.</p>"),
        ("Imker*in für den Lehrbienenstand", "<p>Zu uns kommen Schülerinnen und Schüler der 6. bis 8. Klasse.</p>"),
        ("Malwerkstatt im Kunstverein", "<p>Aufgaben:</p><ul><li>Malen mit Kindern im Alter von 5 bis 9</li></ul>"),
        ("Chess club coach", "<p>Every Tuesday we train children aged 8 to 12 in the town library.</p>"),
    ],
)
def test_children_named_by_their_ages_are_served(title: str, description: str) -> None:
    assert "children_youth" in categorize(title, description).categories


@pytest.mark.parametrize(
    ("title", "description"),
    [
        # children named in passing, among other groups, counted, or as the clients' own, have no age of their own
        ("Schachtrainer*in im Schachverein", "<p>Bei uns spielen Kinder, Erwachsene und Senioren Schach.</p>"),
        ("Tierpfleger*in im Tierheim", "<p>Im Sommer besuchen uns über 80 Kinder. Du pflegst Hunde und Katzen.</p>"),
        ("Trainer*in Schwimmen", "<p>Wir trainieren seit 1970 im Hallenbad. Dienstag ab 18 Uhr.</p>"),
    ],
)
def test_children_without_an_age_of_their_own_stay_in_the_share(title: str, description: str) -> None:
    assert "children_youth" not in categorize(title, description).categories


def test_children_with_ages_in_a_message_are_the_writers() -> None:
    # the ages of the writer's own children say who comes along, not what the writer wants to do
    parsed = parse("Ich habe zwei Kinder ab 6 Jahren und suche was mit Tieren in Kassel")
    assert "children_youth" not in parsed.categories


@pytest.mark.parametrize(
    ("title", "description"),
    [
        # a meeting place named international or welcoming is neighbourhood as well as integration
        ("Gastgeber*in im Internationalen Café", "<p>Jeden Freitag Kaffee, Kuchen und Gespräche.</p>"),
        ("Internationaler Garten: Beete anlegen", "<p>Am Fluss gärtnern Leute aus vielen Ecken.</p>"),
        ("Helping hands wanted", "<p>Our international café opens on Sundays; you serve tea and chat.</p>"),
        ("Küchenteam gesucht", "<p>Im internationalen Frauentreff kochst du einmal im Monat mit.</p>"),
    ],
)
def test_an_international_meeting_place_is_neighbourhood_too(title: str, description: str) -> None:
    categories = categorize(title, description).categories
    assert "neighbourhood" in categories
    assert "refugees_integration" in categories


@pytest.mark.parametrize(
    ("title", "description"),
    [
        # "international" alone (a team, a contest, a youth exchange) names no meeting place
        ("Helfer*in beim internationalen Jugendaustausch", "<p>Du betreust Gruppen aus Polen und Frankreich.</p>"),
        ("Kampfrichter*in beim internationalen Turnier", "<p>Judo-Turnier in der Stadthalle.</p>"),
    ],
)
def test_international_alone_is_no_meeting_place(title: str, description: str) -> None:
    assert "neighbourhood" not in categorize(title, description).categories
