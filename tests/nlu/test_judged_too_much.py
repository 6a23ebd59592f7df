"""A field judged too much for oneself, said after it ("Die Feuerwehr ist mir zeitlich zu viel", "the shelter would
be too sad for me"), is ruled out; "too much" that judges nothing the writer would do rules nothing out."""

from __future__ import annotations

import pytest

from nlu import parse


@pytest.mark.parametrize(
    ("text", "wanted", "ruled_out"),
    [
        ("Ehrlich gesagt wäre mir der Sportverein zeitlich zu viel, lieber was mit Tieren", "animals", "sports"),
        ("Kinder sind mir zu anstrengend, also eher Senioren in Gotha", "seniors", "children_youth"),
        ("Das Tierheim ginge mir zu nah, lieber Natur", "environment", "animals"),
        ("Pflege wäre für mich emotional zu belastend, lieber Nachhilfe", "education", "health_care"),
        ("an animal shelter would be too sad for me, maybe the food bank?", "poverty_homelessness", "animals"),
        ("working with kids is too much for me, seniors maybe. Bonn", "seniors", "children_youth"),
    ],
)
def test_a_field_judged_too_much_is_ruled_out(text: str, wanted: str, ruled_out: str) -> None:
    parsed = parse(text)
    assert wanted in parsed.categories
    assert ruled_out in parsed.exclude_categories
    assert ruled_out not in parsed.categories


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Im Stadtwald liegt zu viel Müll, ich will beim Aufräumen helfen", "environment"),
        ("I have too much free time, something with kids?", "children_youth"),
        ("Viele Kinder haben zu viel Stress in der Schule, ich möchte Nachhilfe geben", "children_youth"),
    ],
)
def test_too_much_of_something_else_rules_nothing_out(text: str, wanted: str) -> None:
    parsed = parse(text)
    assert wanted in parsed.categories
    assert not parsed.exclude_categories
