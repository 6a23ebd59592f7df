"""Causes of false listing categories found on listings_dev9 and checked on every listing dev set (issue 14, listing
round t14-list11), one test group per cause. Texts of their own, not from the labelled sets."""

from __future__ import annotations

import pytest

from nlu import categorize


@pytest.mark.parametrize(
    ("title", "description", "field", "other"),
    [
        (
            "Helfer*in in der Möbelbörse",
            "<p>Unser Kreisverband engagiert sich in Jugendarbeit, Seniorenbetreuung und Rettungsdienst.</p>"
            "<p><strong>Deine Aufgaben:</strong></p><ul><li>Möbel für Bedürftige annehmen und ausgeben</li>"
            "<li>Abholungen planen</li></ul>",
            "poverty_homelessness", "children_youth",
        ),
        (
            "Kassierer*in für den Förderverein",
            "<p>Der Förderverein unterstützt die Kita, den Seniorentreff und das Heimatmuseum im Ort.</p>"
            "<p><strong>Aufgaben:</strong></p><ul><li>Die Vereinskasse führen</li>"
            "<li>Spendenquittungen für Bedürftige ausstellen</li></ul>",
            "poverty_homelessness", "seniors",
        ),
        (
            "Volunteer for our clothes room",
            "<p>Our local branch runs youth groups, senior clubs and blood donation.</p>"
            "<p><strong>Your tasks:</strong></p><ul><li>Sort donated clothes for homeless people</li>"
            "<li>Help visitors find what they need</li></ul>",
            "poverty_homelessness", "seniors",
        ),
        (
            "Zeugwart*in gesucht",
            "Wir sind ein Tennisclub mit drei Jugendteams, einer Seniorenmannschaft und einer Gruppe für Menschen mit "
            "Behinderung.\n\nAufgaben:\n- Bälle, Netze und Schläger verwalten\n- Tennisplätze vor dem Training "
            "vorbereiten",
            "sports", "seniors",
        ),
        (
            "Austräger*in für das Pfarrblatt",
            "Die Pfarrei lädt zu Kindergottesdiensten, Seniorennachmittagen und Kirchenkonzerten ein.\n\n"
            "Tätigkeiten:\n• Das Pfarrblatt in der Nachbarschaft verteilen\n• Ab und zu Nachbarn zum Geburtstag "
            "besuchen",
            "neighbourhood", "culture",
        ),
    ],
)
def test_a_blurb_listing_the_organisations_other_work_names_no_field(
    title: str, description: str, field: str, other: str
) -> None:
    got = categorize(title, description).categories
    assert field in got
    assert other not in got


@pytest.mark.parametrize(
    ("title", "description", "kept"),
    [
        # a blurb naming few fields still names whom the listing serves
        (
            "Begleitung im Alltag",
            "<p>Wir begleiten ältere Menschen mit Demenz in ihrem Zuhause.</p><p><strong>Aufgaben:</strong></p>"
            "<ul><li>Spazieren gehen, vorlesen, zuhören</li></ul>",
            "seniors",
        ),
        # verbs in the blurb say what the volunteer joins, not a catalogue of nouns
        (
            "Mithilfe im Atelier für Menschen mit Demenz",
            "<p>Bei uns malen, töpfern und singen Menschen mit Demenz jede Woche zusammen.</p>"
            "<p><strong>Aufgaben:</strong></p><ul><li>Farben und Pinsel bereitlegen</li>"
            "<li>Gespräche und Musik</li></ul>",
            "culture",
        ),
        # a blurb that is all the listing says keeps its fields
        (
            "Offene Werkstatt für alle",
            "<p>Bei uns reparieren Nachbarinnen, Studierende und Geflüchtete gemeinsam Räder.</p>"
            "<p><strong>Aufgaben:</strong></p><ul><li>Besucher beim Schrauben anleiten</li></ul>",
            "refugees_integration",
        ),
        # no task heading: the text before it is the task, not a blurb
        (
            "Spielenachmittag im Gemeindehaus",
            "<p>Spielen mit Kindern, Senioren und Menschen mit Behinderung aus der Gemeinde.</p>"
            "<p>Wir treffen uns jeden Samstag.</p>",
            "disability_inclusion",
        ),
    ],
)
def test_the_blurb_keeps_what_it_says_of_the_task(title: str, description: str, kept: str) -> None:
    assert kept in categorize(title, description).categories
