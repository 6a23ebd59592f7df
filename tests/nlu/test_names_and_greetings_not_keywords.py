"""The writer's name and a regional greeting are no search words: a signature after a letter's closing, a name given
with one's age or after introducing oneself, "Grüß Gott", "Glück auf"; a frequent word that only function words join
to a phrase the category carries ("die sich das nicht leisten können") neither (natural_dev7, 14-16, 27 and others)."""

from __future__ import annotations

import pytest

from nlu.api import parse


@pytest.mark.parametrize(
    ("text", "keywords"),
    [
        ("Ich würde gern Kindern vorlesen, Bad Lausick.\nMit freundlichen Grüßen\nHildegard Kunze", {"vorlesen"}),
        ("Ich stricke gern. Wer braucht Mützen für Obdachlose in Glauchau? Liebe Grüße, Oma Inge",
         {"stricke", "muetzen"}),
        ("Führungen im Besucherbergwerk Freiberg?\nGlück auf!\nManfred Seidel", {"fuehrungen", "besucherbergwerk"}),
        ("Could I help with homework in Kassel?\nKind regards,\nPeter Hughes", set()),
        ("hey ich bin lena, 14, und will am wochenende im tierheim helfen. aue", {"tierheim"}),
        ("Ich stelle mich kurz vor: Hans-Jürgen, 73. Ich möchte bei der Schuldnerberatung helfen, Biedenkopf",
         {"schuldnerberatung"}),
        ("Grüß Gott, ich suche im Raum Passau eine Aufgabe im Hospiz", {"hospiz"}),
    ],
)
def test_names_and_greetings_are_no_search_words(text: str, keywords: set[str]) -> None:
    assert set(parse(text).keywords) == keywords


def test_a_german_message_naming_the_writer_in_english_keeps_the_name_out() -> None:
    assert "lena" not in parse("Hallo, I'm Lena, wohne in Hanau und gebe gern Nachhilfe").keywords


def test_words_after_a_closing_stay_when_the_message_goes_on() -> None:
    words = parse("Viele Grüße an alle, ich suche eine Fahrradwerkstatt für Kinder in Kassel").keywords
    assert "fahrradwerkstatt" in words


def test_a_filler_word_between_function_words_of_a_phrase_is_no_search_word() -> None:
    parsed = parse("Nachhilfe für Kinder, die sich das nicht leisten können, Bad Vilbel")
    assert "leisten" not in parsed.keywords
    assert "poverty_homelessness" in parsed.categories


@pytest.mark.parametrize(
    ("text", "word"),
    [("nachts Essen verteilen, Kältebus, Frankfurt", "verteilen"), ("Repair Café in Leipzig", "repair"),
     ("Feste organisieren im Dorf, Löbau", "organisieren")],
)
def test_a_phrase_of_content_words_keeps_them(text: str, word: str) -> None:
    assert word in parse(text).keywords


@pytest.mark.parametrize(
    ("text", "word"),
    [("Seit der Rente fällt mir die Decke auf den Kopf. Tafel in Fulda?", "kopf"),
     ("Ich suche eine Chance, was Sinnvolles zu tun, Tierheim Kassel", "chance")],
)
def test_a_frequent_noun_listings_never_use_is_no_search_word(text: str, word: str) -> None:
    assert word not in parse(text).keywords
