"""Related-word families for searching: words naming the same activity without sharing a stem.

"Sterbende begleiten" is answered by a hospice, "vorlesen" by a reading sponsor ("Lesepatin"), though neither
listing repeats the request's word. The families are a small curated list (data/search/related_words.toml,
with how it was built); bot.search.vocabulary adds a word's relatives to its term group as lesser matches, and
those of a family of people (same_people) as the word itself.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from bot.search.word_files import DATA as LISTS
from bot.search.word_files import folded_stems, read_list

DATA = LISTS / "related_words.toml"
MIN_STEM = 5
ACTIVITY = "activity"
KINDS = frozenset({ACTIVITY, "office", "people"})


@cache
def families(path: Path = DATA) -> tuple[tuple[str, ...], ...]:
    """Returns the families' folded stems, as the file lists them."""
    return tuple(stems for stems, _ in _kinded(path))


@cache
def _kinded(path: Path) -> tuple[tuple[tuple[str, ...], str], ...]:
    """Returns each family's folded stems with what it names (an activity, an office, people)."""
    found = []
    for family in read_list(path).get("family", []):
        stems = folded_stems(path, family["stems"], MIN_STEM)
        kind = str(family.get("kind", ACTIVITY))
        if kind not in KINDS:
            raise ValueError(f"{path}: kind is one of {sorted(KINDS)}, not {kind!r}")
        found.append((stems, kind))
    return tuple(found)


def names_activity(word: str, path: Path = DATA) -> bool:
    """Tells whether a folded word begins with a stem of a family that names an activity ("vorlesen",
    "reparieren"), not an office ("Kassenwart") nor the people helped."""
    return any(kind == ACTIVITY and any(word.startswith(stem) for stem in stems) for stems, kind in _kinded(path))


def relatives(word: str, path: Path = DATA) -> tuple[str, ...]:
    """Returns the stems of every family one of whose stems a folded word begins with ("sterbende": hospiz,
    sterbebegleit, sterbend, palliativ), none when it begins none. The stems the word begins with are its own."""
    found: list[str] = []
    for stems in families(path):
        if any(word.startswith(stem) for stem in stems):
            found += [stem for stem in stems if stem not in found]
    return tuple(found)


def same_people(word: str, path: Path = DATA) -> tuple[str, ...]:
    """Returns the stems of every family of people one of whose stems a folded word begins with ("obdachlosen":
    obdachlos, wohnungslos): the words listings use for the same group, which a listing says as much as the word."""
    found: list[str] = []
    for stems, kind in _kinded(path):
        if kind == "people" and any(word.startswith(stem) for stem in stems):
            found += [stem for stem in stems if stem not in found]
    return tuple(found)
