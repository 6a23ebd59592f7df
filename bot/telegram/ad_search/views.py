"""Short cards of found ads: what, where (the town or district the person chose, never closer) and when."""

from __future__ import annotations

from collections.abc import Sequence

from bot.ads.search import AdHit
from bot.store.models import AdSearch
from bot.telegram.formatting import esc, join_lines, line
from bot.texts import t
from bot.texts.catalogue import decimal

CARD_TEXT_CHARS = 180


def card(hit: AdHit, number: int, lang: str) -> str:
    """Returns one ad as a short card."""
    if hit.place and hit.distance_km is not None:
        where = t(lang, "adsearch.where_distance", place=line(hit.place, 80), km=hit.distance_km)
    elif hit.place:
        where = line(hit.place, 80)
    elif hit.remote:
        where = t(lang, "adsearch.where_online")
    else:
        where = t(lang, "adsearch.where_unknown")
    when = ", ".join(t(lang, f"listing.{tag}") for tag in hit.time) or t(lang, "adsearch.when_any")
    return t(lang, "adsearch.card", number=number, what=esc(" ".join(hit.text.split()), CARD_TEXT_CHARS),
             where=where, when=when)


def results_text(query: str, hits: Sequence[AdHit], *, total: int, offset: int, lang: str,
                 nearest_beyond_km: float | None = None) -> str:
    """Returns the result message: what was searched, how many were found (or that none is near the place and
    these are the nearest ones, with their distance), the cards, how contact works."""
    header = t(lang, "adsearch.header", query=line(query, 120))
    if not hits:
        return join_lines([header, t(lang, "adsearch.none")])
    count = t(lang, "adsearch.count", count=total, total=total, first=offset + 1, last=offset + len(hits))
    if nearest_beyond_km is not None:
        count = t(lang, "adsearch.nearest", km=decimal(nearest_beyond_km, lang)) + "\n" + count
    cards = "\n\n".join(card(hit, offset + number, lang) for number, hit in enumerate(hits, start=1))
    return "\n".join([header, count, "", cards, "", t(lang, "adsearch.contact_hint")])


def saved_text(searches: Sequence[AdSearch], lang: str) -> str:
    """Returns the member's saved ad searches, numbered as their stop buttons (empty when there are none)."""
    if not searches:
        return ""
    entries = [t(lang, "adsearch.saved_entry", number=number, query=line(search.query_text, 120))
               for number, search in enumerate(searches, start=1)]
    return "\n".join([t(lang, "adsearch.saved_list", count=len(searches)), *entries])
