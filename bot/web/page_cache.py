"""Rendered pages kept for a short while, tagged with the data version they were made from.

Real traffic asks for the same pages again and again: every visitor of a town's website loads its embed,
and a listing shared in a newsletter is opened by many. A kept page is served only while
  - the data version read for this request (bot.store.data_version) is the one it was made from: any
    committed change to listings or organisations, by any process, and any listing expiring, ends it;
  - it is younger than `ttl_seconds`: the ranking leans on how fresh listings are, which moves with time.
The key holds everything else the page depends on (path, language, the normalised query, the place a
listing's distance is measured from). Only pages that were shown (200) are kept; bounded, oldest out first.
"""

from __future__ import annotations

import gzip
import hashlib
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import datetime

from bot.store.data_version import DataVersion

DEFAULT_TTL_SECONDS = 60.0
DEFAULT_MAX_PAGES = 5000  # about 12 KB each (the page and its gzip): 60 MB at most


GZIP_LEVEL = 6  # as tornado compresses the pages it does not keep


@dataclass(frozen=True, slots=True)
class KeptPage:
    """A rendered page, encoded and compressed once, and what its answer needs besides the body."""

    version: DataVersion
    made_at: float
    body: bytes  # UTF-8
    gzipped: bytes
    etag: str  # as tornado computes it for the same body
    changed_at: datetime | None = None  # Last-Modified of a listing page

    @classmethod
    def of(cls, html: str, version: DataVersion, made_at: float, changed_at: datetime | None) -> KeptPage:
        """Encodes, compresses and tags a rendered page."""
        body = html.encode("utf-8")
        return cls(version, made_at, body, gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0),
                   f'"{hashlib.sha1(body).hexdigest()}"', changed_at)


class PageCache:
    """Keeps rendered pages per key; counts hits and misses for the benchmark."""

    def __init__(self, *, ttl_seconds: float = DEFAULT_TTL_SECONDS, max_pages: int = DEFAULT_MAX_PAGES,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl_seconds = ttl_seconds
        self.max_pages = max_pages
        self._clock = clock
        self._pages: OrderedDict[Hashable, KeptPage] = OrderedDict()
        self.hits = 0
        self.misses = 0

    @property
    def enabled(self) -> bool:
        """Tells whether pages are kept at all (a TTL of 0 turns the cache off)."""
        return self.ttl_seconds > 0 and self.max_pages > 0

    def holds(self, key: Hashable) -> bool:
        """Tells whether a page is kept for the key (whatever its version); a key not held counts as a miss.

        A caller that holds none can read the version together with the data, in one statement.
        """
        if key in self._pages:
            return True
        self.misses += 1
        return False

    def get(self, key: Hashable, version: DataVersion) -> KeptPage | None:
        """Returns the kept page when it was made from this data version and is young enough."""
        page = self._pages.get(key)
        if page is None or page.version != version or self._clock() - page.made_at >= self.ttl_seconds:
            if page is not None:
                del self._pages[key]
            self.misses += 1
            return None
        self.hits += 1
        return page

    def put(self, key: Hashable, version: DataVersion, html: str, *,
            changed_at: datetime | None = None) -> KeptPage:
        """Keeps a page made from the data of `version`; returns it, ready to send."""
        page = self._pages[key] = KeptPage.of(html, version, self._clock(), changed_at)
        self._pages.move_to_end(key)
        while len(self._pages) > self.max_pages:
            self._pages.popitem(last=False)
        return page

    def __len__(self) -> int:
        return len(self._pages)
