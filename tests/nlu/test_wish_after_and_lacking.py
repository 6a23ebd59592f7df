"""A wish said after what is wished ("Tiere wären schön") and people described by what they lack ("Menschen ohne
Deutsch", "Leute ohne Papiere", "people without a home"): both name the field wanted (issue 14, messages)."""

from __future__ import annotations

import pytest

from nlu import parse


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Ich bin Rentner, Kinder wären schön", "children_youth"),
        ("Bin seit Mai pensioniert, Hunde fände ich toll. Fulda", "animals"),
        ("Ich bin Student, Kinder oder Tiere wären echt super", "animals"),
        ("Ich bin Student, Kinder oder Tiere wären echt super", "children_youth"),
        ("Ich bin Hausfrau, Senioren würden mich interessieren", "seniors"),
        ("I'm retired, gardening would be lovely", "environment"),
        ("I'm a student in Jena, kids would be great", "children_youth"),
    ],
)
def test_a_wish_after_a_self_description_names_the_field(text: str, category: str) -> None:
    assert category in parse(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "Ich habe zwei Kinder, die fänden es toll, wenn ich was mit Tieren mache",
        "Meine Enkel wären begeistert, wenn ich im Tierheim helfe",
    ],
)
def test_ones_own_family_stays_ones_own_before_a_wish(text: str) -> None:
    assert "children_youth" not in parse(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "Wo kann ich Leuten ohne Deutschkenntnisse helfen?",
        "Ich möchte Familien ohne Deutsch bei Behördengängen unterstützen, Gießen",
        "Würde gern Frauen, die kaum Deutsch sprechen, begleiten",
    ],
)
def test_people_without_german_one_helps_are_newcomers_not_the_writer(text: str) -> None:
    parsed = parse(text)
    assert "refugees_integration" in parsed.categories
    assert not parsed.needs_little_german


@pytest.mark.parametrize(
    "text",
    [
        "Gibt es was für Leute mit wenig Deutsch, die helfen wollen?",  # the writer's kind, who help
        "Gibt es in Jena was für Leute ohne Deutsch, um mitzuhelfen?",
        "is there anything in Gera for people who dont speak german to help at a food bank?",
        "Ich spreche kein Deutsch, kann ich trotzdem helfen?",
    ],
)
def test_the_writers_own_little_german_stays_theirs(text: str) -> None:
    assert parse(text).needs_little_german


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Beratung für Menschen ohne Papiere in Leipzig", "refugees_integration"),
        ("I want to support people without papers, Kassel", "refugees_integration"),
        ("Suppe kochen für Leute ohne Zuhause, Erfurt", "poverty_homelessness"),
        ("I'd like to help people without a home in Dresden", "poverty_homelessness"),
        ("Was für Menschen ohne Dach über dem Kopf tun", "poverty_homelessness"),
    ],
)
def test_people_without_papers_or_a_home_name_the_field(text: str, category: str) -> None:
    assert category in parse(text).categories


def test_being_without_a_home_oneself_is_no_wish() -> None:
    parsed = parse("Ich bin seit März ohne Wohnung und suche trotzdem ein Ehrenamt mit Tieren")
    assert parsed.categories == ("animals",)
