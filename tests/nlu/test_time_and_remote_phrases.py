"""Time and remote phrases of the slots round (issue 14): counts of parts of the day per week, a weekend asked about
in general, night shifts offered, a day's morning, project days; a phone or laptop as the way to help, and "no
preference" ruling nothing out. Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from nlu import parse


@pytest.mark.parametrize(
    "text",
    ["I could do a couple of mornings a week", "a few evenings a month would work", "ein paar Nachmittage im Monat"],
)
def test_a_few_parts_of_the_day_per_week_or_month_are_regular(text: str) -> None:
    assert "regular" in parse(text).time


def test_a_weekend_asked_about_in_general_is_no_one_off() -> None:
    assert parse("is there anything to do on a weekend in Gießen?").time == ("weekend",)


def test_one_single_weekend_is_a_one_off() -> None:
    assert set(parse("I can help on one weekend in May").time) == {"weekend", "one_off"}


@pytest.mark.parametrize("text", ["Nachtcafé für Obdachlose? Night shifts are okay for me", "Nachtschichten sind ok"])
def test_night_shifts_offered_are_evening(text: str) -> None:
    assert "evening" in parse(text).time


def test_night_shifts_one_works_are_no_time() -> None:
    assert parse("I work night shifts at the hospital and want to help with animals").time == ()


def test_a_days_morning_is_daytime() -> None:
    assert set(parse("jeden Samstag früh auf dem Markt helfen").time) == {"weekend", "daytime", "regular"}


@pytest.mark.parametrize(
    "text",
    ["Unsere Klasse sucht einen Projekttag im Tierheim", "any marathons that need helpers on race days?"],
)
def test_a_project_or_race_day_is_a_one_off(text: str) -> None:
    assert "one_off" in parse(text).time


@pytest.mark.parametrize(
    "text",
    [
        "Ich kann nicht mehr laufen, könnte aber am Telefon Senioren beraten",
        "Hausaufgabenhilfe, gern auch digital",
        "I can only help on my laptop",
    ],
)
def test_a_phone_a_laptop_or_digitally_offered_is_remote(text: str) -> None:
    assert parse(text).remote


def test_sitting_at_a_computer_at_work_is_not_remote() -> None:
    assert not parse("Ich sitze den ganzen Tag am Computer und will raus, gern mit Tieren").remote


def test_online_forms_are_a_topic_not_remote() -> None:
    assert not parse("I can help newcomers with online forms in Kassel").remote


def test_no_preference_rules_nothing_out() -> None:
    parsed = parse("Can I help a club in Jena or remotely? No preference for the topic.")
    assert parsed.remote
    assert parsed.exclude_categories == ()


@pytest.mark.parametrize("text", ["jedes zweite WE im Tierheim", "jeden 2. WE Sport"])
def test_every_second_weekend_in_short_is_weekend_and_regular(text: str) -> None:
    assert set(parse(text).time) == {"weekend", "regular"}
