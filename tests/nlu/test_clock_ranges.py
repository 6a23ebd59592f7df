"""A span of clock hours says the part of the day, as agencies and clubs write a task's hours."""

from __future__ import annotations

import pytest

from nlu.api import categorize, parse


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("dienstags zwischen 8 und 12 Uhr", {"weekday", "daytime"}),
        ("Lesepatin gesucht, von 9-12 Uhr", {"daytime"}),
        ("Samstags 10–13 Uhr im Tierheim", {"weekend", "daytime"}),
        ("Begleitung zwischen 18 und 21 Uhr", {"evening"}),
        ("zwischen 9:30 und 11 Uhr", {"daytime"}),
        ("Ausgabe 14–19 Uhr", {"daytime", "evening"}),
    ],
)
def test_a_span_of_hours_is_the_part_of_the_day_it_falls_in(text: str, time: set[str]) -> None:
    assert set(parse(text).time) == time


@pytest.mark.parametrize("text", ["2 und 3 Uhr", "vom 12.–14. Juli", "Mein Mann arbeitet von 8 bis 17 Uhr",
                                  "Tiere von 2 bis 4 Uhr"])
def test_no_span_of_the_clock_or_someone_elses_hours_set_none(text: str) -> None:
    assert not {"daytime", "evening"} & set(parse(text).time)


def test_the_job_hours_stay_the_job_and_the_time_after_them_is_free() -> None:
    assert set(parse("Ich arbeite von 8 bis 16 Uhr, danach hab ich Zeit").time) == {"evening"}


def test_a_listing_with_its_hours_gets_its_part_of_the_day() -> None:
    tags = categorize("Lesepat:in an der Grundschule", "Sie lesen mit Kindern der 2. Klasse, dienstags zwischen 8 und "
                      "12 Uhr.")
    assert "daytime" in tags.time and "evening" not in tags.time


def test_a_span_before_the_day_begins_says_no_evening() -> None:
    assert "evening" not in parse("Tierheim 5-7 Uhr morgens").time
