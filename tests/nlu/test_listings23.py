"""Listing round of listings_dev23 (issue 14, branch listings23): kinds of wrong or missing categories that recur in the
listing sets of three or more authors, each tested with texts of its own (not from the labelled sets)."""

from __future__ import annotations

import pytest

from nlu import categorize


def test_food_a_food_bank_saves_from_the_bin_is_its_source_not_environment() -> None:
    categories = categorize(
        "Sortierhilfe am Donnerstag",
        "Unsere Tafel verteilt jede Woche Brot und Gemüse, die sonst weggeworfen würden. Du sortierst die Ware und "
        "packst Kisten.",
    ).categories
    assert categories == ["poverty_homelessness"]


def test_food_savers_who_name_no_poor_people_keep_environment() -> None:
    categories = categorize(
        "Abholer*in für Lebensmittelretter",
        "Wir holen bei Bäckereien ab, was sonst weggeworfen würde, und stellen es in den offenen Kühlschrank im Park.",
    ).categories
    assert "environment" in categories


def test_a_scoreboard_at_home_matches_is_the_club_s_sport_not_a_food_bank() -> None:
    categories = categorize(
        "Zeitnehmer*in gesucht", "Bei unseren Heimspielen in der Sporthalle bedienst du die Anzeigetafel."
    ).categories
    assert categories == ["sports"]


def test_home_matches_name_the_club_s_sport() -> None:
    assert "sports" in categorize("Grillteam", "Bei den Heimspielen am Sonntag grillen wir Würstchen.").categories


@pytest.mark.parametrize(
    "title", ["Jugendtrainer*in Tischtennis", "Nachwuchstrainerin gesucht", "Kindertrainer für die Bambinis"]
)
def test_a_youth_coach_is_sports_and_children(title: str) -> None:
    categories = categorize(title, "Du leitest zweimal pro Woche eine Gruppe an.").categories
    assert {"children_youth", "sports"} <= set(categories)


@pytest.mark.parametrize(
    ("title", "description"),
    [
        ("Nähen für den Fundus", "Für unsere Sommeraufführungen ändern und flicken wir Kostüme."),
        ("Helfer*in hinter den Kulissen", "Du hilfst beim Umziehen zwischen den Szenen und hältst die Kostüme in "
         "Ordnung."),
        ("Dienst in der Bücherstube", "Sie verbuchen Bücher und beraten Leserinnen und Leser."),
    ],
)
def test_costumes_performances_and_a_bookroom_are_culture(title: str, description: str) -> None:
    assert "culture" in categorize(title, description).categories


def test_groups_listed_after_a_recruiting_word_are_the_volunteers() -> None:
    categories = categorize(
        "Streichaktion im Herbst",
        "Wir streichen zwei Räume neu. Wir suchen Eltern, Großeltern und alle, die gern anpacken.",
    ).categories
    assert "seniors" not in categories


def test_a_group_after_a_recruited_role_and_a_comma_is_still_served() -> None:
    categories = categorize(
        "Begleitung gesucht",
        "Wir suchen Ehrenamtliche, Senioren zu begleiten: zum Arzt, zum Einkaufen, auf einen Spaziergang.",
    ).categories
    assert "seniors" in categories


@pytest.mark.parametrize("word", ["Breitensportverein", "Breitensportvereine", "Breitensportgruppe"])
def test_sport_for_everyone_is_no_riding(word: str) -> None:
    assert set(categorize(f"Jugendtrainer*in im {word}", "").categories) == {"sports", "children_youth"}
