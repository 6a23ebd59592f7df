"""Collects the words left for free-text search ("Telefonseelsorge", "Repair", "Vorlesen")."""

from __future__ import annotations

from spacy.lang.de.stop_words import STOP_WORDS as DE_STOP
from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from nlu.components.common import pattern_matcher, spans_of
from nlu.components.language_words import learned_language, names_german
from nlu.components.travel import travel_words
from nlu.extensions import (
    CUES, INTERESTS, LANGUAGES, LITTLE_GERMAN, NOT_TIMES, OTHERS_GERMAN, PLACE_QUALIFIERS, PLACES, PLACES_RULED_OUT,
    PLACES_UNKNOWN, RADIUS, REMOTE, RULED_OUT_WORDS, SELF, TIMES, WATERS, WRITER, register_extensions,
)
from nlu.kernel.text import fold
from nlu.word_lists import dialect_changes
from nlu.lexicon import (
    filler_words, interest_rules, known_words, langid_words, language_names, stopwords, time_rules,
)
from nlu.time_compounds import thing_naming_times
from nlu.vocabulary import names_category_only

_STOP = frozenset(fold(w) for w in DE_STOP | EN_STOP)
_MIN_LENGTH = 3


@Language.factory("ehrenamt_keywords", assigns=["doc._.keywords"], requires=["doc.spans"])
def make_keyword_collector(nlp: Language, name: str) -> KeywordCollector:
    """Creates the keyword collector for one pipeline."""
    return KeywordCollector(nlp, name)


class KeywordCollector:
    """Sets doc._.keywords: folded words not used by another slot, no stop words, no bare category names.

    Words outside any interest become keywords only when they carry content: data/nlu/filler_words.txt lists,
    from word frequency and part of speech, the frequent words that do not ("hab", "gibts", "soziales").
    """

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name
        # where one likes to be ("an der frischen Luft") and when ("seit März", "im Oktober Urlaub") are no search words
        # and a letter's salutation and closing ("Sehr geehrte Damen und Herren", "Mit freundlichen Grüßen") frame it
        self.outdoors, self.unusable = pattern_matcher(
            nlp, {
                "outdoors": interest_rules().outdoors, "when": time_rules().when,
                "letter": interest_rules().letter_formulas,
            },
        )
        # why one wants to help ("möchte der Gesellschaft etwas zurückgeben", "will anderen helfen"): the phrases the
        # interest rules read as the wish to help others (interests.toml experience_others); their own words are no
        # search words, what fills their gaps may be ("andere Mütter unterstützen")
        lines = {f"motivation{n}": line for n, line in enumerate(interest_rules().experience_others)}
        self.motivation, unusable = pattern_matcher(nlp, {label: [line] for label, line in lines.items()})
        self.unusable = self.unusable + unusable
        self.motivation_words = {label: _pattern_words(line) for label, line in lines.items()}
        # The words that tell German from English are function words, spoken forms included ("isch", "wat")
        self.stop = _STOP | stopwords() | frozenset().union(*langid_words().values())
        self.filler = filler_words()
        self.function_words = _STOP | stopwords()  # not langid_words: those hold content words too ("Kindern")
        self.proficiency = language_names().proficiency  # "fluent", "English speaker": the language slots say it

    def __call__(self, doc: Doc) -> Doc:
        """Collects the remaining meaningful words in text order, without repeats."""
        framing = self.outdoors(doc)
        used = self._used(doc) | {i for _, start, end in framing for i in range(start, end)}
        used |= _signature(doc, [end for label, _, end in framing if label == "letter"])
        used |= travel_words(doc)  # how one gets about ("mit dem Bus", "kein Auto") is nothing to look for
        interest = {i: s for s in spans_of(doc, INTERESTS) for i in range(s.start, s.end)}
        used |= {i for label, start, end in self.motivation(doc) for i in range(start, end)
                 if doc[i].norm_ in self.motivation_words[label] and i not in interest}
        keywords: dict[str, None] = {}
        for token in doc:
            if token.i in used or token.norm_ in self.proficiency:
                continue
            span = interest.get(token.i)
            if span is not None and (span._.negated or span._.neutral or span._.fuzzy or doc.lang_ == "en"):
                continue  # an English interest word is carried by its category: German listings never hold it
            if (span is None or self._bare_in_phrase(token, span)) and (
                token.norm_ in self.filler or self._spoken_filler(token.norm_)
            ):
                # a frequent word without content ("hab", "irgendwie", "speak"; see filler_words.txt), also one that
                # only function words join to a phrase the category carries ("die sich das nicht leisten können")
                continue
            # "Repair-Café" stays one token in German: its parts are the words.
            for word in token.norm_.split("-") if "-" in token.norm_ else (token.norm_,):
                # Folded Latin words only: listings are German; "привет" finds nothing there.
                if names_german(word) and not learned_language(doc, token.i):
                    continue  # German as spoken or not spoken, or as where one is from: the language slots say it
                if len(word) >= _MIN_LENGTH and word.isascii() and word.isalpha() and word not in self.stop \
                        and not names_category_only(word):
                    keywords[word] = None
        doc._.keywords = tuple(keywords)
        return doc

    def _bare_in_phrase(self, token: Token, span: Span) -> bool:
        """Tells whether a word of a phrase of several words stands between function words only ("nicht leisten
        können"): no other word of the phrase beside it, as "Müll" beside "sammeln", "Café" beside "Repair" or
        "Essen" beside "verteilen" is."""
        if len(span) < 2:
            return False
        beside = [span.doc[i] for i in (token.i - 1, token.i + 1) if span.start <= i < span.end]
        return not any(t.is_alpha and t.norm_ not in self.function_words for t in beside)

    def _spoken_filler(self, norm: str) -> bool:
        """Tells whether an unknown word is a filler word written as spoken ("macha", "leude", "ooch"): one change of
        data/nlu/dialect_sounds.toml gives a filler or stop word. Known words are never changed ("Tafel")."""
        if norm in known_words() or not norm.isalpha():
            return False
        return any(
            (standard := rule.sub(sub, norm)) != norm and (standard in self.filler or standard in self.function_words)
            for rule, sub in dialect_changes()
        )

    @staticmethod
    def _used(doc: Doc) -> set[int]:
        """Returns tokens that belong to places, waters, times (and what only looks like one: "Guten Abend"),
        languages, remote, radius, cues, the words a cue rules out ("keine Kirche") and the writer."""
        groups = (
            PLACES, PLACES_RULED_OUT, PLACES_UNKNOWN, PLACE_QUALIFIERS, TIMES, NOT_TIMES, LANGUAGES, LITTLE_GERMAN,
            OTHERS_GERMAN, REMOTE, RADIUS, CUES, RULED_OUT_WORDS, SELF, WATERS, WRITER,
        )
        used = {i for g in groups for s in spans_of(doc, g) for i in range(s.start, s.end)}
        used |= _group_words(doc) | _gift_words(doc)
        # "Telefonpatenschaft", "Onlineberatung": a compound whose first part says how one helps still names the thing
        used -= {s.start for s in spans_of(doc, REMOTE) if len(s) == 1 and _names_a_thing(s[0].norm_)}
        # "Nachtcafé", "Spieleabend": a time word inside a compound says when, and the compound still names the thing
        writer = {i for o in spans_of(doc, WRITER) for i in range(o.start, o.end)}
        return used - (thing_naming_times(doc) - writer)


def _pattern_words(line: str) -> frozenset[str]:
    """Returns the folded words a data-file pattern names ("was|etwas ~? zurückgeben": was, etwas, zurueckgeben), not
    its gaps (~) and numbers (#): a word filling a gap of one pattern ("andere Eltern begleiten") stays, though
    another pattern names it."""
    return frozenset(fold(word) for spec in line.split() for word in spec.rstrip("?").split("|")
                     if word not in ("~", "#"))


_SIGNATURE_WORDS = 4  # "Mit freundlichen Grüßen, Gerda Hofmann", "Viele Grüße\nOma Inge", "Kind regards, Peter Hughes"


def _signature(doc: Doc, formula_ends: list[int]) -> set[int]:
    """Returns the words after a letter's closing formula when only a few words end the message there: the writer's
    name ("Mit freundlichen Grüßen\nHelga Müller", "Glück auf! Manfred Seidel"), never something to look for."""
    for end in formula_ends:
        words = [t.i for t in doc[end:] if t.is_alpha]
        if words and len(words) <= _SIGNATURE_WORDS:
            return set(range(end, len(doc)))
    return set()


def _group_words(doc: Doc) -> set[int]:
    """Returns the words of the interests matched as a phrase of several words (a taxonomy phrase, a gapped or a token
    pattern) that name a group of people: a generic noun, the words before it in the phrase and what a joiner adds
    ("alten Leuten", "ahle Leit", "Leute ohne Wohnung"). The category says it; a listing need not hold "Leuten" or
    "Wohnung". What is done stays ("Leute fahren"), and so does a word of the phrase that is a mention of its own."""
    rules = interest_rules()
    interests = spans_of(doc, INTERESTS)
    own = {s.start for s in interests if len(s) == 1}
    words: set[int] = set()
    for span in interests:
        nouns = [t.i for t in span if t.norm_ in rules.group_nouns] if len(span) > 1 else []
        if not nouns:
            continue
        last = nouns[-1] + 1
        joined = last < span.end and doc[last].norm_ in rules.group_joiners
        words.update(range(span.start, span.end if joined else last))
    return words - own


def _gift_words(doc: Doc) -> set[int]:
    """Returns the words of an idiom for a gift for a field ("grünen Daumen", "green fingers": data/nlu/interests.toml
    gift_heads): a figure of speech the category says; no listing is looked for by "Daumen"."""
    heads = interest_rules().gift_heads
    return {i for span in spans_of(doc, INTERESTS) if len(span) > 1 and span[-1].norm_ in heads
            for i in range(span.start, span.end)}


_HOW_PART = 6  # letters of the first part ("online", "telefon") and of the head ("beratung", "patenschaft"), at least


def _names_a_thing(norm: str) -> bool:
    """Tells whether a word is a compound of a way of helping and a thing ("telefonpatenschaft" = "telefon" +
    "patenschaft"): its head is a known content word, so the word is something to search for, not only a how."""
    return any(
        norm[cut:] in known_words() and norm[cut:] not in filler_words() and norm[cut:] not in stopwords()
        for cut in range(_HOW_PART, len(norm) - _HOW_PART + 1)
    )
