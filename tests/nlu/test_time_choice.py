"""A day and a part of the day written together are one time; joined by "oder", "und", a slash or a comma they are
a choice of free times (ParsedQuery.time_either, nlu/components/time_choice.py). Own sentences, German and
English."""

from __future__ import annotations

import pytest

from nlu import parse


@pytest.mark.parametrize("text", [
    "Freitagabend beim Repair-Café in Marburg",
    "sonntags abends Gitarre im Jugendzentrum Gießen",
    "Am Wochenende abends könnte ich in Fulda bei der Tafel aushelfen",
    "am Samstag Abend Lesepate in Erfurt",
    "Friday evenings at a youth club in Jena",
    "weekend evenings, helping at a homeless shelter in Halle",
    "I could help on Sunday evening in Bonn with the choir",
    "jeden Samstagabend Fahrdienst in Göttingen",
    "Samstag und Sonntagabend beim Sportverein in Hanau",  # the weekend repeated: still one day's time
    "abends nach der Arbeit, aber nicht am Wochenende, Tierheim Kassel",  # the weekend ruled out
    "vormittags, dienstags bis donnerstags, Tafel in Fulda",  # a comma narrows one time
    "abends ab 19 Uhr, Mo und Di, Nachhilfe in Gera",
    "mornings, Monday to Wednesday, library in Trier",
    # a joining word far from the times joins something else
    "Am Wochenende würde ich gern mit Hunden und Katzen arbeiten, am liebsten abends, Tierheim Bremen",
])
def test_one_time_naming_a_day_and_a_part_of_the_day_is_no_choice(text: str) -> None:
    parsed = parse(text)
    assert not parsed.time_either, parsed.time


@pytest.mark.parametrize(("text", "time"), [
    ("Ich kann abends oder am Wochenende im Tierheim Marburg helfen", {"evening", "weekend"}),
    ("tagsüber oder samstags, Kleiderkammer Erfurt", {"daytime", "weekend"}),
    ("Nach Feierabend und an Wochenenden hätte ich Zeit für die Tafel in Jena", {"evening", "weekend"}),
    ("Hausaufgabenhilfe in Kassel, abends bzw. am WE", {"evening", "weekend"}),
    ("Fahrradwerkstatt Leipzig: abends, am Wochenende", {"evening", "weekend"}),
    ("Repair-Café Gießen, abends oder WE", {"evening", "weekend"}),
    ("Sprachcafé in Halle, tagsüber und WE", {"daytime", "weekend"}),
    ("Natur in Fulda, Wochenende/abends", {"evening", "weekend"}),
    ("unter der Woche abends sowie am Wochenende im Hospiz Gießen", {"weekday", "evening", "weekend"}),
    ("I'm free in the evenings or at weekends, food bank in Bremen", {"evening", "weekend"}),
    ("evenings and weekends work for me, Leipzig, sports with kids", {"evening", "weekend"}),
    ("after work or on Saturdays, animal shelter Dresden", {"evening", "weekend"}),
    ("free in the evenings, weekends too. Museum in Kassel", {"evening", "weekend"}),
    ("weekdays after 6 pm or weekends, tutoring in Kiel", {"weekday", "evening", "weekend"}),
])
def test_a_day_and_a_part_of_the_day_named_apart_are_a_choice(text: str, time: set[str]) -> None:
    parsed = parse(text)
    assert set(parsed.time) == time and parsed.time_either


@pytest.mark.parametrize("text", [
    "abends oder nachmittags, Tafel Kassel",  # two parts of the day: no day named
    "samstags oder sonntags, Tierheim Fulda",  # two days: no part of the day
    "am Wochenende, Tierheim Kassel",
])
def test_times_of_one_family_are_no_choice(text: str) -> None:
    assert not parse(text).time_either


def test_the_json_says_whether_the_times_are_a_choice() -> None:
    assert parse("abends oder am Wochenende in Kassel").to_dict()["time_either"] is True
    assert parse("Samstagabend in Kassel").to_dict()["time_either"] is False
