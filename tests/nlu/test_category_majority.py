"""Majority conventions (branch t14-conv): where the independent authors of the labelled message sets disagree, the
rules follow what most of them do (counted by author, not by message; see "Majority conventions" at the end of
tests/nlu/data/README.md). The rules alone are tested (`parse_with_rules`): the trained component learnt the old
readings until it is retrained. Every sentence here is written for this test, none is taken from a labelled set."""

from __future__ import annotations

import pytest

from nlu.api import parse_with_rules


def _categories(text: str) -> tuple[str, ...]:
    return parse_with_rules(text).categories


# A school beside another field is where that field's work happens, or where one's children are.
@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("Ich würde gern bei Elternabenden in der Schule für arabische Familien übersetzen", {"refugees_integration"}),
        ("Könnte in einer Schule das Pausenfrühstück für arme Kinder mit vorbereiten", {"poverty_homelessness"}),
        ("I could interpret for Afghan parents at school meetings", {"refugees_integration"}),
        ("Our ballet school could give free dance lessons to refugee girls", {"culture", "refugees_integration"}),
    ],
)
def test_a_school_beside_another_field_is_its_place(text: str, fields: set[str]) -> None:
    found = set(_categories(text))
    assert fields <= found
    assert "education" not in found


@pytest.mark.parametrize(
    "text",
    [
        "Ich möchte gern an einer Schule mithelfen, Raum Gießen",  # the school alone: still education
        "Nachhilfe an einer Schule für Geflüchtete",  # another word of teaching keeps it
        "I'd like to help out at a school in Kassel",
    ],
)
def test_a_school_alone_or_with_teaching_stays_education(text: str) -> None:
    assert "education" in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ich halte Bienen und würde Schulkindern gern zeigen, wie ein Bienenstock funktioniert",
        "Als Försterin könnte ich Kindern den Wald zeigen und erklären",
        "Ich bin Landwirt und möchte Schulklassen auf dem Hof vorführen, wie Käse entsteht",
    ],
)
def test_showing_children_ones_field_is_teaching(text: str) -> None:
    assert "education" in _categories(text)


def test_showing_old_people_a_phone_is_no_teaching_of_children() -> None:
    assert "education" not in _categories("Ich würde Senioren gern zeigen, wie man Fotos verschickt")


# An art taught is the art, as a sport taught is the sport; an instrument is taught like a subject.
@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Ich könnte Jugendlichen Fotografie beibringen", "culture"),
        ("Würde gern Senioren das Tanzen unterrichten", "culture"),
        ("I could teach painting to teenagers in the evenings", "culture"),
        ("Kindern das Töpfern näherbringen, das wäre schön", "culture"),
        ("Ich möchte Kindern Basketball beibringen", "sports"),
    ],
)
def test_an_art_or_sport_taught_is_that_field(text: str, field: str) -> None:
    found = _categories(text)
    assert field in found
    assert "education" not in found


@pytest.mark.parametrize(
    "text",
    [
        "Ich bin Pianistin und würde Kindern aus armen Familien gern Klavier beibringen",
        "I could teach guitar to refugee kids for free",
        "Ich würde gern Schülern Geschichte unterrichten",
        "Kindern Mathe beibringen, am Nachmittag",
    ],
)
def test_an_instrument_or_a_subject_taught_stays_education(text: str) -> None:
    assert "education" in _categories(text)


# Calls that keep lonely or old people company are a visit by phone.
@pytest.mark.parametrize(
    "text",
    [
        "Ich bin oft zuhause und könnte einsame Seniorinnen anrufen",
        "Würde gern einmal die Woche mit älteren Menschen telefonieren",
        "regular phone calls with isolated elderly people, from home",
        "I could spend evenings calling lonely seniors",
    ],
)
def test_phoning_old_or_lonely_people_is_neighbourly_company(text: str) -> None:
    assert "neighbourhood" in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ich kann gut telefonieren und Listen führen, gern im Tierheim",  # a skill, not company
        "Die Enkel rufen mich oft an, jetzt suche ich was mit Tieren",  # someone else's calls
        "I can take phone calls for the office of a football club",
        "Ich kann mit dem Handy telefonieren, suche was im Naturschutz",
    ],
)
def test_a_phone_named_otherwise_is_no_company(text: str) -> None:
    assert "neighbourhood" not in _categories(text)


# Building or mending the place's playground is work for the neighbourhood.
@pytest.mark.parametrize(
    "text",
    [
        "Der Spielplatz bei uns muss renoviert werden, da würde ich mit anpacken",
        "Ich bin Tischler und würde gern einen Spielplatz bauen",
        "Wir wollen den Spielplatz neben der Kirche reparieren",
        "I'd love to help build a playground in our village",
    ],
)
def test_building_a_playground_is_neighbourhood_work(text: str) -> None:
    assert "neighbourhood" in _categories(text)


def test_playing_with_children_at_a_playground_is_no_building() -> None:
    assert "neighbourhood" not in _categories("Ich würde gern mit Kindern auf dem Spielplatz toben")
