"""The common ground of every page: language, security headers, rendering, errors, conditional requests."""

from __future__ import annotations

import logging
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlencode

import tornado.web
from sqlalchemy import text

from bot.texts import LANGUAGES, t
from bot.web.app import WebContext
from bot.web.lang import negotiate
from bot.web.page_cache import KeptPage

log = logging.getLogger(__name__)
ERROR_TEXTS = {
    400: ("web.error_bad_request_title", "web.error_bad_request"),
    404: ("web.error_not_found_title", "web.error_not_found"),
    405: ("web.error_bad_request_title", "web.error_bad_request"),
    410: ("web.error_gone_title", "web.error_gone"),
    500: ("web.error_failure_title", "web.error_failure"),
}

# No scripts at all; styles and images only from this site; forms only submit here.
PAGE_POLICY = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; "
               "frame-ancestors {ancestors}")


class BaseHandler(tornado.web.RequestHandler):
    """A page or feed: reads the language, sets the security headers, renders templates and error pages."""

    context: WebContext
    lang: str

    def initialize(self, context: WebContext) -> None:
        """Receives the shared context."""
        self.context = context

    def set_default_headers(self) -> None:
        """Sends the security headers every answer carries (frameable only where a handler says so)."""
        self.clear_header("Server")
        self.set_header("X-Content-Type-Options", "nosniff")
        self.set_header("Referrer-Policy", "strict-origin-when-cross-origin")
        self.set_header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
        self.set_header("Cross-Origin-Resource-Policy", "same-site")
        self.frame_ancestors("'none'")

    def frame_ancestors(self, ancestors: str) -> None:
        """Sets who may show this answer in a frame ('none' everywhere but the embed)."""
        self.set_header("Content-Security-Policy", PAGE_POLICY.format(ancestors=ancestors))
        if ancestors == "'none'":
            self.set_header("X-Frame-Options", "DENY")
        else:
            self.clear_header("X-Frame-Options")

    def decode_argument(self, value: bytes, name: str | None = None) -> str:
        """Decodes a parameter as UTF-8, else as Windows-1252: an older site's form sends "ort=F%FCrth" for Fürth,
        and an odd byte becomes U+FFFD rather than failing the page with 400."""
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return value.decode("cp1252", "replace")

    def prepare(self) -> None:
        """Chooses the language: ?lang= first, then Accept-Language (and says the answer depends on it)."""
        self.lang = negotiate(self.get_query_argument("lang", None), self.request.headers.get("Accept-Language"))
        self.set_header("Vary", "Accept-Language")

    # ------------------------------------------------------------------ rendering
    def page_context(self) -> dict[str, Any]:
        """Returns what every template needs: language, texts, addresses and the language switch."""
        lang = self.lang
        other = next(code for code in LANGUAGES if code != lang)
        return {
            "lang": lang,
            "t": lambda key, **params: t(lang, key, **params),
            "static_url": self.static_url,
            "base_url": self.context.base_url,
            "other_lang": other,
            "other_lang_label": t(other, "web.this_language"),
            "other_lang_url": self.url_with(lang=other),
            "lang_param": self.lang_param(),
        }

    def lang_param(self) -> str | None:
        """Returns the language asked for with ?lang= (links keep it), or None."""
        asked = self.get_query_argument("lang", None)
        return asked if asked in LANGUAGES else None

    def arguments(self) -> dict[str, list[str]]:
        """Returns the query string's parameters, decoded and stripped of control characters."""
        return {name: self.get_query_arguments(name) for name in self.request.query_arguments}

    def url_with(self, **changes: str | None) -> str:
        """Returns this page's path and query with some parameters changed (None removes one)."""
        params = {name: self.decode_argument(values[-1], name) for name, values in self.request.query_arguments.items()}
        for name, value in changes.items():
            if value is None:
                params.pop(name, None)
            else:
                params[name] = value
        return f"{self.request.path}?{urlencode(params)}" if params else self.request.path

    def render_page(self, template: str, **values: Any) -> None:
        """Renders a template with the page context and sends it as HTML."""
        self.send_html(self.render_html(template, **values))

    def render_html(self, template: str, **values: Any) -> str:
        """Renders a template with the page context."""
        return self.context.templates.get_template(template).render(**self.page_context(), **values)

    def send_html(self, html: str) -> None:
        """Sends HTML (tornado adds the ETag, answers If-None-Match and compresses)."""
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.finish(html)

    def send_kept(self, page: KeptPage, *, kept: bool) -> None:
        """Sends a page that is kept: the ETag tornado would give it, and the body compressed once, not per request.

        `kept` tells whether it was kept before this request (X-Page-Cache: hit) or was made for it (miss).
        """
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("X-Page-Cache", "hit" if kept else "miss")
        self.set_header("Etag", page.etag)  # set, so tornado leaves the ETag and If-None-Match to this method
        if self.check_etag_header():
            self.answer_not_modified()
            return
        if "gzip" in self.request.headers.get("Accept-Encoding", ""):  # tornado's own test of the header
            self.set_header("Content-Encoding", "gzip")  # tornado then compresses no more, and adds Vary
            self.finish(page.gzipped)
            return
        self.finish(page.body)

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        """Answers errors with a friendly page in the visitor's language (never a traceback)."""
        if not hasattr(self, "lang"):
            self.lang = negotiate(None, self.request.headers.get("Accept-Language"))
        title, message = ERROR_TEXTS.get(status_code, ERROR_TEXTS[500])
        self.set_header("Cache-Control", "no-store" if status_code >= 500 else "public, max-age=60")
        self.render_page("error.html", status=status_code, title=t(self.lang, title), message=t(self.lang, message),
                         search_url=getattr(self, "gone_search_url", None))

    def log_exception(self, typ: Any, value: Any, tb: Any) -> None:
        """Logs server errors with their traceback; client errors (404, 410) quietly."""
        if isinstance(value, tornado.web.HTTPError) and value.status_code < 500:
            return
        log.error("web request failed: %s %s", self.request.method, self.request.path, exc_info=(typ, value, tb))

    # ------------------------------------------------------------------ conditional requests
    def not_modified_since(self, changed_at: datetime) -> bool:
        """Sets Last-Modified; tells whether the client's copy (If-Modified-Since) is still current.

        If-None-Match, when sent, decides instead (tornado compares the ETag when the body is finished).
        """
        self.set_header("Last-Modified", changed_at)
        if self.request.headers.get("If-None-Match"):
            return False
        since = self.request.headers.get("If-Modified-Since")
        if not since:
            return False
        try:
            client = parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False
        # HTTP dates have whole seconds: compared to the second (a change later in that second only the ETag sees).
        return client.tzinfo is not None and changed_at.replace(microsecond=0) <= client

    def answer_not_modified(self) -> None:
        """Ends the request with 304 Not Modified."""
        self.set_status(304)
        self.finish()


class NotFoundHandler(BaseHandler):
    """Every path nobody serves: a friendly 404 page."""

    def prepare(self) -> None:
        """Answers 404 for any method."""
        super().prepare()
        raise tornado.web.HTTPError(404)


class StartHandler(BaseHandler):
    """The site's root leads to the search."""

    def get(self) -> None:
        """Redirects to /suche, keeping the language asked for."""
        self.redirect(self.url_with().replace("/", "/suche", 1), permanent=False)


class HealthHandler(BaseHandler):
    """GET /healthz: 200 when the database answers, 503 when it does not (for load balancers and monitors)."""

    async def get(self) -> None:
        """Asks the database a trivial question."""
        self.set_header("Cache-Control", "no-store")
        self.set_header("Content-Type", "application/json; charset=utf-8")
        try:
            async with self.context.database.read_only() as session:
                await session.execute(text("SELECT 1"))
        except Exception:  # any failure of the store means: not healthy
            log.exception("health check: the database does not answer")
            self.set_status(503)
            self.finish('{"status":"unavailable"}')
            return
        self.finish('{"status":"ok"}')

    async def head(self) -> None:
        """Answers HEAD like GET, without a body (tornado drops it), for monitors that only look at the status."""
        await self.get()
