"""Place names as the gazetteer looks them up: folded keys, names that are also words, and the name index for
prefix and typo-tolerant search (with the soft and hard first consonants of Saxon and Thuringian speech)."""

from __future__ import annotations

import functools
import re
from collections import defaultdict

from nlu.kernel.place_types import is_added_id
from nlu.kernel.resources import data_path
from nlu.kernel.text import fold

_SEPARATOR_SPACES = re.compile(r"\s*([/\-])\s*")
_MAX_QUERY = 80  # no German place name is longer; longer input is not a place
# A preposition before a place typed as an answer ("in Kassel", "near Potsdam"): no part of its name.
_CUE = re.compile(r"^(?:in|bei|nahe|near|around|um|aus)\s+", re.IGNORECASE)


def typed_place(text: str) -> str:
    """Returns the place name a typed answer gives: without a preposition before it and the punctuation around it
    ("in Kassel." gives "Kassel")."""
    return _CUE.sub("", text).strip(" .,!?")


def surface_key(text: str) -> str:
    """Folds a name for look-up; "Frankfurt / Main" and "Frankfurt/Main" give the same key."""
    if text.isascii() and text.isprintable() and "  " not in text and text == text.strip():
        key = text.lower()  # the common case; same result as fold() without its Unicode work
    else:
        key = fold(text)
    return _SEPARATOR_SPACES.sub(r"\1", key) if ("/" in key or "-" in key) else key


def query_key(text: str) -> str:
    """Folds a query, or returns "" for input that cannot be a place name."""
    if not isinstance(text, str) or not text or len(text) > _MAX_QUERY:
        return ""
    return surface_key(text)


@functools.cache
def common_word_names() -> frozenset[str]:
    """Returns the folded place names that are also ordinary words (Essen, Halle, Weil...)."""
    lines = data_path("places", "common_word_names.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(surface_key(line.split("#")[0].strip()) for line in lines if line.split("#")[0].strip())


def is_common_word_name(folded: str) -> bool:
    """Tells whether a folded name is also an ordinary word, so the NLU should want a location cue."""
    return surface_key(folded) in common_word_names()


# Saxon and Thuringian speech softens a first hard consonant and hardens a soft one ("Gemnitz" for Chemnitz,
# "Pautzen", "Körlitz", "Dorgau", "Krimma"): a typo guess may swap it, only where the rest matches closely, and a
# guess with the word's own first letter wins at equal closeness. Only towns people say that way are guessed:
# a village is too often a dialect word's namesake ("Guden!", Hessian for "Guten", is no Kuden).
_SOFT_HARD = {"ch": ("g", "k"), "g": ("k", "ch"), "k": ("g", "ch"), "b": ("p",), "p": ("b",), "d": ("t",), "t": ("d",)}
SWAP_MIN_SCORE = 90.0
SWAP_PENALTY = 5.0
SWAP_MIN_POPULATION = 10_000


def softened_or_hardened(key: str) -> list[str]:
    """Returns the key with its first consonant swapped for its soft or hard partner ("gemnitz" -> "kemnitz",
    "chemnitz"; "krimma" -> "grimma")."""
    head = "ch" if key.startswith("ch") else key[0]
    return [partner + key[len(head):] for partner in _SOFT_HARD.get(head, ())]


class NameIndex:
    """All surface forms sorted (for prefix search) and bucketed by first letter (for cheap fuzzy search), also
    without the names only added municipalities bear."""

    def __init__(self, names: dict[str, tuple[int, ...]]) -> None:
        self.keys = sorted(names)
        buckets: defaultdict[str, list[str]] = defaultdict(list)
        geonames: defaultdict[str, list[str]] = defaultdict(list)
        for key in self.keys:
            buckets[key[0]].append(key)
            if not is_added_id(names[key][0]):  # best first: a GeoNames place heads every name it shares
                geonames[key[0]].append(key)
        self.by_initial = dict(buckets)
        self.by_initial_geonames = dict(geonames)
