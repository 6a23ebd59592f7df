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


@pytest.mark.parametrize(
    ("title", "description"),
    [
        ("Lotsin / Lotse für Neuzugewanderte",
         "<p>Aufgaben:</p><ul><li>Neu angekommene Familien zum Jobcenter und zur Ausländerbehörde begleiten</li>"
         "<li>Formulare gemeinsam ausfüllen</li></ul>"),
        ("Hilfe bei Anträgen für Geflüchtete",
         "Tätigkeiten:\n- Briefe vom Amt erklären\n- Termine bei Behörden gemeinsam wahrnehmen"),
        ("Paperwork buddy for refugees",
         "<p>Your tasks:</p><ul><li>Help newly arrived families fill in forms</li>"
         "<li>Go with them to appointments at the authorities</li></ul>"),
    ],
)
def test_paperwork_of_newcomers_is_integration_not_neighbourly_help(title: str, description: str) -> None:
    got = categorize(title, description).categories
    assert "refugees_integration" in got
    assert "neighbourhood" not in got


@pytest.mark.parametrize(
    ("title", "description"),
    [
        # the paperwork of anyone in the quarter stays neighbourly help
        ("Hilfe bei Anträgen und Formularen",
         "<p>Aufgaben:</p><ul><li>Nachbarinnen und Nachbarn beim Ausfüllen von Formularen helfen</li></ul>"),
        # newcomers named only in the organisation's blurb leave the task's paperwork neighbourly
        ("Formularhilfe im Stadtteilbüro",
         "<p>Über uns: Der Verein ist auch in der Flüchtlingshilfe aktiv.</p><p>Aufgaben:</p>"
         "<ul><li>Bei Anträgen und Briefen vom Amt helfen</li></ul>"),
    ],
)
def test_paperwork_without_newcomers_in_the_task_stays_neighbourhood(title: str, description: str) -> None:
    assert "neighbourhood" in categorize(title, description).categories


@pytest.mark.parametrize(
    ("title", "description", "absent"),
    [
        ("Kinderleicht helfen: Kassendienst im Museum", "<p>Die Kasse ist kinderleicht zu bedienen.</p>",
         "children_youth"),
        ("Hospizbegleitung – der nächste Ausbildungskurs beginnt im Mai",
         "<p>Sie begleiten schwerkranke Menschen und ihre Angehörigen.</p>", "education"),
    ],
)
def test_words_that_only_look_like_a_field(title: str, description: str, absent: str) -> None:
    assert absent not in categorize(title, description).categories


@pytest.mark.parametrize(
    ("title", "description", "kept"),
    [
        ("Spielenachmittage für Kinder", "<p>Mit Kindern im Grundschulalter basteln und spielen.</p>",
         "children_youth"),
        ("Kursleitung Deutschkurs für Geflüchtete", "<p>Einen Deutschkurs für Anfänger leiten.</p>", "education"),
    ],
)
def test_the_fields_beside_those_words_stay(title: str, description: str, kept: str) -> None:
    assert kept in categorize(title, description).categories


@pytest.mark.parametrize(
    ("title", "description", "field"),
    [
        ("Digitale Hausaufgabenhilfe für Grundschulkinder", "<p>Per Videoanruf bei Mathe und Deutsch helfen.</p>",
         "education"),
        ("Digitaler Deutschkurs für Geflüchtete", "<p>Einmal pro Woche abends eine Gruppe unterrichten.</p>",
         "refugees_integration"),
        ("Naturschutzberatung digital", "<p>Fragen von Gartenbesitzern zu Nistkästen und Wildblumen beantworten.</p>",
         "environment"),
    ],
)
def test_a_task_given_online_is_no_digital_work(title: str, description: str, field: str) -> None:
    got = categorize(title, description).categories
    assert field in got
    assert "digital" not in got


@pytest.mark.parametrize(
    ("title", "description"),
    [
        ("Digitale Sprechstunde im Bürgerhaus", "<p>Fragen zu Handy, Tablet und E-Mail beantworten.</p>"),
        ("Digitale Bildbearbeitung für unser Archiv", "<p>Alte Fotos scannen und ausbessern.</p>"),
        ("Seniorinnen digital fit machen", "<p>Älteren Menschen das Smartphone erklären.</p>"),
    ],
)
def test_digital_work_stays_digital(title: str, description: str) -> None:
    assert "digital" in categorize(title, description).categories


@pytest.mark.parametrize(
    ("title", "description", "field"),
    [
        ("Betreuer*in für die Ferienspielwoche", "<p>Spielstationen aufbauen und Ausflüge begleiten.</p>",
         "children_youth"),
        ("Ferienspieltage im Stadtteil", "<p>Eine Woche lang basteln, toben und Stockbrot backen.</p>",
         "children_youth"),
        ("Verstärkung für die Einsatzabteilung", "<p>Unsere Wehr rückt zu Bränden und Unfällen aus.</p>",
         "emergency_services"),
    ],
)
def test_holiday_games_and_the_active_division_name_their_fields(title: str, description: str, field: str) -> None:
    assert field in categorize(title, description).categories


@pytest.mark.parametrize(
    ("title", "description", "field"),
    [
        ("Schriftführer*in für den Vorstand",
         "<p>Unser Musikverein hat ein Blasorchester, eine Jugendkapelle und ein Jugendorchester.</p>"
         "<p>Aufgaben:</p><ul><li>Protokolle der Sitzungen schreiben</li><li>Konzerte mitplanen</li></ul>",
         "culture"),
        ("Öffentlichkeitsarbeit für den Förderverein",
         "<p>Der Förderverein unterstützt die Einsatzabteilung, die Jugendfeuerwehr und die Kinderfeuerwehr.</p>"
         "<p>Aufgaben:</p><ul><li>Berichte über Einsätze schreiben</li>"
         "<li>Fotos beim Tag der offenen Tür der Feuerwehr machen</li></ul>",
         "emergency_services"),
    ],
)
def test_a_youth_section_named_in_the_blurb_is_not_the_task(title: str, description: str, field: str) -> None:
    got = categorize(title, description).categories
    assert field in got
    assert "children_youth" not in got


@pytest.mark.parametrize(
    ("title", "description"),
    [
        ("Betreuer*in für die Jugendfeuerwehr",
         "<p>Unsere Wehr hat 40 Aktive.</p><p>Aufgaben:</p><ul><li>Übungsabende vorbereiten</li></ul>"),
        ("Helfer*in für unseren Verein",
         "<p>Wir sind ein Blasorchester.</p><p>Aufgaben:</p><ul><li>Die Proben der Jugendkapelle begleiten</li>"
         "<li>Noten für die Jugendkapelle kopieren</li></ul>"),
    ],
)
def test_a_youth_section_in_the_title_or_the_tasks_is_the_task(title: str, description: str) -> None:
    assert "children_youth" in categorize(title, description).categories
