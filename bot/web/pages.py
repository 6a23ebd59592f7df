"""The HTML pages: a listing, its QR code, the search, and the embed for other websites."""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlencode, urlparse

import tornado.web
from markupsafe import Markup

from bot.links import deep_link, search_payload, start_payload_for_listing, stored_search_payload
from bot.search.model import Contact, Refinement
from bot.store.data_version import read_data_version
from bot.texts import language_list, t
from bot.web.finder import Found
from bot.web.handlers import BaseHandler
from bot.web.page_cache import KeptPage
from bot.web.jsonld import schema_org, script_json, volunteering_data
from bot.web.listing import Availability, ListingView, load_listing
from bot.web.places import five_digits, postal_code_digits, resolve_place, text_state
from bot.web.qr import qr_svg
from bot.web.query import WebQuery, read_query
from bot.web.results import (
    EMBED_PATH, area_options, as_answered, radius_options, results_view, telegram_search, telegram_search_link,
    time_options,
)
from bot.texts.catalogue import decimal
from nlu.place_field import state_name
from bot.web.wording import (
    accessibility_line,
    dates_text,
    region_text,
    time_labels,
)

_PHONE_JUNK = re.compile(r"[^0-9+]")
_EMAIL = re.compile(r"[^@\s<>\"'`]+@[^@\s<>\"'`]+\.[A-Za-z]{2,}")
SEARCH_PAGE_SIZE = 10
EMBED_PAGE_SIZE = 5
EMBED_MAX = 10


class ListingHandler(BaseHandler):
    """GET /angebote/{id}: one published listing; 404 unknown, 410 paused, expired or withdrawn."""

    async def get(self, listing_id: str) -> None:
        """Shows the listing with its contact, the way into the bot, and its linked data (kept a while)."""
        ort = self.get_query_argument("ort", "")[:80]
        origin = resolve_place(ort).place if ort else None
        pages = self.context.pages
        # The whole query string: the language switch links back to this very address (handlers.url_with).
        key = ("listing", int(listing_id), self.lang, self.request.query)
        kept = None
        async with self.context.database.read_only() as session:
            if pages.enabled and pages.holds(key):
                kept = pages.get(key, await read_data_version(session))  # before the data: see there
            if kept is None:  # the version of a page about to be kept comes in the same statement as its data
                found = await load_listing(session, int(listing_id), lang=self.lang, origin=origin,
                                           with_version=pages.enabled)
        if kept is not None:
            self.answer_listing(kept.changed_at, kept, kept=True)
            return
        nearby = f"/suche?ort={tornado.escape.url_escape(found.place, plus=False)}" if found.place else None
        if found.availability is Availability.REVIEWING:
            self.answer_reviewing(nearby)
            return
        if found.availability is not Availability.SHOWN or found.view is None:
            self.gone_search_url = nearby
            raise tornado.web.HTTPError(found.availability.status)
        view = found.view
        html = self.render_html("listing.html", **self.listing_values(view, origin.name if origin else None))
        page = pages.put(key, found.version, html, changed_at=view.changed_at) if found.version is not None else html
        self.answer_listing(view.changed_at, page, kept=False)

    def answer_reviewing(self, search_url: str | None) -> None:
        """Says that the listing is being revised and checked (not kept: it changes when an admin decides)."""
        self.set_header("Cache-Control", "public, max-age=60")
        self.set_header("X-Robots-Tag", "noindex")  # the approved version comes back under the same address
        self.render_page("error.html", status=t(self.lang, "web.reviewing_eyebrow"),
                         title=t(self.lang, "web.reviewing_title"), message=t(self.lang, "web.reviewing"),
                         search_url=search_url)

    def answer_listing(self, changed_at: datetime | None, page: KeptPage | str, *, kept: bool) -> None:
        """Sends a listing page (kept, or only rendered), or 304 when the visitor's copy is still current."""
        self.set_header("Cache-Control", "public, max-age=300")
        if changed_at is not None and self.not_modified_since(changed_at):
            self.answer_not_modified()
            return
        if isinstance(page, KeptPage):
            self.send_kept(page, kept=kept)
        else:
            self.send_html(page)

    def listing_values(self, view: ListingView, origin: str | None) -> dict[str, object]:
        """Returns the template values of a listing page."""
        details, lang = view.details, self.lang
        page_url = f"{self.context.base_url}/angebote/{details.id}"
        telegram = deep_link(self.context.bot_username, start_payload_for_listing(details.id))
        apply_url = view.contact.url or (f"mailto:{view.contact.email}" if view.contact.email else telegram)
        return {
            "view": view,
            "details": details,
            "paragraphs": [part.strip() for part in details.description.split("\n\n") if part.strip()],
            "areas": ", ".join(details.category_labels),
            "region": region_text(view.district, view.state, details.place),
            "distance": t(lang, "web.distance_from", distance=decimal(details.distance_km, lang), place=origin)
            if origin and details.distance_km is not None else "",
            "time": " · ".join(time_labels(details.time, lang, details.hours_per_month)),
            "dates": dates_text(details.start_date, details.end_date, lang),
            "languages": language_list(details.languages, lang),
            "accessibility": accessibility_line(details, lang),
            "contact": contact_lines(view.contact, lang),
            "back_url": "/suche?" + urlencode({name: value for name, value in
                                               (("ort", origin or ""), ("lang", self.lang_param() or "")) if value}),
            "telegram_url": telegram,
            "qr_url": f"/angebote/{details.id}/qr.svg",
            "canonical_url": page_url,
            "jsonld": [Markup(script_json(data)) for data in (
                schema_org(view, page_url=page_url, apply_url=apply_url, lang=lang),
                volunteering_data(view, page_url=page_url, apply_url=apply_url, lang=lang),
            )],
        }


@dataclass(frozen=True, slots=True)
class ContactLine:
    """One way to reach the organisation: a label, the text, and a safe link when there is one."""

    label: str
    text: str
    href: str | None = None
    external: bool = False


def contact_lines(contact: Contact, lang: str) -> list[ContactLine]:
    """Returns the contact as lines; links only for plain phone numbers, addresses and http(s) websites."""
    lines = []
    if contact.name:
        lines.append(ContactLine(t(lang, "web.contact_person"), contact.name))
    if contact.phone:
        digits = _PHONE_JUNK.sub("", contact.phone)
        lines.append(ContactLine(t(lang, "web.phone"), contact.phone, f"tel:{digits}" if len(digits) >= 5 else None))
    if contact.email:
        valid = _EMAIL.fullmatch(contact.email.strip())
        href = f"mailto:{contact.email.strip()}" if valid else None
        lines.append(ContactLine(t(lang, "web.email"), contact.email, href))
    if contact.url:
        url = contact.url.strip()
        safe = urlparse(url).scheme in ("http", "https") and " " not in url
        shown = url.split("://", 1)[-1].rstrip("/")
        lines.append(ContactLine(t(lang, "web.website"), shown, url if safe else None, external=True))
    return lines


class QrHandler(BaseHandler):
    """GET /angebote/{id}/qr.svg: the QR code of the listing's deep link, for the page and for printing."""

    async def get(self, listing_id: str) -> None:
        """Draws the code (once per listing; cached in the process and by browsers for a day)."""
        async with self.context.database.read_only() as session:
            found = await load_listing(session, int(listing_id), lang=self.lang)
        if found.availability is not Availability.SHOWN:
            raise tornado.web.HTTPError(404 if found.availability is Availability.REVIEWING
                                        else found.availability.status)
        link = deep_link(self.context.bot_username, start_payload_for_listing(int(listing_id)))
        title = t(self.lang, "web.qr_title")
        svg = await asyncio.to_thread(qr_svg, link, title=title)  # about 20 ms the first time: off the loop
        self.set_header("Content-Type", "image/svg+xml; charset=utf-8")
        self.set_header("Cache-Control", "public, max-age=86400")
        self.finish(svg)


class SearchHandler(BaseHandler):
    """GET /suche?ort=&umkreis=&bereich=&zeit=&text=&seite=: the chat's search as a page."""

    template = "search.html"
    path = "/suche"

    async def get(self) -> None:
        """Shows the form and, when something was asked, one page of results."""
        query = read_query(self.arguments())
        await self.show(query, limit=SEARCH_PAGE_SIZE)

    async def show(self, query: WebQuery, *, limit: int) -> None:
        """Runs the search and renders a page of it (kept a while: see bot.web.page_cache)."""
        lang_param = self.lang_param()
        pages = self.context.pages
        # The whole query string, not only the cleaned query: the language switch links back to this very
        # address (handlers.url_with), and one visitor's stray parameters must never reach another's page.
        key = (self.path, limit, self.lang, self.request.query)
        async with self.context.database.read_only() as session:
            version = await read_data_version(session) if pages.enabled else None  # before the data: see there
            kept = pages.get(key, version) if version is not None else None
            if kept is None:
                found = await self.context.searches.find(session, query, lang=self.lang, limit=limit)
        self.set_header("Cache-Control", "public, max-age=60")
        if kept is not None:
            self.send_kept(kept, kept=True)
            return
        values = self.search_values(query, found, lang_param)
        limited = False
        if values["telegram_url"] is None:  # words the link's alphabet would drop: stored, as the chat shares them
            payload = await self.stored_link(*telegram_search(query, found))
            limited = payload is None  # this client stored too many: the bot without the search, kept for no one
            values["link_limited"] = limited  # the panel then offers the bot, not "this search"
            values["telegram_url"] = (deep_link(self.context.bot_username, payload) if payload is not None
                                      else f"https://t.me/{self.context.bot_username}")
        html = self.render_html(self.template, **values)
        if limited:  # nor by a browser or proxy: the next look may carry the search again
            self.set_header("Cache-Control", "no-store")
        if version is None or limited:
            self.send_html(html)
            return
        self.send_kept(pages.put(key, version, html), kept=False)

    async def stored_link(self, text: str, refinement: Refinement) -> str | None:
        """Returns the start parameter of a search stored for the page's link: one stored already, else stored now
        if this client has not stored too many lately (bot.web.link_stores), else None."""
        async with self.context.database.unit_of_work() as session:
            payload = await stored_search_payload(session, text, refinement)
            if payload is None and self.context.link_stores.allow(self.request.remote_ip or ""):
                payload = await search_payload(session, text, refinement)
        return payload

    def search_values(self, query: WebQuery, found: Found, lang_param: str | None) -> dict[str, object]:
        """Returns the template values of a search page or embed."""
        query = as_answered(query, found)
        results = results_view(found, query, lang=self.lang, path=self.path, lang_param=lang_param,
                               default_radius_km=self.context.default_radius_km)
        named = text_state(found.text_state)
        return {
            # "Tierheim in Sachsen" with the place field empty: the state's towns and all of it, as the chat offers
            "text_state": state_name(named.state, self.lang) if named else None,
            "text_state_towns": [(town, query.url(self.path, ort=town, ortid=None, seite=None, lang=lang_param))
                                 for town in named.towns] if named else [],
            "text_state_url": query.url(self.path, ort=t(self.lang, "web.whole_state_field", state=state_name(
                named.state, self.lang)), ortid=None, seite=None, lang=lang_param) if named else None,
            "query": query, "found": found, "results": results, "ask_what": found.ask_what,
            "place_unknown": found.place.unknown, "place_options": found.place.options,
            "place_guessed": found.place.guessed, "place_city_part": found.place.city_part,
            "place_state": found.place.state,
            "place_digits": postal_code_digits(query.ort) if found.place.unknown else None,
            "place_code": found.place.unknown and five_digits(query.ort),  # "00000": no "try a postal code"
            "areas": area_options(query, self.lang), "times": time_options(query, self.lang),
            "radii": radius_options(query, self.context.default_radius_km),
            "telegram_url": telegram_search_link(self.context.bot_username, query, found),
            "link_limited": False,  # set when this client stored too many: the link opens the bot without the search
            "search_url": query.url("/suche", lang=lang_param, seite=None, anzahl=None),
            "feed_url": query.url("/angebote.atom", seite=None, anzahl=None),
            "option_url": lambda option_id: query.url(self.path, ortid=option_id, ort=None, seite=None,
                                                      lang=lang_param),
            # Beside a state's towns: all of the state, written into the place field as a person would write it
            "whole_state_url": query.url(self.path, ort=t(self.lang, "web.whole_state_field", state=state_name(
                found.place.state, self.lang)), ortid=None, seite=None, lang=lang_param) if found.place.state else None,
            "whole_state_label": t(self.lang, "web.whole_state_link", state=state_name(found.place.state, self.lang))
            if found.place.state else None,
        }


class EmbedHandler(SearchHandler):
    """GET /embed?ort=&bereich=: a compact result list for an iframe on the allowed sites; no cookies, no scripts."""

    template = "embed.html"
    path = EMBED_PATH

    def set_default_headers(self) -> None:
        """Lets the configured sites (and this one) frame the embed, error pages included."""
        super().set_default_headers()
        context = getattr(self, "context", None)  # tornado sets the first headers before initialize()
        if context is not None:
            self.frame_ancestors(" ".join(("'self'", *context.frame_ancestors)))

    def prepare(self) -> None:
        """Sets the embed's frame-ancestors, then chooses the language."""
        self.set_default_headers()
        super().prepare()

    async def get(self) -> None:
        """Shows up to five listings (anzahl= up to ten) with links that open in a new tab."""
        query = read_query(self.arguments())
        await self.show(query, limit=min(query.anzahl or EMBED_PAGE_SIZE, EMBED_MAX))
