"""Typed settings, read once at start from the environment (and an optional .env file)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")
_PLACEHOLDER_TOKENS = {"changeme", "change-me", "your-token", "your_bot_token", "token", "xxx", "bot_token"}


class Settings(BaseSettings):
    """Everything the bot can be configured with; see README.md, section Configuration."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    bot_token: SecretStr | None = Field(default=None, description="Telegram bot token; none runs the terminal demo")
    bot_username: str = Field(default="EhrenamtBot", description="used to print deep links when offline")
    telegram_api_base_url: str | None = Field(default=None, description="another Bot API server, e.g. an emulator")
    database_url: str | None = Field(default=None, description="unset: SQLite file in data_home")
    data_home: Path = Field(default=Path("var"), description="folder for the SQLite file and caches")
    admin_ids: list[int] = Field(default_factory=list, description="Telegram user ids with full admin rights")
    default_radius_km: float = Field(default=15.0, gt=0, le=500)
    listing_ttl_days: int = Field(default=90, ge=1, le=3650)
    broadcast_rate_per_second: float = Field(default=25.0, gt=0, le=1000)
    paid_broadcasts: bool = False
    log_level: str = "INFO"
    # Webhooks instead of long polling, so that several processes (on one PostgreSQL) share the updates.
    webhook_url: str | None = Field(default=None, description="public HTTPS URL Telegram sends updates to")
    webhook_listen: str = Field(default="127.0.0.1", description="address the webhook server binds to")
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    webhook_secret: SecretStr | None = Field(default=None, description="checked on every update; required")
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
        if token.lower() in _PLACEHOLDER_TOKENS or ":" not in token:
            raise ValueError("BOT_TOKEN looks like a placeholder; use the token @BotFather gave you, or unset it")
        return SecretStr(token)

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

    @field_validator("metrics_port", mode="before")
    @classmethod
    def _no_port(cls, value: object) -> object:
        """Reads an empty METRICS_PORT as off."""
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        """Accepts ADMIN_IDS as '123,456' as well as a JSON list."""
        if isinstance(value, str) and not value.strip().startswith("["):
            return [int(part) for part in value.replace(";", ",").split(",") if part.strip()]
        if isinstance(value, int):
            return [value]
        return value

    def sqlalchemy_url(self) -> str:
        """Returns the async database URL: DATABASE_URL, or the embedded SQLite file."""
        if self.database_url:
            return normalise_async_url(self.database_url)
        return f"sqlite+aiosqlite:///{(self.data_home / 'ehrenamt.sqlite3').resolve()}"


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
