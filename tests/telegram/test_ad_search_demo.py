"""`ehrenamt-bot demo --organisation`: the demo person acts for a verified demo organisation and tries /freiwillige."""

from __future__ import annotations

import io
from pathlib import Path

from sqlalchemy import select

from bot.cli.demo import chat
from bot.settings import Settings
from bot.store.db import Database
from bot.store.models import Organisation
from tests.factories.ads import make_ad
from tests.factories.volunteers import make_listing, make_organisation


async def _prepare(home: Path, *, source: str) -> None:
    database = Database(f"sqlite+aiosqlite:///{home / 'ehrenamt.sqlite3'}")
    async with database.unit_of_work() as session:
        organisation = await make_organisation(session, name="Sportfreunde Kassel", source=source)
        await make_listing(session, organisation=organisation, title="Lauftreff für Einsteiger")
        await make_ad(session)
    await database.close()


async def test_the_demo_member_finds_and_contacts_a_volunteer(data_home: Path) -> None:
    await _prepare(data_home, source="demo")
    out = io.StringIO()
    script = "/freiwillige jemand für Hausaufgabenhilfe in Kassel nachmittags\n#1\n#2\nMagst du mitmachen?\nende\n"
    settings = Settings(_env_file=None, data_home=data_home)
    assert await chat(settings, stdin=io.StringIO(script), stdout=out, organisation=True) == 0
    output = out.getvalue()
    assert "Du handelst für die Organisation „Sportfreunde Kassel“" in output
    assert "1 Anzeige gefunden" in output and "[#1] ✉️ Kontakt zu 1" in output
    assert "Sportfreunde Kassel möchte wegen deiner Anzeige" in output and "Gesendet" in output


async def test_the_demo_never_makes_a_real_organisation_verified(data_home: Path) -> None:
    await _prepare(data_home, source="bot")
    out = io.StringIO()
    settings = Settings(_env_file=None, data_home=data_home)
    assert await chat(settings, stdin=io.StringIO("/freiwillige Kassel\nende\n"), stdout=out, organisation=True) == 0
    assert "Du handelst" not in out.getvalue() and "verifizierter Organisationen" in out.getvalue()
    database = Database(f"sqlite+aiosqlite:///{data_home / 'ehrenamt.sqlite3'}")
    async with database.read_only() as session:
        assert not any((await session.execute(select(Organisation.verified))).scalars())
    await database.close()
