"""Word lists from data/nlu/ that are plain sets of words (stop words, filler, known words, language markers, licence
plates), loaded once per process. Split from nlu/lexicon.py, which keeps the rule tables; it re-exports these."""

from __future__ import annotations

import re

import dataclasses
import tomllib
from collections.abc import Collection, Mapping
from functools import cache
from typing import Any, TypeVar, get_type_hints

from nlu.kernel.resources import data_path
from nlu.kernel.text import fold


@cache
def read_toml(name: str) -> dict[str, Any]:
    """Reads one TOML file from data/nlu/, once per process: several rule tables come from the same file
    (interests.toml holds a dozen), and each reader only reads what it gets. Never change the dict."""
    with data_path("nlu", name).open("rb") as handle:
        return tomllib.load(handle)


def folded_set(values: list[str]) -> frozenset[str]:
    """Folds a list of words into a set."""
    return frozenset(fold(value) for value in values)


_Rules = TypeVar("_Rules")


def word_rules(
    rules: type[_Rules], table: Mapping[str, Any], /, *, keys: Mapping[str, str] | None = None,
    as_written: Collection[str] = (), **given: Any,
) -> _Rules:
    """Builds a frozen dataclass of word lists from a table of a TOML file, field by field as its type says: a
    frozenset[str] the folded set of the list, a tuple[str, ...] its folded words in their order (beginnings of
    words, tried in turn), an int or a float the number. as_written: the fields whose words are taken unfolded
    (category keys: "emergency_services"); keys: the table's key of a field named otherwise; given: fields the
    caller reads itself (tables, sets joined with others)."""
    types = get_type_hints(rules)
    values: dict[str, Any] = dict(given)
    for field in dataclasses.fields(rules):  # type: ignore[arg-type]
        if field.name in values:
            continue
        raw = table[(keys or {}).get(field.name, field.name)]
        kind = types[field.name]
        if kind in (int, float):
            values[field.name] = kind(raw)
        elif field.name in as_written:
            values[field.name] = frozenset(raw) if kind == frozenset[str] else tuple(raw)
        elif kind == frozenset[str]:
            values[field.name] = folded_set(raw)
        elif kind == tuple[str, ...]:
            values[field.name] = tuple(fold(word) for word in raw)
        else:
            raise TypeError(f"{rules.__name__}.{field.name}: no word list of type {kind}; give it")
    return rules(**values)


def _lines(name: str) -> frozenset[str]:
    """Reads a one-word-per-line file, skipping comments."""
    text = data_path("nlu", name).read_text(encoding="utf-8")
    return frozenset(fold(line) for line in text.splitlines() if line.strip() and not line.startswith("#"))


@cache
def emoji_words(lang: str) -> dict[str, str]:
    """Returns the pictographs that name a field -> the folded word they are read as, for "de" or "en" (emoji.toml)."""
    return {emoji: fold(word) for word, emojis in read_toml("emoji.toml")[lang].items() for emoji in emojis}


@cache
def plate_codes() -> dict[str, tuple[str, str]]:
    """Returns licence-plate codes (as written, upper case) -> (town, state), from plates.toml."""
    return {code: (str(town), str(state)) for code, (town, state) in read_toml("plates.toml")["codes"].items()}


@cache
def langid_words() -> dict[str, frozenset[str]]:
    """Returns the German and English marker words for language identification."""
    raw = read_toml("langid.toml")
    return {"de": folded_set(raw["de"]), "en": folded_set(raw["en"])}


@cache
def langid_loanwords() -> frozenset[str]:
    """Returns the English words German has borrowed ("online", "Team"): evidence for neither language."""
    return folded_set(read_toml("langid.toml")["loanwords"])


@cache
def langid_weekend_short_after() -> frozenset[str]:
    """Returns the German words after which a small "we" is the weekend's short form ("am we"), from langid.toml."""
    return folded_set(read_toml("langid.toml")["weekend_short_after"])


@cache
def langid_content() -> dict[str, frozenset[str]]:
    """Returns content words typical of German or English, the tie-breaker for keyword-style messages."""
    text = data_path("nlu", "langid_words.txt").read_text(encoding="utf-8")
    body = text.split("\n[de]\n", 1)[1]  # after the comment; written folded by build_langid_words.py
    german, english = body.split("\n[en]\n", 1)
    return {"de": frozenset(german.split()), "en": frozenset(english.split())}


@cache
def stopwords() -> frozenset[str]:
    """Returns the extra stop words for keywords."""
    return _lines("stopwords.txt")


@cache
def filler_words() -> frozenset[str]:
    """Returns frequent words without searchable content ("hab", "irgendwie", "speak"), built from data by
    build_content_words.py (word frequency and part of speech), already folded."""
    text = data_path("nlu", "filler_words.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


@cache
def dialect_changes() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Returns the spelling changes from a dialect or chat form to the standard form ("macha" -> "machen"),
    data/nlu/dialect_sounds.toml."""
    return tuple((re.compile(rule), standard) for rule, standard in read_toml("dialect_sounds.toml")["changes"])


@cache
def known_words() -> frozenset[str]:
    """Returns frequent German and English word forms (folded), the guard against over-eager typo fixing."""
    text = data_path("nlu", "known_words.txt").read_text(encoding="utf-8")
    # Written folded by build_known_words.py; folding 48k lines again would cost 0.1 s at start.
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


@cache
def place_words() -> frozenset[str]:
    """Returns place names that are ordinary words, which need a location cue."""
    return _lines("place_words.txt")
