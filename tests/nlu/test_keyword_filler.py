"""Words that frame or pad a message are no search words: a letter's salutation and closing, "something" typed in
a hurry, vague nouns for things in general, "Hauptsache"."""

from __future__ import annotations

import pytest

from nlu.api import parse


@pytest.mark.parametrize(
    ("text", "keywords"),
    [
        ("Sehr geehrte Damen und Herren, gern würde ich im Tierheim helfen. Mit freundlichen Grüßen", {"tierheim"}),
        ("Liebe Damen und Herren, ich suche ein Hospiz in Fulda. Hochachtungsvoll", {"hospiz"}),
        ("Sehr geehrter Herr oder Frau, die Kleiderkammer in Kassel? Mit freundlichem Gruß", {"kleiderkammer"}),
        ("Bahnhofsmission Gotha. Viele Grüße", {"bahnhofsmission"}),
    ],
)
def test_a_letters_salutation_and_closing_are_no_search_words(text: str, keywords: set[str]) -> None:
    assert set(parse(text).keywords) == keywords


def test_ladies_named_as_people_to_help_outside_a_salutation_stay_a_search_word() -> None:
    assert "damen" in parse("Ich würde gern einsame ältere Damen besuchen, Kassel").keywords


@pytest.mark.parametrize(
    "text",
    [
        "could I do smth with the Bahnhofsmission in Erfurt",
        "any Suppenküche in Jena? or sth like that",
        "ich kann gut Sachen reparieren, gibts ein Reparaturcafé?",
        "meinem Nachbarn beim Behörden-Kram helfen",
        "Hauptsache draußen, Streuobstwiese in Gotha",
        "hab zu Hause viel Zeug zum Basteln",
    ],
)
def test_filler_for_something_or_stuff_is_no_search_word(text: str) -> None:
    assert not {"smth", "sth", "sachen", "kram", "hauptsache", "zeug"} & set(parse(text).keywords)


@pytest.mark.parametrize(
    ("text", "keywords"),
    [
        ("Tierheim in Fulda, am Wochenende wenns geht", {"tierheim"}),
        ("nur wenns abends ist, Kleiderkammer Gotha", {"kleiderkammer"}),
        ("wenns um die Bahnhofsmission geht, bin ich dabei. Erfurt", {"bahnhofsmission"}),
    ],
)
def test_wenns_is_a_conjunction_and_no_search_word(text: str, keywords: set[str]) -> None:
    assert set(parse(text).keywords) == keywords
