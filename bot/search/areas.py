"""A city's quarter or district named beside the city ("Hamburg Nord", "Hamburg Altona"): the search's centre.

The NLU may read "Hamburg Nord" as the city plus a free word "nord". Searched so, "nord" filtered for
listings repeating the word and the centre stayed at the city hall. The gazetteer knows the quarters and
district areas of large cities (nlu.kernel.gazetteer.Gazetteer.quarter, data/places/quarters.tsv): a free word
that names one of the searched city's is taken as where, not as what.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.search.criteria import Criteria
from bot.search.model import PlaceRef
from nlu.kernel.gazetteer import get_gazetteer
from nlu.kernel.text import fold

_WORD = re.compile(r"[a-z0-9]+")


def within_city(criteria: Criteria, text: str) -> Criteria:
    """Returns the criteria centred on the quarter a word of the text names inside the searched city, if any."""
    if criteria.place is None or criteria.place.postal_code:
        return criteria  # a postal code is more precise than any quarter
    gazetteer = get_gazetteer()
    words = dict.fromkeys([*criteria.keywords, *_WORD.findall(fold(text))])
    own = set(_WORD.findall(fold(criteria.place.name)))
    for word in words:
        if len(word) < 3 or word in own:
            continue
        quarter = gazetteer.quarter(word, criteria.place.name)
        if quarter is not None:
            place = PlaceRef(quarter.name, quarter.lat, quarter.lon, quarter.state, None)
            keywords = tuple(other for other in criteria.keywords if other != word)
            return replace(criteria, place=place, keywords=keywords)
    return criteria
