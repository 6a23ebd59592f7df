"""A state named as where to look ("Tierheim in Sachsen", or "Sachsen" answering "Wo soll ich suchen?") is asked
about with its largest towns as buttons: not all of Germany "as no place was named", not the last search's town,
and not "Sachsen bei Ansbach" in Bayern."""

from __future__ import annotations

from typing import Any

from tests.telegram.botchat import ANNA, Chat

def _labels(buttons: list[dict[str, Any]]) -> set[str]:
    return {str(button["text"]) for button in buttons}


ASKED = "Sachsen ist groß. Um welchen Ort herum soll ich suchen?"


async def test_a_state_named_in_a_search_asks_which_of_its_towns(chat: Chat) -> None:
    reply = await chat.send(ANNA, "Tierheim in Sachsen")
    assert ASKED in reply.text and "ganz Deutschland" not in reply.text
    assert {"Dresden (Sachsen)", "Leipzig (Sachsen)", "Chemnitz (Sachsen)"} <= _labels(reply.buttons)
    chosen = await chat.press(ANNA, reply.button("Leipzig"), message_id=reply.sent_id())
    assert "Tiere · " in chosen.text and "Leipzig</b>" in chosen.text.split("\n")[0]


async def test_a_state_after_a_search_elsewhere_is_not_that_search_s_town(chat: Chat) -> None:
    await chat.send(ANNA, "Tierheim in Kassel")
    reply = await chat.send(ANNA, "Tierheim in Sachsen")  # it went on in Kassel ("Ich suche weiter in Kassel")
    assert ASKED in reply.text and "Kassel" not in reply.text
    typed = await chat.send(ANNA, "Chemnitz")  # a town typed answers the question as well
    assert "Tiere · " in typed.text and "Chemnitz</b>" in typed.text.split("\n")[0]


async def test_a_state_answering_where_asks_which_of_its_towns(chat: Chat) -> None:
    await chat.send(ANNA, "Tierheim in Kleinkleckersdorf")
    reply = await chat.send(ANNA, "Sachsen")  # it searched around Sachsen bei Ansbach, Bayern
    assert ASKED in reply.text and "Ansbach" not in reply.text
    assert "Dresden (Sachsen)" in _labels(reply.buttons)
    hessen = await chat.send(ANNA, "in Hessen")
    assert "Hessen ist groß." in hessen.text and "Kassel (Hessen)" in _labels(hessen.buttons)
