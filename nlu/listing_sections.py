"""A club's section for the young named as something the organisation has: "für Kinder ab 10 gibt es die
THW-Jugend", "Unser Fußballverein hat sechs Jugendmannschaften", "dazu haben wir ein Jugendorchester", "die Feuerwehr
und ihre Jugendfeuerwehr". Such a sentence describes the organisation; the task of the listing lies elsewhere (the
kitchen, the treasury, the rescue service), so its children's mentions name no field. A section the task is for is
named otherwise: in the title ("Co-Trainer für die E-Jugend"), or in a sentence that speaks to the volunteer or seeks
("Du trainierst unsere E-Jugend", "wir haben eine Jugendgruppe und suchen Betreuer")."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from nlu.kernel.text import fold
from nlu.word_lists import read_toml

_CHILDREN = "children_youth"
_SENTENCE_ENDS = frozenset({".", "!", "?", ";", "•"})


@dataclass(frozen=True, slots=True)
class SectionWords:
    """The [listing.sections] section of data/nlu/interests.toml, folded."""

    having: tuple[tuple[str, ...], ...]  # words that together say the organisation has something ("gibt", "es")
    owners: frozenset[str]  # a third person's possessive before the section: the organisation's own ("ihre")
    addressed: frozenset[str]  # words that speak to the volunteer or seek one: then the sentence is the task's
    seeking: tuple[str, ...]  # folded beginnings of the same ("such", "gesucht")
    plain: frozenset[str]  # children's words that name people, not a section ("kinder", "jugendliche")
    parts: tuple[str, ...]  # what a section's name holds: "THW-Jugend", "Jugendfeuerwehr", "Jugendorchester"


@cache
def section_words() -> SectionWords:
    """Returns the section words."""
    raw = read_toml("interests.toml")["listing"]["sections"]
    young = read_toml("interests.toml")["listing"]["young"]["words"]
    return SectionWords(
        having=tuple(tuple(fold(word) for word in cue.split()) for cue in raw["having"]),
        owners=frozenset(fold(word) for word in raw["owners"]),
        addressed=frozenset(fold(word) for word in raw["addressed"]),
        seeking=tuple(fold(word) for word in raw["seeking"]),
        plain=frozenset(fold(word) for word in young),
        parts=tuple(fold(word) for word in raw["parts"]),
    )


def without_sections_had(doc: Doc, mentions: list[Span], title_tokens: int) -> list[Span]:
    """Returns the mentions without the children's ones of text sentences that name a section for the young as
    something the organisation has, unless the title names children too."""
    words = section_words()
    if any(span.label_ == _CHILDREN and span.start < title_tokens for span in mentions):
        return mentions
    dropped: set[int] = set()
    for span in mentions:
        if span.label_ != _CHILDREN or span.start < title_tokens or span.start in dropped or not _is_section(span):
            continue
        start, end = _sentence(doc, span.start, title_tokens)
        sentence = doc[start:end]
        norms = [token.norm_ for token in sentence]
        owned = span.start > 0 and doc[span.start - 1].norm_ in words.owners
        had = owned or any(all(word in norms for word in cue) for cue in words.having)
        if had and not any(norm in words.addressed or norm.startswith(words.seeking) for norm in norms):
            dropped.update(other.start for other in mentions if start <= other.start < end)
    return [span for span in mentions if not (span.label_ == _CHILDREN and span.start in dropped)]


def _is_section(span: Span) -> bool:
    """Tells whether a children's mention is a compound naming a group ("THW-Jugend", "Jugendmannschaften"), not
    the children themselves ("Kinder", "Jugendliche")."""
    words = section_words()
    norm = span[0].norm_
    return len(span) == 1 and norm not in words.plain and any(part in norm and part != norm for part in words.parts)


def _sentence(doc: Doc, at: int, title_tokens: int) -> tuple[int, int]:
    """Returns the token bounds of the text sentence around token `at`."""
    start = at
    while start > title_tokens and doc[start - 1].text not in _SENTENCE_ENDS:
        start -= 1
    end = at + 1
    while end < len(doc) and doc[end - 1].text not in _SENTENCE_ENDS:
        end += 1
    return start, end
