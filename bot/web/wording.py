"""Lines of the web pages in the reader's language, from the catalogues the chat uses (plain text, escaped later)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from bot.categories import categories
from bot.listings_view import ListingDetails
from bot.search import notes as search_notes
from bot.search.model import SearchOutcome
from bot.texts import t
from bot.texts.catalogue import decimal
from nlu.place_field import state_name

TIME_ORDER = ("weekday", "weekend", "daytime", "evening", "one_off", "regular")


def time_labels(tags: Iterable[str], lang: str, hours: int | None = None) -> list[str]:
    """Returns time tags as words in their usual order, and the hours a month when known."""
    present = {str(tag) for tag in tags}
    labels = [t(lang, f"listing.{tag}") for tag in TIME_ORDER if tag in present]
    if hours:
        labels.append(t(lang, "listing.hours", hours=hours))
    return labels


def category_labels(keys: Iterable[str], lang: str) -> list[str]:
    """Returns taxonomy keys as labels in the reader's language (unknown keys are left out)."""
    table = categories()
    return [table[key].label(lang) for key in keys if key in table]


def distance_text(distance_km: float | None, lang: str) -> str:
    """Returns '3,2 km entfernt', or nothing without a distance."""
    return t(lang, "web.distance", distance=decimal(distance_km, lang)) if distance_km is not None else ""


def region_text(district: str | None, state: str | None, place: str | None) -> str:
    """Returns 'Landkreis Kassel, Hessen' (the district is left out when it only repeats the place)."""
    parts = [part for part in (district, state) if part and part != place]
    return ", ".join(dict.fromkeys(parts))


def accessibility_line(details: ListingDetails, lang: str) -> str:
    """Returns what the listing says about accessibility: 'barrierefrei · Aufzug am Seiteneingang'."""
    parts = [t(lang, "details.accessible")] if details.accessible else []
    if details.accessibility_notes:
        parts.append(" ".join(details.accessibility_notes.split()))
    return " · ".join(parts)


def dates_text(start: date | None, end: date | None, lang: str) -> str:
    """Returns the listing's dates ('ab 01.03.2027'), or nothing."""
    def shown(day: date) -> str:
        return day.strftime("%d.%m.%Y") if lang == "de" else day.isoformat()

    if start and end == start:  # a one-day event: "am 15.05.2027", not "15.05.2027 bis 15.05.2027"
        return t(lang, "details.date_on", start=shown(start))
    if start and end:
        return t(lang, "details.date_range", start=shown(start), end=shown(end))
    if start:
        return t(lang, "details.date_from", start=shown(start))
    if end:
        return t(lang, "details.date_until", end=shown(end))
    return ""


def summary(outcome: SearchOutcome, lang: str) -> str:
    """Returns what was searched in one line, as the chat's result header says it."""
    understood = outcome.understood
    labels = category_labels(understood.categories, lang)
    parts = [", ".join(labels)] if labels else []
    words = [] if labels else list(understood.shown_words)
    if words:
        parts.append("„" + " ".join(words) + "“")
    if not parts:
        parts.append(t(lang, "search.summary_anything"))
    excluded = category_labels(understood.exclude_categories, lang)
    if excluded:
        parts.append(t(lang, "search.summary_without", labels=", ".join(excluded)))
    if understood.ruled_out_places and not outcome.remote:
        parts.append(t(lang, "search.summary_without", labels=", ".join(understood.ruled_out_places)))
    if outcome.remote:
        parts.append(t(lang, "search.summary_remote"))
    elif outcome.place is not None and not outcome.everywhere:
        parts.append(t(lang, "search.summary_place", place=outcome.place.name,
                       radius=decimal(outcome.radius_km or 0, lang)))
    elif outcome.whole_state is not None:
        parts.append(t(lang, "search.summary_whole_state", state=state_name(outcome.whole_state, lang)))
    else:
        parts.append(t(lang, "search.summary_everywhere"))
    parts += search_notes.asked_time(time_labels(understood.time, lang), outcome, lang)
    parts += search_notes.spoken_languages(understood.languages, lang, little_german=understood.little_german)
    return " · ".join(parts)


def widening_notes(outcome: SearchOutcome, *, asked_radius_km: float, lang: str, embedded: bool = False) -> list[str]:
    """Says what was relaxed, in the chat's words; what could not be applied (a time the listings say nothing
    about); and when no place was given. Embedded in another site, the page has no place field to point to."""
    notes = search_notes.widening_notes(outcome.widened, asked_radius_km=asked_radius_km, lang=lang)
    if "time" in outcome.not_applied:
        notes.append(t(lang, "search.not_applied_time"))
    notes += search_notes.soft_time_notes(outcome, lang)
    ruled_out = ", ".join(outcome.understood.ruled_out_places)
    if outcome.remote:
        return notes
    if (outside := search_notes.outside_state_note(outcome, lang)) is not None:  # nothing in all of Sachsen fits
        notes.append(outside)
    elif outcome.nationwide and not ruled_out:  # "Senioren bundesweit": as asked, not "you named no place"
        notes.append(t(lang, "web.nationwide_asked_embed" if embedded else "web.nationwide_asked"))
    elif outcome.everywhere:
        notes.append(t(lang, "search.everywhere_ruled_out", places=ruled_out) if ruled_out
                     else t(lang, "search.everywhere"))
    elif ruled_out:
        notes.append(t(lang, "search.ruled_out", places=ruled_out))
    if outcome.whole_state is not None:  # "ganz Sachsen": how they are ordered, and how to narrow
        notes.append(t(lang, "web.whole_state_embed" if embedded else "web.whole_state",
                       state=state_name(outcome.whole_state, lang)))
    return notes


def count_text(total: int, offset: int, shown: int, lang: str) -> str:
    """Returns '23 Angebote gefunden, hier 11–20'."""
    if total == 1 and shown == 1:
        return t(lang, "web.count_one")
    if shown == 1:
        return t(lang, "web.count_last", total=total, number=offset + 1)
    if offset == 0 and shown == total:  # all on this page: "hier 1–2" would number what needs no numbering
        return t(lang, "web.count_all", total=total)
    return t(lang, "web.count", total=total, first=offset + 1, last=offset + shown)
