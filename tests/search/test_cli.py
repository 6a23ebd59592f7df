"""`ehrenamt-bot search`: one JSON object per stdin line with exactly the contract's fields, and a readable form."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.factories.search import KASSEL, Listings, near
from tests.factories.volunteers import make_listing

from bot.texts import t
from bot.cli import main
from bot.cli.search import _widened_step
from bot.domain import MAX_QUERY_CHARS, OpportunityStatus
from bot.store.db import Database

RESULT_FIELDS = {"id", "title", "organisation", "categories", "place", "lat", "lon", "distance_km", "time",
                 "contact", "score", "why"}


@pytest.fixture
async def configured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Listings:
    """Points the command at a fresh SQLite file with a few listings around Kassel."""
    path = tmp_path / "cli.sqlite3"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.chdir(tmp_path)  # no .env of the developer's
    database = Database(f"sqlite+aiosqlite:///{path}")
    await database.prepare()
    listings = Listings(database)
    await listings.add_many([
        {"title": "Gassi gehen im Tierheim Kassel", "categories": ["animals"], "time_tags": ["weekend"],
         "contact_name": "Erika Beispiel", "contact_phone": "+49 30 1234 5001", **near(KASSEL, 2, 0)},
        {"title": "Katzenhaus: Pflege und Spiel", "categories": ["animals"], **near(KASSEL, -3, 4)},
        {"title": "Vogelstation im Habichtswald", "categories": ["animals", "environment"], **near(KASSEL, 1, -8)},
        {"title": "Telefonseelsorge: Ausbildung für Ehrenamtliche", "categories": ["health_care"]},
    ])
    await database.close()
    return listings


def _run(arguments: list[str], stdin: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    assert main(arguments) == 0
    return capsys.readouterr().out


def test_json_lines_follow_the_contract(configured: Listings, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(["search", "--json", "-"], "Tierheim Kassel\n\nTelefonselsorge in Kassel\n🙂\n", monkeypatch, capsys)
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == 4
    for line in lines:
        assert set(line) == {"query", "widened", "results", "not_applied", "unknown_place"}
        for result in line["results"]:
            assert set(result) == RESULT_FIELDS
            assert set(result["contact"]) == {"name", "phone", "email", "url"}
    shelter = lines[0]
    assert shelter["query"]["categories"] == ["animals"] and shelter["query"]["place"]["name"] == "Kassel"
    assert [result["title"] for result in shelter["results"]][0] == "Gassi gehen im Tierheim Kassel"
    assert all("animals" in result["categories"] for result in shelter["results"])
    first = shelter["results"][0]
    assert first["contact"]["name"] == "Erika Beispiel" and first["contact"]["email"] == "info@example.org"
    assert first["why"].endswith("Tierheim") and first["distance_km"] is not None
    assert lines[1]["results"] == [] and lines[3]["results"] == []
    assert [result["title"] for result in lines[2]["results"]] == ["Telefonseelsorge: Ausbildung für Ehrenamtliche"]


def test_limit_offset_and_filters_from_options(configured: Listings, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    pages = []
    for offset in ("0", "2"):
        out = _run(["search", "--json", "--limit", "2", "--offset", offset, "--category", "animals", "--place",
                    "Kassel", "Ehrenamt"], "", monkeypatch, capsys)
        pages.append([result["id"] for result in json.loads(out)["results"]])
    assert len(pages[0]) == 2 and len(pages[1]) == 1 and not set(pages[0]) & set(pages[1])


def test_without_json_a_person_reads_the_results(configured: Listings, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(["search", "Tierheim in Kassel am Wochenende"], "", monkeypatch, capsys)
    assert out.splitlines()[0].startswith("Tiere · Kassel + 15 km · am Wochenende · ")  # the time asked, as the chat
    assert "1. Gassi gehen im Tierheim Kassel" in out and "Erika Beispiel" in out


def test_the_header_names_the_languages_the_person_speaks_as_the_chat_does(
        configured: Listings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    written = _run(["search", "Tierheim in Kassel, ich spreche Arabisch"], "", monkeypatch, capsys)
    assert written.splitlines()[0].startswith("Tiere · Kassel + 15 km · auf Arabisch · ")
    optioned = _run(["search", "--lang", "en", "--language", "ar", "--language", "fa", "animal shelter in Kassel"], "",
                    monkeypatch, capsys)
    assert " · in Arabic or Persian · " in optioned.splitlines()[0]


def test_the_related_listings_left_out_are_counted_and_shown_with_similar(
        configured: Listings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(["search", "Tierheim in Kassel"], "", monkeypatch, capsys)
    assert "1. Gassi gehen im Tierheim Kassel" in out and "2. " not in out
    assert "2 ähnliche Angebote nicht gezeigt (--similar zeigt sie)." in out
    related = _run(["search", "--similar", "--json", "Tierheim in Kassel"], "", monkeypatch, capsys)
    line = json.loads(related)
    assert set(line) == {"query", "widened", "results", "not_applied", "unknown_place"}
    assert sorted(result["title"] for result in line["results"]) == [
        "Katzenhaus: Pflege und Spiel", "Vogelstation im Habichtswald"]


def _run_on_bytes(arguments: list[str], stdin: bytes, monkeypatch: pytest.MonkeyPatch) -> bytes:
    """Runs the command on raw stdin bytes, with a stdout that starts out in ASCII (as a C locale would give)."""
    out = io.BytesIO()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="ascii"))
    monkeypatch.setattr("sys.stdout", io.TextIOWrapper(out, encoding="ascii", write_through=True))
    assert main(arguments) == 0
    return out.getvalue()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(st.binary(max_size=60).map(lambda raw: raw.replace(b"\n", b"")), min_size=1, max_size=5))
def test_any_bytes_give_one_valid_utf8_json_line_per_request(lines: list[bytes], configured: Listings,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    out = _run_on_bytes(["search", "--json", "-"], b"\n".join(lines) + b"\n", monkeypatch)
    written = out.decode("utf-8").split("\n")  # strict: any invalid byte fails here
    assert written[-1] == "" and len(written) - 1 == len(lines)
    for line in written[:-1]:
        assert set(json.loads(line)) >= {"query", "widened", "results"}  # the search may add what it applied


def test_a_request_longer_than_the_chat_takes_gets_an_error_object(configured: Listings,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    long = "Tierheim " * 60
    out = _run_on_bytes(["search", "--json", "-"], f"{long}\nTierheim Kassel\n".encode(), monkeypatch)
    refused, shelter = (json.loads(line) for line in out.decode("utf-8").splitlines())
    assert refused == {"error": "too_long", "message": refused["message"], "limit": MAX_QUERY_CHARS,
                       "length": len(long)}
    assert shelter["results"][0]["title"] == "Gassi gehen im Tierheim Kassel"


def test_strict_utf8_stdio_in_a_real_process_keeps_the_whole_batch(configured: Listings, tmp_path: Path) -> None:
    stdin = b"Tierheim Kassel\n\xff\xfe\xc3 Kassel\n\n" + b"\xf0\x9f\x90\xb6" * 700 + b"\nTelefonseelsorge\n"
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from bot.cli import main; sys.exit(main())", "search", "--json", "-"],
        input=stdin, capture_output=True, timeout=120, cwd=tmp_path,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},  # DATABASE_URL comes from the fixture
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    lines = [json.loads(line) for line in done.stdout.decode("utf-8").split("\n")[:-1]]
    assert len(lines) == 5
    assert lines[0]["results"][0]["title"] == "Gassi gehen im Tierheim Kassel"
    assert lines[1]["query"]["place"]["name"] == "Kassel" and lines[2]["results"] == []
    assert lines[3]["error"] == "too_long" and lines[3]["length"] == 700
    assert lines[4]["results"][0]["title"] == "Telefonseelsorge: Ausbildung für Ehrenamtliche"


def test_a_request_written_without_quotes_is_one_request(configured: Listings, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    # "search Tierheim in Kassel" stopped at "unrecognized arguments: in Kassel"; parse took it already
    words = json.loads(_run(["search", "--json", "Tierheim", "in", "Kassel"], "", monkeypatch, capsys))
    quoted = json.loads(_run(["search", "--json", "Tierheim in Kassel"], "", monkeypatch, capsys))
    assert words["query"]["text"] == "Tierheim in Kassel" and words["results"] == quoted["results"]
    assert words["query"]["place"]["name"] == "Kassel"


def test_words_after_an_option_belong_to_the_request(configured: Listings, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    mixed = json.loads(_run(["search", "Vogelstation", "--json", "--limit", "1", "im", "Habichtswald"], "",
                            monkeypatch, capsys))
    assert mixed["query"]["text"] == "Vogelstation im Habichtswald" and len(mixed["results"]) == 1
    before = json.loads(_run(["search", "--json", "--limit", "1", "Vogelstation im Habichtswald"], "",
                             monkeypatch, capsys))
    assert mixed == before


def test_a_dash_among_other_words_is_refused_in_one_line(configured: Listings,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit, match="'-' reads one request per line from stdin: give it alone"):
        main(["search", "-", "Kassel"])
    with pytest.raises(SystemExit):  # a mistyped option is still no word of the request
        main(["search", "Tierheim", "--limt", "1"])
    assert "unrecognized arguments: --limt 1" in capsys.readouterr().err


def test_a_place_the_gazetteer_lacks_is_named_and_nothing_searched(
    configured: Listings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _run(["search", "--json", "-"], "Tierheim in Kleinkleckersdorf\n", monkeypatch, capsys)
    line = json.loads(out)
    assert line["unknown_place"] == "Kleinkleckersdorf" and line["results"] == []
    assert line["query"]["unknown_places"] == ["Kleinkleckersdorf"]
    readable = _run(["search", "-"], "Tierheim in Kleinkleckersdorf\n", monkeypatch, capsys)
    assert "Den Ort „Kleinkleckersdorf“ kenne ich nicht" in readable and "Gassi" not in readable


def test_a_part_most_cities_have_named_without_a_city_asks_which_city(
    configured: Listings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    line = json.loads(_run(["search", "--json", "-"], "Ehrenamt im Bahnhofsviertel\n", monkeypatch, capsys))
    assert line["unknown_place"] == "Bahnhofsviertel" and line["results"] == []
    readable = _run(["search", "-"], "Ehrenamt in der Innenstadt\n", monkeypatch, capsys)
    assert "„Innenstadt“ gibt es in vielen Städten: bitte die Stadt dazu nennen." in readable
    # with its city it is that city's quarter, searched as such
    assert json.loads(_run(["search", "--json", "-"], "Ehrenamt im Bahnhofsviertel Frankfurt\n", monkeypatch,
                           capsys))["unknown_place"] is None


def test_a_state_named_as_the_place_asks_for_a_town_in_it(
    configured: Listings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    readable = _run(["search", "-"], "Tierheim in Sachsen\n", monkeypatch, capsys)
    assert "Sachsen ist groß: bitte einen Ort darin nennen (--place), z. B. " in readable
    assert "--place Sachsen für ganz Sachsen" in readable
    assert all(town in readable.split("z. B. ")[1].split(".")[0] for town in ("Dresden", "Leipzig", "Chemnitz"))
    plain = _run(["search", "-"], "Tierheim\n", monkeypatch, capsys)
    assert "ist groß" not in plain
    ruled_out = _run(["search", "-"], "Tierheim, aber nicht in Sachsen\n", monkeypatch, capsys)
    assert "ist groß" not in ruled_out
    apart = _run(["search", "-"], "Tierheim in Sachsen Anhalt\n", monkeypatch, capsys)
    assert "Sachsen-Anhalt ist groß" in apart and "Magdeburg" in apart


def test_a_place_option_is_read_as_the_chat_reads_it_and_never_guessed_silently(
    configured: Listings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    quarter = _run(["search", "--place", "Wehlheiden", "Tierheim"], "", monkeypatch, capsys)
    assert "Wehlheiden (Kassel) + " in quarter and "Gassi" in quarter  # Kassel's quarter, not Weiden in Bavaria
    with pytest.raises(SystemExit) as unknown:
        main(["search", "--place", "Weihlheiden", "Tierheim"])
    assert "unknown place: Weihlheiden" in str(unknown.value) and "Gassi" not in capsys.readouterr().out


def test_a_place_option_s_errors_are_said_in_the_language_asked(
    configured: Listings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as english:
        main(["search", "--lang", "en", "--place", "Weihlheiden", "Tierheim"])
    with pytest.raises(SystemExit) as german:
        main(["search", "--lang", "de", "--place", "Großhinterwaldbach", "Tierheim"])
    # a near spelling is offered: Kassel's quarter (data/places/quarter_points.toml), with its city
    assert str(english.value).startswith(t("en", "cli_search.place_not_found", name="Weihlheiden"))
    assert "Wehlheiden (Kassel)" in str(english.value)
    assert str(german.value) == t("de", "cli_search.place_not_found", name="Großhinterwaldbach")


def test_a_state_as_the_place_option_searches_all_of_that_state(
    configured: Listings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    hessen = _run(["search", "--place", "Hessen", "Tierheim"], "", monkeypatch, capsys)
    assert "ganz Hessen" in hessen.splitlines()[0] and "Gassi" in hessen and " km" not in hessen.splitlines()[0]
    saxony = _run(["search", "--place", "ganz Sachsen", "Tierheim"], "", monkeypatch, capsys)
    # Kassel is in Hessen: nothing in Sachsen fits, so the rest of Germany's are shown, said so (never empty)
    assert "In ganz Sachsen gibt es dazu nichts" in saxony and "überall" in saxony.splitlines()[0]
    assert saxony.index("In ganz Sachsen") < saxony.index("Gassi")
    english = _run(["search", "--json", "--place", "all of Saxony", "Tierheim"], "", monkeypatch, capsys)
    contract = json.loads(english)
    assert contract["query"]["whole_state"] == "Sachsen" and contract["query"]["place"] is None
    assert "outside_state" in contract["widened"] and contract["results"]



def test_a_text_asking_all_of_a_state_searches_that_state(
    configured: Listings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    contract = json.loads(_run(["search", "--json", "Tierheim in ganz Sachsen"], "", monkeypatch, capsys))
    assert contract["query"]["whole_state"] == "Sachsen" and contract["query"]["place"] is None
    bare = json.loads(_run(["search", "--json", "Tierheim in Sachsen"], "", monkeypatch, capsys))
    assert "whole_state" not in bare["query"]  # a bare state still asks which town


def test_a_radius_with_a_whole_state_is_said_not_to_apply(
    configured: Listings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["search", "--place", "Hessen", "--radius", "30", "Tierheim"]) == 0
    said = capsys.readouterr()
    assert "ganz Hessen" in said.out.splitlines()[0] and "--radius" in said.err and "ganz Hessen" in said.err
    assert main(["search", "--place", "Kassel", "--radius", "30", "Tierheim"]) == 0
    assert "--radius" not in capsys.readouterr().err


def test_a_place_option_naming_towns_far_apart_asks_and_a_blank_one_is_no_place(
    configured: Listings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as namesakes:
        main(["search", "--place", "Aken", "Tierheim"])  # the NLU reads Aachen; Aken in Saxony-Anhalt is offered
    assert "gibt es mehrmals" in str(namesakes.value) and "Aken (Sachsen-Anhalt)" in str(namesakes.value)
    assert _run(["search", "--place", "   ", "Tierheim"], "", monkeypatch, capsys) == \
        _run(["search", "--place", "", "Tierheim"], "", monkeypatch, capsys)


def test_the_notes_of_an_english_request_are_english_and_of_a_german_one_german(
    configured: Listings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    english = _run(["search", "-"], "animal shelter in Saxony\n", monkeypatch, capsys)
    assert english.splitlines()[0].startswith("Animals · everywhere · ") and " result" in english.splitlines()[0]
    assert "Saxony is large: please name a place in it (--place), e.g. " in english and "Treffer" not in english
    unknown = _run(["search", "--lang", "en", "-"], "Tierheim 99999\n", monkeypatch, capsys)
    assert "I don't know the postal code 99999: please name a place." in unknown
    german = _run(["search", "--lang", "de", "-"], "animal shelter in Kleinkleckersdorf\n", monkeypatch, capsys)
    assert "Den Ort „Kleinkleckersdorf“ kenne ich nicht" in german and german.startswith("Tiere · ")


def test_an_empty_request_without_filters_says_what_is_missing(configured: Listings,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["search", ""])
    assert "nothing to search for" in str(stopped.value) and "Treffer" not in capsys.readouterr().out


def test_one_related_listing_left_out_is_counted_in_the_singular() -> None:
    assert t("de", "cli_search.similar_left", count=1) == "1 ähnliches Angebot nicht gezeigt (--similar zeigt es)."
    assert t("en", "cli_search.similar_left", count=1) == "1 related listing not shown (--similar shows it)."
    assert t("de", "cli_search.similar_left", count=2) == "2 ähnliche Angebote nicht gezeigt (--similar zeigt sie)."


async def _point_at_sqlite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str,
                           statuses: tuple[str, ...] = ()) -> None:
    """Points the command at a new SQLite file holding one listing of each status given."""
    path = tmp_path / f"{name}.sqlite3"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.chdir(tmp_path)
    database = Database(f"sqlite+aiosqlite:///{path}")
    await database.prepare()
    async with database.unit_of_work() as session:
        for status in statuses:
            await make_listing(session, status=status)
    await database.close()


@pytest.fixture
async def empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Points the command at a fresh SQLite file without a single listing (a fresh install)."""
    await _point_at_sqlite(tmp_path, monkeypatch, "empty")


@pytest.mark.usefixtures("empty")
def test_a_search_on_an_empty_database_says_there_is_nothing_yet_and_how_to_fill_it(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The chat's words to an admin, as plain text: the header line stays, exit 0, as any search without results."""
    for request, lang in (("Tierheim in Kassel", "de"), ("asdfgh", "de"), ("animal shelter in Kassel", "en")):
        lines = _run(["search", request], "", monkeypatch, capsys).splitlines()
        assert lines[0].endswith(t(lang, "cli_search.total", count=0)), request
        assert lines[1] == t(lang, "search.no_listings_yet_admin").splitlines()[0], request
        assert "ehrenamt-bot seed --demo" in lines[-1] and "<code>" not in "".join(lines), request
        assert t(lang, "cli_search.none_found") not in lines, request
    line = json.loads(_run(["search", "--json", "Tierheim in Kassel"], "", monkeypatch, capsys))
    assert line["results"] == [] and "no_listings" not in line  # the contract's fields, unchanged


@pytest.fixture
async def lapsed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Points the command at a SQLite file whose only listings expired or were withdrawn (none published)."""
    await _point_at_sqlite(tmp_path, monkeypatch, "lapsed",
                           (OpportunityStatus.EXPIRED.value, OpportunityStatus.WITHDRAWN.value))


@pytest.mark.usefixtures("lapsed")
def test_a_database_with_none_published_is_not_called_empty(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    lines = _run(["search", "Tierheim in Kassel"], "", monkeypatch, capsys).splitlines()
    assert lines[0].endswith(t("de", "cli_search.total", count=0))
    assert lines[1] == t("de", "search.no_listings_now_admin").splitlines()[0]
    assert "ehrenamt-bot import" in "\n".join(lines) and "Datenbank ist leer" not in "\n".join(lines)
    line = json.loads(_run(["search", "--json", "Tierheim in Kassel"], "", monkeypatch, capsys))
    assert line["results"] == []  # the contract's fields, unchanged


def test_with_listings_a_search_without_results_still_says_none_found(
        configured: Listings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(["search", "Tafel", "--place", "Flensburg", "--radius", "5"], "", monkeypatch, capsys)
    assert t("de", "cli_search.none_found") in out.splitlines() and "ehrenamt-bot" not in out


@pytest.mark.parametrize(("lang", "codes", "said"), [
    ("de", ("radius:30", "time", "keywords"), "Umkreis 30 km, ohne den Zeitwunsch, ohne die Suchwörter"),
    ("en", ("radius:50", "everywhere", "nearest"), "radius 50 km, all of Germany, the nearest ones"),
    ("de", ("outside_state", "titled"), "außerhalb des Bundeslands, Titel mit den Suchwörtern zuerst"),
    ("de", ("area:0", "radius:20"), "ungefähr vom Norden der Stadt aus gesucht, Umkreis 20 km"),
    ("en", ("area:centre",), "searched approximately from the city centre"),
    ("de", ("future_step",), "future_step"),  # a step without words of its own is shown as it is
])
def test_the_plain_output_says_the_widening_in_words_while_json_keeps_the_codes(lang: str, codes: tuple[str, ...],
                                                                               said: str) -> None:
    assert ", ".join(_widened_step(code, lang) for code in codes) == said
