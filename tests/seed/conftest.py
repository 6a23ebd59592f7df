"""The demo data set generated once per test session (no database), for the generator's tests."""

from __future__ import annotations

import pytest

from bot.seed.demo import demo_organisations
from tests.factories.seed import SEED_DAY, Demo


@pytest.fixture(scope="session")
def demo() -> Demo:
    """Generates the demo data set once for all generator tests."""
    organisations, listings = [], []
    for organisation, its_listings in demo_organisations(today=SEED_DAY):
        organisations.append(organisation)
        listings.extend(its_listings)
    return Demo(organisations, listings)
