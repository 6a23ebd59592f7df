"""A long message without punctuation is one clause of hundreds of mentions: whose a mention is (own_context) must be
answered from one table per Doc, with the same answers as walking the clause for each mention. The reference walks
below are the straightforward definitions, written for this test."""

from __future__ import annotations

import random

import pytest
from spacy.tokens import Doc, Span

from nlu.components.common import is_boundary
from nlu.components.own_context import learns_oneself, own_children, own_condition
from nlu.lexicon import InterestRules, interest_rules
from nlu.pipeline import pipelines

_WORDS = (
    "ich möchte gern mit kindern und tieren helfen meine mutter hatte demenz war lange krank will imkern lernen "
    "senioren besuchen wir bringen die kinder mit anderen helfen deutsch zu lernen mein sohn hat autismus ( 8 ) "
    "weil ich depression hatte möchte menschen mit demenz begleiten , . und oder aber"
).split()


def _long_text(seed: int, punctuation: bool) -> str:
    rng = random.Random(seed)
    words = [w for w in _WORDS if punctuation or w not in {",", "."}]
    text = ""
    while len(text) < 4000:
        text += rng.choice(words) + " "
    return text[:4000]


def _clause(doc: Doc, span: Span) -> tuple[int, int]:
    start, end = span.start, span.end
    while start > 0 and not is_boundary(doc[start - 1]):
        start -= 1
    while end < len(doc) and not is_boundary(doc[end]):
        end += 1
    return start, end


def _reference_children(doc: Doc, span: Span, rules: InterestRules) -> bool:
    start, end = _clause(doc, span)
    if any(doc[i].norm_ in rules.family_verbs for i in range(start, end)):
        return True
    bracketed = span.start > 0 and doc[span.start - 1].norm_ == "("
    return bracketed and span.end < len(doc) and doc[span.end].like_num


def _reference_learning(doc: Doc, span: Span, rules: InterestRules) -> bool:
    words = rules.own_learning
    if len(span) != 1 or span[0].norm_ not in words["learn"]:
        return False
    start, _ = _clause(doc, span)
    before = [doc[i].norm_ for i in range(start, span.start)]
    return any(w in words["want"] for w in before) and not any(w in words["others"] for w in before)


def _reference_condition(doc: Doc, span: Span, rules: InterestRules) -> bool:
    if len(span) != 1 or span[0].norm_ not in rules.conditions:
        return False
    i = span.start - 1
    if i >= 0 and doc[i].norm_ == "(":
        i -= 1
    while i >= 0 and not is_boundary(doc[i]):
        if doc[i].norm_ in rules.breakers:
            return False
        if doc[i].norm_ in rules.condition_owners or doc[i].norm_ in rules.possessives:
            return True
        i -= 1
    return False


@pytest.mark.parametrize(("seed", "punctuation"), [(1, False), (2, False), (3, True), (4, True)])
def test_whose_a_mention_is_answers_as_walking_each_clause(seed: int, punctuation: bool) -> None:
    rules = interest_rules()
    doc = pipelines()["de"].make_doc(_long_text(seed, punctuation))
    for i in range(len(doc)):
        children = Span(doc, i, i + 1, label="children_youth")
        education = Span(doc, i, i + 1, label="education")
        assert own_children(doc, children, rules) == _reference_children(doc, children, rules)
        assert learns_oneself(doc, education, rules) == _reference_learning(doc, education, rules)
        assert own_condition(doc, education, rules) == _reference_condition(doc, education, rules)

