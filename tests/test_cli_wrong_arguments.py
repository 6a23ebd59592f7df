"""Wrong arguments at the command line are refused in one line naming what is wrong, never with a traceback or an
answer that contradicts itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main


@pytest.fixture(autouse=True)
def sqlite_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Points the CLI at a fresh SQLite file in the test's folder (and away from any .env)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATA_HOME", str(tmp_path / "var"))
    monkeypatch.delenv("DATABASE_URL", raising=False)


def _refusal(argv: list[str]) -> str:
    """Runs the command and returns the one line it exits with."""
    with pytest.raises(SystemExit) as exited:
        main(argv)
    message = str(exited.value.code)
    assert "Traceback" not in message and message.count("\n") == 0
    return message


def test_an_export_file_that_cannot_be_written_is_named_not_the_database(tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "out.json"
    message = _refusal(["export", "-o", str(target)])
    assert message.startswith(f"{target}: ") and "No such file or directory" in message
    assert "Datenbank" not in message and "database" not in message
    assert "Is a directory" in _refusal(["export", "-o", str(tmp_path)])


def test_downgrading_to_an_unknown_revision_says_which_exist() -> None:
    assert main(["db", "upgrade"]) == 0
    message = _refusal(["db", "downgrade", "nosuchrev"])
    assert "nosuchrev" in message and "base, 0001" in message


@pytest.mark.parametrize("argv", [["places", "--limit", "0", "Kassel"], ["places", "--limit", "-2", "Kassel"]])
def test_places_refuses_a_limit_below_one(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert "--limit" in _refusal(argv)
    assert "Did you mean" not in capsys.readouterr().err  # not "no place called Kassel, did you mean Kassel"


@pytest.mark.parametrize("options", [["--limit", "0"], ["--limit", "-1"], ["--offset", "-3"]])
def test_search_refuses_a_limit_below_one_and_a_negative_offset(options: list[str]) -> None:
    assert options[0] in _refusal(["search", *options, "Tierheim in Kassel"])
