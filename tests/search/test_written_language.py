"""The language a long message is written in: German only on German evidence, else the person's setting."""

from __future__ import annotations

import pytest

from bot.search.understanding import written_language


@pytest.mark.parametrize("text", [
    "Привіт, я хочу допомагати людям у моєму місті, маю багато часу у вихідні. " * 20,
    "Merhaba, şehrimde insanlara yardım etmek istiyorum, hafta sonları çok zamanım var. " * 20,
    "Bonjour, je voudrais aider des personnes dans ma ville, j'ai du temps le week-end. " * 20,
])
def test_a_message_in_neither_language_keeps_the_setting(text: str) -> None:
    assert written_language(text, "en") == "en"


def test_german_and_english_are_told_either_way() -> None:
    assert written_language("Ich möchte gern am Wochenende im Tierheim helfen. " * 20, "en") == "de"
    assert written_language("I would like to help at an animal shelter at weekends. " * 20, "de") == "en"


@pytest.mark.parametrize("setting", ["de", "en"])
def test_one_word_pasted_over_and_over_keeps_the_setting(setting: str) -> None:
    # "Hilfe " 700 times had been refused in English for a person with German set (found by walk23): a single word,
    # however often, says no more about the language than the word once.
    assert written_language("Hilfe " * 700, setting) == setting
    assert written_language("🐶 " * 1000 + "help " * 500, setting) == setting
