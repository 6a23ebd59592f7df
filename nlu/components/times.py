"""Finds availability: weekday, weekend, daytime, evening, one-off, regular (patterns in data/nlu/time.toml)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlu.components.clock_ranges import clock_ranges
from nlu.components.common import is_boundary, matched_spans, pattern_matcher, set_group
from nlu.components.others_time import others_time_rules, said_of_others
from nlu.components.single_day import single_days
from nlu.components.time_typos import mend_time_typos
from nlu.components.work_hours import after_work
from nlu.extensions import INTERESTS, NOT_TIMES, TIMES, register_extensions
from nlu.lexicon import time_rules
from nlu.time_compounds import time_compound


@Language.factory("ehrenamt_times", assigns=["doc.spans"], requires=["token.norm"])
def make_time_matcher(nlp: Language, name: str) -> TimeMatcher:
    """Creates the time matcher for one pipeline."""
    return TimeMatcher(nlp, name)


class TimeMatcher:
    """Writes doc.spans["times"] with one span per slot mention (label = slot)."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name
        rules = time_rules()
        self.opposites = rules.opposites
        unknown = set(rules.slots) ^ set(rules.opposites)
        if unknown:
            raise ValueError(f"{name}: time.toml slots and opposites disagree on {sorted(unknown)}")
        self.day_names = frozenset(rules.day_names)
        self.guest_events = rules.guest_events
        self.typo_words = rules.typo_words
        self.time_words = rules.time_words
        self.others_time = others_time_rules()
        self.matcher, self.unusable = pattern_matcher(
            nlp, {**rules.slots, "ignore": rules.ignore, _STINT: rules.stints, _PLACEMENT: rules.placements,
             _CORRECTION: rules.corrections}
        )

    def __call__(self, doc: Doc) -> Doc:
        """Matches the patterns; drops a slot hidden inside a longer mention of its opposite."""
        mend_time_typos(doc, self.typo_words, self.time_words)  # "nachmittgas", "wochenede": a slip in a time word
        spans = _stints_as_one_off(matched_spans(doc, self.matcher)) + clock_ranges(doc)  # "zwischen 8 und 12 Uhr"
        # "Guten Abend", "night shifts" (one's job) are no time; a longer slot around them is ("night shifts fine")
        ignores = [s for s in spans if s.label_ == "ignore" and not self._inside_longer(s, spans)]
        free, job = after_work(doc)  # "arbeite bis 17 Uhr, danach": the job's end is none, the time after it is
        ignores += job
        # "einen Vormittag helfen": one-off, the task stays a wish ("jeden Monat einen Samstag" is regular alone)
        spans += free + single_days(doc, [s for s in spans if s.label_ == "regular"])
        ignored = {i for s in ignores for i in range(s.start, s.end)}
        slots = [s for s in spans if s.label_ not in ("ignore", _CORRECTION)
                 and not ignored.intersection(range(s.start, s.end))]
        kept = [s for s in slots if not self._inside_opposite(s, slots) and not self._not_the_writers(s)
                and not self._qualifies_place(s) and not said_of_others(doc, s, self.others_time)]
        kept += [s for s in _weekend_fragments(doc) if not any(k.start <= s.start and s.end <= k.end for k in kept)]
        kept = _after_correction(kept, [s for s in spans if s.label_ == _CORRECTION])
        set_group(doc, TIMES, kept)
        set_group(doc, NOT_TIMES, ignores)
        if INTERESTS in doc.spans:  # "after school", "nach der Schule" say when, not what
            doc.spans[INTERESTS] = [s for s in doc.spans[INTERESTS] if not _says_when(s, kept)]
        return doc

    @staticmethod
    def _inside_longer(span: Span, spans: list[Span]) -> bool:
        """Tells whether a longer slot mention contains this one."""
        return any(
            other.label_ != "ignore" and other.start <= span.start and span.end <= other.end and len(other) > len(span)
            for other in spans
        )

    def _not_the_writers(self, span: Span) -> bool:
        """Tells whether an evening mention is a day's name ending in "abend" ("Sonnabend" is Saturday), or a
        mention is an event named after its guests ("Seniorennachmittag", "Elternabend"), whose time is its own."""
        if len(span) != 1:
            return False
        word = span[0].norm_
        if span.label_ == "evening" and span[0].lower_.rstrip("s") in self.day_names:
            return True
        return word.startswith(self.guest_events) and time_compound(word)

    def _qualifies_place(self, span: Span) -> bool:
        """Tells whether a short day written right after a town and a slash is the town's qualifier, the state's
        abbreviation ("Kirchberg/Sa." is Kirchberg in Sachsen): no Saturday. "Fr/Sa" (two days) stays a time."""
        doc, i = span.doc, span.start
        if len(span) != 1 or not span[0].text.endswith(".") or i < 2:
            return False
        slash, town = doc[i - 1], doc[i - 2]
        return (slash.text == "/" and not slash.whitespace_ and not town.whitespace_ and town.is_title
                and town.norm_ not in self.time_words and town.norm_ not in self.day_names)

    def _inside_opposite(self, span: Span, spans: list[Span]) -> bool:
        """Tells whether a longer span of the opposite slot contains this one ("keine feste Verpflichtung")."""
        opposite = self.opposites.get(span.label_)
        return any(
            other.label_ == opposite and other.start <= span.start and span.end <= other.end and len(other) > len(span)
            for other in spans
        )


_STINT, _PLACEMENT, _CORRECTION = "stint", "placement", "correction"


def _after_correction(times: list[Span], corrections: list[Span]) -> list[Span]:
    """Returns the times left after the last self-correction that has a time on each side of it ("abends, nee doch
    lieber am Wochenende" keeps the weekend alone)."""
    for correction in sorted(corrections, key=lambda s: -s.start):
        before = [t for t in times if t.end <= correction.start]
        if before and any(t.start >= correction.end for t in times):
            return [t for t in times if t not in before]
    return times


def _stints_as_one_off(spans: list[Span]) -> list[Span]:
    """Returns the matches with each stint of days or weeks ("2 Wochen im März", "for a week") as one-off, unless
    the message asks for a school or study placement, whose length the school sets ("Sozialpraktikum, 2 Wochen im
    Juni"): then the stint is no time of the wish."""
    placement = any(span.label_ == _PLACEMENT for span in spans)
    kept = [span for span in spans if span.label_ not in (_STINT, _PLACEMENT)]
    if not placement:
        doc = spans[0].doc if spans else None
        kept += [Span(doc, s.start, s.end, label="one_off") for s in spans if doc is not None and s.label_ == _STINT]
    return sorted(kept, key=lambda s: (s.start, -len(s)))


_WEEKEND_SHORT = frozenset({"WE", "WoE", "WE's"})
# "Nidda kleiderkammer sa": a short day closing a message of keywords (longer messages say it in a phrase)
_CLOSING_DAYS = {"sa": "weekend", "Sa": "weekend"}
_KEYWORD_MESSAGE_TOKENS = 6


def _weekend_fragments(doc: Doc) -> list[Span]:
    """Returns "WE" written in capitals as a fragment of its own ("mit Senioren, WE", "C, sport, WE"), or anywhere
    in a German message not written in capitals ("Mörfelden naturschutz WE"): the weekend's short form; the pronoun
    in capitals comes in a shouted message ("WE ARE ...") or as English emphasis; "WE" as the whole message (a reply
    to a result) is the weekend. A short day closing a short keyword message too."""
    found = []
    loose = doc.lang_ == "de" and not doc.text.isupper()  # an English "WE" in capitals may be emphasis
    for token in doc:
        if token.text in _CLOSING_DAYS and 1 < len(doc) <= _KEYWORD_MESSAGE_TOKENS and token.i == len(doc) - 1:
            found.append(Span(doc, token.i, token.i + 1, label=_CLOSING_DAYS[token.text]))
            continue
        if token.text not in _WEEKEND_SHORT:
            continue
        before = token.i == 0 or is_boundary(doc[token.i - 1])
        after = token.i + 1 == len(doc) or is_boundary(doc[token.i + 1])
        if (before and after) or loose:
            found.append(Span(doc, token.i, token.i + 1, label="weekend"))
    return found


def _says_when(mention: Span, times: list[Span]) -> bool:
    """Tells whether an interest mention lies inside a longer time phrase ("nach der Schule"); a word that is
    a time phrase by itself keeps the field its compound names ("Seniorennachmittag", "Konzertabend")."""
    return any(t.start <= mention.start and mention.end <= t.end and len(t) > len(mention) for t in times)
