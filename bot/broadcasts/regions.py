"""Checking the region of an audience typed by an operator: a state or district that does not exist is refused
with suggestions, instead of an announcement that silently reaches nobody ("Hessn")."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rapidfuzz import fuzz, process

from bot.broadcasts.audience import AudienceError
from nlu.kernel.gazetteer import Gazetteer
from nlu.kernel.text import fold

SUGGESTIONS = 3
_CUTOFF = 60


def checked_region(state: str | None, district: str | None, gazetteer: Gazetteer) -> tuple[str | None, str | None]:
    """Returns the state and district as the database spells them; raises AudienceError with suggestions."""
    if state is None:
        if district:
            raise AudienceError("a district needs its state (--state)")
        return None, None
    states = gazetteer.states()  # code -> name
    by_key = {fold(name): (code, name) for code, name in states.items()}
    found = by_key.get(fold(state))
    if found is None:
        raise AudienceError(f"unknown state {state!r}{did_you_mean(state, states.values())}")
    code, name = found
    if not district:
        return name, None
    districts = {fold(d.name): d.name for d in gazetteer.districts(code)}
    if not districts:
        raise AudienceError(f"districts are known for Hessen and Sachsen only, not for {name}")
    known = districts.get(fold(district))
    if known is None:
        raise AudienceError(f"unknown district {district!r} in {name}{did_you_mean(district, districts.values())}")
    return name, known


def did_you_mean(word: str, choices: Iterable[str] | Mapping[str, str]) -> str:
    """Returns '; did you mean A, B?' for the closest choices, or '' when none is close.

    With a mapping, the word is compared with its keys (names people write) and the values are suggested.
    """
    named = dict(choices) if isinstance(choices, Mapping) else {choice: choice for choice in choices}
    hits = process.extract(word, list(named), scorer=fuzz.WRatio, processor=fold, limit=SUGGESTIONS * 3,
                           score_cutoff=_CUTOFF)
    suggested = list(dict.fromkeys(named[hit[0]] for hit in hits))[:SUGGESTIONS]
    return f"; did you mean {', '.join(suggested)}?" if suggested else ""
