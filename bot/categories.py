"""The interest categories as the application uses them: by key, and as bitmasks for the store.

The taxonomy itself is read once by nlu.kernel.taxonomy from data/taxonomy.toml (the single source); this module
only adds the look-ups the store, search and keyboards need.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from nlu.kernel.taxonomy import Category
from nlu.kernel.taxonomy import categories as taxonomy

__all__ = ["Category", "categories", "category_mask", "is_category", "keys_from_mask"]


@cache
def categories() -> dict[str, Category]:
    """Returns all categories by key, in the order of the taxonomy file."""
    return {category.key: category for category in taxonomy()}


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
