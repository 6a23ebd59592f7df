"""Fixtures of the search tests."""

from __future__ import annotations

import pytest
from tests.factories.search import Listings

from bot.store.db import Database


@pytest.fixture
def listings(any_database: Database) -> Listings:
    """Gives a listing factory on the test's database (SQLite, and PostgreSQL when configured)."""
    return Listings(any_database)
