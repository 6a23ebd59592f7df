"""Times said against one's job and a single day given to a task (data/nlu/time.toml [work_hours] and [slots]
one_off; nlu/components/work_hours.py; the twelfth round of issue 14). Every sentence here is written for this test;
the rules are read without the trained component."""

from __future__ import annotations

import pytest

from nlu.api import parse_with_rules


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("Ich arbeite in der Kasseler Innenstadt bis 17 Uhr. Danach hätte ich Zeit für einsame Menschen", {"evening"}),
        ("arbeite bis 16 Uhr, danach hätte ich Zeit für Kinder, Jena", {"evening"}),  # the job's "bis 16" is no day
        ("meine Schicht geht bis 18:30, anschließend könnte ich im Tierheim helfen, Gera", {"evening"}),
        ("bin bis 12 Uhr im Büro, anschließend könnte ich bei der Tafel helfen", {"daytime"}),  # a morning job
        ("I work until 5pm, after that I could help at the animal shelter, Halle", {"evening"}),
        ("I'm at work until 5, after that I could help with kids", {"evening"}),  # "until 5" is no morning
        ("I work till 1 pm, afterwards I'm free for kids", {"daytime"}),
    ],
)
def test_the_time_after_the_job_is_the_free_time(text: str, slots: set[str]) -> None:
    assert set(parse_with_rules(text).time) == slots


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("Tafel Gera, bis 16 Uhr", {"daytime"}),  # no job: the hours are the wish's
        ("bis 17 Uhr hab ich Zeit, Tierheim Jena", set()),
        ("Ich arbeite bis 17 Uhr, hab also nur am Wochenende Zeit", {"weekend"}),  # no after word
        ("nach der Arbeit könnte ich im Tierheim helfen", {"evening"}),  # said already before this round
    ],
)
def test_hours_without_a_job_and_after_word_stay_as_they_were(text: str, slots: set[str]) -> None:
    assert set(parse_with_rules(text).time) == slots


@pytest.mark.parametrize(
    "text",
    [
        "Wir sind eine Klasse und suchen ein Projekt, wo alle einen Vormittag helfen können",
        "wir wollen als Verein einen Tag im Park Müll sammeln, Gotha",
        "einen ganzen Samstag beim Umzug der Tafel anpacken, Erfurt",
        "Our team would like to spend a Saturday helping at a shelter, Jena",
        "we could give one afternoon helping at the food bank, Halle",
    ],
)
def test_a_single_day_for_a_task_is_one_off(text: str) -> None:
    assert "one_off" in parse_with_rules(text).time


@pytest.mark.parametrize(
    "text",
    [
        "ich hab einen Nachmittag pro Woche frei, Kinder in Jena",  # repeated: regular
        "Ich kann einen Tag in der Woche helfen, Tafel Gera",
        "einen Tag im Monat Tafel Gera",
        "Ich hab nur einen Nachmittag Zeit pro Woche",
    ],
)
def test_a_day_repeated_stays_regular(text: str) -> None:
    got = parse_with_rules(text).time
    assert "regular" in got and "one_off" not in got


def test_a_day_that_is_past_is_no_wish() -> None:
    assert parse_with_rules("Ich war einen Tag krank, jetzt geht es wieder").time == ()


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("wir wollen als Verein einen Tag Müll sammeln, Gotha", "environment"),  # the day is when, the task the wish
        ("z.B. einen Tag im Wald aufräumen. Raum Gotha", "environment"),
        ("einen Nachmittag mit Kindern basteln, Erfurt", "children_youth"),
    ],
)
def test_the_task_after_a_single_day_stays_the_wish(text: str, field: str) -> None:
    got = parse_with_rules(text)
    assert "one_off" in got.time and field in got.categories
