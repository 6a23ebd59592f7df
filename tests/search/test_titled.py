"""A listing titled with what was asked is found beyond the categories the request was read as (bot.search.titled)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from tests.factories.search import KASSEL, Listings, answer_and_similar, find, ids, near

import bot.search.titled as titled_module
from bot.search import SearchRequest
from bot.search.notes import widening_notes
from bot.search.retrieval import find_page
from bot.search.titled import names_all, title_words
from bot.search.vocabulary import TermGroup
from nlu.kernel.text import fold

TEXT = SearchRequest(text="Telefonpatenschaft gegen Einsamkeit in Kassel")
READ = {"categories": ["neighbourhood"], "place": KASSEL, "keywords": ["telefonpatenschaft", "einsamkeit"]}


async def _neighbourhood(listings: Listings) -> list[int]:
    return await listings.add_many([
        {"title": f"Stadtteilfest {n}: Auf- und Abbau", "categories": ["neighbourhood"], **near(KASSEL, n, 1)}
        for n in range(4)
    ])


async def test_listings_titled_with_all_free_words_cross_the_category_read(listings: Listings) -> None:
    await _neighbourhood(listings)
    titled = await listings.add_many([
        {"title": "Telefonpatenschaft gegen Einsamkeit", "categories": ["seniors"], **near(KASSEL, 2, 0)},
        {"title": "Telefonpatenschaft gegen Einsamkeit (Kassel)", "categories": ["seniors"], **near(KASSEL, 5, 0)},
    ])

    outcome = await find(listings.database, TEXT, **READ)

    # The two titled so answer, said as from another field; the field read holds none of the words: its rows are
    # the related ones.
    assert ids(outcome) == titled and outcome.others == 4
    assert outcome.widened == ("titled_only",)
    related = await find(listings.database, replace(TEXT, similar=True), **READ)
    assert related.results and all(hit.categories == ("neighbourhood",) for hit in related.results)


async def test_a_title_with_only_part_of_the_words_or_a_description_with_all_crosses_nothing(
    listings: Listings,
) -> None:
    field = await _neighbourhood(listings)
    await listings.add_many([
        {"title": "Besuche gegen Einsamkeit im Alter", "categories": ["seniors"], **near(KASSEL, 1, 0)},
        {"title": "Besuchsdienst", "description": "Auch als Telefonpatenschaft gegen Einsamkeit möglich.",
         "categories": ["seniors"], **near(KASSEL, 1, 0)},
    ])

    outcome = await find(listings.database, TEXT, **READ)

    # Those answer the words loosely: the field read stays, said as holding none of the words.
    assert sorted(ids(outcome)) == field and outcome.widened == ("keywords",)


async def test_a_title_missing_another_noun_of_the_wish_crosses_nothing(listings: Listings) -> None:
    field = await listings.add_many([
        {"title": f"Spielenachmittag {n}", "categories": ["children_youth"], **near(KASSEL, n, 1)} for n in range(4)
    ])
    await listings.add("Lagerteam der Tafel", categories=["poverty_homelessness"], **near(KASSEL, 2, 0))
    await listings.add("Stammtisch für Erzieher", categories=["culture"], **near(KASSEL, 90, 0))

    # The free word alone ("Lager") names another listing's title, the wish's other noun ("Erzieher") does not.
    outcome = await find(listings.database, SearchRequest(text="Lager oder Erzieher in Kassel"),
                         categories=["children_youth"], place=KASSEL, keywords=["lager"])

    assert sorted(ids(outcome)) == field and "titled" not in outcome.widened


async def test_nothing_crosses_when_a_listing_of_the_field_holds_a_word(listings: Listings) -> None:
    field = await _neighbourhood(listings)
    holding = await listings.add("Nachbarschaftstreff", description="Gemeinsam gegen Einsamkeit im Viertel.",
                                 categories=["neighbourhood"], **near(KASSEL, 3, 0))
    await listings.add("Telefonpatenschaft gegen Einsamkeit", categories=["seniors"], **near(KASSEL, 2, 0))

    outcome = await find(listings.database, TEXT, **READ)

    answer, similar = await answer_and_similar(listings.database, TEXT, **READ)
    assert answer == [holding] and sorted(similar) == field and outcome.widened == ()


async def test_a_title_beyond_the_radius_crosses_nothing(listings: Listings) -> None:
    field = await _neighbourhood(listings)
    await listings.add("Telefonpatenschaft gegen Einsamkeit", categories=["seniors"], **near(KASSEL, 40, 0))

    outcome = await find(listings.database, TEXT, **READ)

    assert sorted(ids(outcome)) == field and outcome.widened == ("keywords",)


def test_a_title_names_the_words_only_by_the_words_themselves() -> None:
    deutsch = TermGroup("deutsch", ("deutsch",), ("deutsch",), 20, False)
    feuerwehr = TermGroup("feuerwehr", ("feuerwehr",), ("feuerwehr",), 9, False)
    freiwillige = TermGroup("freiwillige", ("freiwillige",), ("freiwillig",), 9, False)
    service = TermGroup("service", ("service", "einkaufsservice"), ("servic",), 9, False)
    typo = TermGroup("telefonseelsorg", ("telefonseelsorge",), (), 3, True)
    unterrichten = TermGroup("unterrichten", ("unterrichten",), ("unterricht",), 9, False)
    assert names_all("Deutsch unterrichten für Geflüchtete", [deutsch, unterrichten])
    assert names_all("Aktiv in der Freiwilligen Feuerwehr", [freiwillige, feuerwehr])
    assert names_all("Mitarbeit in der Telefonseelsorge", [typo])
    # Inside a compound the word names another thing ("Deutschkurses", "Einkaufsservice"); all words or none.
    assert not names_all("Kinderbetreuung während des Deutschkurses", [deutsch])
    assert not names_all("Einkaufsservice: Helfer gesucht", [service])
    assert not names_all("Jugendfeuerwehr", [feuerwehr])
    assert not names_all("Feuerwehrfest", [freiwillige, feuerwehr])
    assert not names_all("Deutschkurs", [])
    # One word among several things the title names: no title of that request.
    fussball = TermGroup("fussball", ("fussball",), ("fussball",), 9, False)
    assert not names_all("Freizeitbegleitung: Kino, Konzert, Fußball", [fussball])
    assert names_all("Fußball-Training (m/w/d)", [fussball])
    assert names_all("Fußball für Kinder", [fussball])


def test_the_note_says_the_listings_come_from_another_field() -> None:
    german = widening_notes(("titled",), asked_radius_km=15, lang="de")
    english = widening_notes(("titled",), asked_radius_km=15, lang="en")
    assert len(german) == len(english) == 1 and "Titel" in german[0] and "title" in english[0]
    assert german != widening_notes(("keywords",), asked_radius_km=15, lang="de")
    # The titles (plural) name the words; "auch"/"followed by" only while the field's own rows follow them.
    assert "deren Titel sie nennen" in german[0] and "auch" in german[0] and "followed by" in english[0]
    german_only = widening_notes(("titled_only",), asked_radius_km=15, lang="de")
    english_only = widening_notes(("titled_only",), asked_radius_km=15, lang="en")
    assert len(german_only) == len(english_only) == 1 and "deren Titel sie nennen" in german_only[0]
    assert "auch" not in german_only[0] and "followed" not in english_only[0] and "title" in english_only[0]


async def test_the_step_says_whether_the_field_read_follows_the_titled_listings(listings: Listings) -> None:
    field = await _neighbourhood(listings)
    titled = await listings.add_many([
        {"title": "Telefonpatenschaft gegen Einsamkeit", "categories": ["seniors"], **near(KASSEL, n + 1, 0)}
        for n in range(3)
    ])

    outcome = await find(listings.database, TEXT, **READ)

    # Three name the words: the field's rows, holding none, are left out, so none of the field is listed.
    assert ids(outcome) == titled and not set(field) & set(ids(outcome))
    assert outcome.widened == ("titled_only",)


async def test_only_the_titled_listings_cross_not_the_rest_of_their_category(listings: Listings) -> None:
    field = await _neighbourhood(listings)
    titled = await listings.add("Besuchsdienst", categories=["seniors"], **near(KASSEL, 2, 0))
    # Nearer than the field's rows, in the titled listing's category, holding none of the words.
    await listings.add_many([
        {"title": f"Tablet-Kurs {n}", "categories": ["seniors"], **near(KASSEL, 0.1 * n, 0)} for n in range(6)
    ])

    outcome = await find(listings.database, SearchRequest(text="Besuchsdienst in Kassel"),
                         categories=["neighbourhood"], place=KASSEL, keywords=["besuchsdienst"])

    # The titled listing joins the field read; its category's other rows answer nothing that was asked. It alone
    # answers, so the note says only such titles are shown; the field's rows are the related ones.
    assert ids(outcome) == [titled] and outcome.others == 4
    assert outcome.total == 1 and outcome.widened == ("titled_only",)
    answer, similar = await answer_and_similar(listings.database, SearchRequest(text="Besuchsdienst in Kassel"),
                                               categories=["neighbourhood"], place=KASSEL, keywords=["besuchsdienst"])
    assert sorted(similar) == field


async def test_a_title_holding_an_unwanted_word_or_of_an_excluded_category_crosses_nothing(
    listings: Listings,
) -> None:
    field = await _neighbourhood(listings)
    await listings.add_many([
        {"title": "Besuchsdienst im Kinderhospiz", "categories": ["health_care"], **near(KASSEL, 2, 0)},
        {"title": "Besuchsdienst für Kinder im Krankenhaus", "categories": ["health_care"], **near(KASSEL, 2, 0)},
        {"title": "Besuchsdienst", "categories": ["children_youth"], **near(KASSEL, 2, 0)},
    ])

    outcome = await find(listings.database, SearchRequest(text="Besuchsdienst in Kassel, aber nichts mit Kindern"),
                         categories=["neighbourhood"], exclude_categories=["children_youth"], place=KASSEL,
                         keywords=["besuchsdienst"])

    # The person ruled those out: the field read stays, said as holding none of the words (and nothing else).
    assert sorted(ids(outcome)) == field and outcome.widened == ("keywords",)


def test_where_and_the_call_for_people_are_no_content_of_a_title() -> None:
    besuchsdienst = TermGroup("besuchsdienst", ("besuchsdienst",), ("besuchsdienst",), 9, False)
    nachhilfe = TermGroup("nachhilfe", ("nachhilfe",), ("nachhilf",), 9, False)
    telefon = TermGroup("telefonpatenschaft", ("telefonpatenschaft",), ("telefonpatenschaft",), 3, False)
    einsamkeit = TermGroup("einsamkeit", ("einsamkeit",), ("einsamkeit",), 9, False)
    fussball = TermGroup("fussball", ("fussball",), ("fussball",), 9, False)
    assert names_all("Besuchsdienst – Kassel-Wilhelmshöhe", [besuchsdienst])
    assert names_all("Besuchsdienst: Helfer:innen gesucht in Kassel-Wilhelmshöhe", [besuchsdienst])
    assert names_all("Nachhilfe: Helfer:innen gesucht", [nachhilfe])
    assert names_all("Telefonpatenschaft gegen Einsamkeit – Verstärkung gesucht (Kassel)", [telefon, einsamkeit])
    assert names_all("Nachhilfe in Hamburg-Altona (m/w/d)", [nachhilfe])
    # What else the title names still counts: the wish must still make half of it.
    assert not names_all("Fußball, Schwimmen und Tanzen in Kassel", [fussball])
    assert not names_all("Nachhilfe, Hausaufgaben und Freizeit im Team", [nachhilfe])


async def test_a_title_done_from_home_crosses_before_the_wish_is_moved_on_site(listings: Listings) -> None:
    await listings.add_many([
        {"title": f"Sprachcafé {n}", "categories": ["education"], "remote": True, **near(KASSEL, n, 1)}
        for n in range(4)
    ])
    await listings.add("Nachhilfe", categories=["children_youth"], **near(KASSEL, 2, 0))
    online = await listings.add("Nachhilfe online", categories=["children_youth"], remote=True, **near(KASSEL, 2, 0))

    outcome = await find(listings.database, SearchRequest(text="Nachhilfe von zu Hause"),
                         categories=["education"], remote=True, keywords=["nachhilfe"])

    # The online tutoring fits the wish as it was said: from home, not moved on site; alone, as the field holds none.
    assert ids(outcome) == [online] and all(hit.remote for hit in outcome.results)
    assert "titled_only" in outcome.widened and "remote" not in outcome.widened


async def test_a_title_crosses_when_the_field_read_has_nothing_at_all(listings: Listings) -> None:
    titled = await listings.add("Computer Hilfe", categories=["seniors"], **near(KASSEL, 2, 0))
    await listings.add("Tablet-Kurs", categories=["seniors"], **near(KASSEL, 1, 0))

    outcome = await find(listings.database, SearchRequest(text="Computer Hilfe Kassel"),
                         categories=["digital"], place=KASSEL, keywords=["computer"])

    # No listing of the field anywhere: the one titled with the request is the answer, not an empty one.
    assert ids(outcome) == [titled] and outcome.widened == ("titled_only",)


async def test_every_listing_titled_so_is_listed_on_the_later_pages_too(listings: Listings) -> None:
    await _neighbourhood(listings)
    titled = await listings.add_many([
        {"title": "Besuchsdienst", "categories": ["seniors"], **near(KASSEL, 2 + n / 10, 0)} for n in range(7)
    ])
    request = SearchRequest(text="Besuchsdienst in Kassel")
    read = {"categories": ["neighbourhood"], "place": KASSEL, "keywords": ["besuchsdienst"]}

    first = await find(listings.database, request, **read)
    second = await find(listings.database, replace(request, offset=5), **read)

    # Only the titled ones join, but all of them: more than the first page holds.
    assert first.total == second.total == 7 and sorted(ids(first) + ids(second)) == titled


async def test_no_listing_is_read_when_no_title_can_hold_a_word_of_the_wish(
    listings: Listings, monkeypatch: pytest.MonkeyPatch,
) -> None:
    field = await listings.add_many([
        {"title": f"Spielenachmittag {n}", "categories": ["children_youth"], **near(KASSEL, n, 1)} for n in range(4)
    ])
    await listings.add("Lagerteam der Tafel", categories=["poverty_homelessness"], **near(KASSEL, 2, 0))
    await listings.add("Sommerfest", description="Aufbau im Lager", categories=["culture"], **near(KASSEL, 3, 0))
    await listings.add("Erzieher gesucht", categories=["culture"], **near(KASSEL, 90, 0))
    probes: list[object] = []
    real = find_page

    async def counted(*args: object, **kwargs: object) -> object:
        probes.append(args)
        return await real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(titled_module, "find_page", counted)
    request = SearchRequest(text="Lager oder Erzieher in Kassel")
    read = {"categories": ["children_youth"], "place": KASSEL, "keywords": ["lager", "erzieher"]}

    # "Lager" is said only inside "Lagerteam", and in a description; "Erzieher" in a title 90 km away: no title
    # within the radius can say both, so the listings are not ranked for it.
    outcome = await find(listings.database, request, **read)
    assert sorted(ids(outcome)) == field and "titled" not in outcome.widened and not probes

    # A title within the radius saying both (though only as part of what it says): ranked, and not crossing.
    await listings.add("Lager der Erzieher, Köche und Betreuer im Sommerzeltlager", categories=["culture"],
                       **near(KASSEL, 4, 0))
    outcome = await find(listings.database, request, **read)
    assert sorted(ids(outcome)) == field and "titled" not in outcome.widened and len(probes) == 1


def test_a_title_says_a_word_by_the_words_of_its_stem() -> None:
    lager = TermGroup("lager", ("lager",), ("lager",), 3, False)
    kinder = TermGroup("kinder", ("kinder",), ("kind",), 9, False)
    typo = TermGroup("fusball", ("fussball",), (), 1, True)
    assert {"lager", "lagern", "lagers"} <= set(title_words(lager)) and "lagerteam" not in title_words(lager)
    assert all(word.startswith("lager") and len(word) <= len("lager") + 3 for word in title_words(lager))
    assert {"kind", "kinder", "kindern", "kindes", "kinde"} <= set(title_words(kinder))
    assert "fussball" in title_words(typo) and "fusball" in title_words(typo)
    for group in (lager, kinder, typo):
        for title in ("Lager", "Kindern helfen", "Fussball", "Lagers", "Kinde"):
            said = {fold(word) for word in re.findall(r"[^\W_]+", title)}
            assert names_all(title, [group]) <= bool(said & set(title_words(group))), (title, group.word)


async def test_the_related_ones_shown_on_request_carry_no_note_about_titles(listings: Listings) -> None:
    await _neighbourhood(listings)
    titled = await listings.add("Briefpatenschaft gegen Heimweh", categories=["seniors"], **near(KASSEL, 2, 0))
    request = SearchRequest(text="Briefpatenschaft gegen Heimweh in Kassel")
    fields = {"categories": ["neighbourhood"], "place": KASSEL, "keywords": ["briefpatenschaft", "heimweh"]}
    answer = await find(listings.database, request, **fields)
    assert ids(answer) == [titled] and answer.widened == ("titled_only",)
    related = await find(listings.database, replace(request, similar=True), **fields)
    assert related.showing_similar and len(related.results) == 4
    assert not {"titled", "titled_only"} & set(related.widened)  # none of them is titled so
