"""Words about the writer are no search words (issue 14, "filler becomes search words"): German named as spoken,
not spoken or as one's origin, and one's family state. The chat would otherwise answer "nothing exactly about ...".
"""

from __future__ import annotations

import pytest

from nlu.api import parse
from nlu.components.language_words import names_german


@pytest.mark.parametrize(
    "text",
    [
        "I use German sign language and written English, Köln",
        "I'm a Turkish-German woman in Duisburg, 45, and want to help",
        "ich spreche deutsch und englisch, suche was in Kassel",
        "Retired GP, German wife, living in Radeberg",
    ],
)
def test_german_as_spoken_or_as_origin_is_no_search_word(text: str) -> None:
    assert not {"german", "deutsch"} & set(parse(text).keywords)


def test_german_learnt_or_taught_stays_a_search_word() -> None:
    assert "deutsch" in parse("Deutsch lernen mit Kindern in Kassel").keywords


def test_a_compound_of_german_names_a_thing() -> None:
    assert names_german("deutschkenntnissen") and names_german("german")
    assert not names_german("deutschkurs") and not names_german("deutschunterricht")


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Ich bin 74 Jahre alt, verwitwet und suche eine Aufgabe mit Senioren in Kassel", "verwitwet"),
        ("ich heiße Gabi, bin 58 und seit kurzem verwitwet. Suche was in Fulda", "verwitwet"),
        ("I'm 70, widowed, and would like to help in Leipzig", "widowed"),
        ("bin 40, ledig, möchte im Tierheim helfen in Gießen", "ledig"),
    ],
)
def test_ones_family_state_is_no_search_word(text: str, state: str) -> None:
    assert state not in parse(text).keywords


def test_widows_to_help_stay_a_search_word() -> None:
    assert "witwen" in parse("Hilfe für Witwen in Kassel").keywords


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("sozialstunden ableisten in kassel", "ableisten"),
        ("muss 80 sozialstunden ableisten (gericht). was geht in Riesa?", "ableisten"),
        ("Ich muss ein Praktikum absolvieren, am liebsten im Tierheim in Fulda", "absolvieren"),
    ],
)
def test_the_verb_that_fulfils_a_duty_is_no_search_word(text: str, verb: str) -> None:
    assert verb not in parse(text).keywords


def test_a_duty_verb_leaves_the_field_wanted() -> None:
    assert "tierheim" in parse("Ich muss ein Praktikum absolvieren, am liebsten im Tierheim in Fulda").keywords


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("Servus! I bin de Resi und tät gern wos mit kindern macha in minchen", "macha"),
        ("Würde gern mit älteren Leude was machen in Dresden, ooch am Wochenende", "leude"),
        ("Mir is langweilisch, Tierheim in Chemnitz?", "langweilisch"),
        ("Griaß di, mog gern wos mit Viecherl macha in Regensburg", "mog"),
    ],
)
def test_filler_written_as_spoken_is_no_search_word(text: str, spoken: str) -> None:
    assert spoken not in parse(text).keywords


def test_a_known_word_is_never_read_as_spoken_filler() -> None:
    assert "tafel" in parse("die Tafel in Kassel").keywords
