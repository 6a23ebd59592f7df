"""A single day or part of one given to a task is one-off: "wo die Klasse einen Vormittag helfen kann", "einen Tag im
Wald aufräumen"; so is "einmal" said of the task ("einmal beim Stadtfest helfen") (data/nlu/time.toml [single_day]).

Only the day words ("einen Vormittag") become the time mention, so the task after them ("Müll sammeln") stays a wish:
a longer time phrase would hide the interests inside it. English goes the same way ("spend a Saturday helping at the
shelter"). A day repeated is none: a repeat word after it in its clause ("einen Tag pro Woche"), or a regular time
anywhere in its sentence ("jeden Monat einen Samstag helfen", "einen Abend mit Jugendlichen, gerne wöchentlich").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from nlu.components.common import SENTENCE_ENDS, is_boundary
from nlu.word_lists import read_toml, word_rules



@dataclass(frozen=True, slots=True)
class SingleDayRules:
    """Articles, fillers and day words of a single day, what makes it a task's and what makes it repeated."""

    articles: frozenset[str]
    once: frozenset[str]
    not_after: frozenset[str]
    fillers: frozenset[str]
    days: frozenset[str]
    tasks: frozenset[str]
    repeats: frozenset[str]
    reach: int


@cache
def single_day_rules() -> SingleDayRules:
    """Returns time.toml [single_day]."""
    raw = read_toml("time.toml")["single_day"]
    return word_rules(SingleDayRules, raw)


def single_days(doc: Doc, regular: list[Span]) -> list[Span]:
    """Returns the one-off mentions of a single day given to a task ("einen ganzen Samstag"), day words only; none
    in a sentence with one of the `regular` time mentions."""
    rules = single_day_rules()
    found: list[Span] = []
    for i, token in enumerate(doc):
        if _once(doc, i, rules):
            day = i  # "einmal beim Stadtfest helfen": the word is the day and its count at once
        elif token.norm_ in rules.articles:
            day = i + 1
            while day < len(doc) and doc[day].norm_ in rules.fillers:
                day += 1
            if day >= len(doc) or doc[day].norm_ not in rules.days:
                continue
        else:
            continue
        clause = _clause_after(doc, day + 1, rules.reach)
        if any(word in rules.repeats for word in clause) or not any(word in rules.tasks for word in clause):
            continue
        if any(_same_sentence(doc, i, span.start) for span in regular):
            continue
        found.append(Span(doc, i, day + 1, label="one_off"))
    return found


def _once(doc: Doc, i: int, rules: SingleDayRules) -> bool:
    """Tells whether token i is a "once" ("einmal") said of the task, not "erst einmal" (for now), "noch einmal"
    (again) or "nicht einmal" (not even)."""
    return doc[i].norm_ in rules.once and not (i > 0 and doc[i - 1].norm_ in rules.not_after)


def _clause_after(doc: Doc, start: int, reach: int) -> list[str]:
    """Returns the folded words from `start` up to `reach` of them, stopping at the end of the clause."""
    words: list[str] = []
    for j in range(start, min(start + reach, len(doc))):
        if is_boundary(doc[j]):
            break
        words.append(doc[j].norm_)
    return words


def _same_sentence(doc: Doc, i: int, j: int) -> bool:
    """Tells whether no sentence ends between tokens i and j (a comma does not end one)."""
    return not any(doc[k].norm_ in SENTENCE_ENDS or doc[k].is_space and "\n" in doc[k].text
                   for k in range(min(i, j), max(i, j)))
