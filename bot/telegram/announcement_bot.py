"""The bot that sends announcements: a second ExtBot without PTB's rate limiter, so the engine alone paces them.

Chat replies go through the Application's bot, whose AIORateLimiter keeps them under Telegram's limits and
retries a 429 once. Announcements must not go that way: a 429 retried inside PTB keeps the outbox row in
`sending` for retry_after seconds, hides the 429 from the engine's shared pause (bot.broadcasts.limits), and
two limiters would pace the same sends. So the broadcast runner sends through this bot: the same token, Bot
API server and defaults, a connection pool of its own, and no limiter, so a 429 reaches the engine at once
as RetryAfter.
"""

from __future__ import annotations

from telegram.ext import Application, ExtBot
from telegram.request import BaseRequest, HTTPXRequest

KEY = "announcement_bot"
# The engine has at most DeliveryConfig.max_in_flight (32) requests open; the rest is headroom for a larger
# configured value, so that a send never waits for a connection while its rate slot passes.
POOL_SIZE = 64


def attach(application: Application, request: BaseRequest | None = None) -> ExtBot:  # type: ignore[type-arg]
    """Builds the announcement bot next to the Application's bot (a given request replaces the network)."""
    main = application.bot
    bot: ExtBot = ExtBot(  # type: ignore[type-arg]
        main.token,
        base_url=lambda _token: main.base_url,  # already holds the token (and a local server's address)
        base_file_url=lambda _token: main.base_file_url,
        request=request or HTTPXRequest(connection_pool_size=POOL_SIZE),
        get_updates_request=request or HTTPXRequest(connection_pool_size=1),
        defaults=main.defaults,
    )
    application.bot_data[KEY] = bot
    return bot


def announcement_bot(application: Application) -> ExtBot:  # type: ignore[type-arg]
    """Returns the announcement bot (the Application's own bot if none was attached, as in old builders)."""
    bot = application.bot_data.get(KEY)
    return bot if isinstance(bot, ExtBot) else application.bot
