"""Finds the place someone means: names and alternates of every gazetteer place, postal codes, aliases
(Ffm), "X/Main", "Raum X", typos (Frankfrut, Drseden), ambiguous names (Neustadt) with their candidates.

Matching is a dictionary look-up of folded token n-grams against the gazetteer's surface forms: it needs no
build step (unlike a PhraseMatcher over 25k patterns, ~1.7 s) and costs a few microseconds per message.
"""

from __future__ import annotations

import re

from spacy.lang.de.stop_words import STOP_WORDS as DE_STOP
from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP
from spacy.language import Language
from spacy.tokens import Doc, Span

from nlu.components.common import is_boundary, is_lowercase_message, pattern_matcher, spans_of, stands_alone
from nlu.components.languages import language_code
from nlu.dialect import dialect_town, misheard_city
from nlu.components.plates import PLATE_LABEL, PlateReader
from nlu.components.postal_cues import postal_code_at, without_guessed_codes
from nlu.components.place_hints import (
    DEMONYM_LABEL, RULED_OUT, DemonymReader, PreferenceReader, QuarterReader,
    closing_home_words,
)
from nlu.extensions import (
    INTERESTS, LANGUAGES, PLACES, PLACES_RULED_OUT, PLACES_UNKNOWN, RADIUS, REMOTE, TIMES, WATERS,
    register_extensions,
)
from nlu.kernel.gazetteer import Gazetteer, Place, get_gazetteer
from nlu.kernel.place_names import surface_key
from nlu.lexicon import known_words, place_rules, place_words, stopwords
from nlu.place_index import place_index
from nlu.place_like import looks_like_place, place_endings
from nlu.place_qualifiers import drop_unlisted_quarters, read_qualified
from nlu.places_resolve import resolve
from nlu.kernel.text import fold
from nlu.vocabulary import is_category_word

_POSTAL_CODE = re.compile(r"^\d{4,5}\.?$")  # the tokenizer keeps a final "." on a number; 1067: a dropped zero
_SPLIT = re.compile(r"[-/]")
_STOP = frozenset(fold(w) for w in DE_STOP | EN_STOP)
# A state's name names a town only when that town is a city of its own (Berlin, Brandenburg an der Havel).
_REGION_TOWN_MIN = 50_000
# A town written before a hyphen stands for itself with a quarter ("Leipzig-Connewitz") only when it is a real town.
_HYPHEN_TOWN_MIN = 2_000
# A town's name split in two by speech-to-text ("frei tal") is read as one only for a town of this size: two short
# words joined name many a hamlet.
_SPLIT_TOWN_MIN = 10_000
_JOINERS = frozenset({"oder", "und", "or", "and", ",", "/", "bzw"})
# A municipality added from postal-code names may be named without a cue in a note of this many other words at most,
# none of them a function word ("Tiere Gründau").
_NOTE_WORDS = 3


@Language.factory(
    "ehrenamt_places",
    assigns=["doc.spans"],
    requires=["token.norm", "doc.spans"],
    default_config={"fuzzy": True, "fuzzy_min_score": 85.0, "max_tokens": 8},
)
def make_place_finder(nlp: Language, name: str, fuzzy: bool, fuzzy_min_score: float, max_tokens: int) -> PlaceFinder:
    """Creates the place finder for one pipeline."""
    if not 50 <= fuzzy_min_score <= 100:
        raise ValueError(f"{name}: fuzzy_min_score must be between 50 and 100, got {fuzzy_min_score}")
    if not 1 <= max_tokens <= 12:
        raise ValueError(f"{name}: max_tokens must be between 1 and 12, got {max_tokens}")
    return PlaceFinder(nlp, name, fuzzy=fuzzy, fuzzy_min_score=fuzzy_min_score, max_tokens=max_tokens)


class PlaceFinder:
    """Writes doc.spans["places"]: the chosen place first; Span._.value = (best, *alternatives) as Places."""

    def __init__(self, nlp: Language, name: str, *, fuzzy: bool, fuzzy_min_score: float, max_tokens: int) -> None:
        register_extensions()
        self.name = name
        self.fuzzy = fuzzy
        self.fuzzy_min_score = fuzzy_min_score
        self.max_tokens = max_tokens
        self.gazetteer: Gazetteer = get_gazetteer()
        place_endings()  # read once with the pipeline (about 60 ms), not on the first message naming a village
        index = place_index()
        self.names, self.first_words, self.short_forms = index.names, index.first_words, index.short_forms
        self.rules = rules = place_rules()
        # a writer's correction names a place as a cue does: "Leipzig, ach nee, Halle eigentlich"
        cues = (*rules.cues, *(f"{correction} ,?" for correction in rules.corrections))
        self.cues, unusable = pattern_matcher(
            nlp, {"cue": cues, "origin": rules.origin_cues, "home_after": rules.home_after,
                  "home_after_closing": rules.home_after_closing, "area_after": rules.area_after, "water": rules.waters}
        )
        self.plates = PlateReader(self.gazetteer)
        self.quarters = QuarterReader(self.gazetteer)
        self.preferences = PreferenceReader(nlp, self.gazetteer)
        self.unusable = unusable + self.preferences.unusable
        self.word_like = place_words() | _STOP | stopwords()
        self.noun_ties = rules.noun_ties
        self.regions = frozenset(rules.states)  # states and regions named by their own word
        self.demonyms = DemonymReader(
            self.gazetteer, rules.not_demonyms, (_STOP | stopwords()) - rules.region_nouns
        )

    def __call__(self, doc: Doc) -> Doc:
        """Finds place mentions, keeps the believable ones and resolves the chosen one."""
        found = closing_home_words(doc, self.cues(doc))
        cue_ends, origin_ends, owned_ends = self._cue_ends(found)
        claimed = {i for group in (TIMES, LANGUAGES, REMOTE, RADIUS)
                   for s in spans_of(doc, group) for i in range(s.start, s.end)}
        waters = [Span(doc, start, end, label=label) for label, start, end in found if label == "water"]
        lowercase = is_lowercase_message(doc)
        mentions = without_guessed_codes(self._exact_mentions(doc, cue_ends, lowercase))
        if self.fuzzy:
            mentions += self._fuzzy_mentions(doc, mentions, claimed, cue_ends, lowercase)
        mentions, qualified = read_qualified(doc, drop_unlisted_quarters(doc, mentions), self.rules)
        kept = []
        previous: Span | None = None
        for span in sorted(mentions, key=lambda m: m.start):
            # "in Hartha oder Waldheim": a place joined to a cued one by "oder", "und" or a comma is cued too
            span._.cued = span.start in cue_ends or (span.end in owned_ends and not span._.fuzzy) or (
                previous is not None and previous._.cued and 0 < span.start - previous.end <= 1
                and all(t.norm_ in _JOINERS for t in doc[previous.end:span.start])
            ) or span.start in qualified
            previous = span
        # "Essen oder Bochum": a name that is also a word, joined to a following believable place, is a place too
        ordered = sorted(mentions, key=lambda m: m.start)
        for span, following in reversed(list(zip(ordered, ordered[1:]))):
            if (not span._.cued and 0 < following.start - span.end <= 1
                    and all(t.norm_ in self.rules.choice_joiners for t in doc[span.end:following.start])
                    and self._heads_a_clause(doc, span)
                    and self._believable(doc, following, claimed, lowercase)):
                span._.cued = True
        # "along the Rhine": a river's name is no town (Rheine); "Frankfurt am Main" reaches beyond the river's
        mentions = [m for m in mentions if not any(w.start <= m.start and m.end <= w.end for w in waters)]
        for span in mentions:
            if self._believable(doc, span, claimed, lowercase):
                kept.append(span)
        if not kept:  # "..., Töpfern. Halle, abends": a capitalised name standing as its own clause
            kept = [span for span in mentions if self._signed_off(doc, span, claimed, lowercase)][:1]
        if kept:
            # a place read from a word drops the word's interest ("in Wald", "Biebertal, was mit Kindern")
            self._drop_interests_under(
                doc, [s for s in kept if s._.cued or s.label_ == PLATE_LABEL or s._.value[0].is_added]
            )
            self.preferences.mark(doc, kept, {start for label, start, _ in found if label == "home_after"})
        # "Tiere, aber nicht in Kassel": a place only ever ruled out is no search place (another named one is)
        ruled_out = {s._.value[0].id for s in kept} - {s._.value[0].id for s in kept if s._.preference != RULED_OUT}
        doc.spans[PLACES_RULED_OUT] = [s for s in kept if s._.value[0].id in ruled_out]
        kept = [s for s in kept if s._.value[0].id not in ruled_out]
        doc.spans[WATERS] = waters
        named = [*kept, *doc.spans[PLACES_RULED_OUT]]
        doc.spans[PLACES_UNKNOWN] = self._unresolved_places(doc, cue_ends, named, lowercase)
        doc.spans[PLACES] = resolve(doc, kept, origin_ends, self.gazetteer)
        return doc

    def _unresolved_places(self, doc: Doc, cue_ends: set[int], places: list[Span], lowercase: bool) -> list[Span]:
        """Returns the words that name where but no one place: a state or region by its own word ("in Sachsen,
        egal wo"), and a word right after a location cue that looks like the name of a village the gazetteer lacks
        ("komme aus Sterzhausen", "wohne in Kleinaltenhausen")."""
        taken = {i for s in [*places, *spans_of(doc, INTERESTS)] for i in range(s.start, s.end)}
        return [
            doc[token.i : token.i + 1] for token in doc
            if token.i not in taken and (lowercase or token.text[:1].isupper()) and (
                token.norm_ in self.regions or (token.i in cue_ends and looks_like_place(token.norm_))
            )
        ]

    def _heads_a_clause(self, doc: Doc, span: Span) -> bool:
        """Tells whether nothing ties the name to the words before it: "warmes Essen", "beim Essen", "das Essen"
        make it the food, so only a name opening its clause (or the message), or following a word that does not
        tie a noun (a verb: "Ich suche Essen oder Bochum"), may be the first of two towns."""
        if span.start == 0:
            return True
        before = doc[span.start - 1]
        if is_boundary(before) or before.is_space or not before.is_alpha:
            return True
        norm = before.norm_
        # an adjective's ending ("warmes", "gesundem") ties the noun as an article does
        return before.is_lower and norm not in self.noun_ties and not norm.endswith(("es", "em"))

    @staticmethod
    def _cue_ends(found: list[tuple[str, int, int]]) -> tuple[set[int], set[int], set[int]]:
        """Returns where location cues end (a place may start there), which of them mark an origin, and where
        words naming a place as one's own town start (a place may end there: "Halle ist meine Stadt").

        The longest cue ending at a position decides: "in der Nähe von X" is a location, "von X" (as in
        "ich ziehe von Hamburg nach Leipzig") an origin; at equal length the origin wins.
        """
        longest: dict[int, tuple[int, bool]] = {}
        owned: set[int] = set()
        for label, start, end in found:
            if label in ("home_after", "area_after"):
                owned.add(start)
            if label in ("home_after", "area_after", "water"):
                continue
            is_origin = label == "origin"
            length, was_origin = longest.get(end, (0, False))
            if end - start > length or (end - start == length and is_origin):
                longest[end] = (end - start, is_origin)
        return set(longest), {end for end, (_, is_origin) in longest.items() if is_origin}, owned

    def _exact_mentions(self, doc: Doc, cue_ends: set[int], lowercase: bool) -> list[Span]:
        """Finds names (longest first at each position), aliases, postal codes, hyphenated quarters, plates, and
        towns' adjectives ("Leipziger Zoo")."""
        found: list[Span] = []
        shouting = doc.text.isupper()  # once per message: doc.text joins every token anew
        i = 0
        while i < len(doc):
            span = (
                self.plates.at(doc, i, cue_ends, shouting) or self.quarters.at(doc, i) or self._split_name_at(doc, i)
                or self._name_at(doc, i)
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
        for end in range(min(len(doc), i + self.max_tokens), i, -1):
            ids = self.names.get(self._key(doc, i, end))
            if ids and end - i > 1 and self._conjunction_before_place(doc, end - 1):
                continue  # "Frankfurt oder Hanau" names two towns, not Frankfurt (Oder)
            if ids:
                places = tuple(self.gazetteer.get(pid) for pid in ids)
                if end - i == 1:  # "in kemnitz": a far village named like a large city of the start region
                    places = misheard_city(doc[i].norm_, places) or places
                return self._mention(doc, i, end, places)
        return None

    def _split_name_at(self, doc: Doc, i: int) -> Span | None:
        """Returns a town's one-word name that speech-to-text split in two ("frei tal", "wies baden")."""
        if i + 1 >= len(doc) or not (doc[i].is_alpha and doc[i + 1].is_alpha) or doc[i + 1].is_title:
            return None
        first, second = doc[i].norm_, doc[i + 1].norm_
        if len(first) < 3 or len(second) < 3 or first in _STOP or second in _STOP:
            return None  # "will ich" is no Willich, "got a" no Gotha
        ids = self.names.get(first + second)
        if not ids:
            return None
        places = tuple(self.gazetteer.get(pid) for pid in ids)
        return self._mention(doc, i, i + 2, places) if places[0].population >= _SPLIT_TOWN_MIN else None

    @staticmethod
    def _conjunction_before_place(doc: Doc, i: int) -> bool:
        """Tells whether token i is the word "oder" in lower case with a word after it ("oder Hanau", "oder in
        der Nähe"): the river is written "(Oder)", "/Oder", "Oder" or ends the name."""
        return doc[i].text == "oder" and i + 1 < len(doc) and doc[i + 1].is_alpha

    @staticmethod
    def _key(doc: Doc, start: int, end: int) -> str:
        """Returns the gazetteer key of a token range, spaces as written."""
        text = "".join(t.norm_ + t.whitespace_ for t in doc[start:end]).strip()
        return surface_key(text) if ("/" in text or "-" in text or "  " in text) else text

    def _postal_code_at(self, doc: Doc, i: int) -> Span | None:
        """Returns a mention for a postal code: five digits, or four that lost their zero or five split by a space
        where the words around make them a place (nlu/components/postal_cues.py)."""
        found = postal_code_at(doc, i, self.gazetteer)
        return self._mention(doc, i, found[0], (found[1],)) if found else None

    def _hyphenated_at(self, doc: Doc, i: int) -> Span | None:
        """Returns the town of a quarter written "Leipzig-Connewitz" or "Frankfurt-Höchst"."""
        parts = _SPLIT.split(doc[i].norm_)
        if len(parts) < 2 or len(parts[0]) < 2:
            return None  # "E-Rolli", "S-Bahn", "U-Bahn": one letter before a hyphen names no town
        places = tuple(self.gazetteer.get(pid) for pid in self.names.get(parts[0], ()))
        if not places or places[0].population < _HYPHEN_TOWN_MIN:
            return None  # "Karl-Heinz" is a man, not the hamlet Karl
        if parts[-1] in known_words() and (
            is_category_word(parts[0], doc.lang_)
            or (self._is_word(parts[0], doc.lang_) and places[0].population < _REGION_TOWN_MIN)
        ):
            return None  # "Igel-Station", "Weil-Stadt": a compound of two words, not a town with its quarter
        return self._mention(doc, i, i + 1, places)

    def _is_word(self, norm: str, lang: str) -> bool:
        """Tells whether a folded word is an ordinary or interest word as well as a name."""
        return norm in known_words() or norm in self.word_like or is_category_word(norm, lang)

    def _short_form_at(self, doc: Doc, i: int) -> Span | None:
        """Returns the double-named town a first part stands for ("Annaberg" -> Annaberg-Buchholz)."""
        norm = doc[i].norm_
        if norm in known_words() or norm in self.word_like:
            return None  # "frei" is a word, not Frei-Laubersheim
        ids = self.short_forms.get(norm)
        return self._mention(doc, i, i + 1, tuple(self.gazetteer.get(pid) for pid in ids)) if ids else None

    @staticmethod
    def _mention(doc: Doc, start: int, end: int, places: tuple[Place, ...]) -> Span:
        """Returns a place span carrying its candidate places."""
        span = Span(doc, start, end, label="place")
        span._.value = places
        return span

    def _fuzzy_mentions(
        self, doc: Doc, exact: list[Span], claimed: set[int], cue_ends: set[int], lowercase: bool
    ) -> list[Span]:
        """Finds places written in dialect or with a typo, only for words that are not ordinary words."""
        taken = claimed | {i for s in exact for i in range(s.start, s.end)}
        taken |= {i for s in spans_of(doc, INTERESTS) for i in range(s.start, s.end)}
        found = []
        for token in doc:
            norm = token.norm_
            if (token.i in taken or not token.is_alpha or len(norm) < 4 or norm in known_words()
                    or norm in self.word_like):
                continue
            if not (token.is_title or token.i in cue_ends or lowercase):
                continue
            spoken = dialect_town(norm)  # "Frankfodd", "Leipzsch": a town written as it is spoken
            if spoken:
                span = self._mention(doc, token.i, token.i + 1, spoken)
                span._.fuzzy = True
                found.append(span)
                continue
            # a typo of a municipality GeoNames lacks (Grundau) only where a cue says a place follows
            hits = self.gazetteer.fuzzy(norm, min_score=self.fuzzy_min_score, limit=5, added=token.i in cue_ends)
            if token.i not in cue_ends and not stands_alone(doc, token.i):
                # a guess with another first letter ("Gemnitz": Chemnitz) needs a cue or the word as its own clause
                # ("Körlitz, Tierheim"): "Canva kann ich" is no Zahna
                hits = [(place, score) for place, score in hits if fold(place.name)[:1] == norm[:1]]
            if hits:
                best_score = hits[0][1]
                span = self._mention(doc, token.i, token.i + 1, tuple(p for p, s in hits if s == best_score))
                span._.fuzzy = True
                found.append(span)
        return found

    def _believable(self, doc: Doc, span: Span, claimed: set[int], lowercase: bool) -> bool:
        """Tells whether a mention is a place; names that are ordinary words need a cue and a capital."""
        if any(i in claimed for i in range(span.start, span.end)) and not span._.cued:
            return False
        if (len(span) > 1 or span._.fuzzy or _POSTAL_CODE.match(span.text)
                or span.label_ in (PLATE_LABEL, DEMONYM_LABEL)):
            return True
        norm = span[0].norm_
        town = span._.value[0]
        if town.is_added and not span._.cued and not self._added_stands_as_place(doc, span, lowercase):
            return False
        if norm in self.regions and fold(town.name).startswith(norm) and town.population < _REGION_TOWN_MIN:
            # "in Sachsen" means the state, not the village Sachsen bei Ansbach; a town that stands in for a
            # region under another name ("Erzgebirge": Annaberg-Buchholz, data/places/curated.toml) is meant.
            return False
        word_like = (
            norm in self.word_like or self.gazetteer.is_common_word_name(norm) or is_category_word(norm, doc.lang_)
            or language_code(norm) is not None or any(i in claimed for i in range(span.start, span.end))
        )
        if not word_like:
            return True
        return span._.cued and (lowercase or span[0].text[:1].isupper())

    def _added_stands_as_place(self, doc: Doc, span: Span, lowercase: bool) -> bool:
        """Tells whether a municipality added from postal-code names (no GeoNames entry, size unknown: "Huy",
        "Finne", "Iven", "Steinreich") is named without a cue: only capitalised, standing as its own clause
        ("Biebertal, was mit Kindern", "Tiere\nWE\nGründau") or, on no interest word ("Seewald Tiere"), in a short
        note of content words ("Tiere Gründau"); "Ich heiße Iven" or "Nieden ist doof" name no place."""
        token = span[0]
        if not (token.text[:1].isupper() or lowercase):
            return False
        if stands_alone(doc, span.start, span.end):
            return True
        if any(s.start <= token.i < s.end for s in spans_of(doc, INTERESTS)):
            return False
        words = [t for t in doc if t.is_alpha and not (span.start <= t.i < span.end)]
        return len(words) <= _NOTE_WORDS and not any(t.norm_ in self.word_like for t in words)

    @staticmethod
    def _signed_off(doc: Doc, span: Span, claimed: set[int], lowercase: bool) -> bool:
        """Tells whether a name that is also a word stands alone between clause marks, capitalised, as chat
        messages name their town ("Halle, abends"; "Malen, Töpfern. Hof"); an interest word there is a wish. In a
        message written all in lower case the name closing the message after a full stop signs it off the same way
        ("..., dann aber richtig. halle")."""
        token = span[0]
        signed = token.is_title or (lowercase and _closes_message(doc, span.start))
        return (
            len(span) == 1 and stands_alone(doc, span.start) and signed and token.i not in claimed
            and not is_category_word(token.norm_, doc.lang_) and language_code(token.norm_) is None
        )

    @staticmethod
    def _drop_interests_under(doc: Doc, places: list[Span]) -> None:
        """Removes interest mentions on tokens a cued place took ("in Wald", "bei Igel")."""
        if INTERESTS not in doc.spans:
            return
        taken = {i for s in places for i in range(s.start, s.end)}
        doc.spans[INTERESTS] = [s for s in doc.spans[INTERESTS] if not taken.intersection(range(s.start, s.end))]


def _closes_message(doc: Doc, i: int) -> bool:
    """Tells whether the token at i is the message's last word and opens its sentence (after . ! ? or a line)."""
    rest = [t for t in doc[i + 1:] if not t.is_space]
    return (all(t.is_punct for t in rest) and i > 0
            and (doc[i - 1].norm_ in (".", "!", "?") or "\n" in doc[i - 1].text))
