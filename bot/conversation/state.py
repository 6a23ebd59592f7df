"""The chat's memory in the database: searches shown in result messages and the question awaiting an answer.

Conversation states are named constants here; they are stored per person (ChatState), never only in process
memory, so an answer is understood after a restart and by another process.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.conversation.radius_wish import RadiusStep, Reach
from bot.search.model import PlaceRef, Refinement
from bot.store.db import rows_affected
from bot.store.models import ChatSearch, ChatState, ListingDraft, Volunteer

# What the bot waits for after it asked a question.
AWAITING_SEARCH_PLACE = "search_place"  # "Wo soll ich suchen?" for the search in ChatState.search_id
AWAITING_HOME = "home"  # /standort: the next place or location becomes the home place
# Either question stays open until it is answered, cancelled, or the person starts another search.
# Older result messages' buttons answer "nicht mehr aktuell" once the housekeeping job pruned their search.
KEEP_SEARCHES = 20


async def store_search(session: AsyncSession, search: ChatSearch) -> ChatSearch:
    """Stores a new search so the buttons of its result message can find it."""
    session.add(search)
    await session.flush()
    return search


async def forget_old_searches(session: AsyncSession) -> int:
    """Deletes every person's searches beyond their KEEP_SEARCHES newest; returns how many went.

    Run by a housekeeping job rather than on every search: the hot path then writes one row and nothing else.
    """
    ranked = select(
        ChatSearch.id, func.row_number().over(partition_by=ChatSearch.volunteer_id, order_by=ChatSearch.id.desc())
        .label("newness"),
    ).subquery()
    stale = select(ranked.c.id).where(ranked.c.newness > KEEP_SEARCHES)
    result = await session.execute(
        delete(ChatSearch).where(ChatSearch.id.in_(stale)).execution_options(synchronize_session=False)
    )
    return rows_affected(result)


async def own_search(session: AsyncSession, search_id: int, volunteer_id: int) -> ChatSearch | None:
    """Returns a stored search if it exists and belongs to this person."""
    search = await session.get(ChatSearch, search_id)
    return search if search is not None and search.volunteer_id == volunteer_id else None


def refinement_of(search: ChatSearch) -> Refinement:
    """Returns the button filters stored with a search."""
    return Refinement.from_dict(dict(search.refinement or {}))


# Kept beside the button filters, but no filter itself: any refinement (radius, area, time) answers anew with the
# listings that answer it, and a saved search (refinement_of) never carries it.
_SIMILAR = "similar"


def shows_similar(search: ChatSearch) -> bool:
    """Tells whether the search shows the related listings left out of its answer (bot.search.tiers)."""
    return (search.refinement or {}).get(_SIMILAR) is True


def show_similar(search: ChatSearch, similar: bool) -> None:
    """Shows the related listings left out of the search's answer, or the answer again, from the first page."""
    refinement = dict(search.refinement or {})
    refinement.pop(_SIMILAR, None)
    search.refinement = refinement | ({_SIMILAR: True} if similar else {})
    search.offset = 0


def forget_similar(search: ChatSearch) -> None:
    """Drops the flag for the related listings, on the same page: nothing related was left out (a stale or forged
    button), so the answer was shown and "Mehr" goes on in it."""
    refinement = dict(search.refinement or {})
    refinement.pop(_SIMILAR, None)
    search.refinement = refinement


# Kept beside the button filters too: the radius the last answer showed, after widening ("Kassel + 50 km" for a
# search asked at 15 km). A wish for another radius ("weiter weg", "näher dran") steps from it, not from the one
# asked, so "näher dran" after "+ 50 km" goes to 30 km and "weiter weg" to 100 km.
_SHOWN_KM = "shown_km"


def shown_radius_km(search: ChatSearch) -> float | None:
    """Returns the radius the search's answer showed around its place, if it had one."""
    shown = (search.refinement or {}).get(_SHOWN_KM)
    return float(shown) if isinstance(shown, (int, float)) and not isinstance(shown, bool) else None


def keep_shown_radius(search: ChatSearch, radius_km: float | None) -> None:
    """Stores the radius the search's answer showed (None: no radius around a place), on the same page."""
    refinement = dict(search.refinement or {})
    refinement.pop(_SHOWN_KM, None)
    search.refinement = refinement | ({_SHOWN_KM: radius_km} if radius_km else {})


# Kept beside the button filters too: the notes the search's answer said about what it relaxed and what no listing
# holds ("Mit „Umweltschutz“ gab es nichts Genaues ..."). A follow-up keeping the search's words and adding only a
# time or something about the writer ("Rentnerin, hab vormittags Zeit") does not say the same line again.
_SAID = "said"


def said_notes(search: ChatSearch) -> frozenset[str]:
    """Returns the notes the search's answer said (none for one answered before they were kept)."""
    said = (search.refinement or {}).get(_SAID)
    return frozenset(note for note in said if isinstance(note, str)) if isinstance(said, list) else frozenset()


def keep_said_notes(search: ChatSearch, notes: Sequence[str]) -> None:
    """Stores the notes the search's answer said, on the same page."""
    refinement = dict(search.refinement or {})
    refinement.pop(_SAID, None)
    search.refinement = refinement | ({_SAID: list(notes)} if notes else {})


# Kept beside the button filters too: what a follow-up's answer said it kept or moved from the last search (its
# place, its interest, its radius stepped by "weiter weg"). The answer's pages, its buttons and a language chosen
# since say it again as long as it is still true: a radius pressed replaces the step, a place or region pressed the
# kept place, an area pressed the kept interest (keep_still_true).
_FOLLOWED = "followed"


@dataclass(frozen=True, slots=True)
class Followed:
    """What a follow-up kept from the last search, as its answer says it (bot.conversation.followups.FollowUp)."""

    kept_place: str | None = None
    kept_interest: bool = False
    radius_step: RadiusStep | None = None

    def to_dict(self) -> dict[str, Any]:
        """Returns the set fields, JSON-ready."""
        data: dict[str, Any] = {}
        if self.kept_place:
            data["kept_place"] = self.kept_place
        if self.kept_interest:
            data["kept_interest"] = True
        if self.radius_step is not None:
            step = self.radius_step
            data["radius_step"] = {"reach": step.reach.value, "from_km": step.from_km, "to_km": step.to_km,
                                   "around_place": step.around_place}
        return data


def followed(search: ChatSearch) -> Followed:
    """Returns what the search's answer said it kept from the search before (nothing for one that said nothing, or
    whose stored value is not one this code wrote)."""
    data = (search.refinement or {}).get(_FOLLOWED)
    if not isinstance(data, dict):
        return Followed()
    place = data.get("kept_place")
    return Followed(kept_place=place if isinstance(place, str) and place else None,
                    kept_interest=data.get("kept_interest") is True, radius_step=_radius_step(data.get("radius_step")))


def _radius_step(data: object) -> RadiusStep | None:
    """Rebuilds a stored radius step; None for anything else."""
    if not isinstance(data, dict):
        return None
    try:
        return RadiusStep(Reach(data["reach"]), float(data["from_km"]), float(data["to_km"]),
                          around_place=data.get("around_place") is not False)
    except (KeyError, TypeError, ValueError):
        return None


def keep_followed(search: ChatSearch, kept: Followed) -> None:
    """Stores what the search's answer said it kept from the search before, on the same page."""
    refinement = dict(search.refinement or {})
    refinement.pop(_FOLLOWED, None)
    search.refinement = refinement | ({_FOLLOWED: kept.to_dict()} if kept.to_dict() else {})


def keep_still_true(search: ChatSearch, before: Refinement, after: Refinement, kept: Followed) -> None:
    """Keeps what the follow-up's answer said, as far as new button filters (`before` to `after`) leave it true."""
    moved = (after.place, after.whole_state, after.nationwide, after.remote) != (
        before.place, before.whole_state, before.nationwide, before.remote)
    keep_followed(search, Followed(
        kept_place=None if moved else kept.kept_place,
        kept_interest=kept.kept_interest and after.categories == before.categories,
        radius_step=None if moved or after.radius_km != before.radius_km else kept.radius_step,
    ))


def keep_refinement(search: ChatSearch, refinement: Refinement) -> None:
    """Stores button filters the search takes by itself (the home place), on the same page and tier."""
    kept = followed(search)
    search.refinement = refinement.to_dict() | ({_SIMILAR: True} if shows_similar(search) else {})
    keep_followed(search, kept)


def refine(search: ChatSearch, **changes: object) -> None:
    """Replaces some button filters of a search and goes back to its first page."""
    refine_to(search, replace(refinement_of(search), **changes))  # type: ignore[arg-type]


def refine_to(search: ChatSearch, refinement: Refinement) -> None:
    """Sets the button filters of a search and goes back to its first page (what its answer said it kept from the
    search before stays where still true: keep_still_true)."""
    before, kept = refinement_of(search), followed(search)
    search.refinement = refinement.to_dict()
    keep_still_true(search, before, refinement, kept)
    search.offset = 0
    search.candidates = []


def candidates_of(search: ChatSearch) -> list[PlaceRef]:
    """Returns the places the person may choose from for this search."""
    return [PlaceRef(**place) for place in search.candidates or []]  # type: ignore[arg-type]


async def ask(session: AsyncSession, volunteer_id: int, awaiting: str, *, search_id: int | None = None) -> None:
    """Remembers which question the person's next message answers, and after which search it was asked."""
    search_id = search_id if search_id is not None else await newest_search_id(session, volunteer_id)
    await _set_state(session, volunteer_id, awaiting, search_id)


async def _set_state(session: AsyncSession, volunteer_id: int, awaiting: str | None, search_id: int | None) -> None:
    """Stores which question is open (None: none) after which search, creating the person's state if needed."""
    state = await session.get(ChatState, volunteer_id)
    if state is None:
        session.add(ChatState(volunteer_id=volunteer_id, awaiting=awaiting, search_id=search_id))
    else:
        state.awaiting, state.search_id = awaiting, search_id
    await session.flush()


async def pending_question(session: AsyncSession, volunteer_id: int) -> ChatState | None:
    """Returns the question the person has not answered yet; a search started since then closes it.

    The search handler asks this only when a text reads as a place, so an ordinary search costs no read here.
    """
    state = await session.get(ChatState, volunteer_id)
    if state is None or not state.awaiting:
        return None
    if await newest_search_id(session, volunteer_id) != state.search_id:
        return None
    return state


async def newest_search_id(
    session: AsyncSession, volunteer_id: int, *, private: bool = True, understood: bool = False
) -> int | None:
    """Returns the id of the person's newest stored search made in their own chat (private) or in a group, if
    any; with `understood`, only among searches whose text said something the search could use."""
    query = select(func.max(ChatSearch.id)).where(ChatSearch.volunteer_id == volunteer_id,
                                                  ChatSearch.private.is_(private))
    if understood:
        query = query.where(ChatSearch.understood.is_(True))
    return await session.scalar(query)


async def last_search(
    session: AsyncSession, volunteer_id: int, *, private: bool, understood: bool = False
) -> ChatSearch | None:
    """Returns the person's newest search of this kind of chat (see newest_search_id), if any."""
    newest = await newest_search_id(session, volunteer_id, private=private, understood=understood)
    return await own_search(session, newest, volunteer_id) if newest is not None else None


async def settle(session: AsyncSession, volunteer_id: int) -> bool:
    """Forgets the open question; tells whether there was one."""
    question = await pending_question(session, volunteer_id)
    if question is not None:
        close(question)
    return question is not None


async def conclude(session: AsyncSession, volunteer_id: int, *, newest: int | None = None) -> None:
    """Ends the conversation about the person's newest search (they cancelled, or said no to a question): any
    open question closes, and the next message starts afresh instead of going on from that search
    (bot.conversation.followups). `newest`: the newest search's id when the caller has read it already."""
    newest = newest if newest is not None else await newest_search_id(session, volunteer_id)
    await _set_state(session, volunteer_id, None, newest)


async def concluded(session: AsyncSession, volunteer_id: int, search_id: int) -> bool:
    """Tells whether the person ended the conversation about this search (conclude)."""
    state = await session.get(ChatState, volunteer_id)
    return state is not None and not state.awaiting and state.search_id == search_id


def close(question: ChatState) -> None:
    """Marks a question as answered (written when the unit of work commits)."""
    question.awaiting, question.search_id = None, None


async def waiting_for(session: AsyncSession, telegram_id: int) -> tuple[str | None, str | None, int | None]:
    """Returns (the draft's step, the awaited answer, the ad left for a search) of a person in one statement; None
    where nothing waits."""
    draft = (
        select(ListingDraft.step).where(ListingDraft.telegram_id == telegram_id)
        .order_by(ListingDraft.id.desc()).limit(1).scalar_subquery()
    )
    def of_state(column: Any) -> Any:
        return (
            select(column).join(Volunteer, Volunteer.id == ChatState.volunteer_id)
            .where(Volunteer.telegram_id == telegram_id).limit(1).scalar_subquery()
        )

    row = (await session.execute(select(draft, of_state(ChatState.awaiting), of_state(ChatState.left_ad_id)))).one()
    return row[0], row[1], row[2]


async def awaiting_with_prefix(session: AsyncSession, telegram_id: int, prefix: str) -> str | None:
    """Returns what a person's open question awaits when it starts with prefix (e.g. "reject:42"), else None."""
    return await session.scalar(
        select(ChatState.awaiting).join(Volunteer, Volunteer.id == ChatState.volunteer_id)
        .where(Volunteer.telegram_id == telegram_id, ChatState.awaiting.like(f"{prefix}%"))
    )


async def question_among(session: AsyncSession, telegram_id: int, awaited: Collection[str]) -> ChatState | None:
    """Returns a person's open question when it awaits one of these answers, else None."""
    return await session.scalar(
        select(ChatState).join(Volunteer, Volunteer.id == ChatState.volunteer_id)
        .where(Volunteer.telegram_id == telegram_id, ChatState.awaiting.in_(list(awaited)))
    )


async def close_awaiting(session: AsyncSession, volunteer_id: int, prefix: str) -> None:
    """Closes the person's open question when it awaits an answer starting with prefix (e.g. "ad_")."""
    state = await session.get(ChatState, volunteer_id)
    if state is not None and state.awaiting and state.awaiting.startswith(prefix):
        close(state)
