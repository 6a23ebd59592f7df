"""Issue 15: every content word ranks (by rarity, title first), languages lift, places stay honest, never empty."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.search import PlaceRef, SearchRequest
from bot.search.content_words import content_words, manner_words, unwanted_words
from bot.search.criteria import Criteria
from bot.search.vocabulary import Vocabulary
from tests.factories.search import KASSEL, Listings, answer_and_similar, find, ids, near

HAMBURG = PlaceRef("Hamburg", 53.55073, 9.99302, "Hamburg", None)


def test_content_words_keep_what_named_a_category_and_leave_place_negation_time_and_filler() -> None:
    criteria = Criteria(categories=("emergency_services",), place=KASSEL)
    assert content_words("Freiwillige Feuerwehr in Kassel", criteria) == ("freiwillige", "feuerwehr")
    assert content_words("ich möchte freiwillig im Tierheim helfen", criteria) == ("tierheim",)
    assert content_words("am Wochenende was mit Kindern in Kassel, aber ohne Sport", criteria) == ("kindern",)
    hamburg = Criteria(place=HAMBURG, keywords=("nord",))
    assert content_words("Hamburg Nord Senioren besuchen", hamburg) == ("senioren", "besuchen")
    # when the writer is free is no thing to look for, as their time is not
    assert "frei" not in content_words("Tafel in Kassel, hab dienstags und donnerstags frei", criteria)
    assert "frei" not in content_words("bin abends frei, gern mit Tieren", criteria)
    assert "freiwillige" in content_words("Freiwillige Feuerwehr, bin abends frei", criteria)


def test_an_english_request_ranks_by_the_german_words_listings_use() -> None:
    english = Criteria(place=HAMBURG, keywords=("homework",), lang="en")
    assert content_words("homework help for kids in Hamburg", english) == ("homework", "hausaufgabenhilfe", "kinder")
    brigade = Criteria(categories=("emergency_services",), place=HAMBURG, lang="en")
    assert content_words("volunteer fire brigade Hamburg", brigade) == ("feuerwehr",)
    assert content_words("food bank in Hamburg", brigade) == ("tafel",)  # the phrase, not food and a bank


def test_lower_case_words_of_a_request_that_capitalises_its_nouns_say_how_not_what() -> None:
    criteria = Criteria(categories=("poverty_homelessness",), place=HAMBURG)
    assert manner_words("Lebensmittel ausgeben für Bedürftige, Hamburg", criteria) >= {"ausgeben", "fuer"}
    assert "lebensmittel" not in manner_words("Lebensmittel ausgeben für Bedürftige, Hamburg", criteria)
    # All lower case, or capitals only in the place and an opening word with nothing small beside it:
    # nothing can be told.
    assert manner_words("lebensmittel ausgeben in hamburg", criteria) == frozenset()
    assert manner_words("Tierheim in Hamburg", criteria) == frozenset()
    # An opening capital beside a content word written small: that one is how the writer writes verbs.
    assert "unterrichten" in manner_words("Gitarre unterrichten in Hamburg", criteria)
    assert "gitarre" not in manner_words("Gitarre unterrichten in Hamburg", criteria)
    assert manner_words("Food bank. Sorting food in Hamburg", replace(criteria, lang="en")) == frozenset()


def test_negated_words_are_unwanted_unless_the_negation_negates_nothing() -> None:
    criteria = Criteria(categories=("animals",), place=HAMBURG)
    assert unwanted_words("Tierheim in Hamburg, aber nicht mit Katzen", criteria) == ("katzen",)
    assert unwanted_words("Umwelt ohne Müllsammeln", criteria) == ("muellsammeln",)
    assert unwanted_words("keine Erfahrung mit Hunden, aber gern Tierheim", criteria) == ()
    assert unwanted_words("no cats please", replace(criteria, lang="en")) == ("katzen",)  # as the listings write it
    assert unwanted_words("no problem with cats", replace(criteria, lang="en")) == ()


def test_a_known_word_is_never_corrected_towards_a_rare_listing_word_and_typos_prefer_common_words() -> None:
    words = Vocabulary({"maulen": 1, "tierheim": 40, "tierhaim": 1, "tierheime": 2}, listings=100)
    assert words.group("malen") is None  # a correct common verb is not turned into "maulen"
    assert words.group("maalen") is not None  # an unknown word is
    corrected = words.group("tierheimm")
    assert corrected is not None and corrected.terms[0] == "tierheim"
    assert words.weight(words.group("tierhaim")) > words.weight(words.group("tierheim"))  # type: ignore[arg-type]


async def test_a_listing_whose_title_names_the_request_comes_before_the_category_rows(listings: Listings) -> None:
    general = await listings.add_many([
        {"title": f"Sanitätsdienst {n}", "categories": ["emergency_services"], **near(KASSEL, n * 0.2, 0)}
        for n in range(4)
    ])
    named = await listings.add("Freiwillige Feuerwehr Nordstadt", categories=["emergency_services"],
                               description="Übungsdienst dienstags", **near(KASSEL, 9, 0))
    answer, similar = await answer_and_similar(
        listings.database, SearchRequest(text="Freiwillige Feuerwehr in Kassel"), categories=["emergency_services"],
        place=KASSEL)
    assert answer == [named] and set(similar) == set(general)


async def test_a_group_of_people_named_lifts_the_rows_naming_it(listings: Listings) -> None:
    await listings.add_many([
        {"title": f"Hausaufgabenhilfe {n}", "categories": ["children_youth", "education"], **near(KASSEL, n, 0)}
        for n in range(3)
    ])
    specific = await listings.add("Lernhilfe", description="für Kinder mit Migrationshintergrund",
                                  categories=["children_youth", "education"], **near(KASSEL, 12, 0))
    outcome = await find(listings.database,
                         SearchRequest(text="Hausaufgabenhilfe für Kinder mit Migrationshintergrund in Kassel"),
                         categories=["children_youth", "education"], place=KASSEL, keywords=["hausaufgabenhilfe"])
    # The rare word outweighs the common one: the only row naming the group leads.
    assert ids(outcome)[0] == specific


async def test_a_spoken_language_lifts_listings_asking_for_it_above_no_language_above_another(
    listings: Listings,
) -> None:
    other, unsaid, mine = await listings.add_many([
        {"title": "Sprachmittlung", "categories": ["refugees_integration"], "languages": ["uk"], **near(KASSEL, 1)},
        {"title": "Behördenlotse", "categories": ["refugees_integration"], **near(KASSEL, 2)},
        {"title": "Begleitung zu Ämtern", "categories": ["refugees_integration"], "languages": ["ar"],
         **near(KASSEL, 3)},
    ])
    outcome = await find(listings.database, SearchRequest(), categories=["refugees_integration"], place=KASSEL,
                         languages=["ar"])
    assert ids(outcome) == [mine, unsaid, other]


async def test_a_listing_known_only_by_its_town_is_not_shown_as_nearest(listings: Listings) -> None:
    at_point = await listings.add("Besuchsdienst", categories=["seniors"], place_name="Kassel",
                                  lat=KASSEL.lat, lon=KASSEL.lon)
    two_km = await listings.add("Seniorentreff", categories=["seniors"], **near(KASSEL, 2, 0))
    outcome = await find(listings.database, SearchRequest(), categories=["seniors"], place=KASSEL)
    assert ids(outcome) == [two_km, at_point]
    assert outcome.results[1].distance_km is None and outcome.results[1].why.startswith("in Kassel")


async def test_nothing_within_50_km_shows_the_nearest_with_their_distance(listings: Listings) -> None:
    far, farther = await listings.add_many([
        {"title": "Tierheim", "categories": ["animals"], **near(KASSEL, 120, 0)},
        {"title": "Tierheim", "categories": ["animals"], **near(KASSEL, 0, 150)},
    ])
    outcome = await find(listings.database, SearchRequest(), categories=["animals"], place=KASSEL)
    assert ids(outcome) == [far, farther] and "nearest" in outcome.widened
    assert [hit.distance_km for hit in outcome.results] == [120.0, 150.0]


async def test_an_unknown_postal_code_is_asked_about_not_searched_nationwide(listings: Listings) -> None:
    await listings.add("Tierheim", categories=["animals"])
    outcome = await find(listings.database, SearchRequest(text="Tierheim 00000"), categories=["animals"])
    assert outcome.unknown_place == "00000" and outcome.results == () and not outcome.everywhere
    assert outcome.to_dict()["unknown_place"] == "00000"


async def test_a_place_the_gazetteer_lacks_is_asked_about_as_an_unknown_postal_code_is(listings: Listings) -> None:
    await listings.add("Tierheim", categories=["animals"])
    request = SearchRequest(text="Tierheim in Höchst an der Nidder")
    outcome = await find(listings.database, request, categories=["animals"], unknown_places=("Höchst an der Nidder",))
    assert outcome.unknown_place == "Höchst an der Nidder" and not outcome.unknown_postal_code
    assert outcome.results == () and not outcome.everywhere and not outcome.nowhere
    picked = replace(request, refinement=replace(request.refinement, place=KASSEL))  # a place picked is searched
    found = await find(listings.database, picked, categories=["animals"], unknown_places=("Höchst an der Nidder",))
    assert found.unknown_place is None and len(found.results) == 1


async def test_a_wished_time_the_listings_say_nothing_about_is_reported_as_not_applied(listings: Listings) -> None:
    await listings.add_many([{"title": f"Tafel {n}", "categories": ["poverty_homelessness"]} for n in range(3)])
    outcome = await find(listings.database, SearchRequest(), categories=["poverty_homelessness"], place=KASSEL,
                         time=["weekend"])
    assert outcome.not_applied == ("time",) and len(outcome.results) == 3
    await listings.add("Tafel am Samstag", categories=["poverty_homelessness"], time_tags=["weekend"])
    tagged = await find(listings.database, SearchRequest(), categories=["poverty_homelessness"], place=KASSEL,
                        time=["weekend"])
    assert tagged.not_applied == ()


async def test_a_negated_word_lowers_the_listings_holding_it(listings: Listings) -> None:
    cats, dogs = await listings.add_many([
        {"title": "Katzen im Tierheim", "categories": ["animals"], **near(KASSEL, 1, 0)},
        {"title": "Hunde im Tierheim", "categories": ["animals"], **near(KASSEL, 5, 0)},
    ])
    outcome = await find(listings.database, SearchRequest(text="Tierheim in Kassel, aber nicht mit Katzen"),
                         categories=["animals"], place=KASSEL, keywords=["tierheim"])
    assert ids(outcome) == [dogs, cats]


async def test_a_negated_word_the_nlu_kept_as_a_free_word_does_not_look_for_its_listings(listings: Listings) -> None:
    donors, reading, garden = await listings.add_many([
        {"title": "Blutspende: Betreuung der Spender:innen", "categories": ["health_care"], **near(KASSEL, 1, 0)},
        {"title": "Vorlesen in der Kita", "categories": ["children_youth"], **near(KASSEL, 3, 0)},
        {"title": "Schulgarten pflegen", "categories": ["environment"], **near(KASSEL, 4, 0)},
    ])
    outcome = await find(listings.database, SearchRequest(text="egal was, nur nicht mit Blut, Kassel"),
                         place=KASSEL, keywords=["blut"])
    assert ids(outcome) == [reading, garden, donors] and "keywords" not in outcome.widened


@pytest.mark.parametrize(("text", "centre"), [("Hamburg Nord Senioren", "Hamburg-Nord"),
                                              ("Senioren in Hamburg Altona", "Altona")])
async def test_a_district_or_quarter_beside_the_city_becomes_the_centre(
    listings: Listings, text: str, centre: str,
) -> None:
    await listings.add("Besuchsdienst", categories=["seniors"], place_name="Hamburg", **near(HAMBURG, 2, 0))
    outcome = await find(listings.database, SearchRequest(text=text), categories=["seniors"], place=HAMBURG,
                         keywords=["nord"] if "Nord" in text else [])
    assert outcome.place is not None and outcome.place.name == centre
    assert len(outcome.results) == 1 and "nord" not in (outcome.widened or ())


async def test_once_three_listings_hold_the_named_word_the_category_only_rows_are_left_out(
    listings: Listings,
) -> None:
    named = await listings.add_many([
        {"title": f"Ehrenamt im Hospiz {n}", "categories": ["health_care"], **near(KASSEL, 5 + n, 0)}
        for n in range(3)
    ])
    await listings.add_many([
        {"title": f"Besuchsdienst im Krankenhaus {n}", "categories": ["health_care"], **near(KASSEL, n * 0.3, 0)}
        for n in range(3)
    ])
    outcome = await find(listings.database, SearchRequest(text="Hospiz in Kassel"),
                         categories=["health_care"], place=KASSEL, keywords=["hospiz"])
    assert sorted(ids(outcome)) == sorted(named) and outcome.total == 3


async def test_with_fewer_than_three_holding_the_word_the_category_waits_behind_the_similar_button(
        listings: Listings) -> None:
    named = await listings.add("Ehrenamt im Hospiz", categories=["health_care"], **near(KASSEL, 9, 0))
    general = await listings.add_many([
        {"title": f"Besuchsdienst im Krankenhaus {n}", "categories": ["health_care"], **near(KASSEL, n * 0.3, 0)}
        for n in range(3)
    ])
    outcome = await find(listings.database, SearchRequest(text="Hospiz in Kassel"),
                         categories=["health_care"], place=KASSEL, keywords=["hospiz"])
    # The page is no longer filled with the category's rows: they are counted and offered (bot.search.tiers).
    assert ids(outcome) == [named] and outcome.others == 3
    answer, similar = await answer_and_similar(listings.database, SearchRequest(text="Hospiz in Kassel"),
                                               categories=["health_care"], place=KASSEL, keywords=["hospiz"])
    assert answer == [named] and set(similar) == set(general)


async def test_a_verb_in_a_title_does_not_beat_the_noun_that_names_the_thing(listings: Listings) -> None:
    verb = await listings.add("Kleidung sortieren und ausgeben", categories=["poverty_homelessness"],
                              **near(KASSEL, 1, 0))
    noun = await listings.add("Tafel: Lebensmittelausgabe", categories=["poverty_homelessness"],
                              **near(KASSEL, 2, 0))
    answer, similar = await answer_and_similar(
        listings.database, SearchRequest(text="Ich möchte Lebensmittel ausgeben in Kassel"),
        categories=["poverty_homelessness"], place=KASSEL, keywords=["lebensmittel", "ausgeben"])
    assert answer + similar == [noun, verb] and answer[0] == noun


async def test_rows_holding_only_the_verb_are_left_out_once_three_hold_the_noun(listings: Listings) -> None:
    guitar = await listings.add_many([
        {"title": f"Gitarrenkurs {n}", "description": "Gitarre für Kinder", "categories": ["culture"],
         **near(KASSEL, 3 + n, 0)} for n in range(3)
    ])
    await listings.add("Deutsch unterrichten", categories=["culture", "education"], **near(KASSEL, 1, 0))
    outcome = await find(listings.database, SearchRequest(text="Kindern Gitarre unterrichten in Kassel"),
                         categories=["culture"], place=KASSEL, keywords=["gitarre", "unterrichten"])
    assert sorted(ids(outcome)) == sorted(guitar)


def test_the_city_of_a_searched_quarter_is_a_place_word_not_a_content_word() -> None:
    hamm = PlaceRef("Hamm", 53.55487, 10.05742, "Hamburg", None)
    criteria = Criteria(categories=("poverty_homelessness",), place=hamm)
    assert content_words("Lebensmittel ausgeben für Bedürftige, Hamburg Hamm", criteria) == (
        "lebensmittel", "ausgeben", "beduerftige")


def test_a_compound_of_a_generic_head_also_stands_for_what_it_is_about() -> None:
    words = Vocabulary({"obdachlose": 3, "obdachlosenhilfe": 1, "nachbarschaft": 2, "tierheim": 4, "tiere": 9,
                        "sprachcafe": 2, "sprachmittlung": 3}, listings=100)
    group = words.group("obdachlosenhilfe")
    assert group is not None and group.matches("obdachlosen") and group.documents == 4
    neighbours = words.group("nachbarschaftshilfe")  # with the linking s
    assert neighbours is not None and neighbours.matches("nachbarschaft")
    # A short modifier says too little alone: the Tierheim is no listing about animals in general, and
    # the Sprachcafé none about interpreting.
    shelter, cafe = words.group("tierheim"), words.group("sprachcafe")
    assert shelter is not None and not shelter.matches("tiere")
    assert cafe is not None and not cafe.matches("sprachmittlung")


def test_an_english_phrase_is_read_also_in_a_request_taken_for_german() -> None:
    criteria = Criteria(categories=("poverty_homelessness",), place=HAMBURG, keywords=("food", "bank"))
    assert content_words("food bank Hamburg", criteria)[:3] == ("food", "bank", "tafel")


async def test_listings_naming_the_group_a_compound_helps_answer_it(listings: Listings) -> None:
    helping = await listings.add("Kältebus im Winter", description="Wir fahren zu obdachlosen Menschen.",
                                 categories=["poverty_homelessness"], **near(KASSEL, 3, 0))
    await listings.add("Kleiderkammer", description="Kleidung sortieren", categories=["poverty_homelessness"],
                       **near(KASSEL, 1, 0))
    outcome = await find(listings.database, SearchRequest(text="Obdachlosenhilfe in Kassel"),
                         categories=["poverty_homelessness"], place=KASSEL, keywords=["obdachlosenhilfe"])
    assert ids(outcome)[0] == helping


async def test_a_word_that_only_named_the_category_does_not_keep_the_category_rows(listings: Listings) -> None:
    exercise = await listings.add_many([
        {"title": f"Gymnastik für Ältere {n}", "categories": ["seniors", "sports"], **near(KASSEL, 4 + n, 0)}
        for n in range(3)
    ])
    await listings.add_many([
        {"title": f"Vorlesen für Senioren {n}", "categories": ["seniors", "culture"], **near(KASSEL, n * 0.3, 0)}
        for n in range(2)
    ])
    outcome = await find(listings.database, SearchRequest(text="Gymnastik mit Senioren in Kassel"),
                         categories=["seniors", "sports"], place=KASSEL, keywords=["gymnastik"])
    assert sorted(ids(outcome)) == sorted(exercise)


async def test_a_listing_holding_only_the_verb_still_counts_as_found_by_the_words(listings: Listings) -> None:
    repair = await listings.add("Reparieren im Repair Café", categories=["neighbourhood"], **near(KASSEL, 2, 0))
    await listings.add("Stadtteilfest", categories=["neighbourhood"], **near(KASSEL, 1, 0))
    outcome = await find(listings.database, SearchRequest(text="Ich will Räder reparieren in Kassel"),
                         categories=["neighbourhood"], place=KASSEL, keywords=["raeder", "reparieren"])
    assert ids(outcome)[0] == repair and "keywords" not in outcome.widened


async def test_a_listing_asking_for_a_language_the_person_speaks_is_found_beside_the_words(
    listings: Listings,
) -> None:
    guide = await listings.add("Lotsin für Frauen", description="Du sprichst Farsi oder Dari?",
                               categories=["refugees_integration"], languages=["fa"], **near(KASSEL, 3, 0))
    named = await listings.add("Familien aus Afghanistan begleiten", categories=["refugees_integration"],
                               **near(KASSEL, 1, 0))
    outcome = await find(listings.database, SearchRequest(text="Ich spreche Farsi, Afghanistan, Kassel"),
                         place=KASSEL, keywords=["afghanistan"], languages=["fa"])
    assert set(ids(outcome)) == {guide, named}


def test_an_english_only_word_ranks_as_a_loan_a_false_friend_does_not() -> None:
    """German listings write "Urban Gardening" as it is; "bank" is a German word too and stays out."""
    english = Criteria(place=HAMBURG, lang="en")
    assert "gardening" in content_words("urban gardening in ottensen", english)
    assert "bank" not in content_words("help at a bank in Hamburg", english)
    assert "help" not in content_words("help at a bank in Hamburg", english)


async def test_a_particle_verb_ranks_the_listings_naming_its_noun_of_the_action(listings: Listings) -> None:
    clothes = await listings.add_many([
        {"title": f"Kleiderkammer: Sortieren und Ausgeben {n}", "categories": ["poverty_homelessness"],
         "description": "Für Bedürftige.", **near(KASSEL, 1 + n * 0.1, 0)} for n in range(3)
    ])
    await listings.add_many([  # elsewhere, other listings name food too: the word alone tells little
        {"title": f"Lebensmittel retten {n}", "categories": ["environment"], **near(KASSEL, 300, n)} for n in range(2)
    ])
    food = await listings.add("Tafel: Lebensmittelausgabe", categories=["poverty_homelessness"],
                              description="Wir sortieren und verteilen.", **near(KASSEL, 4, 0))
    answer, similar = await answer_and_similar(
        listings.database, SearchRequest(text="Lebensmittel ausgeben für Bedürftige in Kassel"),
        categories=["poverty_homelessness"], place=KASSEL, keywords=["lebensmittel", "ausgeben", "beduerftige"])
    # The food bank names both what is handed out and the handing out ("-ausgabe"); it leads the nearer rows that
    # name only the handing out.
    listed = answer + similar
    assert listed[0] == food and set(listed[1:]) == set(clothes)


async def test_a_kind_ruled_out_lowers_its_listings_and_keeps_the_rest_of_the_field(listings: Listings) -> None:
    dogs, cats, horses, garden = await listings.add_many([
        {"title": "Gassi gehen mit Hunden", "categories": ["animals"], **near(KASSEL, 1, 0)},
        {"title": "Katzen streicheln im Tierheim", "categories": ["animals"], **near(KASSEL, 2, 0)},
        {"title": "Stallarbeit bei den Pferden", "categories": ["animals"], **near(KASSEL, 3, 0)},
        {"title": "Schulgarten pflegen", "categories": ["environment"], **near(KASSEL, 4, 0)},
    ])
    for text in ("Ehrenamt in Kassel, aber ohne Hunde", "something in Kassel, no dogs"):
        outcome = await find(listings.database, SearchRequest(text=text), place=KASSEL,
                             lang="en" if text.startswith("something") else "de")
        assert ids(outcome)[-1] == dogs and set(ids(outcome)) == {dogs, cats, horses, garden}


async def test_a_kind_ruled_out_lowers_the_listings_naming_it_inside_a_compound(listings: Listings) -> None:
    shelter_dogs, therapy_dog, cats, books = await listings.add_many([
        {"title": "Gassi gehen mit Tierheimhunden", "categories": ["animals"], **near(KASSEL, 1, 0)},
        {"title": "Unser Therapiehund besucht Senioren", "categories": ["animals"], **near(KASSEL, 2, 0)},
        {"title": "Katzen streicheln im Tierheim", "categories": ["animals"], **near(KASSEL, 3, 0)},
        {"title": "Tierbücher statt Schundliteratur", "categories": ["animals"], **near(KASSEL, 4, 0)},
    ])
    await listings.add("Hunde ausführen", categories=["animals"], **near(KASSEL, 200, 0))  # the word itself is held
    outcome = await find(listings.database, SearchRequest(text="Tiere in Kassel, aber ohne Hunde"),
                         categories=["animals"], place=KASSEL)
    # "Schundliteratur" holds the letters of "hund" but is no compound of it: it stays with the cats.
    assert ids(outcome)[:2] == [cats, books] and set(ids(outcome)[2:]) == {shelter_dogs, therapy_dog}
