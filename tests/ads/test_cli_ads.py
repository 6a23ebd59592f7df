"""`ehrenamt-bot search --json --ads -`: the ads for tools, in the listings' output shape, nothing personal."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from bot.cli import main
from bot.domain import MAX_QUERY_CHARS, AdStatus
from bot.store.db import Database
from tests.factories.ads import make_ad, make_volunteer
from tests.factories.search import Listings

AD_RESULT_FIELDS = {"id", "text", "categories", "place", "remote", "travel_km", "time", "languages", "newcomer",
                    "published", "score", "why"}


@pytest.fixture
async def configured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Points the command at a fresh SQLite file with a listing and a few ads around Kassel."""
    path = tmp_path / "cli.sqlite3"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.chdir(tmp_path)
    database = Database(f"sqlite+aiosqlite:///{path}")
    await database.prepare()
    await Listings(database).add("Hausaufgabenhilfe im Jugendzentrum Kassel", categories=["education"])
    async with database.unit_of_work() as session:
        person = await make_volunteer(session, telegram_id=555_000_111)
        homework = await make_ad(session, volunteer=person)
        await make_ad(session, status=AdStatus.PENDING)
        ids = {"homework": homework.id, "person": person.id, "telegram": person.telegram_id}
    await database.close()
    return ids


def _run(arguments: list[str], stdin: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    assert main(arguments) == 0
    return capsys.readouterr().out


def test_json_lines_of_ads_have_the_listings_shape_and_no_personal_field(
    configured: dict[str, int], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    long = "Mathe " * 100
    out = _run(["search", "--json", "--ads", "-"],
               f"jemand für Hausaufgabenhilfe in Kassel nachmittags\n\n{long}\n🙂\n", monkeypatch, capsys)
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == 4
    found, empty, refused, emoji = lines
    for line in (found, empty, emoji):
        assert set(line) == {"query", "widened", "results", "not_applied", "unknown_place"}
    assert [result["id"] for result in found["results"]] == [configured["homework"]]  # not the listing, not pending
    result = found["results"][0]
    assert set(result) == AD_RESULT_FIELDS
    assert result["place"] == "Kassel" and result["travel_km"] == 10 and "education" in result["categories"]
    assert str(configured["telegram"]) not in out
    assert refused["error"] == "too_long" and refused["limit"] == MAX_QUERY_CHARS
    assert empty["results"] == [] and emoji["results"] == []


def test_without_json_a_person_reads_the_ads(configured: dict[str, int], monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(["search", "--ads", "Hausaufgaben in Kassel"], "", monkeypatch, capsys)
    assert "1. Ich helfe Schulkindern nachmittags" in out and "Kassel (bis 10 km)" in out
    assert "Jugendzentrum" not in out


def test_without_ads_the_same_request_finds_only_the_listing(
    configured: dict[str, int], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    out = _run(["search", "--json", "Hausaufgaben in Kassel"], "", monkeypatch, capsys)
    assert [result["title"] for result in json.loads(out)["results"]] == ["Hausaufgabenhilfe im Jugendzentrum Kassel"]
