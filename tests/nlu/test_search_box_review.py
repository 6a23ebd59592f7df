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


@pytest.mark.parametrize("text", ["fr", "hd", "ka", "bi"])
def test_a_small_code_as_the_only_word_is_no_town(text: str) -> None:
    assert _town(text) is None


@pytest.mark.parametrize("text", [
    "frag mal wegen ki", "ki workshop im seniorenheim", "nachhilfe bio ka", "bücher sortieren oder so ne",
    "lust auf was neues mr",
])
def test_a_small_code_needs_a_wish_besides_it_and_is_no_chat_word(text: str) -> None:
    assert _town(text) is None


@pytest.mark.parametrize(("text", "town"), [
    ("kleiderkammer gi", "Gießen"), ("hu suppenküche", "Hanau"), ("tierheim in ka", "Karlsruhe"),
])
def test_a_small_code_beside_a_wish_or_after_a_cue_is_still_the_town(text: str, town: str) -> None:
    assert _town(text) == town


@pytest.mark.parametrize("text", [
    "notfalls plan B gartenarbeit", "klasse B nachhilfe", "vitamin C kochen senioren", "chemie C kurs nachhilfe",
    "besuche bei menschen mit MS", "ALS patienten vorlesen", "KI kurs für ältere",
])
def test_a_letter_a_noun_takes_or_an_abbreviation_is_no_town(text: str) -> None:
    assert _town(text) is None


@pytest.mark.parametrize(("text", "town"), [
    ("kochen L senioren", "Leipzig"), ("Tierheim MS", "Münster"), ("Z jugend handball", "Zwickau"),
])
def test_a_capital_code_among_small_words_still_names_its_town(text: str, town: str | None) -> None:
    assert _town(text) == town


@pytest.mark.parametrize(("text", "word"), [
    ("hab nix gegen Buchhaltung", "buchhaltung"), ("wieso nicht Streetwork", "streetwork"),
    ("why not bookkeeping", "bookkeeping"), ("nee Fahrradwerkstatt wär cool", "fahrradwerkstatt"),
    ("nö Buchhaltung", "buchhaltung"),
])
def test_words_one_is_fine_with_stay_search_words(text: str, word: str) -> None:
    assert word in parse(text).keywords


@pytest.mark.parametrize(("text", "word"), [
    ("bitte keine Buchhaltung", "buchhaltung"), ("lieber nicht Büro", "buero"), ("no bookkeeping", "bookkeeping"),
])
def test_words_ruled_out_are_still_no_search_words(text: str, word: str) -> None:
    assert word not in parse(text).keywords
