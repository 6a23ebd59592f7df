"""The interest categories as the application shows and stores them (read from data/taxonomy.toml)."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from nlu.resources import data_path


@dataclass(frozen=True, slots=True)
class Category:
    """One interest category: stable key and bit, labels in German and English, an emoji."""

    key: str
    bit: int
    de: str
    en: str
    emoji: str

    def label(self, lang: str) -> str:
        """Returns the label in the person's language (German when unknown)."""
        return self.en if lang == "en" else self.de


@cache
def categories() -> dict[str, Category]:
    """Returns all categories by key, in the order of the taxonomy file."""
    with data_path("taxonomy.toml").open("rb") as handle:
        raw = tomllib.load(handle)["categories"]
    result = {
        key: Category(key=key, bit=int(entry["bit"]), de=entry["de"], en=entry["en"], emoji=entry["emoji"])
        for key, entry in raw.items()
    }
    bits = [category.bit for category in result.values()]
    if len(set(bits)) != len(bits):
        raise ValueError("data/taxonomy.toml: two categories share a bit")
    return result


def is_category(key: str) -> bool:
    """Tells whether a key names a category."""
    return key in categories()


def category_mask(keys: Iterable[str]) -> int:
    """Returns the bitmask of category keys; unknown keys raise, so typos never vanish silently."""
    table = categories()
    mask = 0
    for key in keys:
        mask |= 1 << table[key].bit
    return mask


def keys_from_mask(mask: int) -> list[str]:
    """Returns the category keys set in a bitmask, in taxonomy order."""
    return [key for key, category in categories().items() if mask & (1 << category.bit)]
