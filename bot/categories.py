"""The interest categories as the application uses them: by key, and as bitmasks for the store.

The taxonomy itself is read once by nlu.kernel.taxonomy from data/taxonomy.toml (the single source); this module
only adds the look-ups the store, search and keyboards need.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, lru_cache

from nlu.kernel.taxonomy import Category
from nlu.kernel.taxonomy import categories as taxonomy
from nlu.kernel.text import fold

__all__ = ["Category", "categories", "category_by_name", "category_mask", "is_category", "keys_from_mask"]


@cache
def categories() -> dict[str, Category]:
    """Returns all categories by key, in the order of the taxonomy file."""
    return {category.key: category for category in taxonomy()}


def is_category(key: str) -> bool:
    """Tells whether a key names a category."""
    return key in categories()


@cache
def _category_names() -> dict[str, str]:
    """Maps folded keys and German and English labels of the categories to their keys."""
    names: dict[str, str] = {}
    for key, category in categories().items():
        for name in (key, key.replace("_", " "), category.de, category.en):
            names[fold(name)] = key
    return names


@lru_cache(maxsize=4096)
def category_by_name(name: str) -> str | None:
    """Returns the key for a key or a German or English label ("Tiere", "animals", "Geflüchtete & Integration"),
    case- and umlaut-insensitive; None when no category bears the name."""
    return _category_names().get(fold(name))


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
