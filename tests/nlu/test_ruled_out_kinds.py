"""A kind ruled out within a field narrows the field ("ohne Hunde" leaves cats and horses); the field itself, or a
reason of the body or of fear, rules the whole field out (nlu/kinds.py)."""

from __future__ import annotations

import pytest

from nlu import parse


@pytest.mark.parametrize("text", [
    "Ehrenamt in Marburg, bitte ohne Hunde",
    "was Sinnvolles in Fulda, aber keine Katzen",
    "egal was in Erfurt, nur keine Pferde",
    "anything in Gotha but no cats",
    "Suche was in Gießen, keine Hundeschule",
])
def test_a_ruled_out_kind_rules_out_no_field(text: str) -> None:
    parsed = parse(text)
    assert parsed.exclude_categories == () and "animals" not in parsed.categories


@pytest.mark.parametrize("text", [
    "in Marburg, bitte nichts mit Tieren",
    "keine Tiere, Fulda",
    "kein Tierheim in Erfurt",
    "Gotha, no animals please",
    "nicht mit Hunden, bin allergisch. Gießen",  # an allergy rules out the places that keep animals together
    "anything in Jena, just not dogs, I'm scared of them",
])
def test_the_field_itself_or_a_reason_rules_the_field_out(text: str) -> None:
    assert parse(text).exclude_categories == ("animals",)


def test_a_kind_ruled_out_beside_the_field_wanted_keeps_the_field() -> None:
    assert parse("gern mit Tieren in Hanau, nur bitte keine Hunde").categories == ("animals",)
