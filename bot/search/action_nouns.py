"""The noun of the action of a particle verb whose vowel changes: "ausgeben" also finds "Lebensmittelausgabe".

A verb's stem begins its regular noun ("begleiten": Begleitung), so searching by the stem finds both. Strong verbs
form theirs with another vowel ("geben": Gabe, "ziehen": Zug): the listings' noun shares no beginning with the
person's verb. The roots are a small list (data/search/action_nouns.toml, with how it was built); a root counts only
after one of its listed particles, since the bare nouns ("Gabe", "Zug") and other particles' nouns ("Aufgabe",
"Aufzug") name other things.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from bot.search.word_files import DATA as LISTS
from bot.search.word_files import read_list

DATA = LISTS / "action_nouns.toml"


@cache
def nouns(path: Path = DATA) -> dict[str, str]:
    """Returns the listed particle verbs, folded, with the noun of the action each forms ("ausgeben": "ausgabe")."""
    found: dict[str, str] = {}
    for root in read_list(path).get("root", []):
        verb, noun, particles = str(root["verb"]), str(root["noun"]), [str(p) for p in root["particles"]]
        for word in (verb, noun, *particles):
            if not word.isalpha() or word != word.lower():
                raise ValueError(f"{path}: words are folded lower-case letters: {word!r}")
        found.update({particle + verb: particle + noun for particle in particles})
    return found


def action_noun(word: str, path: Path = DATA) -> str | None:
    """Returns the noun of the action of a listed particle verb in the infinitive ("ausgeben": "ausgabe"), or None
    for any other word ("geben", "aufgeben", "Ausgaben")."""
    return nouns(path).get(word)
