"""A city written with one of its quarters read as that city: "Leipzig-Gohlis", "Neustadt Dresden", "Dresdner
Neustadt", "Hamburg Nord", "Halle (Saale)-Büschdorf" (quarters count as their city; data/places/quarters.tsv). Which of
several named places is meant is place_hints.py's."""

from __future__ import annotations

from rapidfuzz import fuzz
from spacy.tokens import Doc, Span

from nlu.components.place_demonyms import city_from_demonym
from nlu.kernel.gazetteer import Gazetteer, Place, haversine_km
from nlu.kernel.text import fold
from nlu.lexicon import place_rules

# A small place far from a large city named with it is a quarter the quarter table lacks (see _joined_at).
_UNLISTED_CITY_MIN, _UNLISTED_QUARTER_MAX, _FAR_KM = 100_000, 20_000, 100.0
_BRACKETED_FAR_KM = 30.0
_QUARTER_JOINERS = frozenset({",", "in", "bei", "im", "near", "("})  # "Gohlis in Leipzig", "Sachsenhausen, Frankfurt"
_MISSPELT_CITY_MIN, _MISSPELT_CITY_SCORE = 4, 80.0  # "Bärlin-Neukölln": Berlin misspelt before its quarter


class QuarterReader:
    """Reads a city written with one of its quarters as that city: "Leipzig-Gohlis", "Neustadt Dresden",
    "Dresdner Neustadt", "Hamburg Nord" (quarters count as their city; data/places/quarters.tsv)."""

    _CACHE_LIMIT = 50_000  # distinct (quarter, city) texts remembered; a long-running bot sees unbounded words

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        rules = place_rules()
        self.regions = rules.areas | rules.states.keys() | rules.qualifiers.keys()
        # at() asks for every capitalised word and its neighbours, message after message: the same few texts
        self._cities_of_quarters: dict[tuple[str, str | None], Place | None] = {}

    def at(self, doc: Doc, i: int) -> Span | None:
        """Returns a span over the city and its quarter starting at token i, else None."""
        token = doc[i]
        if "-" in token.text and token.is_alpha is False:
            # "Horn-Lehe in Bremen", "Grünau-Mitte (Leipzig)": a city written with the quarter says whose it is,
            # before the hyphen's halves are read as a quarter of another city
            if (joined := self._joined_at(doc, i)) is not None:
                return joined
            city = self._city_of_quarter(token.text, None) or self._misspelt_city_with_quarter(token.text)
            if city is not None and not self._names_another_whole(token.text, city):
                return _place_span(doc, i, i + 1, city)
        if (spanned := self._spanning_at(doc, i)) is not None or (spanned := self._qualified_city_at(doc, i)):
            return spanned
        if i + 1 >= len(doc) or not token.is_alpha:
            return None
        if not doc[i + 1].is_alpha:
            return self._joined_at(doc, i)
        first, second = token.text, doc[i + 1].text
        for quarter, city_name in ((second, first), (first, second), (second, city_from_demonym(first))):
            if city_name and quarter[:1].isupper() == city_name[:1].isupper():
                city = self._city_of_quarter(quarter, city_name)
                if city is not None:
                    return _place_span(doc, i, i + 2, city)
        return self._joined_at(doc, i)

    def _spanning_at(self, doc: Doc, i: int) -> Span | None:
        """Returns a span over a city and quarter of three words, or two with a hyphen (two plain words are at()'s
        pairs): "Bonn-Bad Godesberg", "Bergisch Gladbach-Bensberg", "Bonn Bad Godesberg" (longest first)."""
        if not doc[i].text[:1].isupper():
            return None
        # The words' own texts, not Spans over them: this runs at every capitalised word of every message.
        texts = [(token.text, token.text_with_ws) for token in (doc[j] for j in range(i, min(i + 3, len(doc))))]
        for count in (3, 2):
            words = texts[:count]
            if len(words) == count and all(text.replace("-", "").isalpha() for text, _ in words):
                written = "".join(with_space for _, with_space in words[:-1]) + words[-1][0]
                if (count == 3 or "-" in written) and (city := self._city_of_quarter(written, None)) is not None:
                    return _place_span(doc, i, i + count, city)
        return None

    def _qualified_city_at(self, doc: Doc, i: int) -> Span | None:
        """Returns the city of a quarter written after the city's official name with its qualifier in brackets or
        after a slash: "Halle (Saale)-Büschdorf" (the tokenizer cuts ")-" apart), "Frankfurt/Oder-Nord" (the town
        so named, also where the quarter table lacks the quarter: the slash's qualifier is no town of its own)."""
        if not doc[i].is_alpha or i + 2 >= len(doc):
            return None
        if doc[i + 1].text == "/" and "-" in doc[i + 2].text:
            qualifier, _, quarter = doc[i + 2].text.partition("-")
            city_name = f"{doc[i].text}/{qualifier}"
            named = self._named(city_name) if qualifier.isalpha() and quarter[:1].isalpha() else []
            if not named:
                return None
            return _place_span(doc, i, i + 3, self._city_of_quarter(quarter, city_name) or named[0])
        if i + 5 >= len(doc) or doc[i + 1].text != "(" or doc[i + 3].text != ")" or doc[i + 4].text != "-":
            return None
        if not (doc[i + 2].is_alpha and doc[i + 5].text[:1].isalpha()):
            return None
        city = self._city_of_quarter(doc[i + 5].text, doc[i : i + 4].text)
        return _place_span(doc, i, i + 6, city) if city is not None else None

    def _names_another_whole(self, text: str, city: Place) -> bool:
        """Tells whether a hyphenated word is as a whole the name of a place other than the city its halves make:
        "Grünau-Mitte" is Leipzig's (an alias), not Grünau in Berlin's Mitte."""
        whole = self._named(text)
        return bool(whole) and all((self.gazetteer.city_of(place) or place).id != city.id for place in whole)

    def _named(self, text: str) -> list[Place]:
        """Returns the places a name is of in the gazetteer or, as an alias (data/nlu/places.toml), in the NLU."""
        alias = place_rules().aliases.get(fold(text))
        return self.gazetteer.lookup(text) + (self.gazetteer.lookup(alias)[:1] if alias is not None else [])

    def _joined_at(self, doc: Doc, i: int) -> Span | None:
        """Returns the city of a quarter joined to it by a word or a comma: "Gohlis in Leipzig", "Bornheim bei
        Frankfurt", "Sachsenhausen, Frankfurt", "Leipzig, Plagwitz" (either order with a comma)."""
        if i + 2 >= len(doc) or not doc[i + 2].is_alpha or doc[i + 1].norm_ not in _QUARTER_JOINERS:
            return None
        if doc[i + 1].text == "(":  # "Bornheim (Frankfurt)": the city in brackets after its quarter
            if i + 3 >= len(doc) or doc[i + 3].text != ")":
                return None
            quarter, city_name = doc[i].text, doc[i + 2].text
            city = self._city_of_quarter(quarter, city_name) or self._city_of_unlisted_quarter(
                quarter, city_name, bracketed=True
            )
            return _place_span(doc, i, i + 4, city) if city is not None else None
        first, second = doc[i].text, doc[i + 2].text
        orders = ((first, second), (second, first)) if doc[i + 1].norm_ == "," else ((first, second),)
        for quarter, city_name in orders:
            if quarter[:1].isupper() or city_name[:1].isupper() or doc.text.islower():
                city = self._city_of_quarter(quarter, city_name) or self._city_of_unlisted_quarter(quarter, city_name)
                if city is not None:
                    return _place_span(doc, i, i + 3, city)
        return None

    def _misspelt_city_with_quarter(self, text: str) -> Place | None:
        """Returns the city of "Bärlin-Neukölln", "Frankfort-Bockenheim": a known quarter after a hyphen, and before
        it its city's name written with a typo or in dialect."""
        head, _, tail = text.partition("-")
        if len(head) < _MISSPELT_CITY_MIN or not tail[:1].isalpha():
            return None
        cities = [self.gazetteer.city_of(place) for place in self.gazetteer.lookup(tail)]
        alias = place_rules().aliases.get(fold(tail))  # the quarters the quarter table lacks ("Connewitz")
        if alias is not None:
            cities += self.gazetteer.lookup(alias)[:1]
        for city in cities:
            if city is not None and fuzz.ratio(fold(head), fold(city.name)) >= _MISSPELT_CITY_SCORE:
                return city
        return None

    def _city_of_unlisted_quarter(self, quarter: str, city_name: str, *, bracketed: bool = False) -> Place | None:
        """Returns the city when the other name's only namesakes are small places far from it: "Sachsenhausen,
        Frankfurt" is Frankfurt's quarter (not the village by Oranienburg) even where quarters.tsv lacks it. With the
        city in brackets ("Bornheim (Frankfurt)") the writer says it is the city's, so a namesake's size does not
        matter, only that it is no neighbour of the city ("Hanau (Frankfurt)" stays Hanau)."""
        if fold(city_name) in self.regions or fold(quarter) in self.regions:
            return None  # "Baiersbronn (Schwarzwald)", "Fürth, Odenwald": a landscape is neither quarter nor city
        cities = [place for place in self.gazetteer.lookup(city_name) if place.population >= _UNLISTED_CITY_MIN]
        namesakes = self._named(quarter)
        if not cities or not namesakes:
            return None
        city = cities[0]
        if any((self.gazetteer.city_of(place) or place).id == city.id for place in namesakes):
            return city  # "Grünau-Mitte in Leipzig": a name of the city's own (an alias of its quarter)
        if place_rules().shared_quarters.get(fold(quarter)) == city.name:
            return city  # "Bornheim in Frankfurt": a quarter listed for the city, whatever its namesakes' size
        reach = _BRACKETED_FAR_KM if bracketed else _FAR_KM
        far = all(haversine_km(place.lat, place.lon, city.lat, city.lon) > reach for place in namesakes)
        small = bracketed or all(place.population < _UNLISTED_QUARTER_MAX for place in namesakes)
        return city if far and small else None

    def _city_of_quarter(self, quarter: str, city: str | None) -> Place | None:
        """Returns the city when `quarter` is one of its quarters (or names both, "Leipzig-Gohlis"), cached per
        text: the gazetteer's answer depends on nothing else."""
        key = (quarter, city)
        if key in self._cities_of_quarters:
            return self._cities_of_quarters[key]
        if len(self._cities_of_quarters) > self._CACHE_LIMIT:
            self._cities_of_quarters.clear()
        found = self._cities_of_quarters[key] = self._looked_up_city_of_quarter(quarter, city)
        return found

    def _looked_up_city_of_quarter(self, quarter: str, city: str | None) -> Place | None:
        """Returns _city_of_quarter()'s answer from the gazetteer."""
        if city is not None and not self.gazetteer.lookup(city):
            return None
        found = self.gazetteer.quarter(quarter, city)
        return self.gazetteer.city_of(found) if found is not None else None


def _place_span(doc: Doc, start: int, end: int, place: Place) -> Span:
    """Returns a place span carrying one place."""
    span = Span(doc, start, end, label="place")
    span._.value = (place,)
    return span
