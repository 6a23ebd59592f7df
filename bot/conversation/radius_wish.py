"""A wish for a wider or narrower radius than the last search's: "weiter weg", "größerer Umkreis", "further away",
"näher dran", "nur ganz in der Nähe", "closer to home".

Such a wish names no distance, only a direction: the radius steps to the next of the radii the "📏 Umkreis" button
offers (RADIUS_CHOICES_KM), from the radius the last search asked for. At the widest or narrowest radius it stays,
and the answer says so. The words are in data/chat/followups.toml (`wider`, `closer`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from nlu.kernel.text import WORD_TOKEN, fold

from bot.conversation.followup_words import followup_lists
from bot.domain import RADIUS_CHOICES_KM


class Reach(StrEnum):
    """Which way a wish moves the radius."""

    WIDER = "wider"
    CLOSER = "closer"


@dataclass(frozen=True, slots=True)
class RadiusWish:
    """A wish for another radius and the words of the message around it ("Tierheim, gern auch" of
    "Tierheim, gern auch weiter weg")."""

    reach: Reach
    rest: str


@dataclass(frozen=True, slots=True)
class RadiusStep:
    """The radius a wish moved the search from and to; both the same when it was already at the end of the
    radii offered."""

    reach: Reach
    from_km: float
    to_km: float
    # False when the last search had no radius to move ("ganz Sachsen", "nur online", all of Germany): it is shown
    # again, and the answer says so and asks for a town instead of claiming a change.
    around_place: bool = True

    @property
    def at_the_end(self) -> bool:
        """Tells whether the radius could not move further that way (already the widest or narrowest offered)."""
        return self.to_km == self.from_km


@lru_cache(maxsize=1)
def _phrases() -> dict[Reach, tuple[tuple[str, ...], ...]]:
    raw = followup_lists()
    return {reach: tuple(sorted((tuple(fold(word) for word in phrase.split()) for phrase in raw[reach.value]),
                                key=len, reverse=True))  # the longest first: "nicht so weit weg", not "nicht so weit"
            for reach in Reach}


@lru_cache(maxsize=1)
def _alone() -> tuple[frozenset[tuple[str, ...]], frozenset[str]]:
    """Returns the words that ask for a narrower radius only alone (`closer_alone`) and the words they may stand
    with (`alone_with`), folded."""
    raw = followup_lists()
    return (frozenset(tuple(fold(word) for word in phrase.split()) for phrase in raw["closer_alone"]),
            frozenset(fold(word) for word in raw["alone_with"]))


def radius_wish(text: str) -> RadiusWish | None:
    """Returns the wish for a wider or narrower radius a message says, word for word, with its other words."""
    tokens = WORD_TOKEN.findall(text)
    folded = [fold(token) for token in tokens]
    alone, fillers = _alone()
    if tuple(word for word in folded if word not in fillers) in alone:  # "noch etwas näher bitte"
        return RadiusWish(reach=Reach.CLOSER, rest="")
    for reach, phrases in _phrases().items():
        for phrase in phrases:
            for start in range(len(folded) - len(phrase) + 1):
                if tuple(folded[start:start + len(phrase)]) == phrase:
                    rest = tokens[:start] + tokens[start + len(phrase):]
                    return RadiusWish(reach=reach, rest=" ".join(rest))
    return None


def stepped(radius_km: float, reach: Reach) -> RadiusStep:
    """Returns the next radius offered beyond `radius_km` the way a wish goes (a radius between two offered ones,
    "20 km", goes to the next offered: 30 wider, 15 closer)."""
    if reach is Reach.WIDER:
        beyond = [float(km) for km in RADIUS_CHOICES_KM if km > radius_km]
        return RadiusStep(reach, radius_km, beyond[0] if beyond else radius_km)
    within = [float(km) for km in RADIUS_CHOICES_KM if km < radius_km]
    return RadiusStep(reach, radius_km, within[-1] if within else radius_km)
