"""Bounds of the session-16 rules on what ties the writer, found by review 1 (branch s16-fix1): a statement that
drops its subject is no question, caring for a relative only as a verb of one's own, brackets describing one's own
group only, appositions without a verb, little German only of one's own. Sentences of their own, not the labelled
sets'."""

from __future__ import annotations

import pytest

from nlu.api import parse_with_rules


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Haben eine Katze und möchten gern bei der Tafel helfen, Dessau", "animals"),
        ("Wir sind Rentner. Haben einen Garten und suchen was mit Hunden in Jena", "environment"),
        ("Haben ein Pferd und möchten bei der Tafel helfen, Zeitz", "animals"),
        ("Haben die Kinder jetzt in der Schule und möchten im Tierheim helfen, Zeitz", "children_youth"),
    ],
)
def test_a_statement_without_its_subject_is_no_question(text: str, wanted: str) -> None:
    assert wanted not in parse_with_rules(text).categories


def test_a_question_about_an_organisation_still_names_its_field() -> None:
    assert "animals" in parse_with_rules("Hat das Tierheim in Zeitz noch Bedarf? Wir hätten freitags Zeit").categories


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Ich würde gern wie mein Vater in der Pflege mithelfen, Dessau", "health_care"),
        ("I'd like to help with my dad in nursing, Halle", "health_care"),
    ],
)
def test_a_relative_as_model_or_company_leaves_the_care_wish(text: str, wanted: str) -> None:
    assert wanted in parse_with_rules(text).categories


def test_caring_for_ones_own_relative_is_still_no_field() -> None:
    categories = parse_with_rules("Weil ich meine Mutter pflege: nur Katzen, Gera").categories
    assert "health_care" not in categories and "animals" in categories


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Ich würde gern Müttern und ihrer Familie (meist mit Babys) beim Ankommen helfen, Gera", "children_youth"),
        ("Unser Verein (Tierschutz) braucht Leute, da würde ich gern helfen, Zeitz", "animals"),
    ],
)
def test_a_bracket_after_others_group_or_a_club_names_the_field(text: str, wanted: str) -> None:
    assert wanted in parse_with_rules(text).categories


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Wir, die am liebsten mit Hunden unterwegs sind, suchen was in Gera", "animals"),
        ("Ich, die schon lange gern mit Senioren arbeiten möchte, suche was in Zeitz", "seniors"),
    ],
)
def test_a_relative_clause_after_the_writer_is_the_wish(text: str, wanted: str) -> None:
    assert wanted in parse_with_rules(text).categories


def test_an_apposition_to_the_writer_still_names_who_writes() -> None:
    categories = parse_with_rules("Wir, die Jugendgruppe vom Sportverein, möchten Bäume pflanzen, Gera").categories
    assert "environment" in categories and "children_youth" not in categories


def test_so_before_an_adjective_is_no_sunday() -> None:
    assert "regular" not in parse_with_rules("Jede so kleine Spende an Zeit hilft dem Tierheim in Gera").time


def test_jeden_so_with_a_time_of_day_is_regular() -> None:
    assert "regular" in parse_with_rules("jeden so abends tierheim gera").time


def test_living_on_a_street_oneself_is_no_homelessness() -> None:
    text = "We live on the street next to the old library and would like to plant trees, Gera"
    assert "poverty_homelessness" not in parse_with_rules(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "The girls in our shelter struggle, their German is weak, I'd like to help them read",
        "Fächer: Englisch, Deutsch - wenig Zeit aber motiviert, Gera",
        "Happy to teach German - little groups or one to one, Halle",
    ],
)
def test_others_german_or_a_dash_before_other_words_is_not_the_writers_little_german(text: str) -> None:
    assert not parse_with_rules(text).needs_little_german


@pytest.mark.parametrize("text", ["Deutsch - wenig, Englisch gut, gern Tierheim Gera", "german is bad, dogs pls"])
def test_the_writers_own_little_german_stays(text: str) -> None:
    assert parse_with_rules(text).needs_little_german


def test_the_german_of_whom_one_writes_for_stays_little_german() -> None:
    text = "My dad moved here from Leeds. His German is basic. He'd enjoy a choir, Gera"
    assert parse_with_rules(text).needs_little_german
