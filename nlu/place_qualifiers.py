"""Regions written right after a town's name: "Aue Erzgebirge", "Lauterbach (Vogelsberg)", "Wetter/Ruhr",
"Frankenberg, Mittelsachsen", "Neustadt in Sachsen", "Homberg (Efze)".

The region says which namesake is meant (places_resolve narrows the candidates with it), and it makes the town a
place even when its name is also a word ("Aue", "Wetter"). A landscape or district named so is no place of its
own: "Erzgebirge" alone stands for Annaberg-Buchholz (data/places/curated.toml), but after "Aue" it only says
which Aue. Qualifier words: rivers and landscapes (places.toml [qualifiers], with a point), states
([states]), and the Landkreise of the district table by their short names ("Vogelsberg", "Schwalm-Eder").
"Frankfurt oder Hanau" is two towns, not Frankfurt (Oder).

A quarter the quarter table lacks, written right after its city ("Frankfurt Bornheim", "Leibzig Grünau"), names a
town far away or a quarter of another city: it is read as the city's quarter and is no place of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from nlu.components.common import covered_by
from nlu.extensions import INTERESTS
from nlu.kernel.gazetteer import Place, get_gazetteer, haversine_km
from nlu.kernel.text import fold
from nlu.lexicon import PlaceRules, place_rules
from nlu.place_abbreviations import abbreviated_qualifier

QUALIFIER_REACH = 4  # tokens after a name that may qualify it ("Neustadt an der Weinstraße")
QUALIFIER_KM = 60.0  # a candidate this close to a river/region qualifier fits it
# A name right after a city of this size whose every namesake lies this far from it and is this much smaller is the
# city's quarter ("Frankfurt Bornheim": Bornheim by Bonn is a town of 48,000, 130 km away).
_CITY_MIN, _QUARTER_FAR_KM, _QUARTER_MAX = 100_000, 30.0, 50_000
# A town of under this size within this distance of such a city, written right after it, is the place meant.
_BESIDE_TOWN_MAX, _BESIDE_KM = 50_000, 25.0
_LETTERS, _SLASHED_LETTERS = 3, 2  # the shortest word of its own name that qualifies a town, alone or after "/"


@dataclass(frozen=True, slots=True)
class Qualifier:
    """What a qualifier says (a state, a point to be near, or a district) and the tokens it spans."""

    state: str | None
    point: tuple[float, float] | None
    district: str | None
    start: int
    end: int
    tight: bool = False  # joined by an official abbreviation ("i.d.OPf."), as tight as a bracket

    def fits(self, place: Place) -> bool:
        """Tells whether a place lies where the qualifier says."""
        if self.district is not None:
            return place.district == self.district
        if self.state is not None:
            return place.state == self.state
        assert self.point is not None
        return haversine_km(place.lat, place.lon, *self.point) <= QUALIFIER_KM


@cache
def district_words() -> dict[str, str]:
    """Folded one-word names of the Landkreise (full and short: "vogelsbergkreis", "vogelsberg",
    "mittelsachsen", "schwalm-eder"), and the hyphenated ones written with spaces ("lahn dill", only to tell a
    mention of several words is a region) -> the district's name in the gazetteer."""
    words: dict[str, str] = {}
    for district in get_gazetteer().districts():
        if district.kind != "Landkreis":
            continue
        folded = fold(district.name)
        short = re.sub(r"^(landkreis|kreis) |-?kreis$", "", folded)
        # "Sächsische Schweiz-Osterzgebirge": its last word, hyphenated, is one token and no other word
        for word in (folded, short, short.rsplit(" ", 1)[-1] if "-" in short else ""):
            if word and " " not in word:
                words.setdefault(word, district.name)
        for word in (folded, short):  # written without hyphens ("Lahn Dill", "Main Taunus Kreis"): a region's name
            if "-" in word:
                words.setdefault(word.replace("-", " "), district.name)
    return words


def qualifier_after(doc: Doc, end: int, rules: PlaceRules, mention_starts: set[int]) -> Qualifier | None:
    """Reads "(Oder)", "/Main", "an der Weinstraße", "in Sachsen", "Vogelsberg" right after a name.

    "oder" before another place is the conjunction: "Frankfurt oder Hanau" is not Frankfurt (Oder). An official
    abbreviation is read in its long form: "i.d.OPf." is "in der Oberpfalz", "(Oberpf.)" the same.
    """
    if (abbreviated := abbreviated_qualifier(doc, end)) is not None:
        word = abbreviated.readings[0][-1]
        tight = abbreviated.joined
        if word in rules.qualifiers:
            return Qualifier(None, rules.qualifiers[word], None, abbreviated.word_start, abbreviated.end, tight)
        if word in rules.states:
            return Qualifier(rules.states[word], None, None, abbreviated.word_start, abbreviated.end, tight)
    for token in doc[end : end + QUALIFIER_REACH]:
        norm = token.norm_.rstrip(".")
        if token.text == "oder" and (
            token.i + 1 in mention_starts or (token.i + 1 < len(doc) and doc[token.i + 1].is_alpha)
        ):
            return None
        # before the state: "Vogtland" names a state and, more closely, a region
        if norm in rules.qualifiers:
            return Qualifier(None, rules.qualifiers[norm], None, token.i, token.i + 1)
        if norm in rules.states:
            return Qualifier(rules.states[norm], None, None, token.i, token.i + 1)
        if norm in district_words():
            return Qualifier(None, None, district_words()[norm], token.i, token.i + 1)
        if token.norm_ not in rules.qualifier_fillers:
            return None
    return None


def own_qualifier(doc: Doc, span: Span) -> tuple[int, list[Place]] | None:
    """Returns the word after a name that ends some of its namesakes' own names, with those namesakes: "Homberg Ohm"
    and "Homberg/Ohm" are Homberg (Ohm), "Halle/Westf." Halle (Westf.), "Neukirch Lausitz" Neukirch/Lausitz, and
    "Brake/Unterweser" names Brake although "brake" is a word. The gazetteer's names say which words qualify."""
    places = span._.value
    for token in doc[span.end : span.end + QUALIFIER_REACH]:
        if token.text == "oder" and token.i + 1 < len(doc) and doc[token.i + 1].is_alpha:
            return None  # "Frankfurt oder Hanau"
        if token.norm_ in place_rules().qualifier_fillers:
            continue
        norm = token.norm_.rstrip(".")
        shortest = _LETTERS
        if token.i and doc[token.i - 1].text == "/":
            # a two-letter abbreviation only as the town writes it, after a slash ("Frankenberg/Sa."), read as written:
            # alone "Sa" is Saturday, and its norm says so
            norm, shortest = fold(token.text).rstrip("."), _SLASHED_LETTERS
        fitting = [place for place in places if norm in _own_qualifiers(place.name, shortest)]
        return (token.i, fitting) if fitting else None
    return None


@cache
def _own_qualifiers(name: str, shortest: int = _LETTERS) -> frozenset[str]:
    """The words of a place's name after its first that may qualify it ("ohm" of "Homberg (Ohm)")."""
    words = re.split(r"[^a-z]+", fold(name))[1:]
    return frozenset(word for word in words if len(word) >= shortest and word not in place_rules().qualifier_fillers)


def read_qualified(doc: Doc, mentions: list[Span], rules: PlaceRules) -> tuple[list[Span], set[int]]:
    """Returns the mentions without those that are only another's qualifier (a landscape, district or state:
    "Aue Erzgebirge" names Aue, and "Erzgebirge" is no second place; a town's name used as one for an ambiguous
    name: "Neuhof Fulda"), and where the names a fitting qualifier follows tightly start (a mark, or the joining
    words of an official long name: "Weiden in der Oberpfalz"): the writer named them as places, as a cue does."""
    starts = {m.start for m in mentions}
    dropped: set[int] = set()
    qualified: set[int] = set()
    for span in mentions:
        qualifier = qualifier_after(doc, span.end, rules, starts)
        tight = False
        if qualifier is not None and any(qualifier.fits(place) for place in span._.value):
            start, tight = qualifier.start, qualifier.tight
        elif (own := own_qualifier(doc, span)) is not None:
            start = own[0]
        else:
            continue
        between = doc[span.end:start]
        if (tight or all(t.norm_ in rules.qualifier_tight for t in between)
                or " ".join(t.norm_ for t in between) in rules.qualifier_official):
            qualified.add(span.start)
        for other in mentions:
            if other is not span and other.start == start and (len(span._.value) > 1 or _is_region(other, rules)):
                dropped.add(other.start)
    return [m for m in mentions if m.start not in dropped], qualified - dropped


def qualifier_words(doc: Doc, places: list[Span], rules: PlaceRules) -> list[Span]:
    """Returns the words after the places that qualify them, with their marks: "(Aisch)" of "Neustadt (Aisch)",
    "i.d.OPf." of "Weiden i.d.OPf.", "(Oberpf.)": part of the place's name, never a word to search for."""
    starts = {span.start for span in places}
    found = []
    for span in places:
        qualifier = qualifier_after(doc, span.end, rules, starts)
        if qualifier is not None and any(qualifier.fits(place) for place in span._.value):
            end = qualifier.end
        elif (own := own_qualifier(doc, span)) is not None:
            end = own[0] + 1
        else:
            continue
        while end < len(doc) and doc[end].text in (".", ")") and not doc[end - 1].whitespace_:
            end += 1
        found.append(doc[span.end : end])
    return found


def _is_region(span: Span, rules: PlaceRules) -> bool:
    """Tells whether a mention's words name a landscape, river, district or state rather than a town ("Wetzlar Lahn
    Dill": the Lahn qualifies Wetzlar, it is not the village in the Emsland)."""
    folded = " ".join(t.norm_ for t in span)
    return (folded in rules.areas or folded in rules.states or folded in district_words() or folded.endswith("kreis")
            or folded in rules.qualifiers)


def join_towns_to_cities(doc: Doc, mentions: list[Span], names_a_word: Callable[[Doc, Span], bool]) -> list[Span]:
    """Returns the mentions with a town written right after the large city it lies beside ("Berlin Schönefeld",
    "München Garching", "wohne in Leipzig Markkleeberg") read as one mention of that town: the city only says where
    the town is, as "bei" does in "Neustadt bei Coburg", and what is said of the city is said of the town.

    The second word must be a town's own name: not an ordinary or interest word ("Wolfsburg Lehre abgebrochen",
    "Ulm Buch vorlesen", "Hamburg Rosengarten pflegen"; `names_a_word` is the place belief's test), not a quarter
    of that city, and not only the first part of a longer name ("Osterholz" for Osterholz-Scharmbeck, "Röthenbach"
    for Röthenbach an der Pegnitz: the city's quarters are named that short; "Bernau bei Berlin" names the city)."""
    gazetteer = get_gazetteer()
    starts = {m.start: m for m in mentions}
    interest_starts = covered_by(doc, INTERESTS)
    joined: dict[int, Span] = {}
    for span in mentions:
        town = starts.get(span.end)
        city = span._.value[0]
        # "Hamburg-Groß Borstel": a city joined by a hyphen to a word has its quarter there, no town beside it
        if (town is None or span.start in joined or not span[-1].whitespace_ or town._.fuzzy or "-" in span[-1].text
                or city.population < _CITY_MIN or gazetteer.city_of(city) is not None
                or town[0].text[:1].isupper() != span[0].text[:1].isupper()
                or names_a_word(doc, town) or town.start in interest_starts
                or gazetteer.quarter(town.text, city) is not None):
            continue
        written = " ".join(t.norm_ for t in town)
        distance = {place.id: haversine_km(place.lat, place.lon, city.lat, city.lon) for place in town._.value}
        beside = sorted(
            (place for place in town._.value if place.population < _BESIDE_TOWN_MAX
             and gazetteer.city_of(place) is None and distance[place.id] <= _BESIDE_KM
             and not _in_city_state(place, city) and _own_name(written, place, city)),
            key=lambda place: distance[place.id],
        )
        if beside:
            both = Span(doc, span.start, town.end, label=town.label_)
            both._.value = tuple(beside)
            joined[span.start] = both
            joined[town.start] = both
    if not joined:
        return mentions
    return [joined.get(m.start, m) for m in mentions if m.start not in joined or joined[m.start].start == m.start]


def _in_city_state(place: Place, city: Place) -> bool:
    """Tells whether a place lies in the city state a city is ("Bremen Burglesum", "Bremen Osterholz"): a
    quarter, not a town beside it ("Bremen Achim" names Achim in Niedersachsen)."""
    return place.state_code == city.state_code and fold(get_gazetteer().states().get(city.state_code, "")) == fold(
        city.name)


def _own_name(written: str, place: Place, city: Place) -> bool:
    """Tells whether the written words are a place's whole name, not the first part of a longer one
    ("Osterholz" for Osterholz-Scharmbeck), unless the rest of that name is the city ("Bernau bei Berlin")."""
    name = fold(place.name)
    if name == written or not name.startswith(written):
        return True
    return fold(city.name) in name[len(written):]


def drop_unlisted_quarters(doc: Doc, mentions: list[Span]) -> tuple[list[Span], set[int]]:
    """Returns the mentions without a name written right after a large city (no word or mark between) whose
    namesakes are all far smaller places far from it: a quarter the data lacks, not a second place; and where the
    cities before such quarters start: named with a quarter, a city whose name is also a word ("Essen Kirn") is
    named as a place, as a cue would."""
    starts = {m.start: m for m in mentions}
    dropped: set[int] = set()
    cities: set[int] = set()
    for span in mentions:
        following = starts.get(span.end)
        if following is None or doc[span.end - 1].whitespace_ != " ":
            continue
        city = span._.value[0]
        if city.population < _CITY_MIN or not following[0].text[:1].isupper() and not doc.text.islower():
            continue
        if all(place.population < _QUARTER_MAX and haversine_km(place.lat, place.lon, city.lat, city.lon)
               > _QUARTER_FAR_KM for place in following._.value):
            dropped.add(following.start)
            cities.add(span.start)
    return [m for m in mentions if m.start not in dropped], cities - dropped
