"""A message that goes on from the search just shown: "lieber am WE", "und in Kassel?", "nur online", "was mit
Tieren", or "with animals" after the bot asked what to help with.

People refine their last result in a few words instead of writing the whole wish again. A message naming no
interest but a place, a time, a radius, languages, an exclusion or "online" keeps the last search's interest and
changes only what it names. A message naming an interest but no place keeps the last search's place (and its
time, languages and "online", unless it names its own); the answer says which place it kept. A message naming
both an interest and a place is a new search, and so is any message after an hour without searching.

A message that turns away from the last interest replaces it rather than narrowing it: one ruling out the last
search's own area ("nicht mit Tieren, lieber mit Menschen" after "Tierheim") or asking for something else ("was
ganz anderes", "something else"). It is read alone, in the last search's place unless it names its own, so the
answer asks what to help with when it names no new interest.

A message asking for all of a state or of Germany instead ("ganz Hessen", "bundesweit", "all of Germany") keeps
the interest and drops the place (bot.conversation.region_wish), as the buttons for them do.

A wish for a wider or narrower radius ("weiter weg", "näher dran", "further away") steps the last search's radius
along the radii offered (bot.conversation.radius_wish); the rest of the message is read as above, so "was mit
Kindern, gern weiter weg" is the new interest in the last place, and "Tierheim in Kassel, auch weiter weg" a new
search, each a step wider than the last search was.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import lru_cache

from nlu.kernel.gazetteer import get_gazetteer
from nlu.kernel.text import fold, folded_words
from nlu.query import ParsedQuery
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.conversation import state
from bot.conversation.followup_words import followup_lists
from bot.conversation.place_words import without_place
from bot.conversation.radius_wish import RadiusStep, RadiusWish, radius_wish, stepped
from bot.conversation.region_wish import RegionWish, region_wish
from bot.search.areas import quarter_named
from bot.search.content_words import unwanted_words, writer_content
from bot.search.criteria import criteria_from, place_ref
from bot.search.place_doubts import (
    all_of_named_state, named_state, part_without_city, unknown_place_named, without_state,
)
from bot.search.time_wish import joined_times
from bot.search.model import PlaceRef, Refinement
from bot.search.unread import unread_words
from bot.search.understanding import parse_text
from bot.store.models import ChatSearch

FOLLOW_UP_WINDOW = timedelta(hours=1)
# The places of this many search texts are kept (text_place), for all people together in this process: the least
# recently used text goes first, so a person's own last searches (state.KEEP_SEARCHES) may be parsed again.
KEPT_TEXT_PLACES = 4096


@dataclass(frozen=True, slots=True)
class FollowUp:
    """The search a follow-up message stands for: its text and the filters written over it."""

    text: str
    refinement: Refinement
    kept_place: str | None = None  # the last search's place, kept for a new interest (said in the answer)
    parsed: ParsedQuery | None = None  # the parse of `text` when it was made already (not parsed again)
    radius_step: RadiusStep | None = None  # a wish for a wider or narrower radius moved it (said in the answer)
    kept_interest: bool = False  # the last search's interest, kept for another place ("und in Gießen?"; said so)


def follow_up(
    previous: ChatSearch | None, parsed: ParsedQuery, *, now: datetime, default_radius_km: float = 15.0
) -> FollowUp | None:
    """Returns the search a message continues from the person's last one, or None when it is a search of its own
    (`default_radius_km`: the radius of a search that names none, the settings' own)."""
    if previous is None or now - previous.created_at > FOLLOW_UP_WINDOW:
        return None
    wish = None if parsed.radius_km else radius_wish(parsed.text)  # "50 km" is the radius, not a wish for another
    if wish is not None:
        return _wished_radius(previous, wish, now=now, default_radius_km=default_radius_km)
    region = region_wish(parsed.text)
    if region is not None:
        return _whole_region(previous, region)
    earlier = parse_text(previous.query_text)  # read once: every step below needs it
    if _turns_away(previous, earlier, parsed):
        if parsed.ruled_out_places or parsed.place_candidates:
            return None  # "was anderes, aber nicht in Kassel": asked about as a search of its own
        return _new_interest(previous, earlier, parsed)
    if parsed.ruled_out_places or len(parsed.place_candidates) > 1 or (
            parsed.place is None and named_state(parsed.text) is not None and not asks_generally(parsed.text)):
        return _questioned_place(previous, earlier, parsed)  # "und in Neustadt?", "und in NRW?": which town there
    if not parsed.categories and unread_words(parsed.keywords):
        return None  # "asdfgh": words nobody can read name no new interest; the answer says it did not understand
    if parsed.categories or parsed.keywords:
        return _new_interest(previous, earlier, parsed)
    return _refined(previous, earlier, parsed)


def around_shared_location(previous: ChatSearch | None, place: PlaceRef, *, now: datetime) -> FollowUp | None:
    """Returns the last search around a location shared after it ("Tierheim in Kassel", then 📍: the same around
    the person), keeping its interest, time, languages and radius as "und in Baunatal?" does; None when there is
    none to go on from or it named no interest (the location then starts a search asking what to help with)."""
    if previous is None or now - previous.created_at > FOLLOW_UP_WINDOW:
        return None
    earlier = parse_text(previous.query_text)
    before = state.refinement_of(previous)
    if not (earlier.categories or earlier.keywords or before.categories is not None):
        return None
    kept = criteria_from(earlier, before, default_radius_km=0.0)
    text = without_place(previous.query_text, kept.place, earlier) if kept.place is not None else previous.query_text
    refinement = replace(before, place=place, whole_state=None, nationwide=None,
                         remote=False if kept.remote else before.remote)  # "nur online", then 📍: on site there
    return FollowUp(text=without_state(text), refinement=refinement, kept_interest=True)


def _wished_radius(
    previous: ChatSearch, wish: RadiusWish, *, now: datetime, default_radius_km: float
) -> FollowUp | None:
    """Steps the last search's radius the way a message wishes ("weiter weg", "closer") and reads the rest of the
    message as any follow-up: alone it keeps the whole last search, with a new interest or place it goes on or
    starts anew as ever, a step from the last search's radius all the same."""
    earlier = parse_text(previous.query_text)
    before = state.refinement_of(previous)
    kept = criteria_from(earlier, before, default_radius_km=default_radius_km)
    rest = parse_text(wish.rest)
    if rest.place is None and (kept.remote or kept.whole_state or before.nationwide):
        # "weiter weg" after "nur online" or "ganz Sachsen": no radius around a place to move; alone, the last
        # search again with a word why, with more the rest read as any follow-up
        if rest.is_empty:
            return FollowUp(text=previous.query_text, refinement=before, parsed=earlier,
                            radius_step=RadiusStep(wish.reach, 0.0, 0.0, around_place=False))
        return follow_up(previous, rest, now=now, default_radius_km=default_radius_km)
    # A search with no place of its own ran around the saved home place (ChatSearches.start): its radius moves too.
    # It steps from the radius the answer showed, which widening may have made wider than the one asked.
    step = stepped(max(kept.radius_km, state.shown_radius_km(previous) or 0.0), wish.reach)
    if rest.is_empty:  # "weiter weg", "auch etwas weiter weg": the last search, with the radius moved
        return FollowUp(text=previous.query_text, refinement=replace(before, radius_km=step.to_km), parsed=earlier,
                        radius_step=step)
    going = follow_up(previous, rest, now=now, default_radius_km=default_radius_km)
    if going is None:  # "Tierheim in Kassel, auch weiter weg": a search of its own, as wide as wished
        return FollowUp(text=rest.text, refinement=Refinement(radius_km=step.to_km), parsed=rest, radius_step=step)
    return replace(going, refinement=replace(going.refinement, radius_km=step.to_km), radius_step=step)


def _whole_region(previous: ChatSearch, region: RegionWish) -> FollowUp:
    """Keeps the last search's interest, time and languages for all of a state or of Germany ("ganz Hessen",
    "bundesweit"), without its place and radius, as the "Ganz Sachsen zeigen" and "Ganz Deutschland" buttons do."""
    earlier = parse_text(previous.query_text)
    before = state.refinement_of(previous)
    kept = criteria_from(earlier, before, default_radius_km=0.0)
    text = without_place(previous.query_text, kept.place, earlier) if kept.place is not None else previous.query_text
    text = without_state(text)  # "Tierheim in ganz Sachsen", then "bundesweit": no state left to read
    refinement = replace(before, place=None, radius_km=None, whole_state=region.state,
                         nationwide=True if region.state is None else None)
    return FollowUp(text=text, refinement=refinement)


def _refined(previous: ChatSearch, earlier: ParsedQuery, parsed: ParsedQuery) -> FollowUp | None:
    """Keeps the last search's interest and replaces what the message names ("lieber am WE", "und in Kassel?")."""
    place = place_ref(parsed.place)
    if place is not None and _introduces_writer(parsed) and _says_a_need(parsed.text):
        return None  # "ich bin 15 und brauch ein Praktikum, in Kassel": a request of its own, not "und in Kassel?"
    if place is not None and asks_generally(parsed.text):
        return None  # "was kann ich in Gießen machen?", "ehrenamt in München": everything there, not the last interest
    before = state.refinement_of(previous)
    kept = criteria_from(earlier, before, default_radius_km=0.0)
    changes: dict[str, object] = {}
    text = previous.query_text
    if place is not None:
        changes["place"] = quarter_named(place, parsed.text) or place  # "Dortmund-Hörde": Hörde, as in a search
        text = without_place(text, kept.place, earlier) if kept.place is not None else text
        if kept.remote:  # "nur online" (a button or the text), then "und in Kassel?": on site in Kassel
            changes["remote"] = False
    if parsed.radius_km:
        changes["radius_km"] = parsed.radius_km
    if parsed.remote:
        changes["remote"] = True
    if parsed.languages:
        changes["languages"] = parsed.languages
    if parsed.exclude_categories:  # another area than the search's own (all of those turn away: _turns_away)
        changes["exclude_categories"] = tuple(dict.fromkeys((*kept.exclude_categories, *parsed.exclude_categories)))
        if remaining := tuple(key for key in kept.categories if key not in parsed.exclude_categories):
            if len(remaining) < len(kept.categories):  # "ohne Kultur" of several areas: the others stay
                changes["categories"] = remaining
    elif _rules_out_words(parsed):  # "ohne Hunde", "no dogs": a kind, not a field; it lowers what names it
        text = f"{text} {parsed.text}"
    if not changes and not parsed.time and text == previous.query_text:  # nothing to go on from ("weiter", "ich")
        return None
    refinement = replace(before, **changes)  # type: ignore[arg-type]
    if parsed.time:  # a time said anew replaces the kept one's family only ("nicht abends" after "am WE")
        times = joined_times(kept.time, parsed.time)
        # a time said after a result is searched as said ("lieber am WE": rather than the shown ones, a condition)
        refinement = refinement.with_times(times, either=parsed.time_either and times == tuple(parsed.time))
    known = earlier if text == previous.query_text else None  # the last search's text, parsed above
    return FollowUp(text=text, refinement=refinement, parsed=known, kept_interest=place is not None)


def _turns_away(previous: ChatSearch, earlier: ParsedQuery, parsed: ParsedQuery) -> bool:
    """Tells whether a message replaces the last search's interest instead of narrowing it: it rules out that
    search's own area ("nicht mit Tieren" after "Tierheim"; a kind of it, "ohne Hunde", narrows), or asks for
    something else ("was anderes", "something else")."""
    if _asks_for_something_else(parsed.text):
        return True
    if not parsed.exclude_categories:
        return False
    kept = criteria_from(earlier, state.refinement_of(previous), default_radius_km=0.0)
    # "ohne Kultur" after "Kinder & Jugend, Kultur, Bildung" narrows to the others: only ruling out all turns away
    return bool(kept.categories) and set(kept.categories) <= set(parsed.exclude_categories)


def _introduces_writer(parsed: ParsedQuery) -> bool:
    """Tells whether a message says who the writer is or what they need ("ich bin Schülerin und brauche ein
    Praktikum", "I'm a student"): with a place, that starts a request rather than moving the last one there."""
    return bool(writer_content(parsed.text, criteria_from(parsed, Refinement(), default_radius_km=0.0)))


@dataclass(frozen=True, slots=True)
class _NeedWords:
    """The words of data/chat/followups.toml, folded."""

    needs: tuple[str, ...]
    need_phrases: tuple[str, ...]
    going_on: frozenset[str]
    going_on_first: frozenset[str]
    something_else: tuple[str, ...]
    general_asks: tuple[str, ...]
    general_words: tuple[str, ...]
    general_going_on: frozenset[str]


@lru_cache(maxsize=1)
def _need_words() -> _NeedWords:
    raw = followup_lists()
    return _NeedWords(
        needs=tuple(fold(word) for word in raw["needs"]),
        need_phrases=tuple(f" {fold(phrase)} " for phrase in raw["need_phrases"]),
        going_on=frozenset(fold(word) for word in raw["going_on"]),
        going_on_first=frozenset(fold(word) for word in raw["going_on_first"]),
        something_else=tuple(f" {fold(phrase)} " for phrase in raw["something_else"]),
        general_asks=tuple(f" {' '.join(folded_words(phrase))} " for phrase in raw["general_asks"]),
        general_words=tuple(fold(word) for word in raw["general_words"]),
        general_going_on=frozenset(fold(word) for word in raw["general_going_on"]),
    )


def asks_generally(text: str) -> bool:
    """Tells whether a message asks generally what there is to do ("was kann ich in Gießen machen?", "ehrenamt in
    München"), not going on from the last search ("und was gibt es in Gießen?")."""
    words = _need_words()
    tokens = folded_words(text)
    if not tokens or tokens[0] in words.general_going_on:
        return False
    joined = f" {' '.join(tokens)} "
    return any(phrase in joined for phrase in words.general_asks) or any(
        token.startswith(words.general_words) for token in tokens)


def _asks_for_something_else(text: str) -> bool:
    """Tells whether a message asks for another interest than the last one ("was ganz anderes", "something
    else"), word for word."""
    joined = f" {' '.join(folded_words(text))} "
    return any(phrase in joined for phrase in _need_words().something_else)


def _says_a_need(text: str) -> bool:
    """Tells whether a message says a need of its own ("brauch ein Praktikum", "looking for something") rather
    than only who writes ("ich wohne in Fulda") or going on from the last search ("ich bin Rentner, geht auch
    Fulda?"): only then does a self-description with a place start a new request."""
    words = _need_words()
    tokens = folded_words(text)
    if not tokens or tokens[0] in words.going_on_first or words.going_on.intersection(tokens):
        return False
    joined = f" {' '.join(tokens)} "
    return any(token.startswith(words.needs) for token in tokens) or any(p in joined for p in words.need_phrases)


def _rules_out_words(parsed: ParsedQuery) -> bool:
    """Tells whether a message rules out words of its own ("ohne Hunde", "no dogs"), which the search lowers."""
    return bool(unwanted_words(parsed.text, criteria_from(parsed, Refinement(), default_radius_km=0.0)))


def _questioned_place(previous: ChatSearch, earlier: ParsedQuery, parsed: ParsedQuery) -> FollowUp | None:
    """Keeps the last search's interest for a place that needs a question or rules one out ("und in Neustadt?",
    "nicht in Kassel"): the earlier text without its place and the message are searched together, so the
    answer asks which Neustadt, or where instead, for the same interest."""
    if parsed.categories or parsed.keywords or not (earlier.categories or earlier.keywords):
        return None
    before = state.refinement_of(previous)
    kept = criteria_from(earlier, before, default_radius_km=0.0)
    text = without_place(previous.query_text, kept.place, earlier) if kept.place is not None else previous.query_text
    return FollowUp(text=f"{text} {parsed.text}",
                    refinement=replace(before, place=None, remote=None, whole_state=None, nationwide=None))


def _new_interest(previous: ChatSearch, earlier: ParsedQuery, parsed: ParsedQuery) -> FollowUp | None:
    """Keeps the last search's place (or whole state), time, languages and "online" for a message naming only a new
    interest.

    A postal code no place has ("Tierheim 00000") or a village the gazetteer lacks names a place all the same: the
    search asks where, rather than going on in the last one's town as if no place had been written; so does a state.
    """
    stored = state.refinement_of(previous)
    before = criteria_from(earlier, stored, default_radius_km=0.0)
    # "Tiere in der Südstadt" after Kassel: Kassel's Südstadt, not the one the gazetteer reads alone (Hannover's)
    placed = parsed.place is not None and not _part_of(before.place, parsed)
    if placed or parsed.remote or unknown_place_named(parsed) is not None or named_state(
            parsed.text) is not None:  # "Tierheim in Sachsen" after Kassel: where in Sachsen, not Kassel again
        return None
    # "ganz Sachsen" written (not pressed), then "was mit Kindern": there too
    whole_state = before.whole_state or (None if before.place or before.remote
                                         else all_of_named_state(previous.query_text))
    if before.place is None and not before.remote and whole_state is None and not stored.nationwide:
        return None
    radius = stored.radius_km or earlier.radius_km
    refinement = Refinement(
        place=before.place, whole_state=whole_state, nationwide=stored.nationwide,  # "bundesweit", then "Tiere"
        radius_km=None if parsed.radius_km or before.place is None else radius,
        languages=None if parsed.languages else before.languages or None,
        remote=True if before.remote else None,
        little_german=before.needs_little_german or None,  # "kaum Deutsch", then "lieber Tiere": still little German
    ).with_times(None if parsed.time else before.time or None, either=before.time_either,
                 soft=before.time_soft)  # "am liebsten abends" stays a wish for the new interest
    kept = before.place.name if before.place is not None and not before.remote else None
    return FollowUp(text=parsed.text, refinement=refinement, kept_place=kept, parsed=parsed)


def _part_of(place: PlaceRef | None, parsed: ParsedQuery) -> bool:
    """Tells whether the text's place came only from a part most cities have (place_doubts.part_without_city) that
    the place has as a quarter of its own."""
    part = part_without_city(parsed) if place is not None else None
    return part is not None and place is not None and get_gazetteer().quarter(fold(part), place.name) is not None


async def place_said_at(session: AsyncSession, search: ChatSearch) -> datetime:
    """Returns when the person last said or chose the place of a search: a change of its time, radius or
    languages ("am Wochenende") and a new interest ("was mit Kindern") keep the place of the search they go on
    from, so the place is as old as the search that first had it ("Tierheim in Dresden"). Read from the person's
    stored searches of the same chat, newest first (state.KEEP_SEARCHES at most)."""
    rows = (await session.scalars(
        select(ChatSearch).where(ChatSearch.volunteer_id == search.volunteer_id, ChatSearch.id < search.id,
                                 ChatSearch.private.is_(search.private), ChatSearch.understood.is_(True))
        .order_by(ChatSearch.id.desc()).limit(state.KEEP_SEARCHES))).all()
    said = search
    for earlier in rows:
        if not _kept_place_of(said, earlier):
            break
        said = earlier
    return said.created_at


def _kept_place_of(search: ChatSearch, earlier: ChatSearch) -> bool:
    """Tells whether a search has its place from the one before it rather than from its own message: the same
    text and stored place (only its time or radius changed), or a stored place that is the earlier one's."""
    place = (search.refinement or {}).get("place")
    if search.query_text == earlier.query_text:
        return place == (earlier.refinement or {}).get("place")
    if place is None:
        return False
    kept = state.refinement_of(earlier).place or text_place(earlier.query_text)  # a chosen place before the text's
    return kept is not None and kept.to_dict() == place


@lru_cache(maxsize=KEPT_TEXT_PLACES)
def text_place(text: str) -> PlaceRef | None:
    """Returns the place a search's text names, parsed once per text while it stays among the KEPT_TEXT_PLACES
    texts last asked for. place_said_at reads the person's stored searches when a follow-up would keep the last
    search's place for a new interest, to learn whether the person saved a place since (bot.telegram.search.pages),
    and what a text names never changes."""
    return place_ref(parse_text(text).place)
