"""The writer's own arrival in the country ("Just arrived from Syria 2 months ago", "Newcomer from Eritrea in
Leipzig", "since I retired and moved to Germany"): who one is, not a wish to help newcomers settle in (issue 14,
messages). Word lists: data/nlu/interests.toml [own_arrival]."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from nlu.components.common import clause_around, closes_clause
from nlu.word_lists import read_toml, word_rules

_NEWCOMERS = "refugees_integration"


@dataclass(frozen=True, slots=True)
class ArrivalRules:
    """Word lists of the [own_arrival] section (folded)."""

    arrival_words: tuple[str, ...]  # "arriv", "moved", "angekommen": beginnings of the words of arriving
    status_nouns: frozenset[str]  # "newcomer", "refugee": a newcomer named in the singular
    origin_after: frozenset[str]  # "from", "aus", "seit": where from, where to or since when, after the mention
    lead_words: frozenset[str]  # "recently", "gerade": may stand before a sentence-opening mention
    writer: frozenset[str]  # "i", "ich": the writer as the subject of the arrival
    others: frozenset[str]  # "who", "die", "help": the arrival is others', or the mention is wished for


@cache
def arrival_rules() -> ArrivalRules:
    """Returns the [own_arrival] word lists."""
    raw = read_toml("interests.toml")["own_arrival"]
    return word_rules(ArrivalRules, raw)


def own_arrival(doc: Doc, span: Span) -> bool:
    """Tells whether a newcomer mention tells the writer's own arrival: it opens its sentence with where from, since
    when or nothing after it ("Just arrived from Syria", "Newcomer from Eritrea in Leipzig"), or the writer is its
    subject with no relative pronoun or wish between ("since I retired and moved to Germany")."""
    if span.label_ != _NEWCOMERS:
        return False
    rules = arrival_rules()
    arriving = any(token.norm_.startswith(rules.arrival_words) for token in span)
    if not arriving and not (len(span) == 1 and span[0].norm_ in rules.status_nouns):
        return False
    if any(token.norm_ in rules.others for token in span):  # "who just came": a relative clause about others
        return False
    start, _ = clause_around(doc, span.start, span.end)
    if all(token.norm_ in rules.lead_words for token in doc[start:span.start]):
        return closes_clause(doc, span.end) or doc[span.end].norm_ in rules.origin_after or doc[span.end].like_num
    if not arriving:
        return False
    for token in reversed(doc[start:span.start]):
        if token.norm_ in rules.others:
            return False
        if token.norm_ in rules.writer:
            return True
    return False
