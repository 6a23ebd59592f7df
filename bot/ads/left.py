"""An ad left for a search: it waited for its buttons when a text came, the text was searched, and the note said
/abbrechen next drops the ad. That promise is kept beside the open question (ChatState.left_ad_id), not in it: the
search may ask "Wo soll ich suchen?" and take the question for itself, and /abbrechen then ends both.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.models import ChatState


async def leave(session: AsyncSession, volunteer_id: int, ad_id: int) -> None:
    """Remembers that the next message may still cancel this ad (the open question is the caller's business)."""
    state = await session.get(ChatState, volunteer_id)
    if state is None:
        session.add(ChatState(volunteer_id=volunteer_id, left_ad_id=ad_id))
    else:
        state.left_ad_id = ad_id
    await session.flush()


async def take(session: AsyncSession, volunteer_id: int) -> int | None:
    """Returns the ad left for the last search, if any, and forgets it: only the message right after the note may
    cancel it; any other leaves the ad waiting for /ichbiete."""
    state = await session.get(ChatState, volunteer_id)
    if state is None or state.left_ad_id is None:
        return None
    ad_id, state.left_ad_id = state.left_ad_id, None
    return ad_id
