"""Builds data/nlu/langid_words.txt: content words far more frequent in one language than in the other.

Language identification counts function words first (langid.toml); keyword-style messages have none
("visiting patients", "Tierheim Hundeschule"), and then these words decide. A word belongs to a language
when it is among that language's most frequent forms and at least RATIO times more frequent there (by rank)
than in the other language. Words of place names are left out: "Leipzig" or "Bad" say nothing about the
writer's language.
The source is the word probability table of spacy-lookups-data (MIT), a development dependency only: run

    python data/nlu/build_langid_words.py

after changing the sizes below and commit the result.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from importlib import resources
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from nlu.kernel.gazetteer import get_gazetteer  # noqa: E402
from nlu.kernel.text import fold  # noqa: E402

SIZE = 20_000  # forms per language that may become markers
HORIZON = 120_000  # how deep to look in the other language before calling a word absent there
RATIO = 4
OUT = Path(__file__).with_name("langid_words.txt")


def ranks(lang: str, size: int) -> dict[str, int]:
    """Returns the most probable alphabetic forms of one language, folded, with their rank."""
    table = resources.files("spacy_lookups_data") / "data" / f"{lang}_lexeme_prob.json.gz"
    with gzip.open(str(table), "rt", encoding="utf-8") as handle:
        probs: dict[str, float] = json.load(handle)
    found: dict[str, int] = {}
    for word, _prob in sorted(probs.items(), key=lambda item: -item[1]):
        if word.isalpha() and len(word) >= 3:
            found.setdefault(fold(word), len(found))
        if len(found) >= size:
            break
    return found


def distinctive(own: dict[str, int], other: dict[str, int], places: set[str]) -> list[str]:
    """Returns the words of `own` that are far more frequent there than in `other`."""
    absent = HORIZON + 1
    return sorted(
        word for word, rank in own.items()
        if rank < SIZE and rank * RATIO < other.get(word, absent) and word not in places
    )


def main() -> None:
    """Writes the two word lists into one file: a "[de]" line, its words, an "[en]" line, its words."""
    de, en = ranks("de", HORIZON), ranks("en", HORIZON)
    # every word of every place name: "Bad Hersfeld" and "Frankfurt am Main" say nothing about the language
    places = {part for name, _ids in get_gazetteer().surface_forms() for part in re.split(r"[^a-z]+", fold(name))}
    lines = ["[de]", *distinctive(de, en, places), "[en]", *distinctive(en, de, places)]
    header = ("# Content words typical of German [de] or English [en]; built by build_langid_words.py "
              "(spacy-lookups-data, MIT)\n")
    OUT.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - 2} words -> {OUT}")


if __name__ == "__main__":
    main()
