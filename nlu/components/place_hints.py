"""What a message says around its place names: quarters joined to their city and which of several named places is
meant ("bin gerade in Köln, wohne aber in Marburg"); towns' adjectives ("Leipziger Zoo") are in place_demonyms.py,
plate letters in plates.py."""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz
from spacy.language import Language
from spacy.tokens import Doc, Span

from nlu.components.common import closes_clause, is_boundary, pattern_matcher
from nlu.components.place_demonyms import DEMONYM_LABEL, city_from_demonym
from nlu.kernel.gazetteer import Gazetteer, Place, get_gazetteer, haversine_km
from nlu.lexicon import interest_rules, place_rules
from nlu.patterns import PatternMatcher
from nlu.place_qualifiers import district_words
from nlu.kernel.text import fold

_TOO_FAR_REACH = 2  # "Kassel ist mir zu weit": the words may follow the name after a comma or "ist"
_BESIDE_REACH = 2  # "near Görlitz now (Niesky)": words between a locating place and the town it locates
# A small place far from a large city named with it is a quarter the quarter table lacks (see _joined_at).
_UNLISTED_CITY_MIN, _UNLISTED_QUARTER_MAX, _FAR_KM = 100_000, 20_000, 100.0
_BRACKETED_FAR_KM = 30.0
_QUARTER_JOINERS = frozenset({",", "in", "bei", "im", "near", "("})  # "Gohlis in Leipzig", "Sachsenhausen, Frankfurt"
_MISSPELT_CITY_MIN, _MISSPELT_CITY_SCORE = 4, 80.0  # "Bärlin-Neukölln": Berlin misspelt before its quarter
RULED_OUT = -3  # Span._.preference of a place ruled out ("nicht in Kassel"): never the search place
CORRECTED = -4  # named before the writer corrects it ("Bielefeld no wait, now Halle"): set aside, and pulls no namesake
_KIN_REACH = 4  # "meine beiden Enkel wohnen": words between the relative and the verb of living
_NEAR_REACH = 6  # "not in Berlin itself but nearby": words after a ruled-out place that keep it as the centre


class PreferenceReader:
    """Marks places the person lives in or would rather go to (+1), areas named before a town in them (-1), and
    passing stays or too-far ones (-2)."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer | None = None) -> None:
        rules = place_rules()
        self.gazetteer = gazetteer or get_gazetteer()
        groups: dict[str, Iterable[str]] = {
            "home": rules.home_cues, "preferred": rules.preference_cues, "temporary": rules.temporary_cues,
            "too_far": rules.too_far, "region": rules.region_cues,
            "correction": rules.corrections, "ruled_out": rules.ruled_out_cues,
            "ruled_out_after": rules.ruled_out_after, "temporary_after": rules.temporary_after,
            "others_home": rules.others_home_cues, "work": rules.work_cues, "work_wanted": rules.work_wanted,
        }
        self.matcher: PatternMatcher
        self.matcher, self.unusable = pattern_matcher(nlp, groups)
        self.areas = rules.areas
        self.near = rules.ruled_out_near
        self.beside, self.beside_then = rules.beside_words, rules.beside_then
        writer = interest_rules()
        self.kin = rules.others_home_subjects
        self.pronouns = writer.first_person - writer.own_possessives - writer.kin_possessives

    @staticmethod
    def _reaches(doc: Doc, end: int, cue: int, cue_end: int) -> bool:
        """Tells whether "zu weit" at `cue` is said of the place ending at `end`: the words between stay in one
        clause ("Kassel ist mir zu weit"), or the words are an answer of their own right after it ("Fulda? Zu
        weit.")."""
        between = doc[end:cue]
        if len(between) == 1 and is_boundary(between[0]):
            return cue_end == len(doc) or is_boundary(doc[cue_end])
        return all(not is_boundary(t) or t.norm_ == "," for t in between)

    @staticmethod
    def _town_follows(doc: Doc, area: Span, mentions: list[Span]) -> bool:
        """Tells whether another place follows the area as an element of its own ("Kreis Bautzen, Hoyerswerda"),
        not as an alternative ("Raum Wetzlar/Gießen")."""
        later = [m for m in mentions if m.start >= area.end]
        if not later:
            return False
        between = doc[area.end:min(m.start for m in later)]
        return any(t.text == "," for t in between) and not any(t.norm_ in ("oder", "or", "/") for t in between)

    def mark(self, doc: Doc, mentions: list[Span], home_after: set[int]) -> None:
        """Sets Span._.preference on every mention; home_after holds where words naming a place as one's own town
        start ("Gründau hier"), which the place finder's cues own (closing_home_words)."""
        found = self.matcher(doc)
        home = {end for label, _, end in found if label == "home"}
        preferred = {end for label, _, end in found if label == "preferred"}
        temporary = {end for label, _, end in found if label == "temporary"}
        too_far = {start: end for label, start, end in found if label == "too_far"}
        region = {end for label, _, end in found if label == "region"}
        corrections = [start for label, start, _ in found if label == "correction"]
        ruled_out = {end for label, _, end in found if label == "ruled_out"}
        ruled_out_after = {start: end for label, start, end in found if label == "ruled_out_after"}
        temporary_after = {start for label, start, _ in found if label == "temporary_after"}
        temporary |= {end for label, start, end in found if label == "others_home" and self._said_of_kin(doc, start)}
        if any(label == "work_wanted" for label, _, _ in found):  # "arbeite in F ... lieber nah an der Arbeit"
            work = {end for label, _, end in found if label == "work"}
            preferred |= work
            temporary -= work
        for span in sorted(mentions, key=lambda m: m.start):  # in text order: an area hands its wish on
            after = range(span.end, span.end + _TOO_FAR_REACH + 1)
            said_too_far = any(i in too_far and self._reaches(doc, span.end, i, too_far[i]) for i in after)
            if span.start in ruled_out or self._ruled_out_after(doc, span, ruled_out_after):
                # "anywhere but Leipzig"; "not in Berlin itself but nearby" is Berlin's surroundings
                span._.preference = -2 if self._near_wanted(doc, span) else RULED_OUT
            elif span.start in temporary or span.end in temporary_after or said_too_far:
                span._.preference = -2
            elif span.start in preferred and self._is_area(span) and self._town_follows(doc, span, mentions):
                span._.preference = -1  # "eher im Erzgebirge, Zschopau oder Thum": the towns named are the wish
                following = min((m for m in mentions if m.start >= span.end), key=lambda m: m.start)
                preferred.add(following.start)
            elif span.start in preferred:
                span._.preference = 2  # "wohne in Fulda, aber lieber was in Kassel": the wish outranks the home
            elif self._locates_next(doc, span, mentions, home=self._is_home(span, home, home_after)):
                # "live near Dresden in Radeberg", also after a verb of living ("wohne bei Kassel, in Baunatal"):
                # the town near the city is meant
                span._.preference = -1
            elif self._is_home(span, home, home_after):  # "Goth hier" is no Gotha
                span._.preference = 1
            elif span.start in region and self._names_region(span) and self._town_follows(doc, span, mentions):
                # an area named before a town in it yields to that town ("Kreis Bautzen, Hoyerswerda"); a town after
                # "Raum" is the centre, and towns after it only name more of its area ("Raum Oschatz, Riesa")
                span._.preference = -1
            elif self._is_area(span) and self._named_with(doc, span, mentions):
                span._.preference = -1  # "im Vogtland? Auerbach, Rodewisch": the town, not the area's stand-in
            elif span.label_ == DEMONYM_LABEL:
                span._.preference = -1  # "wohne in Offenbach, mag den Frankfurter Zoo": a town named outright wins
        _share_with_joined(doc, mentions, self.gazetteer)
        for cue in corrections:  # "Weimar... no wait, Erfurt": a place after the correction replaces those before
            if any(m.start > cue for m in mentions):
                for span in mentions:
                    if span.end <= cue:
                        span._.preference = CORRECTED

    def _said_of_kin(self, doc: Doc, verb: int) -> bool:
        """Tells whether the clause before a verb of living names a relative or partner as its subject ("meine Enkel
        wohnen", "my son lives", "mein Mann lebt"), with no "ich" or "wir" between ("meine Frau und ich leben in
        ...": the writer's home)."""
        for token in reversed(doc[max(verb - _KIN_REACH, 0):verb]):
            if is_boundary(token) or token.norm_ in self.pronouns:
                return False
            if token.norm_ in self.kin:
                return True
        return False

    @staticmethod
    def _ruled_out_after(doc: Doc, span: Span, cues: dict[int, int]) -> bool:
        """Tells whether words right after the place rule it out and end their clause: "Kassel auf keinen Fall",
        "Fulda, bitte nicht." ("in Kassel nicht weit vom Bahnhof" says nothing against Kassel)."""
        start = span.end + 1 if span.end < len(doc) and doc[span.end].text == "," else span.end
        end = cues.get(start)
        return end is not None and closes_clause(doc, end)

    def _near_wanted(self, doc: Doc, span: Span) -> bool:
        """Tells whether the words after a ruled-out place want its surroundings ("itself but nearby", "nicht in
        der Innenstadt", "eher drumherum")."""
        for token in doc[span.end:span.end + _NEAR_REACH]:
            if token.norm_ in (".", "!", "?"):
                return False
            if token.norm_ in self.near:
                return True
        return False

    def _is_area(self, span: Span) -> bool:
        """Tells whether a mention names a landscape or a district ("Vogtland", "Vogelsbergkreis")."""
        folded = " ".join(t.norm_ for t in span)
        return folded in self.areas or folded.endswith("kreis") or folded.split(" ")[0] in ("landkreis", "kreis", "lk")

    @staticmethod
    def _is_home(span: Span, home: set[int], home_after: set[int]) -> bool:
        """Tells whether a mention is said as where the writer lives ("wohne in Fulda", "Fulda hier")."""
        return span.start in home or (span.end in home_after and not span._.fuzzy)

    def _locates_next(self, doc: Doc, span: Span, mentions: list[Span], *, home: bool = False) -> bool:
        """Tells whether a place after "near" or "bei" only locates the town named right after it ("near Dresden in
        Radeberg", "living near Görlitz now (Niesky)"); "near Chemnitz" alone is where to look. After a verb of
        living the town needs a word of its own ("wohne bei Kassel, in Baunatal"): a comma alone goes on with the
        next clause ("wohne bei Hünfeld, Fahren ist kein Problem")."""
        if span.start == 0 or doc[span.start - 1].norm_ not in self.beside:
            return False
        end = next((m.start for m in mentions if span.end <= m.start <= span.end + _BESIDE_REACH), None)
        if end is None or (home and all(t.norm_ == "," for t in doc[span.end:end])):
            return False
        return all(t.norm_ in self.beside_then for t in doc[span.end:end])

    def _names_region(self, span: Span) -> bool:
        """Tells whether a mention names a landscape or a district rather than a town ("Vogelsberg", "Kreis Fulda")."""
        return self._is_area(span) or " ".join(t.norm_ for t in span) in district_words()

    @staticmethod
    def _named_with(doc: Doc, area: Span, mentions: list[Span]) -> bool:
        """Tells whether another place is named with the area, not as an alternative to it ("Vogtland oder
        Leipzig")."""
        others = [m for m in mentions if m is not area]
        for other in others:
            lo, hi = (area.end, other.start) if other.start >= area.end else (other.end, area.start)
            # "im Erzgebirge oder so. Irgendwo bei Oberwiesenthal": "oder so" hedges, it offers no alternative
            if not any(t.norm_ in ("oder", "or", "/") and not _hedge_after(doc, t.i) for t in doc[lo:hi]):
                return True
        return False


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


def _share_with_joined(doc: Doc, mentions: list[Span], gazetteer: Gazetteer) -> None:
    """Gives a place joined right to the one before it ("arbeite in Frankfurt Bornheim", "wohne in Kassel oder
    Baunatal", "nicht in Kassel/Baunatal") what was said of that one, unless something was said of it on its own:
    the cue before the first covers both. With nothing between, the second shares only when it lies inside the
    first: chat drops commas, and "arbeite in Frankfurt Offenbach wäre mir lieber" names two towns."""
    ordered = sorted(mentions, key=lambda m: m.start)
    for previous, span in zip(ordered, ordered[1:]):
        between = doc[previous.end:span.start]
        if span._.preference != 0 or previous._.preference in (0, -1):
            continue
        if not all(t.norm_ in place_rules().choice_joiners for t in between):
            continue
        if len(between) or _inside(gazetteer, span, previous):
            span._.preference = previous._.preference


def _inside(gazetteer: Gazetteer, span: Span, outer: Span) -> bool:
    """Tells whether a mention names a quarter of the place named before it ("Frankfurt Bornheim")."""
    outer_ids = {place.id for place in outer._.value or ()}
    for place in span._.value or ():
        city = gazetteer.city_of(place)
        if city is not None and city.id in outer_ids:
            return True
    return any(gazetteer.quarter(span.text, place) is not None for place in outer._.value or ())


def closing_home_words(doc: Doc, found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Reads "home_after_closing" matches ("Gründau hier") as "home_after" where their clause ends, or a conjunction
    opens the next ("Wettenberg hier und ich ..."); drops them before more words ("in Berlin here for a week",
    "Kassel oder Baunatal hier in der Nähe") or a question ("anything in Munich here?" asks, it names no home)."""
    def closes(end: int) -> bool:
        after = doc[end].norm_ if end < len(doc) else ""
        return after in place_rules().home_after_joiners or (closes_clause(doc, end) and after != "?")
    return [
        ("home_after" if label == "home_after_closing" else label, start, end) for label, start, end in found
        if label != "home_after_closing" or closes(end)
    ]


def _hedge_after(doc: Doc, i: int) -> bool:
    """Tells whether "oder" at i is the hedge "oder so", "or so", "oder ähnlich"."""
    return i + 1 < len(doc) and doc[i + 1].norm_ in ("so", "aehnlich", "sowas", "something", "whatever")


def _place_span(doc: Doc, start: int, end: int, place: Place) -> Span:
    """Returns a place span carrying one place."""
    span = Span(doc, start, end, label="place")
    span._.value = (place,)
    return span
