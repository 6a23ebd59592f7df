"""A radius said as a way of travelling: "max 20 min mit der Bahn", "mit dem Rad erreichbar", "walking distance".

Read by the radius finder only when no distance is stated; the modes, speeds and words are in radius.toml [travel].
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from spacy.lang.de.stop_words import STOP_WORDS as GERMAN_STOP_WORDS
from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH_STOP_WORDS
from spacy.tokens import Doc

from nlu.components.common import is_boundary, spans_of
from nlu.extensions import INTERESTS, TIMES
from nlu.kernel.text import fold
from nlu.word_lists import folded_set, read_toml, word_rules

_GLUED = re.compile(r"^(\d{1,3})([a-z.]+)$")  # "20min" when the tokenizer kept it whole
_HALF = frozenset({"halbe", "half"})
_REACH = 5  # a duration and its travel word, or a travel word and its reach word, stand this close in one clause


@dataclass(frozen=True, slots=True)
class TravelRules:
    """Travel words by mode, km per minute and reach km per mode, duration units."""

    modes: dict[str, str]  # folded word -> mode
    km_per_minute: dict[str, float]
    reach_km: dict[str, float]
    reach_words: frozenset[str]
    reach_alone: dict[str, str]
    reach_modes: dict[str, str]
    prepositions: frozenset[str]
    articles: frozenset[str]
    minutes: dict[str, float]
    clock_words: frozenset[str]
    until_words: frozenset[str]
    clock_units: frozenset[str]
    clock_over_minutes: float
    max_km: float
    min_km: float
    living_words: frozenset[str]
    landmark_from: frozenset[str]
    from_words: frozenset[str]
    landmark_articles: frozenset[str]
    origin_closers: frozenset[str]
    period_words: frozenset[str]
    period_reach: int
    transport_verbs: frozenset[str]
    destination_prepositions: frozenset[str]
    not_objects: frozenset[str]
    reach_breaks: frozenset[str]
    mode_cues: frozenset[str]
    mode_joins: frozenset[str]
    governing_prepositions: frozenset[str]
    subjects: frozenset[str]


_ORIGIN_REACH = 4  # "von der Fuldaer Innenstadt aus": the closing "aus" three words on


@cache
def travel_rules() -> TravelRules:
    """Returns the travel settings of radius.toml."""
    raw = read_toml("radius.toml")["travel"]
    return word_rules(
        TravelRules, raw, keys={"max_km": "max_travel_km", "min_km": "min_travel_km"},
        modes={fold(word): mode for mode, words in raw["modes"].items() for word in words},
        km_per_minute={mode: float(v) for mode, v in raw["km_per_minute"].items()},
        reach_km={mode: float(v) for mode, v in raw["reach_km"].items()},
        reach_alone={fold(k): v for k, v in raw["reach_alone"].items()},
        reach_modes={fold(k): v for k, v in raw["reach_modes"].items()},
        minutes={fold(k): float(v) for k, v in raw["minutes"].items()},
        not_objects=folded_set(raw["not_objects"]) | GERMAN_STOP_WORDS | ENGLISH_STOP_WORDS,
    )


def travel_radius(doc: Doc, number: Callable[[str], float | None]) -> tuple[int, int, float | None] | None:
    """Returns (start, end, km) of the first travel phrase that gives a distance, or None. A travel phrase read but
    giving no distance (a clock time "um 14 h mit dem Bus", where one lives) comes with km None: its words are
    read, so they are no search words."""
    rules = travel_rules()
    silent: tuple[int, int, float | None] | None = None
    for i in range(len(doc)):
        duration = _duration_at(doc, i, rules, number)
        if duration is not None:
            start, end, minutes = duration
            mode = _mode_near(doc, start, end, rules)
            if mode is not None:
                at, kind = mode
                first, last = min(start, at), max(end, at + 1)
                if _is_clock_time(doc, duration, rules):
                    silent = silent or (first, last, None)
                    continue
                if _says_where_one_lives(doc, first, last, rules) or _is_task_time(doc, start, end, at, rules):
                    return first, last, None
                return first, last, min(max(minutes * rules.km_per_minute[kind], rules.min_km), rules.max_km)
        reach = _reach_at(doc, i, rules)
        if reach is not None:
            return (reach[0], reach[1], None) if _says_where_one_lives(doc, reach[0], reach[1], rules) else reach
    return silent


def travel_words(doc: Doc) -> set[int]:
    """Returns the tokens that say how one gets about, with or without a distance: a travel word after its
    preposition ("mit dem Bus", "by bike", "zu Fuß") or after a word of having, lacking or riding ("kein Auto", "nur
    Fahrrad", "fahr gern Rad"), or joined to such a word ("by bike or bus"). They are no search words; "Fahrräder
    reparieren" keeps its thing."""
    rules = travel_rules()
    found: set[int] = set()
    for i, token in enumerate(doc):
        if token.norm_ not in rules.modes:
            continue
        before = [doc[j].norm_ for j in range(max(i - 2, 0), i)]
        joined = i > 1 and doc[i - 1].norm_ in rules.mode_joins and i - 2 in found
        if joined or _mode(doc, i, rules) is not None or any(word in rules.mode_cues for word in before):
            found.add(i)
    return found


def _duration_at(
    doc: Doc, i: int, rules: TravelRules, number: Callable[[str], float | None]
) -> tuple[int, int, float] | None:
    """Returns (start, end, minutes) when a duration ends at token i ("20 min", "20min", "eine halbe Stunde")."""
    norm = doc[i].norm_
    glued = _GLUED.match(norm)
    if glued and glued.group(2) in rules.minutes:
        return i, i + 1, float(glued.group(1)) * rules.minutes[glued.group(2)]
    unit = rules.minutes.get(norm)
    if unit is None or i == 0:
        return None
    before = doc[i - 1].norm_
    if before in _HALF or (before == "an" and i > 1 and doc[i - 2].norm_ in _HALF):  # "halbe Stunde", "half an hour"
        start = i - 1 if before in _HALF else i - 2
        return start, i + 1, unit / 2
    if unit == 15:  # "Viertelstunde" stands alone or after "eine"
        return i, i + 1, unit
    value = number(before)
    if value is None:
        return (i - 1, i + 1, unit) if before in {"eine", "einer", "an", "a"} and unit == 60 else None
    return i - 1, i + 1, value * unit


def _says_where_one_lives(doc: Doc, start: int, end: int, rules: TravelRules) -> bool:
    """Tells whether the travel phrase start..end says where one lives: a living word before it in its clause, or
    a landmark with its article right after it ("vom Bahnhof", "von der Uni", "from the station")."""
    for j in range(start - 1, -1, -1):
        if is_boundary(doc[j]):
            break
        if doc[j].norm_ in rules.living_words:
            return True
    for j in range(end, min(end + 2, len(doc))):
        norm = doc[j].norm_
        if norm in rules.landmark_from:
            return True
        if norm in rules.from_words:
            return (j + 1 < len(doc) and doc[j + 1].norm_ in rules.landmark_articles
                    and not _origin_closed(doc, j + 2, rules))
    return False


def _origin_closed(doc: Doc, start: int, rules: TravelRules) -> bool:
    """Tells whether a "von" phrase is closed by "aus" within a few words ("von der Innenstadt aus"): the place the
    search starts from, not where one lives."""
    for j in range(start, min(start + _ORIGIN_REACH, len(doc))):
        if is_boundary(doc[j]):
            return False
        if doc[j].norm_ in rules.origin_closers:
            return True
    return False


def _is_task_time(doc: Doc, start: int, end: int, at: int, rules: TravelRules) -> bool:
    """Tells whether a duration start..end with its mode at `at` is time for a task: per week or month ("2 Stunden
    pro Woche mit dem Rad"), or the mode carries an object to a transport verb, the object after the mode ("mit dem
    Auto Leute zum Arzt fahren", "mit dem Rad Essen ausfahren") or before the duration ("Senioren eine Stunde mit dem
    Auto zum Arzt fahren": the hour is spent with them, not on the way to the place)."""
    for j in range(end, min(end + rules.period_reach, len(doc))):
        if is_boundary(doc[j]):
            break
        if doc[j].norm_ in rules.period_words:
            return True
    has_object, verb_before = _object_before(doc, start, rules)
    if has_object and verb_before:  # "drive seniors for an hour by car to the doctor"
        return True
    for j in range(at + 1, min(at + 1 + 2 * _REACH, len(doc))):
        token = doc[j]
        if is_boundary(token):
            return False
        if token.norm_ in rules.transport_verbs:
            return has_object
        has_object = has_object or _is_object(doc, j, rules)
    return False


def _is_object(doc: Doc, j: int, rules: TravelRules) -> bool:
    """Tells whether token j can be what a transport verb carries: a word that is no stop word and follows no
    destination preposition ("zum Arzt" is where, not whom)."""
    token = doc[j]
    after_destination = j > 0 and doc[j - 1].norm_ in rules.destination_prepositions
    return (token.is_alpha and token.lower_ not in rules.not_objects and token.norm_ not in rules.not_objects
            and not after_destination)


def _object_before(doc: Doc, start: int, rules: TravelRules) -> tuple[bool, bool]:
    """Tells whether the duration's clause names someone or something to carry before the duration (an interest's
    word: "Senioren", "ältere Leute", "patients"; no time: "abends"; no destination), and whether a transport verb
    stands before that ("drive seniors for an hour by car")."""
    times = {i for span in spans_of(doc, TIMES) for i in range(span.start, span.end)}
    interests = {i: span.start for span in spans_of(doc, INTERESTS) for i in range(span.start, span.end)}
    has_object = subject = False
    for j in range(start - 1, max(start - 2 * _REACH, 0) - 1, -1):
        if is_boundary(doc[j]):
            break
        if has_object and doc[j].norm_ in rules.transport_verbs:
            return True, True
        subject = subject or doc[j].norm_ in rules.subjects  # "Tiere würde ich eine Stunde fahren": whom one is for
        if (j in interests and j not in times and not subject and _is_object(doc, j, rules) and start - j <= _REACH
                and not _governed(doc, interests[j], rules)):
            has_object = True
    return has_object, False


def _governed(doc: Doc, first: int, rules: TravelRules) -> bool:
    """Tells whether a preposition of purpose or place governs the words from `first`: "für Tiere", "for the
    elderly", "für die älteren Menschen" (a stop word between) name whom the trip is for, not whom one carries."""
    for j in range(first - 1, max(first - 3, -1), -1):
        norm = doc[j].norm_
        if norm in rules.governing_prepositions:
            return True
        if norm not in rules.not_objects:
            return False
    return False


def _is_clock_time(doc: Doc, duration: tuple[int, int, float], rules: TravelRules) -> bool:
    """Tells whether a duration is a time of day: after "um"/"ab"/"gegen", after "bis" when written like a clock
    ("bis 18 h"), or over 12 hours ("17h mit dem Bus")."""
    start, end, minutes = duration
    if minutes > rules.clock_over_minutes:
        return True
    before = doc[start - 1].norm_ if start > 0 else ""
    if before in rules.clock_words:
        return True
    unit = _GLUED.match(doc[end - 1].norm_)
    said = unit.group(2) if unit else doc[end - 1].norm_
    return before in rules.until_words and said in rules.clock_units


def _mode_near(doc: Doc, start: int, end: int, rules: TravelRules) -> tuple[int, str] | None:
    """Returns the nearest travel word with its preposition ("mit dem Rad", "by tram") in the duration's clause."""
    for distance in range(1, _REACH + 1):
        for j in (end - 1 + distance, start - distance):
            if not 0 <= j < len(doc) or _crosses(doc, j, start, end):
                continue
            kind = _mode(doc, j, rules)
            if kind is not None:
                return j, kind
    return None


def _crosses(doc: Doc, j: int, start: int, end: int) -> bool:
    """Tells whether a clause boundary lies between token j and the span start..end."""
    between = range(j + 1, start) if j < start else range(end, j)
    return any(is_boundary(doc[k]) for k in between)


def _mode(doc: Doc, j: int, rules: TravelRules) -> str | None:
    """Returns the mode of a travel word at j that a preposition introduces ("mit der S-Bahn", "zu Fuß", "by bike")."""
    kind = rules.modes.get(doc[j].norm_)
    if kind is None:
        return None
    k = j - 1
    if k >= 0 and doc[k].norm_ in rules.articles:
        k -= 1
    return kind if k >= 0 and doc[k].norm_ in rules.prepositions else None


def _reach_at(doc: Doc, i: int, rules: TravelRules) -> tuple[int, int, float] | None:
    """Returns (start, end, km) for a reach said without a duration: "mit dem Rad erreichbar", "zu Fuß zu erreichen",
    "walking distance", "fußläufig". Only modes with a reach distance count (not "mit dem Bus erreichbar")."""
    norm = doc[i].norm_
    alone = rules.reach_alone.get(norm)
    if alone is not None:
        return i, i + 1, rules.reach_km[alone]
    if norm not in rules.reach_words:
        return None
    if i > 0 and doc[i - 1].norm_ in rules.reach_modes:  # "walking distance"
        said = rules.reach_modes[doc[i - 1].norm_]
        return (i - 1, i + 1, rules.reach_km[said]) if said in rules.reach_km else None
    for j in range(i - 1, max(i - _REACH, 0) - 1, -1):  # "mit dem Rad erreichbar", "zu Fuß gut zu erreichen"
        if is_boundary(doc[j]) or doc[j].norm_ in rules.reach_breaks:
            break
        before = _mode(doc, j, rules)
        if before is not None:
            return (j, i + 1, rules.reach_km[before]) if before in rules.reach_km else None
    for j in range(i + 1, min(i + _REACH, len(doc))):  # "erreichbar mit dem Rad", "reachable on foot"
        if is_boundary(doc[j]):
            break
        after = _mode(doc, j, rules)
        if after is not None:
            return (i, j + 1, rules.reach_km[after]) if after in rules.reach_km else None
    return None
