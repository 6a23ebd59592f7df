"""Causes of the listing round t14-list7 (issue 14, listings), each with sentences of its own, not from the labelled
sets, and the traps beside each cause."""

from __future__ import annotations

import pytest

from nlu import categorize, parse


@pytest.mark.parametrize(
    ("title", "description"),
    [
        # a group named by an age of sixty or more is the seniors, in the title or a task
        ("Tanzgruppe für Frauen ab 60", "<p>Jeden Montag im Gemeindesaal, Musik und Bewegung.</p>"),
        ("Radtouren begleiten", "<p>Ihre Aufgaben:</p><ul><li>Touren für Männer über 65 Jahren planen</li></ul>"),
        ("Schachtreff leiten", "<p>Unsere Schachgruppe 70+ trifft sich dienstags im Vereinsheim.</p>"),
        ("Wandern mit 60 plus", "<p>Du planst Strecken und gehst vorneweg.</p>"),
    ],
)
def test_a_group_named_by_an_old_age_is_seniors(title: str, description: str) -> None:
    assert "seniors" in categorize(title, description).categories


@pytest.mark.parametrize(
    ("title", "description"),
    [
        # a number after "über" or "ab" that counts things, a young age, or money is no age group
        ("Vereinsarbeit im Hintergrund", "<p>Wir vermitteln an über 60 Vereine. Du pflegst die Ablage im Büro.</p>"),
        ("Spendenaktion im Sportverein", "<p>Spenden ab 60 Euro erhalten eine Quittung. Hilf beim Turnier.</p>"),
        ("Fußballtraining für Kinder ab 6", "<p>Du trainierst die Kleinen zweimal pro Woche.</p>"),
        ("Tierpflege auf dem Gnadenhof", "<p>Bei uns leben über 70 alte Pferde und Ziegen.</p>"),
    ],
)
def test_a_number_that_counts_things_is_no_age_group(title: str, description: str) -> None:
    assert "seniors" not in categorize(title, description).categories


def test_an_age_in_a_message_stays_the_writers() -> None:
    # the age rule is the listing's: a message saying the writer is over sixty asks for nothing about seniors
    assert "seniors" not in parse("Ich bin über 60 und suche was mit Tieren in Kassel").categories


@pytest.mark.parametrize(
    ("title", "description"),
    [
        # a meeting place named international is where newcomers and locals meet
        ("Gastgeber*in im Internationalen Café", "<p>Jeden Freitag Kaffee, Kuchen und Gespräche.</p>"),
        ("Beete anlegen im Internationalen Garten", "<p>Am Fluss gärtnern Nachbarn aus vielen Ecken.</p>"),
        ("Helping hands for our International Garden", "<p>Weeding and watering on Saturdays.</p>"),
        ("Küchenteam gesucht", "<p>Das Café International öffnet sonntags, du kochst mit.</p>"),
    ],
)
def test_an_international_meeting_place_is_integration(title: str, description: str) -> None:
    assert "refugees_integration" in categorize(title, description).categories


@pytest.mark.parametrize(
    ("title", "description"),
    [
        # international contests, exchanges and expat families name no newcomers
        ("Helfer*in beim Turnier", "<p>Unser Verein richtet internationale Wettkämpfe im Judo aus.</p>"),
        ("Teamer*in für internationale Jugendbegegnung", "<p>Du begleitest Jugendliche beim Austausch.</p>"),
    ],
)
def test_international_alone_is_no_integration(title: str, description: str) -> None:
    assert "refugees_integration" not in categorize(title, description).categories


@pytest.mark.parametrize(
    ("title", "description"),
    [
        # minding the children while their parents attend a course: the course is the parents', not taught
        ("Kinderbetreuung während des Deutschkurses", "<p>Die Mütter lernen nebenan, du spielst mit den Kleinen.</p>"),
        ("Kinderbetreuer*in beim Integrationskurs", "<p>Aufgaben:</p><ul><li>Spielen und Basteln</li></ul>"),
    ],
)
def test_childcare_during_a_course_is_no_teaching(title: str, description: str) -> None:
    got = categorize(title, description).categories
    assert "children_youth" in got
    assert "education" not in got


def test_a_course_that_comes_with_childcare_is_still_taught() -> None:
    # "mit Kinderbetreuung" is what the course offers: the title's task is the course
    got = categorize("Kursleitung: Nähkurs für Mütter mit Kinderbetreuung", "<p>Du zeigst die Grundlagen.</p>")
    assert "education" in got.categories


@pytest.mark.parametrize(
    ("title", "description"),
    [
        # teenagers named as those the task serves count whatever the title says the task is
        ("Trainer*in Tischtennis", "<p>Aufgaben:</p><ul><li>Training für Jugendliche zweimal pro Woche</li></ul>"),
        ("Mentor*in Programmieren", "<p>Du zeigst Teenagern, wie man eine App baut, und hilfst beim Code.</p>"),
        ("Fußball im Wohnprojekt", "<p>Du trainierst mit unbegleiteten Minderjährigen auf dem Bolzplatz.</p>"),
    ],
)
def test_teenagers_served_are_youth(title: str, description: str) -> None:
    assert "children_youth" in categorize(title, description).categories


def test_teenagers_welcome_as_volunteers_are_no_field() -> None:
    # the volunteers described name no field: "Auch Jugendliche sind willkommen"
    got = categorize("Helfer*in im Tierheim", "<p>Du gehst mit Hunden Gassi. Auch Jugendliche sind willkommen.</p>")
    assert "children_youth" not in got.categories


def test_what_the_organisation_is_known_for_is_not_the_task() -> None:
    got = categorize(
        "Fahrer*in für den Mittagstisch",
        "<p>Der Arbeiter-Samariter-Bund ist vor allem für Rettungsdienst, Sanitätsdienst und Katastrophenschutz"
        " bekannt.</p><p>Aufgaben:</p><ul><li>Mittagessen zu älteren Menschen nach Hause bringen</li></ul>",
    )
    assert "emergency_services" not in got.categories
    assert "seniors" in got.categories


def test_a_clause_after_the_reputation_still_counts() -> None:
    # "bekannt" reaches to the dash: what follows it is the group itself
    got = categorize(
        "Übungsleiter*in gesucht",
        "<p>Unsere Stadt ist für ihr Theater bekannt – wir dagegen sind ein Sportverein mit Fußball und Turnen.</p>",
    )
    assert "sports" in got.categories
    assert "culture" not in got.categories


@pytest.mark.parametrize(
    ("title", "description"),
    [
        # pushing a wheelchair in a hospital or a care home is help there, not inclusion work
        ("Lots*in im Klinikum", "<p>Sie zeigen Patienten den Weg und schieben auch mal einen Rollstuhl.</p>"),
        ("Ausflüge mit Bewohnern", "<p>Aufgaben:</p><ul><li>Rollstuhl schieben</li><li>Kaffee trinken</li></ul>"),
    ],
)
def test_a_wheelchair_pushed_is_no_inclusion(title: str, description: str) -> None:
    assert "disability_inclusion" not in categorize(title, description).categories


def test_people_in_a_wheelchair_are_inclusion() -> None:
    got = categorize("Helfende Hände fürs Sommerfest", "<p>Aufgaben:</p><ul><li>Gäste im Rollstuhl begleiten</li></ul>")
    assert "disability_inclusion" in got.categories
