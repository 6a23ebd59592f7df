"""The console commands of the web: `embed-snippet`, `web` registered, and the pages inside `run`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import httpx
import pytest

from bot.cli import BENCHMARKS, COMMANDS, build_parser, embed_snippet
from bot.settings import Settings
from bot.web.server import WEB_SERVER_KEY, attach_to_bot


@pytest.fixture
def configured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings from a clean environment in tmp_path."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATA_HOME", str(tmp_path))
    monkeypatch.setenv("WEB_PUBLIC_URL", "https://ehrenamt.example.org")
    monkeypatch.setenv("WEB_FRAME_ANCESTORS", "https://www.kassel.example")
    for name in ("DATABASE_URL", "BOT_TOKEN", "WEB_PORT"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def _snippet(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    embed_snippet.register(parser.add_subparsers())
    args = parser.parse_args(["embed-snippet", *argv])
    return int(args.func(args))


def test_embed_snippet_is_one_line_of_html(configured: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _snippet("--ort", "Kassel", "--bereich", "animals") == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    assert out == ('<iframe src="https://ehrenamt.example.org/embed?ort=Kassel&amp;bereich=animals" '
                   'title="Ehrenamtliche Angebote in Kassel" width="100%" height="640" '
                   'style="border:0;max-width:100%" loading="lazy" referrerpolicy="strict-origin-when-cross-origin">'
                   '</iframe>\n')


def test_embed_snippet_refuses_unknown_and_ambiguous_places(configured: Path) -> None:
    with pytest.raises(SystemExit, match="unknown place"):
        _snippet("--ort", "Xyzzyhausen")
    with pytest.raises(SystemExit, match="Postleitzahl"):
        _snippet("--ort", "Frankenberg")
    with pytest.raises(SystemExit, match="Postleitzahl") as alike:  # two in Rheinland-Pfalz without a district
        _snippet("--ort", "Bornheim")
    named = str(alike.value.code).split(": ", 1)[1].split(". ")[0].split("; ")
    assert len(set(named)) == len(named) >= 3, named
    # a typo is named with what it may mean; the snippet never titles "Kasseel" as another town
    with pytest.raises(SystemExit, match=r"unknown place: Kasseel\. .*did you mean: Kassel"):
        _snippet("--ort", "Kasseel")
    with pytest.raises(SystemExit, match="ganzes Bundesland.*Dresden"):  # not the village Sachsen bei Ansbach
        _snippet("--ort", "Sachsen")


def test_embed_snippet_takes_a_quarter_the_chat_knows(configured: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _snippet("--ort", "Wehlheiden") == 0
    assert 'title="Ehrenamtliche Angebote in Wehlheiden (Kassel)"' in capsys.readouterr().out


def test_web_commands_are_registered() -> None:
    assert {"web", "embed_snippet"} <= set(COMMANDS) and "bench_web" in BENCHMARKS
    args = build_parser().parse_args(["web", "--port", "8099"])
    assert args.port == 8099
    assert build_parser().parse_args(["bench", "web", "--requests", "10"]).requests == 10


def test_frame_sites_are_checked(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, web_frame_ancestors="https://a.example, http://127.0.0.1:9000")
    assert settings.web_frame_ancestors == ["https://a.example", "http://127.0.0.1:9000"]
    with pytest.raises(ValueError, match="WEB_FRAME_ANCESTORS"):
        Settings(_env_file=None, web_frame_ancestors="https://a.example; script-src *")


class _Application:
    """The part of python-telegram-bot's Application that `run` hands to attach_to_bot."""

    def __init__(self) -> None:
        self.bot_data: dict[str, Any] = {}
        self.calls: list[str] = []

        async def post_init(_app: Any) -> None:
            self.calls.append("bot init")

        async def post_shutdown(_app: Any) -> None:
            self.calls.append("bot shutdown")

        self.post_init: Any = post_init
        self.post_shutdown: Any = post_shutdown


async def test_run_serves_the_pages_beside_the_bot_when_web_port_is_set(tmp_path: Path) -> None:
    from bot.web.bench import free_port

    port = free_port()
    settings = Settings(_env_file=None, data_home=tmp_path, web_port=port)
    application = _Application()
    from bot.store.db import Database

    database = Database(settings.sqlalchemy_url())
    await database.prepare()
    await database.close()
    attach_to_bot(application, settings)
    await application.post_init(application)
    try:
        async with httpx.AsyncClient() as client:
            response = await client.get(f"http://127.0.0.1:{port}/healthz")
        assert response.json() == {"status": "ok"}
    finally:
        await application.post_shutdown(application)
    assert application.calls == ["bot init", "bot shutdown"] and WEB_SERVER_KEY not in application.bot_data


def test_web_says_clearly_when_its_port_is_taken(configured: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        args = build_parser().parse_args(["web", "--port", str(port)])
        with pytest.raises(SystemExit, match=f"cannot listen on 127.0.0.1:{port}"):
            args.func(args)


@pytest.mark.parametrize("name", ["Tiere", "tiere", "Animals", "animals", "ANIMALS"])
def test_embed_snippet_takes_the_area_by_its_german_or_english_name(
        configured: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    assert _snippet("--ort", "Kassel", "--bereich", name) == 0
    captured = capsys.readouterr()
    assert "bereich=animals" in captured.out and captured.out.count("\n") == 1
    assert "animals" in captured.err  # the key it chose is said


def test_embed_snippet_area_names_ignore_umlauts_and_refuse_the_unknown(
        configured: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("Geflüchtete & Integration", "gefluechtete & integration", "refugees & INTEGRATION"):
        assert _snippet("--ort", "Kassel", "--bereich", name) == 0
        assert "bereich=refugees_integration" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        _snippet("--ort", "Kassel", "--bereich", "Tierheim")
    assert "unknown area: 'Tierheim'" in capsys.readouterr().err
