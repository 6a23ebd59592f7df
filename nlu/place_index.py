"""The gazetteer's surface forms arranged for matching token n-grams, built once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass
from collections import Counter
from functools import cache

from nlu.kernel.gazetteer import get_gazetteer, haversine_km
from nlu.kernel.place_names import is_common_word_name, surface_key
from nlu.kernel.place_types import District, Place, is_added_id
from nlu.kernel.taxonomy import categories
from nlu.lexicon import known_words, place_rules

# "." as well: lower-case "st. wendel" is tokenized "st", ".", "wendel"; "-" as well: in "Jena oder
# Eggenstein-Leopoldshafen" the double name is three tokens
_FIRST_WORD = re.compile(r"[ /(.-]")


@dataclass(frozen=True, slots=True)
class PlaceIndex:
    """Folded names, aliases and short forms -> place ids, plus the words a name can start with."""

    names: dict[str, tuple[int, ...]]
    first_words: frozenset[str]
    short_forms: dict[str, tuple[int, ...]]  # "annaberg" -> Annaberg-Buchholz (first part of a double name)
    # names read as a place only with a cue or standing alone: ordinary words (Essen, Halle) and the names only
    # municipalities added from postal-code names bear (Fernwald, Rosengarten)
    word_names: frozenset[str]
    # the endings of the most place names that are words of their own ("bach"): a compound ending so names a place
    # ("Krebsbach", a brook) even when the gazetteer does not hold it
    endings: tuple[str, ...] = ()

    def is_name(self, folded: str) -> bool:
        """Tells whether a folded word is exactly a place name or alias."""
        return folded in self.names

    def names_a_place(self, folded: str) -> bool:
        """Tells whether a folded word is a place name or alias, or its adjective in -er ("Rödelheimer",
        "Kasseler"): a word that says where, never a slip of another word."""
        return folded in self.names or (folded.endswith("er") and folded[:-2] in self.names)

    def is_town_adjective(self, folded: str) -> bool:
        """Tells whether a folded word is the adjective in -er of a place named wherever it stands, its last vowel
        umlauted or not ("Odenwälder", "Greifswalder")."""
        if not folded.endswith("er") or len(folded) < 6:
            return False
        base = folded[:-2]
        for umlaut, vowel in (("ae", "a"), ("oe", "o"), ("ue", "u")):
            at = base.rfind(umlaut)
            if at >= 0 and self.is_town_name(base[:at] + vowel + base[at + 2 :]):
                return True
        return self.is_town_name(base)

    def ends_as_a_place(self, folded: str) -> bool:
        """Tells whether a folded word is a compound ending as most place names do ("Krebsbach", "Katzenbach")."""
        return any(folded.endswith(ending) and len(folded) >= len(ending) + 3 for ending in self.endings)

    def is_town_name(self, folded: str) -> bool:
        """Tells whether a folded word names a place wherever it stands ("Greifswald"), unlike a name that is an
        ordinary word or only an added municipality's ("Fernwald"): those are places only where read as one."""
        return folded in self.names and folded not in self.word_names


@cache
def place_index() -> PlaceIndex:
    """Builds the index from the gazetteer and places.toml aliases (about 30 ms)."""
    names = dict(get_gazetteer().surface_forms())
    for alias, target in place_rules().aliases.items():
        ids = names.get(surface_key(target))
        if ids is None:
            raise ValueError(f"data/nlu/places.toml: alias {alias!r} names {target!r}, unknown to the gazetteer")
        names[surface_key(alias)] = ids
    short: dict[str, tuple[int, ...]] = {}
    for key, ids in names.items():
        head, dash, _rest = key.partition("-")
        # People write "Annaberg" for Annaberg-Buchholz, "Villingen" for Villingen-Schwenningen.
        if dash and " " not in key and len(head) >= 4 and head not in names:
            short.setdefault(head, ids)
    names.update((key, ids) for key, ids in _district_names(names).items())
    # People type a town's double name with a space ("Groß Gerau", "Ottendorf Okrilla"); a name spelt so already
    # wins, and alternates ("Frankfurt-Offenbach" of Offenbach) are not spelt out so
    gazetteer = get_gazetteer()
    for key, ids in list(names.items()):
        if key.count("-") == 1 and " " not in key and "/" not in key and surface_key(gazetteer.get(ids[0]).name) == key:
            names.setdefault(key.replace("-", " "), ids)
    first = {_FIRST_WORD.split(key)[0] for key in names} | {key.split(" ")[0] for key in names}
    word_names = frozenset(
        key for key, ids in names.items() if is_common_word_name(key) or all(is_added_id(i) for i in ids)
    )
    return PlaceIndex(
        names=names, first_words=frozenset(first), short_forms=short, word_names=word_names,
        endings=_place_endings(names),
    )


_ENDING_NAMES = 500  # names that must end so (of ~20,000 single-word names): "-bach" 556, "-burg" 419, "-feld" 310
_ENDING_LETTERS = (4, 5, 6)


def _place_endings(names: dict[str, tuple[int, ...]]) -> tuple[str, ...]:
    """Returns the endings of the most single-word place names that are words of their own and end no word of the
    taxonomy: "bach" (556 names), not "heim" ("Tierheim") or "berg" ("Weinberg")."""
    counts = Counter(key[-n:] for key in names if key.isalpha() for n in _ENDING_LETTERS if len(key) > n + 2)
    entries = {entry for category in categories() for entry in (*category.words, *category.stems, *category.heads)}
    return tuple(sorted(
        ending for ending, count in counts.items()
        if count >= _ENDING_NAMES and ending in known_words() and not any(entry.endswith(ending) for entry in entries)
    ))


_DISTRICT_NOUNS = ("landkreis", "kreis", "lk", "lkr")  # as people write them before a district's short name
_LANDSCAPE_SEAT_KM = 30.0  # a landscape's town ("Hochtaunus", curated.toml) that stands for the district named so


def _district_names(names: dict[str, tuple[int, ...]]) -> dict[str, tuple[int, ...]]:
    """Names of the Landkreise that name no place ("Hochtaunuskreis", "Kreis Bergstraße", "Landkreis
    Mittelsachsen", "LK Vogelsberg") -> the town nearest the district's point (its seat): a district named alone
    stands for its seat, as a landscape stands for its town. The short name alone ("Bergstraße") is a street as
    often, so it counts only after a district noun; a short name that names a place already ("Landkreis Fulda",
    "Hochtaunuskreis": the Hochtaunus's town in curated.toml) gives that place."""
    gazetteer = get_gazetteer()
    added: dict[str, tuple[int, ...]] = {}
    for district in gazetteer.districts():
        if district.kind != "Landkreis":
            continue
        short = re.sub(r"^(landkreis|kreis) |-?kreis$", "", surface_key(district.name))
        # a short name that names a town or landscape already ("Landkreis Fulda", "Hochtaunus") keeps it, unless
        # that town lies outside the district: "Kreis Offenbach" is the district around the city, not the city
        named = names.get(short, ())
        inside = [i for i in named if _in_district(gazetteer.get(i), district)]
        nearest = (gazetteer.nearest(district.lat, district.lon).id,)
        seat = tuple(inside) or nearest
        keys = (surface_key(district.name), *(f"{noun} {short}" for noun in _DISTRICT_NOUNS))
        for key in {*keys, *(_spaced(key) for key in keys)}:  # chat drops the hyphens: "Main Taunus Kreis"
            if key not in names:
                added[key] = seat
    return added


def _in_district(place: Place, district: District) -> bool:
    """Tells whether a place lies in a district: its own, or near its seat for a landscape without one."""
    if place.district:
        return place.district == district.name
    return haversine_km(place.lat, place.lon, district.lat, district.lon) <= _LANDSCAPE_SEAT_KM


def _spaced(key: str) -> str:
    """Returns a district's name as written without hyphens: "main-taunus-kreis" -> "main taunus kreis"."""
    return key.replace("-", " ")
