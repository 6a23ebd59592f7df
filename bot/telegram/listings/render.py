"""The details view of one listing: everything a volunteer needs to decide and get in touch."""

from __future__ import annotations

import html
from datetime import date

from bot.listings_view import ListingDetails
from bot.telegram.search.render import contact_line, place_line, time_line
from bot.telegram.formatting import MESSAGE_LIMIT, clip_units, esc, join_lines, line, visible_length
from bot.texts import language_list, t

# Room kept for Telegram's own counting quirks, so a long description never makes the message fail.
_SAFETY = 40


def details_text(details: ListingDetails, lang: str) -> str:
    """Returns the details message; the description gets whatever room the other fields leave."""
    head = join_lines([
        t(lang, "details.title", title=line(details.title, 200)),
        t(lang, "details.organisation", organisation=line(details.organisation, 200)),
        t(lang, "details.categories", categories=line(", ".join(details.category_labels), 300))
        if details.category_labels else "",
        _where(details, lang),
        time_line(details.time, lang, details.hours_per_month),
        _dates(details.start_date, details.end_date, lang),
    ])
    tail = join_lines([
        t(lang, "details.requirements", requirements=esc(details.requirements, 600)) if details.requirements else "",
        t(lang, "details.languages", languages=line(language_list(details.languages, lang), 200))
        if details.languages else "",
        _accessibility(details, lang),
        t(lang, "details.newcomer") if details.newcomer_friendly else "",
        t(lang, "details.contact_header"),
        contact_line(details.contact_name, details.contact_phone, details.contact_email, details.contact_url, lang),
    ])
    room = MESSAGE_LIMIT - visible_length(head) - visible_length(tail) - _SAFETY
    description = html.escape(clip_units(details.description.strip(), max(room, 0)))
    return "\n\n".join(part for part in (head, description, tail) if part)


def _where(details: ListingDetails, lang: str) -> str:
    """Returns the address line, or the place and distance, or the remote note."""
    lines = []
    if details.address:
        town = " ".join(part for part in (details.postal_code, details.place) if part)  # "34117 Kassel"
        where = ", ".join(part for part in (details.address, town) if part)
        lines.append(t(lang, "details.address", address=line(where, 300)))
    elif details.place:
        lines.append(place_line(details.place, details.distance_km, lang))
    if details.remote or not details.place:
        lines.append(t(lang, "listing.remote"))
    return join_lines(lines)


def _dates(start: date | None, end: date | None, lang: str) -> str:
    """Returns the listing's dates, if it has any."""
    def shown(day: date) -> str:
        return day.strftime("%d.%m.%Y") if lang == "de" else day.isoformat()

    if start and end == start:  # a one-day event: "am 15.05.2027", not "15.05.2027 bis 15.05.2027"
        text = t(lang, "details.date_on", start=shown(start))
    elif start and end:
        text = t(lang, "details.date_range", start=shown(start), end=shown(end))
    elif start:
        text = t(lang, "details.date_from", start=shown(start))
    elif end:
        text = t(lang, "details.date_until", end=shown(end))
    else:
        return ""
    return t(lang, "details.dates", dates=text)


def _accessibility(details: ListingDetails, lang: str) -> str:
    """Returns the accessibility line when the listing says anything about it."""
    parts = [t(lang, "details.accessible")] if details.accessible else []
    if details.accessibility_notes:
        parts.append(line(details.accessibility_notes, 300))
    return t(lang, "details.accessibility", accessibility=" · ".join(parts)) if parts else ""
