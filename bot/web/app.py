"""Assembling the web application: the shared context, the templates, and one ordered list of routes."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import tornado.web

from bot.search.vocabulary_cache import VocabularyCache
from bot.settings import Settings
from bot.store.db import Database
from bot.web.finder import WebSearch
from bot.web.freshness import DataClock
from bot.web.link_stores import LinkStores
from bot.web.page_cache import PageCache

HERE = Path(__file__).resolve().parent
LISTING_ID = r"([1-9][0-9]{0,17})"


@dataclass
class WebContext:
    """Everything the pages need, made once per process: database, search, clock, kept pages, templates, addresses."""

    database: Database
    base_url: str
    bot_username: str
    frame_ancestors: tuple[str, ...] = ()
    default_radius_km: float = 15.0
    searches: WebSearch = field(init=False)
    clock: DataClock = field(default_factory=DataClock)
    pages: PageCache = field(default_factory=PageCache)
    link_stores: LinkStores = field(default_factory=LinkStores)  # searches stored for a page's link, per client
    templates: jinja2.Environment = field(init=False)

    def __post_init__(self) -> None:
        self.searches = WebSearch(default_radius_km=self.default_radius_km, vocabularies=VocabularyCache())
        self.templates = template_environment()

    @classmethod
    def from_settings(cls, settings: Settings, database: Database, *, port: int | None = None) -> WebContext:
        """Builds the context from the bot's settings."""
        return cls(database=database, base_url=settings.web_base_url(port), bot_username=settings.bot_username,
                   frame_ancestors=tuple(settings.web_frame_ancestors),
                   default_radius_km=settings.default_radius_km,
                   pages=PageCache(ttl_seconds=settings.web_page_cache_seconds))


def template_environment() -> jinja2.Environment:
    """Returns the Jinja2 environment: autoescaping everywhere, undefined names fail loudly, compiled once."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )


def make_app(context: WebContext) -> tornado.web.Application:
    """Returns the tornado application with its routes, in the order they are matched."""
    from bot.web.feed_handlers import AtomFeedHandler, JsonFeedHandler
    from bot.web.handlers import HealthHandler, NotFoundHandler, StartHandler
    from bot.web.pages import EmbedHandler, ListingHandler, QrHandler, SearchHandler

    args: dict[str, Any] = {"context": context}
    routes: list[Any] = [
        (r"/", StartHandler, args),
        (r"/suche", SearchHandler, args),
        (rf"/angebote/{LISTING_ID}", ListingHandler, args),
        (rf"/angebote/{LISTING_ID}/qr\.svg", QrHandler, args),
        (r"/angebote\.json", JsonFeedHandler, args),
        (r"/angebote\.atom", AtomFeedHandler, args),
        (r"/embed", EmbedHandler, args),
        (r"/healthz", HealthHandler, args),
    ]
    return tornado.web.Application(
        routes,
        static_path=str(HERE / "static"),
        static_handler_args={},
        default_handler_class=NotFoundHandler,
        default_handler_args=args,
        log_function=log_request,
        compress_response=True,
        xsrf_cookies=False,  # no forms that change anything, and no cookies at all
    )


def log_request(handler: tornado.web.RequestHandler) -> None:
    """Logs method, path, status and time, never the visitor's address or query (no tracking)."""
    status = handler.get_status()
    level = logging.WARNING if status >= 500 else logging.DEBUG
    logging.getLogger("bot.web.access").log(level, "%s %s %d %.1f ms", handler.request.method,
                                            handler.request.path, status, 1000 * handler.request.request_time())
