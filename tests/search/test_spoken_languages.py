"""The result header names the languages the person said they speak, as it names the place and the time: they
rank listings that welcome them first."""

from __future__ import annotations

from bot.search.model import PlaceRef, SearchOutcome
from bot.search.notes import spoken_languages
from bot.telegram.search.render import summary
from bot.web.wording import summary as web_summary


def test_languages_are_named_in_the_readers_words_joined_as_alternatives() -> None:
    assert spoken_languages(("ar",), "de") == ["auf Arabisch"]
    assert spoken_languages(("ar", "fa"), "de") == ["auf Arabisch oder Persisch"]
    assert spoken_languages(("ar", "fa"), "en") == ["in Arabic or Persian"]
    assert spoken_languages((), "de") == []


def _outcome(**query: object) -> SearchOutcome:
    return SearchOutcome(query={"categories": ["refugees_integration"], **query}, widened=(), results=(), total=0,
                         place=PlaceRef("Dresden", 51.05, 13.74), radius_km=15, everywhere=False)


def test_chat_and_web_headers_say_the_language_after_place_and_time() -> None:
    outcome = _outcome(time=["weekend"], languages=["ar"])
    assert summary(outcome, "de") == "Geflüchtete &amp; Integration · Dresden + 15 km · am Wochenende · auf Arabisch"
    assert web_summary(outcome, "en").endswith("Dresden + 15 km · at the weekend · in Arabic")
    assert "Arab" not in summary(_outcome(), "de") and "auf " not in summary(_outcome(), "de")


def test_headers_say_that_the_person_speaks_little_german_before_their_languages() -> None:
    # what the walk found: "my german is bad" was read and ranked by, but no header said so
    assert spoken_languages((), "de", little_german=True) == ["mit wenig Deutsch"]
    outcome = _outcome(languages=["ar"], needs_little_german=True)
    assert summary(outcome, "de") == ("Geflüchtete &amp; Integration · Dresden + 15 km · mit wenig Deutsch"
                                      " · auf Arabisch")
    assert web_summary(_outcome(needs_little_german=True), "en").endswith("Dresden + 15 km · with little German")
    assert "Deutsch" not in summary(_outcome(needs_little_german=False), "de")
