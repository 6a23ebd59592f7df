"""A request naming the organisation finds its listings, whose title and description need not repeat its name."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, text, update
from tests.factories.exchange import json_text, listing_record
from tests.factories.search import KASSEL, NOW, Listings, find, ids, near

from bot.cli import main
from bot.search import SearchRequest
from bot.search.sql import SqlText
from bot.search.textmatch import holds_any
from bot.search.vocabulary import TermGroup
from bot.store.dialect import dialect_of
from bot.store import migrate
from bot.store.db import Database
from bot.store.listings import opportunity_row, organisation_row
from bot.store.models import Opportunity, Organisation, table_of

LISTINGS, ORGANISATIONS = table_of(Opportunity), table_of(Organisation)
# The fields of a result of `search --json` (tests/search/test_cli.py): the organisation's name adds none.
RESULT_FIELDS = {"id", "title", "organisation", "categories", "place", "lat", "lon", "distance_km", "time",
                 "contact", "score", "why"}


async def _organisation(database: Database, name: str) -> int:
    async with database.unit_of_work() as session:
        result = await session.execute(
            insert(ORGANISATIONS).values(organisation_row({"name": name})).returning(ORGANISATIONS.c.id))
        return int(result.scalar_one())


async def _listing(database: Database, organisation: int, title: str, **values: Any) -> int:
    row = {"organisation_id": organisation, "title": title, "description": "Wir freuen uns auf dich.",
           "status": "published", "published_at": NOW, "place_name": "Kassel", **near(KASSEL), **values}
    async with database.unit_of_work() as session:
        result = await session.execute(insert(LISTINGS).values(opportunity_row(row, now=NOW)).returning(LISTINGS.c.id))
        return int(result.scalar_one())


async def _by_word(database: Database, word: str) -> list[int]:
    """Returns the ids of published listings whose indexed text holds the word (asking the index directly)."""
    async with database.read_only() as session:
        sql = SqlText(dialect_of(session))
        condition = holds_any(sql, [TermGroup(word, (word,), (), 1, fuzzy=False)])
        result = await sql.statement(f"SELECT o.id FROM opportunities o WHERE {condition}").run(session)
        return sorted(result.scalars())


async def test_a_listing_is_found_by_its_organisations_name(listings: Listings) -> None:
    database = listings.database
    tafel = await _organisation(database, "Tafel Kassel e.V.")
    ausgabe = await _listing(database, tafel, "Ausgabe von Lebensmitteln")
    await listings.add("Lesepatenschaft in der Grundschule", categories=["education"])
    assert ids(await find(database, SearchRequest(), place=KASSEL, keywords=["tafel"])) == [ausgabe]


async def test_a_word_only_in_the_organisations_name_counts_as_in_the_description_unless_it_names_it(
    listings: Listings,
) -> None:
    database = listings.database
    other = await _organisation(database, "Bürgerverein Kassel e.V.")
    kleiderkammer = await _organisation(database, "Kleiderkammer Kassel e.V.")
    # All at one point off the town's centre (a listing on the centre point is placed only approximately).
    here = near(KASSEL, 1, 0)
    titled = await _listing(database, other, "Kleiderkammer: Spenden sortieren", description="Nähen und flicken",
                            **here)
    named = await _listing(database, kleiderkammer, "Spenden sortieren", description="Nähen und flicken", **here)
    described = await _listing(database, other, "Spenden sortieren",
                               description="In der Kleiderkammer: nähen und flicken", **here)

    def scores(outcome: Any) -> dict[int, float]:
        return {hit.id: hit.score for hit in outcome.results}

    # "Kleiderkammer" alone names the organisation: its listing counts more than one saying it in its description,
    # less than one titled so.
    alone = scores(await find(database, SearchRequest(), place=KASSEL, keywords=["kleiderkammer"]))
    assert alone[titled] > alone[named] > alone[described]
    # With "nähen", which the organisation's name does not say, the request names no organisation.
    both = scores(await find(database, SearchRequest(), place=KASSEL, keywords=["kleiderkammer", "naehen"]))
    assert both[titled] > both[named]
    assert abs(both[named] - both[described]) < 0.01


async def test_an_everyday_word_of_a_name_ranks_its_listings_below_those_titled_with_it(listings: Listings) -> None:
    database = listings.database
    friends = await _organisation(database, "Freunde der Musik Kassel e.V.")
    choir = await _organisation(database, "Stadt Kassel")
    here = near(KASSEL, 1, 0)
    board = await _listing(database, friends, "Schriftführer für den Vorstand", description="Protokolle schreiben",
                           **here)
    described = await _listing(database, choir, "Helfer:in beim Stadtfest", description="Mit Musik und Tanz", **here)
    titled = await _listing(database, choir, "Musik im Altenheim", description="Singen mit Senioren", **here)
    found = {hit.id: hit.score for hit in (await find(database, SearchRequest(), place=KASSEL,
                                                      keywords=["musik"])).results}
    # The name's hit counts as a title holding a lesser term (textmatch.names_organisation): below the listing
    # titled with the word, a little above the one saying it in its description.
    assert found[titled] > found[board] > found[described]
    assert found[board] - found[described] < found[titled] - found[board]


async def test_a_listing_of_the_named_organisation_follows_those_titled_so(listings: Listings) -> None:
    database = listings.database
    brigade = await _organisation(database, "Freiwillige Feuerwehr Kassel")
    town = await _organisation(database, "Stadt Kassel")
    here = near(KASSEL, 1, 0)
    party = await _listing(database, brigade, "Sommerfest: Helfer:innen gesucht", **here)
    titled = await _listing(database, town, "Aktiv in der Freiwilligen Feuerwehr", **here)
    other = await _listing(database, town, "Sommerfest: Kuchen backen", **here)
    found = ids(await find(database, SearchRequest(), place=KASSEL, keywords=["freiwillige", "feuerwehr"]))
    assert found.index(titled) < found.index(party)
    assert other not in found


async def test_renaming_an_organisation_renames_what_its_listings_are_found_by(listings: Listings) -> None:
    database = listings.database
    club = await _organisation(database, "Schwimmverein Kassel")
    lesson = await _listing(database, club, "Kinder beim Schwimmenlernen begleiten")
    async with database.unit_of_work() as session:
        await session.execute(update(ORGANISATIONS).where(ORGANISATIONS.c.id == club).values(name="DLRG Kassel"))
    assert ids(await find(database, SearchRequest(), place=KASSEL, keywords=["dlrg"])) == [lesson]
    assert await _by_word(database, "schwimmverein") == []
    moved_to = await _organisation(database, "Wasserwacht Kassel")
    async with database.unit_of_work() as session:
        await session.execute(update(LISTINGS).where(LISTINGS.c.id == lesson).values(organisation_id=moved_to))
    assert ids(await find(database, SearchRequest(), place=KASSEL, keywords=["wasserwacht"])) == [lesson]
    assert await _by_word(database, "dlrg") == []


async def test_the_migration_indexes_the_names_of_listings_already_stored(any_database: Database) -> None:
    await any_database.run_sync(lambda connection: migrate.downgrade(connection, "0018_search_remote_precision"))
    async with any_database.unit_of_work() as session:
        organisation = (await session.execute(
            text("INSERT INTO organisations (name, kind, verified, source, created_at, updated_at) "
                 "VALUES ('Caritasverband Kassel', 'association', false, 'bot', :now, :now) RETURNING id"),
            {"now": NOW})).scalar_one()
        await session.execute(
            text("INSERT INTO opportunities (organisation_id, title, description, categories, category_mask, "
                 "time_tags, time_mask, languages, remote, accessible, newcomer_friendly, status, source, lat, lon, "
                 "published_at, created_at, updated_at) VALUES (:organisation, 'Besuche im Altenheim', '', '[]', 0, "
                 "'[]', 0, '[]', false, false, false, 'published', 'bot', :lat, :lon, :now, :now, :now)"),
            {"organisation": organisation, "lat": KASSEL.lat, "lon": KASSEL.lon, "now": NOW})
    await any_database.prepare(upgrade=True)
    found = await find(any_database, SearchRequest(), place=KASSEL, keywords=["caritasverband"])
    assert [hit.title for hit in found.results] == ["Besuche im Altenheim"]
    assert ids(await find(any_database, SearchRequest(), place=KASSEL, keywords=["altenheim"])) == ids(found)
    # A listing written after the upgrade takes its organisation's name without its writer saying it.
    later = await _listing(any_database, organisation, "Vorlesen im Altenheim")
    found = await find(any_database, SearchRequest(), place=KASSEL, keywords=["caritasverband"])
    assert later in ids(found) and len(ids(found)) == 2


def test_an_imported_listing_is_found_by_its_organisations_name_from_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)  # no .env of the developer's
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'bot.sqlite3'}")
    record = listing_record(1, title="Ausgabe von Lebensmitteln", categories=["poverty_homelessness"],
                            description="Jeden Dienstag geben wir Lebensmittel aus und sortieren Spenden.",
                            organisation_name="Tafel Freital e.V.", organisation_external_id="tafel-freital",
                            place_name="Freital", postal_code="01705", state="Sachsen", lat=51.0017, lon=13.6488,
                            published_at=NOW.isoformat())
    # Beside it, a listing of the same kind in the same town, of another organisation.
    other = listing_record(2, title="Kleiderkammer: Spenden sortieren", categories=["poverty_homelessness"],
                           description="Wir sortieren gespendete Kleidung.", organisation_name="Diakonie Freital",
                           organisation_external_id="diakonie-freital", place_name="Freital", postal_code="01705",
                           state="Sachsen", lat=51.0027, lon=13.6478, published_at=NOW.isoformat())
    (tmp_path / "tafel.json").write_text(json_text([record, other]), "utf-8")
    assert main(["import", str(tmp_path / "tafel.json")]) == 0
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", io.StringIO("tafel freital\n"))
    assert main(["search", "--json", "-"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert set(answer) == {"query", "widened", "results", "not_applied", "unknown_place"}
    assert [(hit["title"], hit["organisation"]) for hit in answer["results"]] == [
        ("Ausgabe von Lebensmitteln", "Tafel Freital e.V.")]
    assert set(answer["results"][0]) == RESULT_FIELDS


async def test_a_words_beginning_is_not_looked_for_in_the_organisations_name(listings: Listings) -> None:
    database = listings.database
    agency = await _organisation(database, "Freiwilligenagentur Kassel")
    listing = await _listing(database, agency, "Besuche im Altenheim", description="Freiwillige Helfer gesucht")
    await _listing(database, agency, "Lesepate in der Grundschule")
    async with database.read_only() as session:
        sql = SqlText(dialect_of(session))
        # "Freiwillige": its beginning in every listing of the agency, were its name read so
        condition = holds_any(sql, [TermGroup("freiwillige", (), ("freiwillig",), 1, fuzzy=False)])
        result = await sql.statement(f"SELECT o.id FROM opportunities o WHERE {condition}").run(session)
    assert sorted(result.scalars()) == [listing]
    assert await _by_word(database, "freiwilligenagentur") != []  # the whole word is there


async def test_a_name_set_by_a_writer_gives_way_to_the_organisations_on_both_databases(any_database: Database) -> None:
    organisation = await _organisation(any_database, "Caritasverband Kassel")
    listing = await _listing(any_database, organisation, "Besuche im Altenheim")
    async with any_database.unit_of_work() as session:
        await session.execute(text("UPDATE opportunities SET organisation_name = 'Fake' WHERE id = :id"),
                              {"id": listing})
    async with any_database.read_only() as session:
        name = (await session.execute(text("SELECT organisation_name FROM opportunities WHERE id = :id"),
                                      {"id": listing})).scalar_one()
    assert name == "Caritasverband Kassel"
    assert await _by_word(any_database, "fake") == []
    assert await _by_word(any_database, "caritasverband") == [listing]


async def test_the_downgrade_leaves_no_word_of_an_organisations_name_in_the_vocabulary(
    postgres_database: Database,
) -> None:
    organisation = await _organisation(postgres_database, "Caritasverband Kassel")
    await _listing(postgres_database, organisation, "Besuche im Altenheim")

    async def held(term: str) -> bool:
        async with postgres_database.read_only() as session:
            query = text("SELECT count(*) FROM search_terms WHERE term = :term")
            return bool((await session.execute(query, {"term": term})).scalar_one())

    assert await held("caritasverband") and await held("altenheim")
    await postgres_database.run_sync(lambda connection: migrate.downgrade(connection, "0018_search_remote_precision"))
    assert not await held("caritasverband")
    assert await held("altenheim")
