"""Reading the three feed formats into offers: freinet CSV, freinet XML (agency API), agencies' JSON."""

from __future__ import annotations

import csv
import json
import re
from typing import Any
from xml.etree import ElementTree

from bot.exchange.feeds.fields import CONTACT_BLOCKS, ORGANISATION_BLOCKS, assign, key_of, target_of
from bot.exchange.feeds.offer import FeedFile, FeedOffer
from bot.exchange.files import JSON_CONTAINERS, FileProblem, csv_lines, excel_separator, first_line, json_problem

_LIST_TAGS = {"handlungsfelder", "zielgruppen", "stadtteile", "categories", "targets"}


class _Columns:
    """Collects how a feed's columns were understood, for the report."""

    def __init__(self) -> None:
        self.mapping: dict[str, str] = {}
        self.ignored: dict[str, None] = {}

    def see(self, name: str, known: bool) -> None:
        """Notes one column or field name once."""
        if name in self.mapping or name in self.ignored:
            return
        target = target_of(name)
        if known and target:
            self.mapping[name] = target
        elif known:
            self.mapping[name] = "(not needed)"
        else:
            self.ignored[name] = None


def _finish(format_: str, offers: list[FeedOffer], columns: _Columns, agency_ids: list[str]) -> FeedFile:
    """Builds the FeedFile, with the agency's name from the first offer that has one."""
    agencies = list(dict.fromkeys([*agency_ids, *(offer.agency_id for offer in offers if offer.agency_id)]))
    name = next((offer.agency_name for offer in offers if offer.agency_name), "")
    return FeedFile(format_, offers, list(columns.mapping.items()), list(columns.ignored), agencies, name)


# --- freinet CSV ---------------------------------------------------------------------------------------------


def read_freinet_csv(text: str) -> FeedFile:
    """Reads a freinet CSV export: ';', a heading row, quoted cells over several lines, HTML in cells."""
    first = first_line(text)
    separator = excel_separator(first)  # Excel's hint line "sep=;", which Excel itself does not show as a row
    delimiter = separator or max((";", ",", "\t"), key=first.count)
    reader = csv.reader(csv_lines(text.lstrip("\ufeff")), delimiter=delimiter)
    columns = _Columns()
    headings: list[str] | None = None
    offers = []
    start = 1
    try:
        for cells in reader:
            where, start = f"line {start}", reader.line_num + 1
            hint = headings is None and separator is not None and cells[0].strip().lower() == "sep="
            if hint or not any(cell.strip() for cell in cells):
                continue
            if headings is None:
                headings = [cell.strip() for cell in cells]
                for heading in headings:
                    columns.see(heading, target_of(heading) is not None)
                continue
            offer = FeedOffer(where)
            for heading, cell in zip(headings, cells):
                if cell.strip():
                    assign(offer, heading, cell)
            offers.append(offer)
    except csv.Error as error:
        raise FileProblem(f"this is not a readable CSV file: {error} (near line {reader.line_num})") from None
    if headings is None:
        raise FileProblem("the file is empty")
    return _finish("freinet-csv", offers, columns, [])


# --- freinet XML ---------------------------------------------------------------------------------------------

_HTML_START = re.compile(r"<!doctype\s+html|<html[\s>]", re.IGNORECASE)


def is_web_page(data: bytes) -> bool:
    """Tells whether a file is an HTML page (a login page, or a portal's "Excel" export that is an HTML table)."""
    return bool(_HTML_START.match(data[:400].decode("utf-8", "replace").lstrip("\ufeff \t\r\n")))


def read_freinet_xml(data: bytes, decoded: str | None = None) -> FeedFile:
    """Reads the agency API's offer list (<angebotsliste agenturId=..> of <angebot angebotsId=..>).

    `decoded`: the file as text when its bytes are no UTF-8: a tool that wrote Windows-1252 under a declaration
    of UTF-8 ("für" as one byte) is read in that encoding, as a CSV export is, rather than refused."""
    if is_web_page(data):
        raise FileProblem("this is a web page (HTML), not an offer feed: a login or error page instead of the export?")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        root = _declared_wrongly(decoded, error)
    columns = _Columns()
    agency = _attribute(root, "agenturid")
    elements = [root] if key_of(root.tag) == "angebot" else list(root.iter("angebot"))
    if not elements and key_of(root.tag) != "angebotsliste":
        raise FileProblem(f"this XML holds no offers: its root is <{root.tag}>, a freinet offer list "
                          "is <angebotsliste> of <angebot> elements")
    offers = []
    for number, element in enumerate(elements, start=1):
        offer = FeedOffer(f"angebot {number}")
        offer.external_id = _attribute(element, "angebotsid") or _attribute(element, "id")
        offer.agency_id = agency
        for child in element:
            _read_element(offer, child, columns)
        offers.append(offer)
    return _finish("freinet-xml", offers, columns, [agency] if agency else [])


def _declared_wrongly(decoded: str | None, error: ElementTree.ParseError) -> ElementTree.Element:
    """Parses the decoded text of a file whose bytes broke the XML parser, or says it is no well-formed XML."""
    if decoded is not None:
        try:
            return ElementTree.fromstring(decoded.lstrip("\ufeff"))
        except ElementTree.ParseError:
            pass
    raise FileProblem(f"this is not well-formed XML: {error}") from None


def _attribute(element: ElementTree.Element, name: str) -> str:
    """Returns an attribute by folded name (agenturId, agenturid), "" when absent."""
    for key, value in element.attrib.items():
        if key_of(key) == name:
            return value.strip()
    return ""


def _read_element(offer: FeedOffer, element: ElementTree.Element, columns: _Columns) -> None:
    """Puts one child element of <angebot> on the offer: plain, a list of labels, or a nested block."""
    key = key_of(element.tag)
    children = list(element)
    if not children:
        columns.see(element.tag, assign(offer, element.tag, element.text or ""))
        return
    if key in _LIST_TAGS:
        columns.see(element.tag, assign(offer, element.tag, [(child.text or "").strip() for child in children]))
    elif key in CONTACT_BLOCKS or key in ORGANISATION_BLOCKS:
        columns.see(element.tag, assign(offer, element.tag, _as_dict(element)))
    else:
        columns.see(element.tag, False)


def _as_dict(element: ElementTree.Element) -> dict[str, Any]:
    """Returns a nested element's leaves as a dict (tag -> text)."""
    return {
        child.tag: (child.text or "").strip() for child in element.iter() if child is not element and not len(child)
    }


# --- agencies' JSON ------------------------------------------------------------------------------------------


def read_agency_json(document: Any) -> FeedFile:
    """Reads a JSON export with freinet's field names or close variants (name, org, contact{...}, ...)."""
    items, agency = _json_items(document)
    agency_name = next((str(value) for key, value in document.items() if key_of(key) in ("agenturname", "agentur",
                        "agency", "agency name") and isinstance(value, str)), "") if isinstance(document, dict) else ""
    columns = _Columns()
    offers = []
    for number, item in enumerate(items, start=1):
        offer = FeedOffer(f"record {number}")
        if not isinstance(item, dict):
            offers.append(offer)  # no title and no place: refused with its record number
            continue
        for name, value in item.items():
            columns.see(name, assign(offer, name, value))
        offer.agency_id = offer.agency_id or agency
        offer.agency_name = offer.agency_name or agency_name
        offers.append(offer)
    return _finish("agency-json", offers, columns, [agency] if agency else [])


def _json_items(document: Any) -> tuple[list[Any], str]:
    """Finds the offers in a document: a list, or an object holding one (with the agency's id beside it)."""
    if isinstance(document, list):
        return document, ""
    if isinstance(document, dict):
        agency = next((str(value) for key, value in document.items()
                       if key_of(key) in ("agenturid", "agentur id", "agency id") and value), "")
        for key, value in document.items():
            if key_of(key) in JSON_CONTAINERS and isinstance(value, list):
                return value, agency
        return [document], agency
    raise FileProblem("the JSON is a single value, not a list of offers")


def parse_json(text: str) -> Any:
    """Parses a JSON document or JSON Lines (one offer per line)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        if error.msg != "Extra data":
            raise FileProblem(
                f"this is not valid JSON: {json_problem(error)}"
            ) from None
    try:
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    except json.JSONDecodeError as error:
        raise FileProblem(f"this is not valid JSON Lines: {json_problem(error, position=False)}") from None
