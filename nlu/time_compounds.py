"""Words that hold a time word beside another word: "Nachtcafé", "Spieleabend", "Abendessen" name a thing (and are
search words), while "abends", "Sonntagmorgen" or "Wochenenden" only say when (data/nlu/time.toml, time_words)."""

from __future__ import annotations

from spacy.tokens import Doc

from nlu.extensions import TIMES, spans
from nlu.lexicon import time_rules

# Endings a time word takes ("abends", "Wochenenden", "evenings") and the joint of a compound ("Sonntagsmorgen").
_TIME_ENDINGS = frozenset({"", "s", "e", "n", "en", "es", "er", "ens", "ns"})


def time_compound(norm: str) -> bool:
    """Tells whether a folded word holds a time word beside another word ("nachtcafe", "spieleabend",
    "abendessen"), not a time by itself ("abends", "sonntagmorgen", "wochenenden") nor one holding none ("uhr")."""
    words = time_rules().time_words
    return not _is_time(norm, words) and any(word in norm for word in words)


def thing_naming_times(doc: Doc) -> set[int]:
    """Returns the tokens of time mentions that hold a time word beside another word ("Nachtcafé", "Spieleabend",
    "Vorlesenachmittag"): the time they say is the thing's, so the word names a thing, not when the writer is free.
    The one reading of the rule for the keywords and the writer's words."""
    return {i for span in spans(doc, TIMES) for i in range(span.start, span.end) if time_compound(doc[i].norm_)}


def _is_time(norm: str, words: frozenset[str]) -> bool:
    """Tells whether a folded word is made of time words alone, with their endings ("samstagvormittags")."""
    if norm in _TIME_ENDINGS:
        return True
    for word in words:
        if norm.startswith(word):
            rest = norm[len(word):]
            if _is_time(rest, words) or (rest.startswith("s") and _is_time(rest[1:], words)):
                return True
    return False
