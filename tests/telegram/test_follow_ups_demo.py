"""People go on from a result in a few words, in the terminal demo as in Telegram: "weiter" pages, "lieber am WE"
or "und in Kassel?" change the last search, "was mit Tieren" keeps its place, "hilfe" shows the help."""

from __future__ import annotations

import io
from pathlib import Path

from bot.cli.demo import chat
from bot.settings import Settings


async def _demo(home: Path, script: str, lang: str = "de") -> list[str]:
    """Runs the demo on a script and returns what followed each typed line (the greeting first)."""
    out = io.StringIO()
    settings = Settings(_env_file=None, data_home=home)
    assert await chat(settings, lang=lang, stdin=io.StringIO(script + "ende\n"), stdout=out) == 0
    return out.getvalue().split("\n> ")


async def test_a_time_or_a_place_alone_changes_the_last_search(data_home: Path) -> None:
    _, first, weekend, elsewhere = await _demo(data_home, "Tiere in Baunatal\nlieber am WE\nund in Kassel?\n")
    assert "🔎 Tiere · Baunatal + 15 km" in first
    assert "🔎 Tiere · Baunatal + 15 km · am Wochenende" in weekend and "Wobei möchtest du helfen" not in weekend
    assert "🔎 Tiere · Kassel + 15 km · am Wochenende" in elsewhere


async def test_a_new_interest_keeps_the_place_and_says_so(data_home: Path) -> None:
    _, _, animals = await _demo(data_home, "Lesepate in Kassel\nwas mit Tieren\n")
    assert "🔎 Tiere · Kassel + 15 km" in animals and "Ich suche weiter in Kassel" in animals
    assert "ganz Deutschland" not in animals and "Wo soll ich suchen?" not in animals


async def test_an_answer_to_the_question_what_to_help_with_keeps_the_place(data_home: Path) -> None:
    _, asked, answered = await _demo(data_home, "Where can I volunteer in Leipzig?\nwith children\n", lang="en")
    assert "What would you like to help with?" in asked
    assert "🔎 Children & youth · Leipzig + 15 km" in answered and "Spielnachmittag" in answered


async def test_online_only_keeps_what_was_asked(data_home: Path) -> None:
    _, _, online = await _demo(data_home, "was mit Computern in Kassel\nnur online\n")
    assert "🔎 Digitales · online" in online and "Telefonpatenschaft digital" in online


async def test_weiter_shows_the_next_page_and_then_says_there_is_no_more(data_home: Path) -> None:
    _, first, second, third = await _demo(data_home, "Tierheim Kassel\nweiter\nweiter\n")
    assert "hier 1–5" in first and "Mehr ▶" in first
    assert "hier Nr. 6" in second or "hier 6–" in second
    assert "Das waren alle Angebote zu dieser Suche" in third and "nicht ganz verstanden" not in third


async def test_weiter_without_a_search_asks_what_to_show(data_home: Path) -> None:
    _, answer = await _demo(data_home, "weiter\n")
    assert "Wovon soll ich mehr zeigen?" in answer


async def test_hilfe_typed_shows_the_help(data_home: Path) -> None:
    _, answer = await _demo(data_home, "hilfe\n")
    assert "So findest du ein Ehrenamt" in answer and "nicht ganz verstanden" not in answer


async def test_english_words_after_an_english_search_are_answered_in_english_and_hinted_once(
    data_home: Path,
) -> None:
    _, first, more = await _demo(data_home, "I want to help refugees in Dresden please\nonly weekends\n")
    assert "🔎 Refugees & integration · Dresden" in first and "You wrote in English" in first
    assert "🔎 Refugees & integration · Dresden + 15 km · at the weekend" in more and "You wrote in English" not in more


async def test_a_question_about_volunteering_is_answered_not_searched(data_home: Path) -> None:
    _, answer = await _demo(data_home, "Bin ich eigentlich versichert, wenn ich ehrenamtlich helfe?\n")
    assert "Versichert?" in answer and "nicht ganz verstanden" not in answer and "gefunden" not in answer
    assert "Sag mir gern, was dich interessiert und wo" in answer


async def test_a_question_with_a_search_in_it_gets_both(data_home: Path) -> None:
    _, answer = await _demo(data_home, "Braucht man ein Führungszeugnis für Lesepaten in Kassel?\n")
    assert "Lesepate an der Grundschule" in answer and "Führungszeugnis?" in answer
    assert answer.index("Angebote gefunden") < answer.index("Führungszeugnis?")
