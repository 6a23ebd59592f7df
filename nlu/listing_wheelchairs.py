"""Wheelchairs in a care home or a hospital: "Ausflugsbegleitung mit dem Rollstuhl" for the residents of a care
centre, "Rollstuhl-Schiebedienst im Krankenhaus", "Rollstuhl-Spaziergänge mit unseren Bewohnerinnen". Those pushed
are the home's residents or the hospital's patients, old or ill, who use a wheelchair for a while or for their last
years; the listing is the care home's or the hospital's, not disability work. So when a listing names old people or
care and says disability only by a word of the wheelchair, those words name no field. A word of disability besides
("Menschen mit Behinderung", "Lebenshilfe", "barrierefrei") keeps them all, and so does a title naming people by
their wheelchair ("Begleitung von Menschen im Rollstuhl zum Gottesdienst"): they are whom the listing is for."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span

from nlu.kernel.text import fold
from nlu.listing_rules import listing_rules
from nlu.word_lists import read_toml

_DISABILITY = "disability_inclusion"


@cache
def wheelchair_rules() -> tuple[tuple[str, ...], frozenset[str]]:
    """Returns the folded word beginnings of a wheelchair and the fields of the old and the ill
    ([listing.wheelchairs])."""
    raw = read_toml("interests.toml")["listing"]["wheelchairs"]
    return tuple(fold(word) for word in raw["words"]), frozenset(raw["residents"])


def without_residents_wheelchairs(mentions: list[Span], title_tokens: int) -> list[Span]:
    """Drops the disability mentions made only of wheelchair words when the listing names old people or care and no
    other word of disability, nor, in its title (the first `title_tokens` tokens), people in a wheelchair."""
    words, residents = wheelchair_rules()
    rules = listing_rules()

    def people_in_title(span: Span) -> bool:  # "Menschen im Rollstuhl": the people, not the chair
        before = span.doc[span.start - 1].norm_ if span.start else ""
        return span.start < title_tokens and before in rules.state_cues and span[0].norm_ in rules.person_states

    def wheelchair(span: Span) -> bool:
        return all(token.norm_.startswith(words) for token in span)

    disability = [span for span in mentions if span.label_ == _DISABILITY]
    if not disability or not all(wheelchair(span) for span in disability) or any(map(people_in_title, disability)):
        return mentions
    if not any(span.label_ in residents for span in mentions):
        return mentions
    return [span for span in mentions if span.label_ != _DISABILITY]
