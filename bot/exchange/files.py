"""Opening a listing file: encoding, format (CSV or JSON / JSON Lines), delimiter and headings.

Everything that makes a file unreadable as a whole raises FileProblem with one friendly line; problems of
single records are left to validation, so the report can list every bad row.
"""

from __future__ import annotations

import codecs
import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from bot.exchange.schema import header_field

Format = Literal["csv", "json"]

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (an Excel .xlsx or .ods workbook? save it as CSV UTF-8)"),
    (b"\xd0\xcf\x11\xe0", "an old Office file (.xls or .doc; save it as CSV UTF-8)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_SUFFIXES: dict[str, Format] = {
    ".csv": "csv", ".tsv": "csv", ".txt": "csv", ".json": "json", ".jsonl": "json", ".ndjson": "json",
}
_DELIMITERS = (";", ",", "\t", "|")
LINE_BREAK = re.compile(r"\r\n|\r|\n")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")
# A cell may be long: an agency's description with pictures pasted into it (data: URLs) runs to megabytes, and the
# csv module's own limit of 128 KB refused the whole export for one such row. Raised once for every CSV reader here.
CELL_LIMIT = 64 * 1024 * 1024
csv.field_size_limit(max(csv.field_size_limit(), CELL_LIMIT))
# Windows-1252 leaves five bytes undefined; Latin-1 reads them (and everything else), so it comes last.
_FALLBACK_ENCODINGS = ("cp1252", "latin-1")


class FileProblem(Exception):
    """The file as a whole cannot be read as listings; the message is one friendly line."""


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One record as the file holds it, with where it is ('line 7', 'record 3') and its values by field."""

    where: str
    values: dict[str, Any]
    problem: str | None = None  # the record itself is broken (not an object, too many cells)


@dataclass(slots=True)
class ListingFile:
    """A decoded listing file that yields its records, as often as asked (validation reads it twice)."""

    format: Format
    encoding: str
    text: str
    delimiter: str | None = None
    json_lines: bool = False
    ignored_columns: list[str] = field(default_factory=list)
    _json_records: list[Any] | None = None

    def records(self) -> Iterator[RawRecord]:
        """Yields every record in file order."""
        if self.format == "csv":
            return _csv_records(self)
        return _json_records(self)


def read_file_bytes(path: Path) -> bytes:
    """Reads a file the person named; raises FileProblem saying plainly why it cannot be read."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise FileProblem(f"no such file: {path}") from None
    except IsADirectoryError:
        raise FileProblem(f"{path} is a folder, not a file") from None
    except OSError as error:
        raise FileProblem(f"cannot read {path}: {error.strerror}") from None


def read_listing_file(path: Path | str, *, format: Format | None = None) -> ListingFile:
    """Reads a file of listings; raises FileProblem when it is not a readable CSV or JSON file."""
    path = Path(path)
    data = read_file_bytes(path)
    return parse_listing_bytes(data, format=format or _SUFFIXES.get(path.suffix.lower()),
                               json_lines=path.suffix.lower() in (".jsonl", ".ndjson"))


def parse_listing_bytes(data: bytes, *, format: Format | None = None, json_lines: bool = False) -> ListingFile:
    """Decodes and inspects listing data; format None means detect it from the content."""
    text, encoding = decode(data)
    if not text.strip():
        raise FileProblem("the file is empty")
    looks_json = text.lstrip()[:1] in ("[", "{")
    if format is None:
        format = "json" if looks_json else "csv"
    if format == "csv" and looks_json and _is_json(text):
        raise FileProblem("this is JSON, not a CSV file (use --format json)")
    listing_file = ListingFile(format=format, encoding=encoding, text=text, json_lines=json_lines)
    if format == "csv":
        _inspect_csv(listing_file)
    else:
        _inspect_json(listing_file)
    if next(listing_file.records(), None) is None:  # an export of nothing: said plainly, not as "read 0"
        held = "only its heading row" if format == "csv" else "an empty list"
        raise FileProblem(f"the file holds no listings ({held}): nothing to import")
    return listing_file


def decode(data: bytes) -> tuple[str, str]:
    """Returns the text and the encoding used: a BOM decides, then UTF-8, then Windows-1252 / Latin-1."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            raise FileProblem(f"this is {name}, not a CSV or JSON file")
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _checked_text(data.decode(encoding)), encoding
            except UnicodeDecodeError:
                damaged = _damaged_utf8(data) if encoding == "utf-8-sig" else None
                if damaged is not None:
                    return damaged
                raise FileProblem(f"the file starts with a {encoding} byte order mark but is not {encoding}") from None
    if b"\x00" in data[:4096]:
        raise FileProblem("this is a binary file (or UTF-16 without a byte order mark), not a CSV or JSON file")
    try:
        return _checked_text(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        damaged = _damaged_utf8(data)
        if damaged is not None:
            return damaged
    for encoding in _FALLBACK_ENCODINGS:
        try:
            return _checked_text(data.decode(encoding)), encoding
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def _damaged_utf8(data: bytes) -> tuple[str, str] | None:
    """Reads UTF-8 with a few broken bytes (a cut-off character, a pasted fragment) as UTF-8, each broken byte as
    U+FFFD, and names them in the encoding; None when the file holds no more real UTF-8 than broken bytes.

    Read as Windows-1252 instead, every umlaut of such a file would turn into two wrong characters ("fÃ¼r").
    """
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    sound = sum(1 for character in text if ord(character) > 0x7F and character != "\ufffd")
    if sound <= broken:
        return None
    text = text.removeprefix("\ufeff")
    lines = sorted({text.count("\n", 0, index) + 1 for index, character in enumerate(text) if character == "\ufffd"})
    shown = ", ".join(str(number) for number in lines[:10]) + (", …" if len(lines) > 10 else "")
    bytes_ = "1 byte that is" if broken == 1 else f"{broken} bytes that are"
    where = "line" if len(lines) == 1 else "lines"
    return _checked_text(text), f"utf-8; {bytes_} no UTF-8 became \ufffd ({where} {shown})"


def _checked_text(text: str) -> str:
    """Refuses text full of control characters (a binary file that happened to decode)."""
    sample = text[:8192]
    controls = sum(1 for character in sample if (ord(character) < 32 and character not in "\t\n\r\f")
                   or 0x80 <= ord(character) < 0xA0)
    if controls > max(2, len(sample) // 100):
        raise FileProblem("this is not a text file (not UTF-8, Windows-1252 or Latin-1): not a CSV or JSON file")
    return text


def _is_json(text: str) -> bool:
    """Tells whether the text parses as one JSON document or as JSON Lines."""
    try:
        json.loads(text)
        return True
    except json.JSONDecodeError as error:
        return error.msg == "Extra data"


# --- CSV ---------------------------------------------------------------------------------------------------


_REQUIRED_COLUMNS = ("title", "organisation_name")
# Keys under which exports put their list of records when the document is an object (our import and the feeds').
JSON_CONTAINERS = frozenset({"listings", "opportunities", "records", "items", "data", "results", "entries",
                             "angebote", "offers", "stellen", "eintraege", "angebotsliste"})


def _inspect_csv(listing_file: ListingFile) -> None:
    """Finds the delimiter and checks that the first row names known columns."""
    first = first_line(listing_file.text)
    listing_file.delimiter = excel_separator(first) or max(
        _DELIMITERS, key=lambda delimiter: _heading_score(first, delimiter)
    )
    headings = _headings(listing_file)
    known = [name for name in (header_field(heading) for heading in headings) if name]
    if not known:
        raise FileProblem("this is not a CSV file of listings: its first row names no known column "
                          "(title, organisation_name, place_name, … see bot/exchange/SCHEMA.md)")
    duplicates = sorted({name for name in known if known.count(name) > 1})
    if duplicates:
        raise FileProblem(f"the columns name {', '.join(duplicates)} more than once")
    missing = [name for name in _REQUIRED_COLUMNS if name not in known]
    if missing:  # every row would be refused for it, two or three lines each
        named = ", ".join(heading.strip() for heading in headings if heading.strip())
        raise FileProblem(f"no column for {' and '.join(missing)}, which every listing needs; the file's columns are "
                          f"{named} (the headings read: bot/exchange/SCHEMA.md)")
    listing_file.ignored_columns = [heading for heading in headings if heading.strip() and not header_field(heading)]


def first_line(text: str) -> str:
    """Returns the first non-empty line, whatever ends it: \r\n, \n, or \r alone (Excel's "CSV (Macintosh)")."""
    return LINE_BREAK.split(text.lstrip("\ufeff\r\n"), maxsplit=1)[0].strip()


def excel_separator(line: str) -> str | None:
    """Returns the delimiter an Excel hint line names ("sep=;"), None when the line is no such hint."""
    return line[4] if len(line) == 5 and line.lower().startswith("sep=") else None


def _heading_score(line: str, delimiter: str) -> tuple[int, int]:
    """Scores a delimiter by how many known headings it yields, then by how many columns."""
    cells = next(csv.reader([line], delimiter=delimiter), [])
    return sum(1 for cell in cells if header_field(cell)), len(cells)


def _rows(listing_file: ListingFile) -> Iterator[tuple[int, list[str]]]:
    """Yields (spreadsheet row number, cells), the 'sep=' hint line skipped; a quoted line break stays in its row."""
    reader = csv.reader(csv_lines(listing_file.text), delimiter=listing_file.delimiter or ",")
    number = 0
    try:
        for cells in reader:
            number += 1
            if number == 1 and cells and cells[0].lower().startswith("sep=") and not any(cells[1:]):
                number -= 1
                continue
            yield number, cells
    except csv.Error as error:
        raise FileProblem(f"this is not a readable CSV file: {error} (near line {reader.line_num})") from None


def csv_lines(text: str) -> Iterator[str]:
    """Yields lines with their line break, so quoted cells keep theirs (as the csv module wants).

    A line ends at \r\n, \n or a lone \r, also mixed in one file: Excel for Mac ends rows with \r and line
    breaks inside cells with \n. Unlike str.splitlines it does not break at form feeds or Unicode separators, and
    unlike io.StringIO it does not copy the whole text into a second buffer.
    """
    for match in _LINE.finditer(text):
        yield match.group()


def _headings(listing_file: ListingFile) -> list[str]:
    """Returns the first non-empty row: the column headings."""
    for _number, cells in _rows(listing_file):
        if any(cell.strip() for cell in cells):
            return [cell.strip() for cell in cells]
    raise FileProblem("the file is empty")


def _csv_records(listing_file: ListingFile) -> Iterator[RawRecord]:
    """Yields one record per non-empty row after the headings, numbered as a spreadsheet shows them."""
    columns: list[str | None] | None = None
    for number, cells in _rows(listing_file):
        if not any(cell.strip() for cell in cells):
            continue
        if columns is None:
            columns = [header_field(cell) for cell in cells]
            continue
        where = f"line {number}"
        extra = [cell for cell in cells[len(columns):] if cell.strip()]
        if extra:
            yield RawRecord(where, {}, f"{len(cells)} cells but {len(columns)} headings "
                                       f"(a '{listing_file.delimiter}' inside an unquoted cell?)")
            continue
        values = {name: cell for name, cell in zip(columns, cells) if name}
        yield RawRecord(where, values)


# --- JSON --------------------------------------------------------------------------------------------------


def json_problem(error: json.JSONDecodeError, *, position: bool = True) -> str:
    """Python's reason with where it is; some reasons end in "at" ("Unterminated string starting at"),
    which written before " at line 14" said "at at"."""
    reason = error.msg.removesuffix(" at")
    return f"{reason} at line {error.lineno}, column {error.colno}" if position else reason


def _inspect_json(listing_file: ListingFile) -> None:
    """Parses a JSON array now (and checks its shape); JSON Lines are parsed line by line later."""
    text = listing_file.text
    if not listing_file.json_lines:
        try:
            document = json.loads(text)
        except json.JSONDecodeError as error:
            if error.msg != "Extra data" or text.lstrip()[:1] != "{":
                raise FileProblem(f"this is not valid JSON: {json_problem(error)}") from None
            listing_file.json_lines = True
        else:
            if isinstance(document, dict):
                document = _wrapped_list(document)
            if not isinstance(document, list):
                raise FileProblem("the JSON is a single value, not an array of listings")
            listing_file._json_records = document
    keys = _all_json_keys(listing_file)
    if keys and not any(header_field(key) for key in keys):
        raise FileProblem("this JSON holds no listings: its records name no known field "
                          "(title, organisation_name, place_name, … see bot/exchange/SCHEMA.md)")
    listing_file.ignored_columns = [key for key in keys if not header_field(key)]


def _wrapped_list(document: dict[str, Any]) -> list[Any]:
    """Returns the listings of an object that holds them in a list ({"listings": [...], "count": 3}, as web APIs
    and portals export), or says why one object is no list of listings."""
    lists = {key: value for key, value in document.items() if isinstance(value, list)}
    named = [key for key in lists if key.lower() in JSON_CONTAINERS]
    records = [key for key, value in lists.items() if value and all(isinstance(item, dict) for item in value)]
    if len(named) == 1:
        return list(lists[named[0]])
    if len(records) == 1 and not any(header_field(key) for key in document):
        return list(lists[records[0]])
    raise FileProblem("the JSON is one object, not an array of listings: put the records in [ … ] "
                      "or write one record per line (JSON Lines)")


def _all_json_keys(listing_file: ListingFile) -> list[str]:
    """Returns every key used by any record, in first-seen order."""
    keys: dict[str, None] = {}
    for item in _json_items(listing_file):
        if isinstance(item[1], dict):
            keys.update(dict.fromkeys(item[1]))
    return list(keys)


def _json_items(listing_file: ListingFile) -> Iterator[tuple[str, Any]]:
    """Yields (where, parsed value) for each array element or each non-empty JSON line."""
    if listing_file._json_records is not None:
        for index, item in enumerate(listing_file._json_records, start=1):
            yield f"record {index}", item
        return
    for number, line in enumerate(listing_file.text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            yield f"line {number}", json.loads(line)
        except json.JSONDecodeError as error:
            reason = json_problem(error, position=False)
            yield f"line {number}", _BrokenLine(f"not valid JSON: {reason} at column {error.colno}")


@dataclass(frozen=True, slots=True)
class _BrokenLine:
    """A JSON line that did not parse, kept so its record can be reported."""

    reason: str


def _json_records(listing_file: ListingFile) -> Iterator[RawRecord]:
    """Yields the JSON records with their values mapped to field names."""
    for where, item in _json_items(listing_file):
        if isinstance(item, _BrokenLine):
            yield RawRecord(where, {}, item.reason)
        elif not isinstance(item, dict):
            yield RawRecord(where, {}, "not an object with fields")
        else:
            values: dict[str, Any] = {}
            for key, value in item.items():
                name = header_field(key)
                if name:
                    values[name] = value
            yield RawRecord(where, values)
