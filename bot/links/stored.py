"""Searches too long for a start parameter are kept in the store under a short, content-derived code."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable

from sqlalchemy.ext.asyncio import AsyncSession

from bot.links.payload import (
    LinkTooLong,
    ListingLink,
    SearchLink,
    StoredSearchLink,
    carries_whole,
    decode_start_payload,
    start_payload_for_search,
)
from dataclasses import replace

from bot.search.model import PlaceRef, Refinement
from bot.search.place_doubts import names_another_place
from bot.store.models import SharedSearch
from bot.store.dialect import dialect_insert

CODE_LENGTH = 12
MAX_TEXT = 4096


def shared_search_code(text: str, refinement: Refinement) -> str:
    """Returns the stable code of a search: 12 base-36 digits of a SHA-256 (about 62 bits)."""
    canonical = json.dumps({"text": text.strip(), "refinement": refinement.to_dict()},
                           sort_keys=True, ensure_ascii=False)
    number = int.from_bytes(hashlib.sha256(canonical.encode("utf-8")).digest()[:8], "big")
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    code = ""
    for _ in range(CODE_LENGTH):
        number, digit = divmod(number, 36)
        code += digits[digit]
    return code


async def search_payload(session: AsyncSession, text: str, refinement: Refinement | None = None) -> str:
    """Returns a start parameter for any search: inline when it fits, otherwise stored under its code (also a text
    the link's alphabet cannot carry whole: "🐶🐱" would be lost inline, and the bot reads it as animals; the Arabic
    word of "Arabisch عربي Flüchtlinge" would be dropped)."""
    refinement = refinement or Refinement()
    if carries_whole(text) or not text.strip():
        try:
            return start_payload_for_search(text, refinement)
        except LinkTooLong:
            pass
    if len(text) > MAX_TEXT:
        raise ValueError(f"search text longer than {MAX_TEXT} characters")
    code = shared_search_code(text, refinement)
    statement = dialect_insert(session, SharedSearch.__table__).values(
        code=code, text=text.strip(), refinement=refinement.to_dict()
    )
    await session.execute(statement.on_conflict_do_nothing(index_elements=["code"]))
    return f"h{code}"


async def stored_search_payload(session: AsyncSession, text: str, refinement: Refinement | None = None) -> str | None:
    """Returns the start parameter of a search stored already (search_payload wrote it), else None; writes nothing."""
    if len(text) > MAX_TEXT:
        return None
    code = shared_search_code(text, refinement or Refinement())
    return f"h{code}" if await session.get(SharedSearch, code) is not None else None


async def resolve_start_payload(
    session: AsyncSession, payload: str | None, *, place_at: Callable[[float, float], PlaceRef] | None = None
) -> ListingLink | SearchLink | None:
    """Decodes a start parameter and loads stored searches; None for anything unknown or forged."""
    link = decode_start_payload(payload, place_at=place_at)
    if isinstance(link, SearchLink):
        return text_place_wins(link)
    if not isinstance(link, StoredSearchLink):
        return link
    stored = await session.get(SharedSearch, link.code)
    if stored is None:
        return None
    try:
        refinement = Refinement.from_dict(dict(stored.refinement or {}))
    except (TypeError, ValueError):
        return None
    return text_place_wins(SearchLink(text=stored.text, refinement=refinement))


def text_place_wins(link: SearchLink) -> SearchLink:
    """Drops a link's whole state when its text names another place ("tierheim in kassel" or "in bayern" with
    Sachsen): the place written wins, as in the chat, where "und in Kassel?" replaces the state; the state alone
    would silently leave out what the text says."""
    state = link.refinement.whole_state
    if state is None or not link.text:
        return link
    if not names_another_place(link.text, state):
        return link
    return SearchLink(text=link.text, refinement=replace(link.refinement, whole_state=None))

