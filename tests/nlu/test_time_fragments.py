"""Availability said in fragments and by what keeps one busy (issue 14, messages side, second round). Every
sentence here is written for this test."""

from __future__ import annotations

import pytest

from nlu import parse


@pytest.mark.parametrize(
    "text",
    [
        "Tierheim oder Gassi gehen, Kassel, WE",
        "Senioren besuchen, WE, Erfurt",
        "C, Kinder, WoE",
    ],
)
def test_we_in_capitals_as_a_fragment_is_the_weekend(text: str) -> None:
    assert "weekend" in parse(text).time


def test_we_in_capitals_inside_a_clause_is_the_pronoun() -> None:
    assert parse("WE WANT TO HELP AT THE FOOD BANK IN KASSEL").time == ()


@pytest.mark.parametrize(
    "text",
    [
        "ich will vorm Studium noch was Soziales machen, Marburg",
        "vorm Urlaub hätte ich noch zwei Wochen Zeit für die Tafel",
    ],
)
def test_vorm_before_a_noun_is_before_the_and_no_morning(text: str) -> None:
    assert "daytime" not in parse(text).time


def test_vorm_alone_is_still_the_morning() -> None:
    assert "daytime" in parse("Mi vorm, Tierheim Gießen").time


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Montag bis Freitag auf Achse mit dem Laster, samstags aber frei, gern mit Hunden", ("weekend",)),
        ("tagsüber sitze ich im Büro, am Wochenende hätte ich Zeit für Naturschutz", ("weekend",)),
        ("during the week I'm at the office, saturdays I'm free for the food bank", ("weekend",)),
    ],
)
def test_a_working_week_beside_a_free_weekend_gives_the_weekend_alone(text: str, expected: tuple[str, ...]) -> None:
    assert parse(text).time == expected


def test_a_busy_daytime_alone_still_means_the_evening() -> None:
    assert parse("tagsüber bin ich im Büro, würde gern Kindern bei Hausaufgaben helfen").time == ("evening",)


def test_just_one_saturday_is_a_one_off() -> None:
    assert "one_off" in parse("could I help just one sunday at a run in Fulda?").time


def test_we_as_the_whole_message_is_the_weekend() -> None:
    assert parse("WE").time == ("weekend",)
    assert parse("we").time == ()  # the English pronoun, written small


@pytest.mark.parametrize(
    "text",
    [
        "Kann gern helfen, aber nicht nach 16 Uhr",
        "Nicht vor 9 Uhr und nicht nach 15 Uhr, wegen der Kinder",
        "I could help, just not after 5 pm",
    ],
)
def test_an_end_of_the_day_ruled_out_is_the_day(text: str) -> None:
    assert parse(text).time == ("daytime",)


@pytest.mark.parametrize(
    ("text", "ruled_out"),
    [
        ("Bin Pflegerin, hab selten am WE frei, unter der Woche vormittags geht", "weekend"),
        ("Feste Termine gehen bei mir leider nicht, ich arbeite Schicht", "regular"),
        ("Regelmäßig klappt halt nicht, eher mal spontan", "regular"),
        ("Abends hab ich kaum Zeit, vormittags schon", "evening"),
    ],
)
def test_a_time_one_is_rarely_free_or_that_does_not_work_is_ruled_out(text: str, ruled_out: str) -> None:
    assert ruled_out not in parse(text).time
