"""Finds the place someone means: names and alternates of every gazetteer place, postal codes, aliases
(Ffm), "X/Main", "Raum X", typos (Frankfrut, Drseden), ambiguous names (Neustadt) with their candidates.

The mentions are read by place_mentions.py, judged by place_belief.py and ordered by nlu/places_resolve.py; this
component ties them to the cues of the message (where a place follows, what is an origin, what is ruled out).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.lang.de.stop_words import STOP_WORDS as DE_STOP
from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP
from spacy.language import Language
from spacy.tokens import Doc, Span

from nlu.components.common import (
    covered, covered_by, is_boundary, is_lowercase_message, pattern_matcher, set_group, spans_of, stands_alone,
)
from nlu.components.place_belief import PlaceBelief, signed_off
from nlu.components.place_demonyms import DemonymReader
from nlu.components.place_hints import RULED_OUT, PreferenceReader, closing_home_words
from nlu.components.place_mentions import MentionFinder, mention
from nlu.components.plates import PLATE_LABEL, after_living_cue
from nlu.components.postal_cues import without_guessed_codes
from nlu.extensions import (
    INTERESTS, LANGUAGES, PLACE_QUALIFIERS, PLACES, PLACES_RULED_OUT, PLACES_UNKNOWN, RADIUS, REMOTE, TIMES, WATERS,
    register_extensions,
)
from nlu.kernel.gazetteer import Gazetteer, Place, get_gazetteer
from nlu.kernel.text import fold
from nlu.lexicon import place_rules, place_words, stopwords
from nlu.place_like import looks_like_place, place_endings
from nlu.place_qualifiers import drop_unlisted_quarters, join_towns_to_cities, qualifier_words, read_qualified
from nlu.places_resolve import names_another_place, resolve, written_end
from nlu.quarters import short_city_name

_STOP = frozenset(fold(w) for w in DE_STOP | EN_STOP)
_JOINERS = frozenset({"oder", "und", "or", "and", ",", "/", "bzw"})


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


_KIND_OF_QUARTER = 2  # a quarter name more cities share is a part most cities have (nlu.quarter_namesakes)

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
        self.rules = rules = place_rules()
        # a writer's correction names a place as a cue does: "Leipzig, ach nee, Halle eigentlich"
        cues = (*rules.cues, *(f"{correction} ,?" for correction in rules.corrections))
        self.cues, unusable = pattern_matcher(
            nlp, {"cue": cues, "origin": rules.origin_cues, "home_after": rules.home_after,
                  "home_after_closing": rules.home_after_closing, "area_after": rules.area_after, "water": rules.waters}
        )
        self.preferences = PreferenceReader(nlp, self.gazetteer)
        self.unusable = unusable + self.preferences.unusable
        word_like = place_words() | _STOP | stopwords()
        self.noun_ties = rules.noun_ties
        self.regions = frozenset(rules.states)  # states and regions named by their own word
        demonyms = DemonymReader(self.gazetteer, rules.not_demonyms, (_STOP | stopwords()) - rules.region_nouns)
        self.mentions = MentionFinder(
            self.gazetteer, word_like, demonyms, _STOP, fuzzy_min_score=fuzzy_min_score, max_tokens=max_tokens
        )
        self.belief = PlaceBelief(self.gazetteer, word_like, self.regions)

    def __call__(self, doc: Doc) -> Doc:
        """Finds place mentions, keeps the believable ones and resolves the chosen one."""
        found = closing_home_words(doc, self.cues(doc))
        cue_ends, origin_ends, owned_ends = self._cue_ends(found)
        claimed = covered_by(doc, TIMES, LANGUAGES, REMOTE, RADIUS)
        waters = [Span(doc, start, end, label=label) for label, start, end in found if label == "water"]
        lowercase = is_lowercase_message(doc)
        mentions = without_guessed_codes(self.mentions.exact(doc, cue_ends, lowercase, frozenset(owned_ends)))
        if _free_language_names(doc, mentions):
            claimed = covered_by(doc, TIMES, LANGUAGES, REMOTE, RADIUS)
        if self.fuzzy:
            mentions += self.mentions.fuzzy(doc, mentions, claimed, cue_ends, lowercase)
        mentions, quartered = drop_unlisted_quarters(doc, join_towns_to_cities(doc, mentions, self.belief.names_a_word))
        mentions, qualified = read_qualified(doc, mentions, self.rules)
        kept = []
        previous: Span | None = None
        for span in sorted(mentions, key=lambda m: m.start):
            # "in Hartha oder Waldheim": a place joined to a cued one by "oder", "und" or a comma is cued too
            span._.cued = span.start in cue_ends or (span.end in owned_ends and not span._.fuzzy) or (
                previous is not None and previous._.cued and 0 < span.start - previous.end <= 1
                and all(t.norm_ in _JOINERS for t in doc[previous.end:span.start])
            ) or span.start in qualified or (span.start in quartered and self._heads_a_clause(doc, span)) or (
                self._quarter_after_article(doc, span)
            )
            previous = span
        # "Essen oder Bochum": a name that is also a word, joined to a following believable place, is a place too
        ordered = sorted(mentions, key=lambda m: m.start)
        for span, following in reversed(list(zip(ordered, ordered[1:]))):
            if (not span._.cued and 0 < following.start - span.end <= 1
                    and all(t.norm_ in self.rules.choice_joiners for t in doc[span.end:following.start])
                    and self._heads_a_clause(doc, span)
                    and self.belief.believable(doc, following, claimed, lowercase)):
                span._.cued = True
        # "along the Rhine": a river's name is no town (Rheine); "Frankfurt am Main" reaches beyond the river's
        mentions = [m for m in mentions if not any(w.start <= m.start and m.end <= w.end for w in waters)]
        for span in mentions:
            if self.belief.believable(doc, span, claimed, lowercase):
                kept.append(span)
        if not kept:  # "..., Töpfern. Halle, abends": a capitalised name standing as its own clause
            kept = [span for span in mentions if signed_off(doc, span, claimed, lowercase)][:1]
        kept += self._cued_quarters(doc, cue_ends, [*mentions, *kept], claimed, lowercase)
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
        # "Höchst an der Nidder": a longer name none of the short name's places has is a place the gazetteer lacks,
        # and its river or region no place either (Nidderau for "Nidder")
        unknown = [doc[span.start : written_end(doc, span) or span.end] for span in kept
                   if names_another_place(doc, span, self.rules)]
        kept = [span for span in kept if not any(other.start <= span.start < other.end for other in unknown)]
        named = [*kept, *doc.spans[PLACES_RULED_OUT]]
        doc.spans[PLACES_UNKNOWN] = [*unknown, *self._unresolved_places(doc, cue_ends, [*named, *unknown], lowercase)]
        words = self._words_qualified(doc, sorted(kept, key=lambda m: m.start), cue_ends)
        doc.spans[PLACES] = resolve(doc, kept, origin_ends, self.gazetteer, words)
        # "wohne in WE", "Raum WE": a code the message makes a town is no weekend (WE is Weimar's code too)
        plates = {(span.start, span.end) for span in kept if span.label_ == PLATE_LABEL}
        if plates:
            set_group(doc, TIMES, [span for span in spans_of(doc, TIMES) if (span.start, span.end) not in plates])
        named = [*doc.spans[PLACES], *doc.spans[PLACES_RULED_OUT]]
        doc.spans[PLACE_QUALIFIERS] = qualifier_words(doc, named, self.rules)
        return doc

    def _words_qualified(self, doc: Doc, kept: list[Span], cue_ends: set[int]) -> frozenset[int]:
        """Returns where the kept mentions start whose one word is also an ordinary word and that were made places
        by no cue, no clause of their own and no other place offered beside them ("Aue oder Schwarzenberg", "Langen
        bei Frankfurt"), only by a qualifier after them ("Wetter im Sauerland": the weather there as much as the
        town Wetter)."""
        listed = {
            start for one, other in zip(kept, kept[1:]) if 0 < other.start - one.end <= 1  # "Essen bzw. Bochum"
            and all(t.norm_ in _JOINERS or t.norm_ in self.rules.choice_joiners for t in doc[one.end:other.start])
            for start in (one.start, other.start)
        }
        return frozenset(
            span.start for span in kept
            if span.start not in cue_ends and span.start not in listed and not stands_alone(doc, span.start, span.end)
            and span.label_ == "place" and not span._.fuzzy and self.belief.names_a_word(doc, span)
            and not self.belief.located_beside(doc, span)
        )

    def _cued_quarters(
        self, doc: Doc, cue_ends: set[int], mentions: list[Span], claimed: set[int], lowercase: bool
    ) -> list[Span]:
        """Returns a quarter whose name is an ordinary word, written alone right after words that say where one lives
        ("wohne in Ziegelstein", "bin aus Kinderhaus"): the name of one city's quarter only, so that city's quarter,
        not a place the gazetteer lacks (which would search nothing and ask where instead). After a bare "in" or
        "von" it stays the word ("Ehrenamt in Kinderhaus", "Tragen von Ziegelstein")."""
        taken = covered(mentions) | claimed
        found = []
        for token in doc:
            if token.i in cue_ends and token.i not in taken and token.is_alpha and after_living_cue(doc, token.i) and (
                lowercase or token.text[:1].isupper()
            ) and (quarter := self.gazetteer.cued_quarter(token.text)) is not None:
                span = mention(doc, token.i, token.i + 1, (quarter,))
                span._.cued = True
                found.append(span)
        return found

    def _unresolved_places(self, doc: Doc, cue_ends: set[int], places: list[Span], lowercase: bool) -> list[Span]:
        """Returns the words that name where but no one place: a state or region by its own word ("in Sachsen,
        egal wo"), and a word right after a location cue that looks like the name of a village the gazetteer lacks
        ("komme aus Sterzhausen", "wohne in Kleinaltenhausen")."""
        taken = covered(places) | covered_by(doc, INTERESTS)
        return [
            doc[token.i : token.i + 1] for token in doc
            if token.i not in taken and (lowercase or token.text[:1].isupper()) and (
                token.norm_ in self.regions or (token.i in cue_ends and looks_like_place(token.norm_))
            )
        ]

    def _quarter_after_article(self, doc: Doc, span: Span) -> bool:
        """Tells whether a one-word mention right after "im", "am", "in der", "auf dem" ... names quarters of cities
        ("im Glockenbachviertel", "im Wedding", "auf dem Moritzberg", "am Sonnenberg"): named so, it is a place as
        after "in"; a word ("im Zoo") only when listed (places.toml). A town is never named with an article, so a
        name that is a quarter and a town elsewhere keeps only its quarters ("in der Neustadt" is no Neustadt an der
        Weinstraße, "am Sonnenberg" no village of Brandenburg)."""
        if span.start == 0 or len(span) != 1 or not self._after_quarter_article(doc, span.start):
            return False
        norm = span[0].norm_
        if norm in place_words() and norm not in self.rules.article_quarters:
            return False
        values = span._.value
        if values and all(self.gazetteer.city_of(place) is not None for place in values):
            return True
        quarters = self._article_quarters(span.text, values)
        if quarters:
            span._.value = quarters
        return bool(quarters)

    def _article_quarters(self, written: str, values: tuple[Place, ...]) -> tuple[Place, ...]:
        """Returns the quarters called `written`: of one or two cities each named with its city and weighed as a
        typical quarter of it (GeoNames' own counts of quarters are uneven), the largest city's first, so that two are
        asked about ("am Sonnenberg": Wiesbaden's or Chemnitz's); of more cities, a part most cities have ("in der
        Neustadt"), only the quarters the look-up read, about which the search asks "which city?"
        (bot/search/place_doubts.py), and never the towns called so (Neustadt an der Weinstraße)."""
        named = sorted(self.gazetteer.quarters_named(written), key=lambda pair: (-pair[1].population, pair[1].id))
        if len({city.id for _, city in named}) > _KIND_OF_QUARTER:
            return tuple(place for place in values if self.gazetteer.city_of(place) is not None)
        return tuple(replace(quarter, name=f"{quarter.name} ({short_city_name(city)})",
                             population=self.gazetteer.quarter_size(replace(quarter, population=0), city))
                     for quarter, city in named)

    def _after_quarter_article(self, doc: Doc, i: int) -> bool:
        """Tells whether the words right before token i are one of places.toml's quarter_articles ("im", "in der")."""
        before = [doc[k].norm_ for k in range(max(0, i - 2), i)]
        return bool(before) and (before[-1] in self.rules.quarter_articles or (
            len(before) == 2 and " ".join(before) in self.rules.quarter_articles))

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

    @staticmethod
    def _drop_interests_under(doc: Doc, places: list[Span]) -> None:
        """Removes interest mentions on tokens a cued place took ("in Wald", "bei Igel")."""
        if INTERESTS not in doc.spans:
            return
        taken = covered(places)
        doc.spans[INTERESTS] = [s for s in doc.spans[INTERESTS] if not taken.intersection(range(s.start, s.end))]



def _free_language_names(doc: Doc, mentions: list[Span]) -> bool:
    """Drops the language mentions a longer place name written out in capitals holds ("Französisch Buchholz",
    "Berlin Französisch Buchholz", "Deutsch Evern": a place's name, no language asked); tells whether any went."""
    languages = doc.spans.get(LANGUAGES, ())
    names = [m for m in mentions if len(m) > 1 and not m._.fuzzy and m.label_ == "place"
             and all(t.text[:1].isupper() for t in m if t.is_alpha)]
    if not languages or not names:
        return False
    kept = [s for s in languages if not any(m.start <= s.start and s.end <= m.end for m in names)]
    if len(kept) == len(languages):
        return False
    doc.spans[LANGUAGES] = kept
    return True
