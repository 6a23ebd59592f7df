"""A listing as linked data: schema.org (JobPosting for volunteers) and the open Volunteering Data Standard.

schema.org has no type of its own for volunteering; JobPosting with employmentType VOLUNTEER is what search
engines read. The Volunteering Data Standard (volunteeringdata.io) nests Organisation > activity > role and
session; only the fields this store knows are written, nothing is guessed.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from bot.categories import categories
from bot.web.listing import ListingView
from bot.web.wording import accessibility_line, time_labels

VDS_CONTEXT = "https://api.volunteeringdata.io/context/v1"
VDS_TIME = "https://ns.volunteeringdata.io/"
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
_WEEKEND = ("Saturday", "Sunday")


def schema_org(view: ListingView, *, page_url: str, apply_url: str, lang: str) -> dict[str, Any]:
    """Returns the listing as a schema.org JobPosting of employment type VOLUNTEER."""
    details = view.details
    posting: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "@id": page_url,
        "url": page_url,
        "title": details.title,
        "description": details.description or details.title,
        "employmentType": "VOLUNTEER",
        "inLanguage": lang,
        "hiringOrganization": _without_none({"@type": "Organization", "name": details.organisation,
                                             "sameAs": view.organisation_website}),
        "directApply": False,
        "potentialAction": {"@type": "ApplyAction", "target": apply_url},
        "datePosted": _iso(details.published_at),
        "validThrough": _iso(details.expires_at),
        "occupationalCategory": [categories()[key].label(lang) for key in details.categories],
        "qualifications": details.requirements,
        "workHours": ", ".join(view_time_labels(view, lang)) or None,
    }
    if details.place or details.lat is not None:
        posting["jobLocation"] = {"@type": "Place", **_without_none({
            "address": _without_none({
                "@type": "PostalAddress", "streetAddress": details.address, "postalCode": details.postal_code,
                "addressLocality": details.place, "addressRegion": view.state, "addressCountry": "DE",
            }),
            "geo": {"@type": "GeoCoordinates", "latitude": details.lat, "longitude": details.lon}
            if details.lat is not None and details.lon is not None else None,
        })}
    if details.remote:
        posting["jobLocationType"] = "TELECOMMUTE"
        posting["applicantLocationRequirements"] = {"@type": "Country", "name": "DE"}
    # Accessibility has no JobPosting property in schema.org; it is written in the Volunteering Data Standard.
    return _without_none(posting)


def volunteering_data(view: ListingView, *, page_url: str, apply_url: str, lang: str) -> dict[str, Any]:
    """Returns the listing in the Volunteering Data Standard: the organisation with this one activity."""
    details = view.details
    role = _without_none({
        "title": details.title,
        "description": details.description or None,
        "commitment": ", ".join(view_time_labels(view, lang)) or None,
        "applyLink": apply_url,
        "allowsRemoteParticipation": details.remote,
        "requirement": [details.requirements] if details.requirements else None,
        "accessibility": [accessibility_text(view, lang)] if accessibility_text(view, lang) else None,
    })
    location = _without_none({
        "name": details.place,
        "address": ", ".join(part for part in (details.address, details.postal_code, details.place) if part) or None,
        "latitude": str(details.lat) if details.lat is not None else None,
        "longitude": str(details.lon) if details.lon is not None else None,
    })
    session = _without_none({"location": location or None, "time": vds_times(details.time) or None})
    activity = _without_none({
        "id": page_url,
        "title": details.title,
        "description": details.description or None,
        "publishStart": _iso(details.published_at),
        "publishEnd": _iso(details.expires_at),
        "role": [role],
        "session": [session] if session else None,
    })
    return _without_none({
        "@context": VDS_CONTEXT,
        "type": "Organisation",
        "name": details.organisation,
        "website": view.organisation_website,
        "activity": [activity],
    })


def script_json(data: dict[str, Any]) -> str:
    """Serialises JSON-LD for a <script> element: '<', '>' and '&' escaped so no text can end the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def vds_times(tags: tuple[str, ...]) -> list[str]:
    """Maps time tags to the standard's day-part periods: days from weekday/weekend, parts from daytime/evening.

    Only written when a listing says something about days or parts of the day; "regular" or "one_off" alone
    name no time.
    """
    present = set(tags)
    days = (_WEEKDAYS if "weekday" in present else ()) + (_WEEKEND if "weekend" in present else ())
    parts = (("Morning", "Afternoon") if "daytime" in present else ()) + (("Evening",) if "evening" in present else ())
    if not days and not parts:
        return []
    return [f"{VDS_TIME}{day}{part}" for day in days or _WEEKDAYS + _WEEKEND
            for part in parts or ("Morning", "Afternoon", "Evening")]


def view_time_labels(view: ListingView, lang: str) -> list[str]:
    """Returns the listing's time tags as words, in their usual order."""
    return time_labels(view.details.time, lang, view.details.hours_per_month)


def accessibility_text(view: ListingView, lang: str) -> str | None:
    """Returns what the listing says about accessibility, in words."""
    return accessibility_line(view.details, lang) or None


def _iso(moment: datetime | None) -> str | None:
    """Writes a time as ISO 8601, or None."""
    return moment.isoformat() if moment else None


def _without_none(values: dict[str, Any]) -> dict[str, Any]:
    """Drops the keys whose value is None or empty."""
    return {key: value for key, value in values.items() if value not in (None, "", [], {})}
