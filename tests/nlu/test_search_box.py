"""Messages typed like a search box on a phone (issue 14, natural_dev22): a field's emoji, "abds", a slip in a time
word, licence-plate letters among small words, "Rolli". Texts of their own, not from the labelled sets."""

from __future__ import annotations

import pytest

from nlu.api import parse


@pytest.mark.parametrize(("text", "field"), [
    ("🐴 wetzlar", "animals"), ("🌲 zittau", "environment"), ("🏀 hanau", "sports"),
    ("🚑 ausbildung riesa", "emergency_services"), ("👴 vorlesen meißen", "seniors"),
    ("♿ ausflüge fulda", "disability_inclusion"),
    ("🐕 walking in Leipzig", "animals"), ("🎻 for kids in Bonn", "culture"),
])
def test_a_fields_emoji_names_the_field(text: str, field: str) -> None:
    assert field in parse(text).categories


def test_an_emoji_beside_its_own_word_adds_nothing() -> None:
    # the picture repeats the dog one owns; the wish is the old people
    categories = parse("Meine Katze schläft grad 🐱 ich würd gern Senioren besuchen").categories
    assert "seniors" in categories and "animals" not in categories


def test_a_face_or_heart_names_no_field() -> None:
    assert parse("😊❤️ ehrenamt in jena").categories == ()


@pytest.mark.parametrize(("text", "slots"), [
    ("tafel zwickau abds", {"evening"}), ("jugendtreff mi abds", {"weekday", "evening"}),
    ("sa abds, theater", {"weekend", "evening"}), ("lesepate abds/WE", {"evening", "weekend"}),
])
def test_abds_is_the_evening(text: str, slots: set[str]) -> None:
    assert set(parse(text).time) == slots


@pytest.mark.parametrize(("text", "slot"), [
    ("gassi gehen vormitags", "daytime"), ("kleiderkammer wochnende", "weekend"), ("tafel dienstgas", "weekday"),
    ("Zeit hab ich meist Sonntgas", "weekend"),
])
def test_a_slip_in_a_time_word_is_mended(text: str, slot: str) -> None:
    assert slot in parse(text).time


@pytest.mark.parametrize("text", ["Wir wohnen seit Jahren in Freital", "bin auf Montage"])
def test_a_place_or_a_known_word_is_no_slip(text: str) -> None:
    assert parse(text).time == ()


def test_an_ending_is_no_slip_of_another_time_word() -> None:
    # "weekday" is "weekdays" without its ending: the weekday itself, and "mornings" no other word
    assert set(parse("weekday mornings").time) == {"weekday", "daytime"}


@pytest.mark.parametrize(("text", "town"), [
    ("senioren C vorlesen", "Chemnitz"), ("kinder turnen F samstags", "Frankfurt am Main"),
    ("tafel ks", "Kassel"), ("gi tierheim", "Gießen"), ("nachhilfe mathe ka", None), ("hundesport fd WE", "Fulda"),
])
def test_a_plate_code_in_a_search_box_message(text: str, town: str | None) -> None:
    place = parse(text).place
    assert (place.name if place else None) == town


@pytest.mark.parametrize(("text", "town"), [
    ("hi tierheim", None), ("tafel fr abds", None),
    # a sentence: not a search box, but "in der Nähe von" is a location cue, so its first code is the town
    ("Ich suche was mit Tieren in der Nähe von C und D", "Chemnitz"),
])
def test_a_greeting_a_short_day_or_a_sentence_is_no_search_box_code(text: str, town: str | None) -> None:
    place = parse(text).place
    assert (place.name if place else None) == town


@pytest.mark.parametrize("text", ["ausflüge für rolli-fahrer", "freizeit mit rollis in gera"])
def test_rolli_is_a_wheelchair(text: str) -> None:
    assert "disability_inclusion" in parse(text).categories


@pytest.mark.parametrize(("text", "town"), [
    ("E jugend trainer gesucht", None), ("C jugend handball", None), ("B jugend fußball zwickau", "Zwickau"),
])
def test_a_youth_class_or_a_town_named_leaves_a_capital_letter_alone(text: str, town: str | None) -> None:
    place = parse(text).place
    assert (place.name if place else None) == town


def test_a_quarter_of_the_codes_own_town_keeps_the_code() -> None:
    place = parse("DD neustadt kleiderkammer").place
    assert place is not None and place.name == "Dresden"
