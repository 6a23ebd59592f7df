"""Real agency exports as spreadsheets and other tools save them: line ends, hint lines, dates, wrappers, labels."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.factories.exchange import csv_text, listing_record

from bot.exchange import FileProblem, parse_listing_bytes
from bot.exchange.feeds.detect import detect_feed, read_feed, read_feed_file

_FREINET = ["agenturid", "agenturname", "einrichtungsname", "angebotsname", "beschreibung", "plz", "ort", "ortsteil",
            "latitude", "longitude", "_angebotsId"]


def freinet_csv(rows: int, *, line_end: str = "\r\n") -> str:
    """Writes a freinet export of some offers, each description two lines in one quoted cell (\\n inside)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(_FREINET)
    for number in range(1, rows + 1):
        writer.writerow(["4711", "Freiwilligenagentur Elbtal", f"Verein {number} e.V.", f"Lesepate {number}",
                         "<p>Vorlesen</p>\n<p>einmal pro Woche</p>", "01067", "Dresden", "Altstadt", "51.0504",
                         "13.7373", str(90000 + number)])
    return buffer.getvalue().replace("\r\n", line_end)  # cells hold \n only: their quotes stay


def test_rows_ended_by_a_lone_carriage_return_are_read_as_rows() -> None:
    # Excel for Mac's "CSV (Macintosh)" ends rows with \r; the delimiter search met the whole file as one line
    text = csv_text([listing_record(1), listing_record(2, description="eins\ntwo")], delimiter=";")
    listing_file = parse_listing_bytes(text.replace("\r\n", "\r").encode())
    records = list(listing_file.records())
    assert listing_file.delimiter == ";"
    assert [record.where for record in records] == ["line 2", "line 3"]
    assert records[1].values["description"] == "eins\ntwo"


def test_a_freinet_export_with_mac_row_ends_and_line_breaks_in_cells_is_read_whole() -> None:
    data = freinet_csv(3, line_end="\r").encode()
    assert detect_feed(data) == "freinet-csv"
    feed = read_feed(data, "freinet-csv")
    assert [offer.external_id for offer in feed.offers] == ["90001", "90002", "90003"]
    assert feed.offers[0].description == "<p>Vorlesen</p>\n<p>einmal pro Woche</p>"


def test_a_freinet_export_behind_excels_separator_line_is_a_feed() -> None:
    # "sep=;" first: the headings were looked for in that line, and the feed was refused as our own format
    data = ("sep=;\r\n" + freinet_csv(2)).encode()
    assert detect_feed(data) == "freinet-csv"
    feed = read_feed(data, "freinet-csv")
    assert [offer.title for offer in feed.offers] == ["Lesepate 1", "Lesepate 2"]
    assert "sep=" not in " ".join(name for name, _target in feed.mapping) and not feed.ignored


@pytest.mark.parametrize("wrapper", ["listings", "data", "Angebote"])
def test_a_json_object_holding_the_listings_in_a_list_is_read_as_that_list(wrapper: str) -> None:
    document = {"exported": "2026-12-01", "count": 2, wrapper: [listing_record(1), listing_record(2)]}
    listing_file = parse_listing_bytes(json.dumps(document).encode())
    records = list(listing_file.records())
    assert [record.where for record in records] == ["record 1", "record 2"]
    assert records[1].values["external_id"] == "L-2"
    assert listing_file.ignored_columns == []  # the wrapper's own keys are no columns


def test_a_json_object_with_a_list_of_unknown_name_is_read_when_it_is_the_only_list_of_records() -> None:
    document = {"meta": {"page": 1}, "export_2026": [listing_record(1)]}
    assert [record.where for record in parse_listing_bytes(json.dumps(document).encode()).records()] == ["record 1"]


@pytest.mark.parametrize("document", [
    listing_record(1),  # one record, not in a list: which is meant is unclear, so it is refused with the hint
    {"a": [listing_record(1)], "b": [listing_record(2)]},  # two lists of records: which one?
])
def test_one_object_that_is_no_wrapper_is_still_refused_with_the_hint(document: dict[str, object]) -> None:
    with pytest.raises(FileProblem, match="the JSON is one object, not an array of listings"):
        parse_listing_bytes(json.dumps(document).encode())


def test_a_portals_excel_export_that_is_an_html_table_says_how_to_make_it_a_csv(tmp_path: Path) -> None:
    path = tmp_path / "angebote.xls"
    path.write_text("<html><body><table><tr><td>Titel</td><td>Träger</td></tr></table></body></html>")
    with pytest.raises(FileProblem, match=r"^this is a web page \(an HTML table\) saved as \.xls, as some portals "
                       r"export 'Excel' files: open it in a spreadsheet, save it as CSV UTF-8 and import that$"):
        read_feed_file(path)
