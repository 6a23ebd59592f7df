"""The language a message is answered in, decided without Telegram (bot.conversation.reply_language)."""

from __future__ import annotations

import pytest

from bot.conversation.reply_language import answer_language, help_language


def _answer(text: str, *, setting: str = "de", earlier: str | None = None, question: bool = False,
            place: bool = False) -> str:
    return answer_language(text, setting=setting, earlier=earlier or setting, english_question=question,
                           names_place=place)


@pytest.mark.parametrize("text", [
    "I would like to help with animals in Kassel",
    "looking for something with kids on weekends near Leipzig",
])
def test_a_message_clearly_in_english_is_answered_in_english_whatever_the_setting(text: str) -> None:
    assert _answer(text, setting="de") == "en"
    assert _answer(text, setting="de", earlier="de") == "en"


@pytest.mark.parametrize("text", ["Tierheim in Kassel", "was mit Kindern am Wochenende in Leipzig"])
def test_a_german_message_is_answered_in_german_even_in_an_english_conversation(text: str) -> None:
    assert _answer(text, setting="de", earlier="en") == "de"


@pytest.mark.parametrize("text", ["hallo, ich suche was mit hunden in kassel", "Ich möchte gern Kindern vorlesen"])
def test_a_message_clearly_in_german_is_answered_in_german_whatever_the_setting(text: str) -> None:
    assert _answer(text, setting="en") == "de"  # the same rule as English under a German setting


@pytest.mark.parametrize("text", ["Tierheim in Kassel", "dog walking in Kassel please", "Kassel"])
def test_names_and_english_keep_an_english_setting(text: str) -> None:
    assert _answer(text, setting="en") == "en"


@pytest.mark.parametrize("text", ["🐶", "👍🎉"])
def test_emoji_alone_go_on_in_the_conversations_language(text: str) -> None:
    assert _answer(text, setting="de", earlier="en") == "en"
    assert _answer(text, setting="en", earlier="de") == "de"
    assert _answer(text, setting="de") == "de"


def test_a_place_alone_goes_on_in_the_conversations_language() -> None:
    assert _answer("Fulda", setting="de", earlier="en", place=True) == "en"
    assert _answer("Bad Hersfeld", setting="de", earlier="en", place=True) == "en"
    assert _answer("Fulda", setting="de", place=True) == "de"


@pytest.mark.parametrize("text", ["with animals", "and Kassel?"])
def test_a_few_words_not_in_the_settings_language_go_on_in_the_conversations(text: str) -> None:
    assert _answer(text, setting="de", earlier="en") == "en"


def test_a_few_words_recognisably_in_the_settings_language_switch_back() -> None:
    assert _answer("und mit Tieren?", setting="de", earlier="en") == "de"


def test_a_known_question_asked_in_english_is_answered_in_english() -> None:
    assert _answer("Do I need German?", setting="de", question=True) == "en"


def test_help_alone_goes_on_in_the_conversations_language() -> None:
    assert help_language("hilfe", lang="de", earlier="en", in_conversation=True) == "en"
    assert help_language("help", lang="de", earlier="de", in_conversation=True) == "de"


def test_the_english_word_help_outside_a_conversation_is_english() -> None:
    assert help_language("help", lang="de", earlier="de", in_conversation=False) == "en"
    assert help_language("hilfe", lang="de", earlier="de", in_conversation=False) == "de"


def test_a_sentence_asking_for_help_is_answered_in_its_own_language() -> None:
    assert help_language("wie funktioniert das?", lang="de", earlier="en", in_conversation=True) == "de"


@pytest.mark.parametrize(("few", "signs"), [("with animals", " 🐶 🐶 🐶"), ("and in Fulda?", " 🙏🙏 !!"),
                                            ("mit Tieren", " 😀 😀 😀 😀 😀")])
def test_emoji_and_signs_beside_a_few_words_do_not_make_them_many(few: str, signs: str) -> None:
    for setting, earlier in (("de", "en"), ("en", "de")):
        alone = _answer(few, setting=setting, earlier=earlier)
        assert _answer(few + signs, setting=setting, earlier=earlier) == alone, (few, setting)
