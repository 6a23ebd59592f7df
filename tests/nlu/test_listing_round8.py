"""Causes of the listing round for listings_dev8 (issue 14, listings), one test group per cause. Texts of their own,
not from the labelled sets."""

from __future__ import annotations

import pytest

from nlu import categorize, parse


@pytest.mark.parametrize(
    ("title", "description"),
    [
        # civic roles: the town's arbitrator, the Hessian local court, a legal guardian for adults
        ("Schiedsfrau gesucht", "<p>Sie schlichten Streit, bevor er vor Gericht geht.</p>"),
        ("Mitarbeit im Schiedsamt", "<p>Die Gemeinde wählt Sie für fünf Jahre.</p>"),
        ("Ortsgerichtsschöffin für Grünberg", "<p>Unterschriften beglaubigen, Grundstücke schätzen.</p>"),
        ("Friedensrichter*in (ehrenamtlich)", "<p>Verhandlungen am Abend im Rathaus.</p>"),
        ("Ehrenamtliche rechtliche Betreuung übernehmen", "<p>Sie regeln Post und Konten für einen Menschen.</p>"),
    ],
)
def test_a_civic_role_is_neighbourhood(title: str, description: str) -> None:
    assert "neighbourhood" in categorize(title, description).categories


@pytest.mark.parametrize(
    ("title", "description"),
    [
        ("Lernbegleitung für Kinder mit Förderbedarf", "<p>Zwei Nachmittage pro Woche in der Grundschule.</p>"),
        ("Texte in Leichte Sprache übertragen", "<p>Prüfer*innen lesen jeden Text gegen.</p>"),
        ("Vorleser*in gesucht", "<p>Für Erwachsene mit Lernschwierigkeiten in unserer Wohngruppe.</p>"),
        ("Rechtliche Betreuer*innen gesucht", "<p>Für Menschen, die ihre Angelegenheiten nicht regeln können.</p>"),
    ],
)
def test_special_needs_and_easy_read_language_are_inclusion(title: str, description: str) -> None:
    assert "disability_inclusion" in categorize(title, description).categories


@pytest.mark.parametrize(
    ("title", "description"),
    [
        ("Chatberatung für junge Menschen", "<p>Du antwortest abends per Chat, wenn es jemandem schlecht geht.</p>"),
        ("Ehrenamt im Kummerchat", "<p>Schreib mit Jugendlichen, die Sorgen haben.</p>"),
    ],
)
def test_a_crisis_chat_is_health_care(title: str, description: str) -> None:
    assert "health_care" in categorize(title, description).categories


def test_a_misspelt_word_is_no_new_civic_or_care_word() -> None:
    """The new words stay out of typo matching where a writer's word is merely near them: "schiefe Bahn" is no
    arbitrator ("Schöffe" is no compound head), a "Grafikerin" says her job, not graphics wanted."""
    got = parse("bin ex-polizist, suche was mit jugendlichen die auf die schiefe bahn geraten").categories
    assert "neighbourhood" not in got
    assert "digital" not in parse("Ich bin Grafikerin und würde gern was im Theater machen").categories


@pytest.mark.parametrize(
    ("title", "description", "wrong"),
    [
        # the course volunteers attend before they start is no teaching, in the title as in the text
        ("Sterbebegleiter*innen – Befähigungskurs ab März", "<p>Sie besuchen Menschen im Hospiz.</p>", "education"),
        ("Hospizhelfer*in: Vorbereitungskurs startet", "<p>Begleitung Schwerkranker zu Hause.</p>", "education"),
        ("Feuerwehr: Grundausbildung für Quereinsteiger", "<p>Übungsabend jeden Dienstag.</p>", "education"),
        # a table laid for coffee is no food bank
        ("Kaffeetafel im Seniorenheim decken", "<p>Kuchen servieren und mit Bewohnern plaudern.</p>",
         "poverty_homelessness"),
        ("Festtafel beim Gemeindejubiläum", "<p>Tische eindecken und abräumen.</p>", "poverty_homelessness"),
    ],
)
def test_a_word_trap_names_no_field(title: str, description: str, wrong: str) -> None:
    assert wrong not in categorize(title, description).categories


def test_a_course_the_volunteer_gives_is_still_education() -> None:
    assert "education" in categorize("Computerkurs für Senior*innen leiten", "<p>Einmal pro Woche.</p>").categories


def test_the_agency_credit_line_names_no_field() -> None:
    """"Vermittelt durch: Freiwilligenagentur ..." names the agency that passes the listing on, not the task: not even
    when the listing says nothing else."""
    text = "<p>Vermittelt durch: Freiwilligenagentur Nordstadt</p><p>Bitte melden Sie sich telefonisch.</p>"
    assert "neighbourhood" not in categorize("Mach mit!", text).categories


@pytest.mark.parametrize(
    ("title", "description", "wrong"),
    [
        # the team described is who helps: its members' origins name no newcomers served
        ("Ausgabe in der Kleiderkammer", "<p>Kleidung annehmen. Im Team arbeiten Menschen aus vielen Ländern.</p>",
         "refugees_integration"),
        ("Ausgabe am Freitag", "<p>Lebensmittel an Bedürftige ausgeben. Im Team arbeiten Rentner und Studierende.</p>",
         "seniors"),
    ],
)
def test_the_team_described_is_no_field(title: str, description: str, wrong: str) -> None:
    assert wrong not in categorize(title, description).categories


def test_the_people_a_team_works_with_are_still_served() -> None:
    tags = categorize("Begleitung im Alltag", "<p>Unsere Helfer arbeiten mit Menschen aus vielen Ländern.</p>")
    assert "refugees_integration" in tags.categories


@pytest.mark.parametrize(
    ("title", "description", "wanted"),
    [
        # "from all over the world" said in English names newcomers, as "aus aller Welt" does
        ("Volunteers for our language café", "<p>Every Monday people from all over the world meet to chat.</p>",
         "refugees_integration"),
        # online roles: moderating an internet forum, making graphics
        ("Moderator*in für unser Online-Forum", "<p>Beiträge prüfen und Fragen beantworten.</p>", "digital"),
        ("Grafik für den Naturschutzbund", "<p>Plakate und Beiträge gestalten, von zu Hause.</p>", "digital"),
    ],
)
def test_an_idiom_or_an_online_role_names_its_field(title: str, description: str, wanted: str) -> None:
    assert wanted in categorize(title, description).categories


def test_a_forum_alone_is_a_venue() -> None:
    assert "digital" not in categorize("Einlass im Kulturforum", "<p>Karten abreißen bei Konzerten.</p>").categories


def test_a_primary_school_as_the_place_is_no_teaching() -> None:
    """A school named as where a club's group meets names education only beside a plainer word of it, as "Schule"
    already did: the chess group at a primary school is sport for children; reading with pupils there is education."""
    chess = categorize("Schach-AG an der Grundschule", "<p>Jeden Montag spielen 12 Kids mit dir Schach.</p>")
    assert "education" not in chess.categories
    assert {"sports", "children_youth"} <= set(chess.categories)
    reading = categorize("Lesepat*in an der Grundschule", "<p>Einmal pro Woche mit Kindern lesen.</p>")
    assert "education" in reading.categories
