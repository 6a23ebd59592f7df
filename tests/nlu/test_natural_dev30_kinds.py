"""Kinds of failure natural_dev30 showed that recur across authors (issue 14), in phrasings of their own.

Each test names the kind; the sentences are not from the labelled sets.
"""

from __future__ import annotations

import pytest

from nlu.api import parse_with_rules
from nlu.evaluate import main as evaluate_main


@pytest.mark.parametrize("text", ["Mittwochs ab 16 Uhr hätte ich Zeit", "Tuesdays after 4pm", "weekdays from 3 pm on"])
def test_four_in_the_afternoon_is_daytime(text: str) -> None:
    assert "daytime" in parse_with_rules(text).time


@pytest.mark.parametrize("text", ["after 4 years in Kassel I want to help", "ab 17 Uhr hätte ich Zeit"])
def test_other_numbers_and_later_hours_are_no_afternoon(text: str) -> None:
    assert "daytime" not in parse_with_rules(text).time


def test_low_german_weekend() -> None:
    assert parse_with_rules("Wat mit Hunnen, man blots an't Wekenend").time == ("weekend",)


def test_a_bavarian_verb_ending_is_no_typo_of_a_field() -> None:
    # "mithelfa" is "mithelfen" spoken; as a typo it came close to an education word
    assert parse_with_rules("I daad gern im Tierheim mithelfa").categories == ("animals",)


@pytest.mark.parametrize(
    "text",
    [
        "Unter der Woche null Zeit, am Wochenende gern was im Tierheim",
        "Long hours during the week, so weekends, something with animals",
    ],
)
def test_a_busy_week_is_no_time_offered(text: str) -> None:
    assert set(parse_with_rules(text).time) == {"weekend"}


@pytest.mark.parametrize(
    "text",
    [
        "Papa von zwei Kindern, Zeit hab ich nur wenn die im Kindergarten sind. Gern was mit Tieren",
        "alleinerziehend mit 3 Kindern, suche was im Naturschutz",
        "I'm a stay at home mum and my kid is in kita till noon, something with animals please",
    ],
)
def test_ones_own_children_and_their_day_care_are_no_wish(text: str) -> None:
    assert "children_youth" not in parse_with_rules(text).categories


def test_a_day_care_needing_help_stays_the_wish() -> None:
    got = parse_with_rules("Ich würde gern in einer Kita helfen, wenn die Leute brauchen")
    assert "children_youth" in got.categories


def test_a_role_at_work_after_the_age_is_the_writer() -> None:
    got = parse_with_rules(
        "Bin 31, Pflegefachfrau in der Uniklinik. Privat will ich nix mehr mit Pflege zu tun haben, lieber Tiere."
    )
    assert got.categories == ("animals",)
    assert got.exclude_categories == ("health_care",)


@pytest.mark.parametrize(
    "text",
    [
        "Ich könnte Töpfer-Workshops für Jugendliche geben",
        "I could run photography workshops for refugees",
        "Würde gern in einer Fahrradwerkstatt mit Kindern schrauben, so Workshops",
    ],
)
def test_a_workshop_beside_a_field_or_a_group_is_no_course(text: str) -> None:
    assert "education" not in parse_with_rules(text).categories


def test_a_workshop_alone_is_still_a_course() -> None:
    assert parse_with_rules("Ich würde gern Workshops geben, Frankfurt").categories == ("education",)


@pytest.mark.parametrize(
    "text",
    ["Bergwacht? Ich klettere seit 20 Jahren", "Mountain rescue? I've been climbing for years"],
)
def test_a_habit_of_years_is_what_one_brings(text: str) -> None:
    assert parse_with_rules(text).categories == ("emergency_services",)


def test_once_to_try_it_out_is_one_off() -> None:
    assert "one_off" in parse_with_rules("Beim Müllsammeln mitmachen, erstmal einmal zum Ausprobieren").time


def test_the_scorer_can_leave_the_trained_component_out(capsys: pytest.CaptureFixture[str]) -> None:
    assert evaluate_main(["--rules-only", "tests/nlu/data/heldout_d.jsonl"]) == 0
    assert "all slots right" in capsys.readouterr().out


def test_graffiti_is_street_art() -> None:
    assert "culture" in parse_with_rules("Graffiti-Projekt mit Jugendlichen im Jugendhaus, Kassel").categories
