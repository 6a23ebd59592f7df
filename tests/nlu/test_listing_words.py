"""Field words inside other words (issue 14, branch listing-words): a verb in -ieren is no compound of "Tier", a
place's adjective and a compound ending as most place names do name a place, not a field; and every field word of
people is found in its feminine and gender-inclusive forms. Texts of their own, not from the labelled sets."""

from __future__ import annotations

import pytest

from nlu import categorize
from nlu.kernel.taxonomy import categories
from nlu.place_index import place_index
from nlu.vocabulary import categories_of


@pytest.mark.parametrize("word", ["kartieren", "assistieren", "einsortieren", "mitdiskutieren", "kartierten"])
def test_a_verb_in_ieren_is_no_animal(word: str) -> None:
    assert "animals" not in categories_of(word, "de")


@pytest.mark.parametrize("word", ["haustieren", "kleintieren", "nutztieren", "streicheltieren", "zootieren",
                                  "vermittlungstieren"])
def test_a_compound_of_tier_stays_an_animal(word: str) -> None:
    assert "animals" in categories_of(word, "de")


def test_mapping_plants_is_no_animal_work() -> None:
    text = "<p>Wir kartieren alte Obstbäume und bestimmen Sorten.</p>"
    categories = categorize("Streuobstwiesen kartieren", text).categories
    assert "animals" not in categories
    assert "environment" in categories


def test_a_places_adjective_names_no_field() -> None:
    assert place_index().is_town_adjective("odenwaelder")
    assert not place_index().is_town_adjective("lehrer")
    text = "<p>Du führst die Kasse des Vereins.</p>"
    categories = categorize("Kassenwart*in für den Odenwälder Heimatverein", text).categories
    assert "environment" not in categories


def test_a_compound_ending_as_place_names_do_is_a_place() -> None:
    assert "bach" in place_index().endings
    assert "heim" not in place_index().endings  # "Tierheim", "Pflegeheim" end so
    text = "<p>Wir holen einmal im Monat Müll aus dem Bach.</p>"
    categories = categorize("Müllsammeln am Krebsbach", text).categories
    assert "health_care" not in categories
    assert "environment" in categories


def _people_words() -> list[tuple[str, str]]:
    """Returns (category, word) for each taxonomy word of people in -er."""
    return [
        (category.key, word) for category in categories() for word in category.words
        if word.isalpha() and word.endswith("er") and len(word) > 5 and category.key in categories_of(word, "de")
    ]


@pytest.mark.parametrize("form", ["{}in", "{}innen", "{}_innen", "{}_in"])
def test_every_field_word_of_people_is_found_in_its_feminine_forms(form: str) -> None:
    missing = [
        (key, word) for key, word in _people_words() if key not in categories_of(form.format(word), "de")
    ]
    assert not missing


@pytest.mark.parametrize("title", ["Ersthelfer*innen gesucht", "Ersthelfer:innen gesucht", "Ersthelfer_innen gesucht",
                                   "ErsthelferInnen gesucht", "Bergretter*innen gesucht", "Bergretterinnen gesucht",
                                   "Helfer*innen für das Technische Hilfswerk", "Mitmachen beim Technischen Hilfswerk"])
def test_rescuers_in_every_form_are_emergency_services(title: str) -> None:
    assert "emergency_services" in categorize(title, "").categories


@pytest.mark.parametrize(
    ("title", "description"),
    [
        # a section for the young the organisation has, named in passing beside another task
        ("Küchenteam für das Vereinsheim", "<p>Unser Handballverein hat acht Jugendmannschaften und zwei "
         "Damenteams.</p><p>Du kochst an Spieltagen Suppe und verkaufst Kuchen.</p>"),
        ("Helfer*in im Katastrophenschutz", "<p>Mindestalter 18 Jahre. Für Jugendliche ab 12 gibt es die "
         "THW-Jugend.</p><p>Du lernst Pumpen und Stromerzeuger zu bedienen.</p>"),
        ("Kassenwart*in gesucht", "<p>Der Förderverein unterstützt die Feuerwehr und ihre Jugendfeuerwehr mit 40 "
         "Kindern und Jugendlichen.</p><p>Du führst die Kasse.</p>"),
    ],
)
def test_a_section_the_organisation_has_names_no_children(title: str, description: str) -> None:
    assert "children_youth" not in categorize(title, description).categories


@pytest.mark.parametrize(
    ("title", "description"),
    [
        # the section is what the task is for: named in the title, or in a sentence that seeks or speaks to one
        ("Co-Trainer*in für die E-Jugend", "<p>Wir haben eine E-Jugend mit 15 Kindern. Training ist dienstags.</p>"),
        ("Betreuer*in gesucht", "<p>Wir haben eine Jugendgruppe und suchen Betreuer*innen für die Gruppenstunden."
         "</p>"),
        ("Mithelfen im Verein", "<p>Es gibt bei uns eine Jugendgruppe, die du mit betreust.</p>"),
    ],
)
def test_a_section_the_task_is_for_stays_children_s_work(title: str, description: str) -> None:
    assert "children_youth" in categorize(title, description).categories


@pytest.mark.parametrize("word", ["weiberfastnacht", "fasnet", "fasnacht", "rosenmontagszug", "fastnachtsverein",
                                  "faschingsumzug", "karnevalsverein"])
def test_carnival_under_each_regional_name_is_culture(word: str) -> None:
    assert "culture" in categories_of(word, "de")
