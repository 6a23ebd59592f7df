"""Time slots, issue 14 (branch t14-slots): a school placement's stint, short and Saxon day names, Sonnabend, shift
work, "einmal" said of a task, social days, events named after their guests. Sentences written for these tests."""

from __future__ import annotations

import pytest

from nlu.api import parse


@pytest.mark.parametrize(
    "text",
    [
        "Ich bin 15 und brauche ein Sozialpraktikum, drei Wochen im Mai, gern mit Hunden. Fulda",
        "I need an internship for my school, 2 weeks in March, something with old people",
        "mein Sohn sucht einen Praktikumsplatz für 1 Woche in den Herbstferien, Feuerwehr wäre toll",
        "Schülerpraktikum zwei Wochen im Januar, Kita in Pirna?",
    ],
)
def test_the_length_of_a_school_placement_is_no_time(text: str) -> None:
    assert parse(text).time == ()


@pytest.mark.parametrize(
    "text",
    [
        "for two weeks in August I could help at a summer camp",
        "Ich könnte für eine Woche beim Zeltlager mitkochen",
        "Im Juli hätte ich zwei Wochen im Sommer frei für eine Naturschutzaktion",
    ],
)
def test_a_stint_without_a_placement_stays_one_off(text: str) -> None:
    assert "one_off" in parse(text).time


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("Sprachcafé Di abends in Kassel", {"weekday", "evening"}),
        ("Hausaufgabenhilfe Mi nachmittags, Gießen", {"weekday", "daytime"}),
        ("homework help, Tues/Thurs afternoons", {"weekday", "daytime"}),
        ("Mon and Fri I could help at the food bank", {"weekday"}),
        ("tutoring kids thu evenings", {"weekday", "evening"}),
    ],
)
def test_short_day_names_before_a_time_of_day_or_in_pairs_are_weekdays(text: str, slots: set[str]) -> None:
    assert set(parse(text).time) == slots


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("Gudn, ich hab nachmittachs Zeit, Plauen", {"daytime"}),
        ("vormittachs könnt ich was mit Senioren machen", {"daytime"}),
        ("dienstachs bin ich frei, was mit Kindern", {"weekday"}),
        ("samstachs Tierheim in Zwigge", {"weekend"}),
    ],
)
def test_saxon_day_words_with_ch(text: str, slots: set[str]) -> None:
    assert set(parse(text).time) == slots


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("hab nur Sonnabend Zeit, weil ich in der Woche Schicht habe", {"weekend"}),
        ("sonnabends Tierheim", {"weekend"}),
        ("Sonnabendabend Tafel", {"weekend", "evening"}),
    ],
)
def test_sonnabend_is_saturday_not_an_evening(text: str, slots: set[str]) -> None:
    assert set(parse(text).time) == slots


@pytest.mark.parametrize(
    "text",
    [
        "hab nur Sonnabend Zeit, weil ich in der Woche Schicht habe",
        "unter der Woche Schichtdienst, am WE Tierheim",
        "weekdays I work shifts, so Sundays at the animal shelter",
    ],
)
def test_shift_work_on_a_time_rules_it_out(text: str) -> None:
    assert parse(text).time == ("weekend",)


@pytest.mark.parametrize(
    "text",
    [
        "wir wollen im Sommer einmal beim Dorffest helfen, Lich",
        "ich würde gern einmal einen Flohmarkt für die Tafel mitorganisieren",
        "Unser Team sucht einen Social Day im Herbst, gern was mit Natur, Gießen",
        "we're planning a social day for our office in Leipzig",
    ],
)
def test_once_said_of_a_task_and_social_days_are_one_off(text: str) -> None:
    assert parse(text).time == ("one_off",)


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("einmal im Monat bei der Tafel helfen", ("regular",)),
        ("einmal die Woche Tiere versorgen helfen", ("regular",)),
        ("einen Nachmittag die Woche helfen", ("daytime", "regular")),
        ("erst einmal schauen, was mit Kindern", ()),
        ("ich habe einmal im Tierheim geholfen, jetzt suche ich was mit Kindern", ()),
    ],
)
def test_once_repeated_or_meaning_for_now_is_no_one_off(text: str, slots: tuple[str, ...]) -> None:
    assert parse(text).time == slots


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("Ich kann beim Seniorennachmittag in Lich helfen", ()),
        ("Hilfe beim Familiennachmittag im Gemeindehaus, Kuchen backen", ()),
        ("ich hab abends Zeit, Seniorenabend oder so", ("evening",)),
    ],
)
def test_an_event_named_after_its_guests_has_its_own_time(text: str, slots: tuple[str, ...]) -> None:
    assert parse(text).time == slots


@pytest.mark.parametrize(
    "text",
    [
        "could I help one weekend only? I'm in Gotha for a visit",
        "a single Saturday only, something outdoors in Jena",
    ],
)
def test_one_day_only_is_one_off(text: str) -> None:
    assert "one_off" in parse(text).time


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("Tierheim Kassel abends, nee doch lieber am Wochenende", ("weekend",)),
        ("unter der Woche, ach nein, doch eher samstags", ("weekend",)),
        ("evenings, no wait, weekends are better", ("weekend",)),
        ("I can do Mondays. No, actually Fridays are better", ("weekday",)),
        ("abends nee lieber vormittags", ("daytime",)),
        ("samstags, ich meine sonntags", ("weekend",)),
    ],
)
def test_a_self_correction_replaces_the_times_before_it(text: str, slots: tuple[str, ...]) -> None:
    assert parse(text).time == slots


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("Sport? Nein danke, am Wochenende lieber Kinder", ("weekend",)),
        ("abends, nein, nicht mit Kindern", ("evening",)),
        ("Am Wochenende? Nein, lieber unter der Woche", ("weekday",)),
    ],
)
def test_a_no_without_a_time_on_each_side_keeps_the_times(text: str, slots: tuple[str, ...]) -> None:
    assert parse(text).time == slots


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("weeknights work best, tutoring in Giessen", {"weekday", "evening"}),
        ("free on week nights, Leipzig", {"weekday", "evening"}),
        ("during school hours I could help at the library", {"daytime"}),
        ("on my lunch break I could read to kids", {"daytime"}),
    ],
)
def test_english_weeknights_lunch_breaks_and_school_hours(text: str, slots: set[str]) -> None:
    assert set(parse(text).time) == slots
