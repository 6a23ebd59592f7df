"""Kinds of failure natural_dev31 showed that recur across authors (issue 14), in phrasings of their own.

Each test names the kind; the sentences are not from the labelled sets.
"""

from __future__ import annotations

import pytest

from nlu.api import parse_with_rules


@pytest.mark.parametrize(
    "text, part",
    [
        ("I'm off work from 9 am to 2 pm, something with kids?", "daytime"),
        ("free 11am-4pm on Mondays", "daytime"),
        ("I could help from 6 to 9 pm at a shelter", "evening"),
        ("any day after 3, maybe tutoring", "daytime"),
        ("Freitags 9 Uhr könnte ich in der Tafel helfen", "daytime"),
        ("Dienstags um 18 Uhr hätte ich Zeit", "evening"),
    ],
)
def test_clock_hours_say_the_part_of_the_day(text: str, part: str) -> None:
    assert part in parse_with_rules(text).time


@pytest.mark.parametrize(
    "text",
    ["after 5 years in Hamburg I moved to Kassel, anything with animals", "von 8 bis 10 am Samstag im Garten"],
)
def test_numbers_that_are_no_clock_set_no_part_of_the_day(text: str) -> None:
    time = parse_with_rules(text).time
    assert "evening" not in time
    assert "daytime" not in time


@pytest.mark.parametrize(
    "text, slot",
    [
        ("I tät am Samschdig gern im Tierheim helfa", "weekend"),
        ("Samschtigs hätt i Zeit für d'Feuerwehr", "weekend"),
        ("so ab und zua beim Umweltschutz mithelfa", "one_off"),
    ],
)
def test_swabian_and_bavarian_time_words(text: str, slot: str) -> None:
    assert slot in parse_with_rules(text).time


@pytest.mark.parametrize(
    "text",
    [
        "Ich würde gern Jugendliche zum Fußballtraining fahren",
        "happy to take blind people to football games",
    ],
)
def test_a_match_one_takes_people_to_is_no_wish_for_sports(text: str) -> None:
    assert "sports" not in parse_with_rules(text).categories


def test_the_sport_itself_stays_sports() -> None:
    assert "sports" in parse_with_rules("Ich möchte Jugendlichen Fußball beibringen").categories


@pytest.mark.parametrize(
    "text",
    [
        "Could I hand out water at fun runs in Dresden?",
        "I'd like to help marshal road races in Kassel",
        "beim Schulsportfest in Fulda mithelfen",
    ],
)
def test_races_and_sports_days_one_helps_at_are_sports(text: str) -> None:
    assert "sports" in parse_with_rules(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "Was mit Senioren am Tablet wäre schön, Leipzig",
        "I'd like to help older neighbours set up their smartphones",
        "Im Jugendhaus das WLAN einrichten, sowas kann ich",
        "help refugees get online",
    ],
)
def test_helping_people_with_their_devices_is_digital(text: str) -> None:
    assert "digital" in parse_with_rules(text).categories


def test_a_club_offering_wifi_is_no_digital_help() -> None:
    parsed = parse_with_rules("Im Café gibt es WLAN und Kuchen, ich würde gern beim Backen helfen")
    assert "digital" not in parsed.categories


@pytest.mark.parametrize(
    "text",
    [
        "Ich würde gern eine alte Frau aus der Nachbarschaft zum Einkaufen begleiten",
        "Besuche bei alten Gemeindemitgliedern, Kassel",
        "wat för de olen Lüüd in Aurich",
    ],
)
def test_old_people_in_more_forms_are_seniors(text: str) -> None:
    assert "seniors" in parse_with_rules(text).categories


def test_old_people_closing_a_clause_can_be_ruled_out() -> None:
    parsed = parse_with_rules("Nix mit Kindern und keine Alten, lieber Naturschutz in Gießen")
    assert "seniors" in parsed.exclude_categories
    assert "seniors" not in parsed.categories


def test_an_old_boys_team_is_no_wish_for_seniors() -> None:
    assert "seniors" not in parse_with_rules("Wir sind die Alten Herren vom TSV und wollen Bäume pflanzen").categories
