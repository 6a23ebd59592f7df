"""Whether one listing satisfies one saved search: the search's hard constraints, checked in Python.

These mirror bot.search.retrieval's constraints for the search as asked (no widening), so an alert fires
exactly for listings the saved search would have found in its first try:
- excluded categories never; remote searches only remote listings (anywhere);
- within the radius of the place, on the search's flat map (bot.search.geo.Frame); a whole state's, in that state;
- time: in every time family the search names, the listing has an asked tag or says nothing; a day and a part of
  the day named as a choice, either one (bot.search.time_wish);
- interest: in a wanted category; without categories, holding one of the free words;
- languages only rank in the search, so they do not filter alerts either.
Free words are looked up in the listing's own words with the search's Vocabulary (exact word, stem as a
prefix, compounds holding it, then typo corrections), so "Telefonselsorge" finds "Telefonseelsorge".

A saved search is checked as an AlertTarget: built from its Criteria, or straight from the columns of
saved_searches (bot.alerts.criteria.prefilter_columns) when a million are matched and parsing each
stored query would cost too much. Both give the same target; tests hold them to it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bot.categories import category_mask
from bot.search.criteria import Criteria
from bot.search.geo import Frame
from bot.search.time_wish import masks_fit, wish_mask
from bot.search.vocabulary import STOP_WORDS, Vocabulary
from bot.store.models import Opportunity
from nlu.kernel.text import plain_words

DISTANCE_SLACK_KM = 0.01  # float rounding must not drop a listing lying exactly on the radius


@dataclass(frozen=True, slots=True)
class AlertTarget:
    """What a saved search demands of a listing, in the compact form matching needs."""

    category_mask: int
    exclude_mask: int
    time_mask: int
    remote: bool
    centre: tuple[float, float] | None  # None: anywhere (no place, or remote)
    radius_km: float | None
    keywords: tuple[str, ...]
    whole_state: str | None = None  # "ganz Sachsen": only listings of that state (their state column)

    @classmethod
    def from_criteria(cls, criteria: Criteria) -> AlertTarget:
        """Returns the target of a search's Criteria."""
        place = None if criteria.remote else criteria.place
        return cls(
            category_mask=category_mask(criteria.categories),
            exclude_mask=category_mask(criteria.exclude_categories),
            time_mask=wish_mask(criteria.time, criteria.time_either),
            remote=criteria.remote,
            centre=(place.lat, place.lon) if place else None,
            radius_km=criteria.radius_km if place else None,
            keywords=telling_words(criteria.keywords),
            whole_state=None if criteria.remote else criteria.whole_state,
        )

    @classmethod
    def from_columns(cls, row: Mapping[Any, Any], keywords: object) -> AlertTarget:
        """Returns the target stored in saved_searches' prefilter columns plus the stored free words."""
        centre = (row["centre_lat"], row["centre_lon"]) if row["centre_lat"] is not None else None
        words = tuple(str(word) for word in keywords) if isinstance(keywords, list) else ()
        return cls(
            category_mask=row["category_mask"], exclude_mask=row["exclude_mask"], time_mask=row["time_mask"],
            remote=bool(row["remote_only"]), centre=centre, radius_km=row["radius_km"] if centre else None,
            keywords=telling_words(words), whole_state=row.get("whole_state"),
        )


class ListingWords:
    """The folded words of one listing's title and description, asked whether a search word is among them."""

    def __init__(self, title: str, description: str) -> None:
        words = set(plain_words(f"{title} {description}"))
        self._vocabulary = Vocabulary(dict.fromkeys(words, 1), listings=1)
        self._held: dict[str, bool] = {}

    def holds(self, word: str) -> bool:
        """Tells whether the listing holds the word as the search would find it (memoised per word)."""
        if word not in self._held:
            self._held[word] = self._vocabulary.group(word) is not None
        return self._held[word]


def listing_words(opportunity: Opportunity) -> ListingWords:
    """Returns the words of a listing for keyword checks."""
    return ListingWords(opportunity.title or "", opportunity.description or "")


def telling_words(words: Sequence[str]) -> tuple[str, ...]:
    """Drops words that say "I want to help" rather than what (the search ignores them too)."""
    return tuple(word for word in words if word not in STOP_WORDS)


def listing_matches(opportunity: Opportunity, criteria: Criteria, words: ListingWords | None = None) -> bool:
    """Tells whether a published listing meets a saved search's hard constraints."""
    return target_matches(opportunity, AlertTarget.from_criteria(criteria), words or listing_words(opportunity))


def target_matches(opportunity: Opportunity, target: AlertTarget, words: ListingWords) -> bool:
    """Tells whether a published listing meets an alert target."""
    listing_mask = opportunity.category_mask or 0
    if listing_mask & target.exclude_mask:
        return False
    if not place_fits(opportunity, target) or not masks_fit(target.time_mask, opportunity.time_mask or 0):
        return False
    if target.category_mask:
        return bool(listing_mask & target.category_mask)  # the categories decide; free words only rank
    if target.keywords:
        return any(words.holds(word) for word in target.keywords)
    return True


def place_fits(opportunity: Opportunity, target: AlertTarget) -> bool:
    """Remote searches want remote listings anywhere; others a listing within the radius of their place, or in
    their whole state."""
    if target.remote:
        return bool(opportunity.remote)
    if target.whole_state is not None and opportunity.state != target.whole_state:
        return False
    if target.centre is None or target.radius_km is None:
        return True
    if opportunity.lat is None or opportunity.lon is None:
        return False
    distance = Frame.around(*target.centre).distance_km(opportunity.lat, opportunity.lon)
    return distance <= target.radius_km + DISTANCE_SLACK_KM
