"""`ehrenamt-bot import` and `export` as a person runs them: exit codes, report lines, files."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.factories.exchange import FIXTURES, csv_text, json_text, listing_record

from bot.cli import main
from bot.cli import exchange as exchange_cli

WriteFile = Callable[[str, bytes | str], Path]


@pytest.fixture(autouse=True)
def sqlite_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Points the CLI at a fresh SQLite file in the test's folder (and away from any .env)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATA_HOME", str(tmp_path / "var"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    # Keep these tests independent of whether the NLU is installed: rows here carry their categories.
    monkeypatch.setattr(exchange_cli, "nlu_categorizer", lambda: None)


def test_import_reports_summary_and_a_second_run_only_updates(
    write_file: WriteFile, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_file("feed.csv", csv_text([listing_record(number) for number in range(1, 6)], delimiter=";"))
    assert main(["import", str(path)]) == 0
    first = capsys.readouterr().out.splitlines()
    assert main(["import", str(path)]) == 0
    second = capsys.readouterr().out.splitlines()
    assert first[-1].startswith("read 5 · valid 5 · invalid 0 · inserted 5 · updated 0 · skipped 0 · ")
    assert second[-1].startswith("read 5 · valid 5 · invalid 0 · inserted 0 · updated 5 · skipped 0 · ")


def test_invalid_rows_are_listed_and_nothing_is_imported(
    write_file: WriteFile, capsys: pytest.CaptureFixture[str]
) -> None:
    records = [listing_record(1), listing_record(2, lat="48,85", lon="2,35"), listing_record(3, remote="jein")]
    path = write_file("feed.csv", csv_text(records))
    assert main(["import", str(path)]) == 1
    out = capsys.readouterr().out
    assert "line 3, field lon: 2.35 is outside Germany (longitude must be between 5.8 and 15.1)" in out
    assert "line 4, field remote: expected yes or no" in out
    assert "nothing imported: 2 invalid rows; fix them, or use --skip-invalid to import the valid ones (1)" in out
    assert main(["export", "--status", "all"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_one_invalid_row_is_named_in_the_singular(write_file: WriteFile, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_file("feed.csv", csv_text([listing_record(1), listing_record(2, remote="jein")]))
    assert main(["import", str(path)]) == 1
    assert "nothing imported: 1 invalid row; fix it, or use --skip-invalid to import the valid ones (1)" in (
        capsys.readouterr().out)


def test_skip_invalid_imports_the_rest_and_still_lists_the_bad(
    write_file: WriteFile, capsys: pytest.CaptureFixture[str]
) -> None:
    records = [listing_record(1), listing_record(2, contact_email="keine"), listing_record(3)]
    path = write_file("feed.json", json_text(records))
    assert main(["import", str(path), "--skip-invalid"]) == 1
    out = capsys.readouterr().out
    assert "record 2, field contact_email: not an email address: 'keine'" in out
    assert "inserted 2 · updated 0 · skipped 1" in out
    assert main(["export"]) == 0
    assert [record["external_id"] for record in json.loads(capsys.readouterr().out)] == ["L-1", "L-3"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bild.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "this is a PNG image, not a CSV or JSON file"),
        ("leer.csv", b"", "the file is empty"),
        ("objekt.json", b'{"title": "Lesepate", "place_name": "Kassel"}', "the JSON is one object, not an array of "
         "listings"),
        # an object holding the list is read as that list; an empty one is said as such
        ("objekt.json", b'{"listings": []}', "the file holds no listings (an empty list): nothing to import"),
        # an export of an empty store: its headings (or []) and nothing else, said plainly, not as "read 0"
        ("export.csv", b"title,organisation_name,place_name\r\n\r\n", "the file holds no listings (only its heading "
         "row): nothing to import"),
        ("export.csv", b"\xef\xbb\xbftitle;organisation_name;place_name\r\n", "the file holds no listings (only its "
         "heading row)"),
        ("export.json", b"[]\n", "the file holds no listings (an empty list): nothing to import"),
    ],
)
def test_unreadable_files_exit_2_with_one_line(
    write_file: WriteFile, capsys: pytest.CaptureFixture[str], name: str, content: bytes, message: str
) -> None:
    path = write_file(name, content)
    assert main(["import", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith(f"{path}: {message}")
    assert captured.err.count("\n") == 1 and "Traceback" not in captured.err
    assert captured.out == ""


def test_dry_run_writes_nothing(write_file: WriteFile, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(FIXTURES / "freinet_export.csv"), "--dry-run", "--source", "freinet"]) == 0
    out = capsys.readouterr().out
    assert "note: read as Windows-1252 (the file is not UTF-8)" in out
    assert "note: no status in 5 rows; imported as published" in out
    assert "dry run: nothing was written" in out
    assert "inserted 5" in out
    assert main(["export", "--status", "all"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_export_to_a_file_imports_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(FIXTURES / "freinet_export.csv"), "--source", "freinet"]) == 0
    exported = tmp_path / "export.csv"
    assert main(["export", "--format", "csv", "-o", str(exported)]) == 0
    assert "5 listings written to" in capsys.readouterr().err
    assert main(["import", str(exported)]) == 0
    assert "inserted 0 · updated 5" in capsys.readouterr().out
    assert main(["export"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert {record["source"] for record in records} == {"freinet"}
    assert records[0]["contact_email"] == "lesen@example.org"


def test_uncategorised_rows_are_counted_in_the_report(
    write_file: WriteFile, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_file("feed.csv", csv_text([listing_record(1, categories=None), listing_record(2)]))
    assert main(["import", str(path)]) == 0
    assert ("note: no categories in 1 row (the NLU is not available); a search by category does not find "
            "them until they get some") in capsys.readouterr().out


def test_the_nlu_categorizer_wraps_nlu_categorize_and_survives_its_failures(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import nlu

    class Tags:
        categories = ["animals", "environment"]

    def categorize(title: str, description: str = "") -> Tags:
        if "kaputt" in title:
            raise ValueError("cannot read this")
        return Tags()

    monkeypatch.setattr(nlu, "categorize", categorize)
    categorizer = exchange_cli.NluCategorizer()
    assert categorizer("Gassigehen", "im Tierheim") == ["animals", "environment"]
    assert categorizer("kaputt", "") == [] and categorizer("kaputt 2", "") == []
    assert (categorizer.failures, categorizer.first_error) == (2, "ValueError: cannot read this")
    assert len([record for record in caplog.records if "NLU failed" in record.getMessage()]) == 1


@pytest.mark.slow
def test_the_real_nlu_categorizes_a_listing_without_categories() -> None:
    categorizer = exchange_cli.NluCategorizer()
    keys = categorizer("Gassigeher*innen für das Tierheim", "Mit unseren Hunden spazieren gehen.")
    assert categorizer.failures == 0, categorizer.first_error
    assert "animals" in keys


def test_the_report_says_when_a_postal_codes_leading_zero_was_put_back(
    write_file: WriteFile, capsys: pytest.CaptureFixture[str]
) -> None:
    saxon = [listing_record(1, postal_code="1067", place_name="Dresden", lat=None, lon=None),
             listing_record(2, postal_code="4109", place_name="Leipzig", lat=None, lon=None), listing_record(3)]
    path = write_file("feed.csv", csv_text(saxon))
    assert main(["import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "note: four-digit postal codes in 2 rows; the leading zero a spreadsheet drops was put back" in out
    assert main(["export"]) == 0
    exported = {record["place_name"]: record["postal_code"] for record in json.loads(capsys.readouterr().out)}
    assert exported["Dresden"] == "01067" and exported["Leipzig"] == "04109"


def test_a_cut_description_is_noted_in_the_report(write_file: WriteFile, capsys: pytest.CaptureFixture[str]) -> None:
    records = [listing_record(1, description="Gartenarbeit im Hof. " * 2_000), listing_record(2)]
    assert main(["import", str(write_file("feed.csv", csv_text(records)))]) == 0
    out = capsys.readouterr().out
    assert "note: descriptions longer than 20,000 characters in 1 row; each was cut there" in out
    assert main(["import", str(write_file("short.csv", csv_text([listing_record(3)])))]) == 0
    assert "descriptions longer" not in capsys.readouterr().out
