"""Reviewed search-box readings (issue 14): what the plate codes, the globe emoji, "Rolli", the negation words and the
time slips must not read into a message. Texts of their own, not from the labelled sets."""

from __future__ import annotations

import pytest

from nlu.api import parse


def _town(text: str) -> str | None:
    place = parse(text).place
    return place.name if place else None


@pytest.mark.parametrize("text", [
    "Lesekreis 🌏 mit Leuten aus aller Welt", "🌱 noch ganz unerfahren, was passt zu mir", "Austausch 🌎 auf Englisch",
])
def test_a_globe_or_a_seedling_names_no_environment(text: str) -> None:
    assert "environment" not in parse(text).categories


def test_a_tree_still_names_the_environment() -> None:
    assert "environment" in parse("🌲 aufräumen am see").categories
