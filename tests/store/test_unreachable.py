"""A PostgreSQL database that is gone, or a server that is not there, is said in one line by every command."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url
from tests.conftest import POSTGRES_URL

from bot.settings import normalise_async_url
from bot.store.db import Database, DatabaseUnreachable


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _missing_database_url() -> str:
    if not POSTGRES_URL:
        pytest.skip("TEST_POSTGRES_URL is not set (PostgreSQL tests run in .ci/run)")
    return make_url(POSTGRES_URL).set(database="ehrenamt_no_such_database").render_as_string(hide_password=False)


async def test_a_database_that_does_not_exist_is_unreachable_in_the_drivers_words() -> None:
    database = Database(normalise_async_url(_missing_database_url()))
    try:
        with pytest.raises(DatabaseUnreachable, match='database "ehrenamt_no_such_database" does not exist'):
            await database.prepare(upgrade=False)
    finally:
        await database.close()


async def test_a_server_that_is_not_there_is_unreachable() -> None:
    database = Database(normalise_async_url(f"postgresql://bot@127.0.0.1:{_free_port()}/ehrenamt"))
    try:
        with pytest.raises(DatabaseUnreachable, match="nicht erreichbar / database unreachable"):
            await database.prepare(upgrade=False)
    finally:
        await database.close()


@pytest.mark.parametrize("argv", [["db", "current"], ["search", "Tierheim Kassel"], ["demo"]])
def test_commands_say_a_missing_database_in_one_line(argv: list[str], tmp_path: Path) -> None:
    env = {**os.environ, "DATABASE_URL": _missing_database_url(), "DATA_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", "import sys; from bot.cli import main; sys.exit(main())", *argv],
                          capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path, input="")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines()[-1] == ("Die Datenbank ist nicht erreichbar / database unreachable: "
                                                    'InvalidCatalogNameError: database "ehrenamt_no_such_database" '
                                                    "does not exist")
