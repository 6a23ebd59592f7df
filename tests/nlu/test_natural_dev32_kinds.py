"""Kinds of failure natural_dev32 showed that recur across authors (issue 14), in phrasings of their own.

Each test names the kind; the sentences are not from the labelled sets.
"""

from __future__ import annotations

import pytest

from nlu.api import parse_with_rules


@pytest.mark.parametrize(
    "text",
    [
        "Ich zeige Grundschülern gern kleine Experimente mit Wasser und Luft",
        "Chemistry teacher here, I'd love to do experiments with kids on Saturdays",
    ],
)
def test_experiments_shown_to_the_young_are_taught(text: str) -> None:
    assert {"children_youth", "education"} <= set(parse_with_rules(text).categories)


def test_experiments_without_the_young_name_no_schooling() -> None:
    text = "I like experimenting in the kitchen, maybe cooking for the homeless"
    assert "education" not in parse_with_rules(text).categories
