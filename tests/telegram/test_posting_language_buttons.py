"""/anbieten's language buttons through the Application: the common languages first, as /ichbiete offers them."""

from __future__ import annotations

from tests.telegram.botchat import Chat
from tests.telegram.posting_script import CLUB, LISTING, NEW_ORGANISATION, fill


async def test_the_language_buttons_offer_the_common_languages_first_as_an_ad_does_then_the_others_by_name(
        chat: Chat) -> None:
    asked = await fill(chat, CLUB, NEW_ORGANISATION + LISTING[:LISTING.index("⟨Überspringen⟩") + 1])
    assert asked.text.startswith("🌍 Welche Sprachen")
    labels = [str(button["text"]) for button in asked.buttons]
    assert labels[:9] == ["Englisch", "Arabisch", "Ukrainisch", "Russisch", "Türkisch", "Persisch", "Französisch",
                          "Spanisch", "Polnisch"]  # as /ichbiete offers them
    others = labels[9:labels.index("✔️ Fertig")]
    assert others[:3] == ["Albanisch", "Bulgarisch", "Chinesisch"] and others == sorted(others)
    ticked = await chat.press(CLUB, asked.button("Persisch"))
    assert "✅ Persisch" in [button["text"] for button in ticked.buttons]  # the button numbers still mean the same
    preview = await fill(chat, CLUB, ["⟨Fertig⟩", "⟨Nein⟩", "⟨Ja⟩", "Erika Beispiel", "0151 0000 4711"], after=ticked)
    assert "Persisch" in preview.text
