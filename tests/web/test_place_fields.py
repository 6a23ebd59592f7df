"""The web's place field reads a name as the chat does (nlu.place_field): a quarter the chat knows, an alias, and
a whole state, whose towns are offered instead of a village of the state's name."""

from __future__ import annotations

import html
import re

from bot.links import SearchLink, decode_start_payload
from bot.search.model import PlaceRef
from bot.store.db import Database
from bot.texts import t
from tests.factories.volunteers import make_listing
from tests.web.helpers import running_site


async def test_a_place_field_reads_quarters_aliases_and_states_as_the_chat_does(database: Database) -> None:
    async with database.unit_of_work() as session:
        await make_listing(session, title="Tierheim Kassel")
    async with running_site(database) as site:
        quarter = (await site.client.get("/suche", params={"ort": "Wehlheiden", "text": "Tierheim"})).text
        alias = (await site.client.get("/suche", params={"ort": "ffm", "text": "Tierheim"})).text
        state = (await site.client.get("/suche", params={"ort": "Sachsen", "text": "Tierheim"})).text
        embed = (await site.client.get("/embed", params={"ort": "Sachsen"})).text
    # Kassel's quarter, not Weiden in Bavaria 200 km away, and never "unknown"
    assert "Wehlheiden (Kassel) + " in quarter and "Weiden" not in quarter.replace("Wehlheiden", "")
    assert "Frankfurt am Main + " in alias
    # the Free State, not the village Sachsen bei Ansbach: its cities to choose from, nothing searched yet
    asked = html.unescape(t("de", "web.state_choose", name="Sachsen"))
    assert asked in html.unescape(state) and "Ansbach" not in state and 'class="result"' not in state
    assert "Dresden" in state and "Leipzig" in state and state.count("ortid=") >= 3
    # a city that is its own district is not named twice ("Dresden Dresden, Sachsen")
    assert ">Dresden</a> <span class=\"muted\">Sachsen</span>" in state
    assert html.unescape(t("de", "web.state_choose_embed", name="Sachsen")) in html.unescape(embed)


async def test_a_name_of_towns_far_apart_is_offered_for_choice_on_the_page_and_in_the_feed(
        database: Database) -> None:
    async with running_site(database) as site:
        page = (await site.client.get("/suche", params={"ort": "Aken", "text": "Tierheim"})).text
        feed = await site.client.get("/angebote.json", params={"ort": "Aken"})
        alike = (await site.client.get("/suche", params={"ort": "Bornheim"})).text
        state = (await site.client.get("/suche", params={"ort": "Baden-Württemberg", "text": "Tierheim"})).text
    # the NLU reads "in Aken" as Aachen; the visitor picks between Aachen and Aken on the Elbe, nothing searched yet
    assert "Aken" in page and "Sachsen-Anhalt" in page and 'class="result"' not in page and page.count("ortid=") >= 2
    assert "Aken" in feed.text and "Sachsen-Anhalt" in feed.text
    options = re.findall(r'<li><a href="[^"]*ortid=[^"]*">([^<]*)</a> <span class="muted">([^<]*)</span>', alike)
    assert len(options) >= 3 and len(set(options)) == len(options), options  # two Bornheims in Rheinland-Pfalz
    asked = html.unescape(t("de", "web.state_choose", name="Baden-Württemberg"))
    assert asked in html.unescape(state) and "Stuttgart" in state  # not Baden-Baden


async def test_a_whole_state_is_offered_beside_its_towns_and_searched_as_that_state(database: Database) -> None:
    async with database.unit_of_work() as session:
        await make_listing(session, title="Tierheim Kassel")
        await make_listing(session, title="Tierheim Leipzig", place=PlaceRef("Leipzig", 51.3397, 12.3731))
    async with running_site(database) as site:
        asked = html.unescape((await site.client.get("/suche", params={"ort": "Sachsen", "text": "Tierheim"})).text)
        link = re.search(r'<a href="([^"]+)">Ganz Sachsen zeigen</a>', asked)
        assert link is not None and "ort=ganz+Sachsen" in link.group(1)
        shown = html.unescape((await site.client.get(link.group(1))).text)
        embed = html.unescape((await site.client.get("/embed", params={"ort": "Sachsen"})).text)
        embedded = html.unescape((await site.client.get("/embed", params={"ort": "ganz Sachsen"})).text)
        english = html.unescape((await site.client.get(
            "/suche", params={"ort": "all of Saxony", "text": "animal shelter", "lang": "en"})).text)
    assert "Tierheim Leipzig" in shown and "Tierheim Kassel" not in shown  # Kassel is in Hessen
    assert "in ganz Sachsen" in shown and t("de", "web.whole_state", state="Sachsen") in shown
    assert t("de", "search.everywhere") not in shown and 'value="ganz Sachsen"' in shown  # the field says it
    assert "Ganz Sachsen zeigen" in embed and "Dresden" in embed
    assert "Tierheim Leipzig" in embedded and "Tierheim Kassel" not in embedded
    assert "Ort oder Postleitzahl" not in embedded  # the embed has no such field to write into
    assert t("de", "web.whole_state_embed", state="Sachsen") in embedded
    assert "all of Saxony" in english and "Tierheim Leipzig" in english and "Tierheim Kassel" not in english


async def test_a_whole_state_page_opens_the_bot_on_that_state(database: Database) -> None:
    async with database.unit_of_work() as session:
        await make_listing(session, title="Tierheim Leipzig", place=PlaceRef("Leipzig", 51.3397, 12.3731))
    async with running_site(database) as site:
        page = await site.client.get("/suche", params={"ort": "ganz Sachsen", "text": "Tierheim"})
    shown = html.unescape(page.text)
    link = re.search(r'https://t\.me/TestEhrenamtBot\?start=([A-Za-z0-9_-]+)', shown)
    assert link is not None
    opened = decode_start_payload(link.group(1))
    assert isinstance(opened, SearchLink) and opened.refinement.whole_state == "Sachsen"
    assert opened.refinement.place is None and opened.text == "tierheim"


async def test_a_state_named_in_the_text_offers_its_towns_and_the_whole_state(database: Database) -> None:
    async with database.unit_of_work() as session:
        await make_listing(session, title="Tierheim Kassel")
        await make_listing(session, title="Tierheim Leipzig", place=PlaceRef("Leipzig", 51.3397, 12.3731))
    async with running_site(database) as site:
        page = html.unescape((await site.client.get("/suche", params={"text": "Tierheim in Sachsen"})).text)
        state = re.search(r'<a href="([^"]+)">Ganz Sachsen zeigen</a>', page)
        town = re.search(r'<a href="([^"]+)">Leipzig</a>', page)
        assert state is not None and town is not None
        shown = html.unescape((await site.client.get(state.group(1))).text)
        around = html.unescape((await site.client.get(town.group(1))).text)
        embed = html.unescape((await site.client.get("/embed", params={"text": "Tierheim in Sachsen"})).text)
        english = html.unescape((await site.client.get(
            "/suche", params={"text": "animal shelter in Saxony", "lang": "en"})).text)
    assert t("de", "web.state_everywhere", state="Sachsen") in page and t("de", "search.everywhere") not in page
    assert t("de", "web.state_in_text", state="Sachsen") in page
    assert "Tierheim Leipzig" in page and "Tierheim Kassel" not in page  # all of the state until one is picked
    assert "ganz Deutschland" not in page
    assert "in ganz Sachsen" in shown and "Tierheim Leipzig" in shown and "Tierheim Kassel" not in shown
    assert "Tierheim Leipzig" in around and "Tierheim Kassel" not in around and "ist ein ganzes" not in around
    assert "Ganz Sachsen zeigen" in embed and ">Dresden</a>" in embed and "Tierheim Kassel" not in embed
    assert "ins Feld" not in embed  # the embed has no field
    assert "Show all of Saxony" in english and t("en", "web.state_everywhere", state="Saxony") in english


async def test_a_text_asking_all_of_a_state_is_searched_in_that_state(database: Database) -> None:
    async with database.unit_of_work() as session:
        await make_listing(session, title="Tierheim Kassel")
        await make_listing(session, title="Tierheim Leipzig", place=PlaceRef("Leipzig", 51.3397, 12.3731))
    async with running_site(database) as site:
        page = html.unescape((await site.client.get("/suche", params={"text": "Tierheim in ganz Sachsen"})).text)
    assert "in ganz Sachsen" in page and "Tierheim Leipzig" in page and "Tierheim Kassel" not in page
    assert "Ganz Sachsen zeigen" not in page and t("de", "web.state_in_text", state="Sachsen") not in page


async def test_a_place_in_the_text_wins_over_a_whole_state_in_the_place_field(database: Database) -> None:
    async with database.unit_of_work() as session:
        await make_listing(session, title="Tierheim Kassel")
        await make_listing(session, title="Tierheim Leipzig", place=PlaceRef("Leipzig", 51.3397, 12.3731))
    async with running_site(database) as site:
        bavaria = html.unescape((await site.client.get(
            "/suche", params={"text": "Tierheim in Bayern", "ort": "ganz Sachsen"})).text)
        kassel = html.unescape((await site.client.get(
            "/suche", params={"text": "Tierheim in Kassel", "ort": "ganz Sachsen"})).text)
        saxony = html.unescape((await site.client.get(
            "/suche", params={"text": "Tierheim in Sachsen", "ort": "ganz Sachsen"})).text)
    assert "Ganz Bayern zeigen" in bavaria and "in ganz Sachsen" not in bavaria  # Bayern's towns, as the text says
    assert "Tierheim Kassel" in kassel and "in ganz Sachsen" not in kassel
    assert "in ganz Sachsen" in saxony and "Tierheim Kassel" not in saxony


async def test_all_of_germany_in_the_place_field_is_searched_nationwide(database: Database) -> None:
    async with database.unit_of_work() as session:
        await make_listing(session, title="Tierheim Kassel")
    async with running_site(database) as site:
        page = html.unescape((await site.client.get(
            "/suche", params={"text": "Tierheim", "ort": "ganz Deutschland"})).text)
    assert "Tierheim Kassel" in page and "kenne ich" not in page and t("de", "search.everywhere") not in page


async def test_all_of_germany_with_nothing_else_asks_what_to_look_for_never_nothing_found(database: Database) -> None:
    async with database.unit_of_work() as session:
        await make_listing(session, title="Tierheim Kassel")
    async with running_site(database) as site:
        pages = [html.unescape((await site.client.get(path, params={"text": "", "ort": ort})).text)
                 for path in ("/suche", "/embed") for ort in ("ganz Deutschland", "bundesweit", "Deutschland")]
        feed = (await site.client.get("/angebote.json", params={"ort": "ganz Deutschland"})).text
    for page in pages:
        assert t("de", "search.nothing") not in page
    assert all(t("de", "web.ask_what") in page for page in pages[:3])
    assert all(t("de", "web.embed_ask_what") in page for page in pages[3:])
    assert "Tierheim Kassel" in feed  # the feed of all of Germany is every listing, as with nothing asked


async def test_all_of_germany_written_in_the_text_is_said_as_asked(database: Database) -> None:
    async with database.unit_of_work() as session:
        await make_listing(session, title="Tierheim Kassel")
    async with running_site(database) as site:
        asked = html.unescape((await site.client.get("/suche", params={"text": "Tierheim bundesweit"})).text)
        embed = html.unescape((await site.client.get("/embed", params={"text": "Tierheim in ganz Deutschland"})).text)
        plain = html.unescape((await site.client.get("/suche", params={"text": "Tierheim"})).text)
    assert "Tierheim Kassel" in asked and t("de", "web.nationwide_asked") in asked
    assert t("de", "search.everywhere") not in asked
    assert "Tierheim Kassel" in embed and t("de", "web.nationwide_asked_embed") in embed and "ins Feld" not in embed
    assert t("de", "search.everywhere") in plain  # no place named at all is still said so


async def test_a_state_with_nothing_that_fits_shows_the_rest_and_its_link_keeps_the_state(database: Database) -> None:
    async with database.unit_of_work() as session:
        await make_listing(session, title="Tierheim Kassel")
    async with running_site(database) as site:
        page = await site.client.get("/suche", params={"ort": "ganz Sachsen", "text": "Tierheim"})
    shown = html.unescape(page.text)
    assert t("de", "search.widened_outside_state", state="Sachsen") in shown and "Tierheim Kassel" in shown
    link = re.search(r'https://t\.me/TestEhrenamtBot\?start=([A-Za-z0-9_-]+)', shown)
    opened = decode_start_payload(link.group(1) if link else None)
    assert isinstance(opened, SearchLink) and opened.refinement.whole_state == "Sachsen"


async def test_an_area_is_read_by_its_key_or_its_german_or_english_name_as_embed_snippet_reads_it(
        database: Database) -> None:
    async with database.unit_of_work() as session:
        await make_listing(session, title="Tierheim Kassel", categories=("animals",))
        await make_listing(session, title="Sportverein Kassel", categories=("sports",))
    async with running_site(database) as site:
        pages = [html.unescape((await site.client.get(path, params={"ort": "Kassel", "bereich": name})).text)
                 for path in ("/embed", "/suche") for name in ("Tiere", "animals", "Animals")]
        state = html.unescape((await site.client.get("/embed", params={"ort": "Hessen"})).text)
    for page in pages:
        assert t("de", "web.problem_area") not in page
        assert "Tierheim Kassel" in page and "Sportverein Kassel" not in page
    assert t("de", "web.state_choose_embed", name="Hessen") in state and "ins Feld" not in state  # no field there


async def test_a_part_most_cities_have_in_the_place_field_asks_which_city(database: Database) -> None:
    async with running_site(database) as site:
        centre = (await site.client.get("/suche", params={"ort": "Innenstadt", "text": "Ehrenamt"})).text
        station = (await site.client.get("/suche", params={"ort": "Bahnhofsviertel", "text": "Ehrenamt"})).text
        embed = (await site.client.get("/embed", params={"ort": "Innenstadt"})).text
        namesakes = (await site.client.get("/suche", params={"ort": "Neustadt", "text": "Ehrenamt"})).text
    for page, name in ((centre, "Innenstadt"), (station, "Bahnhofsviertel"), (embed, "Innenstadt")):
        shown = html.unescape(page)
        assert html.unescape(t("de", "web.city_part", name=name)) in shown
        assert html.unescape(t("de", "web.place_unknown", name=name)) not in shown and "ortid=" not in page
        assert html.unescape(t("de", "search.nothing")) not in shown  # the note asks which city; no "nothing found"
    # towns of the very name are still offered
    assert "ortid=" in namesakes
