"""Whether one listing satisfies one saved search: the search's hard constraints, checked in Python.

These mirror bot.search.retrieval.constraints for the search as asked (no widening), so an alert fires
exactly for listings the saved search would have found at the top of its first try:
- excluded categories never; remote searches only remote listings (anywhere);
- within the radius of the place, on the search's flat map (bot.search.geo.Frame);
- time: in every time family the search names, the listing has an asked tag or says nothing;
- interest: in a wanted category or holding a free word; without categories, holding a free word;
- languages only rank in the search, so they do not filter alerts either.
Free words are looked up in the listing's own words with the search's Vocabulary (exact word, stem as a
prefix, compounds holding it, then typo corrections), so "Telefonselsorge" finds "Telefonseelsorge".
"""

from __future__ import annotations

import re

from bot.search.criteria import Criteria
from bot.search.geo import Frame
from bot.search.ranking import TIME_FAMILIES
from bot.search.vocabulary import STOP_WORDS, Vocabulary
from bot.store.models import Opportunity
from nlu.text import fold

_WORD = re.compile(r"[a-z0-9]+")
DISTANCE_SLACK_KM = 0.01  # float rounding must not drop a listing lying exactly on the radius


class ListingWords:
    """The folded words of one listing's title and description, asked whether a search word is among them."""

    def __init__(self, title: str, description: str) -> None:
        words = set(_WORD.findall(fold(f"{title} {description}")))
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


def listing_matches(opportunity: Opportunity, criteria: Criteria, words: ListingWords | None = None) -> bool:
    """Tells whether a published listing meets a saved search's hard constraints."""
    listing_categories = set(opportunity.categories or ())
    if listing_categories & set(criteria.exclude_categories):
        return False
    if not place_fits(opportunity, criteria) or not times_fit(criteria.time, opportunity.time_tags or ()):
        return False
    return interest_fits(listing_categories, criteria, words or listing_words(opportunity))


def place_fits(opportunity: Opportunity, criteria: Criteria) -> bool:
    """Remote searches want remote listings anywhere; others a listing within the radius of their place."""
    if criteria.remote:
        return bool(opportunity.remote)
    if criteria.place is None:
        return True
    if opportunity.lat is None or opportunity.lon is None:
        return False
    frame = Frame.around(criteria.place.lat, criteria.place.lon)
    return frame.distance_km(opportunity.lat, opportunity.lon) <= criteria.radius_km + DISTANCE_SLACK_KM


def times_fit(wanted: tuple[str, ...] | list[str], offered: tuple[str, ...] | list[str]) -> bool:
    """Tells whether, in every time family the search names, the listing has an asked tag or names none."""
    for family in TIME_FAMILIES:
        asked = set(wanted) & set(family)
        given = set(offered) & set(family)
        if asked and given and not asked & given:
            return False
    return True


def interest_fits(listing_categories: set[str], criteria: Criteria, words: ListingWords) -> bool:
    """Tells whether the listing is in a wanted category or holds one of the search's free words."""
    telling = [word for word in criteria.keywords if word not in STOP_WORDS]
    if criteria.categories:
        return bool(listing_categories & set(criteria.categories)) or any(words.holds(word) for word in telling)
    if telling:
        return any(words.holds(word) for word in telling)
    return True
