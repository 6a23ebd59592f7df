"""The labelled message set must keep its scores: a regression in the rules fails here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nlu.evaluate import DEFAULT_SET, HELD_OUT_SETS, Scores, evaluate, load, main

DEV_SET = Path(__file__).parent / "data" / "dev_messages.jsonl"
LABELS = ("children_youth", "seniors", "refugees_integration", "environment", "animals", "sports", "culture",
          "education", "health_care", "emergency_services", "poverty_homelessness", "disability_inclusion",
          "digital", "neighbourhood")
TIME_SLOTS = {"weekday", "weekend", "daytime", "evening", "one_off", "regular"}


@pytest.fixture(scope="module")
def scores() -> Scores:
    return evaluate(load(DEFAULT_SET))


def test_labelled_set_is_large_and_well_formed() -> None:
    rows = load(DEFAULT_SET)
    assert len(rows) >= 300
    assert len({row["text"] for row in rows}) == len(rows), "duplicate messages"
    for row in rows:
        assert set(row["categories"]) | set(row["exclude_categories"]) <= set(LABELS), row["text"]
        assert set(row["time"]) <= TIME_SLOTS, row["text"]
        assert row["lang"] in ("de", "en")
        assert row["place"] is None or {"name", "lat", "lon"} <= set(row["place"])


def test_all_slots_right_on_at_least_92_percent(scores: Scores) -> None:
    assert scores.all_slots >= 0.92


def test_category_f1_at_least_095(scores: Scores) -> None:
    assert scores.f1 >= 0.95


def test_place_within_10_km_on_at_least_97_percent(scores: Scores) -> None:
    assert scores.accuracy("place") >= 0.97


def test_other_slots_stay_high(scores: Scores) -> None:
    for slot in ("time", "languages", "remote", "radius", "lang", "exclude", "ambiguous"):
        assert scores.accuracy(slot) >= 0.95, slot


def test_held_out_set_is_reasonable() -> None:
    # Written after the rules, never tuned on: a floor against collapse, not the target.
    held_out = evaluate(load(DEV_SET))
    assert held_out.f1 >= 0.85 and held_out.accuracy("place") >= 0.9


# Loose floors, well below the scores recorded in data/README.md: they catch a collapse of generalisation
# without failing on one more wrong message in a small set.
HELD_OUT_FLOORS = {
    "heldout_b.jsonl": (0.85, 0.93, 0.95), "heldout_c.jsonl": (0.83, 0.92, 0.95), "heldout_d.jsonl": (0.85, 0.92, 0.95),
}


@pytest.mark.parametrize("name", sorted(HELD_OUT_FLOORS))
def test_later_held_out_sets_keep_a_floor(name: str) -> None:
    all_slots, f1, place = HELD_OUT_FLOORS[name]
    scores = evaluate(load(DEV_SET.parent / name))
    assert scores.all_slots >= all_slots and scores.f1 >= f1 and scores.accuracy("place") >= place


@pytest.mark.parametrize("path", [DEFAULT_SET, *HELD_OUT_SETS], ids=lambda p: p.name)
def test_every_labelled_set_is_well_formed(path: Path) -> None:
    rows = load(path)
    assert len({row["text"] for row in rows}) == len(rows), "duplicate messages"
    for row in rows:
        assert set(row["categories"]) | set(row["exclude_categories"]) <= set(LABELS), row["text"]
        assert set(row["time"]) <= TIME_SLOTS and row["lang"] in ("de", "en"), row["text"]


def test_scorer_scores_several_files_one_after_another(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    row = {"text": "Tierheim in Kassel", "lang": "de", "categories": ["animals"], "exclude_categories": [],
           "place": {"name": "Kassel", "lat": 51.3167, "lon": 9.5}, "ambiguous": False, "radius_km": None,
           "time": [], "languages": [], "remote": False}
    first, second = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    first.write_text(json.dumps(row) + "\n", encoding="utf-8")
    second.write_text(json.dumps({**row, "categories": ["seniors"]}) + "\n", encoding="utf-8")
    assert main([str(first), str(second), "--failures"]) == 0
    out = capsys.readouterr().out
    assert "== one.jsonl" in out and "== two.jsonl" in out
    assert out.count("all slots right      1.000") == 1 and out.count("all slots right      0.000") == 1
    assert "wrong: categories" in out


def test_scorer_counts_a_wrong_place_and_a_missed_category() -> None:
    row = {"text": "Tierheim in Kassel", "lang": "de", "categories": ["animals", "seniors"], "exclude_categories": [],
           "place": {"name": "Fulda", "lat": 50.55, "lon": 9.68}, "ambiguous": False, "radius_km": None,
           "time": [], "languages": [], "remote": False}
    result = evaluate([row, json.loads(json.dumps(row) .replace("Fulda", "Kassel").replace("50.55", "51.3167")
                                        .replace("9.68", "9.5"))])
    assert result.messages == 2 and result.accuracy("place") == 0.5
    assert result.tp == 2 and result.fn == 2 and result.fp == 0 and result.all_right == 0
