"""Import and export of listings as CSV and JSON (the record is described in SCHEMA.md next to this file)."""

from bot.exchange.exporter import ExportFormat, export_listings, listing_records
from bot.exchange.files import FileProblem, ListingFile, parse_listing_bytes, read_listing_file
from bot.exchange.importer import Categorizer, ImportReport, import_listings
from bot.exchange.schema import FIELD_NAMES, FIELDS
from bot.exchange.validate import Listing, Problem, check_record

__all__ = [
    "FIELDS",
    "FIELD_NAMES",
    "Categorizer",
    "ExportFormat",
    "FileProblem",
    "ImportReport",
    "Listing",
    "ListingFile",
    "Problem",
    "check_record",
    "export_listings",
    "import_listings",
    "listing_records",
    "parse_listing_bytes",
    "read_listing_file",
]
