"""Listing round t14-list12 (issue 14, listings): where a listing's volunteers take people is not what they give
them, a group its tasks name after a preposition is whom they serve, the technology of a stage is no digital work,
and an age joined with its word ("60plus", "Ü70") names seniors. Texts of their own, not from the labelled sets."""

from __future__ import annotations

import pytest

from nlu import categorize


@pytest.mark.parametrize(
    ("title", "description"),
    [
        # a visit to the doctor, in a word of its own, is where a ride or an escort goes
        ("Fahrer*in für Arzttermine", "<p>Mit dem Vereinsbus holst du Ältere zu Hause ab und bringst sie hin.</p>"),
        ("Mitfahrdienst zu Arztbesuchen", "<p>Viele Dörfer haben keinen Bus mehr. Fahrten nach Absprache.</p>"),
        ("Begleitung bei Arztbesuchen", "<p>Unsere Nachbarschaftshilfe sucht Menschen mit etwas Zeit.</p>"),
        # interpreting at the doctor's: the doctor beside the errand, also in a shared compound ("Arzt- und ...")
        ("Übersetzen bei Arzt- und Schulterminen", "<p>Du sprichst Farsi oder Dari.</p>"),
        ("Dolmetschpool: Einsätze bei Arzt- und Elterngesprächen", "<p>Du sprichst Tigrinya.</p>"),
        ("Dolmetschen beim Arzt", "<p>Familien aus der Ukraine brauchen Hilfe in der Sprechstunde.</p>"),
        ("Übersetzen bei Arztbesuchen", "<p>Einsätze per Telefon oder vor Ort, nach Absprache.</p>"),
        ("Interpreters for doctor appointments", "<p>Help families from Syria at the doctor.</p>"),
    ],
)
def test_a_visit_to_the_doctor_is_no_health_care(title: str, description: str) -> None:
    assert "health_care" not in categorize(title, description).categories


@pytest.mark.parametrize(
    ("title", "description"),
    [
        # care named beside the doctor keeps the field
        ("Begleitung von Krebspatient*innen zum Arzt", "<p>Du fährst mit und wartest in der Praxis.</p>"),
        ("Fahrdienst zur Dialyse und zu Arztterminen", "<p>Dreimal die Woche in die Dialysepraxis.</p>"),
        # interpreting in a hospital is care, whoever the volunteer talks to there
        ("Dolmetschen im Krankenhaus", "<p>Familien aus Syrien brauchen Hilfe bei Gesprächen mit Ärzten.</p>"),
    ],
)
def test_care_named_beside_the_doctor_stays(title: str, description: str) -> None:
    assert "health_care" in categorize(title, description).categories


_TREFF = "<p>Unser Treff liegt mitten im Viertel, mit Küche, Garten und Werkstatt.</p>"
_WANDERN = "<p>Der Wanderverein organisiert Touren im Taunus, pflegt Wanderwege und betreibt eine Hütte.</p>"
_SPORT = "<p>Der Verein hat Fußball, Handball, Turnen und Tennis.</p>"


@pytest.mark.parametrize(
    ("title", "description", "wanted"),
    [
        # the tasks section names whom the activity is for, after a preposition, however strong the title's field
        ("Wanderführer*in im Wanderverein", _WANDERN + "<p>Aufgaben:</p><ul><li>Touren planen</li>"
         "<li>Kurze Touren für Seniorinnen und Senioren des Wohnparks führen</li></ul>", "seniors"),
        ("Gartenarbeit im Gemeinschaftsgarten", "<p>Unser Garten hat Beete, Obstbäume und eine Kräuterspirale.</p>"
         "<p>Aufgaben:</p><ul><li>Beete anlegen zusammen mit den Senioren aus dem Wohnheim</li><li>Gießen</li></ul>",
         "seniors"),
        ("Backen im Nachbarschaftstreff", _TREFF + "<p>Ihre Aufgaben:</p><ul><li>Kuchen backen mit Senioren aus dem "
         "Viertel</li><li>Tische decken</li></ul>", "seniors"),
        # a group named by what its people live with follows the preposition after their noun
        ("Fußballtraining im Sportverein", _SPORT + "<p>Ihre Aufgaben:</p><ul><li>Training für Menschen mit "
         "Behinderung anleiten</li><li>Bälle und Tore aufbauen</li></ul>", "disability_inclusion"),
        ("Kinoabende im Filmclub", "<p>Unser Filmclub zeigt jeden Monat einen Klassiker.</p><p>Aufgaben:</p><ul>"
         "<li>Filme auswählen</li><li>Filmgespräche mit Menschen mit Sehbehinderung moderieren</li></ul>",
         "disability_inclusion"),
    ],
)
def test_a_group_the_tasks_serve_is_kept(title: str, description: str, wanted: str) -> None:
    assert wanted in categorize(title, description).categories


@pytest.mark.parametrize(
    ("title", "description", "wrong"),
    [
        # children in a task list are mostly guests of a museum or a garden, not whom it serves
        ("Führungen im Stadtmuseum", "<p>Das Museum zeigt die Geschichte der Tuchmacher.</p><p>Ihre Aufgaben:</p>"
         "<ul><li>Rundgänge für Kinder und Erwachsene</li><li>Kasse</li></ul>", "children_youth"),
        ("Pflanzaktion im Stadtpark", "<p>Der Park braucht neue Bäume.</p><p>Aufgaben:</p><ul><li>Bäume pflanzen</li>"
         "<li>Pflanzaktionen mit Kindern der Grundschule begleiten</li></ul>", "children_youth"),
        # a group the organisation serves, named without a preposition of the task, stays in passing
        ("Backen im Nachbarschaftstreff", "<p>Unser Treff ist offen für Senioren und Familien.</p><p>Ihre Aufgaben:"
         "</p><ul><li>Kuchen backen</li><li>Tische decken</li></ul>", "seniors"),
    ],
)
def test_a_group_only_beside_the_tasks_is_not_served(title: str, description: str, wrong: str) -> None:
    assert wrong not in categorize(title, description).categories


@pytest.mark.parametrize(
    ("title", "description"),
    [
        # in a listing whose title names a stage, technology is light and sound
        ("Licht und Technik für die Jugendtheatergruppe", "<p>Du bedienst das Lichtpult bei den Aufführungen.</p>"),
        ("Bühnenverein sucht Technik-Crew", "<p>Scheinwerfer hängen, Kabel legen, Mikrofone einpegeln.</p>"),
        ("Konzertreihe im Schlosshof: Tontechnik", "<p>Fünf Sommerkonzerte, Auf- und Abbau der Anlage.</p>"),
    ],
)
def test_the_technology_of_a_stage_is_no_digital_work(title: str, description: str) -> None:
    assert "digital" not in categorize(title, description).categories


@pytest.mark.parametrize(
    ("title", "description"),
    [
        # computing named in the word itself, or a stage the title does not name, stays digital
        ("Computertechnik für die Theatergruppe", "<p>Du betreust die Rechner im Büro und die Kartenkasse.</p>"),
        ("Technik-Team für den Bürgerfunk", "<p>Sendungen aufnehmen, schneiden und online stellen.</p>"),
    ],
)
def test_technology_off_the_stage_stays_digital(title: str, description: str) -> None:
    assert "digital" in categorize(title, description).categories


@pytest.mark.parametrize(
    "title",
    ["Handy-Sprechstunde 60plus", "Tanzen Ü-70: Übungsleitung gesucht", "Stammtisch für Ü65 – Gastgeber*in",
     "Radgruppe 65+ sucht Tourenleitung"],
)
def test_an_age_joined_with_its_word_names_seniors(title: str) -> None:
    assert "seniors" in categorize(title, "<p>Wir treffen uns jeden Dienstag im Gemeindehaus.</p>").categories


@pytest.mark.parametrize(
    "title", ["Trainer*in für die U17", "Spendenlauf: 60plus Kilometer für den Schulgarten"],
)
def test_a_joined_number_that_is_no_senior_age_is_none(title: str) -> None:
    assert "seniors" not in categorize(title, "<p>Wir treffen uns jeden Dienstag am Sportplatz.</p>").categories
