"""Slots and words several authors of the natural sets use and the rules misread (branch nlu-slots, issue 14): the
writer practising German, a time one is away or gives to one's family, remote said as a device, from afar or as no
presence, driving someone to the doctor said with a word between or in noun order, food handed out. Sentences of their
own, not the labelled sets'."""

from __future__ import annotations

import pytest

from nlu import parse
from nlu.api import parse_with_rules

POVERTY = "poverty_homelessness"


@pytest.mark.parametrize(
    "text",
    [
        "I'd like to practise my German while helping out, maybe at a library in Gießen",
        "I want to improve German and do something useful, Zwickau, anything with animals",
        "Wir möchten gern Deutsch üben und dabei im Tierheim helfen, Fulda",
        "Ich will mein Deutsch verbessern, gern beim Kochen für andere. Kassel",
    ],
)
def test_practising_ones_own_german_is_little_german(text: str) -> None:
    for read in (parse, parse_with_rules):
        assert read(text).needs_little_german


@pytest.mark.parametrize(
    "text",
    [
        "I'd like to help newcomers learn German in Marburg, evenings",
        "Ich möchte Geflüchteten helfen, Deutsch zu lernen, in Plauen",
        "Deutsch üben mit geflüchteten Frauen, Bautzen",
        "Is there a group where people who want to learn German meet? I could host it, Jena",
    ],
)
def test_helping_others_learn_german_is_no_level_of_the_writer(text: str) -> None:
    assert not parse(text).needs_little_german


@pytest.mark.parametrize(
    ("text", "wanted", "not_wanted"),
    [
        ("Montags bis freitags bin ich weg auf Baustellen, am Samstag könnt ich ins Tierheim, Marburg",
         "weekend", "weekday"),
        ("I'm away during the week for work, so Saturdays in Leipzig with kids", "weekend", "weekday"),
        ("Weekends belong to my family, so weekday evenings at a food bank in Kassel", "weekday", "weekend"),
        ("Die Wochenenden gehören meinen Enkeln, unter der Woche gern Umwelt in Gotha", "weekday", "weekend"),
        ("I fly home to Poland every weekend, weekdays after work would suit, Görlitz", "weekday", "weekend"),
    ],
)
def test_time_one_is_away_is_not_offered(text: str, wanted: str, not_wanted: str) -> None:
    times = parse(text).time
    assert wanted in times
    assert not_wanted not in times


def test_going_home_every_weekend_says_nothing_about_how_often_one_helps() -> None:
    times = parse("Studying in Halle, I go home every weekend. Weekdays something with refugees?").time
    assert "weekday" in times
    assert "one_off" not in times and "regular" not in times


def test_a_verb_after_the_time_is_no_absence() -> None:
    assert parse("Am Wochenende würde ich gern den Müll im Park weg räumen, Erfurt").time == ("weekend",)


@pytest.mark.parametrize(
    "text",
    [
        "Could I help a refugee group from my computer? I'm in Halle",
        "Something I can do from my phone while commuting, e.g. for a climate group",
        "Ich könnte einem Sportverein bei der Buchhaltung helfen, gern aus der Ferne. Wetzlar",
        "Newsletter schreiben für einen Tierschutzverein, aber nicht vor Ort, Kassel",
        "Translating for a charity, not in person please, I'm abroad until spring",
    ],
)
def test_remote_said_otherwise(text: str) -> None:
    assert parse(text).remote


@pytest.mark.parametrize(
    "text",
    ["Tierheim in Kassel, gern vor Ort", "in person please, with kids in Dresden", "Online oder vor Ort, egal, Fulda"],
)
def test_on_site_still_cancels_remote(text: str) -> None:
    assert not parse(text).remote


@pytest.mark.parametrize(
    "text",
    [
        "Ich hab einen Bus und könnte Leute zum Arzt oder zum Friseur fahren, Bad Hersfeld",
        "Gibt es einen Verein, der alte Leute zur Dialyse fährt? Ich fahre gern Auto. Borna",
        "rentner mit auto, arzt fahrten für ältere, eschwege",
    ],
)
def test_driving_people_to_the_doctor_is_neighbourhood(text: str) -> None:
    for read in (parse, parse_with_rules):
        assert "neighbourhood" in read(text).categories


def test_going_to_the_doctor_oneself_is_no_driving_service() -> None:
    text = "Ich muss morgen zum Arzt, danach fahre ich nach Kassel, was mit Tieren"
    assert "neighbourhood" not in parse(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "Ich würde gern mithelfen, wo Essen verteilt wird, Gera",
        "Kann ich in Pirna irgendwo helfen, wo Lebensmittel ausgegeben werden?",
        "happy to help with food distribution on saturdays, Leipzig",
        "I could help distributing food in Kassel, evenings",
    ],
)
def test_food_handed_out_is_poverty(text: str) -> None:
    for read in (parse, parse_with_rules):
        assert POVERTY in read(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "Our book club could help one Thursday in March, Marburg",
        "We have one morning free for a clean-up, Halle",
        "Unser Chor würde beim Stadtteil-Aktionstag in Gotha singen",
        "looking for a once-off thing with animals near Fulda",
    ],
)
def test_a_single_occasion_is_one_off(text: str) -> None:
    assert "one_off" in parse(text).time


@pytest.mark.parametrize(
    "text", ["I can give one evening a week to a youth club in Kassel", "one Tuesday a month at the Tafel, Gießen"]
)
def test_one_day_repeated_stays_regular(text: str) -> None:
    times = parse(text).time
    assert "regular" in times and "one_off" not in times
