"""Where a listing's title says its task happens: "Hausaufgabenhilfe im Stadtteilzentrum", "Lesepat*in in der
Stadtteilbibliothek", "Schach-AG an der Grundschule". When the words before the place already name the task's field,
the place is the setting, not a second task: it weighs as a plain word of the text, not as the title. A place that
names the people served ("Besuchsdienst im Pflegeheim", "Gartenarbeit im Seniorenzentrum") stays the title's.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span

from nlu.kernel.text import fold
from nlu.word_lists import read_toml


@dataclass(frozen=True, slots=True)
class SettingRules:
    """The [listing.setting] section of data/nlu/interests.toml."""

    prepositions: frozenset[str]
    articles: frozenset[str]
    served: frozenset[str]
    suffix_marks: frozenset[str]
    duties: frozenset[str] = frozenset()
    duty_prepositions: frozenset[str] = frozenset()
    events: frozenset[str] = frozenset()
    event_joiners: frozenset[str] = frozenset()


@cache
def setting_rules() -> SettingRules:
    """Returns the setting rules."""
    raw = read_toml("interests.toml")["listing"]["setting"]
    return SettingRules(
        prepositions=frozenset(fold(word) for word in raw["prepositions"]),
        articles=frozenset(fold(word) for word in raw["articles"]),
        served=frozenset(raw["served"]),
        suffix_marks=frozenset(raw["suffix_marks"]),
        duties=frozenset(raw["duties"]),
        duty_prepositions=frozenset(fold(word) for word in raw["duty_prepositions"]),
        events=frozenset(raw["events"]),
        event_joiners=frozenset(fold(word) for word in raw["event_joiners"]),
    )


def title_settings(mentions: list[Span], title_length: int, starts: tuple[int, ...]) -> set[tuple[int, str]]:
    """Returns (token, category) of each title mention that is the setting of a task whose field the title names
    before it: a locative preposition ("im", "in der", "an der", "am") comes before the place, and a mention of another
    field before the preposition, unless the place names the task's field too ("Beete im Schulgarten pflegen": a school
    garden is a garden). "Übungsleiter*in Reha-Sport" has no preposition: "*in" is a gender suffix."""
    rules = setting_rules()
    title = [span for span in mentions if starts[span.start] < title_length]
    found: set[tuple[int, str]] = set()
    for span in title:
        if span.label_ in rules.served:
            continue
        doc, i = span.doc, span.start - 1
        while i >= 0 and doc[i].norm_ in rules.articles:
            i -= 1
        if i < 1 or doc[i].norm_ not in rules.prepositions or doc[i - 1].text in rules.suffix_marks:
            continue
        task = {other.label_ for other in title if other.start < i}
        place = {other.label_ for other in title if other.start == span.start}
        if task - place and not task & place:  # "Beete im Schulgarten": the place is the task's own field's too
            found.add((span.start, span.label_))
    return found | _duty_events(title, rules)


def _duty_events(title: list[Span], rules: SettingRules) -> set[tuple[int, str]]:
    """Returns (token, category) of each title mention that is the event a rescue or first-aid duty named before it is
    done at: "Sanitätsdienst bei Stadtfest und Konzerten", "Mitarbeit im Sanitätszelt beim Marathon", "Ersthelfer*innen
    für den Stadtlauf". The preposition may govern a list of events ("bei Stadtfest und Konzerten")."""
    events = {span.start for span in title if span.label_ in rules.events}
    found: set[tuple[int, str]] = set()
    for span in title:
        if span.label_ not in rules.events:
            continue
        doc, i = span.doc, span.start - 1
        while i >= 0 and (doc[i].norm_ in rules.articles or doc[i].norm_ in rules.event_joiners or i in events):
            i -= 1
        if i < 1 or doc[i].norm_ not in rules.duty_prepositions:
            continue
        if any(other.label_ in rules.duties and other.end <= i for other in title):
            found.add((span.start, span.label_))
    return found
