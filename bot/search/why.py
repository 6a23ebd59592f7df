"""Why a listing was found, in a few words of the reader's language: "12 km · Wochenende · Tierheim"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.categories import categories
from bot.search.criteria import Criteria
from bot.search.vocabulary import TermGroup
from bot.texts import LANGUAGES, language_list, t
from nlu.kernel.text import fold

SEPARATOR = " · "
_WORD = re.compile(r"[^\W_]+")  # letters and digits, as the full-text index splits words
@dataclass(frozen=True, slots=True)
class ListingFacts:
    """What the why-text needs to know about one found listing."""

    title: str
    description: str
    categories: tuple[str, ...]
    time_tags: tuple[str, ...]
    languages: tuple[str, ...]
    remote: bool
    newcomer_friendly: bool


def why(
    listing: ListingFacts, criteria: Criteria, groups: Sequence[TermGroup], distance_km: float | None,
    lang: str | None = None, *, approximate_place: str | None = None,
) -> str:
    """Returns a few words on why the listing fits: distance, time, the word or category that matched.

    lang is the reader's language (de or en); by default the language the request was written in.
    approximate_place: the listing is known only to be in this town or quarter, so no distance is claimed.
    """
    lang = lang if lang in LANGUAGES else criteria.lang
    parts: list[str] = []
    if approximate_place:
        parts.append(t(lang, "why.approximate", place=approximate_place))
    elif distance_km is not None:
        parts.append(format_distance(distance_km, lang))
    elif listing.remote:
        parts.append(t(lang, "why.online"))
    matched_time = [t(lang, f"why.time.{tag}") for tag in criteria.time if tag in listing.time_tags]
    if matched_time:
        parts.append(", ".join(matched_time))
    interest = matched_word(listing, groups) or _matched_category(listing, criteria, lang)
    if interest:
        parts.append(interest)
    spoken = [code for code in criteria.languages if code in listing.languages]
    if spoken:
        parts.append(language_list(spoken, lang))
    elif listing.newcomer_friendly and (criteria.needs_little_german or criteria.languages or criteria.lang == "en"):
        parts.append(t(lang, "why.newcomer"))
    if listing.remote and distance_km is not None and criteria.remote:
        parts.append(t(lang, "why.online"))
    return SEPARATOR.join(parts) if parts else t(lang, "why.everywhere")


def format_distance(distance_km: float, lang: str) -> str:
    """Formats a distance the way people say it: "< 1 km", "3,5 km" (German), "5 km", "12 km"."""
    if distance_km < 1:
        return "< 1 km"
    if distance_km < 9.95 and round(distance_km, 1) != round(distance_km):
        number = f"{distance_km:.1f}"
        return f"{number.replace('.', ',') if lang == 'de' else number} km"
    return f"{round(distance_km)} km"


def matched_word(listing: ListingFacts, groups: Sequence[TermGroup]) -> str | None:
    """Returns the listing's own word (title first) that one of the free words found, as it is written."""
    if not groups:
        return None
    # Any group matching a word is the word being one of all groups' terms or starting with one of their
    # prefixes: one set and one startswith per word instead of a test per group (a fifth of a search's Python).
    terms = frozenset(term for group in groups for term in group.terms)
    prefixes = tuple(prefix for group in groups for prefix in group.prefixes)
    for text in (listing.title, listing.description):
        # Each word folded alone, and an ASCII word only lower-cased (all folding does to it): folding a whole
        # description took a tenth of a search's Python (its accents are taken off letter by letter).
        for word in _WORD.findall(text):
            key = word.lower() if word.isascii() else fold(word)
            if key in terms or (prefixes and key.startswith(prefixes)):
                return str(word)
    return None


def _matched_category(listing: ListingFacts, criteria: Criteria, lang: str) -> str | None:
    """Returns the label of the first wanted category the listing is in."""
    table = categories()
    for key in criteria.categories:
        if key in listing.categories:
            return table[key].label(lang)
    return None
