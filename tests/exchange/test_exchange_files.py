"""Opening listing files: encodings, delimiters, JSON shapes, and friendly refusals of wrong files."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.factories.exchange import FIXTURES, csv_text, json_text, listing_record

from bot.exchange import FileProblem, parse_listing_bytes, read_listing_file
from bot.exchange.feeds.detect import read_feed
from bot.exchange.validate import MAX_DESCRIPTION, Listing, check_record, shortened

WriteFile = Callable[[str, bytes | str], Path]
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("listings.csv", PNG, "this is a PNG image, not a CSV or JSON file"),
        ("listings.csv", b"PK\x03\x04\x14\x00\x06\x00", "Excel .xlsx"),
        ("listings.csv", bytes(range(256)) * 8, "binary file"),
        ("listings.csv", b"", "the file is empty"),
        ("listings.json", b"  \n\n ", "the file is empty"),
        ("listings.json", b'{"title": "Lesepate", "place_name": "Kassel"}', "one object, not an array"),
        ("listings.json", b"42", "single value, not an array"),
        ("listings.json", b'[{"title": "Lesepate",]', "not valid JSON"),
        ("listings.json", b'[{"titel_x": 1}, {"foo": 2}]', "records name no known field"),
        ("listings.csv", b"Name,Alter\nAnna,32\n", "this is not a CSV file of listings"),
        ("notes.txt", "Liebe Leute,\nhier ist die Liste.\n", "this is not a CSV file of listings"),
        ("listings.csv", b'[{"title": "Lesepate"}]', "this is JSON, not a CSV file"),
        ("listings.csv", b"title,title\nA,B\n", "name title more than once"),
        ("listings.csv", b"name,email,age\nJana,jana@example.org,33\nTom,tom@example.org,40\n",
         "no column for title and organisation_name, which every listing needs; the file's columns are name, email, "
         "age"),
        ("listings.csv", b"Titel;PLZ\nLesepate;34117\n", "no column for organisation_name, which every listing needs"),
    ],
)
def test_wrong_files_get_one_friendly_line(write_file: WriteFile, name: str, content: bytes, reason: str) -> None:
    with pytest.raises(FileProblem, match=reason) as caught:
        read_listing_file(write_file(name, content))
    assert "\n" not in str(caught.value)


def test_a_cut_off_json_names_where_once(write_file: WriteFile) -> None:
    with pytest.raises(FileProblem) as caught:
        read_listing_file(write_file("listings.json", b'[{"title": "Lesepate",\n  "place_name": "Kas'))
    assert str(caught.value).endswith("not valid JSON: Unterminated string starting at line 2, column 17")


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(FileProblem, match="no such file"):
        read_listing_file(tmp_path / "fehlt.csv")
    with pytest.raises(FileProblem, match="is a folder"):
        read_listing_file(tmp_path)


def test_windows_1252_export_is_read_and_named() -> None:
    text = csv_text([listing_record(1, title="Übungsleiter für Rückenschule", place_name="Gießen")], delimiter=";")
    listing_file = parse_listing_bytes(text.encode("cp1252"))
    record = next(listing_file.records())
    assert listing_file.encoding == "cp1252"
    assert (record.values["title"], record.values["place_name"]) == ("Übungsleiter für Rückenschule", "Gießen")


@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8])
def test_utf8_with_a_broken_byte_stays_utf8_and_names_the_line(bom: bytes) -> None:
    records = [listing_record(1, title="Übungsleiter für Rückenschule", place_name="Gießen"),
               listing_record(2, title="Lesepate gesucht", place_name="Kassel")]
    data = bom + csv_text(records, delimiter=";").encode("utf-8").replace(b"Lesepate", b"Lese\xffpate")
    listing_file = parse_listing_bytes(data)
    first, second = listing_file.records()
    assert first.values["title"] == "Übungsleiter für Rückenschule"  # not "Ãœbungsleiter fÃ¼r"
    assert second.values["title"] == "Lese\ufffdpate gesucht"
    assert listing_file.encoding == "utf-8; 1 byte that is no UTF-8 became \ufffd (line 4)"  # rows as shown


def test_byte_order_marks_are_detected() -> None:
    text = csv_text([listing_record(1, title="Café für Senioren")])
    utf8 = parse_listing_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    utf16 = parse_listing_bytes(text.encode("utf-16"))  # Python writes the BOM, as Excel does
    for listing_file in (utf8, utf16):
        assert listing_file.format == "csv"
        record = next(listing_file.records())
        assert record.values["title"] == "Café für Senioren"
        assert "\ufeff" not in "".join(record.values)
    assert (utf8.encoding, utf16.encoding) == ("utf-8-sig", "utf-16")


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiter_is_detected_from_the_headings(delimiter: str) -> None:
    listing_file = parse_listing_bytes(csv_text([listing_record(1), listing_record(2)], delimiter=delimiter).encode())
    assert listing_file.delimiter == delimiter
    assert [record.values["external_id"] for record in listing_file.records()] == ["L-1", "L-2"]


def test_excel_sep_line_is_honoured() -> None:
    text = "sep=;\r\n" + csv_text([listing_record(1)], delimiter=";")
    records = list(parse_listing_bytes(text.encode()).records())
    assert [record.where for record in records] == ["line 2"]


def test_line_numbers_are_spreadsheet_rows_even_with_line_breaks_in_cells() -> None:
    records = [listing_record(1, description="Zeile eins\nZeile zwei\nZeile drei"), listing_record(2)]
    text = "\r\n" + csv_text(records)  # a blank first row, as some exports have
    parsed = list(parse_listing_bytes(text.encode()).records())
    assert [record.where for record in parsed] == ["line 3", "line 4"]
    assert parsed[0].values["description"] == "Zeile eins\nZeile zwei\nZeile drei"


def test_row_with_more_cells_than_headings_is_a_record_problem() -> None:
    text = "title,place_name,organisation_name\r\nLesepate,Kassel,Verein,Extra\r\n"
    record = next(parse_listing_bytes(text.encode()).records())
    assert record.problem and "4 cells but 3 headings" in record.problem


def test_unknown_columns_are_ignored_and_named() -> None:
    text = csv_text([listing_record(1)], columns=["title", "Lieblingsfarbe", "organisation_name", "place_name"])
    listing_file = parse_listing_bytes(text.encode())
    assert listing_file.ignored_columns == ["Lieblingsfarbe"]


def test_json_array_and_json_lines_are_detected() -> None:
    array = parse_listing_bytes(json_text([listing_record(1), listing_record(2)]).encode())
    lines = "\n".join(json_text([record])[1:-1].replace("\n", " ") for record in [listing_record(1), listing_record(2)])
    json_lines = parse_listing_bytes((lines + "\n\n").encode())
    assert (array.format, array.json_lines, json_lines.format, json_lines.json_lines) == ("json", False, "json", True)
    assert [record.where for record in array.records()] == ["record 1", "record 2"]
    assert [record.where for record in json_lines.records()] == ["line 1", "line 2"]


def test_broken_json_line_and_non_object_are_record_problems() -> None:
    text = '{"title": "A", "place_name": "Kassel"}\n{"title": \n"just text"\n'
    records = list(parse_listing_bytes(text.encode(), json_lines=True).records())
    assert [record.problem is None for record in records] == [True, False, False]
    assert "not valid JSON" in (records[1].problem or "")
    assert "not an object" in (records[2].problem or "")


def test_freinet_like_semicolon_export_with_german_headings() -> None:
    listing_file = read_listing_file(FIXTURES / "freinet_export.csv")
    records = list(listing_file.records())
    assert (listing_file.encoding, listing_file.delimiter, len(records)) == ("cp1252", ";", 5)
    first = records[0].values
    assert first["organisation_name"] == "Lesefreunde Nordhessen e.V."
    assert (first["lat"], first["lon"], first["external_id"]) == ("51,3127", "9,4797", "FN-1001")
    assert first["categories"] == "Kinder & Jugend; Bildung"


def test_a_cell_longer_than_the_csv_modules_limit_is_read_in_a_feed_and_a_listing_file() -> None:
    # one description with a picture pasted into it refused the whole export ("field larger than field limit")
    picture = '<img src="data:image/png;base64,' + "iVBORw0KGgo" * 20_000 + '">'
    cells = {"agenturid": "815", "angebotsname": "Lesepate", "einrichtungsname": "Lesefreunde e.V.",
             "beschreibung": f"<p>Vorlesen</p>{picture}", "ort": "Hamburg", "_angebotsId": "90001"}
    feed = read_feed(csv_text([cells], delimiter=";", columns=list(cells)).encode(), "freinet-csv")
    assert len(feed.offers) == 1 and len(feed.offers[0].description) > 200_000
    listing_file = parse_listing_bytes(csv_text([listing_record(1, description="Vorlesen " + picture)]).encode())
    assert next(listing_file.records()).values["description"].startswith("Vorlesen")


def test_a_description_of_megabytes_is_stored_cut_at_a_word_and_a_short_one_whole() -> None:
    # The raised cell limit reads such a row; what is stored of it stays a listing's length (MAX_DESCRIPTION).
    words = "Wir suchen Menschen, die gern vorlesen. " * 60_000  # 2.4 MB of plain text, no HTML to remove
    long_file = parse_listing_bytes(csv_text([listing_record(1, description=words)]).encode())
    listing = check_record(next(long_file.records()))
    assert isinstance(listing, Listing) and listing.shortened
    stored = listing.opportunity["description"]
    assert len(stored) <= MAX_DESCRIPTION and stored.endswith("…") and words.startswith(stored[:-1])
    assert words[len(stored) - 1] == " "  # cut where a word ends
    short_file = parse_listing_bytes(csv_text([listing_record(2, description="Vorlesen im Kindergarten")]).encode())
    whole = check_record(next(short_file.records()))
    assert isinstance(whole, Listing) and not whole.shortened
    assert whole.opportunity["description"] == "Vorlesen im Kindergarten"


def test_a_description_without_a_space_is_cut_at_the_limit() -> None:
    assert shortened("x" * (MAX_DESCRIPTION + 5)) == "x" * (MAX_DESCRIPTION - 1) + "…"
    assert shortened("x" * MAX_DESCRIPTION) == "x" * MAX_DESCRIPTION
