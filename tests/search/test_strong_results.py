"""Fewer, stronger results (bot.search.tiers): the listings answering what a request names come alone, the related
ones (sharing only the category, a general kind or a weaker word) on request, and the answer is never empty."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from bot.search import SearchRequest
from bot.search.model import SearchOutcome
from bot.search.notes import similar_notes
from bot.search.rank_words import RankWords, names_kind
from bot.search.retrieval import tiered
from bot.search.tiers import STRONG_SHARE, Tier, is_strong, shown
from bot.search.vocabulary import TermGroup, Vocabulary
from bot.search.widening import NEAREST, Attempt
from tests.factories.search import KASSEL, Listings, find, ids, near


def _group(word: str, *, head: bool = False, part_of: str | None = None) -> TermGroup:
    return TermGroup(word, (word,), (), 2, fuzzy=False, part_of=part_of, head=head)


def test_the_head_of_a_split_compound_and_a_generic_word_name_only_a_kind() -> None:
    index = Vocabulary({"harfe": 2, "unterricht": 9, "gruppe": 30, "flöte": 1}, listings=200)
    modifier, head = index.groups(["harfenunterricht"])
    assert (modifier.word, modifier.head) == ("harfe", False) and not names_kind(modifier)
    assert (head.word, head.head) == ("unterricht", True) and names_kind(head)
    # Said alone, a generic head names a kind too; a word of its own does not.
    assert names_kind(_group("gruppe")) and not names_kind(_group("orgel"))
    # Where no listing holds the part saying which, the head still names only the kind.
    (alone,) = Vocabulary({"unterricht": 9}, listings=200).groups(["klavierunterricht"])
    assert alone.word == "unterricht" and alone.head


def test_only_a_request_naming_a_particular_thing_is_tiered_and_never_the_nearest_far_away() -> None:
    near_by = Attempt(15.0, False, False, ())
    far = Attempt(100.0, False, False, (NEAREST,))
    orgel = RankWords((_group("orgel"),), (1.0,), frozenset({"orgel"}))
    assert tiered(orgel, near_by) and not tiered(orgel, far)
    kind_only = RankWords((_group("gruppe"),), (1.0,), frozenset({"gruppe"}))
    assert not tiered(kind_only, near_by)
    verb_only = RankWords((_group("singen"),), (1.0,), manner=frozenset({"singen"}))
    assert not tiered(verb_only, near_by)


def test_the_rule_is_a_share_of_the_strongest_and_the_tiers_split_the_rows() -> None:
    condition = is_strong("n", ":share")
    assert "n.strongest <= 0" in condition and ":share * n.strongest" in condition
    assert shown(Tier.STRONG, "f") == "f.strong = 1" and shown(Tier.SIMILAR, "f") == "f.strong = 0"
    assert shown(Tier.ALL, "f") == "1 = 1"
    # More than half of what the strongest holds, and more than a lesser term of its word in a title.
    assert 0.55 < STRONG_SHARE < 0.85


async def test_a_rare_named_thing_comes_alone_and_the_category_waits_behind_a_button(listings: Listings) -> None:
    organ = await listings.add("Orgel spielen im Sonntagsgottesdienst", categories=["culture"], **near(KASSEL, 4, 0))
    choir, museum = await listings.add_many([
        {"title": "Chorprobe begleiten", "categories": ["culture"], **near(KASSEL, 1, 0)},
        {"title": "Museumsaufsicht am Wochenende", "categories": ["culture"], **near(KASSEL, 0, 1)},
    ])
    request = SearchRequest(text="Orgel spielen in Kassel")
    fields = {"categories": ["culture"], "keywords": ["orgel"], "place": KASSEL}
    answer = await find(listings.database, request, **fields)
    assert ids(answer) == [organ] and answer.total == 1 and answer.others == 2
    assert not answer.showing_similar and answer.to_dict().keys() == {
        "query", "widened", "results", "not_applied", "unknown_place"}
    related = await find(listings.database, replace(request, similar=True), **fields)
    assert sorted(ids(related)) == sorted([choir, museum]) and related.showing_similar
    assert related.total == 2 and related.others == 1


async def test_a_listing_holding_only_the_general_part_of_a_compound_is_related(listings: Listings) -> None:
    harp, flute = await listings.add_many([
        {"title": "Harfe für Kinder im Musikverein", "categories": ["culture"], **near(KASSEL, 3, 0)},
        {"title": "Flötenunterricht in der Grundschule", "categories": ["culture"], **near(KASSEL, 1, 0)},
    ])
    request = SearchRequest(text="Harfenunterricht geben in Kassel")
    fields = {"categories": ["culture"], "keywords": ["harfenunterricht"], "place": KASSEL}
    answer = await find(listings.database, request, **fields)
    assert ids(answer) == [harp] and answer.others == 1
    related = await find(listings.database, replace(request, similar=True), **fields)
    assert ids(related) == [flute]


async def test_a_word_only_in_a_description_answers_beside_a_title_saying_it(listings: Listings) -> None:
    """Where a listing says the named thing tells nothing of whether it answers it: the description's "In unserer
    Fahrradwerkstatt" is as much an answer as the title's."""
    titled, described, other = await listings.add_many([
        {"title": "Fahrradwerkstatt: Räder reparieren", "categories": ["neighbourhood"], **near(KASSEL, 5, 0)},
        {"title": "Helfer*innen im Stadtteilladen", "description": "In unserer Fahrradwerkstatt schrauben wir.",
         "categories": ["neighbourhood"], **near(KASSEL, 1, 0)},
        {"title": "Suppenküche am Bahnhof", "categories": ["neighbourhood"], **near(KASSEL, 0, 1)},
    ])
    request = SearchRequest(text="Fahrradwerkstatt in Kassel")
    fields = {"categories": ["neighbourhood"], "keywords": ["fahrradwerkstatt"], "place": KASSEL}
    answer = await find(listings.database, request, **fields)
    assert ids(answer) == [titled, described] and answer.others == 1  # still ranked: the title first
    related = await find(listings.database, replace(request, similar=True), **fields)
    assert ids(related) == [other]


async def test_every_named_word_must_be_said_for_a_description_to_answer(listings: Listings) -> None:
    both, one = await listings.add_many([
        {"title": "Harfe und Laute im Schlosskonzert", "categories": ["culture"], **near(KASSEL, 5, 0)},
        {"title": "Saitenmusik im Stift", "description": "Wir spielen Harfe.", "categories": ["culture"],
         **near(KASSEL, 1, 0)},
    ])
    answer = await find(listings.database, SearchRequest(text="Harfe Laute in Kassel"),
                        categories=["culture"], keywords=["harfe", "laute"], place=KASSEL)
    assert ids(answer) == [both] and answer.others == 1


async def test_the_strongest_listing_answers_even_when_it_says_the_thing_only_in_its_description(
        listings: Listings) -> None:
    described, other = await listings.add_many([
        {"title": "Helfer*innen im Sozialkaufhaus", "description": "Auch unsere Kleiderkammer braucht dich.",
         "categories": ["poverty_homelessness"], **near(KASSEL, 1, 0)},
        {"title": "Suppenküche am Bahnhof", "categories": ["poverty_homelessness"], **near(KASSEL, 0, 1)},
    ])
    answer = await find(listings.database, SearchRequest(text="Kleiderkammer in Kassel"),
                        categories=["poverty_homelessness"], keywords=["kleiderkammer"], place=KASSEL)
    assert ids(answer) == [described] and answer.others == 1


async def test_nothing_holding_the_named_thing_shows_the_category_as_before(listings: Listings) -> None:
    *rows, _ = await listings.add_many([
        {"title": "Chorprobe begleiten", "categories": ["culture"], **near(KASSEL, 1, 0)},
        {"title": "Museumsaufsicht am Wochenende", "categories": ["culture"], **near(KASSEL, 0, 1)},
        {"title": "Sommerfest im Park", "description": "Mit Dudelsack und Trommeln.", "categories": ["environment"]},
    ])
    answer = await find(listings.database, SearchRequest(text="Dudelsack in Kassel"),
                        categories=["culture"], keywords=["dudelsack"], place=KASSEL)
    assert sorted(ids(answer)) == sorted(rows) and answer.others == 0
    assert "keywords" in answer.widened  # the header says nothing holds the word


async def test_a_generic_word_alone_does_not_cut_the_field(listings: Listings) -> None:
    group, garden = await listings.add_many([
        {"title": "Jugendgruppe beim Naturschutzbund", "categories": ["environment"], **near(KASSEL, 1, 0)},
        {"title": "Streuobstwiese pflegen", "categories": ["environment"], **near(KASSEL, 2, 0)},
    ])
    answer = await find(listings.database, SearchRequest(text="Gruppe für Umwelt in Kassel"),
                        categories=["environment"], keywords=["gruppe"], place=KASSEL)
    assert sorted(ids(answer)) == sorted([group, garden]) and answer.others == 0


async def test_pages_of_the_answer_count_only_its_listings(listings: Listings) -> None:
    organs = await listings.add_many([
        {"title": f"Orgel und Glocken in Gemeinde {n}", "categories": ["culture"], **near(KASSEL, n, 0)}
        for n in range(1, 8)])
    mentions = await listings.add_many([
        {"title": f"Kirchenmusik {n}", "description": "Auch die Orgel braucht Pflege.", "categories": ["culture"],
         **near(KASSEL, 0, n)} for n in range(1, 4)])
    fields = {"categories": ["culture"], "keywords": ["orgel", "glocken"], "place": KASSEL}
    first = await find(listings.database, SearchRequest(text="Orgel Glocken in Kassel"), **fields)
    second = await find(listings.database, SearchRequest(text="Orgel Glocken in Kassel", offset=5), **fields)
    assert first.total == 7 and first.others == 3 and second.total == 7
    assert sorted(ids(first) + ids(second)) == sorted(organs)
    related = await find(listings.database, SearchRequest(text="Orgel Glocken in Kassel", similar=True), **fields)
    assert sorted(ids(related)) == sorted(mentions) and related.total == 3


async def test_asking_for_related_ones_when_there_are_none_gives_the_answer(listings: Listings) -> None:
    organ = await listings.add("Orgel spielen im Sonntagsgottesdienst", categories=["culture"])
    outcome = await find(listings.database, SearchRequest(text="Orgel in Kassel", similar=True),
                         categories=["culture"], keywords=["orgel"], place=KASSEL)
    assert ids(outcome) == [organ] and not outcome.showing_similar and outcome.others == 0


async def test_a_later_page_of_related_ones_when_there_are_none_is_that_page_of_the_answer(
        listings: Listings) -> None:
    """A stale or forged "related" flag falls back to the answer at the same offset: the rows numbered 4-6 are
    the fourth to sixth, never the first three again."""
    harps = await listings.add_many([
        {"title": f"Harfe spielen im Stift {n}", "categories": ["culture"], **near(KASSEL, n, 0)}
        for n in range(1, 7)])
    fields = {"categories": ["culture"], "keywords": ["harfe"], "place": KASSEL}
    first = await find(listings.database, SearchRequest(text="Harfe in Kassel", limit=3), **fields)
    later = await find(listings.database, SearchRequest(text="Harfe in Kassel", limit=3, offset=3, similar=True),
                       **fields)
    assert not later.showing_similar and later.total == 6
    assert ids(later) != ids(first) and sorted(ids(first) + ids(later)) == sorted(harps)


def test_a_compound_of_a_searched_category_and_a_generic_head_names_only_a_kind() -> None:
    index = Vocabulary({"sportverein": 3, "sport": 40, "verein": 90, "musikverein": 2, "kleiderkammer": 5,
                        "tierheim": 4}, listings=300)
    assert index.names_category_kind("sportverein", ["sports"])
    assert index.names_category_kind("musikverein", ["culture"])
    assert not index.names_category_kind("sportverein", ["culture"])  # the modifier names another field
    assert not index.names_category_kind("kleiderkammer", ["poverty_homelessness"])  # "Kammer" is no generic head
    assert not index.names_category_kind("verein", ["sports"])  # no compound
    assert not index.names_category_kind("tierheim", ["animals"])  # a particular place, not any body


async def test_a_club_of_the_searched_field_does_not_cut_the_field_to_the_clubs_naming_it(listings: Listings) -> None:
    club, choir, stage = await listings.add_many([
        {"title": "Notenwart im Musikverein Harmonie", "categories": ["culture"], **near(KASSEL, 9, 0)},
        {"title": "Chorprobe begleiten", "categories": ["culture"], **near(KASSEL, 1, 0)},
        {"title": "Kulissenbau für das Sommertheater", "categories": ["culture"], **near(KASSEL, 0, 2)},
    ])
    answer = await find(listings.database, SearchRequest(text="Musikverein in Kassel"),
                        categories=["culture"], keywords=["musikverein"], place=KASSEL)
    assert ids(answer)[0] == club and sorted(ids(answer)) == sorted([club, choir, stage]) and answer.others == 0


def test_a_head_is_alone_only_where_no_listing_holds_a_part_saying_which() -> None:
    (alone,) = Vocabulary({"unterricht": 9}, listings=200).groups(["klavierunterricht"])
    assert RankWords((alone,), (1.0,), frozenset({"unterricht"})).lone_head(alone)
    modifier, head = Vocabulary({"harfe": 2, "unterricht": 9}, listings=200).groups(["harfenunterricht"])
    both = RankWords((modifier, head), (1.0, 1.0), frozenset({"harfe", "unterricht"}))
    assert not both.lone_head(head) and not both.lone_head(modifier)


async def test_a_lone_head_does_not_put_another_subject_before_the_field_nearby(listings: Listings) -> None:
    """No piano listing: "Deutsch unterrichten" holds only the kind ("Unterricht") of "Klavierunterricht" and no
    longer comes first on that word alone; the field's listing nearby does (Weights.lone_head)."""
    choir, german = await listings.add_many([
        {"title": "Chor sucht Verstärkung", "categories": ["culture"], **near(KASSEL, 1, 0)},
        {"title": "Deutschkurs unterrichten", "categories": ["education"], **near(KASSEL, 7, 0)},
    ])
    answer = await find(listings.database, SearchRequest(text="Klavierunterricht in Kassel"),
                        categories=["culture", "education"], keywords=["klavierunterricht"], place=KASSEL)
    assert ids(answer) == [choir, german]


def _left_out(**fields: object) -> SearchOutcome:
    values: dict[str, Any] = {"query": {"text": "Tierheim Kassel"}, "widened": (), "results": (), "total": 6,
                              "place": KASSEL, "radius_km": 15.0, "everywhere": False, "others": 11, **fields}
    return SearchOutcome(**values)


def test_the_answer_claims_exactly_only_when_it_holds_every_word_asked_where_asked() -> None:
    exact = similar_notes(_left_out(), "en")
    assert exact == ["These answer exactly what you asked. I can show you 11 more opportunities that are only "
                     "similar (same field or related words)."]
    assert similar_notes(_left_out(others=1), "de")[0].startswith("Genau dazu passen diese. Ein weiteres")
    # a word of the request no listing holds, the words let go, or a state named but all of Germany searched
    for loose in (_left_out(unfound=("english",)), _left_out(widened=("keywords",)),
                  _left_out(query={"text": "Tierheim in Hessen"}, place=None, radius_km=None, everywhere=True)):
        for lang in ("de", "en"):
            said = " ".join(similar_notes(loose, lang))
            assert "11" in said and "exactly" not in said and "Genau" not in said


def test_the_note_on_a_single_listing_speaks_of_it_in_the_singular() -> None:
    assert similar_notes(_left_out(total=1), "de")[0].startswith("Genau dazu passt dieses. 11 weitere")
    assert similar_notes(_left_out(total=1, others=1), "en")[0].startswith("This one answers exactly what you asked. "
                                                                              "I can show you one more")
    closest = _left_out(total=1, unfound=("harfe",), results=(object(),))
    assert similar_notes(closest, "de")[0].startswith("Dieses kommt deiner Suche am nächsten. 11 weitere")
    assert similar_notes(closest, "en")[0].startswith("This one comes closest")
    assert similar_notes(_left_out(unfound=("harfe",), results=(object(),)), "de")[0].startswith("Diese kommen")


async def test_a_widened_try_whose_answer_lies_within_the_asked_radius_says_no_widening(listings: Listings) -> None:
    piano = await listings.add_many([{"title": f"Klavierunterricht für Kinder {n}", "categories": ["education"],
                                      **near(KASSEL, 3 + 4 * n, 0)} for n in range(2)])
    await listings.add_many([{"title": f"Hausaufgabenhilfe {n}", "categories": ["education"],
                              **near(KASSEL, 0, 25 + 5 * n)} for n in range(3)])
    outcome = await find(listings.database, SearchRequest(text="Klavierunterricht Kassel"), categories=["education"],
                         place=KASSEL, keywords=["klavierunterricht"])
    # the two naming it within 15 km keep the asked radius: no wider try for the related ones 25 km away and more
    assert ids(outcome) == piano and outcome.others == 0
    assert outcome.widened == () and outcome.radius_km == 15


async def test_a_language_the_person_speaks_lifts_and_never_narrows_the_answer(listings: Listings) -> None:
    tutoring = await listings.add("Nachhilfe (Mathe, Englisch)", categories=["children_youth"], languages=["en"],
                                  **near(KASSEL, 3, 0))
    others = await listings.add_many([
        {"title": "Spielplatzpatenschaft übernehmen", "categories": ["children_youth"], **near(KASSEL, 1, 0)},
        {"title": "Helfer:in beim Seepferdchen-Kurs", "categories": ["children_youth"], **near(KASSEL, 0, 1)},
    ])
    for text, lang in (("was mit Kindern in Kassel, ich spreche Englisch", "de"),
                       ("smth with kids in Kassel, I speak English and Spanish", "en")):
        answer = await find(listings.database, SearchRequest(text=text), categories=["children_youth"],
                            place=KASSEL, languages=["en", "es"] if lang == "en" else ["en"], lang=lang)
        assert ids(answer)[0] == tutoring and set(ids(answer)[1:]) == set(others) and not answer.others


async def test_a_spoken_language_said_without_any_field_names_what_is_asked(listings: Listings) -> None:
    interpreting = await listings.add("Sprachmittler:in Arabisch", categories=["refugees_integration"],
                                      languages=["ar"], **near(KASSEL, 3, 0))
    await listings.add_many([
        {"title": "Spielplatzpatenschaft übernehmen", "categories": ["children_youth"], **near(KASSEL, 1, 0)},
        {"title": "Besuche im Seniorenheim", "categories": ["seniors"], **near(KASSEL, 0, 1)},
    ])
    # the language is all the request says the person brings: the listings asking for it make the answer
    answer = await find(listings.database, SearchRequest(text="ich spreche Arabisch, will in Kassel helfen"),
                        place=KASSEL, languages=["ar"])
    assert ids(answer) == [interpreting]


def test_an_answer_of_the_field_for_an_unfound_word_calls_the_rest_more_of_the_field_not_only_similar() -> None:
    shown = (object(),)  # one listing of the field shown
    for lang in ("de", "en"):
        said = " ".join(similar_notes(_left_out(unfound=("Klavier",), results=shown), lang))
        assert "11" in said and "ähnlich" not in said and "similar" not in said
