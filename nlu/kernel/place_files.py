"""Reading the compact tab-separated files of data/places/ (checked against their column line)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path


def read_lines(path: Path, columns: list[str]) -> Iterator[str]:
    """Yields the data lines of one of our TSV files (newline stripped) after checking its column line."""
    with path.open(encoding="utf-8") as handle:
        lines = (line.rstrip("\n") for line in handle if not line.startswith("#"))
        header = next(lines, "").split("\t")
        if header != columns:
            raise ValueError(f"{path}: expected columns {columns}, found {header}; run data/build_places.py")
        yield from lines


def read_table(path: Path, columns: list[str]) -> Iterator[list[str]]:
    """Yields the rows of one of our TSV files, split into fields."""
    for line in read_lines(path, columns):
        yield line.split("\t")
