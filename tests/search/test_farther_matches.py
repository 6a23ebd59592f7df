"""No listing nearby names what was asked: those naming it a little farther away come before loose ones; one nearby
naming it keeps the answer nearby."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.factories.search import KASSEL, NOW, Listings, answer_and_similar, find, ids, near

from bot.search import SearchRequest
from bot.search.notes import widening_notes
from bot.search.widening import Attempt, farther_matches


async def test_listings_naming_the_thing_farther_away_replace_loose_ones_nearby(listings: Listings) -> None:
    loose = await listings.add_many([
        {"title": f"Besuche im Pflegeheim {n}", "categories": ["health_care"], **near(KASSEL, n, 1)} for n in range(4)
    ])
    at_18 = await listings.add("Trauercafé begleiten", categories=["health_care"], **near(KASSEL, 18, 0))
    at_22 = await listings.add("Trauercafé im Nachbarort", categories=["health_care"], **near(KASSEL, 22, 0))
    at_27 = await listings.add("Ehrenamt im Trauercafé", categories=["health_care"], **near(KASSEL, 0, -27))
    await listings.add("Pflegeheim Eschwege: Besuche", categories=["health_care"], **near(KASSEL, 0, 26))

    outcome = await find(listings.database, SearchRequest(), categories=["health_care"], place=KASSEL,
                         keywords=["trauercafe"])

    # None nearby names it: the three a little farther away with their true distance; no loose row from anywhere.
    assert ids(outcome) == [at_18, at_22, at_27]
    assert outcome.widened == ("radius:30", "radius:50", "matching") and outcome.radius_km == 50
    assert not set(loose) & set(ids(outcome))
    assert [round(hit.distance_km or 0) for hit in outcome.results] == [18, 22, 27]


async def test_one_listing_nearby_naming_the_thing_keeps_the_asked_radius_when_few_are_nearby(
    listings: Listings,
) -> None:
    close = await listings.add("Mitmachen im THW-Ortsverband", categories=["emergency_services"], **near(KASSEL, 2, 0))
    await listings.add("Mitmachen im THW-Ortsverband Nord", categories=["emergency_services"], **near(KASSEL, 36, 0))

    outcome = await find(listings.database, SearchRequest(), categories=["emergency_services"], place=KASSEL,
                         keywords=["thw"])

    # Fewer than three nearby, but one names what was asked: no wider radius for the one 36 km away.
    assert ids(outcome) == [close]
    assert outcome.widened == () and outcome.radius_km == 15


# One 45 km away: too few within 50 km to fill a list of their own. Three 20 to 28 km away: enough, but the one
# nearby naming it is the answer, not the same kind of listing beyond the radius the person asked for.
@pytest.mark.parametrize("farther_km", [(45,), (20, 24, 28)])
async def test_loose_listings_stay_behind_the_one_nearby_naming_the_thing(
    listings: Listings, farther_km: tuple[int, ...],
) -> None:
    loose = await listings.add_many([
        {"title": f"Besuche im Pflegeheim {n}", "categories": ["health_care"], **near(KASSEL, n, 1)} for n in range(4)
    ])
    close = await listings.add("Trauercafé begleiten", categories=["health_care"], **near(KASSEL, 6, 0))
    await listings.add_many([
        {"title": "Trauercafé im Nachbarort", "categories": ["health_care"], **near(KASSEL, km, 0)} for km in farther_km
    ])

    outcome = await find(listings.database, SearchRequest(), categories=["health_care"], place=KASSEL,
                         keywords=["trauercafe"])

    # The asked radius stays; the loose ones nearby are the related ones behind "Ähnliche anzeigen".
    assert outcome.widened == () and outcome.radius_km == 15
    answer, similar = await answer_and_similar(listings.database, SearchRequest(), categories=["health_care"],
                                               place=KASSEL, keywords=["trauercafe"])
    assert answer == [close] and set(similar) == set(loose)


async def test_enough_listings_naming_the_thing_nearby_keep_the_asked_radius(listings: Listings) -> None:
    near_ones = await listings.add_many([
        {"title": f"Trauercafé {n}", "categories": ["health_care"], **near(KASSEL, 2 * n + 1, 0)} for n in range(3)
    ])
    await listings.add("Trauercafé im Nachbarort", categories=["health_care"], **near(KASSEL, 22, 0))

    outcome = await find(listings.database, SearchRequest(), categories=["health_care"], place=KASSEL,
                         keywords=["trauercafe"])

    assert sorted(ids(outcome)) == near_ones and outcome.widened == ()


async def test_nothing_within_50_km_naming_the_thing_brings_the_nearest_ones_that_do(listings: Listings) -> None:
    await listings.add_many([
        {"title": f"Besuche im Pflegeheim {n}", "categories": ["health_care"], **near(KASSEL, n, 1)} for n in range(4)
    ])
    named = await listings.add_many([
        {"title": f"Trauercafé {n}", "categories": ["health_care"], **near(KASSEL, 60 + 10 * n, 0)} for n in range(3)
    ])

    outcome = await find(listings.database, SearchRequest(), categories=["health_care"], place=KASSEL,
                         keywords=["trauercafe"])

    assert ids(outcome) == named
    assert outcome.widened == ("radius:30", "radius:50", "nearest")
    assert [hit.distance_km for hit in outcome.results] == [60.0, 70.0, 80.0]


async def test_far_away_the_nearer_one_comes_first_though_only_the_farther_one_names_the_wished_day(
    listings: Listings,
) -> None:
    farther = await listings.add("Trauercafé am Sonntag", categories=["health_care"], time_tags=["weekend"],
                                 **near(KASSEL, 95, 0))
    nearer = await listings.add("Trauercafé", categories=["health_care"], **near(KASSEL, 55, 0))

    outcome = await find(listings.database, SearchRequest(), categories=["health_care"], place=KASSEL,
                         keywords=["trauercafe"], time=["weekend"])

    # The answer says "the nearest ones, with their distance": 55 km before 95 km, whose only edge is that it
    # names the day (the nearer one says nothing about days).
    assert ids(outcome) == [nearer, farther] and outcome.widened[-1] == "nearest"


async def test_beyond_the_asked_radius_the_nearer_ones_come_first_though_the_farther_ones_are_fresher(
    listings: Listings,
) -> None:
    close = await listings.add("Trauercafé begleiten", categories=["health_care"], **near(KASSEL, 17, 0))
    older = [NOW - timedelta(days=100)] * 2
    nearer = await listings.add_many([
        {"title": "Ehrenamt im Trauercafé", "categories": ["health_care"], "published_at": when,
         **near(KASSEL, 32 + n, 0)} for n, when in enumerate(older)
    ])
    farther = await listings.add_many([
        {"title": "Ehrenamt im Trauercafé", "categories": ["health_care"], **near(KASSEL, 0, 44 + n)} for n in range(2)
    ])

    outcome = await find(listings.database, SearchRequest(), categories=["health_care"], place=KASSEL,
                         keywords=["trauercafe"])

    # Alike but for their date, those 32 km away come before the fresher ones 44 km away: beyond the asked radius
    # the answer is the nearest ones, which the person reaches.
    assert outcome.radius_km == 50
    assert ids(outcome) == [close, *nearer, *farther]


async def test_online_listings_naming_the_thing_follow_the_nearest_ones_far_away(listings: Listings) -> None:
    nearest = await listings.add("Trauercafé Nordhessen", categories=["health_care"], **near(KASSEL, 120, 0))
    online = await listings.add("Trauercafé per Video", categories=["health_care"], remote=True,
                                **near(KASSEL, -400, 0))
    await listings.add("Online-Pflegeberatung", categories=["health_care"], remote=True, **near(KASSEL, -400, 0))

    outcome = await find(listings.database, SearchRequest(), categories=["health_care"], place=KASSEL,
                         keywords=["trauercafe"])

    # The nearest one first, with its true distance; the online one naming it after it, shown as online; the
    # online one that is only of the category is no answer for Kassel.
    assert ids(outcome) == [nearest, online]
    assert outcome.results[0].distance_km == 120.0
    assert outcome.results[1].distance_km is None and outcome.results[1].why.startswith("online")
    assert outcome.widened[-1] == "nearest"


def test_the_note_says_none_nearby_names_the_thing() -> None:
    # Taken only when no listing within the try's radius names the thing (bot.search.engine._farther_matches), also
    # when nothing at all lay within the asked radius: the note never says some fit nearby, nor that nearby ones stay.
    notes = widening_notes(("radius:30", "matching"), asked_radius_km=15, lang="de")
    assert len(notes) == 1 and "15 km" in notes[0] and "30 km" in notes[0]
    assert "kein Angebot" in notes[0] and "wenig" not in notes[0] and "auch" not in notes[0]
    assert notes != widening_notes(("radius:30",), asked_radius_km=15, lang="de")
    english = widening_notes(("radius:50", "matching"), asked_radius_km=15, lang="en")
    assert "50 km" in english[0] and english[0].startswith("Nothing") and "few" not in english[0]


async def test_the_matching_note_holds_when_nothing_lies_within_the_asked_radius(listings: Listings) -> None:
    # Nothing within 15 km; loose ones of the field at 20 km; three naming the thing 35 to 45 km away.
    await listings.add_many([
        {"title": f"Besuche im Pflegeheim {n}", "categories": ["health_care"], **near(KASSEL, 20, n)} for n in range(3)
    ])
    named = await listings.add_many([
        {"title": f"Trauercafé begleiten {n}", "categories": ["health_care"], **near(KASSEL, 35 + 5 * n, 0)}
        for n in range(3)
    ])

    outcome = await find(listings.database, SearchRequest(), categories=["health_care"], place=KASSEL,
                         keywords=["trauercafe"])

    assert ids(outcome) == named and "matching" in outcome.widened
    note = widening_notes(outcome.widened, asked_radius_km=15, lang="de")[0]
    assert note.startswith("Im Umkreis von 15 km nennt kein Angebot genau das")


def test_an_asked_radius_beyond_the_nearest_reach_gets_no_narrower_try() -> None:
    asked = Attempt(150.0, strict_time=False, text_required=False, widened=())
    assert farther_matches(asked) == []
    usual = farther_matches(Attempt(15.0, strict_time=False, text_required=False, widened=()))
    assert [attempt.radius_km for attempt in usual] == [50.0, 100.0]


async def test_a_colloquial_filler_word_names_nothing_and_takes_the_answer_nowhere(listings: Listings) -> None:
    """ "brauch was mit Jugendlichen": "brauch" (I need) is no wish; ranked through "brauchen" it once took the
    answer to the three listings 80 km away that write "wir brauchen", past the nearby youth listings."""
    nearby = await listings.add_many([
        {"title": f"Jugendtreff {n}: Betreuung", "categories": ["children_youth"], **near(KASSEL, n + 1, 0)}
        for n in range(4)
    ])
    await listings.add_many([
        {"title": f"Wir brauchen dich im Ferienlager {n}", "categories": ["children_youth"], **near(KASSEL, 80 + n, 0)}
        for n in range(3)
    ])

    outcome = await find(listings.database, SearchRequest(text="brauch was mit jugendlichen in kassel"),
                         categories=["children_youth"], place=KASSEL)

    assert sorted(ids(outcome)) == nearby and outcome.widened == () and outcome.radius_km == 15


async def test_a_filler_word_the_listings_write_as_it_is_still_ranks(listings: Listings) -> None:
    """ "Essen" is on the NLU's filler list (the verb) but listings write it as the thing: it still ranks."""
    await listings.add_many([
        {"title": f"Kleiderkammer {n}", "categories": ["poverty_homelessness"], **near(KASSEL, n + 1, 0)}
        for n in range(3)
    ])
    meals = await listings.add("Essen für Obdachlose ausgeben", categories=["poverty_homelessness"],
                               **near(KASSEL, 9, 0))

    outcome = await find(listings.database, SearchRequest(text="Essen für Obdachlose in Kassel"),
                         categories=["poverty_homelessness"], place=KASSEL)

    assert ids(outcome)[0] == meals
