"""Languages and little German said in passing (issue 14, messages side, second round): a greeting in one's own
language opening the message, and little German said without a verb or as nothing at all. Every sentence here is
written for this test."""

from __future__ import annotations

import pytest

from nlu import parse


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Merhaba! Ich suche was mit Tieren in Gießen", "tr"),
        ("Xin chao, I can cook for a charity in Chemnitz", "vi"),
        ("Dzień dobry, mieszkam w Zittau, I want to help old people", "pl"),
        ("Добрий день. I live in Halle and like gardening", "uk"),
    ],
)
def test_a_greeting_in_a_language_opening_the_message_is_a_language_spoken(text: str, code: str) -> None:
    assert code in parse(text).languages


@pytest.mark.parametrize(
    "text",
    [
        "meine Nachbarin sagt immer Merhaba, ich will im Tierheim helfen",
        "Hola! Ich suche was mit Kindern in Fulda",
    ],
)
def test_a_greeting_inside_the_message_or_shared_across_languages_names_none(text: str) -> None:
    assert parse(text).languages == ()


@pytest.mark.parametrize(
    "text",
    [
        "looking for something with dogs, German not so good",
        "sorry my deutsch not good, I like to cook",
        "my German is basically zero, anything in English?",
        "Is there a food bank in Kassel? English only please",
    ],
)
def test_little_german_said_without_a_verb_or_as_nothing(text: str) -> None:
    assert parse(text).needs_little_german


@pytest.mark.parametrize(
    "text",
    [
        "my German is pretty good, I'd like to coach kids",
        "we need an English only website for the club",
    ],
)
def test_good_german_or_an_english_only_thing_is_no_little_german(text: str) -> None:
    assert not parse(text).needs_little_german


def test_not_being_german_is_a_nationality_not_a_level() -> None:
    assert not parse("I'm not German, I'm Czech, but I'd like to join a choir in Dresden").needs_little_german


@pytest.mark.parametrize(
    "text", ["I have B2 English and A1 German, can I help?", "I'd like a place where I don't need German"],
)
def test_a_level_before_german_or_not_needing_it_is_little_german(text: str) -> None:
    assert parse(text).needs_little_german


def test_a_greeting_alone_is_small_talk() -> None:
    assert parse("Привет, как дела?").is_empty
