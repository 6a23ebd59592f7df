"""What a search relaxed, said in the reader's words: the chat and the web pages show the same sentences."""

from __future__ import annotations

from collections.abc import Sequence

from bot.categories import categories
from bot.search.model import SearchOutcome
from bot.search.place_doubts import named_state
from bot.search.time_wish import time_fits
from bot.search.widening import REMOTE, TITLED, TITLED_ONLY, WORDED_STEPS
from bot.texts import t
from bot.texts.catalogue import decimal, language_list
from nlu.place_field import state_name

# Bearings of bot.search.areas (data/search/areas.toml) as the catalogue names the parts of a city.
_AREAS = {"0": "search.area_north", "45": "search.area_northeast", "90": "search.area_east",
          "135": "search.area_southeast", "180": "search.area_south", "225": "search.area_southwest",
          "270": "search.area_west", "315": "search.area_northwest", "centre": "search.area_centre"}


def area_words(area: str, lang: str) -> str:
    """Says where an approximate centre lies ("0" -> "vom Norden der Stadt"), from the value of an "area:" step."""
    return t(lang, _AREAS.get(area, "search.area_part"))


def widening_notes(
    widened: Sequence[str], *, asked_radius_km: float, lang: str, words: Sequence[str] = ()
) -> list[str]:
    """Says plainly what was relaxed: the radius (from the asked one to the last step), the time, the words
    (named when given, as the caller has them ready for its format: a header showing only the category does not
    show them)."""
    notes: list[str] = []
    if REMOTE in widened:  # nothing fit from home: these are done on site
        notes.append(t(lang, "search.widened_remote"))
    area = next((step.split(":", 1)[1] for step in widened if step.startswith("area:")), None)
    if area is not None:  # the centre is a part of the city no place data outlines ("Frankfurt Nord")
        notes.append(t(lang, "search.approximate_area", area=area_words(area, lang)))
    radii = [step.split(":", 1)[1] for step in widened if step.startswith("radius:")]
    if "nearest" in widened:  # nothing within the widest radius: the nearest ones farther away
        reached = max([asked_radius_km, *(float(radius) for radius in radii)])
        notes.append(t(lang, "search.widened_nearest", km=decimal(reached, lang)))
    elif radii and "matching" in widened:  # none nearby names the thing (see _farther_matches): those farther that do
        notes.append(t(lang, "search.widened_matching", from_km=decimal(asked_radius_km, lang),
                       to_km=decimal(float(radii[-1]), lang)))
    elif radii and "wished_farther" in widened:  # nothing near at the wished time: those at it farther away beside
        near_km = float(radii[-2]) if len(radii) > 1 else asked_radius_km  # where nothing was at the wished time
        notes.append(t(lang, "search.widened_wished_farther", from_km=decimal(near_km, lang),
                       to_km=decimal(float(radii[-1]), lang)))
    elif radii:
        notes.append(t(lang, "search.widened_radius", from_km=decimal(asked_radius_km, lang),
                       to_km=decimal(float(radii[-1]), lang)))
    if "time" in widened:
        notes.append(t(lang, "search.widened_time"))
    if TITLED in widened:  # listings titled with the request's words, from beyond the categories read, first
        notes.append(t(lang, "search.widened_titled"))
    elif TITLED_ONLY in widened:  # ... and none of the categories read follows them
        notes.append(t(lang, "search.widened_titled_only"))
    if "keywords" in widened:
        if words:
            notes.append(t(lang, "search.widened_keywords_named", words=" ".join(words)))
        else:
            notes.append(t(lang, "search.widened_keywords"))
    if any(not step.startswith(("radius:", "area:")) and step not in WORDED_STEPS for step in widened):
        notes.append(t(lang, "search.widened_other"))
    return notes


def outside_state_note(outcome: SearchOutcome, lang: str) -> str | None:
    """Says that nothing in the whole state asked for fits and these come from the rest of Germany (said instead
    of "you named no place"), else None."""
    state = outcome.query.get("whole_state")
    if "outside_state" not in outcome.widened or not isinstance(state, str):
        return None
    return t(lang, "search.widened_outside_state", state=state_name(state, lang))


def similar_notes(outcome: SearchOutcome, lang: str) -> list[str]:
    """Says that the answer shows only the listings answering what the request named and how many related ones it
    left out (bot.search.tiers), or that a page shows those related ones; the chat offers them by a button, the web
    by a link, the command line by an option."""
    if outcome.showing_similar:
        return [t(lang, "search.similar_shown")] if outcome.results else []
    if not outcome.others:
        return []
    # "Genau dazu passt dieses" when the answer holds a single listing, not "passen diese" above "1 Angebot".
    single = outcome.total == 1
    one = outcome.others == 1
    if outcome.unfound and outcome.results:
        # The answer said already that nothing names the thing exactly (unfound_notes): its listings are the closest
        # of the field, the others more of it, never "only similar" beside an answer that is no closer itself.
        if single:
            key = "search.similar_left_unfound_single_one" if one else "search.similar_left_unfound_single"
        else:
            key = "search.similar_left_unfound_one" if one else "search.similar_left_unfound"
    elif not _exactly(outcome):
        key = "search.similar_left_loose_one" if one else "search.similar_left_loose"
    elif single:
        key = "search.similar_left_single_one" if one else "search.similar_left_single"
    else:
        key = "search.similar_left_one" if one else "search.similar_left"
    return [t(lang, key)] if one else [t(lang, key, count=outcome.others)]


def _exactly(outcome: SearchOutcome) -> bool:
    """Tells whether the answer may say it fits exactly what was asked: it holds every word asked (none unfound, none
    let go) and searched where the text said (not all of Germany for "Tierheim in Hessen")."""
    text = outcome.query.get("text")
    state_unsearched = outcome.everywhere and isinstance(text, str) and named_state(text) is not None
    return not (outcome.unfound or "keywords" in outcome.widened or state_unsearched)


def unfound_notes(outcome: SearchOutcome, lang: str) -> list[str]:
    """Says what the request named in particular that no listing holds ("Klavier" of "Klavierunterricht"), and
    that the listings shown answer the field it read instead (bot.search.unfound)."""
    if not outcome.unfound or not outcome.results:
        return []
    words = _listed([t(lang, "search.unfound_word", word=word) for word in outcome.unfound], lang)
    table = categories()
    fields = [table[key].label(lang) for key in outcome.understood.categories if key in table]
    if not fields:
        return [t(lang, "search.unfound", words=words)]
    return [t(lang, "search.unfound_field", words=words, fields=_listed(fields, lang))]


def spoken_languages(codes: Sequence[str], lang: str, *, little_german: bool = False) -> list[str]:
    """Returns the header's parts naming the languages the person speaks ("auf Arabisch oder Farsi") and that they
    speak little German ("mit wenig Deutsch"), which rank listings that welcome them first; nothing when they said
    neither. The chat, the web pages and the CLI say it alike."""
    parts = [t(lang, "search.summary_little_german")] if little_german else []
    if not codes:
        return parts
    names = [language_list([code], lang) for code in codes]
    return [*parts, t(lang, "search.summary_languages", languages=t(lang, "search.summary_languages_or").join(names))]


def _listed(items: Sequence[str], lang: str) -> str:
    """Returns items as a sentence lists them: "Kultur und Bildung", "A, B und C"."""
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + t(lang, "search.unfound_and") + items[-1]


def asked_time(labels: Sequence[str], outcome: SearchOutcome, lang: str) -> list[str]:
    """Returns the asked time's labels as a result header lists them (the chat's, the web's and the command line's
    alike): a time wished only as a preference is said as one ("abends (wenn möglich)"), as it ranks, not filters."""
    if not labels or not outcome.understood.time_soft:
        return list(labels)
    return [t(lang, "search.summary_time_soft", times=", ".join(labels))]


def soft_time_notes(outcome: SearchOutcome, lang: str) -> list[str]:
    """Says that a time wished as a preference only ranks, when the page shows a listing at another time (without
    one, the header's "wenn möglich" says enough)."""
    understood = outcome.understood
    if not understood.time_soft:
        return []
    fits = [time_fits(understood.time, hit.time, either=understood.time_either) for hit in outcome.results]
    if all(fits):
        return []
    # "those at it come first" only where they do: a listing naming what was asked may lead at another time
    in_order = any(fits) and fits == sorted(fits, reverse=True)
    return [t(lang, "search.soft_time" if in_order else "search.soft_time_mixed")]
