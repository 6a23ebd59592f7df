"""Words of a field the rules lacked, found as causes across authors (issue 14, messages; t14-precision): drawing is
an art as painting is; one family from a country of flight is a newcomer household as families are. Sentences of their
own, not the labelled sets'."""

from __future__ import annotations

import pytest

from nlu.api import parse_with_rules

NEWCOMERS = "refugees_integration"


@pytest.mark.parametrize(
    "text",
    [
        "I like drawing and dogs, Kassel",
        "Ich würde gern mit Senioren zeichnen, Jena",
        "drawing classes for teens in Halle",
    ],
)
def test_drawing_is_culture(text: str) -> None:
    assert "culture" in parse_with_rules(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "Ich habe den Vertrag unterzeichnet und suche was mit Tieren, Kassel",
        "Gibt es ein Verzeichnis der Tierheime in Jena?",
    ],
)
def test_words_with_zeichn_inside_are_no_drawing(text: str) -> None:
    assert "culture" not in parse_with_rules(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "Bei uns zieht eine Familie aus Afghanistan ein, wie kann ich helfen? Kassel",
        "We'd love to support a family from Syria in Bonn",
    ],
)
def test_one_family_from_a_country_of_flight_is_newcomers(text: str) -> None:
    categories = parse_with_rules(text).categories
    assert NEWCOMERS in categories
    assert "children_youth" not in categories


def test_ones_own_family_from_there_is_who_one_is() -> None:
    categories = parse_with_rules("Wir sind eine Familie aus Syrien und suchen was mit Tieren in Kassel").categories
    assert categories == ("animals",)
