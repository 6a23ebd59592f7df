"""The web pages head a from-home wish answered on site as the chat does: on site, not online."""

from __future__ import annotations

from dataclasses import replace

from bot.search.model import PlaceRef, SearchOutcome
from bot.web.wording import summary, widening_notes


def _outcome(place: PlaceRef | None, widened: tuple[str, ...]) -> SearchOutcome:
    return SearchOutcome(query={"categories": ["animals"], "remote": True}, widened=widened, results=(), total=0,
                         place=place, radius_km=None if place is None else 15.0, everywhere=place is None)


def test_on_site_listings_for_a_from_home_wish_are_headed_on_site_with_the_note_of_no_place() -> None:
    nowhere = _outcome(None, ("remote", "everywhere"))
    notes = widening_notes(nowhere, asked_radius_km=15, lang="en")
    assert "online" not in summary(nowhere, "de") and "ganz Deutschland" in summary(nowhere, "de")
    assert any("from home" in note for note in notes) and any("all of Germany" in note for note in notes)
    kassel = _outcome(PlaceRef("Kassel", 51.3, 9.5), ("remote",))
    assert summary(kassel, "de").endswith("Kassel + 15 km")


def test_listings_from_home_are_still_headed_online_without_the_note_of_no_place() -> None:
    online = _outcome(None, ())
    assert summary(online, "de").endswith("online")
    assert widening_notes(replace(online), asked_radius_km=15, lang="en") == []
