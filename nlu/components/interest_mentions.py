"""Finds every interest mention a message names: taxonomy phrases, single words (stems, compounds, colloquial
words, typos), split verbs and gapped phrases. Whether a mention is wanted or says who the writer is is decided
afterwards (nlu/components/interests.py)."""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from nlu.components.common import (
    clause_around, covered, is_lowercase_message, is_pictograph, matched_spans, pattern_matcher,
)
from nlu.components.separable import joined_verbs
from nlu.kernel.taxonomy import categories
from nlu.lexicon import InterestRules
from nlu.place_index import PlaceIndex, place_index
from nlu.vocabulary import cased_categories, categories_of, fuzzy_categories, is_category_word


def with_plurals(phrases: tuple[str, ...]) -> list[str]:
    """Returns the phrases and, for English ones ending in a noun, their plural ("animal shelter" ->
    "animal shelters", "food bank" -> "food banks"): the taxonomy names one form, people write either."""
    found = list(phrases)
    for phrase in phrases:
        words = phrase.split()
        last = words[-1] if words else ""
        if len(words) > 1 and last.isascii() and last.isalpha() and not last.endswith(("s", "ing", "y")):
            found.append(f"{phrase}s")
    return found


class MentionFinder:
    """Returns one span per mention and category (label = category key), overlaps included."""

    def __init__(self, nlp: Language, rules: InterestRules, *, fuzzy: bool) -> None:
        self.lang = nlp.lang
        self.rules = rules
        self.fuzzy = fuzzy
        self.phrases = PhraseMatcher(nlp.vocab, attr="NORM")
        for category in categories():
            if category.phrases:
                self.phrases.add(category.key, [nlp.make_doc(phrase) for phrase in with_plurals(category.phrases)])
        self.places: PlaceIndex = place_index()
        self.gapped, self.unusable = pattern_matcher(nlp, {key: list(lines) for key, lines in rules.gapped.items()})

    def __call__(self, doc: Doc) -> list[Span]:
        """Returns the phrase, word, split-verb and gapped mentions, in that order."""
        mentions = matched_spans(doc, self.phrases)
        taken = covered(mentions)
        for token in doc:
            if token.i not in taken:
                mentions.extend(self._token_mentions(doc, token))
        if self.lang == "de":
            mentions.extend(self._separable_mentions(doc, covered(mentions)))
            if not doc.user_data.get("ehrenamt_listing"):  # a listing's "Sie müssen nicht pflegen" reassures
                mentions.extend(self._refused_verbs(doc, mentions))
        mentions.extend(matched_spans(doc, self.gapped))  # the word between keeps its own mention
        return mentions

    def _token_mentions(self, doc: Doc, token: Token) -> list[Span]:
        """Returns one span per category a single token signals."""
        norm = token.norm_
        if not any(ch.isalpha() for ch in norm):  # a field's pictograph has its word as NORM ("🚒": "feuerwehr")
            return []
        keys = cased_categories(token) or categories_of(norm, self.lang)
        if keys and is_pictograph(token) and (
            doc.user_data.get("ehrenamt_listing") or self._illustrates(doc, token, keys)
        ):
            # "I have a dog who loves people 🐶": the picture repeats a word, own dog included; a listing says its
            # fields in words and decorates with pictures ("Unser Vereinsheim braucht Farbe 🎨")
            return []
        # "Greifswald" ends in "wald" but is a town, "Odenwälder" its adjective; "Fernwald" (a municipality added
        # from postal-code names) or "Rosengarten" keeps its word unless the place finder reads it so ("in Fernwald")
        is_place = self.places.is_town_name(norm) or self.places.is_town_adjective(norm)
        if keys and is_place and not is_category_word(norm, self.lang):
            keys = ()
        if keys and self.places.ends_as_a_place(norm):  # "am Krebsbach": a brook, no cancer
            keys = ()
        fuzzy = False
        # Listings are edited texts: a long compound there ("Küchenhilfe") is no typo of an interest word ("Kühe").
        if (
            not keys and self.fuzzy and len(token.text) >= 5
            and not self.places.names_a_place(norm)  # no typo of a name or of its adjective ("Rödelheimer")
            and not doc.user_data.get("ehrenamt_listing")
        ):
            keys = fuzzy_categories(norm)
            fuzzy = bool(keys)
        if keys and self._adjective_of_a_noun(doc, token):
            keys = ()  # "Kleenes Tierheim", "kleenen Verein": the adjective of another noun names no children
        spans = [Span(doc, token.i, token.i + 1, label=key) for key in keys]
        for span in spans:
            span._.fuzzy = fuzzy
        return spans

    def _adjective_of_a_noun(self, doc: Doc, token: Token) -> bool:
        """Tells whether a dialect adjective that names children as a noun ("die Kleene", interests.toml
        adjective_people), or one of its inflected forms ("kleenes"), stands before a noun: capitalised, or in a
        message written small a field's word ("kleene tierheim")."""
        norm = token.norm_
        words = self.rules.adjective_people
        if not any(norm == word or (norm.startswith(word) and len(norm) - len(word) <= 1) for word in words):
            return False
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if after is None or not after.is_alpha:
            return False
        return after.text[:1].isupper() or (is_lowercase_message(doc) and is_category_word(after.norm_, self.lang))

    def _illustrates(self, doc: Doc, picture: Token, keys: tuple[str, ...]) -> bool:
        """Tells whether a word of the message names a field of the pictograph: then it illustrates that word."""
        return any(
            not is_pictograph(token) and set(keys) & set(categories_of(token.norm_, self.lang))
            for token in doc if token.i != picture.i
        )

    def _refused_verbs(self, doc: Doc, mentions: list[Span]) -> list[Span]:
        """Returns mentions of verbs that name a field only when refused ("nicht pflegen", "nie wieder pflegen")."""
        rules = self.rules
        spans: list[Span] = []
        for token in doc:
            keys = rules.refused_verbs.get(token.norm_)
            if not keys:
                continue
            i = token.i - 1
            while i >= 0 and doc[i].norm_ in rules.refusal_gap:
                i -= 1
            if i >= 0 and doc[i].norm_ in rules.refusal_words and not self._cares_for_things(doc, token.i, mentions):
                spans.extend(Span(doc, token.i, token.i + 1, label=key) for key in keys)
        return spans

    def _cares_for_things(self, doc: Doc, verb: int, mentions: list[Span]) -> bool:
        """Tells whether the clause before a refused verb names what one would care for, and that is no people:
        another field ("Die Beete will ich nicht pflegen") or a thing after an article no preposition governs
        ("meine Kontakte nicht mehr pflegen"); "Senioren", "die Patienten" are people."""
        rules = self.rules
        start, _ = clause_around(doc, verb, verb + 1)
        people = {
            i for span in mentions if span.label_ in rules.visit_people_categories for i in range(span.start, span.end)
        }
        if any(start <= span.start and span.end <= verb and span.start not in people for span in mentions):
            return True
        for i in range(start, verb):
            if doc[i].norm_ not in rules.refused_object_articles or (
                i > start and doc[i - 1].norm_ in rules.refused_object_prepositions
            ):
                continue
            named = range(i + 1, next((j for j in range(i + 1, verb) if doc[j].norm_ in rules.refusal_words), verb))
            if named and not any(j in people or doc[j].norm_ in rules.visit_people_words for j in named):
                return True
        return False

    def _separable_mentions(self, doc: Doc, taken: set[int]) -> list[Span]:
        """Returns mentions of split verbs ("ich lese gern vor"), placed on the verb."""
        spans: list[Span] = []
        found: set[int] = set()
        for i, infinitive in joined_verbs(doc, taken):
            if i not in found and is_category_word(infinitive, self.lang):
                found.add(i)
                spans.extend(Span(doc, i, i + 1, label=key) for key in categories_of(infinitive, self.lang))
        return spans


def without_visits_of_things(doc: Doc, mentions: list[Span], rules: InterestRules) -> list[Span]:
    """Drops a visit word's neighbourhood when no people are named: "ich besuche gern Museen" visits a thing."""
    visits = [
        span for span in mentions
        if span.label_ == "neighbourhood" and len(span) == 1 and span[0].norm_ in rules.visit_words
    ]
    if not visits:
        return mentions
    if any(span.label_ in rules.visit_people_categories for span in mentions) or any(
        token.norm_ in rules.visit_people_words for token in doc
    ):
        return mentions
    return [span for span in mentions if span not in visits]


def either_age(doc: Doc, mentions: list[Span], rules: InterestRules) -> list[Span]:
    """Returns the young offered as a choice with adults: "deaf kids or adults", "for adults or teens" name no age
    group, unless ruled out ("keine Kinder oder Erwachsene")."""
    def either(span: Span) -> bool:
        after = span.end + 1 < len(doc) and doc[span.end].norm_ in rules.either_joiners and (
            doc[span.end + 1].norm_ in rules.either_adults)
        before = span.start > 1 and doc[span.start - 1].norm_ in rules.either_joiners and (
            doc[span.start - 2].norm_ in rules.either_adults)
        return after or before

    return [span for span in mentions if span.label_ == rules.either_category and either(span)]
