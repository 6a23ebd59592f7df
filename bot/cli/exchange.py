"""`ehrenamt-bot import FILE` and `ehrenamt-bot export`: listings as CSV or JSON (bot/exchange/SCHEMA.md)."""

from __future__ import annotations

import argparse
import importlib.util
import logging
import io
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from bot.cli.common import Progress, run_with_database
from bot.cli.errors import CommandError
from bot.domain import OpportunityStatus
from bot.exchange import FileProblem, ImportReport, export_listings, import_listings, read_listing_file
from bot.exchange.validate import MAX_DESCRIPTION
from bot.settings import Settings
from bot.store.db import Database

logger = logging.getLogger(__name__)
_ENCODING_NAMES = {"cp1252": "Windows-1252", "latin-1": "Latin-1", "utf-16": "UTF-16"}


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Adds the import and export commands."""
    parser = subparsers.add_parser("import", help="import listings from a CSV or JSON file (upsert by source and id)")
    parser.add_argument("file", type=Path, help="CSV, JSON array or JSON Lines, or an agency feed (freinet CSV/XML, "
                        "agency JSON); see bot/exchange/SCHEMA.md")
    parser.add_argument("--format", choices=["csv", "json", "freinet-csv", "freinet-xml", "agency-json"],
                        help="default: told from the headings or fields (csv/json: our own exchange record)")
    parser.add_argument("--source", help="the feed's name; overrides the file's source column or the feed's agency "
                        "id (default: import, or freinet-<agenturid> for a feed)")
    parser.add_argument("--skip-invalid", action="store_true", help="import the valid rows even if some are bad")
    parser.add_argument("--dry-run", action="store_true", help="check and count, but write nothing")
    parser.add_argument("--force", action="store_true", help="a feed: import even when its listings are stored "
                        "under another source, or when it would withdraw most of its source's listings")
    parser.set_defaults(func=run_import)

    parser = subparsers.add_parser("export", help="export listings with their organisation as JSON or CSV")
    parser.add_argument("--format", choices=["json", "csv"], default="json",
                        help="JSON array (default) or CSV; both as bot/exchange/SCHEMA.md describes")
    parser.add_argument("--status", choices=[*(status.value for status in OpportunityStatus), "all"],
                        default="published", help="which listings (default: published)")
    parser.add_argument("--source", help="only listings from this source")
    parser.add_argument("-o", "--output", type=Path, help="write to this file instead of standard output")
    parser.add_argument("--excel-safe", action="store_true",
                        help="CSV for German Excel: ';', a byte order mark, and ' before cells starting with = + - @")
    parser.set_defaults(func=run_export)


def run_import(args: argparse.Namespace) -> int:
    """Validates and imports a listing file; 0 all fine, 1 invalid rows, 2 an unreadable file.

    An agency feed (told from its headings or fields, or --format) is a snapshot of its source instead: see
    bot.cli.feed_import.
    """
    from bot.cli.feed_import import ProgressLog, read_feed_or_none, run_feed_import

    try:
        feed = read_feed_or_none(args.file, args.format)
        if feed is not None:
            return run_feed_import(args, feed, categorizer=nlu_categorizer())
        listing_file = read_listing_file(args.file, format=args.format)
    except FileProblem as problem:
        print(f"{args.file}: {problem}", file=sys.stderr)
        return 2
    categorizer = nlu_categorizer()
    progress = ProgressLog("import")  # on a terminal and, as log lines every few seconds, off it

    async def work(database: Database, settings: Settings) -> ImportReport:
        return await import_listings(database, listing_file, source=args.source, skip_invalid=args.skip_invalid,
                                     dry_run=args.dry_run, categorizer=categorizer, on_progress=progress)

    report = run_with_database(work)
    progress.finish()
    for line in report_lines(report, encoding=listing_file.encoding, ignored=listing_file.ignored_columns,
                             categorizer=categorizer):
        print(line)
    return 1 if report.invalid else 0


def report_lines(
    report: ImportReport, *, encoding: str, ignored: list[str], categorizer: NluCategorizer | None
) -> list[str]:
    """Returns what an import says: every bad row, notes on what it assumed, and a summary."""
    lines = [str(problem) for problem in report.problems]
    if encoding in _ENCODING_NAMES:
        lines.append(f"note: read as {_ENCODING_NAMES[encoding]} (the file is not UTF-8)")
    elif encoding.startswith("utf-8;"):  # UTF-8 but for a few broken bytes, named with their lines
        lines.append(f"note: read as UTF-8; {encoding.split('; ', 1)[1]}")
    if ignored:
        lines.append(f"note: ignored unknown columns: {', '.join(ignored)}")
    if report.derived_ids:
        lines.append(f"note: no external_id in {_rows(report.derived_ids)}; each got one derived from organisation, "
                     "title and place (a changed title then counts as a new listing)")
    if report.geocoded:
        lines.append(f"note: no coordinates in {_rows(report.geocoded)}; taken from the postal code or place name")
    if report.zeros_restored:
        lines.append(f"note: four-digit postal codes in {_rows(report.zeros_restored)}; the leading zero a spreadsheet "
                     "drops was put back (e.g. 1067 -> 01067)")
    if report.descriptions_shortened:
        lines.append(f"note: descriptions longer than {MAX_DESCRIPTION:,} characters in "
                     f"{_rows(report.descriptions_shortened)}; each was cut there, at the end of a paragraph or word")
    if report.default_status:
        lines.append(f"note: no status in {_rows(report.default_status)}; imported as published")
    if report.organisation_conflicts:
        lines.append(f"note: {_rows(report.organisation_conflicts)} describe their organisation differently from "
                     "the first row naming it; the first row's values were kept")
    if report.categorised:
        lines.append(f"note: the NLU assigned categories in {_rows(report.categorised)} that had none")
    if report.time_tagged:
        lines.append(f"note: the NLU found time tags in {_rows(report.time_tagged)} that had none")
    if categorizer is not None and categorizer.failures:
        lines.append(f"note: the NLU failed on {_rows(categorizer.failures)} (first: {categorizer.first_error}); "
                     "see the log")
    if report.uncategorised:
        why = "the NLU found none" if categorizer is not None else "the NLU is not available"
        lines.append(f"note: no categories in {_rows(report.uncategorised)} ({why}); "
                     "a search by category does not find them until they get some")
    if report.refused:
        them = "it" if report.invalid == 1 else "them"
        lines.append(f"nothing imported: {_rows(report.invalid, 'invalid row')}; fix {them}, or use --skip-invalid "
                     f"to import the valid ones ({report.valid})")
    if report.dry_run:
        lines.append("dry run: nothing was written; the counts are what an import would do")
    lines.append(
        f"read {report.read} · valid {report.valid} · invalid {report.invalid} · inserted {report.inserted} · "
        f"updated {report.updated} · skipped {report.skipped} · {report.seconds:.1f} s "
        f"(organisations: {report.organisations.inserted} new, {report.organisations.updated} updated)"
    )
    return lines


def _rows(count: int, noun: str = "row") -> str:
    """Writes a count with its noun: '1 row', '3 rows'."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


class NluCategorizer:
    """nlu.categorize as the import's Categorizer: loaded on first use, its failures counted, not fatal.

    A listing the NLU cannot read stays uncategorised (and is counted) instead of stopping a feed of
    thousands; the first failure is logged with its traceback.
    """

    def __init__(self) -> None:
        self.failures = 0
        self.first_error: str | None = None

    def __call__(self, title: str, description: str) -> list[str]:
        """Returns the category keys the NLU suggests for a listing."""
        from nlu import categorize  # spaCy and the pipelines load here, only when a row lacks categories

        try:
            return list(categorize(title, description).categories)
        except Exception as error:  # one listing the NLU cannot read must not abort a whole feed
            self.failures += 1
            if self.first_error is None:
                self.first_error = f"{type(error).__name__}: {error}"
                logger.warning("the NLU failed to categorize %r", title, exc_info=True)
            return []


    def many(self, listings: Sequence[tuple[str, str]]) -> list[tuple[list[str], list[str]]]:
        """Returns categories and time tags for many listings at once (each distinct text analysed once)."""
        try:
            from nlu.api import categorize_many
        except ImportError:  # an NLU without the batch entry point: one at a time
            return [self._tags(title, description) for title, description in listings]
        try:
            return [(list(tags.categories), list(tags.time)) for tags in categorize_many(listings)]
        except Exception as error:  # the batch failed: one at a time, so only the bad listings stay untagged
            logger.warning("the NLU failed on a batch (%s); categorizing one at a time", error)
            return [self._tags(title, description) for title, description in listings]

    def tags(self, title: str, description: str) -> tuple[list[str], list[str]]:
        """Returns one listing's categories and time tags (the importer keeps both)."""
        return self._tags(title, description)

    def _tags(self, title: str, description: str) -> tuple[list[str], list[str]]:
        """Returns one listing's categories and time tags; failures are counted, not fatal."""
        from nlu import categorize

        try:
            tags = categorize(title, description)
            return list(tags.categories), list(tags.time)
        except Exception as error:  # one listing the NLU cannot read must not abort a whole feed
            self.failures += 1
            if self.first_error is None:
                self.first_error = f"{type(error).__name__}: {error}"
                logger.warning("the NLU failed to categorize %r", title, exc_info=True)
            return [], []


def nlu_categorizer() -> NluCategorizer | None:
    """Returns the NLU's categorizer, or None when the nlu package is not installed."""
    return NluCategorizer() if importlib.util.find_spec("nlu") is not None else None


def run_export(args: argparse.Namespace) -> int:
    """Streams listings to standard output or a file."""
    status = None if args.status == "all" else args.status
    progress = Progress("export")

    async def work(database: Database, settings: Settings) -> int:
        options = dict(format=args.format, status=status, source=args.source, excel_safe=args.excel_safe)
        if args.output is None:
            try:
                return await export_listings(database, _utf8_stdout(), **options)
            except BrokenPipeError:
                _discard_stdout()  # the reader (head, less) stopped early: not an error
                return 0
        try:
            out = args.output.open("w", encoding="utf-8", newline="")
        except OSError as error:  # not the database's fault: run_with_database would say it is unreachable
            raise CommandError(f"{args.output}: kann nicht geschrieben werden / cannot be written: "
                               f"{error.strerror or error}") from None
        with out:
            return await export_listings(database, out, on_record=progress.advance, **options)

    count = run_with_database(work)
    if args.output is not None:
        seconds = progress.finish()
        print(f"{count} listings written to {args.output} in {seconds:.1f} s", file=sys.stderr)
    return 0


def _discard_stdout() -> None:
    """Points standard output at /dev/null so Python's final flush does not fail on the closed pipe."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _utf8_stdout() -> TextIO:
    """Returns standard output, switched to UTF-8 if the terminal's locale says otherwise."""
    stream = sys.stdout
    if isinstance(stream, io.TextIOWrapper) and (stream.encoding or "").lower().replace("-", "") != "utf8":
        stream.reconfigure(encoding="utf-8")
    return stream
