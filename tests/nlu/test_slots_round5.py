"""Exclusions said colloquially, times said impossible, a rota's week, quarters joined to a one-letter plate (slots
round 5). Every sentence here is written for this test; the rules are read without the trained component so that a
failure points at them."""

from __future__ import annotations

import pytest

from nlu.api import parse_with_rules


@pytest.mark.parametrize(
    ("text", "ruled_out"),
    [
        ("egal was, außer Sport, Wohnort Freital", "sports"),
        ("mir ist alles recht außer Kinder", "children_youth"),
        ("ganz egal, nur nicht mit Tieren", "animals"),
    ],
)
def test_an_exception_after_egal_is_ruled_out(text: str, ruled_out: str) -> None:
    got = parse_with_rules(text)
    assert ruled_out in got.exclude_categories
    assert ruled_out not in got.categories


def test_egal_alone_still_leaves_a_field_open() -> None:
    got = parse_with_rules("Kinder oder Senioren ist mir egal, Hauptsache in Fulda")
    assert "children_youth" not in got.exclude_categories


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("bitte keine alten Leute, lieber Umweltschutz", "seniors"),
        ("die älteren Leute im Viertel brauchen Hilfe beim Einkaufen", "seniors"),
        ("die jungen Leute im Dorf haben keinen Treff", "children_youth"),
    ],
)
def test_people_with_the_weak_adjective_ending_are_a_group(text: str, group: str) -> None:
    got = parse_with_rules(text)
    assert group in got.categories + got.exclude_categories


@pytest.mark.parametrize(
    ("text", "ruled_out"),
    [
        ("Sport hab ich beruflich schon genug, lieber was mit Kultur", "sports"),
        ("am liebsten Tiere. Kinder hab ich selber genug", "children_youth"),
        ("ich möchte mal was ganz anderes machen als Pflege, vielleicht Garten", "health_care"),
        ("würde gern was anderes tun als Büro, eher Umwelt", "digital"),
    ],
)
def test_having_had_enough_or_wanting_something_else_rules_out(text: str, ruled_out: str) -> None:
    got = parse_with_rules(text)
    assert ruled_out not in got.categories
    if ruled_out != "digital":  # the office is no field of its own
        assert ruled_out in got.exclude_categories


@pytest.mark.parametrize(
    "text",
    [
        "In unserem Viertel gibt es für Kinder leider gar nichts, ich würde gern einen Treff aufbauen",
        "Es gibt hier nix für die Jugendlichen, ich möchte was mit ihnen machen",
    ],
)
def test_a_lack_described_rules_nothing_out(text: str) -> None:
    got = parse_with_rules(text)
    assert not got.exclude_categories


def test_idle_time_in_a_field_is_no_wish_and_no_exclusion() -> None:
    got = parse_with_rules("Im Winter, wenn im Garten nix zu tun ist, suche ich was mit Menschen")
    assert "environment" not in got.categories + got.exclude_categories


def test_not_fit_with_computers_is_who_one_is() -> None:
    got = parse_with_rules("Mit dem Computer bin ich nicht so fit, aber Tiere mag ich")
    assert "digital" not in got.categories + got.exclude_categories
    assert "animals" in got.categories


@pytest.mark.parametrize(
    ("text", "slot"),
    [
        ("Weekends are impossible for me, maybe the food bank in Kassel", "weekday"),
        ("Am Wochenende ist das unmöglich, Tierheim Gießen", "weekday"),
        ("abends ist nicht möglich, gern was mit Senioren", "daytime"),
    ],
)
def test_a_time_said_impossible_is_ruled_out(text: str, slot: str) -> None:
    assert slot in parse_with_rules(text).time


@pytest.mark.parametrize(
    "text",
    [
        "I'm a nurse and my rota changes every week, something with animals in Kassel",
        "Mein Dienstplan wechselt jede Woche, trotzdem würde ich gern bei der Tafel helfen",
    ],
)
def test_a_rota_that_changes_weekly_is_no_regular_volunteering(text: str) -> None:
    assert "regular" not in parse_with_rules(text).time


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("wohne in L-Reudnitz und suche was mit Sport", "Leipzig"),
        ("C-Bernsdorf, Tafel oder Kleiderkammer", "Chemnitz"),
    ],
)
def test_a_quarter_the_gazetteer_lacks_joined_to_a_one_letter_plate(text: str, city: str) -> None:
    got = parse_with_rules(text)
    assert got.place is not None and got.place.name == city


@pytest.mark.parametrize("text", ["Ich suche eine S-Bahn nahe Kita", "E-Rolli Fahrerin sucht Sportverein"])
def test_a_one_letter_compound_is_no_quarter(text: str) -> None:
    assert parse_with_rules(text).place is None
