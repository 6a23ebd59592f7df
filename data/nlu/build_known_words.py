"""Builds data/nlu/known_words.txt: frequent German and English word forms, folded.

The NLU only tries typo correction (against places and the interest vocabulary) on tokens that are NOT
ordinary words; without this guard 'werden' fuzzy-matches the village Wöhrden. The source is the word
probability table of spacy-lookups-data (MIT), which is a development dependency only: run

    python data/nlu/build_known_words.py

after changing the sizes below and commit the result.
"""

from __future__ import annotations

import gzip
import json
import sys
from importlib import resources
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from nlu.kernel.text import fold  # noqa: E402

# Enough to cover everyday German and English messages; more costs memory and lets real typos through.
SIZES = {"de": 40_000, "en": 20_000}
OUT = Path(__file__).with_name("known_words.txt")


def frequent_forms(lang: str, size: int) -> list[str]:
    """Returns the most probable alphabetic word forms of one language, folded."""
    table = resources.files("spacy_lookups_data") / "data" / f"{lang}_lexeme_prob.json.gz"
    with gzip.open(str(table), "rt", encoding="utf-8") as handle:
        probs: dict[str, float] = json.load(handle)
    ranked = sorted(probs.items(), key=lambda item: -item[1])
    forms: list[str] = []
    for word, _prob in ranked:
        if word.isalpha() and len(word) >= 3:
            forms.append(fold(word))
        if len(forms) >= size:
            break
    return forms


def main() -> None:
    """Writes the folded, de-duplicated, sorted word list."""
    words: set[str] = set()
    for lang, size in SIZES.items():
        words.update(frequent_forms(lang, size))
    header = ("# Frequent German and English word forms, folded; built by build_known_words.py "
              "(spacy-lookups-data, MIT)\n")
    OUT.write_text(header + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main()
