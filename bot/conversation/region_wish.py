"""A follow-up asking for all of a state or of Germany instead of the last search's place: "ganz Hessen", "und in
ganz Sachsen?", "bundesweit", "ganz Deutschland bitte", "all of Germany", "egal wo".

Such a message names no interest: it keeps the last search's interest, time and languages and drops its place and
radius, as the "🗺 Ganz Sachsen zeigen" and "Ganz Deutschland" buttons do. Only a message that says nothing else
counts (the words of data/chat/followups.toml `region_with` may stand beside it): "Tierheim in ganz Sachsen" is a
search of its own, read as ever.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from nlu.kernel.text import fold, folded_words
from nlu.place_field import all_of_germany, all_of_state

from bot.conversation.followup_words import followup_lists


@dataclass(frozen=True, slots=True)
class RegionWish:
    """All of one state (its name as the gazetteer spells it), or all of Germany when `state` is None."""

    state: str | None


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str]]:
    """Returns the words that may stand beside a region (`region_with`) and the phrases meaning anywhere in Germany
    (`everywhere`), folded."""
    raw = followup_lists()
    return (frozenset(fold(word) for word in raw["region_with"]),
            frozenset(" ".join(fold(word) for word in phrase.split()) for phrase in raw["everywhere"]))


def region_wish(text: str) -> RegionWish | None:
    """Returns the state or all of Germany a message asks for instead of the last search's place, when it says
    nothing else; else None."""
    beside, everywhere = _words()
    tokens = folded_words(text)
    rest = " ".join(token for token in tokens if token not in beside)
    if not rest:
        return None
    if rest in everywhere or all_of_germany(rest):
        return RegionWish(None)
    state = all_of_state(rest)
    return RegionWish(state) if state is not None else None
