"""Shared by the seed tests: the fixed seed day and the generated demo's shape."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.seed.listings import Listing
from bot.seed.organisations import DemoOrganisation

SEED_DAY = date(2025, 6, 2)  # a fixed seed day keeps generated dates (and so the rows) comparable


@dataclass(frozen=True)
class Demo:
    """The generated demo: organisations and all their listings."""

    organisations: list[DemoOrganisation]
    listings: list[Listing]

    @property
    def values(self) -> list[dict[str, Any]]:
        """Returns every listing's column values."""
        return [listing.values for listing in self.listings]
