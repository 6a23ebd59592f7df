"""Small helpers the components share: clause boundaries, span groups, folded pattern matchers."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from nlu.extensions import TIMES
from nlu.lexicon import radius_rules
from nlu.patterns import PatternMatcher, build_matcher

# Punctuation that closes a clause for negation and context scopes.
CLAUSE_PUNCT = frozenset({".", ",", ";", "!", "?", ":", "-", "–", "—", "(", ")", "\n", "...", "…", "|"})
# Punctuation that ends a sentence (a token ending in one, or the mark itself).
SENTENCE_ENDS = frozenset(".!?…")


def is_boundary(token: Token) -> bool:
    """Tells whether a token ends a clause (punctuation, a line break, an emoji: in chat an emoji closes a sentence,
    "Hauptsache keine Kinder 😬 Ich mag Natur")."""
    return token.norm_ in CLAUSE_PUNCT or token.is_space and "\n" in token.text or _is_emoji(token.text)


def opens_clause(doc: Doc, i: int) -> bool:
    """Tells whether the token at i opens a clause: the message's first token or one after a boundary."""
    return i == 0 or is_boundary(doc[i - 1])


def opens_sentence(doc: Doc, i: int) -> bool:
    """Tells whether the token at i opens a sentence: the message's first token or one after a full stop, a question
    or exclamation mark, or a line break ("mein Sohn (32) hat ..." goes on after the bracket)."""
    if i == 0:
        return True
    before = doc[i - 1]
    return before.text[-1:] in SENTENCE_ENDS or (before.is_space and "\n" in before.text)


def asks_sentence(doc: Doc, i: int) -> bool:
    """Tells whether the sentence going on at token i ends in a question mark ("Hat das Tierheim Bedarf? Ich ..."): a
    sentence ends at a full stop, a question or exclamation mark, a line break or the message's end."""
    for token in doc[i:]:
        if token.is_space and "\n" in token.text:
            return False
        if token.text[-1:] in SENTENCE_ENDS:
            return "?" in token.text
    return False


def closes_clause(doc: Doc, end: int) -> bool:
    """Tells whether a clause ends at `end` (a token index one past the words): the message ends there, or a
    boundary or a run of spaces ("MR   Tiere") follows."""
    return end == len(doc) or is_boundary(doc[end]) or doc[end].is_space


def clause_around(doc: Doc, start: int, end: int, soft: frozenset[str] = frozenset()) -> tuple[int, int]:
    """Returns the start and end (one past) of the clause around the tokens from start to end: up to the nearest
    boundaries on either side, passing over boundaries whose text is in `soft` (with {",", ";"} a sentence: "einem
    Verein helfen, oder älteren Leuten am Computer")."""
    while start > 0 and not (is_boundary(doc[start - 1]) and doc[start - 1].text not in soft):
        start -= 1
    while end < len(doc) and not (is_boundary(doc[end]) and doc[end].text not in soft):
        end += 1
    return start, end


def stands_alone(doc: Doc, start: int, end: int | None = None) -> bool:
    """Tells whether the words from start to end (the token at start alone by default) are a clause of their own:
    "..., MR", "Körlitz, Tierheim", "..., Rentner, ...", "Halle, abends"."""
    return opens_clause(doc, start) and closes_clause(doc, start + 1 if end is None else end)


def is_pictograph(token: Token) -> bool:
    """Tells whether a token is an emoji ("🐶", "🚒"), which may stand for a word (data/nlu/emoji.toml)."""
    return _is_emoji(token.text)


@lru_cache(maxsize=4096)
def _is_emoji(text: str) -> bool:
    """Tells whether a token is pictographs only (with their joiners and variation selectors), no letter or digit."""
    return any(unicodedata.category(ch) == "So" for ch in text) and not any(ch.isalnum() for ch in text)


def pattern_matcher(nlp: Language, groups: dict[str, Iterable[str]]) -> tuple[PatternMatcher, list[str]]:
    """Compiles data-file patterns for this pipeline's tokenizer."""
    tokenizer = nlp.tokenizer
    return build_matcher(
        {label: list(lines) for label, lines in groups.items()}, radius_rules().numbers.keys(),
        lambda text: [t.text for t in tokenizer(text)],
    )


def matched_spans(doc: Doc, matcher: PatternMatcher | PhraseMatcher) -> list[Span]:
    """Returns the matches as labelled spans, longest first where they overlap within one label."""
    found = [Span(doc, start, end, label=label) for label, start, end in matcher(doc)]
    by_label: dict[int, list[Span]] = {}
    for span in found:
        by_label.setdefault(span.label, []).append(span)
    result: list[Span] = []
    for group in by_label.values():
        result.extend(_longest(group))
    return sorted(result, key=lambda s: (s.start, -len(s)))


def _longest(spans: list[Span]) -> list[Span]:
    """Keeps the longest of overlapping spans (like spacy.util.filter_spans, per label)."""
    kept: list[Span] = []
    taken: set[int] = set()
    for span in sorted(spans, key=lambda s: (-len(s), s.start)):
        if not taken.intersection(range(span.start, span.end)):
            kept.append(span)
            taken.update(range(span.start, span.end))
    return kept


def covered(spans: Iterable[Span]) -> set[int]:
    """Returns the token indices covered by some spans."""
    return {i for span in spans for i in range(span.start, span.end)}


def covered_by(doc: Doc, *groups: str) -> set[int]:
    """Returns the token indices the spans of some groups cover (the interests' words a place may not take)."""
    return covered(span for group in groups for span in spans_of(doc, group))


def set_group(doc: Doc, name: str, spans: Iterable[Span]) -> None:
    """Stores spans as a span group, in text order."""
    doc.spans[name] = sorted(spans, key=lambda s: (s.start, s.end))


def spans_of(doc: Doc, group: str) -> list[Span]:
    """Returns the spans of a group, or none when that component did not run."""
    return list(doc.spans[group]) if group in doc.spans else []


def opens_time(doc: Doc, i: int) -> bool:
    """Tells whether a time mention starts at token i ("am WE", "abends")."""
    return any(span.start == i for span in spans_of(doc, TIMES))


_LOWERCASE = "ehrenamt_lowercase_message"  # doc.user_data: is_lowercase_message's answer, asked by four components


def is_lowercase_message(doc: Doc) -> bool:
    """Tells whether the writer ignores capitals (then capitalisation carries no signal); kept in Doc.user_data,
    as doc.text joins every token anew and a Doc's text never changes."""
    found = doc.user_data.get(_LOWERCASE)
    if not isinstance(found, bool):
        letters = [ch for ch in doc.text if ch.isalpha()]
        found = doc.user_data[_LOWERCASE] = not any(ch.isupper() for ch in letters) or all(
            ch.isupper() for ch in letters
        )
    return found
