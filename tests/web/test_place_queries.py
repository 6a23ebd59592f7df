"""The search page and the feeds when the place asked for is ambiguous, unknown or a postal code."""

from __future__ import annotations

import html

import pytest

from bot.store.db import Database
from bot.texts import t
from bot.web.places import resolve_place
from tests.factories.volunteers import KASSEL, make_listing
from tests.web.helpers import running_site

async def test_ambiguous_unknown_and_odd_parameters_are_explained(database: Database) -> None:
    async with running_site(database) as site:
        ambiguous = (await site.client.get("/suche", params={"ort": "Frankenberg"})).text
        unknown = (await site.client.get("/suche", params={"ort": "Xyzzyhausen"})).text
        odd = (await site.client.get("/suche", params={"ort": "Kassel", "bereich": "quatsch", "zeit": "nie",
                                                       "umkreis": "-3", "seite": "abc"}))
    assert t("de", "search.ask_candidates", name="Frankenberg") in ambiguous and ambiguous.count("ortid=") == 2
    assert "Frankenberg (Eder)" in ambiguous and "Frankenberg/Sa." in ambiguous
    assert "Xyzzyhausen" in unknown and "kenne ich nicht" in unknown
    assert odd.status_code == 200
    for key in ("web.problem_area", "web.problem_time", "web.problem_radius"):
        assert t("de", key) in odd.text


async def test_a_name_no_place_bears_is_offered_as_guesses_never_searched_silently(database: Database) -> None:
    async with database.unit_of_work() as session:
        await make_listing(session, title="Tierheim Kassel")
    async with running_site(database) as site:
        typo = (await site.client.get("/suche", params={"ort": "Kasseel", "text": "Tierheim"})).text
        embed = (await site.client.get("/embed", params={"ort": "Kasseel"})).text
        feed = (await site.client.get("/angebote.json", params={"ort": "Kasseel"})).json()
        quarter = (await site.client.get("/suche", params={"ort": "Kassel-Wilhelmshöhe"})).text
        spaced = (await site.client.get("/suche", params={"ort": "Hamburg Altona"})).text
        nonsense = (await site.client.get("/suche", params={"ort": "<x>", "text": "Tierheim"})).text
    # "Kasseel" is no place: the visitor picks Kassel, nothing is searched around a guess in the meantime
    assert t("de", "web.place_guess", name="Kasseel") in typo and "ortid=" in typo and 'class="result"' not in typo
    assert "kenne ich nicht" in embed and 'class="result"' not in embed
    assert feed["listings"] == [] and any("kenne ich nicht" in note for note in feed["notes"])
    assert "Wilhelmshöhe (Kassel) + 15 km" in quarter  # a quarter written with its town is no guess
    assert "· Altona + " in spaced and "Meintest du" not in spaced  # nor a known quarter with its city
    # an unknown place searched everywhere is said once, without "you named no place" beside it
    assert "kenne ich nicht" in nonsense and t("de", "search.everywhere") not in nonsense


async def test_a_number_that_is_no_postal_code_is_said_to_need_five_digits(database: Database) -> None:
    async with running_site(database) as site:
        short = (await site.client.get("/suche", params={"ort": "3412"})).text
        english = (await site.client.get("/suche", params={"ort": "341234", "lang": "en"})).text
        embed = (await site.client.get("/embed", params={"ort": "3412"})).text
        unknown_code = (await site.client.get("/suche", params={"ort": "00000"})).text
    assert html.unescape(t("de", "web.postal_code_digits", code="3412", digits=4)) in html.unescape(short)
    assert html.unescape(t("en", "web.postal_code_digits", code="341234", digits=6)) in html.unescape(english)
    assert "fünf Ziffern" in html.unescape(embed) and "kenne ich nicht" not in embed
    # five digits that name no place stay "unknown", a name stays a name
    assert "kenne ich nicht" in html.unescape(unknown_code) and "fünf Ziffern" not in html.unescape(unknown_code)


async def test_five_digits_no_place_has_are_said_to_be_an_unknown_postal_code(database: Database) -> None:
    async with running_site(database) as site:
        german = html.unescape((await site.client.get("/suche", params={"ort": "00000", "text": "Tierheim"})).text)
        english = html.unescape((await site.client.get("/embed", params={"ort": "99999", "lang": "en"})).text)
        feed = html.unescape((await site.client.get("/angebote.json", params={"ort": "00000"})).text)
        town = html.unescape((await site.client.get("/suche", params={"ort": "Xqzwv"})).text)
    # not "Den Ort „00000“ kenne ich nicht. Versuch es mit einer Postleitzahl": that was one
    assert t("de", "web.postal_code_unknown", code="00000") in german
    assert "Versuch es mit einer Postleitzahl" not in german
    assert t("en", "web.postal_code_unknown", code="99999") in english
    assert t("de", "web.postal_code_unknown", code="00000") in feed
    assert "Postleitzahl „Xqzwv“" not in town


@pytest.mark.parametrize(("ort", "name", "code"), [
    ("341 27", "Kassel", "34127"),  # a space inside the code, as some print it
    ("1067", "Dresden", "01067"),  # a spreadsheet dropped the leading zero
    ("4109", "Leipzig", "04109"),
    (" 01067 ", "Dresden", "01067"),
])
def test_postal_codes_written_with_a_space_or_without_their_zero_are_found(ort: str, name: str, code: str) -> None:
    choice = resolve_place(ort.strip())
    assert choice.place is not None and (choice.place.name, choice.place.postal_code) == (name, code)


@pytest.mark.parametrize(("ort", "name", "code"), [
    ("34127 Kassel", "Kassel", "34127"),  # as on an envelope
    ("1067 Dresden", "Dresden", "01067"),  # copied from a spreadsheet that dropped the zero
    ("Leipzig, 04109", "Leipzig", "04109"),
    ("341 27 Kassel", "Kassel", "34127"),
    ("34 127 Kassel", "Kassel", "34127"),  # a space after the first two digits, as people write it
    ("Kassel, 34 127", "Kassel", "34127"),
])
def test_a_postal_code_beside_the_town_name_is_the_place(ort: str, name: str, code: str) -> None:
    choice = resolve_place(ort)
    assert choice.place is not None and (choice.place.name, choice.place.postal_code) == (name, code)


def test_a_number_beside_words_that_is_no_postal_code_leaves_the_name_to_the_lookup() -> None:
    assert resolve_place("Hauptstraße 5").place is None
    assert resolve_place("3412 Nirgendwo").unknown


def test_four_digits_without_a_code_behind_them_stay_unknown() -> None:
    assert resolve_place("3412").unknown and resolve_place("341 2").unknown


@pytest.mark.parametrize("ort", ["341 27", "34 127", "34 127 Kassel"])
async def test_the_search_page_finds_a_postal_code_with_a_space(database: Database, ort: str) -> None:
    async with database.unit_of_work() as session:
        await make_listing(session, title="Hausaufgabenhilfe", place=KASSEL)
    async with running_site(database) as site:
        page = html.unescape((await site.client.get("/suche", params={"ort": ort})).text)
    assert "Hausaufgabenhilfe" in page and "kenne ich nicht" not in page and "fünf Ziffern" not in page


async def test_a_place_the_gazetteer_lacks_written_in_the_text_is_said_not_searched_nationwide(
    database: Database,
) -> None:
    async with running_site(database) as site:
        german = html.unescape((await site.client.get("/suche", params={"text": "Tierheim in Kleinkleckersdorf"})).text)
        code = html.unescape((await site.client.get("/suche", params={"text": "Tierheim 00000", "lang": "en"})).text)
    assert t("de", "web.place_unknown", name="Kleinkleckersdorf") in german
    assert t("de", "search.everywhere") not in german and t("de", "search.nothing") not in german
    assert t("en", "web.postal_code_unknown", code="00000") in code


async def test_a_state_named_in_the_text_is_no_missing_place(database: Database) -> None:
    async with database.unit_of_work() as session:
        await make_listing(session, title="Tierheim Kassel")
    async with running_site(database) as site:
        state = html.unescape((await site.client.get("/suche", params={"text": "Tierheim in Sachsen"})).text)
        none = html.unescape((await site.client.get("/suche", params={"text": "Tierheim"})).text)
    # "Tierheim in Sachsen" named a place, a large one: all of it is searched and its towns offered, not "you named
    # no place"; nothing there fits, so the rest of Germany's are shown, said so
    assert t("de", "web.state_in_text", state="Sachsen") in state and "Dresden" in state and "Leipzig" in state
    assert t("de", "search.widened_outside_state", state="Sachsen") in state and "Tierheim Kassel" in state
    assert t("de", "search.everywhere") not in state
    assert t("de", "search.everywhere") in none and "ist groß" not in none


async def test_a_state_ruled_out_or_in_english_is_said_as_the_text_meant(database: Database) -> None:
    async with database.unit_of_work() as session:
        await make_listing(session, title="Tierheim Kassel")
    async with running_site(database) as site:
        ruled_out = html.unescape((await site.client.get(
            "/suche", params={"text": "Tierheim, aber nicht in Sachsen"})).text)
        english = html.unescape((await site.client.get(
            "/suche", params={"text": "animal shelter in Saxony", "lang": "en"})).text)
    assert "ist groß" not in ruled_out and "Dresden" not in ruled_out
    assert t("en", "web.state_in_text", state="Saxony") in english and "Sachsen" not in english


async def test_the_telegram_link_of_a_state_question_keeps_the_state(database: Database) -> None:
    async with running_site(database) as site:
        page = html.unescape((await site.client.get("/suche", params={"ort": "Sachsen", "text": "tierheim"})).text)
    links = [part.split('"', 1)[0] for part in page.split("https://t.me/")[1:]]
    assert links and all("sachsen" in link.lower() for link in links if "start=" in link), links
    assert any("start=" in link for link in links), links
