"""The search's curated word lists (data/search/*.toml): how they are read and how their stems are checked, the same
for every list that writes stems (related words, abbreviations)."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[2] / "data" / "search"


def read_list(path: Path) -> dict[str, Any]:
    """Returns the tables of one word list."""
    return tomllib.loads(path.read_text(encoding="utf-8"))


def folded_stems(path: Path, stems: Iterable[object], minimum: int) -> tuple[str, ...]:
    """Returns a list's stems as written, refusing any that is not folded or shorter than `minimum` letters (a short
    stem begins too many other words)."""
    found = tuple(str(stem) for stem in stems)
    if any(len(stem) < minimum or stem != stem.lower() for stem in found):
        raise ValueError(f"{path}: stems are folded and at least {minimum} letters: {found}")
    return found
