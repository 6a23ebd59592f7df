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
    _, _, online, related = await _demo(data_home, "was mit Computern in Kassel\nnur online\n#3\n")
    # The listing naming computers answers; the field's other online listing is the related one behind the button.
    assert "🔎 Digitales · online" in online and "Online-Nachhilfe am Computer" in online
    assert "[#3] 🔍 Ähnliche anzeigen (1)" in online
    assert "🔎 Digitales · online" in related and "Telefonpatenschaft digital" in related


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
    assert answer.index("Lesepate an der Grundschule") < answer.index("Führungszeugnis?")


async def test_an_exclusion_following_up_never_leaves_out_the_area_searched(data_home: Path) -> None:
    _, _, without = await _demo(data_home, "Tiere in Kassel\nohne Hunde\n")
    assert "🔎 Tiere · Kassel + 15 km" in without and "ohne Tiere" not in without


async def test_a_place_after_online_in_the_text_searches_on_site_there(data_home: Path) -> None:
    # "online" said in the text, not by the button: the demo data has no such listing, the search is the point
    _, _, there = await _demo(data_home, "Nachhilfe online\nund in Kassel?\n")
    assert "🔎 Bildung · Kassel" in there and "online" not in there.splitlines()[2]


async def test_another_place_keeps_a_content_word_that_is_also_a_town(data_home: Path) -> None:
    _, _, dortmund = await _demo(data_home, "Essen ausgeben in Bochum\nund in Dortmund?\n")
    header = dortmund.splitlines()[2]
    assert header.startswith("🔎 Armut & Obdachlosigkeit") and "Dortmund" in header


async def test_a_message_not_understood_is_no_search_to_go_on_from(data_home: Path) -> None:
    _, _, _, weekend = await _demo(data_home, "Tierheim in Kassel\n🎉🔥\nlieber am WE\n")
    assert "🔎 Tiere · Kassel" in weekend and "am Wochenende" in weekend and "Wobei möchtest du helfen" not in weekend


async def test_an_ambiguous_or_ruled_out_place_keeps_the_interest(data_home: Path) -> None:
    _, _, which = await _demo(data_home, "Tiere in Kassel\nund in Neustadt?\n")
    assert "„Neustadt“ gibt es mehrmals" in which
    _, _, elsewhere = await _demo(data_home, "Tiere in Kassel\nnicht in Kassel\n")
    assert "🔎 Tiere · ohne Kassel" in elsewhere and "Wo soll ich stattdessen suchen?" in elsewhere


async def test_an_english_conversation_stays_english_in_few_words(data_home: Path) -> None:
    _, _, _, weekend, fulda = await _demo(
        data_home, "animal shelter in Kassel\nwith kids\nat weekends\nand in Fulda?\n")
    assert "🔎 Children & youth · Kassel" in weekend and "at the weekend" in weekend
    header = fulda.splitlines()[2]
    assert header.startswith("🔎 Children & youth") and "Fulda" in header and "at the weekend" in header


async def test_a_question_in_english_words_is_answered_in_english(data_home: Path) -> None:
    _, insured, paid = await _demo(data_home, "Am I insured?\nIs it paid?\n")
    assert "Insured?" in insured and "gefunden" not in insured and "found" not in insured
    assert "Money?" in paid


async def test_a_question_with_a_time_keeps_the_time(data_home: Path) -> None:
    _, _, both = await _demo(data_home, "Tiere in Kassel\nund am Wochenende, bin ich da versichert?\n")
    assert "🔎 Tiere · Kassel + 15 km · am Wochenende" in both and "Versichert?" in both


async def test_weiter_after_the_interest_question_asks_what_to_show(data_home: Path) -> None:
    _, _, more = await _demo(data_home, "lieber am WE\nweiter\n")
    assert "Wovon soll ich mehr zeigen?" in more and "Wobei möchtest du helfen" not in more


async def test_ruling_out_the_interest_replaces_it_and_a_narrowing_word_keeps_it(data_home: Path) -> None:
    _, _, replaced, _, narrowed, weekend = await _demo(
        data_home, "Tierheim in Kassel\nnicht mit Tieren, lieber mit Menschen\n"
                   "Tierheim in Kassel\nlieber mit Hunden\nam Wochenende\n")
    assert "🔎 Alle Bereiche · ohne Tiere · Kassel" in replaced and "Wobei möchtest du helfen?" in replaced
    assert "🔎 Tiere · Kassel" in narrowed and "🔎 Tiere · Kassel + 15 km · am Wochenende" in weekend


async def test_something_else_somewhere_else_is_a_search_of_its_own_in_english_too(data_home: Path) -> None:
    _, _, other, _, refugees = await _demo(
        data_home, "animal shelter in Kassel\nsomething else in Leipzig\n"
                   "animal shelter in Kassel\nand what about refugees in Leipzig?\n", lang="en")
    assert "🔎 All areas · Leipzig + 15 km" in other and "What would you like to help with?" in other
    assert "🔎 Refugees & integration · near Leipzig" in refugees and "Animals" not in refugees


async def test_all_of_a_state_or_of_germany_keeps_the_interest(data_home: Path) -> None:
    _, _, state, country = await _demo(data_home, "Tierheim in Kassel\nganz Hessen\nbundesweit\n")
    assert "🔎 Tiere · in ganz Hessen" in state and "Wobei möchtest du helfen" not in state
    assert "🔎 Tiere · ganz Deutschland" in country and "Hier sind Angebote aus ganz Deutschland" in country
    assert "Du hast keinen Ort genannt" not in country and "nicht ganz verstanden" not in country


async def test_a_state_written_keeps_its_interest_answer_and_all_of_germany_asks_no_place(data_home: Path) -> None:
    _, _, children, country = await _demo(data_home, "ganz Sachsen\nwas mit Kindern\nbundesweit\n")
    assert "🔎 Kinder & Jugend · in ganz Sachsen" in children
    assert "🔎 Kinder & Jugend · ganz Deutschland" in country and "Wo soll ich suchen?" not in country
    assert "📏 Umkreis" not in country  # no place to draw a radius around
async def test_all_of_germany_in_a_first_message_is_searched_as_asked_with_no_place_question(
        data_home: Path) -> None:
    _, country = await _demo(data_home, "was mit tieren bundesweit\n")
    assert "🔎 Tiere · ganz Deutschland" in country and "Hier sind Angebote aus ganz Deutschland" in country
    assert "Du hast keinen Ort genannt" not in country and "Wo soll ich suchen" not in country


async def test_a_follow_up_adding_only_a_time_or_the_writer_keeps_the_words_and_says_their_note_once(
        data_home: Path) -> None:
    script = "Tierschutz in Kassel\nRentnerin, hab am Wochenende Zeit\nlieber regelmäßig\n"
    _, first, retired, again = await _demo(data_home, script)
    said = next(line for line in first.splitlines() if line.startswith("Mit „"))  # "Mit „…“ gab es nichts Genaues"
    assert "🔎 Tiere · Kassel + 15 km" in first
    # the same search with the time: its listings, without the line the last answer said already
    assert "🔎 Tiere · Kassel + 15 km · am Wochenende" in retired and said not in retired
    assert "Angebote gefunden" in retired and "Angebote gefunden" in again and said not in again  # kept on
    # a search of its own says its notes again
    _, _, own = await _demo(data_home, "Tierschutz in Kassel\nTierschutz in Baunatal\n")
    assert said.replace("Kassel", "Baunatal") in own or said in own
