"""The result message: what was understood, what was widened, and up to five listings with their contacts."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from bot.categories import categories
from bot.conversation.radius_wish import RadiusStep, Reach
from bot.search.notes import (
    asked_time, outside_state_note, similar_notes, soft_time_notes, spoken_languages, unfound_notes, widening_notes,
)
from bot.search.model import Hit, SearchOutcome
from bot.search.place_doubts import is_city_part
from bot.telegram.formatting import join_lines, line
from bot.texts.catalogue import decimal
from bot.texts import t
from nlu.place_field import state_name

# Field limits keep five results and the header under Telegram's 4,096 characters whatever a listing holds
# (tests/telegram/test_render.py fills every field with 1,860 characters of markup to prove it).
LIMITS = {"title": 110, "organisation": 90, "place": 60, "name": 60, "phone": 30, "email": 80, "url": 100}


def results_text(
    outcome: SearchOutcome, *, offset: int, lang: str, asked_radius_km: float, kept_place: str | None = None,
    radius_step: RadiusStep | None = None, kept_interest: bool = False, said_before: Collection[str] = (),
) -> str:
    """Returns the whole result message for one page of an outcome (saying so when the place of the person's
    last search was kept for a message naming none, its interest for a message naming another place only, or a
    wish moved its radius); a note of `said_before`, said by the last answer to a follow-up keeping its words,
    is not said again."""
    parts = [t(lang, "search.header", summary=summary(outcome, lang))]
    if outcome.unknown_place:  # nothing was searched: ask where instead of searching all of Germany
        parts.append(t(lang, "search.unknown_postal_code", code=line(outcome.unknown_place, 10))
                     if outcome.unknown_postal_code
                     else t(lang, "search.city_part" if is_city_part(outcome.unknown_place) else "search.unknown_place",
                            name=line(outcome.unknown_place, LIMITS["place"])))
        return "\n".join(parts)
    parts += [note for note in subject_notes(outcome, lang=lang, asked_radius_km=asked_radius_km)
              if note not in said_before]
    if "time" in outcome.not_applied:
        parts.append(t(lang, "search.not_applied_time"))
    parts += soft_time_notes(outcome, lang)
    parts += place_notes(outcome, lang)
    if kept_place and not outcome.remote:
        parts.append(t(lang, "search.kept_place", place=line(kept_place, LIMITS["place"])))
    if kept_interest and (interest := _interest(outcome, lang)):
        parts.append(t(lang, "search.kept_interest", interest=interest))
    if radius_step is not None and not radius_step.around_place:
        parts.append(no_radius_note(outcome, lang))
    elif radius_step is not None and outcome.place is not None and not outcome.remote and (
            radius_step.at_the_end or outcome.radius_km == radius_step.to_km):
        parts.append(radius_step_note(radius_step, lang))  # else too few so close: the widening note says so
    parts += similar_notes(outcome, lang)
    if not outcome.results:  # in all of Germany neither a wider radius nor another place helps
        parts.append(t(lang, "search.nothing_anywhere" if outcome.everywhere else "search.nothing"))
        return "\n".join(parts)
    parts.append(count_line(outcome.total, offset, len(outcome.results), lang))
    blocks = [hit_block(hit, offset + index + 1, lang) for index, hit in enumerate(outcome.results)]
    return "\n\n".join(["\n".join(parts), *blocks])


def subject_notes(outcome: SearchOutcome, *, lang: str, asked_radius_km: float) -> list[str]:
    """Returns the notes on what the search relaxed and on what no listing holds, as the answer says them."""
    # The header shows the words only without a category; the note about them not fitting then names them.
    named = [line(word, 40) for word in outcome.understood.shown_words[:4]] if outcome.understood.categories else []
    notes = widening_notes(outcome.widened, asked_radius_km=asked_radius_km, lang=lang, words=named)
    return notes + [line(note, 0) for note in unfound_notes(outcome, lang)]  # category labels hold "&"


def radius_step_note(step: RadiusStep, lang: str) -> str:
    """Returns the line saying how a wish moved the radius ("weiter weg": 15 to 30 km), or that it was already
    the widest or narrowest offered."""
    if step.at_the_end:
        key = "search.radius_wider_end" if step.reach is Reach.WIDER else "search.radius_closer_end"
        return t(lang, key, km=decimal(step.to_km, lang))
    return t(lang, "search.radius_stepped", from_km=decimal(step.from_km, lang), to_km=decimal(step.to_km, lang))


def no_radius_note(outcome: SearchOutcome, lang: str) -> str:
    """Returns the line saying a wish for another radius had none to move: the search covers a whole state, is
    online, or all of Germany; it asks for a town to search around instead."""
    if outcome.remote or outcome.place is not None:  # online, or on site only as nothing online fitted
        return t(lang, "search.radius_none_online")
    if outcome.whole_state is not None:
        return t(lang, "search.radius_none_state", state=state_name(outcome.whole_state, lang))
    return t(lang, "search.radius_none_germany")


def _interest(outcome: SearchOutcome, lang: str) -> str | None:
    """Returns what the search looks for as the header names it (its areas, else its words), or None."""
    understood = outcome.understood
    table = categories()
    labels = [table[key].label(lang) for key in understood.categories if key in table]
    if labels:
        return line(", ".join(labels), 120)
    words = list(understood.shown_words)
    return line("„" + " ".join(words) + "“", 80) if words else None


def summary(outcome: SearchOutcome, lang: str) -> str:
    """Returns the understood query in one line: 'Kinder & Jugend · Kassel + 15 km · am Wochenende'."""
    understood = outcome.understood
    table = categories()
    labels = [table[key].label(lang) for key in understood.categories if key in table]
    parts = [line(", ".join(labels), 120)] if labels else []
    # Keywords are the words beyond the taxonomy ("Telefonseelsorge"); beside a category they add nothing to read.
    words = [] if labels else list(understood.shown_words)
    if words:
        parts.append(line("„" + " ".join(words) + "“", 80))
    if not parts:
        parts.append(t(lang, "search.summary_anything"))
    excluded = [table[key].label(lang) for key in understood.exclude_categories if key in table]
    if excluded:
        parts.append(t(lang, "search.summary_without", labels=line(", ".join(excluded), 80)))
    ruled_out = understood.ruled_out_places
    if ruled_out and not outcome.remote:
        parts.append(t(lang, "search.summary_without", labels=line(", ".join(ruled_out), LIMITS["place"])))
    if outcome.remote:
        parts.append(t(lang, "search.summary_remote"))
    elif outcome.unknown_place:
        pass  # the place is asked for below the header
    elif outcome.place is not None and "nearest" in outcome.widened:
        parts.append(t(lang, "search.summary_near", place=line(outcome.place.name, LIMITS["place"])))
    elif outcome.place is not None and not outcome.everywhere:
        radius = decimal(outcome.radius_km or 0, lang)
        parts.append(t(lang, "search.summary_place", place=line(outcome.place.name, LIMITS["place"]), radius=radius))
    elif outcome.whole_state is not None:
        parts.append(t(lang, "search.summary_whole_state", state=state_name(outcome.whole_state, lang)))
    else:
        parts.append(t(lang, "search.summary_everywhere"))
    parts += asked_time([t(lang, f"listing.{tag}") for tag in _known_time_tags(understood.time)], outcome, lang)
    parts += spoken_languages(understood.languages, lang, little_german=understood.little_german)
    return " · ".join(parts)


def place_notes(outcome: SearchOutcome, lang: str) -> list[str]:
    """Says that no place was named (all of Germany), or which places were ruled out ("Kassel lasse ich weg."), or
    that a whole state's listings are shown;
    online help has no place to name (as on the web)."""
    if outcome.remote:
        return []
    ruled_out = outcome.understood.ruled_out_places
    places = line(", ".join(ruled_out), LIMITS["place"])
    if (outside := outside_state_note(outcome, lang)) is not None:  # nothing in all of Sachsen fits
        return [outside]
    if outcome.everywhere:
        return [t(lang, "search.everywhere_ruled_out", places=places) if ruled_out else t(lang, "search.everywhere")]
    notes = [t(lang, "search.ruled_out", places=places)] if ruled_out else []
    if outcome.whole_state is not None:  # "ganz Sachsen" pressed: said how they are ordered, and how to narrow
        notes.append(t(lang, "search.whole_state", state=state_name(outcome.whole_state, lang)))
    return notes


def count_line(total: int, offset: int, shown: int, lang: str) -> str:
    """Returns '23 Angebote gefunden, hier 6–10:'."""
    if total == 1 and shown == 1:
        return t(lang, "search.count_one")
    if shown == 1:
        return t(lang, "search.count_last", total=total, number=offset + 1)
    if offset == 0 and shown == total:  # all on this page: "hier 1–2" would number what needs no numbering
        return t(lang, "search.count_all", total=total)
    return t(lang, "search.count", total=total, first=offset + 1, last=offset + shown)


def hit_block(hit: Hit, number: int, lang: str) -> str:
    """Returns one result: title, organisation, place and distance, time, contact."""
    return join_lines([
        t(lang, "listing.title", number=number, title=line(hit.title, LIMITS["title"])),
        t(lang, "listing.organisation", organisation=line(hit.organisation, LIMITS["organisation"])),
        place_line(hit.place, hit.distance_km, lang, remote=hit.remote),
        time_line(hit.time, lang),
        contact_line(hit.contact.name, hit.contact.phone, hit.contact.email, hit.contact.url, lang),
    ])


def place_line(place: str | None, distance_km: float | None, lang: str, *, remote: bool = False) -> str:
    """Returns '📍 Kassel · 3,2 km', with '💻 online' after it for a listing that can be done from home, or the
    remote note when a listing has no place."""
    if not place:
        return t(lang, "listing.remote")
    name = line(place, LIMITS["place"])
    if distance_km is None:
        where = t(lang, "listing.place", place=name)
    else:
        where = t(lang, "listing.place_distance", place=name, distance=decimal(distance_km, lang))
    return f"{where} · {t(lang, 'listing.online')}" if remote else where


def time_line(tags: Iterable[str], lang: str, hours: int | None = None) -> str:
    """Returns '🕒 am Wochenende · regelmäßig · 4 Std. im Monat', or nothing when nothing is known."""
    labels = [t(lang, f"listing.{tag}") for tag in _known_time_tags(tags)]
    if hours:
        labels.append(t(lang, "listing.hours", hours=hours))
    return t(lang, "listing.time", time=" · ".join(labels)) if labels else ""


def contact_line(name: str | None, phone: str | None, email: str | None, url: str | None, lang: str) -> str:
    """Returns the contact person, phone, email and website in one line."""
    pieces = [
        t(lang, "listing.contact", name=line(name, LIMITS["name"])) if name else "",
        t(lang, "listing.phone", phone=line(phone, LIMITS["phone"])) if phone else "",
        t(lang, "listing.email", email=line(email, LIMITS["email"])) if email else "",
        t(lang, "listing.url", url=line(url, LIMITS["url"])) if url else "",
    ]
    return " · ".join(piece for piece in pieces if piece)


def _known_time_tags(tags: Iterable[str]) -> list[str]:
    """Keeps the time tags the catalogue has labels for, in their usual order."""
    order = ("weekday", "weekend", "daytime", "evening", "one_off", "regular")
    present = {str(tag) for tag in tags}
    return [tag for tag in order if tag in present]
