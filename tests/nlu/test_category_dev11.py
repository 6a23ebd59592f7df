"""Category round for natural_dev11 (t14-cat11): the causes of its category failures, each a word family or a
construction, with sentences written for these tests (none from a labelled set). Read with the rules alone, so a
stale trained component neither hides nor causes a failure."""

from __future__ import annotations

import pytest

from nlu.api import parse_with_rules


def _categories(text: str) -> set[str]:
    return set(parse_with_rules(text).categories)


@pytest.mark.parametrize(
    "text",
    [
        "Bei uns im Dorf ist nichts los, gibts in der Nähe was mit Pferden?",
        "bei uns im ort gibt es keinen verein, ich mag tiere",
        "Wir leben auf dem Land, bei uns auf dem Dorf fehlt sowas. Was mit Tieren?",
    ],
)
def test_the_writers_village_with_bei_uns_is_home_not_neighbourly_help(text: str) -> None:
    assert _categories(text) == {"animals"}


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("ich möchte bei uns im Viertel alten Menschen helfen", {"seniors", "neighbourhood"}),
        ("Ich will was für die Dorfgemeinschaft tun", {"neighbourhood"}),
        ("gern was im Dorf, Nachbarschaftshilfe oder so", {"neighbourhood"}),
    ],
)
def test_a_village_or_quarter_wanted_stays_neighbourly_help(text: str, wanted: set[str]) -> None:
    assert _categories(text) == wanted


@pytest.mark.parametrize(
    "text",
    [
        "Asking for my dad, 72. He was a maths teacher. Maybe something with animals?",
        "my aunt is bored since she retired. She was a teacher for 30 years. She loves animals",
    ],
)
def test_a_past_job_of_the_person_one_asks_for_is_who_they_are(text: str) -> None:
    assert _categories(text) == {"animals"}


@pytest.mark.parametrize(
    "text",
    [
        "Our company (software, 120 staff) is looking for a day of volunteering outdoors, cleaning a river",
        "Unsere Firma (IT-Dienstleister) sucht einen Tag im Grünen, Müll sammeln im Wald",
    ],
)
def test_the_writers_employer_named_with_our_company_is_no_wish(text: str) -> None:
    assert _categories(text) == {"environment"}


def test_our_company_does_not_hide_what_the_team_wants_to_do() -> None:
    assert "digital" in _categories("Our company wants to help seniors with computers and smartphones")


@pytest.mark.parametrize(
    "text",
    [
        "We are new in Leipzig, our kids are 6 and 9. Something with nature on Sundays?",
        "Wir sind zu viert, die Kinder sind 4 und 10. Was mit Natur am Wochenende?",
    ],
)
def test_children_with_their_ages_in_a_sentence_are_ones_own(text: str) -> None:
    assert _categories(text) == {"environment"}


def test_children_to_help_with_a_number_after_them_stay_wanted() -> None:
    assert "children_youth" in _categories("Ich möchte mit Kindern arbeiten, 3 Stunden pro Woche")


@pytest.mark.parametrize(
    "text",
    [
        "I came here from Syria in 2016 and want to help people from my country who just arrived",
        "Ich bin aus Afghanistan und möchte Frauen aus meiner Heimat bei Terminen begleiten",
        "I want to support families from our home country in Halle",
    ],
)
def test_people_of_ones_own_country_are_newcomers_to_help(text: str) -> None:
    assert "refugees_integration" in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "I would like to teach Ukrainian children to play chess",
        "Gibt es was, wo ich mit Ukrainian kids Fußball spielen kann?",
    ],
)
def test_newcomers_children_named_as_one_phrase_are_children_too(text: str) -> None:
    found = _categories(text)
    assert {"children_youth", "refugees_integration"} <= found


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Wir stricken Mützen für Frühchen, gibt es so eine Gruppe in Jena?", "health_care"),
        ("I'd like to support teenagers with trauma, I studied psychology", "health_care"),
        ("traumatisierten Menschen zuhören, das könnte ich", "health_care"),
        ("Mich interessiert Stadtentwicklung, Bürgerbeteiligung und so", "neighbourhood"),
        ("I'd love to help make my town more accessible for people in wheelchairs", "disability_inclusion"),
        ("something with accessibility, e.g. checking websites of clubs", "disability_inclusion"),
    ],
)
def test_word_families(text: str, field: str) -> None:
    assert field in _categories(text)


def test_an_accessible_place_is_a_need_not_a_field() -> None:
    assert _categories("I use crutches, so it must be somewhere accessible. I like animals") == {"animals"}


@pytest.mark.parametrize(
    "text",
    [
        "Our class 8c has a Projekttag in May and wants to clean up a park",
        "wir sind eine 7. Klasse und haben einen Sozialtag, wir würden gern Müll sammeln, ca 20 Schüler",
    ],
)
def test_a_schools_project_or_social_day_is_why_the_class_asks(text: str) -> None:
    assert _categories(text) == {"environment"}


def test_a_project_day_somewhere_keeps_the_field_of_the_place() -> None:
    assert _categories("Mit meiner Klasse würde ich gern einen Projekttag im Altenheim machen") == {"seniors"}


@pytest.mark.parametrize(
    "text",
    [
        "Ich koche gern, vielleicht für Familien, die kaum Geld haben?",
        "irgendwo helfen wo menschen wenig geld haben, Essen ausgeben oder so",
        "I'd like to cook for people who have little money",
    ],
)
def test_people_said_to_have_little_money_are_poverty_work(text: str) -> None:
    assert "poverty_homelessness" in _categories(text)


def test_the_writers_own_lack_of_money_is_no_field() -> None:
    assert "poverty_homelessness" not in _categories("Ich habe wenig Geld, aber viel Zeit. Was mit Tieren?")


@pytest.mark.parametrize(
    "text",
    [
        "I fix cars for a living and can repair bikes too. Something with animals?",
        "Could I repair bicycles for refugees somewhere in Halle?",
    ],
)
def test_repairing_without_a_repair_cafe_is_no_neighbourly_help(text: str) -> None:
    assert "neighbourhood" not in _categories(text)


@pytest.mark.parametrize("text", ["Gibt es ein Repair Café in Gera?", "repair cafe in Jena?", "Repair-Café Suhl"])
def test_the_repair_cafe_keeps_both_fields(text: str) -> None:
    assert _categories(text) == {"neighbourhood", "environment"}


def test_a_relative_named_for_a_condition_is_who_they_are() -> None:
    assert _categories("Meine Tochter ist Autistin und sucht etwas Ruhiges mit Tieren") == {"animals"}


def test_people_with_the_condition_to_help_stay_wanted() -> None:
    assert "disability_inclusion" in _categories("Ich würde gern Autisten im Alltag begleiten")


def test_a_dialect_word_is_no_slip_of_a_premature_baby() -> None:
    assert "health_care" not in _categories("Isch bin Frührendner und mach gern Fußball mit de Gleen")


@pytest.mark.parametrize(
    "text",
    [
        "Die Älteren bei uns kommen nicht mehr zum Einkaufen, ich könnte mit dem Auto fahren",
        "Viele Nachbarn schaffen es nicht mehr allein zum Einkaufen, da würde ich helfen",
    ],
)
def test_what_others_can_no_longer_do_is_their_need_not_a_ruling_out(text: str) -> None:
    query = parse_with_rules(text)
    assert "neighbourhood" in query.categories
    assert "neighbourhood" not in query.exclude_categories


@pytest.mark.parametrize(
    "text",
    [
        "Ich würde gern Kindern Schwimmen beibringen, am Wochenende",
        "Could I teach teenagers to play basketball?",
        "Jugendlichen Klettern beibringen, das wär was",
    ],
)
def test_a_sport_taught_is_the_sport(text: str) -> None:
    found = _categories(text)
    assert "sports" in found
    assert "education" not in found


@pytest.mark.parametrize(
    "text",
    ["Ich möchte Kindern Schach beibringen", "Kindern Englisch beibringen und danach Fußball spielen"],
)
def test_a_subject_taught_stays_education(text: str) -> None:
    assert "education" in _categories(text)
