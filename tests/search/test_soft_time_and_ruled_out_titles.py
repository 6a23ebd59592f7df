"""Use cases of issue 15's ranking of wishes, without Telegram: a time wished as a preference ranks instead of
filtering, and the headers of the chat, the web pages and the command line say so alike; a listing titled with a
thing the request rules out comes after every one that is not, and is still shown."""

from __future__ import annotations

from tests.factories.search import KASSEL, Listings, find, ids, near

from bot.cli.search import describe
from bot.search import SearchRequest
from bot.search.criteria import criteria_from
from bot.search.model import Refinement
from bot.search.notes import soft_time_notes
from bot.telegram.search.render import results_text, summary as chat_summary
from bot.web.wording import summary as page_summary, widening_notes as page_notes
from nlu.api import parse


async def _smartphone_hour_and_evening_seniors(listings: Listings) -> tuple[int, list[int]]:
    """Stores a smartphone hour for older people on weekday mornings and four evening listings of the field."""
    hour = await listings.add("Smartphone-Sprechstunde für Senior:innen", categories=["seniors", "digital"],
                              time_tags=["weekday", "daytime"], **near(KASSEL, 2, 0))
    evenings = await listings.add_many([
        {"title": f"Seniorentreff am Abend {n}", "categories": ["seniors"], "time_tags": ["evening"],
         **near(KASSEL, n, 1)} for n in range(4)
    ])
    return hour, evenings


async def test_a_preferred_time_ranks_the_listing_naming_the_request_is_not_lost(listings: Listings) -> None:
    hour, evenings = await _smartphone_hour_and_evening_seniors(listings)
    request = SearchRequest(text="Smartphone")
    wished = {"categories": ["seniors", "digital"], "keywords": ["smartphone"], "place": KASSEL, "time": ["evening"]}

    firm = await find(listings.database, request, **wished)
    soft = await find(listings.database, request, **wished, time_soft=True)

    assert hour not in ids(firm)  # said plainly, the time filters as before
    assert ids(soft)[0] == hour
    assert set(ids(firm)) == set(evenings)  # the evening ones answer the firm wish (the field's rows)
    assert "time" not in soft.widened  # nothing was let go: the time never filtered


async def test_a_preferred_time_puts_the_alike_listings_at_that_time_first(listings: Listings) -> None:
    by_day, in_the_evening = await listings.add_many([
        {"title": "Tafel: Lebensmittel ausgeben", "categories": ["poverty_homelessness"], "time_tags": ["daytime"],
         **near(KASSEL, 1, 0)},
        {"title": "Tafel: Lebensmittel ausgeben", "categories": ["poverty_homelessness"], "time_tags": ["evening"],
         **near(KASSEL, 4, 0)},
    ])

    outcome = await find(listings.database, SearchRequest(), categories=["poverty_homelessness"], place=KASSEL,
                         time=["evening"], time_soft=True)

    assert ids(outcome) == [in_the_evening, by_day]


def test_a_time_chosen_by_button_filters_again() -> None:
    parsed = parse("Tafel in Kassel, am liebsten abends")
    assert parsed.time_soft
    assert criteria_from(parsed, Refinement(), default_radius_km=15).time_soft
    chosen = Refinement(time=("evening",))
    assert not criteria_from(parsed, chosen, default_radius_km=15).time_soft


async def test_every_header_says_a_preferred_time_as_one(listings: Listings) -> None:
    hour, _ = await _smartphone_hour_and_evening_seniors(listings)
    outcome = await find(listings.database, SearchRequest(text="Smartphone"), categories=["seniors", "digital"],
                         keywords=["smartphone"], place=KASSEL, time=["evening"], time_soft=True)
    assert ids(outcome)[0] == hour  # held on weekday mornings: the note says why it is shown

    for lang, said, note in (("de", "abends (wenn möglich)", "Wunschzeit ist kein Muss"),
                             ("en", "evenings (if possible)", "wish, not a must")):
        assert said in chat_summary(outcome, lang) and said in page_summary(outcome, lang)
        assert said in describe(outcome, lang=lang).splitlines()[0]
        assert note in results_text(outcome, offset=0, lang=lang, asked_radius_km=15)
        assert any(note in line for line in page_notes(outcome, asked_radius_km=15, lang=lang))
        assert note in describe(outcome, lang=lang)


async def test_the_note_says_those_at_the_time_come_first_only_when_they_do(listings: Listings) -> None:
    hour, evenings = await _smartphone_hour_and_evening_seniors(listings)
    named = await find(listings.database, SearchRequest(text="Smartphone"), categories=["seniors", "digital"],
                       keywords=["smartphone"], place=KASSEL, time=["evening"], time_soft=True)
    assert ids(named)[0] == hour  # named what was asked, held in the morning: before the evening ones
    assert soft_time_notes(named, "de") == ["Deine Wunschzeit ist kein Muss: Ich zeige dir auch Angebote zu anderen "
                                            "Zeiten."]
    assert "come first" not in " ".join(soft_time_notes(named, "en"))
    field = await find(listings.database, SearchRequest(), categories=["seniors"], place=KASSEL, time=["evening"],
                       time_soft=True)
    assert sorted(ids(field)[:4]) == sorted(evenings) and ids(field)[4] == hour
    assert soft_time_notes(field, "de") == ["Deine Wunschzeit ist kein Muss: Was dazu passt, steht vorn, danach "
                                            "kommen andere Zeiten."]


async def test_a_firm_time_is_said_as_before_and_a_page_all_at_the_time_needs_no_note(listings: Listings) -> None:
    await _smartphone_hour_and_evening_seniors(listings)
    firm = await find(listings.database, SearchRequest(), categories=["seniors"], place=KASSEL, time=["evening"])
    assert "abends" in chat_summary(firm, "de") and "wenn möglich" not in chat_summary(firm, "de")
    assert soft_time_notes(firm, "de") == []

    fitting = await find(listings.database, SearchRequest(text="Seniorentreff", limit=4), categories=["seniors"],
                         keywords=["seniorentreff"], place=KASSEL, time=["evening"], time_soft=True)
    assert fitting.results and all(hit.time == ("evening",) for hit in fitting.results)
    assert soft_time_notes(fitting, "de") == [] and "wenn möglich" in chat_summary(fitting, "de")


async def test_a_title_naming_what_is_ruled_out_comes_after_every_one_that_does_not(listings: Listings) -> None:
    dogs, cats, small = await listings.add_many([
        {"title": "Hundespaziergänge im Tierheim Kassel", "categories": ["animals"], **near(KASSEL, 1, 0)},
        {"title": "Pflegestelle auf Zeit", "categories": ["animals"],
         "description": "Das Tierheim sucht Pflegestellen für Katzen und Hunde.", **near(KASSEL, 3, 0)},
        {"title": "Kleintiere versorgen", "categories": ["animals"],
         "description": "Im Tierheim füttern und pflegen.", **near(KASSEL, 8, 0)},
    ])

    plain = await find(listings.database, SearchRequest(text="Tierheim in Kassel"), categories=["animals"],
                       keywords=["tierheim"], place=KASSEL)
    assert ids(plain)[0] == dogs

    for text, lang in (("Tierheim in Kassel, aber ohne Hunde", "de"), ("Tierheim in Kassel, keine Hunde bitte", "de"),
                       ("Tierheim in Kassel but no dogs", "en")):
        outcome = await find(listings.database, SearchRequest(text=text), categories=["animals"],
                             keywords=["tierheim"], place=KASSEL, lang=lang)
        # still shown, after every listing whose title does not name dogs, however much nearer it is; one naming them
        # only in its description is lowered a little, as before
        assert ids(outcome) == [small, cats, dogs], text
        # the listings hold the asked word: never "nothing exactly with these words"
        assert "keywords" not in outcome.widened, text
