"""Custom spaCy attributes the NLU components share, registered once and guarded against re-registration."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

# Span groups written by the components (doc.spans[...]); span labels are the slot values.
INTERESTS = "interests"  # label: category key
SELF = "self_described"  # interest words that describe the writer ("ich bin Rentnerin"); label: category key
TIMES = "times"  # label: weekday, weekend, daytime, evening, one_off, regular
NOT_TIMES = "not_times"  # what looks like a time and is none: a greeting ("Guten Abend"), one's job hours; no keyword
LANGUAGES = "languages"  # label: ISO 639-1 code
REMOTE = "remote"  # label: remote or on_site
RADIUS = "radius"  # label: radius; Span._.value holds km
LITTLE_GERMAN = "little_german"  # the writer speaks little or no German ("mein Deutsch ist nicht so gut")
OTHERS_GERMAN = "others_little_german"  # others do ("Leuten, die kein Deutsch können, beim Amt helfen")
PLACES = "places"  # label: place; Span._.value holds the candidate place ids, best first
PLACES_RULED_OUT = "places_ruled_out"  # places the person rules out ("nicht in Kassel"): no search place, no keyword
PLACES_UNKNOWN = "places_unknown"  # where but no one place ("in Sachsen", "aus Sterzhausen"): no keyword
# the words after a place that qualify it ("(Aisch)", "i.d.OPf.", "an der Weinstraße"): part of its name, no keyword
PLACE_QUALIFIERS = "place_qualifiers"
WATERS = "waters"  # a river or lake with its cue ("an der Elbe"): a hint to no one place, and no keyword
WRITER = "writer"  # words saying who the writer is, where they stand or come from ("in Rente", "mein Sohn"): no keyword
CUES = "negation_cues"  # label: cue, pseudo, neutral, time_cue
# words a cue rules out that name no field ("keine Kirche", "kein Bock auf Büro", "no meetings"): no search words
RULED_OUT_WORDS = "ruled_out_words"
# interest mentions that name their field only when a cue rules them out ("Kinder oder Erwachsene" offered as a choice
# names no age group; "keine Kinder oder Erwachsene" rules children out); label: category key
IF_RULED_OUT = "interests_if_ruled_out"
MENTION_GROUPS = (INTERESTS, TIMES, LANGUAGES, REMOTE)  # what a negation cue can rule out

_SPAN_EXTENSIONS: dict[str, Any] = {
    "negated": False,  # ruled out ("kein Sport")
    "neutral": False,  # neither wanted nor ruled out ("muss nicht unbedingt Sport sein")
    "value": None,  # payload: km for a radius, place ids for a place, a score for a fuzzy match
    "fuzzy": False,  # matched through typo correction; worth confirming
    "cued": False,  # a place preceded by a location cue ("in Essen")
    # a place: +2 preferred, +1 lived in, -1 an area before a town in it, -2 passing or too far, -3 ruled out
    "preference": 0,
}
_DOC_EXTENSIONS: dict[str, Any] = {
    "keywords": None,
    "time_either": False,  # the times are named as a choice ("abends oder am Wochenende"): nlu/components/time_choice
    # every wanted time is said as a preference ("am liebsten abends"): nlu/components/time_firmness
    "time_soft": False,
}


def register_extensions() -> None:
    """Registers the Span and Doc extensions unless another import already did."""
    for name, default in _SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)
    for name, default in _DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def spans(doc: Doc, group: str) -> list[Span]:
    """Returns the spans of one group, or none when the component did not run."""
    return list(doc.spans[group]) if group in doc.spans else []
