"""Negation scopes, times and language needs that natural_dev11 showed wrong (slots round for dev11). Every sentence
here is written for this test; the rules are read without the trained component."""

from __future__ import annotations

import pytest

from nlu.api import parse_with_rules


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Anything with animals but NOT dog training, Gera", "animals"),
        ("Sport gern, aber nicht als Wettkampf. Suhl", "sports"),
        ("something for seniors but not bingo afternoons, Hof", "seniors"),
    ],
)
def test_a_contrast_with_its_own_object_rules_out_only_that(text: str, wanted: str) -> None:
    got = parse_with_rules(text)
    assert wanted in got.categories
    assert wanted not in got.exclude_categories


@pytest.mark.parametrize(
    ("text", "ruled_out"),
    [
        ("Kinder aber nicht, lieber Tiere", "children_youth"),  # the cue closes its clause: it reaches back
        ("Sport aber nicht. Suhl", "sports"),
        ("Tiere ja, aber nicht Hunde und Katzen", None),  # ahead: a mention of the same field, wanted anyway
        ("Garten gern, aber nicht mit Kindern", "children_youth"),
    ],
)
def test_a_contrast_still_rules_out_what_it_names(text: str, ruled_out: str | None) -> None:
    got = parse_with_rules(text)
    if ruled_out is None:
        assert got.exclude_categories == ()
    else:
        assert ruled_out in got.exclude_categories


@pytest.mark.parametrize(
    "text",
    [
        "ich würd gern beim Tierheim helfen, weiß halt nicht, ob es in Zeulenroda eins gibt",
        "Foodsharing wär toll, weiß aber nicht wo das in Greiz läuft",
        "a repair café would be great, not sure if there is one in Schmalkalden",
        "Lesepatin in Ilmenau, und wenn nicht, dann Gotha",
    ],
)
def test_not_knowing_whether_it_exists_rules_nothing_out(text: str) -> None:
    got = parse_with_rules(text)
    assert got.exclude_categories == ()
    assert got.categories


@pytest.mark.parametrize(
    "text",
    [
        "Bei uns im Ort gibts nix für Jugendliche, ich würde gern was aufbauen. Sömmerda",
        "hier gibt's leider nichts mit Tieren, vielleicht in Arnstadt?",
    ],
)
def test_a_lack_said_without_es_rules_nothing_out(text: str) -> None:
    assert parse_with_rules(text).exclude_categories == ()


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("free Tue-Fri mornings, Jena", {"weekday", "daytime"}),
        ("Mon - Thu evenings in Gera", {"weekday", "evening"}),
        ("Monday to Wednesday, Gera", {"weekday"}),
        ("my days are Mon through Thu, Erfurt", {"weekday"}),
    ],
)
def test_an_english_range_of_working_days_is_the_week(text: str, slots: set[str]) -> None:
    assert set(parse_with_rules(text).time) == slots


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("two of us from the dorm would like to help out once, maybe in a kitchen. Weimar", {"one_off"}),
        ("I'd like to try it once. Animals in Suhl", {"one_off"}),
        ("could read to kids once a week in Gera", {"regular"}),
        ("once or twice a month with seniors, Jena", {"regular"}),
        ("bitte nichts, wo ich feste Termine habe, eher spontan. Zeitz", {"one_off"}),
        ("ich will nix mit festen Zeiten. Apolda", {"one_off"}),
        ("gern feste Termine, jeden Dienstag. Apolda", {"weekday", "regular"}),
    ],
)
def test_once_and_no_fixed_dates(text: str, slots: set[str]) -> None:
    assert set(parse_with_rules(text).time) == slots


@pytest.mark.parametrize(
    ("text", "little"),
    [
        ("I speak Polish, English, bit of German. Help in a library in Gotha?", True),
        ("English and a little bit of German, Jena", True),
        ("I speak English and some German, Jena", False),
    ],
)
def test_a_bit_of_german_without_the_article(text: str, little: bool) -> None:
    assert parse_with_rules(text).needs_little_german is little


@pytest.mark.parametrize(
    ("text", "ruled_out"),
    [
        ("mit Jugendlichen kann ich nicht so gut, lieber Garten. Sonneberg", "children_youth"),
        ("ich kann nicht gut mit Tieren, aber mit Senioren gern. Greiz", "animals"),
    ],
)
def test_not_getting_on_with_people_rules_them_out(text: str, ruled_out: str) -> None:
    got = parse_with_rules(text)
    assert ruled_out in got.exclude_categories
    assert ruled_out not in got.categories


@pytest.mark.parametrize(
    "text",
    [
        "Mein Deutsch ist nicht so gut, ich möchte mit Kindern helfen. Zella-Mehlis",  # the language, not the wish
        "kann nicht so gut mit Menschen, aber ich fotografiere gern für Vereine. Saalfeld",  # no field named
    ],
)
def test_not_so_good_elsewhere_rules_nothing_out(text: str) -> None:
    assert parse_with_rules(text).exclude_categories == ()
