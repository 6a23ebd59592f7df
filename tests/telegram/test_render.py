"""Rendering: every listing field escaped, numbers in the reader's style, and never more than Telegram allows."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from datetime import date

import pytest

from bot.alerts import MAX_SAVED_SEARCHES, Digest, DigestEntry
from bot.categories import categories
from bot.listings_view import ListingDetails
from bot.search.criteria import Criteria
from bot.search.model import Contact, Hit, PlaceRef, SearchOutcome
from bot.store.models import SavedSearch
from bot.telegram.listings.render import details_text
from bot.telegram.alerts.render import digest_text, saved_search_summary, saved_searches_text
from bot.conversation.radius_wish import RadiusStep, Reach
from bot.telegram.search.render import count_line, radius_step_note, results_text, summary
from bot.telegram.formatting import clip_units
from bot.texts.catalogue import decimal

EVIL = "<b>&amp;</b><script>x</script>" * 60  # 1,860 characters of markup in every field


def _visible(markup: str) -> int:
    """Counts like Telegram: the text after parsing the HTML, in UTF-16 code units."""
    return len(html.unescape(re.sub(r"<[^>]+>", "", markup)).encode("utf-16-le")) // 2


def _hit(number: int, text: str = EVIL) -> Hit:
    return Hit(id=number, title=text, organisation=text, categories=("animals",), place=text, lat=51.3, lon=9.5,
               distance_km=1234.5, time=("weekend", "evening"), contact=Contact(text, text, text, text),
               score=1.0, why="")


def _outcome(hits: tuple[Hit, ...], **query: object) -> SearchOutcome:
    return SearchOutcome(query={"categories": ["animals"], "time": ["weekend"], **query}, widened=("radius:30",),
                         results=hits, total=99, place=PlaceRef(EVIL, 51.3, 9.5), radius_km=30.0, everywhere=False)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_five_results_with_huge_fields_fit_one_message_and_are_escaped(lang: str) -> None:
    text = results_text(_outcome(tuple(_hit(n) for n in range(1, 6))), offset=0, lang=lang, asked_radius_km=15)
    assert _visible(text) <= 4096
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert text.count("🏛") == 5  # nothing was dropped, fields were shortened instead
    assert all(tag in ("<b>", "</b>") for tag in re.findall(r"<[^>]+>", text))


def test_details_with_huge_fields_fit_and_keep_the_contact() -> None:
    details = ListingDetails(
        id=1, title=EVIL, organisation=EVIL, organisation_verified=False, description="Lorem 🐶 " * 2000,
        requirements=EVIL, categories=("animals",), category_labels=("Tiere",), place=EVIL, address=EVIL,
        postal_code="34117", lat=51.3, lon=9.5, remote=False, distance_km=3.0, time=("weekend",),
        hours_per_month=4, start_date=date(2027, 3, 1), end_date=date(2027, 9, 30), languages=("ar", "xx"),
        accessible=True, accessibility_notes=EVIL, newcomer_friendly=True, contact_name="Frau Beispiel",
        contact_phone="+49 30 1234 5678", contact_email="a@example.org", contact_url="https://example.org",
        published_at=None, expires_at=None,
    )
    text = details_text(details, "de")
    assert 3900 < _visible(text) <= 4096
    assert "<script>" not in text and "☎️ +49 30 1234 5678" in text and "Arabisch, XX" in text
    assert "📅 01.03.2027 bis 30.09.2027" in text


def test_an_address_reads_as_germans_write_it() -> None:
    details = ListingDetails(
        id=1, title="Kinderturnen", organisation="TV Nord", organisation_verified=False, description="Turnen.",
        requirements=None, categories=("sports",), category_labels=("Sport",), place="Kassel",
        address="Holländische Straße 10", postal_code="34127", lat=51.3, lon=9.5, remote=False, distance_km=None,
        time=(), hours_per_month=None, start_date=None, end_date=None, languages=(), accessible=False,
        accessibility_notes=None, newcomer_friendly=False, contact_name="Jana", contact_phone="0561 1234567",
        contact_email=None, contact_url=None, published_at=None, expires_at=None,
    )
    assert "📍 Holländische Straße 10, 34127 Kassel\n" in details_text(details, "de")


def test_a_one_day_event_names_its_day_once_in_the_chat_and_on_the_web() -> None:
    from dataclasses import replace

    from bot.web.wording import dates_text

    details = ListingDetails(
        id=1, title="Tag der offenen Tür", organisation="Tierheim", organisation_verified=False, description="Kuchen.",
        requirements=None, categories=("animals",), category_labels=("Tiere",), place="Kassel", address=None,
        postal_code=None, lat=51.3, lon=9.5, remote=False, distance_km=None, time=("one_off",), hours_per_month=None,
        start_date=date(2027, 5, 15), end_date=date(2027, 5, 15), languages=(), accessible=False,
        accessibility_notes=None, newcomer_friendly=False, contact_name="Ole", contact_phone="0561 1234567",
        contact_email=None, contact_url=None, published_at=None, expires_at=None,
    )
    assert "📅 am 15.05.2027\n" in details_text(details, "de") and "bis" not in details_text(details, "de")
    assert "📅 on 2027-05-15\n" in details_text(details, "en")
    assert dates_text(date(2027, 5, 15), date(2027, 5, 15), "de") == "am 15.05.2027"
    longer = replace(details, end_date=date(2027, 5, 16))
    assert "📅 15.05.2027 bis 16.05.2027" in details_text(longer, "de")


def test_summary_reads_like_the_issue_example() -> None:
    outcome = SearchOutcome(query={"categories": ["children_youth"], "time": ["weekend"]}, widened=(), results=(),
                            total=0, place=PlaceRef("Kassel", 51.3, 9.5), radius_km=15.0, everywhere=False)
    assert summary(outcome, "de") == "Kinder &amp; Jugend · Kassel + 15 km · am Wochenende"
    assert summary(outcome, "en") == "Children &amp; youth · Kassel + 15 km · at the weekend"


def test_summary_shows_the_words_as_written() -> None:
    # the NLU's keywords are folded for matching; the header quotes them as the person wrote them
    query = {"text": "Nachtcafé oder Repair-Café in Gießen", "keywords": ["nachtcafe", "repair", "cafe", "zusatz"]}
    outcome = SearchOutcome(query=query, widened=(), results=(), total=0, place=PlaceRef("Gießen", 50.6, 8.7),
                            radius_km=15.0, everywhere=False)
    assert summary(outcome, "de").startswith("„Nachtcafé Repair Café zusatz“ · Gießen")


def test_decimals_follow_the_language_and_clipping_counts_like_telegram() -> None:
    assert (decimal(3.24, "de"), decimal(3.24, "en"), decimal(27.6, "de")) == ("3,2", "3.2", "28")
    clipped = clip_units("🐶" * 10, 7)
    assert clipped == "🐶🐶🐶…" and len(clipped.encode("utf-16-le")) // 2 <= 7


def test_twenty_saved_searches_with_everything_fit_one_message() -> None:
    every = tuple(categories())
    criteria = Criteria(categories=every, place=PlaceRef(EVIL, 51.3, 9.5), radius_km=15.0,
                        time=("weekday", "weekend", "daytime", "evening", "one_off", "regular"))
    saved = SavedSearch(id=1, query_text=EVIL, mode="daily")
    summaries = [(saved_search_summary(saved, criteria, "de"), "daily") for _ in range(MAX_SAVED_SEARCHES)]
    text = saved_searches_text(summaries, "de")
    assert _visible(text) <= 4096 and "<script>" not in text and text.count("· täglich") == MAX_SAVED_SEARCHES


def test_a_full_digest_fits_and_counts_what_it_does_not_show() -> None:
    entries = tuple(DigestEntry(delivery_id=n, saved_search_id=n % 3, query_text=EVIL, opportunity_id=n,
                                title=EVIL, organisation=EVIL, place=EVIL, distance_km=12.0, remote=True)
                    for n in range(20))
    digest = Digest(volunteer_id=1, telegram_id=501, lang="en", entries=entries, more=tuple(range(100, 130)))
    text = digest_text(digest)
    assert _visible(text) <= 4096 and "<script>" not in text
    assert "50 new opportunities for your alerts" in text and "… and 42 more" in text


def test_a_candidate_never_repeats_the_state_its_name_already_says() -> None:
    from bot.telegram.keyboards import candidate_label

    assert candidate_label("Neustadt (Hessen)", "Hessen", None, "de") == "Neustadt (Hessen)"
    assert candidate_label("Neustadt (Hessen)", "Hessen", "Marburg-Biedenkopf", "de") == \
        "Neustadt (Hessen) (Marburg-Biedenkopf)"
    assert candidate_label("Neustadt in Sachsen", "Sachsen", None, "de") == "Neustadt in Sachsen"
    assert candidate_label("Neustadt an der Weinstraße", "Rheinland-Pfalz", None, "de") == \
        "Neustadt an der Weinstraße (Rheinland-Pfalz)"
    assert candidate_label("Kassel", None, None, "de") == "Kassel"
    # A quarter named with its city in brackets says where it is (nlu.places_resolve.quarter_of).
    assert candidate_label("Bornheim (Frankfurt)", "Hessen", None, "de") == "Bornheim (Frankfurt)"


def test_the_header_says_the_centre_is_a_part_of_the_city_and_farther_ones_were_added() -> None:
    place = PlaceRef("Frankfurt am Main", 50.16, 8.68)
    outcome = SearchOutcome(query={"categories": ["animals"]}, widened=("area:0", "radius:30", "radius:50", "matching"),
                            results=(), total=0, place=place, radius_km=50, everywhere=False)
    text = results_text(outcome, offset=0, lang="de", asked_radius_km=15)
    assert "Norden der Stadt" in text and "bis 50 km" in text
    assert "zu wenig, hier bis" not in text  # the plain radius note would say nearby had too little at all


def test_a_listing_that_can_be_done_from_home_is_marked_online_beside_its_place() -> None:
    base = replace(_hit(1, "Hamburg"), contact=Contact(None, None, None, None))
    far_online = replace(base, distance_km=None, remote=True)
    near_online = replace(base, distance_km=4.5, remote=True)
    placeless = replace(base, place=None, distance_km=None, remote=True)
    text = results_text(_outcome((far_online, near_online, placeless, base)), offset=0, lang="de",
                        asked_radius_km=15)
    lines = [row for row in text.splitlines() if row.startswith("📍") or row.startswith("💻")]
    assert lines == ["📍 Hamburg · 💻 online", "📍 Hamburg · 4,5 km · 💻 online", "💻 online / von zu Hause",
                     "📍 Hamburg · 1234 km"]


@pytest.mark.parametrize("place", [None, PlaceRef("Kassel", 51.3, 9.5)])
def test_a_from_home_wish_answered_on_site_is_headed_as_on_site(place: PlaceRef | None) -> None:
    outcome = SearchOutcome(query={"categories": ["animals"], "remote": True}, widened=("remote",), results=(),
                            total=0, place=place, radius_km=None if place is None else 15.0,
                            everywhere=place is None)
    text = results_text(outcome, offset=0, lang="de", asked_radius_km=15)
    assert "online" not in summary(outcome, "de")
    assert ("ganz Deutschland" if place is None else "Kassel + 15 km") in summary(outcome, "de")
    assert "Von zu Hause aus passte nichts" in text
    assert ("keinen Ort genannt" in text) == (place is None)
    online = replace(outcome, widened=())
    assert "online" in summary(online, "de") and "keinen Ort genannt" not in results_text(
        online, offset=0, lang="de", asked_radius_km=15)


def test_words_that_found_nothing_exact_are_named_when_the_header_shows_only_the_category() -> None:
    outcome = replace(_outcome((_hit(1, "Erste Hilfe"),), categories=["emergency_services"],
                               keywords=["roten", "kreuz"], text="beim Roten Kreuz <b>"),
                      widened=("keywords",), place=PlaceRef("Erfurt", 50.98, 11.03))
    text = results_text(outcome, offset=0, lang="de", asked_radius_km=15)
    assert "Mit „Roten Kreuz“ gab es nichts Genaues" in text and "diesen Worten" not in text
    alone = replace(outcome, query={**outcome.query, "categories": []})
    assert "„Roten Kreuz“ · Erfurt" in results_text(alone, offset=0, lang="de", asked_radius_km=15)
    assert "Mit genau diesen Worten" in results_text(alone, offset=0, lang="de", asked_radius_km=15)


def test_the_place_kept_from_the_last_search_is_said_and_escaped() -> None:
    outcome = replace(_outcome((_hit(1, "Tierheim"),)), widened=(), place=PlaceRef("Kassel", 51.3, 9.5))
    text = results_text(outcome, offset=0, lang="en", asked_radius_km=15, kept_place="Kassel <i>")
    assert "Still looking in Kassel &lt;i&gt; – just write another place" in text
    assert "Still looking" not in results_text(outcome, offset=0, lang="en", asked_radius_km=15)


def test_an_excerpt_keeps_lines_cuts_after_a_word_and_escapes_after_cutting() -> None:
    from bot.telegram.formatting import excerpt

    assert excerpt("  Kurz  und\n\n\ngut  ", 100) == "Kurz und\ngut"
    assert excerpt("eins zwei drei vier", 12) == "eins zwei…"
    assert excerpt("a&b " * 10, 9) == "a&amp;b a&amp;b…"  # never cut inside an entity
    assert excerpt("x" * 50, 10) == "x" * 9 + "…"  # one long word is cut inside
    assert excerpt("", 10) == ""


def test_the_chat_says_what_no_listing_holds_with_the_fields_escaped() -> None:
    outcome = replace(_outcome((_hit(1, "Gitarrenunterricht"),), categories=["children_youth", "culture"]),
                      unfound=("Cello",))
    text = results_text(outcome, offset=0, lang="de", asked_radius_km=15)
    assert "Zu „Cello“ habe ich nichts Genaues gefunden, hier Angebote aus Kinder &amp; Jugend und Kultur." in text
    english = results_text(outcome, offset=0, lang="en", asked_radius_km=15)
    assert "I found nothing exactly about “Cello”" in english
    assert "Cello" not in results_text(replace(outcome, unfound=()), offset=0, lang="de", asked_radius_km=15)


@pytest.mark.parametrize(("step", "lang", "said"), [
    (RadiusStep(Reach.WIDER, 15.0, 30.0), "de", "📏 Umkreis jetzt 30 km statt 15 km."),
    (RadiusStep(Reach.CLOSER, 2.5, 2.5), "de", "📏 Ich suche schon im kleinsten Umkreis, 2,5 km."),
    (RadiusStep(Reach.WIDER, 100.0, 100.0), "en", "📏 Already searching the widest radius, 100 km."),
])
def test_a_moved_radius_is_said_with_its_numbers_or_its_end(step: RadiusStep, lang: str, said: str) -> None:
    assert radius_step_note(step, lang).startswith(said)


def test_a_wish_for_another_radius_after_a_whole_state_says_it_shows_the_whole_state() -> None:
    outcome = SearchOutcome(query={"categories": ["animals"]}, widened=(), results=(), total=0, place=None,
                            radius_km=None, everywhere=False, whole_state="Sachsen")
    text = results_text(outcome, offset=0, lang="de", asked_radius_km=15,
                        radius_step=RadiusStep(Reach.WIDER, 0.0, 0.0, around_place=False))
    assert "📏 Ich zeige schon ganz Sachsen. Für einen Umkreis schreib mir eine Stadt in Sachsen." in text


def test_a_page_holding_every_result_says_only_how_many() -> None:
    # "2 Angebote gefunden, hier 1–2:" numbered a range nobody needs when everything is on one page.
    assert count_line(2, 0, 2, "de") == "2 Angebote gefunden:"
    assert count_line(7, 0, 5, "de") == "7 Angebote gefunden, hier 1–5:"
    assert count_line(7, 5, 2, "en") == "7 opportunities found, here 6–7:"
    assert count_line(3, 0, 3, "en") == "3 opportunities found:"
