"""Whether a request names its fields as a choice ("Feuerwehr oder was mit Jugendlichen"): then a listing of either
field answers it, and the rule that a field of activity beside a field of people asks for both (bot.search.tiers.
in_fields) does not hold. The joining words live in data/search/field_choice.toml."""

from __future__ import annotations

import re
from functools import cache

from bot.search.word_files import DATA, read_list
from nlu.kernel.text import fold

_TOKEN = re.compile(r"[a-z0-9]+")


@cache
def _words() -> tuple[frozenset[str], frozenset[str]]:
    """Returns the joining words and the vague words after which a joiner joins nothing."""
    table = read_list(DATA / "field_choice.toml")
    return frozenset(map(str, table["joiners"])), frozenset(map(str, table["vague"]))


def names_choice(text: str) -> bool:
    """Tells whether a text joins two things with a word of choice ("oder", "or"), not counting a vague "oder so"."""
    joiners, vague = _words()
    tokens = _TOKEN.findall(fold(text))
    return any(token in joiners and index + 1 < len(tokens) and tokens[index + 1] not in vague
               for index, token in enumerate(tokens))
