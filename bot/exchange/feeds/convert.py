"""Turning a feed's offers into listings, forgivingly: refused only without a title or without any place
(and not online); everything else is kept as well as it can be and noted for the report."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from bot.exchange import values
from bot.exchange.feeds.labels import LabelMap
from bot.exchange.feeds.offer import FeedOffer
from bot.exchange.feeds.places import FeedPlaces, is_online
from bot.exchange.feeds.sources import SourceConfig
from bot.exchange.htmltext import html_to_text
from bot.exchange.validate import Listing, shortened
from bot.shortening import SPACE_AND_PUNCTUATION, WORD
from bot.shortening import shortened as cut_to
from bot.store.models import Opportunity, Organisation
from nlu.kernel.text import fold

TITLE_MAX: int = Opportunity.__table__.c.title.type.length  # type: ignore[attr-defined]
_EMAIL = re.compile(r"[^@\s<>()\[\],;:\"]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Notice:
    """Something a person should know about one offer; grouped by reason in the report."""

    where: str
    reason: str
    refused: bool = False


@dataclass(slots=True)
class Converted:
    """The listings of a feed, the offers refused, and the notes on the others."""

    listings: list[Listing] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    unknown_labels: dict[str, int] = field(default_factory=dict)
    without_contact: int = 0
    agency_contact: int = 0
    precision: dict[str, int] = field(default_factory=dict)
    refused_ids: set[tuple[str, str]] = field(default_factory=set)  # refused offers that name their id


def convert(offers: list[FeedOffer], *, source_of: dict[str, str], places: FeedPlaces, labels: LabelMap,
            agencies: dict[str, SourceConfig]) -> Converted:
    """Converts every offer; source_of maps an offer's agency id to its source ("" for the feed's default)."""
    result = Converted()
    seen: dict[tuple[str, str], str] = {}
    for offer in offers:
        source = source_of.get(offer.agency_id) or source_of[""]
        listing = _listing(offer, source, places, labels, agencies[source], result)
        if listing is None:
            if offer.external_id.strip():  # still in the snapshot: its stored listing is not withdrawn
                result.refused_ids.add((source, offer.external_id.strip()))
            continue
        if listing.key in seen:
            result.notices.append(Notice(offer.where, f"the same offer id as {seen[listing.key]}: kept the first",
                                         refused=True))
            continue
        seen[listing.key] = offer.where
        result.listings.append(listing)
    return result


def _listing(offer: FeedOffer, source: str, places: FeedPlaces, labels: LabelMap, agency: SourceConfig,
             result: Converted) -> Listing | None:
    """Converts one offer, or notes why it is refused."""
    note = result.notices.append
    title = " ".join(html_to_text(offer.title).split())
    online = is_online(offer)
    placement = places.place(offer)
    if not title:
        note(Notice(offer.where, "no title (angebotsname)", refused=True))
        return None
    if placement is None and not online:
        note(Notice(offer.where, "no place (no coordinates, plz, ortsteil or ort) and not online", refused=True))
        return None
    if len(title) > TITLE_MAX:
        title = cut_to(title, TITLE_MAX, ends=WORD, strip=SPACE_AND_PUNCTUATION)
        note(Notice(offer.where, f"title longer than {TITLE_MAX} characters: shortened"))
    organisation = _organisation(offer, source)
    if not offer.external_id.strip():  # the next export can only find it again by these: said, as the CSV import does
        note(Notice(offer.where, "no offer id (angebotsId): one derived from organisation, title and place "
                                 "(a changed title then counts as a new listing)"))
    categories, unknown = labels.categories_of(offer.labels, offer.targets)
    for label in unknown:
        result.unknown_labels[label] = result.unknown_labels.get(label, 0) + 1
    opportunity: dict[str, Any] = {
        "title": title,
        "description": _description(offer),
        "requirements": _text(offer.requirements) or None,
        "categories": categories,
        "feed_hints": unknown or None,
        "remote": online,
        "accessibility_notes": _text(offer.accessibility)[:500] or None,
        "status": "published",
        "source": source,
        "external_id": (
            offer.external_id.strip() or _derived_id(organisation["name"], title, offer.quarter + offer.town)
        ),
    }
    if placement is not None:
        opportunity.update(place_name=(placement.place_name or "")[:200] or None, lat=placement.lat,
                           lon=placement.lon, postal_code=placement.postal_code,
                           address=(placement.address or "")[:300] or None, state=placement.state,
                           district=placement.district,
                           place_precision=placement.precision.value if placement.precision else None)
        if placement.note:
            note(Notice(offer.where, placement.note))
        key = placement.precision.value if placement.precision else "none"
        result.precision[key] = result.precision.get(key, 0) + 1
    else:
        result.precision["online"] = result.precision.get("online", 0) + 1
    _contact(offer, opportunity, agency, result)
    opportunity["feed_hash"] = fingerprint(opportunity, organisation)
    return Listing(offer.where, opportunity, organisation)


def _organisation(offer: FeedOffer, source: str) -> dict[str, Any]:
    """Returns the organisation's values; an offer without one belongs to its agency."""
    limit: int = Organisation.__table__.c.name.type.length  # type: ignore[attr-defined]
    name = " ".join(html_to_text(offer.organisation or offer.agency_name).split())[:limit] or "Ohne Angabe"
    values_: dict[str, Any] = {"name": name, "source": source,
                               "external_id": offer.organisation_id.strip() or _derived_id(name)}
    if email := _email(offer.organisation_email):
        values_["contact_email"] = email
    if phone := _phone(offer.organisation_phone):
        values_["contact_phone"] = phone
    if url := _url(offer.organisation_url):
        values_["website"] = url
    return values_


def _description(offer: FeedOffer) -> str:
    """Returns the description as text, with what else the feed says of the offer under short headings."""
    parts = [shortened(html_to_text(offer.description or offer.short_description))]  # a pasted picture: megabytes
    if offer.timeframe.strip():
        parts.append(f"Zeitlicher Rahmen: {_text(offer.timeframe)}")
    if offer.benefits.strip():
        parts.append(f"Das bieten wir: {_text(offer.benefits)}")
    if offer.organisation_details.strip():
        parts.append(f"Über die Einrichtung: {_text(offer.organisation_details)[:800]}")
    return "\n\n".join(part for part in parts if part)


def _contact(offer: FeedOffer, opportunity: dict[str, Any], agency: SourceConfig, result: Converted) -> None:
    """Fills the contact: the offer's own, else (at search time) its organisation's, else the agency's."""
    name = " ".join(part for part in (offer.contact_name, f"({offer.contact_function})" if offer.contact_function
                                      else "") if part)
    phone = _phone(offer.contact_phone) or _phone(offer.contact_mobile)
    if offer.contact_phone.strip() and phone and not _is_plain_phone(offer.contact_phone):
        result.notices.append(Notice(offer.where, "phone number kept as written (not a plain number)"))
    own = {"contact_name": name[:200] or None, "contact_phone": phone, "contact_email": _email(offer.contact_email),
           "contact_url": _url(offer.contact_url)}
    reachable = any(own[key] for key in ("contact_phone", "contact_email", "contact_url"))
    organisation_reachable = any((offer.organisation_email, offer.organisation_phone, offer.organisation_url))
    if not reachable and not organisation_reachable:
        agency_name = agency.agency or offer.agency_name
        if agency.phone or agency.email or agency.url:
            own = {"contact_name": (own["contact_name"] or agency_name or None),
                   "contact_phone": _phone(agency.phone), "contact_email": _email(agency.email),
                   "contact_url": _url(agency.url)}
            result.agency_contact += 1
        else:
            own["contact_name"] = own["contact_name"] or (agency_name[:200] if agency_name else None)
            result.without_contact += 1
    opportunity.update(own)


def _is_plain_phone(text: str) -> bool:
    """Tells whether a phone cell is a plain number as written."""
    try:
        values.to_phone(text)
        return True
    except values.Invalid:
        return False


def _phone(text: str) -> str | None:
    """Keeps a phone cell as written when it holds a number ("0201/8691327 oder 869130"); None without digits."""
    text = " ".join(text.split())
    if sum(character.isdigit() for character in text) < 5:
        return None
    return text[:50]


def _email(text: str) -> str | None:
    """Returns the first plausible email address in a cell."""
    match = _EMAIL.search(text.removeprefix("mailto:"))
    return match.group(0)[:320] if match else None


def _url(text: str) -> str | None:
    """Returns the first web address in a cell ('www.' gets 'https://')."""
    match = _URL.search(text)
    if not match:
        return None
    url = match.group(0).rstrip(".,;)")
    return (url if url.lower().startswith("http") else f"https://{url}")[:500]


def _text(text: str) -> str:
    """Returns a cell as clean text."""
    return html_to_text(text).strip()


def _derived_id(*parts: str) -> str:
    """Derives a stable id from folded text, for feeds that give none."""
    digest = hashlib.sha256("\x1f".join(fold(part) for part in parts).encode()).hexdigest()
    return f"auto:{digest[:20]}"


def fingerprint(opportunity: dict[str, Any], organisation: dict[str, Any]) -> str:
    """Returns a short hash of what the feed says of a listing and its organisation: equal means unchanged."""
    parts = [f"{key}={opportunity[key]!r}" for key in sorted(opportunity) if key != "feed_hash"]
    parts += [f"org.{key}={organisation[key]!r}" for key in sorted(organisation)]
    return hashlib.blake2b("\x1f".join(parts).encode(), digest_size=16).hexdigest()
