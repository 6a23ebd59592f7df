"""Typo corrections against the words of the full-text index (bot.search.vocabulary asks for them only when the
index holds nothing of a word, its stem or its compounds): rapidfuzz over index words of similar length with the same
first letter, because scoring every listing's text per query is what the vocabulary exists to avoid."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from rapidfuzz import process
from rapidfuzz.distance import Indel

from bot.search.word_forms import MIN_STEM, allowed_edits, stem_of

MAX_FUZZY_TERMS = 3
# A beginning of longer words is corrected only for a word this long ("vorlsen" -> vorles*).
MIN_HEAD_WORD = 6


def corrections(word: str, buckets: Mapping[tuple[str, int], Sequence[str]],
                documents: Mapping[str, int]) -> tuple[str, ...]:
    """Returns the closest index terms to a misspelt word (same first letter, within a few edits), the commonest listing
    words first: a typo most likely aims at a word listings often use. buckets: the terms by first letter and length."""
    edits = allowed_edits(word)
    if not edits:
        return ()
    choices: list[str] = []
    for length in range(len(word) - edits, len(word) + edits + 1):
        choices.extend(buckets.get((word[0], length), ()))
    scored = process.extract(word, choices, scorer=Indel.distance, score_cutoff=edits, limit=10)
    if not scored:
        return ()
    best = min(distance for _, distance, _ in scored)
    close = sorted((term for term, distance, _ in scored if distance == best),
                   key=lambda term: (-documents[term], term))
    return tuple(close[:MAX_FUZZY_TERMS])


def corrected_head(word: str, terms: Iterable[str]) -> str | None:
    """Returns the stem of longer terms' beginnings a misspelt word is close to (vorlsen -> vorles*); terms: the index
    terms beginning with the word's first letter."""
    edits = allowed_edits(word)
    if len(word) < MIN_HEAD_WORD or not edits:
        return None
    size = len(word)
    heads = {term[:size] for term in terms if len(term) > size + 2}
    best = process.extractOne(word, heads, scorer=Indel.distance, score_cutoff=edits)
    if best is None:
        return None
    prefix = stem_of(best[0])
    return prefix if len(prefix) >= MIN_STEM else None
