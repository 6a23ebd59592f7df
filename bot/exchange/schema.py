"""The exchange record: one flat record per listing with its organisation embedded (see SCHEMA.md).

The same field names serve CSV columns and JSON keys. Column sizes come from the store's models, so the
import refuses exactly what the database could not hold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from bot.categories import category_by_name
from bot.domain import OpportunityStatus, OrganisationKind, TimeTag
from bot.store.models import Opportunity, Organisation
from nlu.kernel.text import fold


class Kind(StrEnum):
    """How a field's value is read and written."""

    TEXT = "text"
    HTML = "html"  # text that may arrive as HTML and is cleaned
    INT = "int"
    FLOAT = "float"
    BOOL = "bool"
    DATE = "date"
    DATETIME = "datetime"
    LIST = "list"
    EMAIL = "email"
    URL = "url"
    PHONE = "phone"


@dataclass(frozen=True, slots=True)
class Field:
    """One field of the exchange record and the column it fills."""

    name: str
    kind: Kind
    table: str  # "opportunity" or "organisation"
    column: str
    max_length: int | None  # the column's size in characters, if it has one


def _opportunity(name: str, kind: Kind = Kind.TEXT) -> Field:
    """Declares a field stored in the opportunity's column of the same name."""
    return Field(name, kind, "opportunity", name, _length(Opportunity, name))


def _organisation(column: str, kind: Kind = Kind.TEXT) -> Field:
    """Declares a field stored in an organisation column, named organisation_<column>."""
    return Field(f"organisation_{column}", kind, "organisation", column, _length(Organisation, column))


def _length(model: type[Opportunity] | type[Organisation], column: str) -> int | None:
    """Returns a column's size limit in characters (None for unlimited text and non-text columns)."""
    return getattr(model.__table__.c[column].type, "length", None)


# Export order: what a person reads first comes first; identity and provenance close the record.
FIELDS: tuple[Field, ...] = (
    _opportunity("title"),
    _opportunity("description", Kind.HTML),
    _opportunity("requirements"),
    _opportunity("categories", Kind.LIST),
    _organisation("name"),
    _organisation("kind"),
    _organisation("website", Kind.URL),
    _organisation("contact_name"),
    _organisation("contact_email", Kind.EMAIL),
    _organisation("contact_phone", Kind.PHONE),
    _organisation("external_id"),
    _opportunity("place_name"),
    _opportunity("address"),
    _opportunity("postal_code"),
    _opportunity("district"),
    _opportunity("state"),
    _opportunity("lat", Kind.FLOAT),
    _opportunity("lon", Kind.FLOAT),
    _opportunity("remote", Kind.BOOL),
    _opportunity("time_tags", Kind.LIST),
    _opportunity("hours_per_month", Kind.INT),
    _opportunity("start_date", Kind.DATE),
    _opportunity("end_date", Kind.DATE),
    _opportunity("languages", Kind.LIST),
    _opportunity("accessible", Kind.BOOL),
    _opportunity("accessibility_notes"),
    _opportunity("newcomer_friendly", Kind.BOOL),
    _opportunity("contact_name"),
    _opportunity("contact_phone", Kind.PHONE),
    _opportunity("contact_email", Kind.EMAIL),
    _opportunity("contact_url", Kind.URL),
    _opportunity("status"),
    _opportunity("published_at", Kind.DATETIME),
    _opportunity("expires_at", Kind.DATETIME),
    _opportunity("source"),
    _opportunity("external_id"),
)
FIELD_NAMES: tuple[str, ...] = tuple(field.name for field in FIELDS)
BY_NAME: dict[str, Field] = {field.name: field for field in FIELDS}

# Germany's bounding box with a small margin (islands and border towns included).
LAT_RANGE = (47.2, 55.1)
LON_RANGE = (5.8, 15.1)
DEFAULT_SOURCE = "import"
DEFAULT_STATUS = OpportunityStatus.PUBLISHED.value
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")

# German column headings seen in agency exports, folded (see header_field); the canonical names always work.
_HEADINGS: dict[str, str] = {
    "titel": "title", "bezeichnung": "title", "taetigkeit": "title", "angebot": "title",
    "beschreibung": "description", "aufgaben": "description", "taetigkeitsbeschreibung": "description",
    "voraussetzungen": "requirements", "anforderungen": "requirements",
    "kategorien": "categories", "kategorie": "categories", "einsatzbereich": "categories",
    "taetigkeitsfelder": "categories", "bereiche": "categories",
    "organisation": "organisation_name", "organisation name": "organisation_name", "traeger": "organisation_name",
    "einrichtung": "organisation_name", "verein": "organisation_name",
    "organisationsform": "organisation_kind", "rechtsform": "organisation_kind",
    "organisation website": "organisation_website", "homepage": "organisation_website",
    "organisation id": "organisation_external_id", "traeger id": "organisation_external_id",
    "ort": "place_name", "einsatzort": "place_name", "stadt": "place_name",
    "adresse": "address", "anschrift": "address", "strasse": "address",
    "plz": "postal_code", "postleitzahl": "postal_code",
    "landkreis": "district", "kreis": "district", "bundesland": "state",
    "breitengrad": "lat", "breite": "lat", "latitude": "lat", "laengengrad": "lon", "laenge": "lon",
    "longitude": "lon", "lng": "lon",
    "online": "remote", "digital moeglich": "remote", "von zuhause": "remote",
    "zeiten": "time_tags", "zeitaufwand stunden monat": "hours_per_month", "stunden pro monat": "hours_per_month",
    "beginn": "start_date", "startdatum": "start_date", "ende": "end_date", "enddatum": "end_date",
    "sprachen": "languages", "barrierefrei": "accessible", "barrierefreiheit": "accessibility_notes",
    "fuer neuzugewanderte": "newcomer_friendly", "ohne deutschkenntnisse": "newcomer_friendly",
    "ansprechpartner": "contact_name", "ansprechperson": "contact_name", "kontaktperson": "contact_name",
    "telefon": "contact_phone", "tel": "contact_phone", "e mail": "contact_email", "email": "contact_email",
    "link": "contact_url", "url": "contact_url", "webseite": "contact_url",
    "veroeffentlicht": "published_at", "gueltig bis": "expires_at", "ablaufdatum": "expires_at",
    "quelle": "source", "id": "external_id", "angebots id": "external_id", "angebotsnummer": "external_id",
}

# Words feeds use for our fixed vocabularies, folded; the canonical values always work.
_KIND_WORDS: dict[str, str] = {
    "ev": "e_v", "e v": "e_v", "verein": "e_v", "eingetragener verein": "e_v", "association": "e_v",
    "kommune": "municipality", "gemeinde": "municipality", "stadt": "municipality", "landkreis": "municipality",
    "kirche": "church", "kirchengemeinde": "church", "pfarrei": "church", "stiftung": "foundation",
    "wohlfahrtsverband": "charity", "verband": "charity", "sonstige": "other", "andere": "other",
}
_TIME_WORDS: dict[str, str] = {
    "werktags": "weekday", "wochentags": "weekday", "unter der woche": "weekday", "wochenende": "weekend",
    "am wochenende": "weekend", "tagsueber": "daytime", "vormittags": "daytime", "nachmittags": "daytime",
    "abends": "evening", "einmalig": "one_off", "regelmaessig": "regular", "one off": "one_off",
}


@lru_cache(maxsize=4096)
def header_field(heading: str) -> str | None:
    """Maps a column heading or JSON key to a field name ('E-Mail' -> contact_email); None when unknown."""
    key = " ".join(_NOT_ALNUM.sub(" ", fold(heading)).split())
    underscored = key.replace(" ", "_")
    if underscored in BY_NAME:
        return underscored
    return _HEADINGS.get(key)


def category_key(word: str) -> str | None:
    """Returns the category key for a key or a German or English label, None when unknown."""
    return category_by_name(word)


@lru_cache(maxsize=4096)
def time_tag(word: str) -> str | None:
    """Returns the time tag for a tag or a German word for it, None when unknown."""
    folded = fold(word).replace("_", " ")
    canonical = folded.replace(" ", "_")
    if canonical in {tag.value for tag in TimeTag}:
        return canonical
    return _TIME_WORDS.get(folded)


@lru_cache(maxsize=4096)
def organisation_kind(word: str) -> str | None:
    """Returns the organisation kind for a kind or a common German word (e.V., Stiftung), None when unknown."""
    folded = fold(word)
    if folded in {kind.value for kind in OrganisationKind}:
        return folded
    return _KIND_WORDS.get(" ".join(folded.replace(".", " ").split()))


@lru_cache(maxsize=4096)
def status(word: str) -> str | None:
    """Returns the listing status a word names, None when unknown."""
    folded = fold(word)
    return folded if folded in {value.value for value in OpportunityStatus} else None
