"""Two fields asked together ("Sport mit älteren Menschen"): a word that named one of them says no more than that
field does, so a listing in both comes before one in a single field holding the word (Weights.other_field)."""

from __future__ import annotations

from dataclasses import replace

from tests.factories.search import KASSEL, Listings, find, ids, near

from bot.search import SearchRequest

TEXT = SearchRequest(text="Sport mit älteren Menschen in Kassel")


async def test_a_listing_of_both_fields_comes_before_one_field_naming_its_own_group(listings: Listings) -> None:
    # All 2 km away: what decides is the fields and the word, not the distance.
    tablet = await listings.add("Tablet-Kurs für Ältere", categories=["digital", "seniors"], **near(KASSEL, 2, 0))
    both = await listings.add("Bewegungsgruppe leiten", categories=["sports", "seniors"], **near(KASSEL, 0, 2))
    visits = await listings.add("Besuchsdienst", categories=["seniors"], **near(KASSEL, -2, 0))

    outcome = await find(listings.database, TEXT, categories=["seniors", "sports"], place=KASSEL)
    # The listing of both fields answers (bot.search.tiers.in_fields); the one-field listings wait behind the button
    # for the related ones, the one naming its group ("Ältere") still before the one naming nothing.
    assert ids(outcome) == [both] and outcome.others == 2
    related = await find(listings.database, replace(TEXT, similar=True), categories=["seniors", "sports"],
                         place=KASSEL)
    assert ids(related) == [tablet, visits]


async def test_the_word_counts_fully_in_a_listing_of_another_asked_field(listings: Listings) -> None:
    club = await listings.add("Sportverein: Übungsleitung", categories=["sports"], **near(KASSEL, 3, 0))
    elders = await listings.add("Sportgruppe für Ältere", categories=["sports"], **near(KASSEL, 5, 0))
    tablet = await listings.add("Tablet-Kurs für Ältere", categories=["seniors"], **near(KASSEL, 1, 0))

    outcome = await find(listings.database, TEXT, categories=["seniors", "sports"], place=KASSEL)

    # "Ältere" in a sports listing says the other field: it comes first; in a seniors listing it says its field only.
    assert ids(outcome)[0] == elders and set(ids(outcome)) == {club, elders, tablet}


async def test_with_one_field_its_group_named_still_lifts_the_rows_naming_it(listings: Listings) -> None:
    plain = await listings.add("Besuchsdienst", categories=["seniors"], **near(KASSEL, 1, 0))
    named = await listings.add("Besuche bei Älteren", categories=["seniors"], **near(KASSEL, 5, 0))

    outcome = await find(listings.database, SearchRequest(text="Besuche bei älteren Menschen in Kassel"),
                         categories=["seniors"], place=KASSEL)

    assert ids(outcome) == [named, plain]


async def test_a_listing_only_for_the_named_people_follows_one_of_the_named_activity(listings: Listings) -> None:
    # "Musik mit Kindern": the youth fire brigade is for children but no music; nearer, it still comes after.
    brigade = await listings.add("Jugendfeuerwehr: Betreuer gesucht", categories=["children_youth",
                                                                                  "emergency_services"],
                                 **near(KASSEL, 1, 0))
    stage = await listings.add("Theatergruppe: Bühnenbild bauen", categories=["culture"], **near(KASSEL, 6, 0))

    outcome = await find(listings.database, SearchRequest(text="Musik mit Kindern in Kassel"),
                         categories=["culture", "children_youth"], place=KASSEL)

    assert ids(outcome) == [stage, brigade]

