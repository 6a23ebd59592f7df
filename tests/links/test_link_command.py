"""`ehrenamt-bot link` prints deep links with the configured bot name and writes QR codes."""

from __future__ import annotations

from typing import Any, cast

import argparse
import asyncio
from pathlib import Path

import pytest
from PIL import Image

from bot.cli import link as link_command
from bot.links import SearchLink, decode_start_payload
from bot.store.db import Database
from tests.factories.volunteers import make_listing


@pytest.fixture
def configured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Points the settings at a fresh SQLite file in tmp_path and a test bot name; returns the data folder."""
    monkeypatch.chdir(tmp_path)  # no stray .env from the working directory
    monkeypatch.setenv("BOT_USERNAME", "TestEhrenamtBot")
    monkeypatch.setenv("DATA_HOME", str(tmp_path))
    for name in ("DATABASE_URL", "BOT_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def _run(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    link_command.register(parser.add_subparsers())
    args = parser.parse_args(["link", *argv])
    return int(args.func(args))


def _publish_listing(data_home: Path, **values: Any) -> int:
    async def work() -> int:
        database = Database(f"sqlite+aiosqlite:///{data_home / 'ehrenamt.sqlite3'}")
        await database.prepare()
        async with database.unit_of_work() as session:
            listing_id = (await make_listing(session, **values)).id
        await database.close()
        return listing_id

    return asyncio.run(work())


def test_search_link_is_printed_and_drawn(configured: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run("--search", "Tierheim Kassel", "--qr", str(configured / "tierheim.png")) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == "https://t.me/TestEhrenamtBot?start=s-tierheim_kassel"
    with Image.open(configured / "tierheim.png") as image:
        assert image.format == "PNG" and image.size[0] == image.size[1]


def test_long_search_is_stored_and_linked_by_code(configured: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "Ich möchte gerne mit älteren Menschen arbeiten, am liebsten in Leipzig am Wochenende"
    assert _run("--search", text) == 0
    url = capsys.readouterr().out.strip()
    payload = url.split("?start=")[1]
    assert payload.startswith("h") and not isinstance(decode_start_payload(payload), SearchLink)


def test_a_search_of_emoji_alone_is_stored_not_a_traceback(
        configured: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run("--search", "🐶🐱") == 0  # the link's alphabet has no letter for them ("an empty search" before)
    assert capsys.readouterr().out.strip().split("?start=")[1].startswith("h")
    assert _run("--search", "Arabisch عربي Flüchtlinge") == 0  # inline the Arabic word would be dropped
    assert capsys.readouterr().out.strip().split("?start=")[1].startswith("h")


def test_listing_link_only_for_listings_volunteers_can_see(
    configured: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shown = _publish_listing(configured)
    hidden = _publish_listing(configured, status="pending")
    assert _run("--listing", str(shown)) == 0
    assert capsys.readouterr().out.strip() == f"https://t.me/TestEhrenamtBot?start=o{shown}"
    with pytest.raises(SystemExit, match="nicht veröffentlicht"):
        _run("--listing", str(hidden))
    with pytest.raises(SystemExit, match="kein Angebot"):  # an id no listing has is not called expired
        _run("--listing", str(hidden + 1000))


def test_command_is_registered() -> None:
    from bot.cli import COMMANDS

    assert "link" in COMMANDS


def test_a_listing_poster_is_a4_with_title_code_and_caption(
    configured: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listing_id = _publish_listing(configured, title="Lesepatin gesucht für die Grundschule am Park")
    assert _run("--listing", str(listing_id), "--poster", str(configured / "plakat.png")) == 0
    assert "Plakat / poster:" in capsys.readouterr().out
    with Image.open(configured / "plakat.png") as image:
        assert image.size == (1240, 1754)  # A4 at 150 dpi
        # the code sits in the middle third, dark modules on white, and the title's ink is near the top
        # (an "L" image has one band, so its extrema are one (min, max) pair; Pillow's type covers every mode)
        low, high = cast("tuple[int, int]", image.crop((240, 700, 1000, 1300)).convert("L").getextrema())
        assert low < 50 and high > 200
        assert cast("tuple[int, int]", image.crop((110, 100, 1130, 260)).convert("L").getextrema())[0] < 80
    assert _run("--listing", str(listing_id), "--poster", str(configured / "plakat.pdf"), "--lang", "en") == 0
    assert (configured / "plakat.pdf").read_bytes().startswith(b"%PDF")


def test_a_poster_must_be_pdf_or_png(configured: Path) -> None:
    with pytest.raises(SystemExit, match=".pdf oder .png"):
        _run("--search", "Tierheim Kassel", "--poster", str(configured / "plakat.jpg"))


def test_a_qr_code_must_be_png(configured: Path) -> None:
    with pytest.raises(SystemExit, match=r"\.png"):
        _run("--search", "Tierheim Kassel", "--qr", str(configured / "code.txt"))
    assert not (configured / "code.txt").exists()
