"""Abbreviations and the names they stand for: "THW" is the "Technisches Hilfswerk", a "Kita" a
"Kindertagesstätte". A request written one way finds listings written the other (data/search/abbreviations.toml);
bot.search.vocabulary adds them to a word's term group as the word itself, since both name the same thing."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from bot.search.word_files import DATA as LISTS
from bot.search.word_files import folded_stems, read_list

DATA = LISTS / "abbreviations.toml"
MIN_LONG = 5


@cache
def _names(path: Path = DATA) -> dict[str, tuple[str, ...]]:
    """Returns each folded abbreviation with the stems of the long form."""
    listed = read_list(path).get("names", {})
    names = {str(short): folded_stems(path, stems, MIN_LONG) for short, stems in listed.items()}
    if unfolded := [short for short in names if short != short.lower()]:
        raise ValueError(f"{path}: abbreviations are folded: {unfolded}")
    return names


def long_forms(word: str, path: Path = DATA) -> tuple[str, ...]:
    """Returns the stems of the name a folded abbreviation stands for ("thw": hilfswerk), none for other words."""
    return _names(path).get(word, ())


def short_forms(word: str, path: Path = DATA) -> tuple[str, ...]:
    """Returns the abbreviations of a name a folded word begins with ("hilfswerks": thw)."""
    return tuple(short for short, stems in _names(path).items() if any(word.startswith(stem) for stem in stems))
