"""After a result, "weiter weg" or "näher dran" (English: "further away", "closer to home") moves the radius one step of
those the "📏 Umkreis" button offers, keeps the rest of the search and says so; at the end of the steps it says it
already searches that far."""

from __future__ import annotations

import io
from pathlib import Path

from bot.cli.demo import chat
from bot.settings import Settings
from tests.telegram.botchat import ANNA, Chat


async def _demo(home: Path, script: str, lang: str = "de") -> list[str]:
    """Runs the demo on a script and returns what followed each typed line (the greeting first)."""
    out = io.StringIO()
    settings = Settings(_env_file=None, data_home=home)
    assert await chat(settings, lang=lang, stdin=io.StringIO(script + "ende\n"), stdout=out) == 0
    return out.getvalue().split("\n> ")


async def test_further_away_steps_the_radius_up_to_the_widest_and_says_so(data_home: Path) -> None:
    _, _, wider, widest, beyond = await _demo(
        data_home, "Tiere in Baunatal am Wochenende\nauch weiter weg\ngrößerer Umkreis\nweiter weg\n",
    )
    assert "📏 Umkreis jetzt 30 km statt 15 km." in wider and "am Wochenende" in wider
    assert "nicht ganz verstanden" not in wider
    assert "📏 Umkreis jetzt 50 km statt 30 km." in widest
    assert "📏 Umkreis jetzt 100 km statt 50 km." in beyond


async def test_closer_with_few_so_close_keeps_the_radius_wished(data_home: Path) -> None:
    _, _, closer, closest, still = await _demo(data_home, "Tiere in Baunatal\nnäher dran\nnur ganz in der Nähe\n"
                                                          "näher\n")
    # few within 5 km: a radius wished is kept, never widened over again (it went back to 15 km)
    assert "📏 Umkreis jetzt 5 km statt 15 km." in closer and "Baunatal + 5 km" in closer
    assert "zu wenig" not in closer
    for again in (closest, still):  # 5 km shown: the smallest step already
        assert "schon im kleinsten Umkreis, 5 km" in again and "Baunatal + 5 km" in again
        assert "zu wenig" not in again and "nicht ganz verstanden" not in again


async def test_a_new_interest_with_further_away_keeps_the_place_a_step_wider(data_home: Path) -> None:
    _, _, animals = await _demo(data_home, "Lesepate in Kassel\nwas mit Tieren, gern auch weiter weg\n")
    assert "Ich suche weiter in Kassel" in animals and "📏 Umkreis jetzt 30 km statt 15 km." in animals


async def test_further_away_and_closer_in_english(data_home: Path) -> None:
    _, first, further, closer, bit = await _demo(
        data_home, "animals in Baunatal\nfurther away\ncloser to home\na bit further\n", lang="en")
    assert "🔎 Animals · Baunatal + 15 km" in first
    assert "🔎 Animals · Baunatal + 30 km" in further and "📏 Radius now 30 km instead of 15 km." in further
    assert "🔎 Animals · Baunatal + 15 km" in closer and "📏 Radius now 15 km instead of 30 km." in closer
    assert "📏 Radius now 30 km instead of 15 km." in bit and "didn't quite get" not in bit


async def test_further_away_after_a_search_around_the_saved_place_widens_it_in_telegram(chat: Chat) -> None:
    await chat.send(ANNA, "/standort")
    assert "Gemerkt" in (await chat.send(ANNA, "Marburg")).text
    assert "Marburg" in (await chat.send(ANNA, "Tierheim")).text.splitlines()[0]  # nothing within 50 km
    wider = await chat.send(ANNA, "weiter weg")
    # nothing within 50 km, the nearest shown: a step from the widest radius searched
    assert "Marburg" in wider.text.splitlines()[0] and "📏 Umkreis jetzt 100 km statt 50 km." in wider.text



async def test_further_away_after_an_online_search_says_there_is_no_radius(data_home: Path) -> None:
    _, _, _, further = await _demo(data_home, "Tierheim in Kassel\nnur online\nweiter weg\n")
    assert "📏 Online-Angebote haben keinen Umkreis." in further and "nicht ganz verstanden" not in further



async def test_the_radius_menu_marks_the_radius_shown_and_a_chosen_one_is_kept(data_home: Path) -> None:
    _, first, menu, chosen, again = await _demo(data_home, "Tierheim Göttingen\n#12\n#2\n#12\n")
    assert "Göttingen + 50 km" in first  # nothing within 15 km: widened by itself, said so
    assert "✅ 50 km" in menu and "✅ 15 km" not in menu  # ✅ on what the answer showed
    # 15 km chosen with nothing in it: said so, the nearest with their distance, never "+ 50 km" over the choice
    assert "Im Umkreis von 15 km gibt es dazu nichts." in chosen and "+ 50 km" not in chosen
    assert "Kassel · 38 km" in chosen
    assert "✅ 15 km" in again
