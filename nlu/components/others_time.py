"""Times said of other people or of what already fills the writer's week are no availability: "Die Kinder wohnen in
Hamburg und rufen sonntags an", "my kids call every Sunday", "Ich singe im Kirchenchor, aber das ist nur
donnerstags" (natural_dev9, dev27, dev28). Words in [others_time] of data/nlu/time.toml."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from nlu.components.common import is_boundary
from nlu.word_lists import read_toml

_REACH = 40  # a stretch without a stop this long is no statement about others (a long run-on message)


@dataclass(frozen=True, slots=True)
class OthersTime:
    """The words that make a stretch of a sentence a statement about others."""

    stops: frozenset[str]  # words that start a new statement ("aber", "but", "dass", "wenn")
    joiners: frozenset[str]  # words skipped at the stretch's start ("und", "and")
    determiners: frozenset[str]  # "die", "meine", "my" before the people word
    people: frozenset[str]  # "kinder", "mann", "kids": people other than the writer
    things: frozenset[str]  # "das", "es", "that": the thing one already does, before a copula
    copulas: frozenset[str]  # "ist", "is": "das ist nur donnerstags"
    own: frozenset[str]  # first-person words: the writer speaks of themself
    wishes: frozenset[str]  # words of wanting or being free: the time is offered after all


def others_time_rules() -> OthersTime:
    """Reads [others_time] of time.toml."""
    raw = read_toml("time.toml")["others_time"]
    return OthersTime(**{name: frozenset(raw[name]) for name in OthersTime.__dataclass_fields__})


def said_of_others(doc: Doc, span: Span, rules: OthersTime) -> bool:
    """Tells whether a time mention stands in a statement about others: its stretch of the sentence (between stops,
    commas passed over) opens with other people as the subject ("die Kinder ... rufen sonntags an") or with a thing
    and a copula ("das ist nur donnerstags"), and holds no first-person word and no wish."""
    start = span.start
    while start > 0 and span.start - start < _REACH and not _stops(doc, start - 1, rules):
        start -= 1
    end = span.end
    while end < len(doc) and end - span.end < _REACH and not _stops(doc, end, rules):
        end += 1
    if (start > 0 and not _stops(doc, start - 1, rules)) or (end < len(doc) and not _stops(doc, end, rules)):
        return False
    words = [token.norm_ for token in doc[start:end]]
    if rules.own.intersection(words) or rules.wishes.intersection(words):
        return False
    while words and (words[0] in rules.joiners or words[0] == ","):
        words.pop(0)
    if len(words) >= 2 and words[0] in rules.things and words[1] in rules.copulas:
        return True
    # a determiner, perhaps an adjective after it: "die Kinder", "meine erwachsenen Kinder"
    return len(words) > 1 and words[0] in rules.determiners and rules.people.intersection(words[1:3]) != set()


def _stops(doc: Doc, i: int, rules: OthersTime) -> bool:
    """Tells whether the token at i ends a stretch: a boundary other than a comma, or a stop word."""
    token = doc[i]
    return (is_boundary(token) and token.text != ",") or token.norm_ in rules.stops
