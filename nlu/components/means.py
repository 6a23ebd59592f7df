"""The means of helping (issue 14, messages; t14-means): the device or channel one works through ("für Barrierefreiheit
engagieren, gern auch am Laptop", "Nachhilfe per Videocall"), one's own animal along ("wenn ich mit dem Hund durch den
Park gehe") and the place someone is taken or accompanied to ("Rollstuhlfahrer zu Konzerten begleiten", "Geflüchtete
zu Arztterminen begleiten") say how or where one helps, not the field one asks for. Each is dropped only when the
message wants another field, and only where the means is not itself what the help is about ("Senioren am PC helfen",
"Umgang mit dem Smartphone", "mit Hunden spazieren gehen" keep their field). Word lists: [means] in
data/nlu/interests.toml, with the counts across the labelled sets' authors that chose each reading."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from nlu.components.common import clause_around
from nlu.kernel.text import fold
from nlu.word_lists import read_toml, word_rules

_DIGITAL = "digital"
_ANIMALS = "animals"
_SOFT = frozenset({",", ";"})  # a comma or semicolon does not end the sentence a means is read in
_REACH = 3  # the preposition stands at most this many words before the destination ("zu den nächsten Arztterminen")


@dataclass(frozen=True, slots=True)
class MeansRules:
    """Word lists of data/nlu/interests.toml's [means] section (folded)."""

    devices: frozenset[str]
    device_prepositions: frozenset[str]
    device_fillers: frozenset[str]
    device_objects: tuple[str, ...]  # folded beginnings: a word of these in the sentence makes the device the object
    device_something: frozenset[str]  # "was am Computer": the device names the kind of work
    device_people: frozenset[str]  # "Omas und Opas am Computer": the people helped at the device
    companions: frozenset[str]
    companion_with: frozenset[str]
    companion_determiners: frozenset[str]
    destinations: tuple[str, ...]
    destination_fields: frozenset[str]
    destination_prepositions: frozenset[str]
    escorts: tuple[str, ...]
    errand_fields: frozenset[str]
    errands: tuple[str, ...]


@cache
def means_rules() -> MeansRules:
    """Returns the [means] word lists."""
    raw = read_toml("interests.toml")["means"]
    return word_rules(MeansRules, raw, as_written=("destination_fields", "errand_fields"))


def means_of_helping(doc: Doc, mentions: list[Span]) -> list[Span]:
    """Returns the mentions that name the means of helping while another field is wanted: a device after a channel
    preposition, one's own dog along, a destination one takes people to or an errand of newcomers."""
    rules = means_rules()
    found = [
        span for span in mentions
        if len(span) == 1 and (
            _device(doc, span, rules) or _companion(doc, span, rules) or _destination(doc, span, mentions, rules)
        )
    ]
    if not found:
        return []
    labels = {span.label_ for span in found}
    if not any(span.label_ not in labels for span in mentions):  # the means is the only wish: it is the field
        return []
    return found


def _word(doc: Doc, i: int) -> str:
    return fold(doc[i].text)


def _sentence(doc: Doc, span: Span) -> list[str]:
    """Returns the folded words of the sentence around a span (up to . ! ? or a line break; commas do not end it:
    "einem Verein helfen, oder älteren Leuten bei Bankgeschäften am Computer")."""
    start, end = clause_around(doc, span.start, span.end, _SOFT)
    return [_word(doc, i) for i in range(start, end)]


def _device(doc: Doc, span: Span, rules: MeansRules) -> bool:
    """A digital mention of a device or channel after am/per/über/by/on ("am Laptop", "over the phone"), in a
    sentence that neither teaches nor helps with it nor names it as the kind of work ("was am Computer") or the people
    helped at it ("Omas und Opas am Computer")."""
    if span.label_ != _DIGITAL or _word(doc, span.start) not in rules.devices:
        return False
    i = span.start - 1
    while i >= 0 and _word(doc, i) in rules.device_fillers:
        i -= 1
    if i < 0 or _word(doc, i) not in rules.device_prepositions:
        return False
    if i > 0 and _word(doc, i - 1) in rules.device_something | rules.device_people:
        return False
    return not any(word.startswith(rules.device_objects) for word in _sentence(doc, span))


def _companion(doc: Doc, span: Span, rules: MeansRules) -> bool:
    """An animals mention of one's own animal along: "mit dem Hund", "with the dog" (a determiner, then "mit")."""
    if span.label_ != _ANIMALS or _word(doc, span.start) not in rules.companions or span.start < 2:
        return False
    return (_word(doc, span.start - 1) in rules.companion_determiners
            and _word(doc, span.start - 2) in rules.companion_with)


def _destination(doc: Doc, span: Span, mentions: list[Span], rules: MeansRules) -> bool:
    """A destination one takes or accompanies people to ("zu Konzerten begleiten", "drive them to the doctor"), or a
    doctor's appointment among the errands of newcomers ("geflüchtete Familie ..., Alltag erklären, Arzttermine")."""
    if span.label_ not in rules.destination_fields:
        return False
    word = _word(doc, span.start)
    if word.startswith(rules.errands) and any(m.label_ in rules.errand_fields for m in mentions):
        return True
    if not word.startswith(rules.destinations):
        return False
    before = [_word(doc, i) for i in range(max(span.start - _REACH, 0), span.start)]
    if not any(w in rules.destination_prepositions for w in before):
        return False
    return any(w.startswith(rules.escorts) for w in _sentence(doc, span))
