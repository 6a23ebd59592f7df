"""Message catalogues: one TOML file per language next to this module, flattened to dotted keys.

Texts that go into messages are Telegram HTML: the catalogue may use <b>, <i> and <a>, and whoever fills in a
placeholder with text from people or listings escapes it first (bot.telegram.render does). Button labels and
callback answers are plain text.

A text that counts something may have plural forms, written as a table: `queue = { one = "…", other = "…" }`,
and a form for none where "0 days" would read oddly (`zero = "… today"`). It is stored as `queue` (the other form),
`queue#one` and `queue#zero`; t() picks the form by the `count` parameter.
A text about a state may have a form for the states said with their article ("im ganzen Saarland", not "in ganz
Saarland"): `{ other = "in ganz {state}", article = "im ganzen {state}" }`, stored as `key#article` and picked when
the `state` parameter is one of the language's `grammar.states_with_article`.
Whole numbers of 1,000 and more are written the reader's way (2.000 in German, 2,000 in English), except ids.
A text may take in another text of the same language where they say the same thing: `{+search.fill_commands}`
stands for that text, put in when the catalogue is read (so a translation keeps both places alike).
"""

from __future__ import annotations

import html
import re
import string
import tomllib
from collections.abc import Iterable
from functools import cache
from pathlib import Path

LANGUAGES: tuple[str, ...] = ("de", "en")
DEFAULT_LANGUAGE = "de"
_HERE = Path(__file__).resolve().parent
_TAG = re.compile(r"<[^>]+>")
_TAKEN_IN = re.compile(r"\{\+([a-z_]+(?:\.[a-z_]+)+)\}")  # {+section.key}: that text, put in at reading


@cache
def catalogue(lang: str) -> dict[str, str]:
    """Returns one language's texts by dotted key ('search.more')."""
    if lang not in LANGUAGES:
        raise KeyError(f"no catalogue for language {lang!r}")
    with (_HERE / f"{lang}.toml").open("rb") as handle:
        return _taken_in(dict(_flatten(tomllib.load(handle))))


PLURAL_ONE = "#one"
PLURAL_ZERO = "#zero"
WITH_ARTICLE = "#article"
_FORMS = ({"one", "other"}, {"zero", "one", "other"})
_STATE_FORMS = {"article", "other"}
_NOT_AMOUNTS = ("id", "year", "code", "number")  # numbers that are names, not amounts: never grouped


def t(lang: str, key: str, **params: object) -> str:
    """Returns the text for a key in a language, with its {placeholders} filled in."""
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    texts = catalogue(lang)
    text = texts[key]
    count = params.get("count")
    if count == 1 or count == 0:
        text = texts.get(key + (PLURAL_ONE if count else PLURAL_ZERO), text)
    if "state" in params and str(params["state"]) in _states_with_article(lang):
        text = texts.get(key + WITH_ARTICLE, text)
    if not params:
        return text
    return text.format(**{name: _number(name, value, lang) for name, value in params.items()})


def language_list(codes: Iterable[str], lang: str) -> str:
    """Returns ISO 639-1 codes as the languages' names in the reader's language ('Arabisch, Englisch'), from the
    catalogue's [languages] table; a code it cannot name stays a code ('NL'). Every view names languages so."""
    names = catalogue(lang if lang in LANGUAGES else DEFAULT_LANGUAGE)
    return ", ".join(names.get(f"languages.{code}", code.upper()) for code in codes)


def decimal(value: float, lang: str) -> str:
    """Writes a distance the reader's way (3,2 in German, 3.2 in English): one decimal below 10 km, but "5 km"
    rather than "5,0 km" beside "15 km". The chat and the web pages both use it."""
    text = f"{value:.1f}" if value < 10 else f"{value:.0f}"
    if 1 <= value < 10:
        text = text.removesuffix(".0")
    return text.replace(".", ",") if lang == "de" else text


def number(value: int, lang: str) -> str:
    """Writes a whole number the reader's way: 2.000 in German, 2,000 in English (below 1,000 as it is)."""
    grouped = f"{value:,}"
    return grouped.replace(",", ".") if lang == "de" else grouped


def _number(name: str, value: object, lang: str) -> object:
    """Groups the digits of amounts; other values pass unchanged."""
    if isinstance(value, int) and not isinstance(value, bool) and not name.endswith(_NOT_AMOUNTS):
        return number(value, lang)
    return value


@cache
def _states_with_article(lang: str) -> frozenset[str]:
    """Returns the states a language names with their article (German: das Saarland), as its texts spell them."""
    listed = catalogue(lang).get("grammar.states_with_article", "")
    return frozenset(name.strip() for name in listed.split(",") if name.strip())


def placeholders(text: str) -> set[str]:
    """Returns the names of the {placeholders} in a catalogue text."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _taken_in(texts: dict[str, str]) -> dict[str, str]:
    """Puts the texts a text takes in ({+section.key}) in its place; a text taking in one that takes in others
    gets theirs too. A key that is missing, or a text that takes in itself, fails at reading, loudly."""

    def expanded(key: str, seen: tuple[str, ...]) -> str:
        if key in seen:
            raise ValueError(f"catalogue text {key} takes in itself: {' -> '.join((*seen, key))}")
        if key not in texts:
            raise KeyError(f"catalogue text {seen[-1]} takes in {key}, which does not exist")
        return _TAKEN_IN.sub(lambda found: expanded(found.group(1), (*seen, key)), texts[key])

    return {key: expanded(key, ()) if "{+" in text else text for key, text in texts.items()}


def _flatten(table: dict[str, object], prefix: str = ""):  # type: ignore[no-untyped-def]
    """Yields (dotted key, text) pairs of a nested TOML table."""
    for key, value in table.items():
        if isinstance(value, dict) and set(value) in _FORMS:
            yield f"{prefix}{key}", value["other"]
            yield f"{prefix}{key}{PLURAL_ONE}", value["one"]
            if "zero" in value:
                yield f"{prefix}{key}{PLURAL_ZERO}", value["zero"]
        elif isinstance(value, dict) and set(value) == _STATE_FORMS:
            yield f"{prefix}{key}", value["other"]
            yield f"{prefix}{key}{WITH_ARTICLE}", value["article"]
        elif isinstance(value, dict):
            yield from _flatten(value, f"{prefix}{key}.")
        elif isinstance(value, str):
            yield f"{prefix}{key}", value
        else:
            raise TypeError(f"catalogue entry {prefix}{key} must be text, not {type(value).__name__}")


def plain(markup: str) -> str:
    """Returns a catalogue text as plain text, for a terminal: its tags dropped ("<code>…</code>"), entities read."""
    return html.unescape(_TAG.sub("", markup))
