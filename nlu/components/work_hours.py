"""Free time said against one's working hours: "Ich arbeite bis 17 Uhr, danach hätte ich Zeit" is the evening,
"I work until 1pm, after that I'm free" the day (data/nlu/time.toml [work_hours]).

The job's end is no time of the wish (its "bis 16 Uhr" would read as the day); the after word ("danach",
"afterwards", "dann") carries the slot the job's end leaves: evening from `evening_from` o'clock, daytime before. It
does so only in the job's sentence, when a free word follows it in its clause and no busy word does ("danach hätte ich
Zeit", not "danach hole ich die Kinder ab"), and when the job is the writer's (not "Mein Mann arbeitet bis 20 Uhr").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from nlu.components.common import SENTENCE_ENDS, is_boundary
from nlu.word_lists import read_toml, word_rules

_CLOCK = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?([a-z']*)$")
_NOON = 12
_DAY = 24
_AFTER_CLOCK = 3  # "bis 12 Uhr im Büro": the work word a preposition and an article after the clock
_SMALL_HOURS = 8  # "until 8" without a unit is eight in the evening


@dataclass(frozen=True, slots=True)
class WorkHourRules:
    """Words of working, of "until" and of "after", clock units, the evening's first hour and the reach."""

    work_words: frozenset[str]
    until_words: frozenset[str]
    after_words: frozenset[str]
    free_words: frozenset[str]
    busy_words: frozenset[str]
    others: frozenset[str]
    clock_units: frozenset[str]
    english_units: frozenset[str]
    evening_from: int
    reach: int


@cache
def work_hour_rules() -> WorkHourRules:
    """Returns time.toml [work_hours]."""
    raw = read_toml("time.toml")["work_hours"]
    return word_rules(WorkHourRules, raw)


def after_work(doc: Doc) -> tuple[list[Span], list[Span]]:
    """Returns (the free time after the job, labelled by slot; the job's end, no time of the wish)."""
    rules = work_hour_rules()
    free: list[Span] = []
    job: list[Span] = []
    for i, token in enumerate(doc):
        clock = _clock_at(doc, i + 1, rules) if token.norm_ in rules.until_words else None
        if clock is None:
            continue
        hour, end = clock
        if not _near_work_word(doc, i, end, rules) or _someone_else(doc, i, rules):
            continue
        after = _after_word(doc, end, rules)
        said = None if after is None else _frees(doc, after[1], rules)
        if after is None or said is None:
            continue
        job.append(Span(doc, i, end, label="ignore"))
        if said:  # "danach hole ich die Kinder ab": the job's end is still no wish, and nothing after it is free
            free.append(Span(doc, after[0], after[1], label="evening" if hour >= rules.evening_from else "daytime"))
    return free, job


def _near_work_word(doc: Doc, start: int, end: int, rules: WorkHourRules) -> bool:
    """Tells whether a work word stands in the clause of the job's end start..end: before it ("arbeite ... bis 17
    Uhr") or right after it ("bis 12 Uhr im Büro", "until 5 at work")."""
    for j in range(start - 1, max(start - rules.reach, 0) - 1, -1):
        if is_boundary(doc[j]):
            break
        if doc[j].norm_ in rules.work_words:
            return True
    for j in range(end, min(end + _AFTER_CLOCK, len(doc))):
        if is_boundary(doc[j]):
            break
        if doc[j].norm_ in rules.work_words:
            return True
    return False


def _someone_else(doc: Doc, start: int, rules: WorkHourRules) -> bool:
    """Tells whether the clause of the job's end names someone else as the worker ("Meine Frau arbeitet bis 18")."""
    for j in range(start - 1, max(start - rules.reach, 0) - 1, -1):
        if is_boundary(doc[j]):
            break
        if doc[j].norm_ in rules.others:
            return True
    return False


def _frees(doc: Doc, start: int, rules: WorkHourRules) -> bool | None:
    """Tells whether the clause after the after word says one is free ("hätte ich Zeit", "I'm free": True), busy
    ("muss ich heim", "pick up my kids": False) or neither (None)."""
    free = False
    for j in range(start, min(start + rules.reach, len(doc))):
        if is_boundary(doc[j]):
            break
        if doc[j].norm_ in rules.busy_words:
            return False
        free = free or doc[j].norm_ in rules.free_words
    return True if free else None


def _clock_at(doc: Doc, i: int, rules: WorkHourRules) -> tuple[int, int] | None:
    """Returns (hour on the 24-hour clock, end of the clock phrase) for "17 Uhr", "17:30", "17h", "5pm", "5 pm";
    a bare number after "until" is a clock time too ("until 5, then ...")."""
    if i >= len(doc):
        return None
    found = _CLOCK.match(doc[i].norm_)
    if found is None:
        return None
    hour, unit, end = int(found.group(1)), found.group(3), i + 1
    if not unit and end < len(doc) and _is_unit(doc, doc[end].norm_, rules):
        unit, end = doc[end].norm_, end + 1
    if unit and not _is_unit(doc, unit, rules):
        return None
    if hour > _DAY:
        return None
    if unit == "pm" and hour < _NOON or not unit and hour <= _SMALL_HOURS:
        hour += _NOON  # "5pm", and "bis 5" said without a unit is the afternoon: no job ends at five in the morning
    return hour, end


def _is_unit(doc: Doc, word: str, rules: WorkHourRules) -> bool:
    """Tells whether a folded word is a clock unit in this message's language ("am" is one only in English)."""
    return word in rules.clock_units and (doc.lang_ == "en" or word not in rules.english_units)


def _after_word(doc: Doc, start: int, rules: WorkHourRules) -> tuple[int, int] | None:
    """Returns the span of an after word ("danach", "after that", "ab dann") within reach after the job's end, in
    its sentence or opening the next ("Ich arbeite bis 17 Uhr. Danach hab ich Zeit")."""
    ended = False
    for j in range(start, min(start + rules.reach, len(doc))):
        norm = doc[j].norm_
        if norm in SENTENCE_ENDS and not ended:
            ended = True
            continue
        pair = f"{norm} {doc[j + 1].norm_}" if j + 1 < len(doc) else ""
        if pair in rules.after_words:
            return j, j + 2
        if norm in rules.after_words:
            return j, j + 1
        if ended:
            return None  # a later sentence is no longer the job's, unless it opens with the after word
    return None
