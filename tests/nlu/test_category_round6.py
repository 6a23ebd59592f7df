"""Category round 6 (t14-cat6): old people said otherwise (the English "older folks", the adjective written as a noun,
the Hessian "alde Leut") and transport for people without a destination (people driven, a driver for a group's
outings, things brought to people's homes). Sentences written for these tests, none from a labelled set; read with
the rules alone, so a stale trained component neither hides nor causes a failure."""

from __future__ import annotations

import pytest

from nlu.api import parse_with_rules


def _categories(text: str) -> set[str]:
    return set(parse_with_rules(text).categories)


@pytest.mark.parametrize(
    "text",
    [
        "I could visit older folks on Sundays, near Kassel",
        "Würde gern den Alten im Viertel ein bisschen vorlesen",
        "Gibt es was mit anderen Alten? Ich bin selbst 75",
        "Isch dät gern de alde Leut in Offebach helfe",
    ],
)
def test_old_people_said_otherwise_are_seniors(text: str) -> None:
    assert "seniors" in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Im Alten Rathaus Führungen machen",  # a capitalised adjective before a noun names no people
        "alte Möbel restaurieren für einen Verein",
    ],
)
def test_old_things_are_no_old_people(text: str) -> None:
    assert "seniors" not in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ich hab ein Auto und könnte Menschen fahren, die nicht mehr selbst fahren können",
        "Würde gern als Fahrer für Ausflüge eines Seniorentreffs helfen",
        "I could be a driver for trips of a day centre",
        "Zeitungen zu Leuten bringen, die nicht mehr rauskommen",
    ],
)
def test_transport_for_people_is_neighbourly_help(text: str) -> None:
    assert "neighbourhood" in _categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Viele Leute fahren bei uns mit dem Rad, ich möchte Radwege sauber halten",
        "Bin LKW-Fahrer und suche was mit Tieren",
        "Ich fahre gern Fahrrad und will im Naturschutz helfen",
    ],
)
def test_driving_said_otherwise_is_no_transport_service(text: str) -> None:
    assert "neighbourhood" not in _categories(text)


@pytest.mark.parametrize(
    ("text", "seniors"),
    [
        ("Die alten Fenster streichen, in Kassel", False),  # an adjective before a thing
        ("die alten möbel reparieren", False),
        ("was für die alten im dorf tun", True),  # all in small letters, a preposition after it
        ("den alten vorlesen in fulda", True),
        ("ich würde gern den Alten vorlesen", True),  # the capitalised noun
    ],
)
def test_die_alten_are_old_people_only_as_a_noun(text: str, seniors: bool) -> None:
    assert ("seniors" in parse_with_rules(text).categories) is seniors
