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
