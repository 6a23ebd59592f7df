"""Review fixes of the tenth session: each test names a kind of failure, with sentences written for this test."""

from __future__ import annotations

import pytest

from nlu.api import categorize, parse_with_rules


@pytest.mark.parametrize(
    "text",
    [
        "suche nachhilfe in e",  # teaching takes a subject: "in E" is English, not Essen
        "hausaufgabenhilfe bio und chemie in f",
        "ich spiele gern fußball in d",  # a doing verb: "in d" says how or where within the activity
        "ich würde gern nachhilfe geben in m",
    ],
)
def test_a_lone_letter_after_an_activity_is_no_town(text: str) -> None:
    assert parse_with_rules(text).place is None


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("ich wohne in l, nachhilfe geben", "Leipzig"),  # a place-of-living cue makes it the town
        ("bin aus c und will nachhilfe machen", "Chemnitz"),
        ("suppenküche in l", "Leipzig"),  # an institution is somewhere: the letter is its town
    ],
)
def test_a_lone_letter_after_where_one_lives_or_an_institution_is_the_town(text: str, town: str) -> None:
    got = parse_with_rules(text)
    assert got.place is not None and got.place.name == town


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Helfer*innen im Gnadenhof", "Auf unserem Hof leben 70+ Pferde und Ponys. Du mistest aus und fütterst."),
        ("Übungsleitung Turnen", "Der Turnverein zählt 90 plus Mitglieder. Du leitest die Kinderturngruppe."),
        ("Lernhilfe", "Mehr als 60 % der Kinder sprechen zu Hause kein Deutsch. Du übst Lesen mit ihnen."),
        ("Lernhilfe", "Über 65 % der Kinder sprechen zu Hause kein Deutsch. Du übst Lesen mit ihnen."),
        ("Lesepat*in", "Termine ab 75 min, vormittags. Du liest Kindern in der Kita vor."),
        ("Bücherflohmarkt", "Mithelfen können Menschen über 65 genauso wie Schüler*innen. Du sortierst Bücher."),
    ],
)
def test_a_number_that_is_no_age_names_no_seniors(title: str, text: str) -> None:
    assert "seniors" not in categorize(title, text).categories


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Tanzcafé", "Wir suchen Begleiter*innen für unsere Tanzgruppe für Frauen ab 65. Du hilfst beim Ankommen."),
        ("Gymnastik", "Du leitest die Sportgruppe 70+, donnerstags im Gemeindehaus."),
    ],
)
def test_a_group_named_by_its_age_still_names_seniors(title: str, text: str) -> None:
    assert "seniors" in categorize(title, text).categories


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Tafel-Team", "Wir suchen Schüler*innen und Rentner, die samstags Lebensmittel sortieren."),
        ("Hundeausführer*innen", "Für unsere Tierauffangstation suchen wir Jugendliche ab 14, die gern draußen sind."),
        ("Umweltaktion", "We are looking for teenagers and adults who plant trees with us."),
    ],
)
def test_the_people_a_listing_recruits_are_not_those_it_serves(title: str, text: str) -> None:
    got = categorize(title, text).categories
    assert "children_youth" not in got and "seniors" not in got


def test_the_people_a_recruited_volunteer_helps_are_still_served() -> None:
    got = categorize("Lesepat*in", "Wir suchen Lesepaten für Kinder in der Grundschule.").categories
    assert "children_youth" in got


def test_people_who_seek_help_are_served() -> None:
    got = categorize("Besuchsdienst", "Ältere Menschen suchen Begleitung zum Einkaufen. Du besuchst sie zu Hause.")
    assert "seniors" in got.categories


def test_a_recruited_role_still_names_whom_it_serves() -> None:
    got = categorize("Vorlesen in der Kita", "Wir suchen Lesepat*innen, die einmal pro Woche vorlesen.").categories
    assert "children_youth" in got


@pytest.mark.parametrize(
    ("title", "text", "category"),
    [
        ("Garden helpers", "Our helpers work alongside young refugees in the garden.", "refugees_integration"),
        ("Werkstatt", "Unsere Ehrenamtlichen arbeiten neben Geflüchteten an der Werkbank.", "refugees_integration"),
    ],
)
def test_working_alongside_a_group_serves_it(title: str, text: str, category: str) -> None:
    assert category in categorize(title, text).categories


@pytest.mark.parametrize(
    ("text", "excluded"),
    [
        ("Hausaufgabenhilfe aber nicht mehr, das hab ich lang genug gemacht. Lieber Natur in Bonn", "education"),
        ("Seniorenheim aber nicht wirklich, war da schon Pflegerin. Tiere in Jena", "seniors"),
        ("Tierheim aber nicht so, hab selbst drei Hunde. Umwelt in Kiel", "animals"),
    ],
)
def test_a_contrast_with_an_adverb_after_it_still_rules_out_the_field_before(text: str, excluded: str) -> None:
    got = parse_with_rules(text)
    assert excluded in got.exclude_categories and excluded not in got.categories


def test_a_contrast_with_more_after_its_adverb_names_its_own_object() -> None:
    got = parse_with_rules("Naturschutz aber nicht so gern am Samstag, Erfurt")
    assert "environment" in got.categories


@pytest.mark.parametrize(
    "text",
    [
        "Hausaufgabenbetreuung für Kinder, die schlecht in Deutsch sind, Kassel",  # a relative clause after a group
        "Sprachcafé für Familien, die kaum Deutsch sprechen, in Fulda",
        "Lesepatenschaft für Kinder die schwach im Deutschen sind, Bonn",
    ],
)
def test_little_german_in_a_relative_clause_after_a_group_is_about_others(text: str) -> None:
    assert parse_with_rules(text).needs_little_german is False


def test_little_german_said_of_oneself_still_counts() -> None:
    assert parse_with_rules("Bin schlecht in Deutsch, suche was mit Kindern in Fulda").needs_little_german is True


@pytest.mark.parametrize(
    ("text", "keyword"),
    [
        ("hier ist die Suppenküche sicher was für mich, Gera", "suppenkueche"),  # a content word, not the writer's name
        ("hier ist die Bahnhofsmission bestimmt dankbar, möchte helfen in Celle", "bahnhofsmission"),
    ],
)
def test_here_is_the_thing_is_no_name(text: str, keyword: str) -> None:
    got = parse_with_rules(text)
    assert keyword in got.keywords and keyword not in got.writer_words


def test_graphics_in_a_craft_listing_is_no_computing() -> None:
    got = categorize("Druckwerkstatt", "Linolschnitt, Aquarell, Grafik und Radierung: Du hilfst im offenen Atelier.")
    assert "digital" not in got.categories


def test_graphics_beside_a_digital_word_is_computing() -> None:
    got = categorize("Öffentlichkeitsarbeit", "Du gestaltest Grafik für unsere Website und Social Media.")
    assert "digital" in got.categories


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Once, we collected clothes for a shelter. Now I want something weekly in Kiel", "one_off"),  # the past
        ("Meine Spätschicht geht auch bis Samstag, danach hab ich Zeit. Tiere in Jena", "evening"),  # one's own shift
        ("Mein Nachtdienst geht auch am Wochenende, Senioren in Gera", "evening"),
    ],
)
def test_the_past_or_ones_own_shift_is_no_time_offered(text: str, absent: str) -> None:
    assert absent not in parse_with_rules(text).time


def test_a_night_shift_offered_is_still_evening() -> None:
    assert "evening" in parse_with_rules("Nachtschicht geht auch, Bahnhofsmission in Gera").time


def test_once_with_a_wish_after_it_stays_one_off() -> None:
    assert "one_off" in parse_with_rules("I'd like to help once, I think at a food bank in Bonn").time


@pytest.mark.parametrize(
    ("text", "excluded"),
    [
        ("ich komm mit Senioren nicht so gut klar, lieber Umwelt in Gera", "seniors"),  # not getting on, any order
        ("wir können mit Tieren nicht gut, eher Kinder in Jena", "animals"),
        ("mit Computern komme ich nicht zurecht, lieber draußen in Kiel", "digital"),
    ],
)
def test_not_getting_on_with_something_rules_it_out(text: str, excluded: str) -> None:
    got = parse_with_rules(text)
    assert excluded in got.exclude_categories and excluded not in got.categories


def test_getting_on_well_rules_nothing_out() -> None:
    assert "children_youth" in parse_with_rules("ich kann gut mit Kindern, Jena").categories


def test_not_getting_on_with_the_verb_after_the_field() -> None:
    got = parse_with_rules("mit Jugendlichen komm ich nicht so gut klar, lieber Tiere in Gera")
    assert "children_youth" in got.exclude_categories
