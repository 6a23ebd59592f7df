"""Families named as newcomers in a listing: "Pat*in für eine Familie mit Fluchtgeschichte", "Paten für neu
zugewanderte Familien", "Patin für eine Familie aus Afghanistan". Such a family is the newcomers the volunteer
helps settle in (refugees_integration), not children; its children, school and paediatrician in the text are the
family's affairs, and a family sponsorship ("Familienpatenschaften für neu angekommene Familien") is the newcomers'
sponsorship, neither children's nor neighbourly work. A family named without a word of arrival ("Patenschaft für eine
Familie", "Familienpat*innen für junge Familien") stays children's work."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span

from nlu.kernel.text import fold
from nlu.word_lists import read_toml

_CHILDREN = "children_youth"
_NEWCOMERS = "refugees_integration"
_SPONSORED = frozenset({_CHILDREN, "neighbourhood"})


@dataclass(frozen=True, slots=True)
class FamilyWords:
    """The [listing.newcomer_families] section of data/nlu/interests.toml, folded."""

    families: frozenset[str]  # the words for a family: "familie", "familien", "families"
    reach: int  # tokens between a family word and a word of arrival that still qualifies it
    sponsorships: tuple[str, ...]  # the beginnings of a family sponsorship's words: "familienpat"


@cache
def family_words() -> FamilyWords:
    """Returns the family words."""
    raw = read_toml("interests.toml")["listing"]["newcomer_families"]
    return FamilyWords(
        families=frozenset(fold(word) for word in raw["families"]),
        reach=int(raw["reach"]),
        sponsorships=tuple(fold(word) for word in raw["sponsorships"]),
    )


def newcomer_families(mentions: list[Span], title_tokens: int) -> list[Span]:
    """Returns the mentions without the children a listing names only as newcomer families: a family word beside a
    word of arrival ("zugewanderte Familien", "Familie mit Fluchtgeschichte") is no children's mention, and when the
    title names such a family (as a mention or not: "neu angekommene Familien" may be one newcomers' mention) and no
    children by another word than a family or a family sponsorship, neither is any children's mention of the text nor
    any mention of a family sponsorship ("Familienpatenschaften", "Familienpatin")."""
    if not mentions:
        return mentions
    words = family_words()
    doc = mentions[0].doc
    arrivals = [span for span in mentions if span.label_ == _NEWCOMERS]

    def beside_arrival(start: int, end: int) -> bool:
        return any(other.start - words.reach <= start and end - 1 <= other.end - 1 + words.reach for other in arrivals)

    def family(span: Span) -> bool:
        return span.label_ == _CHILDREN and all(token.norm_ in words.families for token in span)

    def sponsorship(span: Span) -> bool:
        return span.label_ in _SPONSORED and all(token.norm_.startswith(words.sponsorships) for token in span)

    named = [span for span in mentions if family(span) and beside_arrival(span.start, span.end)]
    titled_family = any(
        doc[i].norm_ in words.families and beside_arrival(i, i + 1) for i in range(min(title_tokens, len(doc)))
    )
    if not named and not titled_family:
        return mentions
    titled = (titled_family or any(span.start < title_tokens for span in named)) and not any(
        span.label_ == _CHILDREN and span.start < title_tokens and not family(span) and not sponsorship(span)
        for span in mentions
    )
    return [
        span for span in mentions
        if not (
            span in named
            or titled and (sponsorship(span) or span.label_ == _CHILDREN and span.start >= title_tokens)
        )
    ]
