"""Few listings nearby name what was asked: those naming it a little farther away come before loose ones."""

from __future__ import annotations

from tests.factories.search import KASSEL, Listings, find, ids, near

from bot.search import SearchRequest
from bot.search.notes import widening_notes


async def test_listings_naming_the_thing_farther_away_replace_loose_ones_nearby(listings: Listings) -> None:
    loose = await listings.add_many([
        {"title": f"Besuche im Pflegeheim {n}", "categories": ["health_care"], **near(KASSEL, n, 1)} for n in range(4)
    ])
    close = await listings.add("Trauercafé begleiten", categories=["health_care"], **near(KASSEL, 6, 0))
    at_22 = await listings.add("Trauercafé im Nachbarort", categories=["health_care"], **near(KASSEL, 22, 0))
    at_27 = await listings.add("Ehrenamt im Trauercafé", categories=["health_care"], **near(KASSEL, 0, -27))
    await listings.add("Pflegeheim Eschwege: Besuche", categories=["health_care"], **near(KASSEL, 0, 26))

    outcome = await find(listings.database, SearchRequest(), categories=["health_care"], place=KASSEL,
                         keywords=["trauercafe"])

    # The one nearby first, then the two farther away with their true distance; no loose row from anywhere.
    assert ids(outcome) == [close, at_22, at_27]
    assert outcome.widened == ("radius:30", "matching") and outcome.radius_km == 30
    assert not set(loose) & set(ids(outcome))
    assert [round(hit.distance_km or 0) for hit in outcome.results] == [6, 22, 27]


async def test_loose_listings_stay_when_farther_away_too_few_name_the_thing(listings: Listings) -> None:
    loose = await listings.add_many([
        {"title": f"Besuche im Pflegeheim {n}", "categories": ["health_care"], **near(KASSEL, n, 1)} for n in range(4)
    ])
    close = await listings.add("Trauercafé begleiten", categories=["health_care"], **near(KASSEL, 6, 0))
    await listings.add("Trauercafé im Nachbarort", categories=["health_care"], **near(KASSEL, 45, 0))

    outcome = await find(listings.database, SearchRequest(), categories=["health_care"], place=KASSEL,
                         keywords=["trauercafe"])

    # Two in all within 50 km: a wider radius would bring loose rows from far away, so the asked one stays.
    assert outcome.widened == () and outcome.radius_km == 15
    assert ids(outcome)[0] == close and set(ids(outcome)[1:]) == set(loose)


async def test_enough_listings_naming_the_thing_nearby_keep_the_asked_radius(listings: Listings) -> None:
    near_ones = await listings.add_many([
        {"title": f"Trauercafé {n}", "categories": ["health_care"], **near(KASSEL, 2 * n + 1, 0)} for n in range(3)
    ])
    await listings.add("Trauercafé im Nachbarort", categories=["health_care"], **near(KASSEL, 22, 0))

    outcome = await find(listings.database, SearchRequest(), categories=["health_care"], place=KASSEL,
                         keywords=["trauercafe"])

    assert sorted(ids(outcome)) == near_ones and outcome.widened == ()


def test_the_note_says_farther_ones_fit_while_nearby_few_did() -> None:
    notes = widening_notes(("radius:30", "matching"), asked_radius_km=15, lang="de")
    assert len(notes) == 1 and "15 km" in notes[0] and "30 km" in notes[0]
    assert notes != widening_notes(("radius:30",), asked_radius_km=15, lang="de")
    english = widening_notes(("radius:50", "matching"), asked_radius_km=15, lang="en")
    assert "50 km" in english[0] and "matching" in english[0]
