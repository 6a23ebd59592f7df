"""Shared fixtures: a migrated database per test (SQLite always, PostgreSQL when TEST_POSTGRES_URL is set)."""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings
from sqlalchemy import create_engine, text

from bot.settings import Settings, normalise_async_url
from bot.store import migrate
from bot.store.db import Database
from bot.store.scratch import scratch_schema

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL")

# Property tests explore new inputs on every local run; CI (HYPOTHESIS_PROFILE=ci) draws the same inputs each time, so
# a red build always comes from a change, and a newly found failing input is pinned with @example where it is fixed.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# Commands run as child processes (the web server, the demo, the CLI) from a temporary folder import the checkout
# under test, not the `bot` of an editable install made from another checkout (a git worktree's would be main's).
CHECKOUT = str(Path(__file__).resolve().parents[1])
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, (CHECKOUT, os.environ.get("PYTHONPATH"))))


@pytest.fixture(scope="session")
def migrated_sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Migrates one SQLite file per test session; tests get copies, which is much faster than migrating each."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        migrate.upgrade(connection)
    engine.dispose()
    return path


@pytest.fixture
async def sqlite_database(tmp_path: Path, migrated_sqlite_template: Path) -> AsyncIterator[Database]:
    """Gives a fresh, migrated SQLite database in a temporary folder."""
    path = tmp_path / "test.sqlite3"
    shutil.copyfile(migrated_sqlite_template, path)
    database = Database(f"sqlite+aiosqlite:///{path}")
    yield database
    await database.close()


@pytest.fixture
async def postgres_database() -> AsyncIterator[Database]:
    """Gives a migrated PostgreSQL database in a schema of its own (parallel runs never collide)."""
    if not POSTGRES_URL:
        pytest.skip("TEST_POSTGRES_URL is not set (PostgreSQL tests run in .ci/run)")
    async with scratch_schema(normalise_async_url(POSTGRES_URL), prefix="test") as database:
        yield database


@pytest.fixture
async def second_process(postgres_database: Database) -> AsyncIterator[Database]:
    """A second engine and pool on the PostgreSQL test schema, as another bot process would have."""
    async with postgres_database.read_only() as session:
        schema = (await session.execute(text("SELECT current_schema()"))).scalar_one()
    other = Database(postgres_database.url, schema=schema)
    yield other
    await other.close()


@pytest.fixture(params=["sqlite", "postgres"])
def any_database(request: pytest.FixtureRequest) -> Database:
    """Runs a test once on SQLite and once on PostgreSQL (skipped without TEST_POSTGRES_URL)."""
    database: Database = request.getfixturevalue(f"{request.param}_database")
    return database


@pytest.fixture
def database(sqlite_database: Database) -> Database:
    """The default database of a test: SQLite."""
    return sqlite_database


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings for tests: no token, data in a temporary folder, one admin."""
    return Settings(_env_file=None, bot_token=None, data_home=tmp_path, admin_ids=[1000])
