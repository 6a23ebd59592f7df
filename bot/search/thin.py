"""A thin first answer topped up: fewer than three listings naming what was asked come with the best related ones.

The strong tier (bot.search.tiers) shows the listings holding the request's particular words alone. When only one
or two do ("Senioren Computer Leipzig": one computer course, while tablet courses and smartphone hours for older
people sit among the related ones), a person reads one listing and a button as the bot finding nearly nothing. So
the first answer takes the related tier's best rows (the same try: the same field and area, ranked by the same
score) that hold something of it (a word, a relative of one: bot.search.related) until it shows MIN_RESULTS, and
the button offers the rest.

They come after the strong ones, unmarked: the strong ones answer what was named and stay first; each result's
own line already says what it matched ("Computerkurs" against "Senioren"), and a mark would change the shape of
every result the chat, the web page and `search --json` show. The tiers stay one split of the same rows: the
related pages start after the rows taken (never showing them twice), and their count leaves them out.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncSession

from bot.search.criteria import Criteria
from bot.search.rank_words import RankWords
from bot.search.retrieval import Page, PageRequest, find_page
from bot.search.tiers import Tier
from bot.search.widening import MIN_RESULTS, Attempt

# How far below the last strong row's score a row taken after it shows (the chat prints three decimals).
SCORE_STEP = 0.001


def wanted(page: Page) -> int:
    """Returns how many related rows a try's first answer could show after its strong ones: enough for MIN_RESULTS
    when fewer are strong and there are related ones (the counts are a try's, the same on every page)."""
    if not 0 < page.strong < MIN_RESULTS or page.total <= page.strong:
        return 0
    return MIN_RESULTS - page.strong


async def shown_page(
    session: AsyncSession, criteria: Criteria, words: RankWords, attempt: Attempt, page: Page, asked: PageRequest,
) -> tuple[Tier, Page]:
    """Returns the tier and the page a try shows: a thin strong page with the best close related rows after its
    own, a related page without those rows; and the answer itself when nothing related is left out (a button of
    an older answer, the listings changed since), never an empty page, at the page asked for.

    The close rows (Tier.CLOSE) hold a word naming what was asked or a relative of one; rows sharing only the field
    ("Museumsaufsicht" beside the one organ listing of "Orgel spielen") or only a general kind ("Flötenunterricht"
    for "Harfenunterricht") answer nothing of it and wait behind the button. They are read on every page of a thin
    answer (at most two rows), so every page of both tiers takes the same ones."""
    limit, offset, tier = asked.limit, asked.offset, asked.tier

    async def fetch(limit: int, offset: int, tier: Tier) -> Page:
        return await find_page(session, criteria, words, attempt, replace(asked, limit=limit, offset=offset, tier=tier))

    close = (await fetch(limit=wanted(page), offset=0, tier=Tier.CLOSE)).rows if wanted(page) else ()
    if tier is Tier.SIMILAR and page.total and page.total - page.strong - len(close) <= 0:
        tier = Tier.STRONG
        page = await fetch(limit=limit, offset=offset, tier=tier)
    elif tier is Tier.SIMILAR and close:
        # The rows taken lie anywhere among the related ones: their pages are read from the first related row on,
        # without them (only for a thin answer's related pages, a person's pressing of the button).
        taken = {row.id for row in close}
        related = await fetch(limit=offset + limit + len(close), offset=0, tier=tier)
        rows = tuple(row for row in related.rows if row.id not in taken)[offset:offset + limit]
        return tier, replace(related, rows=rows, topped=len(close))
    if tier is not Tier.STRONG or not close:
        return tier, page
    # The page's places among the strong rows and then the close ones taken.
    start, end = max(offset - page.strong, 0), max(offset + limit - page.strong, 0)
    shown_close = close[start:end]
    if not shown_close:
        return tier, replace(page, topped=len(close))
    last = page.rows[-1] if page.rows else (await fetch(limit=1, offset=page.strong - 1, tier=Tier.STRONG)).rows[0]
    scores = tuple(float(row.score) for row in page.rows) + capped(shown_close, float(last.score), start)
    return tier, replace(page, rows=page.rows + shown_close, topped=len(close), scores=scores)


def capped(taken: tuple[Row[Any], ...], last: float, start: int) -> tuple[float, ...]:
    """Returns the scores the rows taken show: their own, at most a step below the last strong row's and each a
    step below the one before (`start`: the first one's place among those taken). Their own may be higher, as a
    related row may lie nearer or be fresher, but they follow the strong ones: a higher score after a lower one
    reads as a wrong order in the chat, on the web page and in `search --json`."""
    return tuple(min(float(row.score), last - SCORE_STEP * (start + place + 1)) for place, row in enumerate(taken))
