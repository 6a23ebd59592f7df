"""Places a search cannot take as read: a name that exists far apart (the person picks one), and a postal code no
German place has or a place the gazetteer lacks (never all of Germany instead of the place they meant)."""

from __future__ import annotations

import re
from functools import cache

from bot.search.criteria import Criteria
from bot.search.model import PlaceRef
from bot.search.understanding import parse_text
from bot.search.word_files import DATA, read_list
from nlu.components.place_demonyms import cities_from_demonym
from nlu.kernel.gazetteer import get_gazetteer, haversine_km
from nlu.kernel.text import fold
from nlu.lexicon import place_rules
from nlu.place_field import STATE_CITIES, all_of_state, says_all_of_germany, state_cities, state_word
from nlu.kernel.postal_codes import postal_codes_in
from nlu.query import ParsedQuery

# Two candidate places closer than this are one area: searching around the first is fine.
AMBIGUITY_MIN_APART_KM = 30.0


def ambiguous_places(criteria: Criteria) -> tuple[PlaceRef, ...]:
    """Returns the candidate places when the text named a place that exists far apart, else nothing."""
    candidates = list(criteria.place_candidates)
    if criteria.place is not None and all(not _same(criteria.place, other) for other in candidates):
        candidates.insert(0, criteria.place)
    if len(candidates) < 2:
        return ()
    first = candidates[0]
    apart = max(haversine_km(first.lat, first.lon, other.lat, other.lon) for other in candidates[1:])
    return tuple(candidates) if apart > max(AMBIGUITY_MIN_APART_KM, 2 * criteria.radius_km) else ()


def _same(one: PlaceRef, other: PlaceRef) -> bool:
    """Tells whether two place references are the same point."""
    return (one.name, round(one.lat, 4), round(one.lon, 4)) == (other.name, round(other.lat, 4), round(other.lon, 4))


def unknown_postal_code(text: str) -> str | None:
    """Returns a postal code of the text that no German place has ("00000", "00 000"), if any."""
    gazetteer = get_gazetteer()
    for written in postal_codes_in(text):
        if gazetteer.by_postal_code(written.code) is None:
            return written.code
    return None


def unknown_place_named(parsed: ParsedQuery) -> str | None:
    """Returns what the text names as its place that no German place answers: a postal code no place has, else the
    first place name the gazetteer lacks ("Höchst an der Nidder"), as written."""
    code = unknown_postal_code(parsed.text)
    if code is not None:
        return code
    return parsed.unknown_places[0] if parsed.unknown_places else None


def place_to_ask(parsed: ParsedQuery) -> str | None:
    """Returns what a search with no place must ask about instead of searching all of Germany: a place no German
    place answers (unknown_place_named), else a part that most cities have written without its city
    ("Bahnhofsviertel": city_part_named), as written. A follow-up of a search in a city keeps that city instead
    (bot.conversation.followups asks unknown_place_named only). A part is not asked about when the text says where
    anyway, all of Germany ("deutschlandweit, gern in einer Altstadt") or a state ("in Sachsen, in der Innenstadt"),
    nor when it rules the part out ("nicht in der Innenstadt")."""
    unknown = unknown_place_named(parsed)
    if unknown is not None or parsed.place is not None or parsed.place_candidates:
        return unknown
    part = city_part_named(parsed.text)
    if part is None or says_all_of_germany(parsed.text) or named_state(parsed.text) is not None:
        return None
    return None if _ruled_out(parsed.text, part) else part


def part_without_city(parsed: ParsedQuery) -> str | None:
    """Returns the part most cities have that alone gave the text its place ("Ehrenamt in der Südstadt": Hannover's,
    "im Nordend": Frankfurt, "in der Oberstadt": a village), as written: no city beside it says which city, so it is
    asked about as place_to_ask asks about "Bahnhofsviertel". None when a city is named with it ("Südstadt Köln"), a
    town of its own bears the longer name ("Neustadt an der Weinstraße"), several places were read to choose from, or
    the text says where anyway or rules the part out (place_to_ask)."""
    place = parsed.place
    if place is None or parsed.place_candidates:
        return None
    part = city_part_named(parsed.text)
    if part is None or says_all_of_germany(parsed.text) or named_state(parsed.text) is not None:
        return None
    read_from_part = (fold(place.name).split(" (")[0] == fold(part)
                      or get_gazetteer().quarter(fold(part), place.name) is not None)
    if not read_from_part or _ruled_out(parsed.text, part) or _city_adjective_before(parsed.text, part, place.name):
        return None
    rest = re.sub(rf"\b{re.escape(part)}\b", " ", parsed.text, count=1, flags=re.IGNORECASE)
    return part if parse_text(rest).place is None else None


def _city_adjective_before(text: str, part: str, city: str) -> bool:
    """Tells whether the city's adjective stands right before the part ("Dresdner Neustadt", "in der Kölner
    Südstadt"): the city is named with it, as "Neustadt Dresden" names it."""
    before = text[:text.lower().find(part.lower())].split()
    adjective = before[-1].strip(_MARKS) if before else ""
    return fold(city).split(" (")[0] in {fold(name) for name in cities_from_demonym(adjective)}


def _ruled_out(text: str, word: str) -> bool:
    """Tells whether a negation ("nicht", "außer") stands shortly before the word in the text ("nicht in der
    Innenstadt"), in the same clause."""
    before = text[:text.lower().find(word.lower())].rsplit(",", 1)[-1]
    words = [fold(written.strip(_MARKS)) for written in before.split()]
    return any(folded in place_rules().state_negations for folded in words[-_NEGATION_SPAN:])


_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@cache
def _city_part() -> re.Pattern[str]:
    """Returns the pattern of a folded word naming a part most cities have (data/search/city_parts.toml)."""
    table = read_list(DATA / "city_parts.toml")
    parts, ends, quarters = (
        "|".join(sorted(map(str, table[key]), key=len, reverse=True)) for key in ("parts", "ends", "quarter_parts")
    )
    return re.compile(f"(?:{parts})-?(?:{ends})|(?:{quarters})-?viertel")


def city_part_named(text: str) -> str | None:
    """Returns the first word of the text naming a part that most cities have ("Bahnhofsviertel", "Südstadt",
    "Nordend"), as written but capitalised as a name is ("ehrenamt im bahnhofsviertel" of a link: "Bahnhofsviertel"),
    else None: without its city it says where in a city, not which city."""
    pattern = _city_part()
    word = next((word for word in _WORD.findall(text) if pattern.fullmatch(fold(word))), None)
    return word[:1].upper() + word[1:] if word is not None and word.islower() else word


def is_city_part(name: str) -> bool:
    """Tells whether a name the search could not place is a part most cities have (asked as "which city?")."""
    named = city_part_named(name)
    return named is not None and fold(named) == fold(name.strip())


# A state is named after one of these words ("Tierheim in Sachsen"), or alone as an answer to "Wo?" ("Sachsen").
_STATE_CUES = frozenset({"in", "im", "aus", "ganz", "ganzen", "gesamtes", "of", "around", "across", "throughout"})
STATE_PLACES = STATE_CITIES  # the largest places of a named state offered to choose from
_CUE_WORDS = _STATE_CUES | {"all", "whole", "the", "ueberall", "gesamten"}  # "überall in", "the whole of"
_STATE_WORDS = 3  # "North Rhine-Westphalia", "Sachsen Anhalt", "Baden Württemberg": neighbouring words joined first
_MARKS = ".,!?;:()\"'„“”"
_NEGATION_SPAN = 3  # "aber nicht in ganz Sachsen": a negation this many words before the cue rules the state out


def named_state(text: str) -> str | None:
    """Returns the German state the text names as where to look ("Tierheim in Sachsen", "in Sachsen Anhalt",
    "Sachsen"), else None: not a part of one ("Nordhessen", "Vogtland": nlu.place_field.state_word), not one ruled
    out ("aber nicht in Sachsen"); the city states are places of their own and abbreviations of two letters ("by")
    no state here."""
    written = [word for word in text.split() if word.strip(_MARKS)]
    words = [fold(word.strip(_MARKS)) for word in written]
    negations = place_rules().state_negations
    index = 0
    while index < len(words):
        size, state = _state_at(words, index)
        if state is None:
            index += 1
            continue
        # "in Sachsen bitte nicht", but not "in Sachsen, nicht in Kassel" (a comma closes the state's clause)
        before = words[:index]
        after = words[index + size:index + size + 2] if not written[index + size - 1].endswith(",") else []
        if any(word in negations for word in before[-_NEGATION_SPAN:]) or any(word in negations for word in after):
            return None
        if len(words) == size or (before and before[-1] in _STATE_CUES):
            return state
        index += size
    return None


def all_of_named_state(text: str) -> str | None:
    """Returns the state a text asks all of by clear wording ("Tierheim in ganz Sachsen", "im ganzen Saarland",
    "all of Saxony", "überall in Sachsen": places.toml whole_state_cues right before the state's word), else None; a
    bare "in Sachsen" is no such wording (which town is asked), nor a state ruled out (named_state)."""
    state = named_state(text)
    if state is None:
        return None
    words = [word.strip(_MARKS) for word in text.split() if word.strip(_MARKS)]
    for start in range(len(words)):
        for end in range(start + 2, min(len(words), start + 2 + _STATE_WORDS + 1) + 1):
            if all_of_state(" ".join(words[start:end])) == state:
                return state
    return None


def names_another_place(text: str, state: str) -> bool:
    """Tells whether a text names a place other than the whole state searched ("tierheim in kassel", "in Bayern"
    with Sachsen): the place written wins, as "und in Kassel?" does in the chat (links, the web's text field)."""
    return named_state(text) not in (None, state) or parse_text(text).place is not None


def without_state(text: str) -> str:
    """Returns the text without the words naming a state as where to look and the cue before them ("Tierheim in
    ganz Sachsen": "Tierheim"): searched as that state, its name is no word of the wish, so the chat's text, a
    link's and a field's state rank alike."""
    written = text.split()
    words = [fold(word.strip(_MARKS)) for word in written]
    kept: list[str] = []
    index = 0
    while index < len(words):
        size, state = _state_at(words, index) if words[index] else (1, None)
        if state is None:
            kept.append(written[index])
            index += 1
            continue
        start = len(kept)
        while start and fold(kept[start - 1].strip(_MARKS)) in _CUE_WORDS:
            start -= 1
        del kept[start:]
        index += size
    return " ".join(kept)


def _state_at(words: list[str], index: int) -> tuple[int, str | None]:
    """Returns how many words from `index` name a whole state (the longest reading first), and which."""
    for size in range(min(_STATE_WORDS, len(words) - index), 0, -1):
        key = "-".join(words[index:index + size])
        state = state_word(key)
        if state is not None and len(key) >= 3 and fold(state) not in _CITY_STATES:
            return size, state
    return 1, None


def largest_places(state: str, count: int = STATE_PLACES) -> tuple[PlaceRef, ...]:
    """Returns a state's largest towns (no city's quarters, no part of a larger town), largest first, as search
    centres: the same towns a place field offers for the state (nlu.place_field.state_cities)."""
    return tuple(PlaceRef(name=place.name, lat=place.lat, lon=place.lon, state=place.state,
                          postal_code=place.postal_code) for place in state_cities(state)[:count])


_CITY_STATES = frozenset({"berlin", "hamburg", "bremen"})
