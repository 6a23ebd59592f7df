"""Review findings on the merged category round (t14-catfix): each a rule of the language, with the cases that must
keep working. Read with the rules alone, so a stale trained component neither hides nor causes a failure."""

from __future__ import annotations

import pytest

from nlu.api import parse_with_rules


@pytest.mark.parametrize(
    "text",
    [
        "What I don't like: seeing animals suffer. I want to help at a shelter",
        "What I can't stand - watching dogs being left alone. So I'd like to walk shelter dogs",
        "Was ich nicht mag: wenn Tiere leiden. Deshalb will ich ins Tierheim",
        "Was ich nicht ertragen mag: zu sehen, wie Tiere leiden. Ich will im Tierheim helfen",
        "Was ich nicht will: dass Hunde den ganzen Tag im Zwinger sitzen. Gassi gehen wäre schön",
    ],
)
def test_a_clause_after_a_colon_cue_rules_nothing_out(text: str) -> None:
    parsed = parse_with_rules(text)
    assert "animals" not in parsed.exclude_categories
    assert "animals" in parsed.categories


@pytest.mark.parametrize(
    "text",
    [
        "What I don't want: working with kids. Seniors would be nice",
        "Was ich nicht will: Kinder",
        "Ich will nicht: Kinder",
        "Was ich auf keinen Fall will: Kinder",
        "Was ich nicht will - Kinder. Lieber Senioren",
        "Was ich keinesfalls möchte – Jugendarbeit. Gern was mit Senioren",
        "What I don't want - kids. Rather seniors",
        "What I do not like – youth work",
    ],
)
def test_what_one_does_not_want_before_a_colon_or_dash_is_ruled_out(text: str) -> None:
    parsed = parse_with_rules(text)
    assert "children_youth" in parsed.exclude_categories
    assert "children_youth" not in parsed.categories


def test_a_dash_after_a_plain_no_still_answers_what_came_before() -> None:
    parsed = parse_with_rules("Kinder - nein, lieber Senioren")
    assert "children_youth" in parsed.exclude_categories and "seniors" in parsed.categories


@pytest.mark.parametrize(
    "text",
    [
        "Ich bin Musiker von Beruf und suche einen Kurs für Erste Hilfe, dann will ich im Sanitätsdienst helfen",
        "Bin Malerin, mache gerade einen Kurs für Sanitäter und möchte danach bei Einsätzen helfen",
        "I'm a musician and looking for a course in first aid, then I'd like to help at the ambulance service",
    ],
)
def test_taking_a_course_offers_nothing(text: str) -> None:
    parsed = parse_with_rules(text)
    assert "culture" not in parsed.categories
    assert "emergency_services" in parsed.categories


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Wir sind eine Yogagruppe und würden gern kostenlose Kurse für Geflüchtete anbieten", "sports"),
        ("Bin Musikerin und würde gern Workshops für Jugendliche im Jugendzentrum geben", "culture"),
        ("Bin Trainer und leite gern Kurse im Verein, Fußball vor allem", "sports"),
        ("I'm a painter and would like to teach free painting classes", "culture"),
    ],
)
def test_giving_classes_offers_the_field_one_teaches(text: str, field: str) -> None:
    assert field in parse_with_rules(text).categories


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Ich muss Sozialstunden machen, am liebsten in einer Grundschule", {"education"}),
        ("Brauche für die Schule ein Praktikum, gern an einer Grundschule", {"education"}),
        ("Suche einen Praktikumsplatz bei einer Förderschule", {"education"}),
        ("I need community hours and would like to do them at a primary school", {"education"}),
    ],
)
def test_a_school_after_a_wish_is_the_place_wanted(text: str, wanted: set[str]) -> None:
    assert wanted <= set(parse_with_rules(text).categories)


@pytest.mark.parametrize(
    "text",
    [
        "bin in der 8. Klasse an der Realschule und muss ein Sozialpraktikum machen, was mit Tieren",
        "Meine Schule verlangt 20 Sozialstunden, am liebsten im Tierheim",
    ],
)
def test_the_school_of_the_requirement_stays_the_writers(text: str) -> None:
    parsed = parse_with_rules(text)
    assert "education" not in parsed.categories and "animals" in parsed.categories
