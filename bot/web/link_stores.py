"""How many new searches one client of the web pages may have stored for their "In Telegram öffnen" link.

A search whose words a link cannot carry ("🐶🐱", "Arabisch عربي") is stored under a short code when its page is
shown (bot.links.search_payload), so a plain GET writes a row. One row per distinct search: a search stored already
costs nothing, and the page cache answers the same address again. A client asking for many distinct such searches
(a crawler running through the form, a flood) may store STORES_PER_WINDOW of them per WINDOW_SECONDS; beyond that
its pages are still shown, only their link opens the bot without the search, and those pages are not kept for others.

A client is its address as the server sees it (`xheaders` stays off: a forwarded header is not trusted). Behind a
proxy that is the proxy's, so the limit holds for all its visitors together: it is set for a crawl, far above what
people type into a search form. An IPv6 client is its /64 network: one line or host is handed a whole /64, and
counted by the address it could take a fresh share with each of its addresses.
"""

from __future__ import annotations

import ipaddress
import time
from collections import OrderedDict, deque
from collections.abc import Callable

STORES_PER_WINDOW = 60
WINDOW_SECONDS = 600.0
MAX_CLIENTS = 10_000  # the longest-quiet clients are forgotten first (at most 60 times as many moments kept)
IPV6_CLIENT_PREFIX = 64  # the network an IPv6 client is counted by


class LinkStores:
    """Counts per client the searches stored for a page's link within a sliding window; bounded in memory."""

    def __init__(self, *, per_window: int = STORES_PER_WINDOW, window_seconds: float = WINDOW_SECONDS,
                 max_clients: int = MAX_CLIENTS, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_window, self.window_seconds, self.max_clients = per_window, window_seconds, max_clients
        self._clock = clock
        self._stored: OrderedDict[str, deque[float]] = OrderedDict()
        self.refused = 0  # for the operator's eye in tests and benchmarks

    def allow(self, client: str) -> bool:
        """Tells whether this client may store another search now, and counts it when so."""
        now = self._clock()
        client = client_of(client)
        moments = self._stored.pop(client, None) or deque()
        while moments and now - moments[0] >= self.window_seconds:
            moments.popleft()
        allowed = len(moments) < self.per_window
        if allowed:
            moments.append(now)
        else:
            self.refused += 1
        if moments:
            self._stored[client] = moments  # the newest last: the longest-quiet first out
        while len(self._stored) > self.max_clients:
            self._stored.popitem(last=False)
        return allowed


def client_of(address: str) -> str:
    """Returns the client an address is counted as: an IPv4 address itself, an IPv6 one its /64 network (an IPv4
    address mapped into IPv6 as IPv4); anything else as written."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, IPV6_CLIENT_PREFIX), strict=False))
    return str(ip)
