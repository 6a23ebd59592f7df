"""Fewer, stronger results in the chat: the answer shows what names the request, a button the related ones."""

from __future__ import annotations

import pytest
from tests.telegram.botchat import ANNA, MEHMET, Chat

from bot.telegram.callbacks import SimilarButton, pack
from bot.texts import t

STALE = "Dieses Ergebnis ist nicht mehr aktuell."
FOREIGN = "Diese Knöpfe gehören zu jemand anderem. Schreib mir privat für deine eigene Suche."


async def test_the_answer_counts_the_related_ones_and_a_button_shows_them_and_goes_back(chat: Chat) -> None:
    first = await chat.send(ANNA, "Lebensmittel sortieren in Leipzig")
    assert "<b>1. Lebensmittel sortieren</b>" in first.text and "<b>2. " not in first.text
    assert t("de", "search.similar_left_single", count=2) in first.text
    assert "1 Angebot gefunden:" in first.text
    labels = [b["text"] for b in first.buttons]
    assert "🔍 Ähnliche anzeigen (2)" in labels and "Mehr ▶" not in labels

    related = await chat.press(ANNA, first.button("Ähnliche anzeigen"), message_id=first.sent_id())
    assert related.methods() == ["answerCallbackQuery", "editMessageText"]
    assert t("de", "search.similar_shown") in related.text
    assert "Kinderfrühstück in der Tafel" in related.text and "Spielnachmittag für Kinder" in related.text
    assert "<b>1. Lebensmittel sortieren</b>" not in related.text
    assert "2 Angebote gefunden:" in related.text

    back = await chat.press(ANNA, related.button("Nur genau Passende"), message_id=first.sent_id())
    assert "<b>1. Lebensmittel sortieren</b>" in back.text
    assert "🔍 Ähnliche anzeigen (2)" in [b["text"] for b in back.buttons]


async def test_a_refinement_after_the_related_ones_answers_anew(chat: Chat) -> None:
    first = await chat.send(ANNA, "Lebensmittel sortieren in Leipzig")
    await chat.press(ANNA, first.button("Ähnliche anzeigen"), message_id=first.sent_id())
    menu = await chat.press(ANNA, first.button("Umkreis"), message_id=first.sent_id())
    wider = await chat.press(ANNA, menu.button("30 km"), message_id=first.sent_id())
    assert "<b>1. Lebensmittel sortieren</b>" in wider.text  # the answer again, not the related ones


@pytest.mark.parametrize("similar", [2, 7, 255])
async def test_forged_similar_buttons_get_the_friendly_stale_answer(chat: Chat, similar: int) -> None:
    first = await chat.send(ANNA, "Lebensmittel sortieren in Leipzig")
    search_id = int(first.button("Ähnliche anzeigen").split(":")[1])
    reply = await chat.press(ANNA, pack(SimilarButton(search_id, similar)), message_id=first.sent_id())
    assert reply.answers == [STALE] and not reply.edited()
    unknown = await chat.press(ANNA, pack(SimilarButton(search_id + 999, 1)))
    assert unknown.answers == [STALE] and not unknown.edited()
    for forged in ("1U", "1U:1", "1U:x:1", f"1U:{search_id}:1:1"):
        odd = await chat.press(ANNA, forged)
        assert odd.answers == [STALE] and not odd.edited()


async def test_someone_elses_similar_button_is_refused(chat: Chat) -> None:
    first = await chat.send(ANNA, "Lebensmittel sortieren in Leipzig")
    await chat.send(MEHMET, "/start")
    reply = await chat.press(MEHMET, first.button("Ähnliche anzeigen"))
    assert reply.answers == [FOREIGN] and not reply.edited()


async def test_a_forged_similar_button_with_nothing_related_leaves_paging_in_the_answer(chat: Chat) -> None:
    first = await chat.send(ANNA, "Tiere in Kassel am Wochenende")
    assert "Mehr ▶" in [b["text"] for b in first.buttons]
    search_id = int(first.button("Mehr").split(":")[1])
    shown = await chat.press(ANNA, pack(SimilarButton(search_id, 1)), message_id=first.sent_id())
    assert not shown.edited()  # the same answer: nothing to change in the message
    more = await chat.press(ANNA, first.button("Mehr"), message_id=first.sent_id())
    assert "hier Nr. 6" in more.text and "<b>6. " in more.text
    assert not set(_titles(first.text)) & set(_titles(more.text))  # the sixth onwards, not the first five again


def _titles(text: str) -> list[str]:
    return [line.split("</b>")[0].split(". ", 1)[1] for line in text.splitlines() if line.startswith("<b>")
            and ". " in line]
