"""Decides which place mentions are places: a name that is also an ordinary word ("Essen", "Halle", "Wald") needs a
cue and a capital, or must stand as its own clause; a municipality known only from postal-code names needs more."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from nlu.components.common import covered_by, is_lowercase_message, is_pictograph, stands_alone
from nlu.components.languages import language_code
from nlu.components.place_demonyms import DEMONYM_LABEL
from nlu.components.place_mentions import REGION_TOWN_MIN
from nlu.components.plates import PLATE_LABEL
from nlu.extensions import INTERESTS
from nlu.kernel.gazetteer import Gazetteer, haversine_km
from nlu.kernel.postal_codes import FIELD_FORMS
from nlu.kernel.text import fold
from nlu.lexicon import place_rules
from nlu.place_like import looks_like_place
from nlu.vocabulary import is_category_word

_POSTAL_CODE = re.compile(rf"(?:{FIELD_FORMS})\.?")  # the tokenizer keeps a final "." on a number; 1067: a lost zero
# A municipality added from postal-code names may be named without a cue in a note of this many other words at most,
# none of them a function word ("Tiere Gründau").
_NOTE_WORDS = 3
_NOTE_NAME_WORDS = 5  # a note of this many words at most may end on its town written small ("katzen aue")
_INFINITIVE_ENDINGS = ("en", "ern", "eln")  # ... unless the word has a verb's shape ("hunde laufen", "tafel essen")
_QUARTER_CITY_MIN = 100_000  # a city this large has quarters people name with it
_BESIDE_KM = 30.0  # "Langen bei Frankfurt": the town a larger one locates lies this close to it


class PlaceBelief:
    """Tells whether a mention is believable as a place, from its words, its cue and the message around it."""

    def __init__(self, gazetteer: Gazetteer, word_like: frozenset[str], regions: frozenset[str]) -> None:
        self.gazetteer = gazetteer
        self.word_like = word_like
        self.regions = regions  # states and regions named by their own word

    def believable(self, doc: Doc, span: Span, claimed: set[int], lowercase: bool) -> bool:
        """Tells whether a mention is a place; names that are ordinary words need a cue and a capital."""
        if any(i in claimed for i in range(span.start, span.end)) and not span._.cued:
            return False
        if (len(span) > 1 or span._.fuzzy or _POSTAL_CODE.fullmatch(span.text)
                or span.label_ in (PLATE_LABEL, DEMONYM_LABEL)):
            return True
        norm = span[0].norm_
        town = span._.value[0]
        if town.is_added and not span._.cued and not self._added_stands_as_place(doc, span, lowercase):
            return False
        if norm in self.regions and fold(town.name).startswith(norm) and town.population < REGION_TOWN_MIN:
            # "in Sachsen" means the state, not the village Sachsen bei Ansbach; a town that stands in for a
            # region under another name ("Erzgebirge": Annaberg-Buchholz, data/places/curated.toml) is meant.
            return False
        word_like = self.names_a_word(doc, span) or any(i in claimed for i in range(span.start, span.end))
        if not word_like or _before_unlisted_quarter(doc, span, lowercase) or self.located_beside(doc, span):
            return True
        return bool(span._.cued) and (lowercase or span[0].text[:1].isupper())

    def names_a_word(self, doc: Doc, span: Span) -> bool:
        """Tells whether a one-word mention is also an ordinary, interest or language word ("Lehre", "Wald",
        "Stelle"), so that only a cue or a clause of its own makes it a place."""
        if len(span) != 1:
            return False
        norm = span[0].norm_
        return (norm in self.word_like or self.gazetteer.is_common_word_name(norm) or is_category_word(norm, doc.lang_)
                or language_code(norm) is not None)

    def located_beside(self, doc: Doc, span: Span) -> bool:
        """Tells whether a capitalised name is located by a larger town near it right after "bei" or "near" ("Langen
        bei Frankfurt"): a name is located so, a word ("Essen bei Oma", "Lachen bei Kassel") is not near the town."""
        after = span.end + 1
        if not span[0].text[:1].isupper() or after >= len(doc) or doc[span.end].norm_ not in place_rules().beside_words:
            return False
        return any(
            larger.population > town.population
            and haversine_km(larger.lat, larger.lon, town.lat, town.lon) <= _BESIDE_KM
            for larger in self.gazetteer.lookup(doc[after].text) for town in span._.value
        )

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
        if token.i in covered_by(doc, INTERESTS):
            return False
        words = [t for t in doc if t.is_alpha and not (span.start <= t.i < span.end)]
        return len(words) <= _NOTE_WORDS and not any(t.norm_ in self.word_like for t in words)


def _before_unlisted_quarter(doc: Doc, span: Span, lowercase: bool) -> bool:
    """Tells whether a large city whose name is also a word stands right before a word that looks like a village's
    name and is no known word ("Essen Rüttenscheid", "essen holsterhausen"): the city with a quarter the data lacks
    names the city as a cue would."""
    if span._.value[0].population < _QUARTER_CITY_MIN or span.end >= len(doc) or not span[-1].whitespace_:
        return False
    following = doc[span.end]
    if not lowercase and not (span[0].text[:1].isupper() and following.text[:1].isupper()):
        return False
    return looks_like_place(following.norm_)


def signed_off(doc: Doc, span: Span, claimed: set[int], lowercase: bool) -> bool:
    """Tells whether a name that is also a word stands alone between clause marks, capitalised, as chat
    messages name their town ("Halle, abends"; "Malen, Töpfern. Hof"); an interest word there is a wish. In a
    message written all in lower case the name closing the message after a full stop signs it off the same way
    ("..., dann aber richtig. halle")."""
    token = span[0]
    signed = token.is_title or (lowercase and _closes_message(doc, span.start))
    if len(span) != 1 or token.i in claimed or is_category_word(token.norm_, doc.lang_) or language_code(token.norm_):
        return False
    return (stands_alone(doc, span.start) and signed) or _edge_of_a_wish(doc, span.start)


def _edge_of_a_wish(doc: Doc, i: int) -> bool:
    """Tells whether a word written small ends a note of lower-case content words whose rest is a wish: "katzen aue",
    "tierschutzhof treuen", "unterstützung alleinerziehende jobcenter aue" name the town last, as notes do. An
    interest word elsewhere is the support; a function word makes it a sentence, where the word is a word ("sport in
    der halle", "mit kindern kochen und essen"), and so does a word alone ("halle"). A word of the infinitive's shape
    closes a note as its verb far more often than as a town ("senioren fahren", "hunde laufen", "tafel essen",
    "garten graben"): it stays a word."""
    token = doc[i]
    if i == 0 or not token.is_lower or token.norm_.endswith(_INFINITIVE_ENDINGS):
        return False
    if not any(j != i for j in covered_by(doc, INTERESTS)):
        return False
    words = [t for t in doc if t.is_alpha]
    rest = [t for t in doc[i + 1:] if not (t.is_space or t.is_punct or is_pictograph(t))]
    return (not rest and len(words) <= _NOTE_NAME_WORDS and is_lowercase_message(doc)
            and not any(t.is_stop for t in words if t.i != i))


def _closes_message(doc: Doc, i: int) -> bool:
    """Tells whether the token at i is the message's last word and opens its sentence (after . ! ? or a line)."""
    rest = [t for t in doc[i + 1:] if not t.is_space]
    return (all(t.is_punct for t in rest) and i > 0
            and (doc[i - 1].norm_ in (".", "!", "?") or "\n" in doc[i - 1].text))
