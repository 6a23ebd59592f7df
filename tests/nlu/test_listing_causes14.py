"""Listing round t14-listings (issue 14, listings): causes of failure that recur across the listing sets' authors,
each tested with texts of its own (not from the labelled sets), the field wanted and the field that must stay out."""

from __future__ import annotations

import pytest

from nlu import categorize


@pytest.mark.parametrize(
    ("title", "description"),
    [
        # errands run for the people served are neighbourly help beside the people and the place the title names
        ("Begleiter*in für gehörlose Menschen", "<p>Du begleitest gehörlose Menschen bei Einkäufen.</p>"),
        ("Ehrenamt auf der Kinderkrebsstation", "<p>Aufgaben:</p><ul><li>Spielen mit kranken Kindern</li>"
         "<li>kleine Besorgungen für die Eltern</li></ul>"),
        ("Helfer*in im Seniorenstift Lindenhof", "<p>Sie leisten den Bewohnerinnen des Seniorenstifts Gesellschaft "
         "und übernehmen Besorgungen.</p>"),
        ("Volunteer at the palliative ward", "<p>You keep patients company and run errands for them.</p>"),
    ],
)
def test_errands_for_the_people_served_are_neighbourly_help(title: str, description: str) -> None:
    assert "neighbourhood" in categorize(title, description).categories


@pytest.mark.parametrize(
    ("title", "description"),
    [
        # shopping as a verb is a kitchen's or a trip's, not an errand for someone
        ("Kochteam im Jugendzentrum", "<p>Du planst das Mittagessen, gehst einkaufen und kochst mit den Jugendlichen."
         "</p>"),
        ("Ferienfreizeit: Betreuer*in", "<p>Wir fahren mit Kindern an die Ostsee. Einkaufen, Spielen, Baden.</p>"),
    ],
)
def test_shopping_for_a_kitchen_is_no_errand(title: str, description: str) -> None:
    assert "neighbourhood" not in categorize(title, description).categories
