"""Writing a feed page as JSON (for apps and portals) and as Atom (for feed readers and CMS plug-ins)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from xml.etree import ElementTree as ET

from bot.links import deep_link, start_payload_for_listing
from bot.texts import t
from bot.web.feeds import FeedItem, FeedPage
from bot.web.places import five_digits
from bot.web.query import WebQuery
from bot.web.wording import category_labels, time_labels

ATOM = "http://www.w3.org/2005/Atom"
FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class FeedLinks:
    """Where things are: the public base URL and the deep link maker."""

    base_url: str
    bot_username: str

    def listing(self, listing_id: int) -> str:
        """Returns the public page of a listing."""
        return f"{self.base_url}/angebote/{listing_id}"

    def telegram(self, listing_id: int) -> str:
        """Returns the deep link that opens the listing in the bot."""
        return deep_link(self.bot_username, start_payload_for_listing(listing_id))


def feed_json(page: FeedPage, query: WebQuery, links: FeedLinks, *, lang: str, changed_at: datetime) -> str:
    """Returns the feed page as a JSON document with paging links."""
    document = {
        "version": FORMAT_VERSION,
        "title": t(lang, "web.feed_title"),
        "updated": changed_at.isoformat(),
        "total": page.total,
        "page": page.page,
        "per_page": page.per_page,
        "pages": page.pages,
        "widened": list(page.widened),
        "notes": [t(lang, key) for key in query.problems] + _place_notes(page, query, lang),
        "place": page.found.outcome.place.to_dict()
        if page.found and page.found.outcome and page.found.outcome.place else None,
        "place_options": [{"ortid": option.id, "name": option.name, "district": option.district, "state": option.state}
                          for option in (page.found.place.options if page.found else ())],
        "links": _paging(page, query, links, "/angebote.json"),
        "listings": [_json_item(item, links, lang) for item in page.items],
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def feed_atom(page: FeedPage, query: WebQuery, links: FeedLinks, *, lang: str, changed_at: datetime) -> bytes:
    """Returns the feed page as an Atom 1.0 document (RFC 4287) with paging links (RFC 5005)."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": lang})
    _text(feed, "id", links.base_url + query.url("/angebote.atom", seite=None))
    _text(feed, "title", t(lang, "web.feed_title"))
    _text(feed, "updated", changed_at.isoformat())
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", t(lang, "web.site_name"))
    for rel, href in _paging(page, query, links, "/angebote.atom").items():
        kind = "text/html" if rel == "alternate" else "application/atom+xml"
        ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": rel, "href": href, "type": kind})
    for item in page.items:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "id", links.listing(item.id))
        _text(entry, "title", item.title)
        _text(entry, "updated", item.updated_at.isoformat())
        if item.published_at:
            _text(entry, "published", item.published_at.isoformat())
        entry_author = ET.SubElement(entry, f"{{{ATOM}}}author")
        _text(entry_author, "name", item.organisation)
        ET.SubElement(entry, f"{{{ATOM}}}link",
                      {"rel": "alternate", "type": "text/html", "href": links.listing(item.id)})
        for label in category_labels(item.categories, lang):
            ET.SubElement(entry, f"{{{ATOM}}}category", {"term": label})
        _text(entry, "summary", _summary(item, lang))
    document: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return document


def _json_item(item: FeedItem, links: FeedLinks, lang: str) -> dict[str, Any]:
    """Returns one listing of the JSON feed."""
    return {
        "id": item.id,
        "url": links.listing(item.id),
        "telegram": links.telegram(item.id),
        "title": item.title,
        "organisation": item.organisation,
        "description": item.description,
        "categories": list(item.categories),
        "category_labels": category_labels(item.categories, lang),
        "place": item.place,
        "postal_code": item.postal_code,
        "lat": item.lat,
        "lon": item.lon,
        "distance_km": item.distance_km,
        "remote": item.remote,
        "time": list(item.time),
        "contact": {"name": item.contact.name, "phone": item.contact.phone, "email": item.contact.email,
                    "url": item.contact.url},
        "published_at": item.published_at.isoformat() if item.published_at else None,
        "updated_at": item.updated_at.isoformat(),
        "expires_at": item.expires_at.isoformat() if item.expires_at else None,
    }


def _paging(page: FeedPage, query: WebQuery, links: FeedLinks, path: str) -> dict[str, str]:
    """Returns self, first, last, previous and next links of a page, and the page for people."""
    def at(number: int) -> str:
        return links.base_url + query.url(path, seite=number if number > 1 else None)

    found: dict[str, str] = {"self": at(page.page), "first": at(1), "last": at(page.pages)}
    if page.page > 1:
        found["previous"] = at(min(page.page - 1, page.pages))
    if page.page < page.pages:
        found["next"] = at(page.page + 1)
    found["alternate"] = links.base_url + query.url("/suche", anzahl=None)
    return found


def _place_notes(page: FeedPage, query: WebQuery, lang: str) -> list[str]:
    """Says why a feed is empty when its place was ambiguous or unknown."""
    if page.found is None:
        return []
    if page.found.place.guessed:
        return [t(lang, "web.place_guess", name=query.ort)]
    if page.found.place.state:
        return [t(lang, "web.state_choose", name=query.ort)]
    if page.found.place.options:
        return [t(lang, "search.ask_candidates", name=query.ort)]
    if page.found.place.unknown and five_digits(query.ort):  # "00000": no advice to try a postal code
        return [t(lang, "web.postal_code_unknown", code=query.ort)]
    if page.found.place.unknown:
        return [t(lang, "web.city_part" if page.found.place.city_part else "web.place_unknown", name=query.ort)]
    return []


def _summary(item: FeedItem, lang: str) -> str:
    """Returns the entry's plain-text summary: where, when, and the description."""
    where = item.place or t(lang, "web.remote_short")
    when = ", ".join(time_labels(item.time, lang))
    head = " · ".join(part for part in (item.organisation, where, when) if part)
    return f"{head}\n\n{item.description}".strip()


def _text(parent: ET.Element, name: str, value: str) -> ET.Element:
    """Adds an Atom element with text (ElementTree escapes it)."""
    element = ET.SubElement(parent, f"{{{ATOM}}}{name}")
    element.text = value
    return element
