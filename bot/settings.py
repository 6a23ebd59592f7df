"""Typed settings, read once at start from the environment (and an optional .env file)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlparse

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from sqlalchemy.engine import make_url

from bot.store.postgres_ssl import ssl_mode

_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")
# A site allowed to frame /embed: scheme, host (a leading *. for subdomains) and an optional port, nothing else.
_FRAME_SITE = re.compile(r"https?://(\*\.)?[A-Za-z0-9.-]+(:[0-9]{1,5})?")
DEFAULT_WEB_PORT = 8080
_PLACEHOLDER_TOKENS = {"changeme", "change-me", "your-token", "your_bot_token", "token", "xxx", "bot_token"}
# What BotFather gives: the bot's numeric id, a colon, a secret of letters, digits, _ and -.
_TOKEN = re.compile(r"(?P<bot_id>[0-9]+):(?P<secret>[A-Za-z0-9_-]+)")
# Secrets of the tokens printed in Telegram's own documentation (123456:ABC-DEF… on the Bot API page, 110201543:AAH…
# on the BotFather page): copied, with any bot number, they look real.
_DOCUMENTATION_SECRETS = {"ABC-DEF1234ghIkl-zyx57W2v1u123ew11", "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"}
# Secrets that are words from an example, compared without case, "-" and "_".
_PLACEHOLDER_SECRETS = {"abc", "abcdef", "changeme", "token", "yourtoken", "bottoken", "secret", "example", "xxx",
                        "placeholder", "insertyourtoken", "yourbottoken", "tokenhere", "yourtokenhere"}


class Settings(BaseSettings):
    """Everything the bot can be configured with; see README.md, section Configuration."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    bot_token: SecretStr | None = Field(default=None, description="Telegram bot token; none runs the terminal demo")
    bot_username: str = Field(default="EhrenamtBot", description="used to print deep links when offline")
    telegram_api_base_url: str | None = Field(default=None, description="another Bot API server, e.g. an emulator")
    database_url: str | None = Field(default=None, description="unset: SQLite file in data_home")
    data_home: Path = Field(default=Path("var"), description="folder for the SQLite file and caches")
    # NoDecode: read by _split_ids ("123,456" as the README writes it), not as JSON, which refused it in a traceback
    admin_ids: Annotated[list[int], NoDecode] = Field(
        default_factory=list, description="Telegram user ids with full admin rights"
    )
    default_radius_km: float = Field(default=15.0, gt=0, le=500)
    listing_ttl_days: int = Field(default=90, ge=1, le=3650)
    # Volunteers' own ads (bot.ads): how long one stays up unless renewed, and which go through review first.
    ad_ttl_days: int = Field(default=60, ge=8, le=3650, description="ads expire after this many days")
    ads_review: Literal["new", "none"] = Field(
        default="new", description="new: ads of people without an earlier approved ad are reviewed; none: never"
    )
    broadcast_rate_per_second: float = Field(default=25.0, gt=0, le=1000)
    paid_broadcasts: bool = False
    exchange_sources_dir: Path | None = Field(
        default=None, description="per-source files of agency feeds (contact, feed URL); unset: data/exchange/sources"
    )
    # Webhooks instead of long polling, so that several processes (on one PostgreSQL) share the updates.
    webhook_url: str | None = Field(default=None, description="public HTTPS URL Telegram sends updates to")
    webhook_listen: str = Field(default="127.0.0.1", description="address the webhook server binds to")
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    webhook_secret: SecretStr | None = Field(default=None, description="checked on every update; required")
    # The public web pages and feeds (bot.web): `ehrenamt-bot web`, or inside `run` when WEB_PORT is set.
    web_port: int | None = Field(default=None, ge=1, le=65535, description="port of the web pages; unset: none")
    web_listen: str = Field(default="127.0.0.1", description="address the web pages are served on")
    web_public_url: str | None = Field(default=None, description="public base URL of the web pages, for links")
    # Sites that may show /embed in an iframe (CSP frame-ancestors), e.g. https://www.kassel.de
    web_frame_ancestors: Annotated[list[str], NoDecode] = Field(default_factory=list)
    # Volunteers' ads, the organisations' side (bot.ads): contacts each organisation may start per calendar day
    # (Berlin), and who may search the ads: members of verified organisations, of any organisation, or anyone.
    ad_contacts_per_day: int = Field(default=10, ge=1, le=1000)
    ads_search_access: Literal["verified", "members", "all"] = "verified"
    # Rendered listing and search pages are kept this long, and only while the data is unchanged (0: never).
    web_page_cache_seconds: float = Field(default=60.0, ge=0, le=3600, description="seconds a rendered page is kept")
    # The operator's /healthz and /metrics (bot/ops): off unless a port is set, loopback unless told otherwise.
    metrics_listen: str = Field(default="127.0.0.1", description="address of the operator's /healthz and /metrics")
    metrics_port: int | None = Field(default=None, ge=1, le=65535, description="unset: no operator server")

    @field_validator("bot_token")
    @classmethod
    def _refuse_placeholder(cls, value: SecretStr | None) -> SecretStr | None:
        """Refuses tokens that are obviously copied from an example."""
        if value is None or not value.get_secret_value().strip():
            return None
        token = value.get_secret_value().strip()
        problem = token_problem(token)
        if problem:
            raise ValueError(f"BOT_TOKEN {problem}; use the token @BotFather gave you, or unset it")
        return SecretStr(token)

    @field_validator("database_url")
    @classmethod
    def _database_url(cls, value: str | None) -> str | None:
        """Accepts PostgreSQL and SQLite URLs (the drivers the bot has); an empty value means the SQLite file."""
        if value is None or not value.strip():
            return None
        if not normalise_async_url(value.strip()).startswith(("postgresql+asyncpg://", "sqlite+aiosqlite://")):
            raise ValueError("DATABASE_URL must be postgresql://user@host/database (or sqlite:///path/file.sqlite3)")
        ssl_mode(make_url(normalise_async_url(value.strip())))  # a mistyped sslmode, said at start (ValueError)
        return value.strip()

    @field_validator("webhook_url")
    @classmethod
    def _webhook_url(cls, value: str | None) -> str | None:
        """Accepts an http(s) URL with a host; an empty value means long polling."""
        if value is None or not value.strip():
            return None
        parsed = urlparse(value.strip())
        if parsed.scheme not in ("https", "http") or not parsed.hostname:
            raise ValueError("WEBHOOK_URL must be the bot's public URL, e.g. https://bot.example.org/telegram")
        return value.strip()

    @field_validator("webhook_secret")
    @classmethod
    def _webhook_secret(cls, value: SecretStr | None) -> SecretStr | None:
        """Keeps to Telegram's rule for secret tokens: 1 to 256 of A-Z, a-z, 0-9, _ and -."""
        if value is None or not value.get_secret_value():
            return None
        if not _SECRET.fullmatch(value.get_secret_value()) or value.get_secret_value().lower() in _PLACEHOLDER_TOKENS:
            raise ValueError("WEBHOOK_SECRET must be 1-256 letters, digits, _ or - (and not a placeholder)")
        return value

    @model_validator(mode="after")
    def _webhook_needs_a_secret(self) -> Settings:
        """Refuses a webhook anybody could post forged updates to, and one Telegram would refuse (not HTTPS)."""
        if self.webhook_url and self.webhook_secret is None:
            raise ValueError("WEBHOOK_URL needs WEBHOOK_SECRET (the same in every process), "
                             "so forged updates are refused")
        if self.webhook_url and self.webhook_url.startswith("http:") and not self.telegram_api_base_url:
            raise ValueError("WEBHOOK_URL must be https:// for Telegram (plain http only with TELEGRAM_API_BASE_URL)")
        return self

    @field_validator("web_public_url")
    @classmethod
    def _web_public_url(cls, value: str | None) -> str | None:
        """Accepts an http(s) base URL with a host and no query; an empty value means the local address."""
        if value is None or not value.strip():
            return None
        parsed = urlparse(value.strip())
        if parsed.scheme not in ("https", "http") or not parsed.hostname or parsed.query or parsed.fragment:
            raise ValueError("WEB_PUBLIC_URL must be the pages' public address, e.g. https://ehrenamt.example.org")
        return value.strip().rstrip("/")

    @field_validator("web_frame_ancestors", mode="before")
    @classmethod
    def _frame_ancestors(cls, value: object) -> object:
        """Accepts 'https://a.example, https://b.example' and keeps only what CSP frame-ancestors allows."""
        items = value.replace(";", ",").replace(" ", ",").split(",") if isinstance(value, str) else value
        if not isinstance(items, (list, tuple)):
            return value
        sites = []
        for item in (str(part).strip().rstrip("/") for part in items):
            if not item:
                continue
            if not _FRAME_SITE.fullmatch(item):
                raise ValueError(f"WEB_FRAME_ANCESTORS: {item!r} is not a site like https://www.kassel.de")
            sites.append(item)
        return sites

    @field_validator("metrics_port", mode="before")
    @classmethod
    def _no_port(cls, value: object) -> object:
        """Reads an empty METRICS_PORT as off."""
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        """Accepts ADMIN_IDS as '123,456' (or '123 456', '123;456') as well as a JSON list."""
        refused = f"{value.strip()!r} is no list of Telegram user ids like 123,456" if isinstance(value, str) else ""
        if isinstance(value, str) and value.strip().startswith("["):
            try:
                return json.loads(value)
            except json.JSONDecodeError:
                raise ValueError(refused) from None
        if isinstance(value, str):
            parts = value.replace(";", ",").replace(" ", ",").split(",")
            if any(not part.strip().isdigit() for part in parts if part.strip()):
                raise ValueError(refused)
            return [int(part) for part in parts if part.strip()]
        if isinstance(value, int):
            return [value]
        return value

    def web_base_url(self, port: int | None = None) -> str:
        """Returns the public base URL of the web pages (WEB_PUBLIC_URL, or the local address they listen on)."""
        if self.web_public_url:
            return self.web_public_url
        host = "127.0.0.1" if self.web_listen in ("0.0.0.0", "::", "") else self.web_listen
        return f"http://{host}:{port or self.web_port or DEFAULT_WEB_PORT}"

    def sqlalchemy_url(self) -> str:
        """Returns the async database URL: DATABASE_URL, or the embedded SQLite file."""
        if self.database_url:
            return normalise_async_url(self.database_url)
        return f"sqlite+aiosqlite:///{(self.data_home / 'ehrenamt.sqlite3').resolve()}"


def token_problem(token: str) -> str | None:
    """Says what makes a bot token an obvious placeholder or malformed (None when it may be real)."""
    found = _TOKEN.fullmatch(token)
    if token.lower() in _PLACEHOLDER_TOKENS or found is None:
        return "looks like a placeholder (a real one is the bot's number, a colon and its secret)"
    secret = found["secret"]
    if secret in _DOCUMENTATION_SECRETS:
        return "is the example token from Telegram's documentation"
    if secret.lower().replace("-", "").replace("_", "") in _PLACEHOLDER_SECRETS or len(set(secret)) == 1:
        return "looks like a placeholder"
    return None


def normalise_async_url(url: str) -> str:
    """Maps plain postgres:// and sqlite:// URLs to the async drivers the bot uses."""
    for prefix, replacement in (
        ("postgres://", "postgresql+asyncpg://"),
        ("postgresql://", "postgresql+asyncpg://"),
        ("postgresql+psycopg://", "postgresql+asyncpg://"),
        ("sqlite://", "sqlite+aiosqlite://"),
    ):
        if url.startswith(prefix):
            return replacement + url[len(prefix):]
    return url


def load_settings(**overrides: object) -> Settings:
    """Reads the settings once; exits with a clear message when they are wrong."""
    return Settings(**overrides)  # type: ignore[arg-type]
