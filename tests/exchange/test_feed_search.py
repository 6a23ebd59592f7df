"""How imported listings look to a volunteer: approximate places show no distance and are never nearest."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import bot.cli.common  # noqa: F401  (its Progress binds sys.stderr when imported: before capsys swaps it)
from bot.cli import main
from bot.search.approximate import is_approximate


@pytest.fixture(autouse=True)
def database_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATA_HOME", str(tmp_path / "var"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("EXCHANGE_SOURCES_DIR", str(tmp_path))


def offer(offer_id: str, **place: object) -> dict[str, object]:
    return {"id": offer_id, "name": "Gassigehen mit Hunden aus dem Tierheim", "org": f"Tierfreunde {offer_id}",
            "description": "Du gehst mit unseren Hunden spazieren.", "categories": ["Tierschutz"],
            "contact": {"email": f"{offer_id}@example.org"}, **place}


def search(capsys: pytest.CaptureFixture[str], text: str) -> list[dict[str, Any]]:
    capsys.readouterr()
    assert main(["search", "--json", text]) == 0
    results: list[dict[str, Any]] = json.loads(capsys.readouterr().out)["results"]
    return results


def test_a_listing_placed_only_at_its_town_shows_no_distance_and_is_not_nearest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = {"agenturId": "9", "angebote": [
        offer("town-only", ort="Kassel"),  # the town's centre: exactly where a search "in Kassel" starts
        offer("exact", ort="Kassel", lat=51.3300, lon=9.4700),  # a real point about 2 km away
    ]}
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(feed), encoding="utf-8")
    assert main(["import", str(path)]) == 0
    results = search(capsys, "Tierheim Kassel")
    assert [hit["organisation"] for hit in results] == ["Tierfreunde exact", "Tierfreunde town-only"]
    assert results[0]["distance_km"] is not None and results[1]["distance_km"] is None
    assert results[1]["place"] == "Kassel" and "< 1 km" not in results[1]["why"]
    assert main(["search", "Tierheim Kassel"]) == 0
    shown = capsys.readouterr().out
    assert "Kassel · < 1 km" not in shown


def test_only_quarter_and_town_are_approximate() -> None:
    assert is_approximate("town") and is_approximate("quarter")
    assert not any(is_approximate(p) for p in ("point", "postal_code", None))
