"""Paperwork in a listing for newcomers or people in poverty: going with them to the authorities and helping with
their forms and letters is that field's work ("Begleitung zu Behörden für Geflüchtete", "Hilfe bei Anträgen auf
Bürgergeld"), not neighbourly help, as the messages' rule (`paperwork_for_newcomers`) reads it for a wish."""

from __future__ import annotations

from spacy.tokens import Span

from nlu.lexicon import interest_rules
from nlu.listing_layout import ListingLayout

_NEIGHBOURHOOD = "neighbourhood"
_NEWCOMERS = "refugees_integration"
_TASK_KINDS = frozenset({"title", "task"})  # where the listing says whom it serves, not what else it does
_LEAD = "lead"  # the text before any heading: whom the task serves only in the paperwork's own sentence


def without_paperwork_of_those_served(
    mentions: list[Span], layout: ListingLayout, starts: tuple[int, ...]
) -> list[Span]:
    """Drops the neighbourhood mentions made of paperwork words ("Behördenlotse", "Anträgen", "zu Terminen") when the
    title or the tasks name newcomers or people in poverty, or the lead names them in the paperwork's own sentence
    ("Wir helfen Geflüchteten bei Anträgen"): the paperwork is theirs. A newcomer named only in the organisation's
    blurb, the wishes or another sentence of the lead ("Unser Verein betreut Geflüchtete, Senioren und Familien.",
    "... außerdem ein Treffpunkt für Geflüchtete") leaves the neighbourly paperwork help of the task as it is."""
    rules = interest_rules()
    paperwork = [
        span for span in mentions
        if span.label_ == _NEIGHBOURHOOD and any(token.norm_.startswith(rules.paperwork) for token in span)
    ]
    sentences = {layout.sentence(starts[span.start]) for span in paperwork}

    def serves(span: Span) -> bool:
        offset = starts[span.start]
        kind = layout.kind(offset)
        return kind in _TASK_KINDS or (kind == _LEAD and layout.sentence(offset) in sentences)

    if not any(span.label_ == _NEWCOMERS and serves(span) for span in mentions):
        return mentions
    return [span for span in mentions if span not in paperwork]
