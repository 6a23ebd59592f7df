"""From free text to the parse the search works on: the one seam between search and the NLU.

The search works on the NLU's typed ParsedQuery; its dict shape (ParsedQuery.to_dict) appears only at the JSON
edges: the `query` of the search contract and a saved search's stored filters.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from bot.search.smalltalk import emoji_as_words
from nlu.query import ParsedQuery


def empty_query(text: str = "") -> ParsedQuery:
    """Returns the parse of a message that says nothing: no interest, no place, no filters."""
    return ParsedQuery(text=text, lang="de")


def parse_text(text: str) -> ParsedQuery:
    """Parses a message with the NLU (nlu.parse); blank text parses to nothing. Emoji asking for an area ("🐶",
    "🌳 in Leipzig": data/chat/smalltalk.toml) are read as the area's word in their place, as its button would be,
    when the words name no interest ("Chor in Leipzig 🐶" asks for a choir): the words around them then say what
    they say of it ("kein 🐶 in Kassel" rules animals out). The chat, the web and saved searches read them alike."""
    if not text.strip():
        return empty_query(text)
    import nlu  # imported on first use: loading the pipelines takes a moment and the CLI's --help needs none

    parsed = nlu.parse(text)
    if parsed.categories or parsed.exclude_categories or parsed.keywords:
        return parsed
    read = emoji_as_words(text)
    return parsed if read is None else replace(nlu.parse(read), text=text)


def reusing(*known: ParsedQuery | None) -> Callable[[str], ParsedQuery]:
    """Returns a parser that hands back the parses already made (by their text) and parses any other text once:
    the chat parses a message once and passes the parse on to the search, which would otherwise parse it again
    (and again for a second try around the home place)."""
    parses = {parsed.text: parsed for parsed in known if parsed is not None}

    def parse(text: str) -> ParsedQuery:
        if text not in parses:
            parses[text] = parse_text(text)
        return parses[text]

    return parse


def written_language(text: str, setting: str) -> str:
    """Returns the language a long message is written in, either way ("Danke, dass du so viel erzählst" to a
    German letter after English searches); the setting when too few of its words are words ("🐶" * 2000) or it is in
    neither language (German only on German evidence: a long Ukrainian message to a person with English set)."""
    # distinct words: one word pasted a thousand times ("Hilfe " * 700) is as little evidence as the word once
    if len({word.casefold() for word in text.split() if word.isalpha()}) < _CLEAR_MIN_WORDS:
        return setting
    from nlu.langid import detect_language, german_evidence  # the cheap marker-word count, not the whole pipeline

    detected = detect_language(text)
    # "de" there means only "not English": a Ukrainian or French letter keeps the person's setting
    return detected if detected == "en" or german_evidence(text) else setting


_CLEAR_MIN_WORDS = 3  # "Hi", "ok thanks" or a single loan word ("Online") say nothing about the language


def reply_language(text: str, setting: str) -> str:
    """Returns the language to answer a message in: the other one of German and English when the message is
    clearly written in it, whatever the setting (often only what Telegram reported); the setting otherwise.

    German counts only on German evidence: any text without English marker words reads "de" to the detector.
    """
    if sum(word.isalpha() for word in text.split()) < _CLEAR_MIN_WORDS:
        return setting
    from nlu.langid import detect_language, german_evidence  # the cheap marker-word count, not the whole pipeline

    if setting != "en":
        return "en" if detect_language(text) == "en" else setting
    return "de" if german_evidence(text) else setting
