"""What no listing holds (bot.search.unfound), answered beside the page on PostgreSQL: the same answers and notes as
its own statement gives, and as SQLite gives, for a varied set of requests read by the NLU."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

import pytest

from bot.categories import categories
from bot.domain import TIME_BITS
from bot.search import PlaceRef, SearchRequest, VocabularyCache, search
from bot.search import engine, unfound
from bot.search.understanding import parse_text
from bot.store.db import Database
from tests.factories.search import KASSEL, LEIPZIG, NOW, Listings, near

TITLES = ["Gitarrenunterricht für Anfänger", "Hausaufgabenhilfe für Grundschüler", "Vorlesen im Seniorenheim",
          "Repair-Café: Toaster retten", "Gassi gehen im Tierheim", "Fußballtraining für Kinder",
          "Sprachcafé für Geflüchtete", "Tafel: Lebensmittel ausgeben", "Müllsammelaktion an der Fulda",
          "Besuchsdienst im Krankenhaus", "Jugendfeuerwehr betreuen", "Smartphone-Hilfe für Senioren",
          "Chor sucht tiefe Stimmen", "Nachhilfe in Mathe", "Deutschkurs für Erwachsene"]
DESCRIPTIONS = ["Wir freuen uns auf dich.", "Hunde und Katzen warten.", "Ohne Vorkenntnisse.",
                "Du unterstützt Kinder beim Lernen.", "Gemeinsam kochen wir für ältere Menschen."]
# Requests as people write them: things no listing holds ("Cello", "Klavier"), things held nearby only in part,
# held far away only, in a category or in none, with times, from home, in English.
REQUESTS = [
    "Cellounterricht geben in Leipzig", "Klavierunterricht für Kinder in Kassel", "Gitarrenunterricht in Kassel",
    "Hausaufgabenhilfe in Leipzig am Wochenende", "Vorlesen für Senioren in Kassel", "Repair Café Leipzig",
    "Fußballtraining mit Kindern in Kassel abends", "Tierheim Kassel Hunde ausführen", "Tafel Leipzig",
    "Besuchsdienst Krankenhaus Leipzig", "Schach spielen im Seniorenheim Kassel", "Imkerei in Kassel",
    "Smartphone Hilfe für Senioren in Leipzig", "Müll sammeln an der Fulda in Kassel", "Sprachcafé online",
    "Deutsch unterrichten für Geflüchtete in Leipzig", "Mathe Nachhilfe in Kassel am Wochenende",
    "Jugendfeuerwehr in Leipzig", "Töpfern mit Senioren in Kassel", "teach piano in Leipzig",
    "help at the animal shelter in Kassel", "Chor singen in Leipzig", "Lebensmittel retten in Kassel",
]


# A look reading the candidates a try kept (bot.search.unfound.held_tests), by the shared subquery's name.
KEPT_CANDIDATES = re.compile(r"FROM opportunities o WHERE o\.id IN \(SELECT (w\d+)\.id FROM \1\)")


def _listings(seed: int) -> list[dict[str, object]]:
    """Returns 150 varied listings around Kassel and Leipzig (the same ones for the same seed)."""
    rng = random.Random(seed)
    keys = list(categories())
    rows = []
    for number in range(150):
        centre: PlaceRef = rng.choice([KASSEL, LEIPZIG])
        spread = rng.choice([5, 20, 45])
        rows.append({
            "title": f"{rng.choice(TITLES)} {number}",
            "description": rng.choice(DESCRIPTIONS),
            "categories": rng.sample(keys, rng.randint(1, 2)),
            "time_tags": rng.sample(list(TIME_BITS), rng.randint(0, 2)),
            "newcomer_friendly": rng.random() < 0.3,
            "remote": rng.random() < 0.1,
            "published_at": NOW - timedelta(days=rng.randint(0, 200)),
            **near(centre, rng.uniform(-spread, spread), rng.uniform(-spread, spread)),
        })
    return rows


async def _answers(database: Database, texts: Sequence[str]) -> list[tuple[Any, ...]]:
    """Returns for each request what its answer says: ids, scores, widening, totals, radius and the unfound words."""
    answers = []
    vocabularies = VocabularyCache()
    for text in texts:
        async with database.read_only() as session:
            outcome = await search(session, SearchRequest(text=text), vocabularies=vocabularies, now=NOW)
        answers.append((text, [hit.id for hit in outcome.results], [round(hit.score, 6) for hit in outcome.results],
                        outcome.widened, outcome.total, outcome.radius_km, outcome.unfound))
    return answers


async def test_both_stores_give_the_same_answers_and_unfound_words(
    sqlite_database: Database, postgres_database: Database,
) -> None:
    parse_text("Tierheim Kassel")  # the NLU loaded before either store is asked
    rows = _listings(11)
    for database in (sqlite_database, postgres_database):
        await Listings(database).add_many(rows)
    on_sqlite = await _answers(sqlite_database, REQUESTS)
    on_postgres = await _answers(postgres_database, REQUESTS)
    assert on_sqlite == on_postgres
    # The comparison means something: answers found, some saying what no listing holds, some not.
    assert sum(bool(answer[1]) for answer in on_sqlite) >= len(REQUESTS) - 2
    assert 3 <= sum(bool(answer[6]) for answer in on_sqlite) <= len(REQUESTS) - 5


async def test_the_look_beside_the_page_says_what_its_own_statement_says(
    postgres_database: Database, monkeypatch: pytest.MonkeyPatch,
) -> None:
    parse_text("Tierheim Kassel")
    await Listings(postgres_database).add_many(_listings(12))
    looks: list[str] = []
    held_here = unfound._held_here

    async def own_statement(*args: Any, **kwargs: Any) -> frozenset[Any]:
        looks.append("own")
        return await held_here(*args, **kwargs)

    monkeypatch.setattr(unfound, "_held_here", own_statement)
    kept_reads: list[bool] = []
    held_tests = unfound.held_tests

    def noting_kept(*args: Any, **kwargs: Any) -> list[str]:
        tests = held_tests(*args, **kwargs)
        kept_reads.extend(bool(KEPT_CANDIDATES.search(test)) for test in tests)
        return tests

    monkeypatch.setattr(unfound, "held_tests", noting_kept)
    beside = await _answers(postgres_database, REQUESTS)
    statements_beside = len(looks)
    looks.clear()
    async def nothing_beside(*args: Any, **kwargs: Any) -> None:
        return None

    monkeypatch.setattr(engine, "held_beside", nothing_beside)  # every look in a statement of its own
    alone = await _answers(postgres_database, REQUESTS)
    assert beside == alone
    assert sum(bool(answer[6]) for answer in alone) >= 3
    # The look beside the page answered some of the requests whose note was looked for (those whose first try is
    # reported), with no statement of their own.
    assert statements_beside <= len(looks) - 3
    # Beside a try around a place, the look probes the candidates the try kept (SqlText.admitted) and answers alike;
    # the looks of other tries and of a statement of their own read the listings themselves.
    assert any(kept_reads) and not all(kept_reads)
