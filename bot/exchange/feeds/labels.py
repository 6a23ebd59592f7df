"""The agencies' own category and target-group labels mapped to taxonomy keys (data/exchange/freinet_labels.toml)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache

from bot.categories import categories
from bot.exchange.schema import category_key
from nlu.kernel.resources import data_path
from nlu.kernel.text import fold

_JOINERS = re.compile(r"\s*(?:\bund\b|&|\+|/|,|-)\s*")


def label_key(label: str) -> str:
    """Folds a label so "Kinder & Jugend", "Kinder und Jugend" and "kinder/jugend" are one."""
    return " ".join(_JOINERS.sub(" ", fold(label)).split())


@dataclass(frozen=True, slots=True)
class LabelMap:
    """Agency label -> category keys, for fields of action and for target groups."""

    fields: dict[str, tuple[str, ...]]
    targets: dict[str, tuple[str, ...]]

    def categories_of(self, labels: list[str], targets: list[str]) -> tuple[list[str], list[str]]:
        """Returns the category keys the labels map to and the labels that map to nothing we know."""
        found: dict[str, None] = {}
        unknown: list[str] = []
        for label, table in [*((label, self.fields) for label in labels), *((t, self.targets) for t in targets)]:
            keys = table.get(label_key(label))
            if keys is None:
                key = category_key(label)
                keys = (key,) if key else None
            if keys is None:
                unknown.append(label)
            else:
                found.update(dict.fromkeys(keys))
        return list(found), unknown


@cache
def label_map() -> LabelMap:
    """Reads the label file once and checks that every key it names is a category."""
    data = tomllib.loads(data_path("exchange", "freinet_labels.toml").read_text("utf-8"))
    known = set(categories())
    tables = []
    for section in ("categories", "target_groups"):
        table = {}
        for label, keys in data.get(section, {}).items():
            if bad := set(keys) - known:
                raise ValueError(f"data/exchange/freinet_labels.toml: {label!r} names unknown categories {sorted(bad)}")
            table[label_key(label)] = tuple(keys)
        tables.append(table)
    return LabelMap(*tables)
