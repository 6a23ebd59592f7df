"""`ehrenamt-bot demo`: the same Application in a terminal, buttons as numbers, also with a piped script."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli.demo import chat
from bot.settings import Settings


@pytest.fixture
def seeded_home(data_home: Path) -> Path:
    """Gives a data folder whose database already holds the test listings (so the demo seeds nothing)."""
    return data_home


async def _demo(home: Path, script: str, lang: str = "de") -> str:
    """Runs the demo on a script and returns everything it printed."""
    out = io.StringIO()
    settings = Settings(_env_file=None, data_home=home)
    assert await chat(settings, lang=lang, stdin=io.StringIO(script), stdout=out) == 0
    return out.getvalue()


async def test_the_demo_greets_searches_and_presses_buttons_by_number(seeded_home: Path) -> None:
    output = await _demo(seeded_home, "Tiere in Kassel am Wochenende\n#11\n#1\n#1\nende\n")
    assert "Hallo Demo" in output and "⌨ 📍 Standort teilen (standort 51.31 9.49)" in output
    assert "🔎 Tiere · Kassel + 15 km · am Wochenende" in output  # HTML becomes plain terminal text
    assert "[#6] ☆ 1" in output and "[#11] Mehr ▶" in output
    assert "✎ 🔎 Tiere" in output and "hier Nr. 6" in output  # "11" pressed Mehr: the message was edited
    assert "[#1] ℹ️ 6" in output and "☆ Merken" in output
    assert "» Auf deiner Merkliste ⭐" in output


async def test_a_shared_location_and_english(seeded_home: Path) -> None:
    output = await _demo(seeded_home, "standort 51,318 9,495\n#5\n", lang="en")
    assert "What would you like to help with?" in output and "Shall I remember <b>" not in output
    assert "🔎 Animals · Kassel + 15 km" in output


async def test_a_number_without_a_button_is_explained(seeded_home: Path) -> None:
    output = await _demo(seeded_home, "/einstellungen\n#42\n")
    assert "(keine Taste #42 / no button #42)" in output


async def test_a_typed_number_is_an_answer_not_a_button(seeded_home: Path) -> None:
    output = await _demo(seeded_home, "/standort\n34117\n")
    assert "keine Taste" not in output
    assert "Gemerkt: Kassel" in output


async def test_a_yes_and_a_town_answer_where_to_look_instead(seeded_home: Path) -> None:
    output = await _demo(seeded_home, "Tierheim, aber nicht in Kassel\nJa, Baunatal\nende\n")
    assert "Wo soll ich stattdessen suchen?" in output and "anderen Ort im Sinn" not in output
    assert "🔎 Tiere · ohne Kassel · Baunatal" in output


async def test_a_plain_no_closes_the_question_where_instead(seeded_home: Path) -> None:
    output = await _demo(seeded_home, "Tierheim, aber nicht in Kassel\nnein\nende\n")
    assert "Alles klar 🙂" in output and output.count("🔎 Tiere") == 1


async def test_bytes_that_were_no_utf8_become_marks_and_the_search_still_runs(seeded_home: Path) -> None:
    # a terminal whose stdin is not UTF-8 hands them on as surrogate escapes, which no database can store
    output = await _demo(seeded_home, "Tierheim \udcff\udcfe in Kassel\nende\n")
    assert "> Tierheim \ufffd\ufffd in Kassel" in output
    assert "🔎 Tiere · Kassel + 15 km" in output


@pytest.mark.slow
def test_run_without_a_token_says_so_and_starts_the_demo_on_a_pipe(seeded_home: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key not in ("BOT_TOKEN", "DATABASE_URL")}
    env["DATA_HOME"] = str(seeded_home)
    finished = subprocess.run(
        [sys.executable, "-c", "import sys; from bot.cli import main; sys.exit(main(['run']))"],
        input="Lesepate Kassel\n#1\n", env=env, cwd=seeded_home, capture_output=True, text=True, timeout=120,
    )
    assert finished.returncode == 0, finished.stderr
    assert "Kein BOT_TOKEN gesetzt" in finished.stderr
    assert "Hallo Demo" in finished.stdout and "> Lesepate Kassel" in finished.stdout
    assert "Lesepate an der Grundschule" in finished.stdout and "<b>" not in finished.stdout
