"""Kinds of failure that recur across authors (issue 14, writer21), in phrasings of their own: teaching older
people a digital skill is digital help, not schooling; the singular "Azubi" is the writer, not young people to help;
the days between Christmas and New Year are one-off time.

The sentences are not from the labelled sets.
"""

from __future__ import annotations

import pytest

from nlu.api import parse_with_rules


@pytest.mark.parametrize(
    "text",
    [
        "Ich könnte Rentnern beibringen, wie man mit dem Tablet Fotos verschickt. Baunatal",
        "happy to teach elderly people the basics of their new computer, Bad Vilbel",
        "Würde gern einen Smartphone-Kurs für Senioren geben, donnerstags in Pirna",
    ],
)
def test_a_digital_skill_taught_to_seniors_is_digital_help(text: str) -> None:
    assert set(parse_with_rules(text).categories) == {"digital", "seniors"}


@pytest.mark.parametrize(
    "text",
    [
        "I'd like to teach teenagers how to build apps, Offenbach",
        "Kindern Programmieren beibringen, Kassel",
    ],
)
def test_a_digital_skill_taught_to_the_young_stays_education(text: str) -> None:
    assert "education" in parse_with_rules(text).categories


def test_teaching_seniors_another_subject_stays_education() -> None:
    assert "education" in parse_with_rules("Ich würde Senioren gern Englisch beibringen, Kassel").categories


@pytest.mark.parametrize(
    "text",
    [
        "Moin, 19, Azubi bei der Sparkasse in Fulda, suche was mit Tieren am Wochenende",
        "Bäcker-Azubi aus Riesa, würde gern im Tierheim helfen",
    ],
)
def test_the_singular_azubi_is_the_writer(text: str) -> None:
    query = parse_with_rules(text)
    assert query.categories == ("animals",)
    assert "azubi" not in query.keywords


@pytest.mark.parametrize(
    "text", ["Ich möchte Azubis bei der Prüfungsvorbereitung helfen", "Pate für einen Azubi werden"]
)
def test_apprentices_one_helps_are_still_young_people_learning(text: str) -> None:
    assert {"children_youth", "education"} <= set(parse_with_rules(text).categories)


@pytest.mark.parametrize(
    "text",
    [
        "Hab nur zwischen Weihnachten und Neujahr Urlaub, vielleicht was bei der Tafel in Hanau?",
        "free between Christmas and New Year's Eve, any soup kitchen in Halle?",
        "Am Weihnachtstag würde ich gern im Obdachlosencafé in Plauen mithelfen",
    ],
)
def test_the_days_around_christmas_are_one_off(text: str) -> None:
    assert parse_with_rules(text).time == ("one_off",)
