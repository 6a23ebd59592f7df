"""Words of two senses in listings (issue 14, listing round listing-cats): a title playing on "Tafel" or a bike
"workshop" is read by the sense the text names. Texts of their own, not from the labelled sets."""

from __future__ import annotations

import pytest

from nlu import categorize


@pytest.mark.parametrize(
    ("title", "description"),
    [
        ("Tafel? Ja – aber die aus Schiefer!",
         "<p>Im Heimatmuseum zeigst du Besuchern, wie man früher auf der Schiefertafel schrieb.</p>"),
        ("Tafel, Dame & Co.", "<p>Du erklärst an unserem Spieletisch alte Tafelspiele und kochst Kaffee.</p>"),
        ("Die Tafel im Klassenzimmer", "<p>Du hilfst Schülern der Abendschule beim Lernen für die Prüfung.</p>"),
    ],
)
def test_a_board_named_tafel_is_no_food_bank(title: str, description: str) -> None:
    assert "poverty_homelessness" not in categorize(title, description).categories


def test_the_food_bank_stays_a_food_bank() -> None:
    got = categorize(
        "Helfer*innen für die Tafel", "<p>Lebensmittel sortieren und an Menschen mit wenig Geld ausgeben.</p>"
    )
    assert "poverty_homelessness" in got.categories


def test_a_bike_workshop_is_no_course() -> None:
    got = categorize(
        "Volunteers for our bike workshop",
        "<p>Every Saturday neighbours bring their bikes and we show them how to fix brakes and punctures.</p>",
    )
    assert "education" not in got.categories


def test_a_workshop_without_repairs_stays_a_course() -> None:
    got = categorize("Workshopleitung: Graffiti für Jugendliche", "<p>Du leitest zwei Workshops im Jugendzentrum.</p>")
    assert "education" in got.categories


def test_a_workshop_teaching_to_ride_a_bike_stays_a_course() -> None:
    got = categorize("Workshop: Fahrradfahren lernen für Frauen", "<p>Du gibst im Workshop Fahrradunterricht.</p>")
    assert "education" in got.categories
