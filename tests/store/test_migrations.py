"""The same migrations build the schema on SQLite and PostgreSQL, from empty, and can be undone."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import delete, inspect, select, text
from sqlalchemy.exc import IntegrityError
from tests.factories.ads import make_ad, make_volunteer

from bot.store import migrate
from bot.store.db import Database
from bot.store.models import Base, ChatSearch, ChatState, Opportunity, Organisation, Volunteer, VolunteerAd
from bot.store.migrate import SchemaOutOfDate
from bot.search.sources import POOL_COLUMNS, ROW_COLUMNS


async def _tables(database: Database) -> set[str]:
    async with database.engine.connect() as connection:
        return set(await connection.run_sync(lambda sync: inspect(sync).get_table_names()))


async def test_migrations_create_every_model_table(any_database: Database) -> None:
    tables = await _tables(any_database)
    assert set(Base.metadata.tables) <= tables
    current, head = await any_database.run_sync(migrate.revisions)
    assert current == head


async def test_the_models_and_the_migrations_describe_the_same_schema(any_database: Database) -> None:
    async with any_database.engine.connect() as connection:
        assert await connection.run_sync(migrate.differences) == []


async def test_downgrade_to_base_and_upgrade_again(any_database: Database) -> None:
    await any_database.run_sync(lambda connection: migrate.downgrade(connection, "base"))
    assert not set(Base.metadata.tables) & await _tables(any_database)
    with pytest.raises(SchemaOutOfDate, match="ehrenamt-bot db upgrade"):
        await any_database.prepare(upgrade=False)
    await any_database.prepare(upgrade=True)
    assert set(Base.metadata.tables) <= await _tables(any_database)


async def test_empty_sqlite_file_is_created_and_migrated_on_first_use(tmp_path) -> None:  # type: ignore[no-untyped-def]
    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'new' / 'bot.sqlite3'}")
    await database.prepare()
    assert (tmp_path / "new" / "bot.sqlite3").exists()
    assert "opportunities" in await _tables(database)
    await database.close()


async def test_datetimes_come_back_aware_in_utc(any_database: Database) -> None:
    berlin = timezone(timedelta(hours=1))
    async with any_database.unit_of_work() as session:
        organisation = Organisation(name="Tafel Kassel e.V.")
        session.add(organisation)
        await session.flush()
        session.add(Opportunity(organisation_id=organisation.id, title="Lebensmittel sortieren",
                                expires_at=datetime(2027, 1, 1, 12, tzinfo=berlin)))
    async with any_database.read_only() as session:
        expires = (await session.execute(select(Opportunity.expires_at))).scalar_one()
    assert expires == datetime(2027, 1, 1, 11, tzinfo=timezone.utc)
    assert expires.tzinfo is not None


async def test_unit_of_work_rolls_back_on_error(database: Database) -> None:
    with pytest.raises(RuntimeError):
        async with database.unit_of_work() as session:
            session.add(Organisation(name="Nie gespeichert"))
            await session.flush()
            raise RuntimeError("boom")
    async with database.read_only() as session:
        assert (await session.execute(select(Organisation))).first() is None


async def _geo_index_columns(database: Database) -> str:
    """Returns what the listings' geo index holds, as the database describes it."""
    async with database.read_only() as session:
        if database.is_sqlite:
            rows = await session.execute(text("SELECT name FROM pragma_index_info('ix_opportunities_search_geo')"))
            return ", ".join(str(name) for name in rows.scalars())
        rows = await session.execute(text(
            "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() "
            "AND indexname = 'ix_opportunities_search_geo'"))
        return str(rows.scalar_one())


async def test_the_geo_index_covers_place_precision_and_gives_it_back_on_downgrade(any_database: Database) -> None:
    assert "place_precision" in await _geo_index_columns(any_database)
    await any_database.run_sync(lambda connection: migrate.downgrade(connection, "0014_chat_menus"))
    before = await _geo_index_columns(any_database)
    assert "place_precision" not in before and "published_at" in before
    await any_database.prepare(upgrade=True)
    assert "place_precision" in await _geo_index_columns(any_database)


async def test_the_conversations_language_is_filled_from_the_newest_search_in_the_persons_own_chat(
    any_database: Database,
) -> None:
    searched = datetime(2026, 12, 6, 8, 0, tzinfo=timezone.utc)
    async with any_database.unit_of_work() as session:
        talking, silent = Volunteer(telegram_id=71, language="de"), Volunteer(telegram_id=72, language="de")
        session.add_all([talking, silent])
        await session.flush()
        session.add_all([
            ChatSearch(volunteer_id=talking.id, query_text="animal shelter", lang="de", created_at=searched),
            ChatSearch(volunteer_id=talking.id, query_text="animal shelter", lang="en", created_at=searched),
            ChatSearch(volunteer_id=talking.id, query_text="Tierheim", lang="de", private=False,
                       created_at=searched + timedelta(minutes=5)),  # in a group: not their conversation
        ])
    await any_database.run_sync(lambda connection: migrate.downgrade(connection, "0016_chat_search_context"))
    await any_database.prepare(upgrade=True)
    async with any_database.read_only() as session:
        rows = (await session.execute(select(Volunteer.telegram_id, Volunteer.conversation_lang,
                                             Volunteer.conversation_at).order_by(Volunteer.telegram_id))).all()
    assert [tuple(row) for row in rows] == [(71, "en", searched), (72, None, None)]


async def _reads_remote_rows_from_the_index_alone(database: Database) -> bool:
    """Tells whether the online rows a search ranks (bot.search.sources.ROW_COLUMNS) come from the remote index
    alone, as the database plans that read."""
    rows = f"SELECT {ROW_COLUMNS} FROM opportunities o"
    async with database.read_only() as session:
        if database.is_sqlite:
            plan = await session.execute(text(
                f"EXPLAIN QUERY PLAN {rows} INDEXED BY ix_opportunities_search_remote "
                "WHERE o.status = 'published' AND o.remote = 1"))
            return any("COVERING INDEX ix_opportunities_search_remote" in str(row[-1]) for row in plan)
        await session.execute(text("SET LOCAL enable_seqscan = off"))
        await session.execute(text("SET LOCAL enable_bitmapscan = off"))
        plan = await session.execute(text(f"EXPLAIN {rows} WHERE o.status = 'published' AND o.remote"))
        return any("Index Only Scan using ix_opportunities_search_remote" in str(line) for line in plan.scalars())


async def test_the_online_rows_beside_the_nearest_ones_are_read_from_the_remote_index_alone(
    any_database: Database,
) -> None:
    assert await _reads_remote_rows_from_the_index_alone(any_database)
    await any_database.run_sync(lambda connection: migrate.downgrade(connection, "0017_volunteer_conversation"))
    assert not await _reads_remote_rows_from_the_index_alone(any_database)
    await any_database.prepare(upgrade=True)
    assert await _reads_remote_rows_from_the_index_alone(any_database)


async def _reads_a_state_s_newest_from_its_index(database: Database) -> bool:
    """Tells whether a whole state's pool (bot.search.sources: its newest matches) is read from the per-state index
    alone, in id order (no sort), as the database plans that read."""
    pool = (f"SELECT {POOL_COLUMNS} FROM opportunities o{{hint}} WHERE o.status = 'published' "
            "AND o.state = 'Sachsen' AND (o.category_mask & 16) <> 0 ORDER BY o.id DESC LIMIT 2000")
    async with database.read_only() as session:
        if database.is_sqlite:
            plan = [str(row[-1]) for row in await session.execute(text(
                "EXPLAIN QUERY PLAN " + pool.format(hint=" INDEXED BY ix_opportunities_search_state")))]
            return any("COVERING INDEX ix_opportunities_search_state" in row for row in plan) and not any(
                "TEMP B-TREE" in row for row in plan)
        await session.execute(text("SET LOCAL enable_seqscan = off"))
        await session.execute(text("SET LOCAL enable_bitmapscan = off"))
        lines = [str(line) for line in (await session.execute(text("EXPLAIN " + pool.format(hint="")))).scalars()]
        return any("Index Only Scan using ix_opportunities_search_state" in line for line in lines) and not any(
            "Sort" in line for line in lines)


async def test_a_whole_state_is_read_from_its_own_index_newest_first(any_database: Database) -> None:
    assert await _reads_a_state_s_newest_from_its_index(any_database)
    await any_database.run_sync(lambda connection: migrate.downgrade(connection, "0019_search_organisation_name"))
    assert await any_database.run_sync(lambda connection: "whole_state" not in {
        column["name"] for column in inspect(connection).get_columns("saved_searches")})
    await any_database.prepare(upgrade=True)
    assert await _reads_a_state_s_newest_from_its_index(any_database)


async def test_listings_stored_before_take_the_gazetteer_s_state(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        organisation = Organisation(name="Tafel Leipzig e.V.")
        session.add(organisation)
        await session.flush()
        session.add_all([  # written past the writers' funnel, as an old import left them
            Opportunity(organisation_id=organisation.id, title="Ausgabe", lat=51.3397, lon=12.3731, state="SN"),
            Opportunity(organisation_id=organisation.id, title="Sortieren", postal_code="34117", state=None),
            Opportunity(organisation_id=organisation.id, title="Online", remote=True, state=None),
            # abroad, inside Germany's box, far from any German place: Prague is no Sachsen, Zürich no Baden-Württemberg
            Opportunity(organisation_id=organisation.id, title="Praha", lat=50.0755, lon=14.4378, state=None),
            Opportunity(organisation_id=organisation.id, title="Zürich", lat=47.3769, lon=8.5417, state="Zürich"),
        ])
    await any_database.run_sync(lambda connection: migrate.downgrade(connection, "0019_search_organisation_name"))
    await any_database.prepare(upgrade=True)
    async with any_database.read_only() as session:
        states = {title: state for title, state in await session.execute(select(Opportunity.title, Opportunity.state))}
    assert states == {"Ausgabe": "Sachsen", "Sortieren": "Hessen", "Online": None, "Praha": None,
                      "Zürich": "Zürich"}


async def _left_ads(database: Database) -> list[tuple[int, int | None]]:
    async with database.read_only() as session:
        rows = await session.execute(select(ChatState.volunteer_id, ChatState.left_ad_id)
                                     .order_by(ChatState.volunteer_id))
        return [(row.volunteer_id, row.left_ad_id) for row in rows]


async def test_a_deleted_ad_leaves_no_id_behind_in_the_chat_state_but_the_open_question_stays(
    any_database: Database,
) -> None:
    async with any_database.unit_of_work() as session:
        ad = await make_ad(session)
        session.add(ChatState(volunteer_id=ad.volunteer_id, awaiting="place", left_ad_id=ad.id))
        ad_id, person = ad.id, ad.volunteer_id
    async with any_database.unit_of_work() as session:
        await session.execute(delete(VolunteerAd).where(VolunteerAd.id == ad_id))
    assert await _left_ads(any_database) == [(person, None)]
    async with any_database.read_only() as session:
        assert (await session.get(ChatState, person)) is not None  # "Wo soll ich suchen?" still waits
    with pytest.raises(IntegrityError):  # an ad that does not exist cannot be left
        async with any_database.unit_of_work() as session:
            session.add(ChatState(volunteer_id=(await make_volunteer(session)).id, left_ad_id=ad_id + 1000))


async def test_ids_of_ads_deleted_before_the_key_existed_are_cleared_by_its_migration(any_database: Database) -> None:
    async with any_database.unit_of_work() as session:
        kept, gone = await make_ad(session), await make_volunteer(session)
        session.add(ChatState(volunteer_id=kept.volunteer_id, left_ad_id=kept.id))
        kept_id, kept_person = kept.id, kept.volunteer_id
    await any_database.run_sync(lambda connection: migrate.downgrade(connection, "0022_chat_left_ad"))
    async with any_database.unit_of_work() as session:  # a bare integer again: any id goes in
        await session.execute(text("INSERT INTO chat_states (volunteer_id, left_ad_id, updated_at) "
                                   "VALUES (:person, :ad, CURRENT_TIMESTAMP)"),
                              {"person": gone.id, "ad": kept_id + 1000})
    await any_database.prepare(upgrade=True)
    assert sorted(await _left_ads(any_database)) == sorted([(kept_person, kept_id), (gone.id, None)])
    async with any_database.engine.connect() as connection:
        assert await connection.run_sync(migrate.differences) == []


async def test_people_who_wrote_in_their_own_chat_are_known_to_have_begun_it_and_group_only_ones_are_not(
    any_database: Database,
) -> None:
    spoke = datetime(2026, 12, 6, 8, 0, tzinfo=timezone.utc)
    async with any_database.unit_of_work() as session:
        talking = Volunteer(telegram_id=81, language="de", conversation_lang="de", conversation_at=spoke)
        searched, grouped = Volunteer(telegram_id=82, language="de"), Volunteer(telegram_id=83, language="de")
        session.add_all([talking, searched, grouped])
        await session.flush()
        session.add_all([ChatSearch(volunteer_id=searched.id, query_text="Tierheim", lang="de"),
                         ChatSearch(volunteer_id=grouped.id, query_text="Tierheim", lang="de", private=False)])
        searched_created = searched.created_at
    await any_database.run_sync(lambda connection: migrate.downgrade(connection, "0023_chat_left_ad_key"))
    await any_database.prepare(upgrade=True)
    async with any_database.read_only() as session:
        rows = (await session.execute(select(Volunteer.telegram_id, Volunteer.private_since)
                                      .order_by(Volunteer.telegram_id))).all()
    # the group-only person is welcomed at their first private contact (bot.telegram.start)
    assert [tuple(row) for row in rows] == [(81, spoke), (82, searched_created), (83, None)]


async def test_people_who_used_only_buttons_and_links_in_their_own_chat_are_known_to_have_begun_it(
    any_database: Database,
) -> None:
    # before 0024 a person could open listings from links, keep them, choose settings or save their place without
    # a search or a conversation: their next link must not greet them a second time (bot.telegram.start)
    now = datetime(2026, 12, 6, 8, 0, tzinfo=timezone.utc)
    async with any_database.unit_of_work() as session:
        placed = Volunteer(telegram_id=91, language="de", home_place_name="Kassel", home_lat=51.3, home_lon=9.5,
                           home_consent_at=now)
        linked = Volunteer(telegram_id=92, language="de")  # opened a listing only: no trace but the record
        grouped_placed = Volunteer(telegram_id=93, language="de", home_consent_at=now)
        grouped = Volunteer(telegram_id=94, language="de")
        session.add_all([placed, linked, grouped_placed, grouped])
        await session.flush()
        session.add_all([ChatSearch(volunteer_id=person.id, query_text="Tierheim", lang="de", private=False)
                         for person in (grouped_placed, grouped)])
        created = {91: placed.created_at, 92: linked.created_at, 93: grouped_placed.created_at}
    await any_database.run_sync(lambda connection: migrate.downgrade(connection, "0023_chat_left_ad_key"))
    await any_database.prepare(upgrade=True)
    async with any_database.read_only() as session:
        rows = dict((await session.execute(select(Volunteer.telegram_id, Volunteer.private_since))).all())
    assert rows == {**created, 94: None}  # searched in a group and nothing of their own chat: welcomed there first
