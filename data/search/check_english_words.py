"""Checks data/search/english_words.toml against the listings' own vocabulary: the German side of the glossary is
what listings write, so every German word must be held by some listing text as a word, a word's beginning or a part
inside a compound ("konzert": Konzerte, Adventskonzert). The listing texts are the demo data (data/demo/activities)
and the listing files under tests/ (tests/search/fixtures/*_listings.jsonl, tests/nlu/data/listings_dev*.jsonl);
a blind set is never read.

Run `python data/search/check_english_words.py` after adding words: it prints each German word with the listing
words it finds most often, and exits 1 naming those no listing holds.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from nlu.kernel.text import fold  # noqa: E402

GLOSSARY = ROOT / "data" / "search" / "english_words.toml"
SHOWN = 4
_WORD = re.compile(r"[a-z0-9]+")


def listing_texts(root: Path = ROOT) -> Iterator[str]:
    """Yields the texts of the demo data's activities and of the listing files under tests/ (blind ones skipped)."""
    for path in sorted((root / "data" / "demo" / "activities").glob("*.toml")):
        yield path.read_text(encoding="utf-8")
    files = [*sorted((root / "tests" / "search" / "fixtures").glob("*_listings.jsonl")),
             *sorted((root / "tests" / "nlu" / "data").glob("listings_dev*.jsonl"))]
    for path in files:
        if "blind" in path.name:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                yield " ".join(str(record.get(key, "")) for key in ("title", "description", "text"))


def listing_words(texts: Iterable[str]) -> Counter[str]:
    """Returns the folded words of the texts with the number of texts holding each."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(set(_WORD.findall(fold(text))))
    return counts


def german_side(path: Path = GLOSSARY) -> tuple[str, ...]:
    """Returns the glossary's German words, each once, in the file's order."""
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    found = [german for table in ("phrases", "words") for value in raw.get(table, {}).values() for german in value]
    return tuple(dict.fromkeys(found))


def held_by(german: str, words: Mapping[str, int]) -> list[str]:
    """Returns the listing words holding a German word (itself, a beginning, a compound's part), commonest first."""
    return sorted((word for word in words if german in word), key=lambda word: (-words[word], word))


def unheld(glossary: Path = GLOSSARY, root: Path = ROOT) -> tuple[str, ...]:
    """Returns the glossary's German words that no listing text holds."""
    words = listing_words(listing_texts(root))
    return tuple(german for german in german_side(glossary) if not held_by(german, words))


def main() -> int:
    """Prints each German word with the listing words holding it; returns 1 when one is held by none."""
    words = listing_words(listing_texts())
    missing = []
    for german in german_side():
        holding = held_by(german, words)
        print(f"{german:24} {sum(words[w] for w in holding):5}  {', '.join(holding[:SHOWN])}")
        if not holding:
            missing.append(german)
    if missing:
        print(f"held by no listing: {', '.join(missing)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
