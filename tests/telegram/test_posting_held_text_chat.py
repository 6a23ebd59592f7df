"""/anbieten when the person writes something else while the draft waits for an answer: a second text is a search,
a typed "ja" or a button's label goes on, a "nein" leaves the draft waiting (moved out of test_posting_chat.py, which
had grown past 400 lines)."""

from __future__ import annotations

from sqlalchemy import select
from tests.telegram.botchat import Chat
from tests.telegram.posting_script import CLUB, NEW_ORGANISATION, fill

from bot.store.db import Database
from bot.store.models import ListingDraft
from bot.texts import t

async def test_a_second_text_past_the_held_one_is_a_search_and_the_draft_waits(chat: Chat, database: Database) -> None:
    await fill(chat, CLUB, NEW_ORGANISATION[:2])  # the website question is open
    await chat.send(CLUB, "/anbieten")
    held = await chat.send(CLUB, "Tierheim in Kassel")
    assert "Hat sie eine Webseite" in held.text and "noch einmal" in held.text
    searched = await chat.send(CLUB, "Tierheim in Kassel")  # written again: a search, said once
    assert "Dein Entwurf für ein Angebot wartet" in searched.text and "Tiere" in searched.text
    again = await chat.send(CLUB, "Kinder in Kassel")
    assert "Dein Entwurf" not in again.text and "Kinder &amp; Jugend" in again.text
    async with database.read_only() as session:
        data = (await session.execute(select(ListingDraft))).scalar_one().data
        organisation = data["new_organisation"]  # where the website question's answer would stand
        assert data["held_text"] == "Tierheim in Kassel" and isinstance(organisation, dict)
        assert "website" not in organisation
    taken = await chat.press(CLUB, held.button("als Antwort nehmen"))  # the held text can still answer
    assert "Webadresse" in taken.text


async def test_a_typed_yes_at_a_held_text_takes_it_as_the_answer(chat: Chat, database: Database) -> None:
    """"Soll deine Nachricht die Antwort darauf sein?" – "ja": as the button says, not a search for "ja"."""
    await fill(chat, CLUB, NEW_ORGANISATION[:2])  # the website question is open
    await chat.send(CLUB, "/anbieten")
    held = await chat.send(CLUB, "www.tierfreunde.example.org")
    assert "Soll deine Nachricht die Antwort" in held.text
    taken = await chat.send(CLUB, "Ja")
    assert "Wie erreicht man die Organisation" in taken.text and "Entwurf für ein Angebot wartet" not in taken.text
    async with database.read_only() as session:
        data = (await session.execute(select(ListingDraft))).scalar_one().data
        organisation = data["new_organisation"]
        assert isinstance(organisation, dict) and "held_text" not in data
        assert str(organisation["website"]).endswith("tierfreunde.example.org")


async def test_a_typed_yes_or_label_at_weitermachen_goes_on_and_a_no_leaves_the_draft_waiting(
        chat: Chat, database: Database) -> None:
    """"Möchtest du weitermachen?" – "ja" or "weitermachen" goes on (nothing is held); "nein" sets the draft aside:
    texts after it are searches, and /abbrechen still drops it."""
    await fill(chat, CLUB, NEW_ORGANISATION[:2])
    for typed in ("ja", "Weitermachen"):
        await chat.send(CLUB, "/anbieten")
        continued = await chat.send(CLUB, typed)
        assert "Hat sie eine Webseite" in continued.text and "gemerkt" not in continued.text
    await chat.send(CLUB, "/anbieten")
    declined = await chat.send(CLUB, "nein")
    assert declined.text == t("de", "posting.resume_declined")
    searched = await chat.send(CLUB, "Tierheim in Kassel")
    assert searched.text.startswith("🔎 <b>Tiere · Kassel") and "Entwurf" not in searched.text
    async with database.read_only() as session:
        data = (await session.execute(select(ListingDraft))).scalar_one().data
        organisation = data["new_organisation"]
        assert isinstance(organisation, dict) and "held_text" not in data and "website" not in organisation
    dropped = await chat.send(CLUB, "/abbrechen")
    assert "Entwurf verworfen" in dropped.text


async def test_anbieten_again_after_a_no_or_a_search_asks_afresh(chat: Chat, database: Database) -> None:
    """/anbieten after "nein" (or after texts went past as searches) asks "weitermachen?" as new: a typed "ja" goes
    on, not searched as "ja", and no text held before (and no longer shown) is taken as the answer."""
    await fill(chat, CLUB, NEW_ORGANISATION[:2])  # the website question is open
    await chat.send(CLUB, "/anbieten")
    await chat.send(CLUB, "nein")
    await chat.send(CLUB, "/anbieten")
    went_on = await chat.send(CLUB, "ja")
    assert "Hat sie eine Webseite" in went_on.text and "🔎" not in went_on.text
    await chat.send(CLUB, "/anbieten")
    await chat.send(CLUB, "Tierheim in Kassel")  # held beside the question
    await chat.send(CLUB, "Tierheim in Kassel")  # past it: a search, the draft waits
    await chat.send(CLUB, "/anbieten")  # "weitermachen?" alone: the held text is no longer offered
    went_on = await chat.send(CLUB, "ja")
    assert "Hat sie eine Webseite" in went_on.text and "Webadresse" not in went_on.text
    async with database.read_only() as session:
        data = (await session.execute(select(ListingDraft))).scalar_one().data
        assert "held_text" not in data and "searched_past" not in data
