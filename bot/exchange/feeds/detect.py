"""Telling a feed's format from its headings or fields (or taking the one the operator forces)."""

from __future__ import annotations

from pathlib import Path

from bot.exchange.feeds.fields import key_of
from bot.exchange.feeds.offer import FeedFile
from bot.exchange.feeds.readers import is_web_page, parse_json, read_agency_json, read_freinet_csv, read_freinet_xml
from bot.exchange.files import LINE_BREAK, FileProblem, decode, excel_separator, read_file_bytes

FEED_FORMATS = ("freinet-csv", "freinet-xml", "agency-json")
# Headings or keys only agency feeds use; our own exchange record never does (see bot/exchange/SCHEMA.md).
_FREINET_HEADINGS = {"angebotsname", "angebotsid", "agenturid", "einrichtungsname", "agenturname"}
_AGENCY_KEYS = _FREINET_HEADINGS | {
    "name", "org", "handlungsfelder", "zielgruppen", "contact", "kontakt", "targets", "timeframe",
    "zeitlicherrahmen", "geo breite", "ortsteil",
}
_SPREADSHEETS = (".xls", ".xlsx", ".ods")
_EXCHANGE_KEYS = {"title", "organisation name", "place name", "external id", "organisation external id"}


def detect_feed(data: bytes, forced: str | None = None) -> str | None:
    """Returns the feed format of a file, or None when it is our own exchange format (CSV or JSON)."""
    if forced in FEED_FORMATS:
        return forced
    if forced in ("csv", "json"):
        return None
    text, _encoding = decode(data)
    head = text.lstrip("\ufeff \t\r\n")
    if head.startswith("<"):
        return "freinet-xml"
    if head[:1] in ("[", "{"):
        keys = _json_keys(text)
        return "agency-json" if keys & _AGENCY_KEYS and not keys & _EXCHANGE_KEYS else None
    lines = LINE_BREAK.split(head, maxsplit=2)  # \r\n, \n or a Mac's \r; Excel's "sep=;" line before the headings
    first = lines[1] if excel_separator(lines[0].strip()) and len(lines) > 1 else lines[0]
    headings = {key_of(cell.strip('"')) for delimiter in ";,\t" for cell in first.split(delimiter)}
    return "freinet-csv" if len(headings & _FREINET_HEADINGS) >= 2 else None


def _json_keys(text: str) -> set[str]:
    """Returns the folded keys of the first records of a JSON document (empty when it does not parse)."""
    try:
        document = parse_json(text)
    except FileProblem:
        return set()
    if isinstance(document, dict):
        lists = [value for value in document.values() if isinstance(value, list)]
        document = lists[0] if lists else [document]
    if not isinstance(document, list):
        return set()
    return {key_of(key) for item in document[:50] if isinstance(item, dict) for key in item}


def read_feed(data: bytes, format_: str) -> FeedFile:
    """Reads a feed of a known format."""
    text, encoding = decode(data)
    if not text.strip():
        raise FileProblem("the file is empty")
    if format_ == "freinet-xml":
        feed = read_freinet_xml(data, None if encoding in ("utf-8", "utf-8-sig", "utf-16") else text)
    elif format_ == "agency-json":
        feed = read_agency_json(parse_json(text))
    else:
        feed = read_freinet_csv(text)
    feed.encoding = encoding
    return feed


def read_feed_file(path: Path, format_: str | None = None) -> FeedFile | None:
    """Reads a file as a feed when it is one (or forced to be); None for our own exchange format."""
    data = read_file_bytes(path)
    if path.suffix.lower() in _SPREADSHEETS and is_web_page(data):
        raise FileProblem(f"this is a web page (an HTML table) saved as {path.suffix.lower()}, as some portals export "
                          "'Excel' files: open it in a spreadsheet, save it as CSV UTF-8 and import that")
    detected = detect_feed(data, format_)
    return read_feed(data, detected) if detected else None
