"""Whether a request names its fields as a choice ("Feuerwehr oder was mit Jugendlichen"): then a listing of either
field answers it, and the rule that a field of activity beside a field of people asks for both (bot.search.tiers.
in_fields) does not hold. The joining words live in data/search/field_choice.toml."""

from __future__ import annotations

import re
from functools import cache

from bot.search.word_files import DATA, read_list
from nlu.kernel.text import PLAIN_WORD, fold

_PART = re.compile(r"[,.;:!?()\n]+")


@cache
def _words() -> tuple[frozenset[str], frozenset[str]]:
    """Returns the joining words and the vague words after which a joiner joins nothing."""
    table = read_list(DATA / "field_choice.toml")
    return frozenset(map(str, table["joiners"])), frozenset(map(str, table["vague"]))


def names_choice(text: str) -> bool:
    """Tells whether a text joins two fields with a word of choice ("oder", "or"): what follows the joiner (up to the
    next joiner or mark) names a field that what stands before it does not. "Sport oder was mit Kindern" is a choice;
    "Sport mit Kindern oder Jugendlichen" (one field of people either way), "Sport mit Kindern, sonst nichts" and a
    vague "oder so" are none."""
    joiners, vague = _words()
    folded = fold(text)
    if not joiners.intersection(PLAIN_WORD.findall(folded)):
        return False
    parts = _PART.split(folded)  # clauses: a choice joins words of one clause
    for part in parts:
        tokens = PLAIN_WORD.findall(part)
        cuts = [index for index, token in enumerate(tokens) if token in joiners]
        for number, cut in enumerate(cuts):
            end = cuts[number + 1] if number + 1 < len(cuts) else len(tokens)
            after = tokens[cut + 1:end]
            if not after or after[0] in vague:
                continue
            if _fields(" ".join(after)) - _fields(" ".join(tokens[:cut])):
                return True
    return False


@cache
def _fields(words: str) -> frozenset[str]:
    """Returns the fields a few words name, as the NLU reads them alone."""
    from bot.search.understanding import parse_text  # the NLU pipeline loads on first use, not at import

    return frozenset(parse_text(words).categories) if words else frozenset()
