"""Long searches go into the store under a stable code; links become QR codes that hold exactly the link."""

from __future__ import annotations

import qrcode
import qrcode.constants
from PIL import Image
from sqlalchemy import func, select

from bot.links import ListingLink, carries_whole, SearchLink, resolve_start_payload, search_payload, write_qr_png
from bot.search.model import Refinement
from bot.store.db import Database
from bot.store.models import SharedSearch

LONG = "Ich möchte gerne mit älteren Menschen arbeiten, am liebsten in Leipzig am Wochenende"


async def test_long_search_is_stored_once_under_a_stable_code(any_database: Database) -> None:
    refinement = Refinement(radius_km=20, categories=("seniors",))
    async with any_database.unit_of_work() as session:
        first = await search_payload(session, LONG, refinement)
        second = await search_payload(session, LONG, refinement)
        other = await search_payload(session, LONG, Refinement(radius_km=30))
    assert first == second != other
    assert first.startswith("h") and len(first) == 13
    async with any_database.read_only() as session:
        assert (await session.execute(select(func.count()).select_from(SharedSearch))).scalar_one() == 2
        link = await resolve_start_payload(session, first)
    assert link == SearchLink(text=LONG, refinement=refinement)  # the original wording, not folded


async def test_short_search_stays_inline_and_stores_nothing(database: Database) -> None:
    async with database.unit_of_work() as session:
        payload = await search_payload(session, "Tierheim Kassel")
        assert payload == "s-tierheim_kassel"
        assert (await session.execute(select(func.count()).select_from(SharedSearch))).scalar_one() == 0
        assert await resolve_start_payload(session, payload) == SearchLink("tierheim kassel", Refinement())
        assert await resolve_start_payload(session, "o12") == ListingLink(12)


async def test_emoji_the_link_alphabet_cannot_carry_are_stored_not_lost(database: Database) -> None:
    async with database.unit_of_work() as session:
        payload = await search_payload(session, "🐶🐱", Refinement(radius_km=30))
        assert payload.startswith("h")  # inline it would have been "s" and the radius alone
        assert await resolve_start_payload(session, payload) == SearchLink("🐶🐱", Refinement(radius_km=30))


async def test_words_in_another_script_are_stored_with_the_rest_not_dropped(database: Database) -> None:
    async with database.unit_of_work() as session:
        for text in ("Arabisch عربي Flüchtlinge", "Deutschkurs für Українці", "Tierheim 🐶 Kassel",
                     "Łódź Partnerschaft"):
            payload = await search_payload(session, text)
            assert payload.startswith("h"), text  # inline: "arabisch_fluechtlinge", the Arabic word gone
            assert await resolve_start_payload(session, payload) == SearchLink(text, Refinement())
        # Umlauts, ß, accents and punctuation fold into the alphabet: still inline
        assert await search_payload(session, "Café Straße, Flüchtlinge!") == "s-cafe_strasse_fluechtlinge"


def test_a_link_carries_a_text_whole_only_when_no_letter_is_lost() -> None:
    assert carries_whole("Tierheim Kassel") and carries_whole("Gärtnern – am Wochenende? ja!")
    assert not carries_whole("Arabisch عربي") and not carries_whole("🐶🐱") and not carries_whole("")


async def test_unknown_or_forged_stored_codes_resolve_to_none(database: Database) -> None:
    async with database.read_only() as session:
        assert await resolve_start_payload(session, "h000000000000") is None
        assert await resolve_start_payload(session, "h<script>") is None
        assert await resolve_start_payload(session, None) is None


def test_qr_png_holds_exactly_the_link(tmp_path) -> None:  # type: ignore[no-untyped-def]
    link = "https://t.me/EhrenamtBot?start=s-tierheim_kassel"
    path = write_qr_png(link, tmp_path / "poster" / "qr.png", box_size=4)
    expected = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_Q, box_size=4, border=4)
    expected.add_data(link)
    expected.make(fit=True)
    matrix = expected.get_matrix()  # modules including the quiet zone
    with Image.open(path) as image:
        assert image.format == "PNG"
        pixels = image.convert("L")
        assert pixels.size == (len(matrix) * 4, len(matrix) * 4)
        for y, row in enumerate(matrix):
            for x, dark in enumerate(row):
                grey = pixels.getpixel((x * 4 + 2, y * 4 + 2))
                assert isinstance(grey, int)  # one channel ("L")
                assert (grey < 128) == dark
