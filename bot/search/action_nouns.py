"""The noun of the action of a particle verb whose vowel changes: "ausgeben" also finds "Lebensmittelausgabe".

A verb's stem begins its regular noun ("begleiten": Begleitung), so searching by the stem finds both. Strong verbs
form theirs with another vowel ("geben": Gabe, "ziehen": Zug): the listings' noun shares no beginning with the
person's verb. The roots are a small list (data/search/action_nouns.toml, with how it was built); a root counts only
after a particle, since the bare nouns ("Gabe", "Zug") name other things.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "data" / "search" / "action_nouns.toml"
MIN_PARTICLE = 2  # "ab", "um", "aus", "bei", "teil", "weiter"


@cache
def roots(path: Path = DATA) -> tuple[tuple[str, str], ...]:
    """Returns (verb root, noun root) pairs as the file lists them, folded."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    found = []
    for root in data.get("root", []):
        verb, noun = str(root["verb"]), str(root["noun"])
        if not verb.isalpha() or not noun.isalpha() or verb != verb.lower() or noun != noun.lower():
            raise ValueError(f"{path}: roots are folded lower-case words: {verb!r}, {noun!r}")
        found.append((verb, noun))
    return tuple(found)


def action_noun(word: str, path: Path = DATA) -> str | None:
    """Returns the noun of the action of a folded particle verb in the infinitive ("ausgeben": "ausgabe"), or None
    for any other word ("geben", "Ausgaben", "leben")."""
    for verb, noun in roots(path):
        if word.endswith(verb) and len(word) - len(verb) >= MIN_PARTICLE:
            return word[: -len(verb)] + noun
    return None
