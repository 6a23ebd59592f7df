"""`ehrenamt-bot search`: one JSON object per stdin line with exactly the contract's fields, and a readable form."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from tests.search.search_factories import KASSEL, Listings, near

from bot.cli import main
from bot.store.db import Database

RESULT_FIELDS = {"id", "title", "organisation", "categories", "place", "lat", "lon", "distance_km", "time",
                 "contact", "score", "why"}


@pytest.fixture
async def configured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Listings:
    """Points the command at a fresh SQLite file with a few listings around Kassel."""
    path = tmp_path / "cli.sqlite3"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.chdir(tmp_path)  # no .env of the developer's
    database = Database(f"sqlite+aiosqlite:///{path}")
    await database.prepare()
    listings = Listings(database)
    await listings.add_many([
        {"title": "Gassi gehen im Tierheim Kassel", "categories": ["animals"], "time_tags": ["weekend"],
         "contact_name": "Erika Beispiel", "contact_phone": "+49 30 1234 5001", **near(KASSEL, 2, 0)},
        {"title": "Katzenhaus: Pflege und Spiel", "categories": ["animals"], **near(KASSEL, -3, 4)},
        {"title": "Vogelstation im Habichtswald", "categories": ["animals", "environment"], **near(KASSEL, 1, -8)},
        {"title": "Telefonseelsorge: Ausbildung für Ehrenamtliche", "categories": ["health_care"]},
    ])
    await database.close()
    return listings


def _run(arguments: list[str], stdin: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    assert main(arguments) == 0
    return capsys.readouterr().out


def test_json_lines_follow_the_contract(configured: Listings, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(["search", "--json", "-"], "Tierheim Kassel\n\nTelefonselsorge in Kassel\n🙂\n", monkeypatch, capsys)
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == 4
    for line in lines:
        assert set(line) == {"query", "widened", "results", "not_applied", "unknown_place"}
        for result in line["results"]:
            assert set(result) == RESULT_FIELDS
            assert set(result["contact"]) == {"name", "phone", "email", "url"}
    shelter = lines[0]
    assert shelter["query"]["categories"] == ["animals"] and shelter["query"]["place"]["name"] == "Kassel"
    assert [result["title"] for result in shelter["results"]][0] == "Gassi gehen im Tierheim Kassel"
    assert all("animals" in result["categories"] for result in shelter["results"])
    first = shelter["results"][0]
    assert first["contact"]["name"] == "Erika Beispiel" and first["contact"]["email"] == "info@example.org"
    assert first["why"].endswith("Tierheim") and first["distance_km"] is not None
    assert lines[1]["results"] == [] and lines[3]["results"] == []
    assert [result["title"] for result in lines[2]["results"]] == ["Telefonseelsorge: Ausbildung für Ehrenamtliche"]


def test_limit_offset_and_filters_from_options(configured: Listings, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    pages = []
    for offset in ("0", "2"):
        out = _run(["search", "--json", "--limit", "2", "--offset", offset, "--category", "animals", "--place",
                    "Kassel", "Ehrenamt"], "", monkeypatch, capsys)
        pages.append([result["id"] for result in json.loads(out)["results"]])
    assert len(pages[0]) == 2 and len(pages[1]) == 1 and not set(pages[0]) & set(pages[1])


def test_without_json_a_person_reads_the_results(configured: Listings, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(["search", "Tierheim in Kassel am Wochenende"], "", monkeypatch, capsys)
    assert out.splitlines()[0].startswith("Tiere · Kassel + 15 km")
    assert "1. Gassi gehen im Tierheim Kassel" in out and "Erika Beispiel" in out
