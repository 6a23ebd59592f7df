"""From free text to the parse the search works on: the one seam between search and the NLU."""

from __future__ import annotations

from typing import Any


def empty_query() -> dict[str, Any]:
    """Returns the parse of a message that says nothing: no interest, no place, no filters."""
    return {
        "categories": [],
        "exclude_categories": [],
        "place": None,
        "place_candidates": [],
        "radius_km": None,
        "time": [],
        "languages": [],
        "remote": False,
        "lang": "de",
        "keywords": [],
        "needs_little_german": False,
    }


def parse_text(text: str) -> dict[str, Any]:
    """Parses a message with the NLU (nlu.parse) and returns its contract dict; blank text parses to nothing."""
    if not text.strip():
        return empty_query()
    import nlu  # imported on first use: loading the pipelines takes a moment and the CLI's --help needs none

    return {**empty_query(), **nlu.parse(text).to_dict()}


_CLEAR_MIN_WORDS = 3  # "Hi", "ok thanks" or a single loan word ("Online") say nothing about the language


def reply_language(text: str, setting: str) -> str:
    """Returns the language to answer a message in: English for a message clearly written in English, even
    when the person's setting (from Telegram) is German; the setting otherwise."""
    if setting == "en" or sum(word.isalpha() for word in text.split()) < _CLEAR_MIN_WORDS:
        return setting
    from nlu.langid import detect_language  # the cheap marker-word count, not the whole pipeline

    return "en" if detect_language(text) == "en" else setting
