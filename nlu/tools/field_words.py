"""Lists field-word candidates from the labelled data: `python -m nlu.tools.field_words [--min-texts N]`.

Reads every non-blind labelled set under tests/nlu/data (messages and listings; files named *_blind* are never
opened) and counts, for each folded content word and each compound part, the categories of the texts it occurs in
and the sets (one author each) it occurs in. It prints two lists for a person to review (nothing is written):

- unknown: words the rules tie to no category, seen in several texts of several authors, whose texts carry one
  category far more often than that category's share of all texts (purity and lift);
- contradicted: words the rules tie to a category that most texts containing them are not labelled with.

A compound part is the longest known word (known_words.txt, five letters or more) a longer word ends with, and what
stands before it ("Wegepflege" counts as "wegepflege", "pflege" and "wege"). Stop and filler words are skipped.
The lists are candidates, not rules: a word is only worth adding when a stranger would use it for that field.
"""

from __future__ import annotations

import argparse
import html
import json
import re
from collections import Counter, defaultdict

from nlu.api import categorize, parse_with_rules
from nlu.evaluate import LABELLED as DATA
from nlu.kernel.text import fold
from nlu.lexicon import filler_words, known_words, stopwords
from nlu.vocabulary import categories_of

_TAGS = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_MIN_HEAD = 5


Text = tuple[str, str, str, frozenset[str], frozenset[str]]


def labelled_texts() -> list[Text]:
    """Returns (set name, kind, folded text, labelled categories, categories the rules find) for every non-blind
    labelled text (listings categorised as the import does, messages parsed without the trained component)."""
    found = []
    for path in sorted(DATA.glob("*.jsonl")):
        if "blind" in path.name:
            continue
        kind = "listing" if path.name.startswith("listings") else "message"
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if kind == "listing":
                title, body = row.get("title") or "", row.get("description") or ""
                text = f"{title} {html.unescape(_TAGS.sub(' ', body))}"
                got = frozenset(categorize(title, body).categories)
            else:
                text = row["text"]
                got = frozenset(parse_with_rules(text).categories)
            found.append((path.stem, kind, fold(text), frozenset(row.get("categories") or ()), got))
    return found


def parts(word: str, known: frozenset[str]) -> set[str]:
    """Returns the word, and for a compound its longest known ending and what stands before it."""
    found = {word}
    for piece in word.split("-"):
        found.add(piece)
        for start in range(2, len(piece) - _MIN_HEAD + 1):
            if piece[start:] in known:
                found |= {piece[start:], piece[:start]} if len(piece[:start]) >= 3 else {piece[start:]}
                break
    return {p for p in found if len(p) >= 3}


def main(argv: list[str] | None = None) -> int:
    """Counts and prints the candidate lists."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-texts", type=int, default=4, help="texts a word must occur in (default 4)")
    parser.add_argument("--min-sets", type=int, default=2, help="labelled sets (authors) it must occur in")
    parser.add_argument("--purity", type=float, default=0.75, help="share of its texts with the top category")
    parser.add_argument("--kind", choices=("message", "listing", "all"), default="all")
    args = parser.parse_args(argv)
    skip = stopwords() | filler_words()
    known = known_words()
    texts = [t for t in labelled_texts() if args.kind in ("all", t[1])]
    share = Counter(c for _, _, _, cats, _ in texts for c in cats)
    with_cat: dict[str, Counter[str]] = defaultdict(Counter)
    seen: Counter[str] = Counter()
    missed: dict[str, Counter[str]] = defaultdict(Counter)  # labelled, not found
    added: dict[str, Counter[str]] = defaultdict(Counter)  # found, not labelled
    sets: dict[str, set[str]] = defaultdict(set)
    for name, _, text, cats, got in texts:
        words = {p for w in _WORD.findall(text) if w not in skip and len(w) >= 3 for p in parts(w, known)}
        for word in words - skip:
            seen[word] += 1
            sets[word].add(name)
            with_cat[word].update(cats)
            missed[word].update(cats - got)
            added[word].update(got - cats)
    print("# unknown to the rules: word  texts  sets  top-category purity lift  texts where the rules miss it")
    for word, n in sorted(seen.items(), key=lambda kv: -kv[1]):
        if n < args.min_texts or len(sets[word]) < args.min_sets or categories_of(word, "de") or categories_of(
            word, "en"
        ):
            continue
        top, count = with_cat[word].most_common(1)[0] if with_cat[word] else ("", 0)
        lift = (count / n) / (share[top] / len(texts)) if top else 0.0
        if count / n >= args.purity and lift >= 2.0:
            miss = missed[word][top]
            print(f"{word:<24} {n:>4} {len(sets[word]):>3}  {top:<22} {count / n:.2f} {lift:4.1f} {miss:>4}")
    print("\n# contradicted: word  texts  sets  rule category  share labelled so  texts where the rules add it")
    for word, n in sorted(seen.items(), key=lambda kv: -kv[1]):
        if n < args.min_texts:
            continue
        for key in set(categories_of(word, "de")) | set(categories_of(word, "en")):
            if with_cat[word][key] / n < 0.5:
                share_so = with_cat[word][key] / n
                print(f"{word:<24} {n:>4} {len(sets[word]):>3}  {key:<22} {share_so:.2f} {added[word][key]:>4}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
