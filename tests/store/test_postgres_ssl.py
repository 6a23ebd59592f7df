"""A PostgreSQL URL with libpq's sslmode ("?sslmode=require" of hosted databases) reaches asyncpg as its ssl
argument instead of an unknown keyword that failed every connection."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.engine import make_url

from bot.settings import Settings
from bot.store.db import Database
from bot.store.postgres_ssl import SSL_MODES, ssl_mode


@pytest.mark.parametrize("mode", SSL_MODES)
def test_every_libpq_mode_moves_from_the_url_to_asyncpgs_ssl_argument(mode: str) -> None:
    url, found = ssl_mode(make_url(f"postgresql+asyncpg://bot@db.example.org:5432/ehrenamt?sslmode={mode}"))
    assert found == mode and "sslmode" not in url.query
    assert url.render_as_string() == "postgresql+asyncpg://bot@db.example.org:5432/ehrenamt"


def test_other_options_stay_and_a_url_without_a_mode_is_left_alone() -> None:
    url, found = ssl_mode(make_url("postgresql+asyncpg://bot@db/ehrenamt?sslmode=verify-full&application_name=bot"))
    assert found == "verify-full" and dict(url.query) == {"application_name": "bot"}
    plain = make_url("postgresql+asyncpg://bot@db/ehrenamt")
    assert ssl_mode(plain) == (plain, None)


def test_a_mode_libpq_does_not_know_is_refused_with_the_known_ones() -> None:
    with pytest.raises(ValueError, match="verify-full"):
        ssl_mode(make_url("postgresql+asyncpg://bot@db/ehrenamt?sslmode=required"))
    with pytest.raises(ValueError, match="sslmode=.on. is none of"):
        Settings(_env_file=None, database_url="postgresql://bot@db/ehrenamt?sslmode=on")


async def test_the_engine_passes_the_mode_to_asyncpg_and_keeps_it_out_of_the_url() -> None:
    database = Database("postgresql://bot@db.example.org/ehrenamt?sslmode=require")
    passed: dict[str, Any] = {}

    def connecting(_dialect: Any, _record: Any, _arguments: Any, options: dict[str, Any]) -> None:
        passed.update(options)
        raise _Stop  # what asyncpg would be called with is all this test needs: no server

    event.listen(database.engine.sync_engine, "do_connect", connecting)
    try:
        with pytest.raises(_Stop):
            async with database.engine.connect():
                pass
    finally:
        await database.engine.dispose()
    assert passed["ssl"] == "require" and "sslmode" not in passed
    assert passed["host"] == "db.example.org" and passed["server_settings"]["jit"] == "off"


class _Stop(Exception):
    """Ends a connection attempt before it reaches the network."""
