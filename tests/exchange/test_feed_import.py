"""Agency feeds imported as they are (freinet CSV and XML, agencies' JSON), as an agency operator runs it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

import bot.cli.common  # noqa: F401  (its Progress binds sys.stderr when imported: before capsys swaps it)
from bot.cli import main
from bot.exchange.feeds.detect import detect_feed

FEEDS = Path(__file__).parent / "fixtures" / "feeds"
HAMBURG = FEEDS / "freinet_hamburg.csv"


@pytest.fixture(autouse=True)
def operator_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh SQLite file and an empty sources folder in the test's folder."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATA_HOME", str(tmp_path / "var"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    sources = tmp_path / "sources"
    sources.mkdir()
    monkeypatch.setenv("EXCHANGE_SOURCES_DIR", str(sources))
    return sources


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    code = main(list(args))
    return code, capsys.readouterr().out.splitlines()


def exported(capsys: pytest.CaptureFixture[str], status: str = "published") -> dict[str, dict[str, Any]]:
    assert main(["export", "--status", status]) == 0
    return {record["external_id"]: record for record in json.loads(capsys.readouterr().out)}


def without_lines(hamburg: bytes, *ids: str) -> bytes:
    """Drops the rows of some offer ids from the CSV (each row ends with its id and CRLF)."""
    text = hamburg.decode("utf-8-sig")
    records = text.split("\r\n")
    kept = [record for record in records if not any(record.endswith(f";{offer}") for offer in ids)]
    return b"\xef\xbb\xbf" + "\r\n".join(kept).encode()


@pytest.mark.parametrize(("name", "expected"), [
    ("freinet_hamburg.csv", "freinet-csv"), ("freinet_offers.xml", "freinet-xml"),
    ("agency_offers.json", "agency-json"),
])
def test_the_format_is_told_from_the_headings_or_fields(name: str, expected: str) -> None:
    assert detect_feed((FEEDS / name).read_bytes()) == expected


def test_our_own_exchange_files_are_no_feeds() -> None:
    assert detect_feed(b"title;organisation_name;place_name\r\nA;B;Kassel\r\n") is None
    assert detect_feed(b'[{"title": "A", "organisation_name": "B", "place_name": "Kassel"}]') is None
    assert detect_feed(b"title;organisation_name\r\n", "freinet-csv") == "freinet-csv"  # forced


def test_a_freinet_csv_imports_as_it_is(capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = run(capsys, "import", str(HAMBURG))
    assert code == 0
    assert lines[0] == "format: freinet CSV export (utf-8-sig), 15 offers, source freinet-815"
    assert lines[1].startswith("columns: agenturid -> agency_id, agenturname -> agency_name, einrichtungsname ->")
    assert "not needed: wertigkeit, avatar, anzahl_gesuche" in lines[2]
    report = "\n".join(lines)
    assert "refused 2 offers" in report
    assert "1 × no place (no coordinates, plz, ortsteil or ort) and not online (line 16)" in report
    assert "1 × no title (angebotsname) (line 17)" in report
    assert "5 × coordinates ignored: a placeholder point many organisations of this feed share" in report
    assert "2 × coordinates 0/0 or unreadable" in report
    assert "1 × title longer than 200 characters: shortened" in report
    assert lines[-2] == "new 13 · changed 0 (returned 0) · unchanged 0 · withdrawn 0 · refused 2"
    assert lines[-1].startswith("read 15 · valid 13 · invalid 2 · inserted 13 · updated 0 · skipped 2 · unchanged 0")
    records = exported(capsys)
    assert len(records) == 13
    assert records["90001"]["lat"] == pytest.approx(53.55312) and records["90001"]["place_name"] == "Hamburg-Altona"
    assert len(records["90011"]["title"]) <= 200 and records["90011"]["title"].endswith("…")
    assert records["90014"]["remote"] is True


def test_places_are_as_precise_as_the_feed_allows(capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = run(capsys, "import", str(HAMBURG))
    assert code == 0
    places = next(line for line in lines if line.startswith("places: "))
    assert places == ("places: own coordinates 2 · postal code 1 · quarter (approximate) 7 · "
                      "town (approximate) 2 · online only 1")
    records = exported(capsys)
    altona_ish = records["90004"]  # the placeholder point: placed by its ortsteil Ottensen instead
    assert altona_ish["place_name"] == "Hamburg-Ottensen" and altona_ish["lat"] != pytest.approx(53.55073)
    assert records["90002"]["place_name"] == "Hamburg-Eimsbüttel"  # 0/0: the quarter
    assert records["90007"]["place_name"] == "Hamburg-Neustadt"  # Hamburg's Neustadt, not one of a dozen towns
    assert abs(records["90007"]["lat"] - 53.55) < 0.05 and abs(records["90007"]["lon"] - 9.99) < 0.05
    assert records["90012"]["postal_code"] == "20359"
    assert records["90015"]["place_name"] == "Hamburg-Am Wasserturm"  # unknown quarter: the town, approximate


def test_time_tags_and_categories_come_from_the_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(HAMBURG)]) == 0
    assert "NLU: categories for" in capsys.readouterr().out
    records = exported(capsys)
    assert "weekend" in records["90003"]["time_tags"] and "animals" in records["90003"]["categories"]
    assert "evening" in records["90002"]["time_tags"]
    assert "children_youth" in records["90006"]["categories"]


def test_a_second_import_changes_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(HAMBURG)]) == 0
    capsys.readouterr()
    code, lines = run(capsys, "import", str(HAMBURG))
    assert code == 0
    assert lines[-2] == "new 0 · changed 0 (returned 0) · unchanged 13 · withdrawn 0 · refused 2"
    assert "inserted 0 · updated 0" in lines[-1]


def test_a_snapshot_without_some_rows_withdraws_them_and_they_come_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(HAMBURG)]) == 0
    smaller = tmp_path / "smaller.csv"
    smaller.write_bytes(without_lines(HAMBURG.read_bytes(), "90001", "90002"))
    capsys.readouterr()
    _code, lines = run(capsys, "import", str(smaller), "--dry-run")
    assert lines[-2] == "new 0 · changed 0 (returned 0) · unchanged 11 · withdrawn 2 · refused 2"
    code, lines = run(capsys, "import", str(smaller))
    assert code == 0 and "withdrawn 2" in lines[-2]
    assert set(exported(capsys)) == {f"900{n:02d}" for n in range(3, 16)} - {"90009", "90010"}
    withdrawn = exported(capsys, "withdrawn")
    assert set(withdrawn) == {"90001", "90002"}
    code, lines = run(capsys, "import", str(HAMBURG))
    assert lines[-2] == "new 0 · changed 2 (returned 2) · unchanged 11 · withdrawn 0 · refused 2"
    assert len(exported(capsys)) == 13


def test_a_changed_offer_updates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(HAMBURG)]) == 0
    changed = tmp_path / "changed.csv"
    changed.write_bytes(HAMBURG.read_bytes().replace("Sprachcafé für Geflüchtete".encode(),
                                                     "Sprachcafé für neu Zugewanderte".encode()))
    capsys.readouterr()
    _code, lines = run(capsys, "import", str(changed))
    assert lines[-2] == "new 0 · changed 1 (returned 0) · unchanged 12 · withdrawn 0 · refused 2"
    assert exported(capsys)["90002"]["title"] == "Sprachcafé für neu Zugewanderte"


def test_another_source_that_would_duplicate_stops_unless_forced(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(HAMBURG)]) == 0
    capsys.readouterr()
    code, lines = run(capsys, "import", str(HAMBURG), "--source", "hamburg")
    assert code == 1
    assert any(line.startswith("stopped, nothing written: 13 listings are already stored under another source: "
                               "freinet-815 (13)") for line in lines)
    assert len(exported(capsys)) == 13
    code, lines = run(capsys, "import", str(HAMBURG), "--source", "hamburg", "--force")
    assert code == 0
    assert main(["export"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 26


def test_a_cut_off_snapshot_stops_unless_forced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(HAMBURG)]) == 0
    cut = tmp_path / "cut.csv"
    cut.write_bytes(without_lines(HAMBURG.read_bytes(), *(f"900{n:02d}" for n in range(1, 12))))
    capsys.readouterr()
    code, lines = run(capsys, "import", str(cut))
    assert code == 1 and "a cut-off export?" in lines[-3]
    assert len(exported(capsys)) == 13


def test_contacts_fall_back_to_the_agency_file(operator_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _code, lines = run(capsys, "import", str(HAMBURG))
    assert any(line.startswith("warning: 13 listings have no phone, email or web address") for line in lines)
    (operator_folder / "freinet-815.toml").write_text(
        'agency = "Freiwilligenagentur Elbufer"\nphone = "+49 30 1234 5815"\nemail = "info@example.org"\n'
        'url = "https://example.org/elbufer"\n', encoding="utf-8")
    _code, lines = run(capsys, "import", str(HAMBURG))
    assert any(
        line.startswith("contacts: 13 listings without a contact of their own show the agency's") for line in lines
    )
    assert lines[-2].startswith("new 0 · changed 13")  # the contact changed
    record = exported(capsys)["90001"]
    assert (record["contact_name"], record["contact_phone"], record["contact_url"]) == (
        "Freiwilligenagentur Elbufer", "+49 30 1234 5815", "https://example.org/elbufer")


def test_freinet_xml_keeps_messy_phones_and_maps_agency_labels(capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = run(capsys, "import", str(FEEDS / "freinet_offers.xml"))
    assert code == 0
    assert lines[0].startswith("format: freinet XML (agency API offer list)")
    report = "\n".join(lines)
    assert "1 × phone number kept as written (not a plain number) (angebot 1)" in report
    assert "1 × no place (no coordinates, plz, ortsteil or ort) and not online (angebot 4)" in report
    assert "kept as hints (map them in data/exchange/freinet_labels.toml): 'Lokale Agenda 21' (2)" in report
    records = exported(capsys)
    tafel = records["7001"]
    assert tafel["contact_phone"] == "0201/8691327 oder 869130"
    assert tafel["contact_name"] == "Petra Probe (Koordination)" and tafel["contact_email"] == "fahrdienst@example.org"
    assert tafel["categories"][0] == "poverty_homelessness" and tafel["postal_code"] == "45127"
    assert tafel["address"] == "Kettwiger Straße 12" and "weekend" in tafel["time_tags"]
    assert "Zeitlicher Rahmen: samstags 9-12 Uhr; zweimal im Monat, samstags" in tafel["description"]
    assert records["7002"]["categories"] == ["children_youth"]
    assert records["7003"]["categories"] == ["disability_inclusion"]


def test_a_report_of_one_says_one(
    tmp_path: Path, operator_folder: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    heading, rest = HAMBURG.read_bytes().decode("utf-8-sig").split("\r\n", 1)
    festival = next(row for row in rest.split("\r\n") if row.endswith(";90004"))
    untitled = festival.replace("Kassenteam beim Stadtteilfest", "").replace(";90004", ";90099")
    one = tmp_path / "one.csv"
    one.write_text("\r\n".join([heading, festival, untitled]) + "\r\n", encoding="utf-8")
    _code, lines = run(capsys, "import", str(one))
    assert lines[0] == "format: freinet CSV export (utf-8), 2 offers, source freinet-815"
    assert "refused 1 offer (each needs a title and a place, or must be online):" in lines
    assert any(line.startswith("warning: 1 listing has no phone, email or web address, neither") for line in lines)
    assert any(line.startswith("NLU: categories for 1 listing, time tags for") for line in lines)
    (operator_folder / "freinet-815.toml").write_text('agency = "Elbufer"\nphone = "+49 30 1234 5815"\n')
    _code, lines = run(capsys, "import", str(one))
    assert any(line.startswith("contacts: 1 listing without a contact of its own shows the agency's") for line in lines)


def test_agency_json_with_its_own_labels_and_a_dresden_quarter(capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = run(capsys, "import", str(FEEDS / "agency_offers.json"))
    assert code == 0 and lines[0].startswith("format: agency JSON export")
    assert "'Café-Betrieb' (1)" in "\n".join(lines)
    records = exported(capsys)
    family = records["elbtal-1"]
    assert family["categories"] == ["children_youth"] and family["postal_code"] == "01099"
    assert (family["contact_name"], family["contact_email"]) == ("Jana Beispiel", "jana@example.org")
    cafe = records["elbtal-2"]
    assert cafe["place_name"] == "Dresden-Neustadt"
    assert abs(cafe["lat"] - 51.0686) < 0.01 and abs(cafe["lon"] - 13.7559) < 0.01  # Dresden's, not elsewhere
    assert records["elbtal-3"]["remote"] is True and records["elbtal-3"]["place_name"] is None


def test_a_cut_off_agency_json_names_where_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cut = tmp_path / "offers.json"
    cut.write_bytes((FEEDS / "agency_offers.json").read_bytes()[:700])
    assert main(["import", str(cut)]) == 2
    error = capsys.readouterr().err
    assert "this is not valid JSON: Unterminated string starting at line" in error and "at at" not in error


def test_an_xml_export_in_windows_1252_under_a_utf_8_declaration_is_read_in_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    written = (FEEDS / "freinet_offers.xml").read_text(encoding="utf-8")  # declares encoding="UTF-8"
    mislabelled = tmp_path / "export.xml"
    mislabelled.write_bytes(written.encode("cp1252"))
    code, lines = run(capsys, "import", str(mislabelled))
    assert code == 0 and lines[0].startswith("format: freinet XML (agency API offer list) (cp1252)"), lines[:2]
    assert exported(capsys)["7001"]["address"] == "Kettwiger Straße 12"


@pytest.mark.parametrize(("content", "reason"), [
    (b"<!DOCTYPE html>\n<html><head><title>Login</title><meta charset=utf-8></head><body><p>Anmelden<br></body>"
     b"</html>", "this is a web page (HTML), not an offer feed: a login or error page instead of the export?"),
    (b"<html lang=de><body>502 Bad Gateway</body></html>", "this is a web page (HTML), not an offer feed"),
    (b'<?xml version="1.0"?><rss><channel><item><title>Fest</title></item></channel></rss>',
     "this XML holds no offers: its root is <rss>, a freinet offer list is <angebotsliste> of <angebot> elements"),
])
def test_a_web_page_or_other_xml_is_named_as_such(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, reason: str,
) -> None:
    path = tmp_path / "export.xml"
    path.write_bytes(content)
    assert main(["import", str(path), "--source", "freinet-1"]) == 2
    assert f"{path}: {reason}" in capsys.readouterr().err


def test_a_feed_without_agency_needs_a_source(write_file_json: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(write_file_json)]) == 2
    assert "this feed names no agency (agenturid): give its source with --source NAME" in capsys.readouterr().err
    assert main(["import", str(write_file_json), "--source", "lernbruecke"]) == 0


def test_a_feed_of_only_its_heading_row_says_it_holds_no_offers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "export.csv"
    path.write_text("agenturid;angebotsname;einrichtungsname;plz;ort;_angebotsId\n", encoding="utf-8")
    assert main(["import", str(path)]) == 2
    error = capsys.readouterr().err
    assert f"{path}: this export holds no offers (only its heading row): nothing to import" in error
    assert "names no agency" not in error


@pytest.fixture
def write_file_json(tmp_path: Path) -> Path:
    path = tmp_path / "offers.json"
    path.write_text(json.dumps([{"name": "Lesepatenschaft", "org": "Lernbrücke", "ort": "Kassel"}]), encoding="utf-8")
    return path


def _without_column(data: bytes, *names: str) -> bytes:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    keep = [index for index, heading in enumerate(rows[0]) if heading not in names]
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows([[row[index] for index in keep if index < len(row)] for row in rows])
    return out.getvalue().encode()


def test_an_export_without_offer_ids_says_that_its_ids_are_derived(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    no_ids = tmp_path / "no_ids.csv"
    no_ids.write_bytes(_without_column(HAMBURG.read_bytes(), "_angebotsId"))
    _code, lines = run(capsys, "import", str(no_ids), "--dry-run")
    derived = [line for line in lines if "no offer id (angebotsId)" in line]
    assert len(derived) == 1 and derived[0].lstrip().startswith("13 ×")  # every imported offer, none refused
    _code, lines = run(capsys, "import", str(HAMBURG), "--dry-run")
    assert not any("no offer id" in line for line in lines)


def test_an_export_whose_offers_are_all_refused_says_no_places(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    nowhere = tmp_path / "nowhere.csv"
    nowhere.write_bytes(_without_column(HAMBURG.read_bytes(), "plz", "ort", "latitude", "longitude", "ortsteil"))
    _code, lines = run(capsys, "import", str(nowhere), "--dry-run")
    assert "places: none" in lines and "places: " not in lines  # was an empty "places: "
