"""A search text without the words naming its place ("Tafel in Fulda" -> "Tafel in"), for a follow-up that asks
for another place (bot.conversation.followups): the search would otherwise look there for listings holding the
word "Fulda"."""

from __future__ import annotations

import re

from nlu.kernel.gazetteer import get_gazetteer, haversine_km
from nlu.kernel.place_distances import SAME_TOWN_KM
from nlu.kernel.postal_codes import postal_codes_in, whole_postal_code
from nlu.kernel.text import WORD_TOKEN, fold, folded_words
from nlu.query import ParsedQuery

from bot.search.model import PlaceRef
from bot.search.understanding import parse_text

# A text still read as its place after the place's names went is looked at word by word up to this many words.
MAX_PLACE_WORDS = 60


def without_place(text: str, place: PlaceRef, parsed: ParsedQuery | None = None) -> str:
    """Returns a text without the words naming a place ("Tafel in Fulda" -> "Tafel in"): once another place is
    asked for, the search would otherwise look there for listings holding the word "Fulda".

    A word that is only the name of a town nearby ("Essen" beside Bochum) goes only when the parse of the text
    (`parsed`) does not need it: "Essen ausgeben in Bochum" keeps "Essen", the area it says."""
    gazetteer = get_gazetteer()
    own = set(folded_words(place.name))
    text = _without_codes(text, place)

    def names_it(token: str) -> bool:
        if whole_postal_code(token) or (len(token) > 2 and fold(token) in own):
            return True
        if gazetteer.quarter(token, place.name) is not None:
            return True
        nearby = any(
            haversine_km(hit.lat, hit.lon, place.lat, place.lon) <= SAME_TOWN_KM for hit in gazetteer.lookup(token)
        )
        return nearby and (parsed is None or not _says_interest(text, token, parsed))

    rest = " ".join(
        WORD_TOKEN.sub(
            lambda m: "" if names_it(m.group(0)) or names_it(m.group(0).split("-")[0]) else m.group(0), text
        ).split()
    )
    return _without_other_spellings(rest, place)


def _without_other_spellings(text: str, place: PlaceRef) -> str:
    """Returns a text without the words the NLU still reads as the place after its names went: a dialect form, a
    nickname or a typo ("tiere in dräsdn", "lipsch", "Elbflorenz"), which no gazetteer name spells."""
    if not text or not _near(parse_text(text).place, place):
        return text
    words = text.split()[:MAX_PLACE_WORDS]
    return " ".join(word for word in words
                    if len(word) < 3 or not _near(parse_text(f"in {word}").place, place)) or text


def _near(found: object, place: PlaceRef) -> bool:
    """Tells whether a parsed place lies within SAME_TOWN_KM of a place."""
    lat, lon = getattr(found, "lat", None), getattr(found, "lon", None)
    return lat is not None and lon is not None and haversine_km(lat, lon, place.lat, place.lon) <= SAME_TOWN_KM


def _without_codes(text: str, place: PlaceRef) -> str:
    """Returns a text without its postal codes, also those split by a space ("Tafel in 34 127"), which no word of it
    is alone; a split number without a cue goes only when it is the place's code ("Tierheim 34 127"), so an amount
    ("mit 10 000 Tieren") stays."""
    cued = postal_codes_in(text)
    found = [written for written in postal_codes_in(text, answer=True)
             if written.code == place.postal_code or written in cued]
    for written in reversed(found):
        text = f"{text[:written.start]} {text[written.end:]}"
    return text


def _says_interest(text: str, token: str, parsed: ParsedQuery) -> bool:
    """Tells whether a word carries the text's interest: without it, the parse loses an area or a keyword."""
    rest = parse_text(" ".join(re.sub(rf"(?<!\w){re.escape(token)}(?!\w)", " ", text).split()))
    return set(rest.categories) != set(parsed.categories) or not set(parsed.keywords) <= set(rest.keywords)
