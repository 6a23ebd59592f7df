"""The names feeds give their fields (freinet CSV headings, freinet XML tags, agencies' JSON keys) and how a
value of any shape (text, list, nested object) lands on a FeedOffer."""

from __future__ import annotations

import re
from typing import Any

from bot.exchange.feeds.offer import FeedOffer
from nlu.kernel.text import fold

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_LIST_SPLIT = re.compile(r"\s*(?:[;|\n]|,(?!\d))\s*")

# Folded name -> FeedOffer attribute ("" = known, carries nothing a listing needs: statistics, images, dates).
NAMES: dict[str, str] = {
    "angebotsid": "external_id", "angebots id": "external_id", "id": "external_id", "offer id": "external_id",
    "angebotsname": "title", "name": "title", "titel": "title", "title": "title",
    "beschreibung": "description", "description": "description", "text": "description",
    "kurz beschreibung": "short_description", "kurzbeschreibung": "short_description", "summary": "short_description",
    "einrichtungsname": "organisation", "org": "organisation", "organisation": "organisation",
    "organization": "organisation", "einrichtung": "organisation", "traeger": "organisation",
    "einrichtungs id": "organisation_id", "einrichtungsid": "organisation_id", "org id": "organisation_id",
    "organisation id": "organisation_id",
    "einrichtung details": "organisation_details", "org description": "organisation_details",
    "agenturid": "agency_id", "agentur id": "agency_id", "agency id": "agency_id",
    "agenturname": "agency_name", "agentur": "agency_name", "agency": "agency_name", "agency name": "agency_name",
    "strasse": "street", "street": "street", "adresse": "street", "address": "street", "anschrift": "street",
    "plz": "postal_code", "postal code": "postal_code", "postleitzahl": "postal_code", "zip": "postal_code",
    "ort": "town", "city": "town", "stadt": "town", "town": "town", "einsatzort": "town",
    "ortsteil": "quarter", "stadtteil": "quarter", "quarter": "quarter", "stadtbezirk": "quarter",
    "latitude": "lat", "lat": "lat", "geo breite": "lat", "breitengrad": "lat",
    "longitude": "lon", "lon": "lon", "lng": "lon", "geo laenge": "lon", "laengengrad": "lon",
    "handlungsfelder": "labels", "handlungsfeld": "labels", "categories": "labels", "kategorien": "labels",
    "taetigkeitsfelder": "labels", "bereiche": "labels",
    "zielgruppen": "targets", "zielgruppe": "targets", "targets": "targets", "target groups": "targets",
    "stadtteile": "quarters",
    "zeitlicherrahmen": "timeframe", "zeitlicher rahmen": "timeframe", "timeframe": "timeframe",
    "termine": "timeframe", "zeitaufwand": "timeframe", "zeiten": "timeframe",
    "anforderungen": "requirements", "requirements": "requirements", "voraussetzungen": "requirements",
    "leistungen": "benefits", "benefits": "benefits",
    "barrierefreiheit": "accessibility", "accessibility": "accessibility",
    "vorname": "first_name", "first name": "first_name", "nachname": "last_name", "last name": "last_name",
    "funktion": "contact_function", "function": "contact_function", "role": "contact_function",
    "email": "contact_email", "e mail": "contact_email", "mail": "contact_email",
    "telefon": "contact_phone", "phone": "contact_phone", "tel": "contact_phone",
    "mobil": "contact_mobile", "mobile": "contact_mobile", "handy": "contact_mobile",
    "url": "contact_url", "link": "contact_url", "website": "contact_url", "homepage": "contact_url",
    "kontaktierbar": "contactable",
    "online": "online", "remote": "online", "digital": "online",
    "wertigkeit": "", "avatar": "", "anzahl gesuche": "", "anzahl vermittlungen": "",
    "anzahl aktueller vermittlungen": "", "bearbeitet": "", "erstellt": "", "image": "", "bild": "",
    "updated": "", "created": "",
}
# Nested objects: a contact, an organisation, an address.
CONTACT_BLOCKS = {"kontakt", "contact", "ansprechpartner", "ansprechperson", "kontaktperson"}
ORGANISATION_BLOCKS = {"org", "organisation", "organization", "einrichtung", "einrichtung details", "traeger"}
ADDRESS_BLOCKS = {"address", "adresse", "anschrift", "location", "ort", "einsatzort"}
_ORGANISATION_PARTS = {
    "title": "organisation", "external_id": "organisation_id", "description": "organisation_details",
    "contact_email": "organisation_email", "contact_phone": "organisation_phone", "contact_url": "organisation_url",
    "organisation": "organisation", "organisation_id": "organisation_id", "short_description": "organisation_details",
}
_LIST_FIELDS = {"labels", "targets", "quarters"}
_TRUE = {"1", "ja", "yes", "true", "x", "online", "wahr"}


def key_of(name: str) -> str:
    """Folds a heading, tag or key: '_angebotsId' -> 'angebotsid', 'geo_breite' -> 'geo breite'."""
    return " ".join(_NOT_ALNUM.sub(" ", fold(name)).split())


def target_of(name: str) -> str | None:
    """Returns the FeedOffer attribute a field fills, "" for known but unused, None for unknown."""
    return NAMES.get(key_of(name))


def assign(offer: FeedOffer, name: str, value: Any, *, block: str = "") -> bool:
    """Puts one field's value on the offer; returns False when the field is unknown (to report it)."""
    key = key_of(name)
    if isinstance(value, dict):
        return _assign_block(offer, key, value)
    target = NAMES.get(key)
    if target is None:
        return False
    if block == "organisation":
        target = _ORGANISATION_PARTS.get(target, "")
    elif block == "contact" and target == "title":
        target = "contact_name"  # a contact's "name" is the person's, not the offer's
    if not target:
        return True
    if target in _LIST_FIELDS:
        getattr(offer, target).extend(as_list(value))
    elif target == "online":
        offer.online = offer.online or as_text(value).strip().lower() in _TRUE
    elif target in ("first_name", "last_name"):
        parts = [offer.contact_name, as_text(value)] if target == "last_name" else [as_text(value), offer.contact_name]
        offer.contact_name = " ".join(part for part in parts if part)
        return True
    elif target == "timeframe" and offer.timeframe:  # termine and zeitlicherrahmen both say when
        text = as_text(value)
        if text and text not in offer.timeframe:
            offer.timeframe = f"{offer.timeframe}; {text}"
    elif target == "contact_name" and offer.contact_name:
        offer.contact_name = f"{offer.contact_name} {as_text(value)}".strip()
    elif not getattr(offer, target):
        setattr(offer, target, as_text(value))
    return True


def _assign_block(offer: FeedOffer, key: str, value: dict[str, Any]) -> bool:
    """Spreads a nested object (contact, organisation, address) over the offer."""
    if key in CONTACT_BLOCKS:
        for name, inner in value.items():
            assign(offer, name, inner, block="contact")
        return True
    if key in ORGANISATION_BLOCKS:
        for name, inner in value.items():
            assign(offer, name, inner, block="organisation")
        return True
    if key in ADDRESS_BLOCKS:
        for name, inner in value.items():
            assign(offer, name, inner)
        return True
    return False


def as_text(value: Any) -> str:
    """Returns a value as text (a list joined by commas)."""
    if value is None or isinstance(value, dict):
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(as_text(item) for item in value if as_text(item))
    if isinstance(value, bool):
        return "ja" if value else ""
    return str(value).strip()


def as_list(value: Any) -> list[str]:
    """Returns a value as a list of labels: a JSON list, or text separated by ; | , or line breaks."""
    if isinstance(value, (list, tuple)):
        items = [as_text(item.get("name") or item.get("label") if isinstance(item, dict) else item) for item in value]
    else:
        items = _LIST_SPLIT.split(as_text(value))
    return [item.strip() for item in items if item and item.strip()]
