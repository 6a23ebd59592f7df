"""Tells a choice of times from one time: "abends oder am Wochenende" from "am Wochenende abends".

A time mention of a day (weekday, weekend) and one of a part of the day (daytime, evening) written together are one
time, both hold: "Samstagabend", "samstags abends", "am Wochenende abends", "weekend evenings", "Saturday
evenings", "tagsüber, Mo-Fr". Joined by a word of data/nlu/time_choice.toml ("oder", "und", "/", "or") they are
separate times, and so are the evening and the weekend listed with a comma ("nach Feierabend, am Wochenende"). A
day named alone beside a part of the day named apart is a choice, the free times a person lists: "abends oder am
Wochenende", "evenings/weekends", "unter der Woche abends und am Wochenende". Named alone beside a time holding the
same day it only repeats it ("Samstag und Sonntagabend": the weekend, not every evening).
Writes Doc._.time_either; the parse says it beside the time tags (ParsedQuery.time_either) and the search admits a
listing at either time (bot.search.time_wish).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlu.extensions import TIMES, register_extensions, spans
from nlu.word_lists import folded_set, read_toml

DAYS = frozenset({"weekday", "weekend"})
PARTS_OF_DAY = frozenset({"daytime", "evening"})


@dataclass(frozen=True, slots=True)
class ChoiceRules:
    """The words joining two times as separate ones, and the marks listing the times of a free-time list."""

    joiners: frozenset[str]
    reach: int
    list_marks: frozenset[str]
    list_times: frozenset[str]


@cache
def choice_rules() -> ChoiceRules:
    """Returns data/nlu/time_choice.toml."""
    raw = read_toml("time_choice.toml")
    return ChoiceRules(joiners=folded_set(raw["joiners"]), reach=int(raw["reach"]),
                       list_marks=folded_set(raw["list"]["marks"]), list_times=frozenset(raw["list"]["times"]))


@Language.factory("ehrenamt_time_choice", assigns=["doc._.time_either"], requires=["doc.spans"])
def make_time_choice(nlp: Language, name: str) -> TimeChoice:
    """Creates the reader of a choice of times for one pipeline."""
    return TimeChoice(name)


class TimeChoice:
    """Sets Doc._.time_either when the wanted time mentions name a day and a part of the day as a choice."""

    def __init__(self, name: str) -> None:
        register_extensions()
        self.name = name
        rules = choice_rules()
        unknown = rules.list_times - DAYS - PARTS_OF_DAY
        if not rules.joiners or unknown:
            raise ValueError(f"{name}: data/nlu/time_choice.toml needs joiners and days or parts of the day as list "
                             f"times (unknown: {sorted(unknown)})")

    def __call__(self, doc: Doc) -> Doc:
        """Groups the wanted time mentions into times and tells whether they make a choice."""
        wanted = [s for s in spans(doc, TIMES) if not (s._.negated or s._.neutral)]
        doc._.time_either = is_choice(times_named(doc, wanted))
        return doc


def time_either(doc: Doc, tags: Iterable[str]) -> bool:
    """Tells whether the parse's time tags are a choice: the Doc says so and the tags still name a day and a part
    of the day (a ruled-out time may have taken one away)."""
    kept = set(tags)
    return bool(doc._.time_either) and bool(kept & DAYS) and bool(kept & PARTS_OF_DAY)


@dataclass(frozen=True, slots=True)
class NamedTime:
    """One time as written: the day and the part of the day its mentions name (either may be empty)."""

    days: frozenset[str]
    parts: frozenset[str]


def times_named(doc: Doc, mentions: Iterable[Span]) -> list[NamedTime]:
    """Returns the times the mentions make: mentions that overlap or have no joining word between them are one."""
    groups: list[list[Span]] = []
    end = 0
    for mention in sorted(mentions, key=lambda s: (s.start, s.end)):
        if groups and (mention.start < end or not _apart(doc[end:mention.start + 1], groups[-1], mention)):
            groups[-1].append(mention)
            end = max(end, mention.end)
        else:
            groups.append([mention])
            end = mention.end
    labels = [{mention.label_ for mention in group} for group in groups]
    return [NamedTime(frozenset(tags & DAYS), frozenset(tags & PARTS_OF_DAY)) for tags in labels]


def is_choice(times: list[NamedTime]) -> bool:
    """Tells whether one time names only a day (or only a part of the day) and another the other family, without
    repeating the first one's tag ("Samstag und Sonntagabend" repeats the weekend)."""
    return any(
        _alone_beside(first, second) or _alone_beside(second, first)
        for index, first in enumerate(times) for second in times[index + 1:]
    )


def _alone_beside(alone: NamedTime, other: NamedTime) -> bool:
    """Tells whether `alone` names one family only and `other` the other family, apart from `alone`'s tags."""
    if alone.days and not alone.parts:
        return bool(other.parts) and not alone.days & other.days
    if alone.parts and not alone.days:
        return bool(other.days) and not alone.parts & other.parts
    return False


def _apart(gap: Span, before: list[Span], mention: Span) -> bool:
    """Tells whether the words between a time and the next mention make them separate times: a joining word, or a
    comma between the evening and the weekend, within the reach (data/nlu/time_choice.toml). The gap ends with the
    mention's first word, as a pattern may take the joining word in ("oder WE": "WE" alone may be English)."""
    rules = choice_rules()
    if len(gap) > rules.reach + 1:
        return False
    words = {token.norm_ for token in gap}
    if words & rules.joiners:
        return True
    named = {span.label_ for span in before}
    listed = named <= rules.list_times and mention.label_ in rules.list_times - named
    return listed and bool(words & rules.list_marks)
