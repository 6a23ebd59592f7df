"""Category round 4 (t14-cat4): word families and constructions the dev authors label alike, each with sentences
written for these tests (none from a labelled set). Read with the rules alone, so a stale trained component neither
hides nor causes a failure."""

from __future__ import annotations

import pytest

from nlu.api import parse_with_rules


def _categories(text: str) -> set[str]:
    return set(parse_with_rules(text).categories)


@pytest.mark.parametrize(
    "text",
    [
        "Ich würde gern einsamen Menschen Gesellschaft leisten, abends",
        "Mir ist nach der Trennung klar geworden, wie viele Leute allein sind. Ich will was gegen Einsamkeit tun",
        "Could I call lonely people once a week from home?",
        "Telefonieren mit Menschen, die einsam sind, das könnte ich",
    ],
)
def test_lonely_people_without_an_age_are_neighbourly_help(text: str) -> None:
    found = _categories(text)
    assert "neighbourhood" in found
    assert "seniors" not in found


@pytest.mark.parametrize(
    "text",
    [
        # (t14-conv) calls with them are a visit by phone and add neighbourhood: test_category_majority.py
        "Ich möchte etwas gegen Einsamkeit im Alter tun",
        "something against loneliness in old age, by phone",
    ],
)
def test_lonely_people_of_a_named_age_are_seniors(text: str) -> None:
    assert _categories(text) == {"seniors"}


def test_loneliness_beside_another_field_says_why_not_what() -> None:
    assert _categories("Bei der Tafel helfen wär schön, ich bin etwas einsam") == {"poverty_homelessness"}


def test_an_age_is_no_old_age() -> None:
    assert "seniors" not in _categories("Kinder im Alter von 6 bis 10 betreuen")


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Ich würde gern Nähkurse für Jugendliche anbieten", "children_youth"),
        ("Ich kann Computerkurse für Anfänger geben", "digital"),
        ("We'd love to give free Polish classes to kids", "children_youth"),
        ("Ich könnte Erste-Hilfe-Kurse im Jugendclub geben", "emergency_services"),
    ],
)
def test_a_course_one_gives_teaches(text: str, field: str) -> None:
    found = _categories(text)
    assert {"education", field} <= found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ich könnte im Sportverein Yogakurse geben", {"sports"}),
        ("Ich male gern und würde in der Kita Malkurse geben", {"children_youth", "culture"}),
        ("Ich kann 3 Stunden pro Woche geben, am liebsten im Tierheim", {"animals"}),
        ("Ich will keine Kurse geben, lieber was mit Tieren", {"animals"}),
    ],
)
def test_a_sports_or_art_course_and_hours_given_are_not_teaching(text: str, expected: set[str]) -> None:
    assert _categories(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Erste-Hilfe-Trainerin sucht was beim ASB",
        "Wer sucht Erste Hilfe Ausbilder für Jugendgruppen? Ich hätte abends Zeit",
        "Former first aid instructor, anything with the Red Cross?",
        "I could help with first aid classes for teens",
    ],
)
def test_teaching_first_aid_is_education_too(text: str) -> None:
    found = _categories(text)
    assert {"education", "emergency_services"} <= found
    assert "sports" not in found


@pytest.mark.parametrize(
    "text",
    [
        "Ich habe einen Erste-Hilfe-Kurs gemacht und will zum Sanitätsdienst",
        "Did a first aid course last spring, now I'd like to join a rescue team",
    ],
)
def test_a_first_aid_course_taken_is_no_teaching(text: str) -> None:
    assert "education" not in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'd like to help teenagers learn Spanish",
        "Could I help adults learn to read?",
        "happy to support pupils learning maths, online",
        "Ich möchte Erstklässlern beim Lesenlernen helfen",
        "Kindern mit Sprachproblemen beim Sprechenlernen helfen",
    ],
)
def test_helping_someone_learn_a_subject_teaches_it(text: str) -> None:
    assert "education" in _categories(text)


def test_learning_to_swim_stays_sport() -> None:
    assert _categories("I want to help kids learn to swim") >= {"sports"}
    assert "education" not in _categories("Ich will selbst schwimmen lernen und suche einen Verein")


@pytest.mark.parametrize(
    "text",
    [
        "Die Kinder sind groß, jetzt will ich was mit Tieren",
        "Meine Kinder sind längst ausgezogen und ich möchte im Tierheim helfen",
        "My kids are grown, I'd like to help at an animal shelter",
    ],
)
def test_children_grown_up_are_ones_own(text: str) -> None:
    assert _categories(text) == {"animals"}


@pytest.mark.parametrize(
    "text",
    [
        "Ich würde gern im Verein als Übungsleiterin für die Kleinen helfen",
        "Beim Schwimmtraining der Kleinen könnte ich mithelfen",
    ],
)
def test_die_kleinen_as_a_noun_are_children(text: str) -> None:
    assert {"children_youth", "sports"} <= _categories(text)


def test_kleinen_as_an_adjective_names_no_children() -> None:
    assert "children_youth" not in _categories("Wir möchten für die kleinen Vereine im Ort Flyer gestalten")


@pytest.mark.parametrize(
    "text",
    [
        "Skikurse für Jugendliche begleiten, Winterberg",
        "Boxtraining mit Jugendlichen im Stadtteil",
        "Ich würde Senioren gern Fahrradfahren auf dem E-Bike beibringen",
        "beim Skiclub in der Jugend helfen",
    ],
)
def test_skiing_boxing_and_cycling_are_sports(text: str) -> None:
    assert "sports" in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ich lebe in einem kleinen Dorf und möchte Kindern bei den Hausaufgaben helfen",
        "wohn in nem dorf bei Fulda und such was mit tieren",
        "We live in a village near Kassel and would like to help at a food bank",
    ],
)
def test_the_village_one_lives_in_is_no_neighbourly_help(text: str) -> None:
    assert "neighbourhood" not in _categories(text)


def test_children_who_live_in_a_home_are_still_wanted() -> None:
    assert "children_youth" in _categories("Ich möchte Kindern helfen, die im Heim leben")


def test_women_from_other_countries_are_newcomers() -> None:
    assert "refugees_integration" in _categories("Ich würde gern Frauen aus anderen Ländern beim Einkaufen begleiten")
