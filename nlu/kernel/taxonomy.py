"""The interest categories from data/taxonomy.toml, typed and loaded once."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from nlu.kernel.resources import data_path
from nlu.kernel.text import fold


@dataclass(frozen=True, slots=True)
class Category:
    """One interest category: stable key and bit, labels, emoji and the words that signal it."""

    key: str
    bit: int
    de: str
    en: str
    emoji: str
    stems: tuple[str, ...]
    words: tuple[str, ...]
    heads: tuple[str, ...]
    phrases: tuple[str, ...]

    def label(self, lang: str) -> str:
        """Returns the label in the given language (German for anything but English)."""
        return self.en if lang == "en" else self.de


def _folded(values: list[str]) -> tuple[str, ...]:
    """Folds and de-duplicates a word list, keeping its order."""
    return tuple(dict.fromkeys(fold(value) for value in values if value.strip()))


@cache
def categories() -> tuple[Category, ...]:
    """Returns all categories in file order (the order used for ties and display)."""
    with data_path("taxonomy.toml").open("rb") as handle:
        raw = tomllib.load(handle)["categories"]
    result = []
    for key, entry in raw.items():
        stems = [stem for stem in entry.get("stems", []) if " " not in stem.strip()]
        # A multi-word "stem" can only match as a phrase; a hyphenated one also as a phrase, because the
        # English tokenizer splits "clean-up" into three tokens.
        phrases = entry.get("phrases", []) + [stem for stem in entry.get("stems", []) if _is_phrase_stem(stem.strip())]
        result.append(
            Category(
                key=key, bit=int(entry["bit"]), de=entry["de"], en=entry["en"], emoji=entry["emoji"],
                stems=_folded(stems), words=_folded(entry.get("words", [])),
                heads=_folded(entry.get("heads", [])), phrases=_folded(phrases),
            )
        )
    _check_unique(result)
    return tuple(result)


def _is_phrase_stem(stem: str) -> bool:
    """Tells whether a stem must (also) match as a phrase: several words, or a hyphen inside a word."""
    return " " in stem or "-" in stem.strip("-")


def _check_unique(found: list[Category]) -> None:
    """Refuses a taxonomy with duplicate keys or bits, which would corrupt stored bitmasks."""
    bits = [category.bit for category in found]
    if len(set(bits)) != len(bits):
        raise ValueError("data/taxonomy.toml: two categories share a bit")


@cache
def category_keys() -> tuple[str, ...]:
    """Returns the category keys in file order."""
    return tuple(category.key for category in categories())


def category(key: str) -> Category:
    """Returns one category by key; raises KeyError for an unknown key."""
    for candidate in categories():
        if candidate.key == key:
            return candidate
    raise KeyError(key)
