"""libpq's `sslmode` in a PostgreSQL URL, said the way asyncpg takes it.

Hosted databases hand out URLs ending in `?sslmode=require`. SQLAlchemy passes a URL's query to the driver as
keyword arguments, and asyncpg has no `sslmode` argument: the engine failed on the first connection with a
TypeError. asyncpg's `ssl` argument takes the same six modes by name (disable, allow, prefer, require, verify-ca,
verify-full) with libpq's meaning, so the mode moves from the URL into the connection arguments.
"""

from __future__ import annotations

from sqlalchemy.engine import URL

SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")


def ssl_mode(url: URL) -> tuple[URL, str | None]:
    """Returns the URL without its sslmode and the mode for asyncpg's `ssl` argument (None: none was given).

    Raises ValueError for a mode libpq does not know, naming the ones it does.
    """
    mode = url.query.get("sslmode")
    if mode is None:
        return url, None
    if not isinstance(mode, str) or mode not in SSL_MODES:
        raise ValueError(f"sslmode={mode!r} is none of {', '.join(SSL_MODES)}")
    return url.difference_update_query(["sslmode"]), mode
