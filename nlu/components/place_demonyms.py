"""Towns' adjectives before a noun read as the town: "Leipziger Zoo", "im Kasseler Tierheim", "Dresdner Tafel"
(moved out of place_hints.py; quarters are read in quarter_reader.py)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from nlu.kernel.gazetteer import Gazetteer

__all__ = ["DEMONYM_LABEL", "DemonymReader", "cities_from_demonym", "city_from_demonym"]

DEMONYM_LABEL = "demonym"
# A town's adjective ("Leipziger Zoo") names the town only for places people know by it; smaller towns' adjectives
# are too often other words ("Langer", "Weiler", "Singer").
_DEMONYM_TOWN_MIN = 50_000


class DemonymReader:
    """Reads a town's adjective before a noun as that town: "Leipziger Zoo", "im Kasseler Tierheim", "Dresdner
    Tafel", "im Kölner Raum" ("Dresdner Neustadt", a quarter, is QuarterReader's)."""

    def __init__(self, gazetteer: Gazetteer, not_demonyms: frozenset[str], function_words: frozenset[str]) -> None:
        self.gazetteer = gazetteer
        self.not_demonyms = not_demonyms  # "Hammer", "Sieger": nouns that look like an adjective of Hamm, Siegen
        self.function_words = function_words  # the caller leaves region nouns out: "im Kölner Raum" is Köln

    def at(self, doc: Doc, i: int, lowercase: bool) -> Span | None:
        """Returns a span over the adjective carrying its town, else None."""
        token = doc[i]
        if not token.norm_.endswith("er") or i + 1 >= len(doc) or not token.is_alpha:
            return None
        if not (token.is_title or lowercase):
            return None
        following = doc[i + 1]
        if not following.is_alpha or following.norm_ in self.function_words or token.norm_ in self.not_demonyms:
            return None
        for name in cities_from_demonym(token.text):
            places = [place for place in self.gazetteer.lookup(name) if place.population >= _DEMONYM_TOWN_MIN]
            if places:
                span = Span(doc, i, i + 1, label=DEMONYM_LABEL)
                span._.value = (places[0],)
                return span
        return None


def cities_from_demonym(word: str) -> list[str]:
    """Returns the town names an adjective of place may come from: "Leipziger" -> Leipzig, "Dresdner" -> Dresden,
    "Bremer" -> Bremen, "Darmstädter" -> Darmstadt."""
    if not word.endswith("er") or len(word) < 6:
        return []
    stem = word[:-2]
    names = [stem, f"{stem[:-1]}en" if stem.endswith("n") else f"{stem}en"]
    if "städt" in stem:
        names.append(stem.replace("städt", "stadt"))
    return names


def city_from_demonym(word: str) -> str | None:
    """Returns the city an adjective of place may come from ("Dresdner" -> "Dresden", "Leipziger" -> "Leipzig")."""
    if not word.endswith("er") or len(word) < 6:
        return None
    stem = word[:-2]
    return f"{stem[:-1]}en" if stem.endswith("n") else stem
