"""`ehrenamt-bot seed` on the default SQLite store: a summary line, idempotent, refuses nonsense."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main


@pytest.fixture
def sqlite_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Points the settings at an empty data folder (SQLite created and migrated on first use)."""
    monkeypatch.chdir(tmp_path)  # no .env from the repository
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("DATA_HOME", str(tmp_path / "var"))
    return tmp_path / "var"


def test_seed_count_prints_a_summary_and_updates_on_the_second_run(
    sqlite_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["seed", "--count", "25", "--batch-size", "10"]) == 0
    first = capsys.readouterr().out
    assert main(["seed", "--count", "25"]) == 0
    second = capsys.readouterr().out
    assert "seed bench: 5 organisations, 25 listings (25 new, 0 updated, 0 removed)" in first
    assert "(0 new, 25 updated, 0 removed)" in second
    assert "listings/s" in second
    assert (sqlite_home / "ehrenamt.sqlite3").exists()


def test_seed_refuses_bad_arguments(sqlite_home: Path) -> None:
    with pytest.raises(SystemExit):
        main(["seed"])
    with pytest.raises(SystemExit, match="--count"):
        main(["seed", "--count", "-3"])
    with pytest.raises(SystemExit, match="--replace"):
        main(["seed", "--demo", "--replace"])
