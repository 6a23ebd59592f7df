"""Listing categories as agencies write them (issue 14): the false friends of long HTML listings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nlu import categorize, parse
from nlu.api import parse_with_rules
from nlu.evaluate_listings import evaluate_listings, report


@pytest.mark.parametrize(
    ("title", "description", "wrong"),
    [
        ("Küchenhilfe für unser Café", "<p>Du hilfst in der Küche beim Spülen.</p>", "animals"),
        ("Hauswirtschaftshilfe", "<p>Unterstützung im Haushalt älterer Menschen.</p>", "animals"),
        ("Begleitung im Alltag", "<p>Herzlich willkommen bei uns! Wir suchen Begleiter für Senioren.</p>",
         "refugees_integration"),
        ("Vereinswebsite", "<p>Pflege der Homepage unseres Sportvereins, Fotos einstellen.</p>", "health_care"),
        ("Lesecafé", "<p>Du lernst nette Menschen kennen. Wir bieten Schulungen und Fortbildungen.</p>", "education"),
    ],
)
def test_listing_false_friends_are_no_category(title: str, description: str, wrong: str) -> None:
    assert wrong not in categorize(title, description).categories


def test_a_title_in_english_with_not_negates_nothing() -> None:
    assert categorize("Why Not? Jugendtreff sucht Unterstützung", "<p>Spiele mit Jugendlichen.</p>").categories[0] == (
        "children_youth"
    )


def test_the_scorer_counts_per_category(tmp_path: Path) -> None:
    rows = [
        {"title": "Tierheim: Hunde ausführen", "description": "<p>Gassi gehen</p>", "categories": ["animals"]},
        {"title": "Hausaufgabenhilfe", "description": "<p>Grundschulkinder</p>", "categories": ["education"]},
    ]
    scores = evaluate_listings([json.loads(json.dumps(row)) for row in rows])
    assert scores.listings == 2 and scores.overall.tp == 2
    assert scores.overall.fp == 1  # Hausaufgabenhilfe is children too, which the label leaves out
    assert scores.by_category["children_youth"].fp == 1 and scores.by_category["animals"].recall == 1.0
    assert "ms per listing" in report(scores)


@pytest.mark.parametrize(
    ("title", "description", "wanted", "wrong"),
    [
        ("Helfer*in im Heimattiergarten", "<p>Füttern und Gehege sauber halten.</p>", "animals", "environment"),
        ("Lebensmittelrettung", "<p>Wir holen übrig gebliebenes Brot bei Bäckereien ab.</p>", "environment",
         "emergency_services"),
        ("Coach für Bewerbungen", "<p>Du übst mit Arbeitssuchenden Vorstellungsgespräche.</p>", "education", "sports"),
    ],
)
def test_compound_heads_and_ambiguous_words_in_listings(title: str, description: str, wanted: str, wrong: str) -> None:
    categories = categorize(title, description).categories
    assert wanted in categories and wrong not in categories


@pytest.mark.parametrize(
    ("title", "description", "wanted"),
    [
        ("Willkommenspat*innen gesucht", "<p>Du begleitest neu angekommene Familien in den ersten Wochen.</p>",
         "refugees_integration"),
        ("Zeitzeugen-Café", "<p>Ältere erzählen, Jüngere schreiben die Geschichten auf.</p>", "culture"),
        ("Helfer*innen für das Dorffest", "<p>Aufbau, Kuchenstand, Abbau.</p>", "neighbourhood"),
        ("Therapeutisches Reiten", "<p>Du führst Pferde für Kinder mit Behinderung.</p>", "disability_inclusion"),
        ("Mitmach-Zirkus im Sommer", "<p>Einradfahren und Jonglieren mit Bällen und Keulen vormachen.</p>", "culture"),
        ("Kirchenführungen am Wochenende", "<p>Gäste durch das Kirchenschiff und die Krypta begleiten.</p>",
         "culture"),
        ("Artikel für Wikipedia verfassen", "<p>Quellen sichten und Einträge über unser Dorf ergänzen.</p>",
         "digital"),
        ("Podcast-Redaktion", "<p>Interviews im Viertel aufnehmen und schneiden.</p>", "digital"),
    ],
)
def test_listing_word_families(title: str, description: str, wanted: str) -> None:
    assert wanted in categorize(title, description).categories


def test_a_clubs_own_party_and_the_greeting_name_no_category() -> None:
    categories = categorize("Kassenwart*in im Turnverein", "<p>Herzlich willkommen! Du hilfst beim Vereinsfest.</p>")
    assert "neighbourhood" not in categories.categories and "refugees_integration" not in categories.categories


@pytest.mark.parametrize(
    ("title", "wanted", "denied"),
    [
        ("Hundebetreuung? Nein – Bäume pflanzen im Stadtpark!", "environment", "animals"),
        ("Sport? Nicht ganz: Vorlesen für Kinder", "children_youth", "sports"),
        ("Computer? No: help in the animal shelter", "animals", "digital"),
    ],
)
def test_a_title_that_asks_and_denies_names_only_what_follows(title: str, wanted: str, denied: str) -> None:
    found = categorize(title, "<p>Einmal im Monat, samstags.</p>").categories
    assert wanted in found
    assert denied not in found


def test_a_question_in_the_title_without_a_denial_still_counts() -> None:
    assert "animals" in categorize("Hunde? Ja, gern: Gassigehen mit Tierheimhunden", "<p>Samstags.</p>").categories


def test_the_rescue_of_a_thing_is_no_emergency_service() -> None:
    found = categorize("Rettung bedrohter Streuobstwiesen", "<p>Wir mähen, schneiden und pflanzen Bäume.</p>")
    assert found.categories == ["environment"]
    assert "emergency_services" in categorize("Rettung", "<p>Ausbildung im Rettungsdienst.</p>").categories


@pytest.mark.parametrize(
    ("title", "wanted"),
    [
        ("Nachhilfe in Englisch", "children_youth"),
        ("Schulweglotsen am Morgen", "children_youth"),
        ("Beratung zum Datenschutz für Vereine", "digital"),
        ("Helfer*in für unseren Weinberg", "environment"),
        ("Gedenken: Pflege von Kriegsgräbern", "culture"),
        ("Special Olympics: Helfer*innen beim Turnier", "disability_inclusion"),
    ],
)
def test_listing_word_families_of_the_fourth_listing_author(title: str, wanted: str) -> None:
    assert wanted in categorize(title, "<p>Wir freuen uns auf dich.</p>").categories


def test_tutoring_and_first_aid_duty_name_more_in_a_listing_than_in_a_message() -> None:
    assert set(categorize("Online-Nachhilfe Mathe", "<p>Für Klasse 5 bis 10.</p>").categories) == {
        "children_youth", "education"
    }
    # The rules read a message's tutoring as education alone. The learned component added the children most authors
    # label with it (40 of the 55 labelled messages naming Nachhilfe) from the fourteenth session's retrain; since the
    # sixteenth's (it adds at 0.5, chosen by the nested search, no longer 0.3) it leaves the bare message as the rules
    # read it, and a message naming the pupils is read with them by the rules themselves.
    assert parse_with_rules("Nachhilfe Mathe in Marburg").categories == ("education",)
    assert set(parse("Nachhilfe Mathe in Marburg").categories) == {"education"}
    assert set(parse("Nachhilfe Mathe für Schüler in Marburg").categories) == {"children_youth", "education"}
    assert "health_care" in categorize("Sanitätsdienst bei Stadtfesten", "<p>Samstags.</p>").categories
    assert "health_care" not in parse("Sanitätsdienst beim Roten Kreuz in Glauchau").categories


@pytest.mark.parametrize(
    ("title", "wanted", "wrong"),
    [
        ("Bühnentechnik für unser Amateurtheater", "culture", "digital"),
        ("Helfer*innen im Mitmachzirkus", "culture", None),
        ("Verkehrserziehung in der Grundschule", "education", None),
        ("Schreibwerkstatt im Stadtteilhaus", "culture", None),
    ],
)
def test_stage_technology_circus_safety_teaching_and_writing_workshops(
    title: str, wanted: str, wrong: str | None
) -> None:
    found = categorize(title, "<p>Einmal pro Woche am Nachmittag.</p>").categories
    assert wanted in found
    assert wrong is None or wrong not in found


@pytest.mark.parametrize("title", ["Repair-Café im Stadtteil", "Repaircafé sucht Tüftler*innen", "Unser Repair Café"])
def test_a_repair_cafe_listing_is_environment_and_neighbourhood(title: str) -> None:
    assert {"environment", "neighbourhood"} <= set(categorize(title, "<p>Jeden ersten Samstag.</p>").categories)


@pytest.mark.parametrize(
    ("title", "description", "wanted", "wrong"),
    [
        # a multi-generation house is where generations meet, not a seniors' home
        ("Küchenhilfe im Mehrgenerationenhaus", "<p>Du kochst mit uns für den offenen Mittagstisch im Haus.</p>",
         "neighbourhood", "seniors"),
        # relatives who care are relieved in health care, mostly of their old parents; not neighbourly help
        ("Telefonberatung für pflegende Angehörige", "<p>Du berätst pflegende Angehörige am Telefon.</p>",
         "seniors", "neighbourhood"),
        # "im Alltag" says when help happens, not what it is
        ("Sprachpatenschaft: Deutsch im Alltag", "<p>Du übst mit Geflüchteten Deutsch im Alltag.</p>",
         "refugees_integration", "neighbourhood"),
        # a therapy dog is an animal the volunteer trains, no therapy
        ("Hundetrainer:in für unser Therapiehunde-Team", "<p>Du trainierst Therapiehunde mit ihren Haltern.</p>",
         "animals", "health_care"),
        # the village is where the task is
        ("Ausgabe bei der Tafel im Dorf", "<p>Lebensmittel an Bedürftige ausgeben, Kisten packen.</p>",
         "poverty_homelessness", "neighbourhood"),
    ],
)
def test_settings_and_relatives_name_no_second_field(title: str, description: str, wanted: str, wrong: str) -> None:
    got = categorize(title, description).categories
    assert wanted in got
    assert wrong not in got


@pytest.mark.parametrize(
    ("title", "description", "wanted"),
    [
        ("Spielplatzpat*in gesucht", "<p>Du schaust regelmäßig nach dem Spielplatz und meldest Schäden.</p>",
         "neighbourhood"),
        ("Bahnhofsmission: Umsteigehilfe", "<p>Du begleitest Reisende am Bahnhof zum Anschlusszug.</p>",
         "neighbourhood"),
        ("Rettungsschwimmer:in am Baggersee", "<p>Wachdienst am Wochenende.</p>", "sports"),
        ("Chat-Berater:in für junge Menschen", "<p>Du antwortest abends auf Nachrichten von Jugendlichen.</p>",
         "health_care"),
        ("Fotograf:in für unseren Tierschutzverein", "<p>Du fotografierst unsere Hunde für die Vermittlung.</p>",
         "digital"),
        ("Trainer:in für den Kanuverein", "<p>Paddeln mit Jugendlichen auf der Saale.</p>", "sports"),
        ("Willkommen bei den Paddlern", "<p>Du hilfst beim Bootshaus und bei Touren.</p>", "sports"),
    ],
)
def test_listing_word_families_of_several_listing_authors(title: str, description: str, wanted: str) -> None:
    assert wanted in categorize(title, description).categories



@pytest.mark.parametrize(
    "description",
    [
        "<p>Einmal im Monat kochen Menschen aus Syrien, Afghanistan und Deutschland zusammen.</p>",
        "<p>Im Kurs lernen Frauen aus 30 Ländern miteinander.</p>",
        "<p>Wir sortieren Spenden für Familien aus der Ukraine.</p>",
        "<p>We cook with people from many countries.</p>",
    ],
)
def test_people_named_by_the_countries_they_come_from_are_newcomers(description: str) -> None:
    assert "refugees_integration" in categorize("Gemeinsam anpacken", description).categories


def test_a_country_without_the_people_from_it_names_no_newcomers() -> None:
    assert "refugees_integration" not in categorize("Reisegruppe", "<p>Wir fahren im Mai nach Syrien.</p>").categories


def test_a_ride_to_the_doctor_is_neighbourly_help() -> None:
    got = categorize("Fahrdienst gesucht", "<p>Ältere Menschen ohne Auto brauchen eine Fahrt zum Arzt.</p>")
    assert "neighbourhood" in got.categories


def test_reading_aloud_is_education_for_children_and_company_for_others() -> None:
    children = categorize("Vorlesepat*in in der Kita", "<p>Du liest den Kindern einmal pro Woche vor.</p>")
    seniors = categorize("Vorlesen im Seniorenheim", "<p>Vorlesen für die Bewohner*innen, Zeitung und Geschichten.</p>")
    assert "education" in children.categories
    assert "education" not in seniors.categories
    assert "seniors" in seniors.categories


@pytest.mark.parametrize(
    ("title", "description", "wanted", "wrong"),
    [
        ("Notfallseelsorger*in werden", "<p>Du begleitest Menschen in den ersten Stunden nach einem Unglück.</p>",
         "emergency_services", "health_care"),
        ("Tafelrunde sucht Mitspieler", "<p>Spielenachmittag für Alt und Jung mit Brettspielen.</p>",
         "neighbourhood", "poverty_homelessness"),
        ("Kunst am Eingang", "<p>Du bemalst mit uns die Kreidetafel am Eingang.</p>",
         "culture", "poverty_homelessness"),
        ("Saatgutbibliothek betreuen", "<p>Samen sammeln, tauschen und verleihen.</p>", "environment", "culture"),
    ],
)
def test_word_traps_of_the_fifth_listing_author(title: str, description: str, wanted: str, wrong: str) -> None:
    got = categorize(title, description).categories
    assert wanted in got
    assert wrong not in got


@pytest.mark.parametrize(
    ("title", "description", "wanted"),
    [
        ("Tischtennis mit Parkinson", "<p>Du hilfst beim wöchentlichen Training der Gruppe.</p>", "health_care"),
        ("Bergwacht – Anwärter*in werden", "<p>Ausbildung in Bergrettung, Winterdienst an der Piste.</p>",
         "health_care"),
        ("Platzwart*in gesucht", "<p>Rasen mähen, Linien ziehen, Tore prüfen.</p>", "sports"),
        ("Heimatstube sucht Helfer", "<p>Öffnungszeiten am Sonntag betreuen.</p>", "culture"),
        ("Besuchspat*in für Menschen in der Notunterkunft", "<p>Du besuchst Bewohner*innen einmal pro Woche.</p>",
         "neighbourhood"),
    ],
)
def test_illnesses_ground_keepers_local_history_and_visitors(title: str, description: str, wanted: str) -> None:
    assert wanted in categorize(title, description).categories


def test_a_reading_cafe_is_culture() -> None:
    assert "culture" in categorize("Willkommen im Lesecafé", "<p>Bücher ausleihen, Kaffee ausschenken.</p>").categories
