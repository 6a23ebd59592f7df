"""A single day or part of one given to a task is one-off: "wo die Klasse einen Vormittag helfen kann", "einen Tag im
Wald aufräumen" (data/nlu/time.toml [single_day]).

Only the day words ("einen Vormittag") become the time mention, so the task after them ("Müll sammeln") stays a wish:
a longer time phrase would hide the interests inside it. A day repeated in its clause ("einen Tag pro Woche") is none.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from nlu.components.common import is_boundary
from nlu.word_lists import folded_set, read_toml


@dataclass(frozen=True, slots=True)
class SingleDayRules:
    """Articles, fillers and day words of a single day, what makes it a task's and what makes it repeated."""

    articles: frozenset[str]
    fillers: frozenset[str]
    days: frozenset[str]
    tasks: frozenset[str]
    repeats: frozenset[str]
    reach: int


@cache
def single_day_rules() -> SingleDayRules:
    """Returns time.toml [single_day]."""
    raw = read_toml("time.toml")["single_day"]
    return SingleDayRules(
        articles=folded_set(raw["articles"]), fillers=folded_set(raw["fillers"]), days=folded_set(raw["days"]),
        tasks=folded_set(raw["tasks"]), repeats=folded_set(raw["repeats"]), reach=int(raw["reach"]),
    )


def single_days(doc: Doc) -> list[Span]:
    """Returns the one-off mentions of a single day given to a task ("einen ganzen Samstag"), day words only."""
    rules = single_day_rules()
    found: list[Span] = []
    for i, token in enumerate(doc):
        if token.norm_ not in rules.articles:
            continue
        day = i + 1
        while day < len(doc) and doc[day].norm_ in rules.fillers:
            day += 1
        if day >= len(doc) or doc[day].norm_ not in rules.days:
            continue
        after = [doc[j].norm_ for j in range(day + 1, min(day + 1 + rules.reach, len(doc)))]
        clause = after[:next((k for k, j in enumerate(range(day + 1, day + 1 + len(after))) if is_boundary(doc[j])),
                             len(after))]
        if any(word in rules.repeats for word in clause) or not any(word in rules.tasks for word in clause):
            continue
        found.append(Span(doc, i, day + 1, label="one_off"))
    return found
