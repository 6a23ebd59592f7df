"""GET /angebote.json and /angebote.atom: the feeds, with paging, Last-Modified, ETag and 304 answers."""

from __future__ import annotations

from datetime import datetime

from bot.store.types import utcnow
from bot.web.feed_render import FeedLinks, feed_atom, feed_json
from bot.web.feeds import FeedPage, feed_page
from bot.web.handlers import BaseHandler
from bot.web.query import WebQuery, read_query


class FeedHandler(BaseHandler):
    """A feed of the matching published listings; 304 when the data did not change since the client's copy."""

    content_type = "application/json; charset=utf-8"

    async def get(self) -> None:
        """Answers one page of the feed, or 304 Not Modified."""
        query = read_query(self.arguments())
        now = utcnow()
        async with self.context.database.read_only() as session:
            changed_at = await self.context.clock.changed_at(session, now=now)
            self.set_header("Cache-Control", "public, max-age=60")
            self.set_header("Access-Control-Allow-Origin", "*")  # open data: any portal's page may read it
            if self.not_modified_since(changed_at):
                self.answer_not_modified()
                return
            page = await feed_page(session, self.context.searches, query, lang=self.lang, now=now)
        links = FeedLinks(self.context.base_url, self.context.bot_username)
        self.set_header("Content-Type", self.content_type)
        self.finish(self.render_feed(page, query, links, changed_at))

    def render_feed(self, page: FeedPage, query: WebQuery, links: FeedLinks, changed_at: datetime) -> str | bytes:
        """Writes the page in the feed's format."""
        raise NotImplementedError


class JsonFeedHandler(FeedHandler):
    """The JSON feed for apps and portals."""

    def render_feed(self, page: FeedPage, query: WebQuery, links: FeedLinks, changed_at: datetime) -> str | bytes:
        """Writes the page as JSON."""
        return feed_json(page, query, links, lang=self.lang, changed_at=changed_at)


class AtomFeedHandler(FeedHandler):
    """The Atom feed for feed readers and content management systems."""

    content_type = "application/atom+xml; charset=utf-8"

    def render_feed(self, page: FeedPage, query: WebQuery, links: FeedLinks, changed_at: datetime) -> str | bytes:
        """Writes the page as Atom."""
        return feed_atom(page, query, links, lang=self.lang, changed_at=changed_at)
