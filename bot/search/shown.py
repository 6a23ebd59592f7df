"""Which tier a try's page shows in the end: the related listings when asked for, unless none is left.

A button "Ähnliche anzeigen" of an older answer may be pressed after the listings changed, so that no related
listing is left beside the strong ones: then the answer itself is shown, at the page asked for (numbered from the
offset, the rows must be that page's), never an empty page.

A first answer of one or two strong listings stays as it is, with the button for the related ones. Topping it up
with the closest related ones (a relative of the named word in the title) was built and measured in the fourteenth
session: the judges of every agency set found the rows added mostly off the request (P@5 within the asked radius,
Leipzig development half 0.722 -> 0.712, the held-out halves lower still), so it was taken out again.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.ext.asyncio import AsyncSession

from bot.search.criteria import Criteria
from bot.search.model import Hit, SearchOutcome
from bot.search.rank_words import RankWords
from bot.search.retrieval import Page, PageRequest, find_page
from bot.search.tiers import Tier
from bot.search.widening import MATCHING, NEAREST, WISHED_FARTHER, Attempt


async def shown_page(
    session: AsyncSession, criteria: Criteria, words: RankWords, attempt: Attempt, page: Page, asked: PageRequest,
) -> tuple[Tier, Page]:
    """Returns the tier and the page a try shows: the page asked for, or the answer itself when a related page is
    asked for and nothing related is left out."""
    if asked.tier is Tier.SIMILAR and page.total and not page.shown_total(Tier.SIMILAR):
        strong = replace(asked, tier=Tier.STRONG)
        return Tier.STRONG, await find_page(session, criteria, words, attempt, strong)
    return asked.tier, page


def as_shown(outcome: SearchOutcome, criteria: Criteria, results: tuple[Hit, ...], *, offset: int) -> SearchOutcome:
    """Returns the outcome at the asked radius when the whole answer is on its first page and lies within it: the
    wider radius only found related listings the answer leaves out (bot.search.tiers), so "up to 50 km" would not
    match what is shown (every listing within 11 km)."""
    if (offset or not results or outcome.total != len(results) or outcome.radius_km is None or outcome.place is None
            or not any(step.startswith("radius:") for step in outcome.widened)
            or any(hit.distance_km is None or hit.distance_km > criteria.radius_km for hit in results)):
        return outcome
    farther = (MATCHING, NEAREST, WISHED_FARTHER)
    kept = tuple(step for step in outcome.widened if not step.startswith("radius:") and step not in farther)
    return replace(outcome, widened=kept, radius_km=criteria.radius_km)
