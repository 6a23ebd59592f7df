"""The listing page and the search page over HTTP: content, status codes, language, escaping, headers."""

from __future__ import annotations

import html
import json
import re
from datetime import timedelta


from bot.links import SearchLink, resolve_start_payload
from bot.posting.manage import delete_listing
from bot.store.db import Database
from bot.domain import ModerationAction
from bot.store.models import ModerationEvent, OrganisationMember
from bot.texts import t
from tests.factories.volunteers import FRITZLAR, KASSEL, LEIPZIG, NOW, make_listing, make_organisation
from tests.web.helpers import ALLOWED_SITE, running_site

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


async def test_listing_page_shows_what_a_volunteer_needs(database: Database) -> None:
    async with database.unit_of_work() as session:
        club = await make_organisation(session, name="Tierschutzverein Nordhessen e.V.", website="https://tsv.example.org")
        listing = await make_listing(
            session, organisation=club, title="Gassi gehen am Wochenende", requirements="Freude an Hunden",
            address="Beispielweg 5", postal_code="34117", state="Hessen", remote=True, accessible=True,
            accessibility_notes="Aufzug vorhanden", time_tags=["weekend", "daytime"], hours_per_month=4,
        )
    async with running_site(database) as site:
        response = await site.client.get(f"/angebote/{listing.id}")
    page = response.text
    assert response.status_code == 200 and '<html lang="de">' in page
    for shown in ("Gassi gehen am Wochenende", "Tierschutzverein Nordhessen e.V.", "Beispielweg 5", "34117 Kassel",
                  "am Wochenende · tagsüber · 4 Std. im Monat", "Freude an Hunden", "Erika Beispiel",
                  'href="tel:+493012345001"', "barrierefrei · Aufzug vorhanden", t("de", "web.remote"),
                  f'href="https://t.me/TestEhrenamtBot?start=o{listing.id}"', "In Telegram öffnen",
                  f'src="/angebote/{listing.id}/qr.svg"'):
        assert shown in page, shown
    posting, vds = (json.loads(block) for block in JSON_LD.findall(page))
    assert posting["@type"] == "JobPosting" and posting["employmentType"] == "VOLUNTEER"
    assert posting["jobLocation"]["geo"] == {"@type": "GeoCoordinates", "latitude": KASSEL.lat, "longitude": KASSEL.lon}
    assert posting["jobLocationType"] == "TELECOMMUTE" and posting["qualifications"] == "Freude an Hunden"
    role = vds["activity"][0]["role"][0]
    assert vds["@context"] == "https://api.volunteeringdata.io/context/v1" and vds["website"] == "https://tsv.example.org"
    assert role["allowsRemoteParticipation"] is True and role["requirement"] == ["Freude an Hunden"]
    assert role["applyLink"] == "https://example.org/gassi"
    assert role["accessibility"] == ["barrierefrei · Aufzug vorhanden"]
    session_ = vds["activity"][0]["session"][0]
    assert session_["location"]["latitude"] == str(KASSEL.lat)
    assert "https://ns.volunteeringdata.io/SaturdayMorning" in session_["time"]
    assert "https://ns.volunteeringdata.io/MondayMorning" not in session_["time"]


async def test_every_text_from_a_listing_is_escaped(database: Database) -> None:
    async with database.unit_of_work() as session:
        listing = await make_listing(session, title='</script><script>alert(1)</script>', description="<b>x</b> & y",
                                     contact_url="javascript:alert(1)", contact_email='"x"@example.org<br>')
    async with running_site(database) as site:
        page = (await site.client.get(f"/angebote/{listing.id}")).text
    assert "<script>alert(1)" not in page and "<b>x</b>" not in page
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;b&gt;x&lt;/b&gt; &amp; y" in page
    assert 'href="javascript' not in page and 'mailto:"' not in page
    for block in JSON_LD.findall(page):
        assert json.loads(block)["@context"]  # the JSON-LD stays valid and cannot close its script element


async def test_unknown_unpublished_and_ended_listings(database: Database) -> None:
    async with database.unit_of_work() as session:
        club = await make_organisation(session)
        session.add(OrganisationMember(organisation_id=club.id, telegram_id=4242))
        pending = await make_listing(session, organisation=club, status="pending", published_at=None)
        paused = await make_listing(session, organisation=club, status="paused")
        expired = await make_listing(session, organisation=club, expires_at=NOW - timedelta(hours=1))
        withdrawn = await make_listing(session, organisation=club)
    async with database.unit_of_work() as session:
        await delete_listing(session, 4242, withdrawn.id)
    async with running_site(database) as site:
        statuses = {name: (await site.client.get(f"/angebote/{number}")).status_code for name, number in
                    (("unknown", 999_999), ("pending", pending.id), ("paused", paused.id), ("expired", expired.id),
                     ("withdrawn", withdrawn.id))}
        gone = await site.client.get(f"/angebote/{paused.id}")
        qr = await site.client.get(f"/angebote/{paused.id}/qr.svg")
    assert statuses == {"unknown": 404, "pending": 404, "paused": 410, "expired": 410, "withdrawn": 410}
    assert t("de", "web.error_gone") in gone.text and "/suche?ort=Kassel" in gone.text
    assert qr.status_code == 410


async def test_an_approved_listing_edited_and_waiting_for_review_says_so(database: Database) -> None:
    async with database.unit_of_work() as session:
        club = await make_organisation(session)
        # As bot.posting.submit leaves an approved listing its unverified organisation edited: pending again.
        edited = await make_listing(session, organisation=club, title="Neu: Hunde <b>ausführen</b>",
                                    status="pending", published_at=None)
        session.add(ModerationEvent(opportunity_id=edited.id, organisation_id=club.id,
                                    action=ModerationAction.APPROVED.value))
    async with running_site(database) as site:
        page = await site.client.get(f"/angebote/{edited.id}")
        english = await site.client.get(f"/angebote/{edited.id}?lang=en")
        qr = await site.client.get(f"/angebote/{edited.id}/qr.svg")
    assert page.status_code == 200 and page.headers["X-Robots-Tag"] == "noindex"
    assert t("de", "web.reviewing") in page.text and "/suche?ort=Kassel" in page.text
    assert "Hunde" not in page.text  # nothing of the edit nobody approved yet
    assert t("en", "web.reviewing") in english.text
    assert qr.status_code == 404


async def test_language_follows_the_browser_and_lang_wins(database: Database) -> None:
    async with database.unit_of_work() as session:
        listing = await make_listing(session)
    async with running_site(database) as site:
        english = await site.client.get(f"/angebote/{listing.id}", headers={"Accept-Language": "en-GB,en;q=0.8"})
        german = await site.client.get(f"/angebote/{listing.id}?lang=de", headers={"Accept-Language": "en"})
    assert '<html lang="en">' in english.text and "Open in Telegram" in english.text
    assert '<html lang="de">' in german.text and "In Telegram öffnen" in german.text
    assert "Accept-Language" in english.headers["Vary"]


async def test_search_finds_listings_around_a_place_and_links_their_pages(database: Database) -> None:
    async with database.unit_of_work() as session:
        near = [await make_listing(session, title=f"Tierheim Kassel {n}") for n in range(3)]
        far = await make_listing(session, title="Tierheim Leipzig", place=LEIPZIG)
    async with running_site(database) as site:
        page = (await site.client.get("/suche", params={"ort": "Kassel", "bereich": "animals"})).text
        by_code = (await site.client.get("/suche", params={"ort": "34117"})).text
    for listing in near:
        assert f'href="/angebote/{listing.id}?ort=Kassel"' in page
    assert f"/angebote/{far.id}" not in page
    assert "Tiere · Kassel + 15 km" in page and "3 Angebote gefunden" in page and "hier 1–3" not in page
    assert f"/angebote/{near[0].id}" in by_code


async def test_an_emoji_asking_for_an_area_searches_it_beside_a_town(database: Database) -> None:
    async with database.unit_of_work() as session:
        shelter = await make_listing(session, title="Tierheim Kassel")
        choir = await make_listing(session, title="Chor sucht Stimmen", categories=["culture"])
    async with running_site(database) as site:
        page = (await site.client.get("/suche", params={"text": "🐶 Kassel"})).text
    assert f"/angebote/{shelter.id}" in page and f"/angebote/{choir.id}" not in page
    assert "Tiere · Kassel" in page


async def test_search_marks_listings_that_can_be_done_from_home(database: Database) -> None:
    async with database.unit_of_work() as session:
        await make_listing(session, title="Tierheim vor Ort")
        await make_listing(session, title="Tierheim-Website pflegen", remote=True)
    async with running_site(database) as site:
        page = (await site.client.get("/suche", params={"ort": "Kassel", "bereich": "animals"})).text
    places = re.findall(r'<span class="tag tag--place">([^<]*)</span>', page)
    remote = t("de", "web.remote_short")
    assert sorted(remote in place for place in places) == [False, True]
    assert all(place.startswith("Kassel") for place in places)


async def test_search_says_the_widening_as_the_chat_does(database: Database) -> None:
    async with database.unit_of_work() as session:
        await make_listing(session, title="Katzenhilfe Fritzlar", place=FRITZLAR)
    async with running_site(database) as site:
        page = (await site.client.get("/suche", params={"ort": "Kassel", "bereich": "animals", "umkreis": "15"})).text
    assert t("de", "search.widened_radius", from_km="15", to_km="30") in page
    assert "Katzenhilfe Fritzlar" in page


async def test_search_shows_what_names_the_request_and_links_the_related_ones(database: Database) -> None:
    async with database.unit_of_work() as session:
        organ = await make_listing(session, title="Orgel spielen im Gottesdienst", categories=["culture"])
        others = [await make_listing(session, title=f"Museumsaufsicht {n}", categories=["culture"]) for n in range(2)]
    async with running_site(database) as site:
        asked = {"ort": "Kassel", "text": "Orgel", "bereich": "culture"}
        answer = (await site.client.get("/suche", params=asked)).text
        related = (await site.client.get("/suche", params={**asked, "aehnliche": "1"})).text
    assert f"/angebote/{organ.id}" in answer and all(f"/angebote/{o.id}?" not in answer for o in others)
    assert t("de", "search.similar_left_single", count=2) in answer
    link = 'href="/suche?text=Orgel&amp;ort=Kassel&amp;bereich=culture&amp;aehnliche=1">Ähnliche anzeigen (2)</a>'
    assert link in answer
    assert all(f"/angebote/{o.id}?" in related for o in others) and f"/angebote/{organ.id}?" not in related
    assert t("de", "search.similar_shown") in related
    assert 'href="/suche?text=Orgel&amp;ort=Kassel&amp;bereich=culture">Nur genau Passende anzeigen</a>' in related
async def test_words_nobody_can_read_are_said_and_list_nothing(database: Database) -> None:
    async with database.unit_of_work() as session:
        await make_listing(session, title="Katzenhilfe Kassel", place=KASSEL)
    async with running_site(database) as site:
        mashed = (await site.client.get("/suche", params={"ort": "Kassel", "text": "hjkhjk dfgdfg"})).text
        word = (await site.client.get("/suche", params={"ort": "Kassel", "text": "Katzenhilfe"})).text
        nowhere = (await site.client.get("/suche", params={"text": "hjkhjk"})).text
        embedded = (await site.client.get("/embed", params={"ort": "Kassel", "text": "hjkhjk"})).text
    # the note asks again; "nothing found" and "no place, so all of Germany" would answer a search never made
    for page in (mashed, nowhere, embedded):
        assert "verstehe ich leider nicht" in page and t("de", "search.nothing") not in page
        assert t("de", "search.everywhere") not in page
    assert html.escape(t("de", "web.words_unread", words="hjkhjk dfgdfg"), quote=False) in mashed
    assert "Katzenhilfe Kassel" not in mashed and t("de", "search.widened_keywords") not in mashed
    assert "Katzenhilfe Kassel" in word and "verstehe ich leider nicht" not in word


async def test_search_pages_through_the_results(database: Database) -> None:
    async with database.unit_of_work() as session:
        for number in range(12):
            await make_listing(session, title=f"Tierheim Helfer {number}")
    async with running_site(database) as site:
        first = (await site.client.get("/suche", params={"ort": "Kassel", "bereich": "animals"})).text
        second = (await site.client.get("/suche", params={"ort": "Kassel", "bereich": "animals", "seite": "2"})).text
    assert first.count('class="result"') == 10 and "12 Angebote gefunden, hier 1–10" in first
    assert 'rel="next" href="/suche?ort=Kassel&amp;bereich=animals&amp;seite=2"' in first
    assert second.count('class="result"') == 2 and '<ol class="results" start="11">' in second
    assert 'rel="prev" href="/suche?ort=Kassel&amp;bereich=animals"' in second and 'rel="next"' not in second


async def test_a_page_past_the_last_says_so_and_leads_to_the_first(database: Database) -> None:
    async with database.unit_of_work() as session:
        for number in range(12):
            await make_listing(session, title=f"Tierheim Helfer {number}")
    async with running_site(database) as site:
        past = (await site.client.get("/suche", params={"ort": "Kassel", "bereich": "animals", "seite": "5"})).text
        english = (await site.client.get("/suche", params={"ort": "Kassel", "seite": "5", "lang": "en"})).text
        embed = (await site.client.get("/embed", params={"ort": "Kassel", "seite": "9"})).text
        far = (await site.client.get("/suche", params={"ort": "Kassel", "seite": "9999"})).text
        nothing = (await site.client.get("/suche", params={"ort": "Kassel", "text": "Feuerwehr"})).text
    assert t("de", "search.nothing") not in past  # 12 listings were found: "nothing found" would be wrong
    assert t("de", "web.past_end", page=5, pages=2) in past
    assert '<a href="/suche?ort=Kassel&amp;bereich=animals">' + t("de", "web.first_page") + "</a>" in past
    assert t("en", "web.past_end", page=5, pages=2) in english and 'href="/suche?ort=Kassel&amp;lang=en"' in english
    assert t("de", "web.past_end", page=9, pages=3) in embed
    assert t("de", "search.nothing") in nothing and t("de", "web.first_page") not in nothing
    # a page beyond the largest the query keeps (1000) names the last page, never the kept number
    assert "Seite 2." in far and "1.000" not in far and "9999" not in far.split("<main")[-1].split("</form>")[-1]


async def test_pages_carry_security_headers_and_no_cookies_or_scripts(database: Database) -> None:
    async with database.unit_of_work() as session:
        listing = await make_listing(session)
    async with running_site(database) as site:
        answers = {path: await site.client.get(path) for path in
                   ("/suche?ort=Kassel", f"/angebote/{listing.id}", "/embed?ort=Kassel", "/angebote.json",
                    "/angebote.atom", "/healthz", "/nirgends")}
    for path, response in answers.items():
        assert "set-cookie" not in response.headers, path
        assert response.headers["X-Content-Type-Options"] == "nosniff", path
        assert "default-src 'none'" in response.headers["Content-Security-Policy"], path
        assert "Server" not in response.headers, path
        if response.headers["Content-Type"].startswith("text/html"):
            scripts = re.findall(r"<script[^>]*>", response.text)
            assert all('type="application/ld+json"' in tag for tag in scripts), path
    assert answers["/nirgends"].status_code == 404
    assert "frame-ancestors 'none'" in answers["/suche?ort=Kassel"].headers["Content-Security-Policy"]
    assert answers["/suche?ort=Kassel"].headers["X-Frame-Options"] == "DENY"
    embed = answers["/embed?ort=Kassel"]
    assert f"frame-ancestors 'self' {ALLOWED_SITE}" in embed.headers["Content-Security-Policy"]
    assert "X-Frame-Options" not in embed.headers
    assert answers["/healthz"].json() == {"status": "ok"}


async def test_embed_is_compact_and_opens_listings_in_a_new_tab(database: Database) -> None:
    async with database.unit_of_work() as session:
        listings = [await make_listing(session, title=f"Tierheim Kassel {n}") for n in range(7)]
    async with running_site(database) as site:
        page = (await site.client.get("/embed", params={"ort": "Kassel", "bereich": "animals"})).text
    assert page.count('class="result"') == 5 and "Ehrenamt in Kassel" in page
    assert 'target="_blank" rel="noopener"' in page and "site-header" not in page
    assert f"{site.base_url}/suche?ort=Kassel&amp;bereich=animals" in page
    assert any(f"/angebote/{listing.id}" in page for listing in listings)


async def test_qr_code_of_a_listing_is_an_svg(database: Database) -> None:
    async with database.unit_of_work() as session:
        listing = await make_listing(session)
    async with running_site(database) as site:
        response = await site.client.get(f"/angebote/{listing.id}/qr.svg")
    assert response.status_code == 200 and response.headers["Content-Type"].startswith("image/svg+xml")
    assert response.text.startswith("<svg") and "<title>" in response.text


async def test_health_answers_head_too(database: Database) -> None:
    async with running_site(database) as site:
        response = await site.client.head("/healthz")
    assert response.status_code == 200 and response.content == b""


async def test_search_says_what_no_listing_holds_and_which_field_it_shows(database: Database) -> None:
    async with database.unit_of_work() as session:
        guitar = await make_listing(session, title="Gitarrenunterricht für Anfänger", categories=["culture"])
    async with running_site(database) as site:
        answer = (await site.client.get("/suche", params={"ort": "Kassel", "text": "Cellounterricht geben",
                                                          "bereich": "culture"})).text
    assert f"/angebote/{guitar.id}" in answer
    assert "Zu „Cello“ habe ich nichts Genaues gefunden, hier Angebote aus Kultur." in answer


async def test_a_related_flag_with_nothing_related_pages_through_the_answer_and_is_dropped(
        database: Database) -> None:
    async with database.unit_of_work() as session:
        for number in range(12):
            await make_listing(session, title=f"Glockenturm führen {number}", categories=["culture"])
    async with running_site(database) as site:
        asked = {"ort": "Kassel", "text": "Glockenturm", "bereich": "culture"}
        first = (await site.client.get("/suche", params=asked)).text
        second = (await site.client.get("/suche", params={**asked, "aehnliche": "1", "seite": "2"})).text
    shown = set(re.findall(r"/angebote/(\d+)\?", first))
    assert len(shown) == 10 and '<ol class="results" start="11">' in second
    assert not shown & set(re.findall(r"/angebote/(\d+)\?", second))  # page 2's rows, not page 1's again
    # The links go on in the answer.
    assert 'rel="prev" href="/suche?text=Glockenturm&amp;ort=Kassel&amp;bereich=culture"' in second


async def test_a_query_string_in_latin_1_or_with_odd_bytes_still_gets_a_page(database: Database) -> None:
    async with database.unit_of_work() as session:
        await make_listing(session, title="Füchse im Wildpark füttern")
    async with running_site(database) as site:
        latin = await site.client.get("/suche?ort=Kassel&text=F%FCchse")  # an older site's form sends Windows-1252
        odd = await site.client.get("/suche?ort=Kassel&text=%FF%FE%81")
        embed = await site.client.get("/embed?ort=Kassel&text=F%FCchse")
    assert latin.status_code == 200 and "Füchse im Wildpark füttern" in latin.text and 'value="Füchse"' in latin.text
    assert odd.status_code == 200 and embed.status_code == 200 and "Füchse im Wildpark füttern" in embed.text


async def test_a_search_in_emoji_or_another_script_opens_in_telegram_with_all_its_words(database: Database) -> None:
    async with database.unit_of_work() as session:
        await make_listing(session, title="Gassi gehen mit Tierheimhunden")
    async with running_site(database) as site:
        page = (await site.client.get("/suche", params={"text": "🐶🐱", "ort": "Kassel"})).text
        mixed = (await site.client.get("/suche", params={"text": "Arabisch عربي Flüchtlinge", "ort": "Kassel"})).text
        worded = (await site.client.get("/suche", params={"text": "Gassi gehen", "ort": "Kassel"})).text
    def payload(shown: str) -> str:
        found = re.search(r'href="https://t\.me/TestEhrenamtBot\?start=([^"]+)"', shown)
        assert found is not None
        return found.group(1)

    async def link(shown: str) -> SearchLink:
        async with database.read_only() as session:
            decoded = await resolve_start_payload(session, payload(shown))
        assert isinstance(decoded, SearchLink)
        return decoded

    # The link's alphabet has no letter for them: the search is stored whole, as the chat shares it
    assert "Tiere" in page and payload(page).startswith("h") and (await link(page)).text == "🐶🐱"
    assert payload(mixed).startswith("h") and (await link(mixed)).text == "Arabisch عربي Flüchtlinge"
    assert (await link(mixed)).refinement.place is not None
    assert payload(worded).startswith("s") and (await link(worded)).text == "gassi gehen"  # words fit inline
