"""Greetings, thanks and "egal was" are told apart from searches by the words alone."""

from __future__ import annotations

import pytest

from bot.conversation.places import place_answer
from bot.moderation.review import says_why
from bot.search.smalltalk import (
    SmallTalk, asks_for_help, asks_for_more, emoji_interest, is_decline, is_yes, only_emoji, short_number, small_talk,
    without_any_interest,
)
from bot.search.understanding import parse_text


@pytest.mark.parametrize("text", ["hallo", "Hallo!", "Moin moin", "hi there", "Guten Morgen :)", "servus du"])
def test_greetings(text: str) -> None:
    assert small_talk(text) is SmallTalk.GREETING


@pytest.mark.parametrize("text", ["danke 👍", "🙏🙏", "Vielen Dank!", "ok danke dir", "thank you so much", "👍🙏",
                                  "super, danke!", "merci"])
def test_thanks(text: str) -> None:
    """A thanks said, alone or beside an "ok", is thanks."""
    assert small_talk(text) is SmallTalk.THANKS


@pytest.mark.parametrize("text", ["ok", "Okay!", "👍", "alles klar", "super", "passt so", "cool", "got it", "😊",
                                  "ok 👍", "Alles klar, super", "alles gut", "passt schon", "wunderbar",
                                  "sehr schön", "Perfect!", "sounds great"])
def test_fine_or_understood_without_a_thanks_is_no_thanks(text: str) -> None:
    """"ok", "super", "👍" thank nobody: answered with what to do next, not "Gern geschehen"."""
    assert small_talk(text) is SmallTalk.OKAY


@pytest.mark.parametrize("text", ["hallo, tierheim in kassel", "Kassel", "danke, gibt es auch was in Fulda?",
                                  "hi, I want to help refugees", "Tierheim 👍", "34117", ""])
def test_a_search_is_never_small_talk(text: str) -> None:
    assert small_talk(text) is None


@pytest.mark.parametrize(("text", "said"), [("🙏🏻🙏🏻", SmallTalk.THANKS), ("💐", SmallTalk.THANKS),
                                           ("👍🏽", SmallTalk.OKAY), ("💚", SmallTalk.OKAY), ("👏👏!", SmallTalk.OKAY),
                                           ("❤️❤️", SmallTalk.OKAY)])
def test_emoji_with_a_skin_tone_or_another_heart_say_what_they_say_alone(text: str, said: SmallTalk) -> None:
    assert small_talk(text) is said


@pytest.mark.parametrize("text", ["🎉", "😂", "🤔", "🔥🔥", "👍🎉", "!!", ".", "🐶"])
def test_other_emoji_or_punctuation_alone_are_no_thanks(text: str) -> None:
    assert small_talk(text) is None


@pytest.mark.parametrize(("text", "interest"), [
    ("🐶", "animals"), ("🐱🐶", "animals"), ("🐕‍🦺", "animals"), ("🐈‍⬛ !", "animals"), ("🐴🐴🐴", "animals"),
    ("🐶🎉", None), ("🎉", None), ("👍", None), ("🐶 in Kassel", "animals"), ("Hund", None), ("34117 🐶", "animals"),
    ("🐝", "environment"), ("🦋🦋", "environment"), ("🌳", "environment"), ("🐝🐶", None),  # meadows, not pets
])
def test_animal_emoji_ask_for_animals_beside_words_too(text: str, interest: str | None) -> None:
    assert emoji_interest(text) == interest


def test_an_area_emoji_is_read_as_the_area_beside_a_town_unless_the_words_name_one() -> None:
    beside_town = parse_text("🌳 in Leipzig")
    assert beside_town.categories == ("environment",) and beside_town.place is not None
    assert parse_text("🐶").categories == ("animals",)
    # A field's emoji reads as its word (data/nlu/emoji.toml): beside a word of its own field it adds nothing, beside
    # another field's word it adds its own ("Kinder ⚽": sport with children); a face names no field
    assert parse_text("Gassi gehen 🐶 in Leipzig").categories == ("animals",)
    assert parse_text("Kinder ⚽ in Leipzig").categories == ("children_youth", "sports")
    assert parse_text("Chor in Leipzig 😊").categories == ("culture",)


@pytest.mark.parametrize("text", ["kein 🐶 in Kassel", "nichts mit 🐶 bitte, Kassel", "allergisch gegen 🐱 Kassel",
                                  "kein 🐶, lieber was in Leipzig"])
def test_an_emoji_ruled_out_is_its_area_ruled_out(text: str) -> None:
    parsed = parse_text(text)
    assert parsed.categories == () and parsed.exclude_categories == ("animals",) and parsed.text == text
    assert parse_text("🎉 in Leipzig").categories == ()


@pytest.mark.parametrize(("text", "alone"), [("🎉", True), ("🤔?", True), ("👍🏽", True), ("ok 👍", False),
                                             ("!!", False), ("1️⃣", False), ("", False),
                                             ("\ufffd(", False), ("\ufffd\ufffd", False)])
def test_only_emoji_means_no_word_and_no_number(text: str, alone: bool) -> None:
    assert only_emoji(text) is alone


@pytest.mark.parametrize(("text", "rest"), [
    ("egal was", ""), ("irgendwas in Kassel", "in Kassel"), ("Anything in Dresden", "in Dresden"),
    ("bin offen für alles, Raum Fulda", "Raum Fulda"), ("anything near 01067?", "near 01067?"),
    ("egal was, 34117", "34117"), ("in 34 117 egal was", "in 34 117"), ("egal was!", ""),
])
def test_any_interest_is_taken_out_of_the_text(text: str, rest: str) -> None:
    assert without_any_interest(text) == rest


@pytest.mark.parametrize("text", ["Tierheim Kassel", "egal wo, Hauptsache Tiere", "alles mit Tieren"])
def test_no_any_interest_where_none_is_said(text: str) -> None:
    assert without_any_interest(text) is None


@pytest.mark.parametrize(("text", "place"), [
    ("Ja, Baunatal", "Baunatal"), ("yes, Potsdam", "Potsdam"), ("Ja gerne in Baunatal", "Baunatal"),
    ("ja, gern: Leipzig", "Leipzig"), ("Jawohl. Kassel!", "Kassel"), ("Jagsthausen", "Jagsthausen"),
])
def test_a_yes_before_a_place_is_no_part_of_it(text: str, place: str) -> None:
    assert [found.name for found in place_answer(text)] == [place]


@pytest.mark.parametrize("text", ["ja", "yes please", "nein", "no"])
def test_a_bare_yes_or_no_names_no_place(text: str) -> None:
    assert place_answer(text) == []


@pytest.mark.parametrize(("text", "declines"), [
    ("nein", True), ("Nein danke.", True), ("no", True), ("No thanks!", True), ("nee", True),
    ("nein, Baunatal", False), ("ja", False), ("danke", False), ("kein Sport", False),
])
def test_a_plain_no_is_told_apart(text: str, declines: bool) -> None:
    assert is_decline(text) is declines


@pytest.mark.parametrize(("text", "yes"), [
    ("ja", True), ("Ja!", True), ("ja gerne", True), ("Yes please", True), ("ok", True), ("klar", True),
    ("nein", False), ("ja, Baunatal", False), ("ja aber erst morgen", False), ("danke", False), ("", False),
])
def test_a_plain_yes_is_told_apart(text: str, yes: bool) -> None:
    """A yes alone answers a yes-or-no question; with more said it is no plain yes."""
    assert is_yes(text) is yes


@pytest.mark.parametrize("text", ["weiter", "Weiter bitte", "zeig mir mehr", "mehr davon!", "und weiter?", "more",
                                  "show me more please", "next page"])
def test_asking_for_more_results(text: str) -> None:
    assert asks_for_more(text) and not asks_for_help(text) and small_talk(text) is None


@pytest.mark.parametrize("text", ["Hilfe", "hilfe!", "help", "Wie funktioniert das?", "what can you do",
                                  "wie funktioniert das hier", "Wie funktioniert der Bot?", "how does it work here?"])
def test_asking_for_help(text: str) -> None:
    assert asks_for_help(text) and not asks_for_more(text)


@pytest.mark.parametrize("text", ["mehr mit Tieren", "weiter weg, in Kassel", "Hilfe für Senioren",
                                  "Nachbarschaftshilfe", "Tierheim", ""])
def test_a_search_is_neither_more_nor_help(text: str) -> None:
    assert not asks_for_more(text) and not asks_for_help(text)


@pytest.mark.parametrize(("reason", "why"), [("18+", True), ("erst ab 16 +", True), ("U18", True), ("zu kurz", True),
                                             ("+", False), ("18", False), ("👎", False), ("x", False)])
def test_an_age_limit_is_a_reason_to_reject(reason: str, why: bool) -> None:
    assert says_why(reason) is why


@pytest.mark.parametrize("text", ["123", " 1234 ", "123456", "12 3"])
def test_a_number_that_is_no_postal_code_is_told(text: str) -> None:
    assert short_number(text)


@pytest.mark.parametrize("text", ["34117", "Tierheim 123", "", "🎉"])
def test_a_postal_code_or_words_are_no_short_number(text: str) -> None:
    assert not short_number(text)
