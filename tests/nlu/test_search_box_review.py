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


@pytest.mark.parametrize("text", ["Rollo reparieren im Vereinsheim", "Rollos anbringen in der Kita"])
def test_a_roller_blind_is_no_wheelchair(text: str) -> None:
    assert "disability_inclusion" not in parse(text).categories


def test_rolli_itself_is_still_a_wheelchair() -> None:
    assert "disability_inclusion" in parse("rolli fahrer begleiten").categories


@pytest.mark.parametrize("text", ["Freytag Schule Hausaufgabenhilfe", "nachhilfe in der Freytag Realschule"])
def test_a_name_before_a_noun_is_no_slip_of_a_day(text: str) -> None:
    query = parse(text)
    assert "weekday" not in query.time and "freytag" in query.keywords


def test_a_slipped_day_before_a_time_word_is_still_mended() -> None:
    assert {"weekday", "evening"} <= set(parse("Dienstga Abend Tafel").time)
