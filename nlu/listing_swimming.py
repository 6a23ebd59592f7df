"""Children taught to swim in a listing: a swimming club's, a DLRG's or a Wasserwacht's lessons for children serve
the children, however strongly the title names the sport or the water rescue ("Schwimmtrainer/in", "Ausbilder*in
Schwimmkurse": "Anfängerschwimmkurse für Kinder leiten", "bis zum Seepferdchen"); a lifeguard whose tasks include
lessons keeps what the rest of the listing says."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Span

from nlu.kernel.text import fold
from nlu.listing_evidence import Evidence
from nlu.listing_layout import ListingLayout
from nlu.listing_rules import listing_rules
from nlu.word_lists import read_toml

_CHILDREN = "children_youth"
_ROLE_KINDS = frozenset({"title"})  # the volunteer's role: a lifeguard's side task of lessons is split (see the TOML)
_NAMED_KINDS = frozenset({"title", "lead", "task"})  # not the blurb, the offer or the wishes


@cache
def swimming_lessons() -> tuple[str, ...]:
    """Returns the folded words of swimming lessons and of the children's first badge ([listing.swimming])."""
    return tuple(map(fold, read_toml("interests.toml")["listing"]["swimming"]["lessons"]))


def with_children_taught_to_swim(
    doc: Doc, mentions: list[Span], layout: ListingLayout, starts: tuple[int, ...], evidence: Evidence
) -> Evidence:
    """Returns the evidence with children served when the volunteer gives swimming lessons (the title names them:
    "Schwimmtrainer/in", "Ausbilder/innen für Anfängerschwimmkurse", "Seepferdchen-Kurs") and the title, lead or tasks
    name children, and the title names no other people: those who learn to swim are served. A lifeguard's listing
    ("Rettungsschwimmer*in": "Wachdienst, Schwimmausbildung für Kinder") keeps what its evidence gives."""
    if _CHILDREN not in evidence.scores or _CHILDREN in evidence.served:
        return evidence
    if evidence.titled & listing_rules().people_categories - {_CHILDREN}:
        return evidence  # "Begleitung Schwimmkurs für Seniorinnen", who "als Kind nie schwimmen gelernt" have
    if not any(
        span.label_ == _CHILDREN and layout.kind(starts[span.start]) in _NAMED_KINDS for span in mentions
    ):
        return evidence
    lessons = swimming_lessons()
    if not any(
        layout.kind(starts[token.i]) in _ROLE_KINDS and any(part in token.norm_.replace("-", "") for part in lessons)
        for token in doc
    ):
        return evidence
    return replace(evidence, served=evidence.served | {_CHILDREN})
