"""Settings refuse what cannot be meant: placeholder tokens above all."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from bot.settings import Settings


def _settings(token: str) -> Settings:
    return Settings(_env_file=None, bot_token=token)


@pytest.mark.parametrize("token", [
    "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11",  # Telegram's Bot API documentation
    "110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",  # the BotFather page
    "987654321:ABC-DEF1234ghIkl-zyx57W2v1u123ew11",  # the example's secret with another bot number
])
def test_the_documentation_example_tokens_are_refused_by_name(token: str) -> None:
    with pytest.raises(ValidationError, match="BOT_TOKEN is the example token from Telegram's documentation"):
        _settings(token)


@pytest.mark.parametrize("token", [
    "changeme", "your-token", "123:abc", "123456:ABC", "123456789:your_token_here", "123456:xxxxxxxxxxxxxxxxxxxx",
    "<your token>", "123456: abc def", "bot123456:AAH-not-a-number", "123456:",
])
def test_obvious_placeholders_and_malformed_tokens_are_refused(token: str) -> None:
    with pytest.raises(ValidationError, match="BOT_TOKEN looks like a placeholder.*@BotFather"):
        _settings(token)


@pytest.mark.parametrize("token", [
    "7712345678:AAFx9kq-3Lr_ZpQ2mVnT8wYbC4dE5fG6hI7", "123456:test-token", "  42:k9-_Z  ",
])
def test_tokens_that_may_be_real_are_kept(token: str) -> None:
    settings = _settings(token)
    assert settings.bot_token is not None and settings.bot_token.get_secret_value() == token.strip()


def test_an_empty_token_means_no_token() -> None:
    assert _settings("  ").bot_token is None


@pytest.mark.parametrize(("written", "ids"), [
    ("123,456", [123, 456]), ("123, 456", [123, 456]), ("123 456", [123, 456]), ("123;456", [123, 456]),
    ("[123, 456]", [123, 456]), ("789", [789]), ("", []),
])
def test_admin_ids_are_read_from_the_environment_as_the_readme_writes_them(
    written: str, ids: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ADMIN_IDS", written)  # "123,456" ended in a JSON traceback before the check ran
    assert Settings(_env_file=None).admin_ids == ids


@pytest.mark.parametrize("written", ["123,abc", "@anna", "[123,"])
def test_admin_ids_that_are_no_ids_are_named(written: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADMIN_IDS", written)
    with pytest.raises(ValidationError, match="is no list of Telegram user ids like 123,456"):
        Settings(_env_file=None)


@pytest.mark.parametrize("url", ["mysql://bot@db/ehrenamt", "/srv/ehrenamt.sqlite3", "postgresq://bot@db/ehrenamt"])
def test_a_database_url_of_no_driver_the_bot_has_is_named(url: str) -> None:
    with pytest.raises(ValidationError, match="DATABASE_URL must be postgresql://"):  # was: ModuleNotFoundError
        Settings(_env_file=None, database_url=url)


@pytest.mark.parametrize("url", ["postgresql://bot@db/ehrenamt", "postgres://bot@db/e", "sqlite:////srv/e.sqlite3",
                                 "postgresql+asyncpg://bot@db/e", "sqlite+aiosqlite:///var/e.sqlite3"])
def test_postgresql_and_sqlite_urls_are_kept(url: str) -> None:
    assert Settings(_env_file=None, database_url=url).database_url == url
