"""SQLite and PostgreSQL give the same results, scores and widening for the same listings and requests."""

from __future__ import annotations

from typing import Any

import random
from datetime import timedelta

import pytest
from tests.factories.search import KASSEL, LEIPZIG, NOW, Listings, find, near

from bot.categories import categories
from bot.domain import TIME_BITS
from bot.search import PlaceRef, Refinement, SearchRequest
from bot.store.db import Database

TITLES = ["Gassi gehen im Tierheim", "Hausaufgabenhilfe für Grundschüler", "Vorlesen im Seniorenheim",
          "Repair-Café: Toaster retten", "Telefonseelsorge am Abend", "Fußballtraining für Kinder",
          "Sprachcafé für Geflüchtete", "Tafel: Lebensmittel ausgeben", "Müllsammelaktion an der Fulda",
          "Besuchsdienst im Krankenhaus", "Jugendfeuerwehr betreuen", "Smartphone-Hilfe für Senioren"]
REQUESTS: list[dict[str, Any]] = [
    {"categories": ["animals"], "place": KASSEL},
    {"categories": ["children_youth", "education"], "place": KASSEL, "time": ["weekend"]},
    {"place": KASSEL, "keywords": ["telefonselsorge"]},
    {"place": LEIPZIG, "keywords": ["repair", "cafe"], "radius_km": 10},
    {"categories": ["seniors"], "exclude_categories": ["health_care"], "place": KASSEL, "languages": ["ar"]},
    {"categories": ["poverty_homelessness"]},
    {"remote": True, "lang": "en"},
    {"place": KASSEL, "time": ["evening", "regular"], "keywords": ["vorlesen"]},
    # No animal listing holds the word: the ones titled "Besuchsdienst im Krankenhaus" join (bot.search.titled).
    {"categories": ["animals"], "place": KASSEL, "keywords": ["besuchsdienst"]},
]


def _listings(seed: int) -> list[dict[str, object]]:
    """Returns 120 varied listings around Kassel and Leipzig (the same ones for the same seed)."""
    rng = random.Random(seed)
    keys = list(categories())
    rows = []
    for number in range(120):
        centre: PlaceRef = rng.choice([KASSEL, LEIPZIG])
        rows.append({
            "title": f"{rng.choice(TITLES)} {number}",
            "description": rng.choice(["Wir freuen uns auf dich.", "Hunde und Katzen warten.", "Ohne Vorkenntnisse."]),
            "categories": rng.sample(keys, rng.randint(1, 2)),
            "time_tags": rng.sample(list(TIME_BITS), rng.randint(0, 2)),
            "languages": rng.choice([[], ["ar"], ["uk", "ru"]]),
            "newcomer_friendly": rng.random() < 0.3,
            "remote": rng.random() < 0.1,
            "published_at": NOW - timedelta(days=rng.randint(0, 200)),
            **near(centre, rng.uniform(-40, 40), rng.uniform(-40, 40)),
        })
    return rows


async def test_both_databases_agree_on_every_request(sqlite_database: Database, postgres_database: Database) -> None:
    rows = _listings(7)
    for database in (sqlite_database, postgres_database):
        await Listings(database).add_many(rows)
    compared = 0
    steps: set[str] = set()
    for fields in REQUESTS:
        for offset in (0, 5):
            request = SearchRequest(limit=5, offset=offset, refinement=Refinement())
            on_sqlite = await find(sqlite_database, request, **fields)
            on_postgres = await find(postgres_database, request, **fields)
            assert on_sqlite.to_dict() == on_postgres.to_dict(), fields
            assert (on_sqlite.total, on_sqlite.radius_km) == (on_postgres.total, on_postgres.radius_km)
            compared += len(on_sqlite.results)
            steps.update(on_sqlite.widened)
    assert compared >= 40  # the requests found enough to make the comparison mean something
    assert steps & {"titled", "titled_only"}  # the crossing by title is compared too


@pytest.mark.parametrize("seed", [1, 2])
async def test_ties_are_broken_the_same_way(seed: int, sqlite_database: Database, postgres_database: Database) -> None:
    rows = [{"title": "Sporthalle aufbauen", "categories": ["sports"], **near(KASSEL)} for _ in range(9)]
    random.Random(seed).shuffle(rows)
    for database in (sqlite_database, postgres_database):
        await Listings(database).add_many(rows)
    request = SearchRequest(limit=9)
    first = await find(sqlite_database, request, categories=["sports"], place=KASSEL)
    second = await find(postgres_database, request, categories=["sports"], place=KASSEL)
    assert [hit.id for hit in first.results] == [hit.id for hit in second.results] == sorted(
        hit.id for hit in first.results)
