"""One offer as an agency feed states it, before it becomes a listing (see convert.py)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class FeedOffer:
    """An offer's fields as the feed wrote them: text, never yet checked or mapped."""

    where: str  # "line 7", "angebot 3": where a person finds it in the file
    external_id: str = ""
    title: str = ""
    description: str = ""  # may hold HTML
    short_description: str = ""
    organisation: str = ""
    organisation_id: str = ""
    organisation_details: str = ""
    organisation_email: str = ""
    organisation_phone: str = ""
    organisation_url: str = ""
    agency_id: str = ""
    agency_name: str = ""
    street: str = ""
    postal_code: str = ""
    town: str = ""
    quarter: str = ""
    lat: str = ""
    lon: str = ""
    labels: list[str] = field(default_factory=list)  # the agency's fields of action
    targets: list[str] = field(default_factory=list)  # the agency's target groups
    quarters: list[str] = field(default_factory=list)  # stadtteile of the detail export
    timeframe: str = ""  # zeitlicherrahmen, termine
    requirements: str = ""
    benefits: str = ""  # leistungen: what the volunteer gets
    accessibility: str = ""
    contact_name: str = ""
    contact_function: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    contact_mobile: str = ""
    contact_url: str = ""
    online: bool = False
    contactable: str = ""  # kontaktierbar


@dataclass(slots=True)
class FeedFile:
    """A feed read whole: its format, the offers, how its columns were understood, and what it ignored."""

    format: str  # freinet-csv, freinet-xml, agency-json
    offers: list[FeedOffer]
    mapping: list[tuple[str, str]]  # (the feed's column or field, what it fills)
    ignored: list[str]
    agency_ids: list[str]  # distinct agency ids the feed names, in order
    agency_name: str = ""
    encoding: str = "utf-8"
