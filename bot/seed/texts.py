"""Titles, descriptions and requirements of demo listings, composed from the corpus' fragments."""

from __future__ import annotations

import random
import re
import string
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

from bot.seed.corpus import Activity
from bot.seed.register import formal
from bot.seed.schedule import Schedule

_WORDS = re.compile(r"[^\W\d_]+")
_PLACEHOLDER = re.compile(r"\{[^}]*\}")
MAX_SENTENCES = 5  # descriptions have two to five sentences: task and time always, the rest by chance
_OPTIONAL_PARTS = ("opener", "task", "impact", "offers", "requirement", "closer")


def fill(template: str, values: Mapping[str, str]) -> str:
    """Fills a template's {placeholders}; raises KeyError when one has no value."""
    return template.format_map(values)


@cache
def fields(template: str) -> frozenset[str]:
    """Returns the placeholder names of a template."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


def usable(templates: Iterable[str], values: Mapping[str, str]) -> list[str]:
    """Returns the templates whose placeholders all have values (no river texts where no river is known)."""
    return [template for template in templates if fields(template) <= values.keys()]


def title(rng: random.Random, activity: Activity, schedule: Schedule, context: Mapping[str, str],
          patterns: Mapping[str, list[str]], *, big_city: bool) -> str:
    """Returns a base title of the activity, often completed with the place, a quarter, the days or a date."""
    template = rng.choice(usable(activity.titles, context))
    base = fill(template, context)
    roll = rng.random()
    values = {**context, **schedule.hints, "title": base}
    if roll < 0.25 or "{place}" in template:
        return base
    if roll < 0.6:
        # the draw is made either way: a city without known quarters ("") keeps the stream of draws as it was
        kind = ("quarter" if big_city and "quarter" in context and rng.random() < 0.4 and context["quarter"]
                else "place")
    elif roll < 0.82:
        kind = "event" if "date" in schedule.hints else "time"
    else:
        kind = "neutral"
    fitting = usable(patterns[kind], values)
    if ": " in base:  # "Kinderfeuerwehr: Helfer:in gesucht" takes no "Ehrenamt: " or "Kassel: " before it
        fitting = [pattern for pattern in fitting if ": " not in pattern]
    if not fitting:
        return base
    pattern = rng.choice(fitting)
    if _repeats(base, pattern):
        # No word twice: "Helfer:in gesucht" takes no "gesucht" after it, "Ehrenamtliche Begleitung" no "Ehrenamt: ".
        # Another pattern is drawn by a generator of this title's own, so the demo's stream (and every other
        # listing) stays as it was.
        others = [other for other in fitting if not _repeats(base, other)]
        return fill(random.Random(base).choice(others), values) if others else base
    return fill(pattern, values)


def _repeats(base: str, pattern: str) -> bool:
    """Tells whether a title pattern adds a word (of five letters or more) the base title already holds."""
    added = {word.lower() for word in _WORDS.findall(_PLACEHOLDER.sub(" ", pattern)) if len(word) >= 5}
    held = [word.lower() for word in _WORDS.findall(base)]
    return any(word.startswith(new) for new in added for word in held)


def description(rng: random.Random, activity: Activity, schedule: Schedule, requirement: str,
                context: Mapping[str, str], phrases: Mapping[str, Any], register: str) -> str:
    """Returns two to five sentences: what you do, maybe whom it helps and what we offer, and when."""
    voice = phrases[register]
    possible = usable(activity.tasks, context)
    tasks = rng.sample(possible, k=min(2, len(possible)))
    candidates = {
        "opener": rng.choice(voice["openers"]),
        "task": tasks[1] if len(tasks) > 1 else "",
        "impact": rng.choice(activity.impact) if activity.impact else "",
        "offers": _offers(rng, activity, voice, phrases["offers"]),
        "requirement": rng.choice(voice["requirement_echo"]).format(requirement=requirement) if requirement else "",
        "closer": rng.choice(voice["closers"]),
    }
    available = [name for name in _OPTIONAL_PARTS if candidates[name]]
    extra = rng.randint(0, MAX_SENTENCES - 2)
    chosen = set(rng.sample(available, k=min(extra, len(available))))
    parts = [candidates["opener"]] if "opener" in chosen else []
    parts.append(tasks[0])
    parts += [candidates[name] for name in ("task", "impact") if name in chosen]
    parts.append(schedule.sentence)
    parts += [candidates[name] for name in ("offers", "requirement", "closer") if name in chosen]
    text = fill(" ".join(_in_register(parts, register)), context)
    if rng.random() < 0.2:  # some organisations write in paragraphs
        text = text.replace(f" {schedule.sentence}", f"\n\n{schedule.sentence}", 1)
    return text


def requirements(rng: random.Random, activity: Activity, phrases: Mapping[str, Any], context: Mapping[str, str],
                 register: str, *, languages: Sequence[str], newcomer: bool) -> str:
    """Returns what volunteers need: the activity's requirements, languages wanted, no German needed."""
    chosen = rng.sample(activity.requirements, k=min(len(activity.requirements), rng.randint(1, 2)))
    if rng.random() < 0.3:
        chosen.append(rng.choice(phrases["requirements"]["general"]))
    if languages:
        names = [phrases["languages"][code] for code in languages]
        spoken = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} oder {names[-1]}"
        chosen.append(rng.choice(phrases["language_sentences"]["wanted"]).format(languages=spoken))
    if newcomer:
        chosen.append(phrases["requirements"]["german_optional"])
    return fill(" ".join(_in_register(dict.fromkeys(chosen), register)), context)


def _in_register(templates: Iterable[str], register: str) -> list[str]:
    """Returns the templates as they are ("du") or rewritten with "Sie" (before filling, so it caches well)."""
    return [formal(template) for template in templates] if register == "sie" else list(templates)


def _offers(rng: random.Random, activity: Activity, voice: Mapping[str, Any], offers: Mapping[str, Any]) -> str:
    """Returns a sentence listing two or three things the organisation offers."""
    items = rng.sample(offers["common"][:8], k=1) + rng.sample(offers["common"], k=rng.randint(1, 2))
    if activity.support and rng.random() < 0.7:
        items.insert(0, rng.choice(offers["support"]))
    if activity.first_aid and rng.random() < 0.5:
        items.append(offers["first_aid"])
    items = list(dict.fromkeys(items))[:3]
    listed = items[0] if len(items) == 1 else f"{', '.join(items[:-1])} und {items[-1]}"
    intro: str = rng.choice(voice["offers_intro"])
    return intro.format(items=listed)
