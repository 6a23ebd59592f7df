"""Abbreviations and the names they stand for: "THW" is the "Technisches Hilfswerk", a "Kita" a
"Kindertagesstätte". A request written one way finds listings written the other (data/search/abbreviations.toml);
bot.search.vocabulary adds them to a word's term group as the word itself, since both name the same thing."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "data" / "search" / "abbreviations.toml"
MIN_LONG = 5


@cache
def _names(path: Path = DATA) -> dict[str, tuple[str, ...]]:
    """Returns each folded abbreviation with the stems of the long form."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    names = {str(short): tuple(str(stem) for stem in stems) for short, stems in data.get("names", {}).items()}
    for short, stems in names.items():
        if short != short.lower() or any(len(stem) < MIN_LONG or stem != stem.lower() for stem in stems):
            raise ValueError(f"{path}: {short!r} and its stems are folded, stems at least {MIN_LONG} letters")
    return names


def long_forms(word: str, path: Path = DATA) -> tuple[str, ...]:
    """Returns the stems of the name a folded abbreviation stands for ("thw": hilfswerk), none for other words."""
    return _names(path).get(word, ())


def short_forms(word: str, path: Path = DATA) -> tuple[str, ...]:
    """Returns the abbreviations of a name a folded word begins with ("hilfswerks": thw)."""
    return tuple(short for short, stems in _names(path).items() if any(word.startswith(stem) for stem in stems))
