"""Finds where a message names a place: gazetteer names (longest first), postal codes, hyphenated quarters, short
forms of double names, plate letters, towns' adjectives, names split by speech-to-text, and typos or dialect.

Matching is a dictionary look-up of folded token n-grams against the gazetteer's surface forms: it needs no
build step (unlike a PhraseMatcher over 25k patterns, ~1.7 s) and costs a few microseconds per message.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from nlu.components.common import covered, covered_by, stands_alone
from nlu.components.place_demonyms import DemonymReader
from nlu.components.quarter_reader import QuarterReader
from nlu.components.plates import PlateReader
from nlu.components.postal_cues import postal_code_at
from nlu.dialect import dialect_town, misheard_city, spoken_city_quarter, spoken_quarter
from nlu.extensions import INTERESTS
from nlu.kernel.gazetteer import Gazetteer, Place
from nlu.kernel.place_names import surface_key
from nlu.kernel.text import fold
from nlu.lexicon import filler_words, known_words, stopwords
from nlu.place_abbreviations import abbreviated_qualifier
from nlu.place_index import place_index
from nlu.place_like import looks_like_place
from nlu.vocabulary import is_category_word

_SPLIT = re.compile(r"[-/]")
# A state's name names a town only when that town is a city of its own (Berlin, Brandenburg an der Havel); a town
# this large written before a hyphen with an ordinary word is a town with its quarter, not a compound.
REGION_TOWN_MIN = 50_000
# A town written before a hyphen stands for itself with a quarter ("Leipzig-Connewitz") only when it is a real town.
_HYPHEN_TOWN_MIN = 2_000
# A town's name split in two by speech-to-text ("frei tal") is read as one only for a town of this size: two short
# words joined name many a hamlet.
_SPLIT_TOWN_MIN = 10_000
# A typo guessed where no cue says a place follows names a town of this size: in the labelled sets every such guess
# at a smaller place was an ordinary or dialect word ("Frauenhaus": Frauenau, "Grüßle": Gresse, "Alde": Ahlden),
# while the typos meant were of towns of 25,000 and more ("Markleeberg", "Hepenheim", "wissbaade").
_UNCUED_GUESS_MIN = 10_000
# A message that is nothing but one word no dictionary knows is a name: there a typo may guess a town this small
# ("Rauschenbrg", "Frankenua"), as after a cue; below it villages are so many that any word is close to one.
_LONE_GUESS_MIN = 2_000
# An ordinary word the dictionary lacks in this form: a plural or case ending on a known word ("Blaubeeren" ->
# "beeren" is known, the whole is one of its compounds) or two known words joined. Parts this long are words, not
# a town's syllables ("Blau|beeren" no Blaubeuren; "Fried|burg" keeps its guess of Friedberg).
_INFLECTIONS = ("n", "en", "e", "s", "es", "er", "ern")
_MODIFIER_MIN = 4
_HEAD_MIN = 5


def _only_a_code(doc: Doc) -> bool:
    """Tells whether a message's only word may be a plate code: no function or filler word ("HI", "DA", "ES")."""
    words = [token for token in doc if token.is_alpha]
    return len(words) == 1 and words[0].norm_ not in stopwords() | filler_words()


def _only_word(doc: Doc, i: int) -> bool:
    """Tells whether token i is the message's only word ("Rauschenbrg", "Frankenua!")."""
    return all(token.i == i or not (token.is_alpha or token.like_num) for token in doc)


def _ordinary_word(gazetteer: Gazetteer, norm: str) -> bool:
    """Tells whether a folded word the dictionary lacks is made of known words: a known word with an inflection
    ending, or a known modifier joined to a known head ("blaubeeren": "blau" + "beeren"). A town's adjective
    ("zittauer") is none; the caller lets a word built like a place's name ("Südvorstadt") be guessed still."""
    known = known_words()
    if any(gazetteer.lookup(norm[:cut]) for cut in (len(norm) - 2, len(norm) - 1)):
        return False  # "Zittauer": a town's own adjective
    if any(norm.endswith(ending) and len(norm) - len(ending) >= _HEAD_MIN and norm[: -len(ending)] in known
           for ending in _INFLECTIONS):
        return True
    return any(norm[:cut] in known and norm[cut:] in known
               for cut in range(_MODIFIER_MIN, len(norm) - _HEAD_MIN + 1))


def mention(doc: Doc, start: int, end: int, places: tuple[Place, ...]) -> Span:
    """Returns a place span carrying its candidate places."""
    span = Span(doc, start, end, label="place")
    span._.value = places
    return span


class MentionFinder:
    """Reads every possible place mention of a message; which of them are places is decided afterwards."""

    def __init__(
        self, gazetteer: Gazetteer, word_like: frozenset[str], demonyms: DemonymReader, stop: frozenset[str], *,
        fuzzy_min_score: float, max_tokens: int,
    ) -> None:
        self.gazetteer = gazetteer
        self.word_like = word_like
        self.stop = stop  # function words of German and English: "will ich" is no Willich
        self.fuzzy_min_score = fuzzy_min_score
        self.max_tokens = max_tokens
        index = place_index()
        self.names, self.first_words, self.short_forms = index.names, index.first_words, index.short_forms
        self.plates = PlateReader(gazetteer)
        self.quarters = QuarterReader(gazetteer)
        self.demonyms = demonyms

    def exact(self, doc: Doc, cue_ends: set[int], lowercase: bool, owned: frozenset[int]) -> list[Span]:
        """Finds names (longest first at each position), aliases, postal codes, hyphenated quarters, plates, and
        towns' adjectives ("Leipziger Zoo"); `owned` holds where words start that make the word before them a
        place ("HU oder Umgebung")."""
        found: list[Span] = []
        # once per message (doc.text joins every token anew); a message whose only word is a code ("🌍🌱 L") is no
        # shouting: the code is all it says, unless the word is a function or filler word shouted ("HI!", "DA")
        shouting = doc.text.isupper() and not _only_a_code(doc)
        i = 0
        while i < len(doc):
            span = (
                self.plates.at(doc, i, cue_ends, shouting, owned) or self.quarters.at(doc, i)
                or self._split_name_at(doc, i) or self._name_at(doc, i)
                or self._postal_code_at(doc, i) or self._hyphenated_at(doc, i) or self._short_form_at(doc, i)
                or self.demonyms.at(doc, i, lowercase)
            )
            if span is None:
                i += 1
                continue
            found.append(span)
            i = span.end
        return found

    def _name_at(self, doc: Doc, i: int) -> Span | None:
        """Returns the longest place name starting at token i."""
        if doc[i].norm_ not in self.first_words:
            return None
        if (abbreviated := self._abbreviated_name_at(doc, i)) is not None:
            return abbreviated
        for end in range(min(len(doc), i + self.max_tokens), i, -1):
            ids = self.names.get(_key(doc, i, end))
            if ids and end - i > 1 and _conjunction_before_place(doc, end - 1):
                continue  # "Frankfurt oder Hanau" names two towns, not Frankfurt (Oder)
            if ids:
                places = tuple(self.gazetteer.get(pid) for pid in ids)
                if end - i == 1:  # "in kemnitz": a far village named like a large city of the start region
                    places = misheard_city(doc[i].norm_, places) or places
                return mention(doc, i, end, places)
        return None

    def _abbreviated_name_at(self, doc: Doc, i: int) -> Span | None:
        """Returns a name written with an official abbreviation, read in its long form: "Neustadt a.d. Aisch",
        "Lauf a.d. Pegnitz", "Mühldorf a. Inn" (nlu/place_abbreviations.py); the name may have two words."""
        for base_end in (i + 2, i + 1):
            if base_end >= len(doc) or (base_end == i + 2 and not doc[i + 1].is_alpha):
                continue
            abbreviated = abbreviated_qualifier(doc, base_end)
            if abbreviated is None or not abbreviated.joined:
                continue
            base = _key(doc, i, base_end)
            for reading in abbreviated.readings:
                if ids := self.names.get(f"{base} {' '.join(reading)}"):
                    return mention(doc, i, abbreviated.end, tuple(self.gazetteer.get(pid) for pid in ids))
        return None

    def _split_name_at(self, doc: Doc, i: int) -> Span | None:
        """Returns a town's one-word name that speech-to-text split in two ("frei tal", "wies baden")."""
        if i + 1 >= len(doc) or not (doc[i].is_alpha and doc[i + 1].is_alpha) or doc[i + 1].is_title:
            return None
        first, second = doc[i].norm_, doc[i + 1].norm_
        if len(first) < 3 or len(second) < 3 or first in self.stop or second in self.stop:
            return None  # "will ich" is no Willich, "got a" no Gotha
        ids = self.names.get(first + second)
        if not ids:
            return None
        places = tuple(self.gazetteer.get(pid) for pid in ids)
        return mention(doc, i, i + 2, places) if places[0].population >= _SPLIT_TOWN_MIN else None

    def _postal_code_at(self, doc: Doc, i: int) -> Span | None:
        """Returns a mention for a postal code: five digits, or four that lost their zero or five split by a space
        where the words around make them a place (nlu/components/postal_cues.py)."""
        found = postal_code_at(doc, i, self.gazetteer)
        return mention(doc, i, found[0], (found[1],)) if found else None

    def _hyphenated_at(self, doc: Doc, i: int) -> Span | None:
        """Returns the town of a quarter written "Leipzig-Connewitz" or "Frankfurt-Höchst"."""
        parts = _SPLIT.split(doc[i].norm_)
        if len(parts) < 2 or len(parts[0]) < 2:
            return None  # "E-Rolli", "S-Bahn", "U-Bahn": one letter before a hyphen names no town
        places = tuple(self.gazetteer.get(pid) for pid in self.names.get(parts[0], ()))
        if not places and parts[0] not in known_words():
            places = dialect_town(parts[0])  # "Offebach-Bieber", "Stuagert-Vaihinga": the town as spoken
        if not places or places[0].population < _HYPHEN_TOWN_MIN:
            return None  # "Karl-Heinz" is a man, not the hamlet Karl
        if parts[-1] in known_words() and (
            is_category_word(parts[0], doc.lang_)
            or (self._is_word(parts[0], doc.lang_) and places[0].population < REGION_TOWN_MIN)
        ):
            return None  # "Igel-Station", "Weil-Stadt": a compound of two words, not a town with its quarter
        return mention(doc, i, i + 1, places)

    def _is_word(self, norm: str, lang: str) -> bool:
        """Tells whether a folded word is an ordinary or interest word as well as a name."""
        return norm in known_words() or norm in self.word_like or is_category_word(norm, lang)

    def _short_form_at(self, doc: Doc, i: int) -> Span | None:
        """Returns the double-named town a first part stands for ("Annaberg" -> Annaberg-Buchholz)."""
        norm = doc[i].norm_
        if norm in known_words() or norm in self.word_like:
            return None  # "frei" is a word, not Frei-Laubersheim
        ids = self.short_forms.get(norm)
        return mention(doc, i, i + 1, tuple(self.gazetteer.get(pid) for pid in ids)) if ids else None

    def fuzzy(self, doc: Doc, exact: list[Span], claimed: set[int], cue_ends: set[int], lowercase: bool) -> list[Span]:
        """Finds places written in dialect or with a typo, only for words that are not ordinary words."""
        taken = claimed | covered(exact) | covered_by(doc, INTERESTS)
        found = []
        for token in doc:
            norm = token.norm_
            if (token.i in taken or not token.is_alpha or len(norm) < 4 or norm in known_words()
                    or norm in self.word_like):
                continue
            if not (token.is_title or token.i in cue_ends or lowercase):
                continue
            # "Frankfodd", "Leipzsch": a town written as it is spoken; "Giasing": a large city's quarter
            spoken = dialect_town(norm) or spoken_city_quarter(norm)
            if spoken:
                span = mention(doc, token.i, token.i + 1, spoken)
                span._.fuzzy = True
                found.append(span)
                continue
            prefixed = self._prefixed_typo(doc, token.i, taken)
            if prefixed is not None:  # "Bad Hresfeld": the whole name with its typo, not "Hresfeld" alone
                found.append(prefixed)
                continue
            # a typo of a municipality GeoNames lacks (Grundau) only where a cue says a place follows
            hits = self.gazetteer.fuzzy(norm, min_score=self.fuzzy_min_score, limit=5, added=token.i in cue_ends)
            if token.i not in cue_ends and not stands_alone(doc, token.i):
                # a guess with another first letter ("Gemnitz": Chemnitz) needs a cue or the word as its own clause
                # ("Körlitz, Tierheim"): "Canva kann ich" is no Zahna
                hits = [(place, score) for place, score in hits if fold(place.name)[:1] == norm[:1]]
            if token.i not in cue_ends:
                least = _LONE_GUESS_MIN if _only_word(doc, token.i) else _UNCUED_GUESS_MIN
                hits = [(place, score) for place, score in hits if place.population >= least]
                if hits and _ordinary_word(self.gazetteer, norm) and not looks_like_place(norm):
                    hits = []  # "Blaubeeren pflücken": a word's compound or plural, no Blaubeuren misspelt
            # "Sachsehause": a quarter's name as spoken names its city, unless a town's name is as close or closer
            quarter = spoken_quarter(surface_key(norm))
            if quarter is not None and (not hits or quarter[1] > hits[0][1]):
                hits = [quarter]
            if hits:
                best_score = hits[0][1]
                span = mention(doc, token.i, token.i + 1, tuple(p for p, s in hits if s == best_score))
                span._.fuzzy = True
                found.append(span)
        return found


    def _prefixed_typo(self, doc: Doc, i: int, taken: set[int]) -> Span | None:
        """Returns a mention of a town whose name begins with a prefix word ("Bad", "Sankt") written before a
        misspelt rest ("Bad Hresfeld", "Bad Nauhiem"): matched whole, the prefix keeps the typo among the spa towns
        (alone, "Hresfeld" is as close to Harsefeld, 200 km away)."""
        if i == 0 or i - 1 in taken or doc[i - 1].norm_ not in _NAME_PREFIXES:
            return None
        name = f"{doc[i - 1].norm_} {doc[i].norm_}"
        hits = self.gazetteer.fuzzy(name, min_score=self.fuzzy_min_score, limit=5)
        hits = [(place, score) for place, score in hits if fold(place.name).startswith(doc[i - 1].norm_ + " ")]
        if not hits:
            return None
        best = hits[0][1]
        span = mention(doc, i - 1, i + 1, tuple(place for place, score in hits if score == best))
        span._.fuzzy = True
        return span


# Words that begin many towns' names and are written apart ("Bad Hersfeld", "Sankt Egidien")
_NAME_PREFIXES = frozenset({"bad", "sankt"})


def _conjunction_before_place(doc: Doc, i: int) -> bool:
    """Tells whether token i is the word "oder" in lower case with a word after it ("oder Hanau", "oder in
    der Nähe"): the river is written "(Oder)", "/Oder", "Oder" or ends the name."""
    return doc[i].text == "oder" and i + 1 < len(doc) and doc[i + 1].is_alpha


def _key(doc: Doc, start: int, end: int) -> str:
    """Returns the gazetteer key of a token range, spaces as written."""
    text = "".join(t.norm_ + t.whitespace_ for t in doc[start:end]).strip()
    return surface_key(text) if ("/" in text or "-" in text or "  " in text) else text
