"""Review findings on message understanding (issue 14 review): each a rule of the language, with the cases that
must keep working. Every sentence here is written for this test."""

from __future__ import annotations

import pytest

from nlu import parse


@pytest.mark.parametrize(
    "text",
    [
        "Ich möchte nichts anderes als Tieren helfen",
        "nothing else than animals",
        "nichts lieber als mit Tieren",
        "ich will nichts außer Tieren",
        "nothing but animals please",
    ],
)
def test_nothing_but_x_wants_x(text: str) -> None:
    parsed = parse(text)
    assert "animals" in parsed.categories
    assert "animals" not in parsed.exclude_categories


@pytest.mark.parametrize(
    ("text", "excluded"),
    [
        ("mal was ganz anderes als Kinder", "children_youth"),
        ("something other than animals", "animals"),
        ("lieber Tiere als Kinder", "children_youth"),
        ("nichts mit Tieren", "animals"),
    ],
)
def test_other_than_x_still_rules_x_out(text: str, excluded: str) -> None:
    assert excluded in parse(text).exclude_categories


@pytest.mark.parametrize(
    "text",
    [
        "was in der Nähe von zu Hause, wohne in Leipzig-Gohlis, Kinder",
        "nicht weit von zu Hause, Kinder",
        "something close to home with kids",
        "near my home, helping seniors",
        "gern in der Nähe vom Zuhause mit Senioren",
    ],
)
def test_near_home_is_where_not_from_home(text: str) -> None:
    parsed = parse(text)
    assert not parsed.remote
    assert not {"hause", "home", "zuhause"} & set(parsed.keywords)


@pytest.mark.parametrize("text", ["von zu Hause aus, am Computer", "near my home or online", "from home please, kids"])
def test_from_home_stays_remote(text: str) -> None:
    assert parse(text).remote
