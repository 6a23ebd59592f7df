"""Tells a time wished as a preference from one that is a condition: "am liebsten abends" from "nur abends".

A time said with a word of preference (data/nlu/time_firmness.toml: "am liebsten abends", "gern am Wochenende",
"ideally after work", "evenings if possible", "abends wäre schön") is soft: the search ranks the listings at that time
first and still shows the others after them. A time said plainly, or as a condition ("nur abends", "only on
weekends", "kann nur samstags"), filters as before. The wish is soft only when every wanted time mention is: "nur am
Wochenende, am liebsten abends" keeps its condition, so the whole time filters.

Writes Doc._.time_soft; the parse says it beside the time tags (ParsedQuery.time_soft), an output the labelled sets
do not hold and their scorers do not read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlu.extensions import TIMES, register_extensions, spans
from nlu.kernel.text import fold
from nlu.word_lists import folded_set, read_toml

Phrase = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FirmnessRules:
    """The words that make a time a preference or a condition (data/nlu/time_firmness.toml)."""

    soft_before: tuple[Phrase, ...]
    reach: int
    soft_adjacent: tuple[Phrase, ...]
    adjacent_times: frozenset[str]
    leading: frozenset[str]
    soft_after: tuple[Phrase, ...]
    clause_ends: frozenset[str]
    hard_before: frozenset[str]
    hard_after: frozenset[str]
    not_hard: frozenset[str]
    joiners: frozenset[str]


def _phrases(values: Sequence[str]) -> tuple[Phrase, ...]:
    """Returns the phrases as tuples of folded words, longest first."""
    return tuple(sorted((tuple(fold(value).split()) for value in values), key=len, reverse=True))


@cache
def firmness_rules() -> FirmnessRules:
    """Returns data/nlu/time_firmness.toml."""
    raw = read_toml("time_firmness.toml")
    return FirmnessRules(
        soft_before=_phrases(raw["soft_before"]), reach=int(raw["reach"]), soft_adjacent=_phrases(raw["soft_adjacent"]),
        adjacent_times=frozenset(raw["adjacent_times"]), leading=folded_set(raw["leading"]),
        soft_after=_phrases(raw["soft_after"]), clause_ends=folded_set(raw["clause_ends"]),
        hard_before=folded_set(raw["hard_before"]), hard_after=folded_set(raw["hard_after"]),
        not_hard=folded_set(raw["not_hard"]), joiners=folded_set(raw["joiners"]),
    )


@Language.factory("ehrenamt_time_firmness", assigns=["doc._.time_soft"], requires=["doc.spans"])
def make_time_firmness(nlp: Language, name: str) -> TimeFirmness:
    """Creates the reader of how firmly a time is wished for one pipeline."""
    return TimeFirmness(name)


class TimeFirmness:
    """Sets Doc._.time_soft when every wanted time mention is said as a preference and none as a condition."""

    def __init__(self, name: str) -> None:
        register_extensions()
        self.name = name
        rules = firmness_rules()
        if not (rules.soft_before and rules.hard_before and rules.clause_ends):
            raise ValueError(f"{name}: data/nlu/time_firmness.toml needs soft and hard words and clause ends")

    def __call__(self, doc: Doc) -> Doc:
        """Reads each wanted time mention's firmness; mentions joined to each other share a preference."""
        wanted = sorted((s for s in spans(doc, TIMES) if not (s._.negated or s._.neutral)), key=lambda s: s.start)
        doc._.time_soft = bool(wanted) and all_soft(doc, wanted, firmness_rules())
        return doc


def all_soft(doc: Doc, mentions: Sequence[Span], rules: FirmnessRules) -> bool:
    """Tells whether every mention is soft, its own word of preference or one of a mention joined to it said once
    for both ("am liebsten abends oder am WE", "weekday afternoons would be nice"), and none is a condition."""
    if any(_hard(doc, mention, rules) for mention in mentions):
        return False
    groups: list[list[Span]] = []
    for mention in mentions:
        if groups and _joined(doc[groups[-1][-1].end:mention.start], rules):
            groups[-1].append(mention)
        else:
            groups.append([mention])
    return all(any(_soft(doc, mention, rules) for mention in group) for group in groups)


def _soft(doc: Doc, mention: Span, rules: FirmnessRules) -> bool:
    """Tells whether a word of preference stands before the mention (within the reach, across words only; "gern"
    right before it) or after it, closing its clause."""
    start, end = mention.start, mention.end
    for gap in range(rules.reach + 1):
        before = start - gap
        if gap and not all(token.is_alpha for token in doc[before:start]):
            break
        if any(_ends_at(doc, phrase, before) for phrase in rules.soft_before):
            return True
    adjacent = start - 1 if start and doc[start - 1].norm_ in rules.leading else start
    if mention.label_ in rules.adjacent_times and any(
            _ends_at(doc, phrase, adjacent) and _opens_clause(doc, adjacent - len(phrase), rules)
            for phrase in rules.soft_adjacent):
        return True
    after = end + 1 if end < len(doc) and doc[end].norm_ == "," else end
    for phrase in rules.soft_after:
        if _starts_at(doc, phrase, after):
            closing = after + len(phrase)
            if closing >= len(doc) or doc[closing].norm_ in rules.clause_ends or doc[closing].is_punct:
                return True
    return False


def _opens_clause(doc: Doc, index: int, rules: FirmnessRules) -> bool:
    """Tells whether the word at `index` opens its clause: "Tafel in Leipzig, gern samstags" prefers the day, while in
    "ich würde gern am Wochenende helfen" the "gern" belongs to the verb and wishes the help itself."""
    return index == 0 or doc[index - 1].is_punct or doc[index - 1].norm_ in rules.clause_ends


def _hard(doc: Doc, mention: Span, rules: FirmnessRules) -> bool:
    """Tells whether a word of condition stands right before the mention (one word between at most) or right after
    it; "nicht nur" is none."""
    for index in range(max(0, mention.start - 2), mention.start):
        between = doc[index + 1:mention.start]
        if (doc[index].norm_ in rules.hard_before and all(token.is_alpha for token in between)
                and not (index and doc[index - 1].norm_ in rules.not_hard)):
            return True
    return mention.end < len(doc) and doc[mention.end].norm_ in rules.hard_after


def _joined(gap: Span, rules: FirmnessRules) -> bool:
    """Tells whether two mentions are one list of times: next to each other, or only joining words between (and the
    little word a mention leaves out before it: "oder am Wochenende")."""
    return len(gap) <= 3 and all(token.norm_ in rules.joiners or token.norm_ in rules.leading for token in gap)


def _ends_at(doc: Doc, phrase: Phrase, end: int) -> bool:
    """Tells whether the phrase's words stand right before index `end`."""
    start = end - len(phrase)
    return start >= 0 and all(doc[start + i].norm_ == word for i, word in enumerate(phrase))


def _starts_at(doc: Doc, phrase: Phrase, start: int) -> bool:
    """Tells whether the phrase's words stand from index `start` on."""
    return start + len(phrase) <= len(doc) and all(doc[start + i].norm_ == word for i, word in enumerate(phrase))
