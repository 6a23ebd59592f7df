"""A message that goes on from the search just shown: "lieber am WE", "und in Kassel?", "nur online", "was mit
Tieren", or "with animals" after the bot asked what to help with.

People refine their last result in a few words instead of writing the whole wish again. A message naming no
interest but a place, a time, a radius, languages, an exclusion or "online" keeps the last search's interest and
changes only what it names. A message naming an interest but no place keeps the last search's place (and its
time, languages and "online", unless it names its own); the answer says which place it kept. A message naming
both an interest and a place is a new search, and so is any message after an hour without searching.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from nlu.query import ParsedQuery

from bot.conversation import state
from bot.search.criteria import criteria_from, place_ref
from bot.search.model import Refinement
from bot.search.understanding import parse_text
from bot.store.models import ChatSearch

FOLLOW_UP_WINDOW = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class FollowUp:
    """The search a follow-up message stands for: its text and the filters written over it."""

    text: str
    refinement: Refinement
    kept_place: str | None = None  # the last search's place, kept for a new interest (said in the answer)


def follow_up(previous: ChatSearch | None, parsed: ParsedQuery, *, now: datetime) -> FollowUp | None:
    """Returns the search a message continues from the person's last one, or None when it is a search of its own."""
    if previous is None or now - previous.created_at > FOLLOW_UP_WINDOW:
        return None
    if parsed.ruled_out_places or len(parsed.place_candidates) > 1:  # questions of their own come first
        return None
    if parsed.categories or parsed.keywords:
        return _new_interest(previous, parsed)
    return _refined(previous, parsed)


def _refined(previous: ChatSearch, parsed: ParsedQuery) -> FollowUp | None:
    """Keeps the last search's interest and replaces what the message names ("lieber am WE", "und in Kassel?")."""
    before = state.refinement_of(previous)
    changes: dict[str, object] = {}
    place = place_ref(parsed.place)
    if place is not None:
        changes["place"] = place
        if before.remote:  # "nur online", then "und in Kassel?": on site in Kassel
            changes["remote"] = False
    if parsed.radius_km:
        changes["radius_km"] = parsed.radius_km
    if parsed.time:
        changes["time"] = parsed.time
    if parsed.remote:
        changes["remote"] = True
    if parsed.languages:
        changes["languages"] = parsed.languages
    if parsed.exclude_categories:
        earlier = before.exclude_categories or parse_text(previous.query_text).exclude_categories
        changes["exclude_categories"] = tuple(dict.fromkeys((*earlier, *parsed.exclude_categories)))
    if not changes:  # nothing to go on from ("weiter", "ich", an emoji): not a refinement
        return None
    return FollowUp(text=previous.query_text, refinement=replace(before, **changes))  # type: ignore[arg-type]


def _new_interest(previous: ChatSearch, parsed: ParsedQuery) -> FollowUp | None:
    """Keeps the last search's place, time, languages and "online" for a message naming only a new interest."""
    if parsed.place is not None or parsed.remote:
        return None
    earlier_text = parse_text(previous.query_text)
    before = criteria_from(earlier_text, state.refinement_of(previous), default_radius_km=0.0)
    if before.place is None and not before.remote:
        return None
    radius = state.refinement_of(previous).radius_km or earlier_text.radius_km
    refinement = Refinement(
        place=before.place,
        radius_km=None if parsed.radius_km or before.place is None else radius,
        time=None if parsed.time else before.time or None,
        languages=None if parsed.languages else before.languages or None,
        remote=True if before.remote else None,
    )
    kept = before.place.name if before.place is not None and not before.remote else None
    return FollowUp(text=parsed.text, refinement=refinement, kept_place=kept)
