"""The few words on why a listing was found, in German and English."""

from __future__ import annotations

from bot.search.criteria import Criteria
from bot.search.vocabulary import TermGroup
from bot.search.why import ListingFacts, format_distance, matched_word, why

SHELTER = ListingFacts(
    title="Gassi-Team im Tierheim Kassel", description="Hunde ausführen am Wochenende.", categories=("animals",),
    time_tags=("weekend", "regular"), languages=("ar",), remote=False, newcomer_friendly=True,
)
TIERHEIM = TermGroup("tierheim", ("tierheim",), ("tierheim",), 3, fuzzy=False)


def test_why_names_distance_time_and_the_word_that_matched() -> None:
    criteria = Criteria(categories=("animals",), time=("weekend",), keywords=("tierheim",))
    assert why(SHELTER, criteria, [TIERHEIM], 12.4) == "12 km · Wochenende · Tierheim"


def test_without_a_matching_word_the_category_is_named_in_the_readers_language() -> None:
    assert why(SHELTER, Criteria(categories=("animals",)), [], 3.25) == "3,2 km · Tiere"
    english = Criteria(categories=("animals",), time=("weekend", "evening"), lang="en")
    assert why(SHELTER, english, [], 3.25) == "3.2 km · weekend · Animals · no German needed"


def test_languages_the_person_speaks_are_mentioned() -> None:
    criteria = Criteria(categories=("animals",), languages=("ar", "fa"))
    assert why(SHELTER, criteria, [], 0.4) == "< 1 km · Tiere · Arabisch"


def test_remote_listings_say_online_and_nothing_at_all_says_where() -> None:
    online = ListingFacts("Online-Nachhilfe", "", ("education",), (), (), True, False)
    assert why(online, Criteria(remote=True), [], None) == "online"
    plain = ListingFacts("Helfer:in gesucht", "", ("culture",), (), (), False, False)
    assert why(plain, Criteria(), [], None) == "bundesweit"


def test_the_matched_word_is_shown_as_the_listing_writes_it() -> None:
    repair = TermGroup("cafe", ("cafe",), (), 1, fuzzy=False)
    listing = ListingFacts("Repair-Café Wehlheiden", "", (), (), (), False, False)
    assert matched_word(listing, [repair]) == "Café"
    reading = TermGroup("vorlesen", (), ("vorles",), 1, fuzzy=False)
    in_description = ListingFacts("Lesen mit Kindern", "Unsere Vorlesepat:innen treffen sich montags.", (), (), (),
                                  False, False)
    assert matched_word(in_description, [reading]) == "Vorlesepat"


def test_distances_are_rounded_as_people_say_them() -> None:
    assert [format_distance(d, "de") for d in (0.2, 4.0, 4.56, 9.97, 12.5, 31.4)] == [
        "< 1 km", "4 km", "4,6 km", "10 km", "12 km", "31 km"]
    assert format_distance(4.56, "en") == "4.6 km"
