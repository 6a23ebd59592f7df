"""Paperwork in a listing for newcomers or people in poverty: going with them to the authorities and helping with
their forms and letters is that field's work ("Begleitung zu Behörden für Geflüchtete", "Hilfe bei Anträgen auf
Bürgergeld"), not neighbourly help, as the messages' rule (`paperwork_for_newcomers`) reads it for a wish."""

from __future__ import annotations

from spacy.tokens import Span

from nlu.lexicon import interest_rules
from nlu.listing_layout import ListingLayout

_NEIGHBOURHOOD = "neighbourhood"
_NEWCOMERS = "refugees_integration"
_TASK_KINDS = frozenset({"title", "lead", "task"})  # where the listing says whom it serves, not what else it does


def without_paperwork_of_those_served(
    mentions: list[Span], layout: ListingLayout, starts: tuple[int, ...]
) -> list[Span]:
    """Drops the neighbourhood mentions made of paperwork words ("Behördenlotse", "Anträgen", "zu Terminen") when the
    title, the lead or the tasks name newcomers or people in poverty: the paperwork is theirs. A newcomer named only
    in the organisation's blurb or the wishes ("Über uns: ... auch in der Flüchtlingshilfe aktiv") leaves the
    neighbourly paperwork help of the task as it is."""
    rules = interest_rules()
    if not any(
        span.label_ == _NEWCOMERS and layout.kind(starts[span.start]) in _TASK_KINDS for span in mentions
    ):
        return mentions
    return [
        span
        for span in mentions
        if not (span.label_ == _NEIGHBOURHOOD and any(token.norm_.startswith(rules.paperwork) for token in span))
    ]
