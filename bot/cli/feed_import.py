"""`ehrenamt-bot import` for agency feeds (freinet CSV/XML, agencies' JSON): running it and its report.

The report is written for the operator who has to act on it: first what the file is and how its columns
were understood, then the refused offers and the notes grouped by reason (with counts and the first line
numbers), then the summary. The last line keeps the import's summary line that tools read, with the sync's
counts added before the seconds.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from bot.cli.common import run_with_database
from bot.exchange.feeds.convert import Notice
from bot.exchange.feeds.importer import FeedImport, import_feed
from bot.exchange.feeds.offer import FeedFile
from bot.exchange.feeds.sources import SourceProblem, sources_dir
from bot.exchange.files import FileProblem
from bot.settings import Settings
from bot.store.db import Database

logger = logging.getLogger(__name__)
_FORMAT_NAMES = {"freinet-csv": "freinet CSV export", "freinet-xml": "freinet XML (agency API offer list)",
                 "agency-json": "agency JSON export"}
_PRECISIONS = (("point", "own coordinates"), ("postal_code", "postal code"), ("quarter", "quarter (approximate)"),
               ("town", "town (approximate)"), ("none", "no coordinates"), ("online", "online only"))
FIRST_LINES = 5


class ProgressLog:
    """Progress on a terminal (one line, redrawn) and off it (a log line every few seconds)."""

    def __init__(self, label: str, stream: TextIO | None = None, every: float = 3.0) -> None:
        self.label, self.stream, self.every = label, stream or sys.stderr, every
        self.tty = self.stream.isatty()
        self.done = 0
        self.started = self._last = time.monotonic()

    def __call__(self, count: int, total: int) -> None:
        """Counts work done; shows it when enough time passed."""
        self.done += count
        now = time.monotonic()
        if now - self._last < (0.25 if self.tty else self.every):
            return
        self._last = now
        rate = self.done / max(now - self.started, 1e-9)
        line = f"{self.label}: {self.done}/{total} steps ({rate:.0f}/s)"
        self.stream.write(f"\r{line}" if self.tty else f"{line}\n")
        self.stream.flush()

    def finish(self) -> None:
        """Ends a terminal's progress line."""
        if self.tty and self.done:
            self.stream.write("\n")
            self.stream.flush()


def run_feed_import(args: argparse.Namespace, feed: FeedFile, *, categorizer: object | None) -> int:
    """Imports a feed; 0 when written (refused offers are reported), 1 when stopped, 2 on a bad source."""
    progress = ProgressLog("import")
    folder: list[Path] = []

    async def work(database: Database, settings: Settings) -> FeedImport:
        folder.append(sources_dir(settings.exchange_sources_dir))
        return await import_feed(database, feed, source=args.source, sources_dir=settings.exchange_sources_dir,
                                 categorizer=getattr(categorizer, "many", None), dry_run=args.dry_run,
                                 force=args.force, on_progress=progress)

    try:
        result = run_with_database(work)
    except (FileProblem, SourceProblem) as problem:
        print(f"{args.file}: {problem}", file=sys.stderr)
        return 2
    progress.finish()
    lines = feed_report(result, sources_folder=folder[0])
    failures = getattr(categorizer, "failures", 0)
    if failures:  # before the two summary lines
        first = getattr(categorizer, "first_error", "")
        lines.insert(len(lines) - 2, f"note: the NLU failed on {failures} listings (first: {first}); see the log")
    if categorizer is None:
        lines.insert(len(lines) - 2, "note: the NLU is not installed: listings without agency labels have no "
                                     "categories and no time tags")
    for line in lines:
        print(line)
    return 1 if result.count.stopped else 0


def feed_report(result: FeedImport, *, sources_folder: Path) -> list[str]:
    """Returns the report's lines: format and columns, refusals and notes by reason, then the summary."""
    feed, converted, count = result.feed, result.converted, result.count
    name = _FORMAT_NAMES.get(feed.format, feed.format)
    lines = [f"format: {name} ({feed.encoding}), {_n(len(feed.offers), 'offer')}, source {', '.join(result.sources)}"]
    used = [f"{name} -> {target}" for name, target in feed.mapping if target != "(not needed)"]
    unused = [name for name, target in feed.mapping if target == "(not needed)"]
    lines.append(f"columns: {', '.join(used)}")
    if unused:
        lines.append(f"not needed: {', '.join(unused)}")
    if feed.ignored:
        lines.append(f"note: ignored unknown columns: {', '.join(feed.ignored)}")
    refused = [notice for notice in converted.notices if notice.refused]
    if refused:
        lines.append(f"refused {_n(len(refused), 'offer')} (each needs a title and a place, or must be online):")
        lines += grouped(refused)
    notes = [notice for notice in converted.notices if not notice.refused]
    if notes:
        lines.append("notes (imported as described):")
        lines += grouped(notes)
    if converted.unknown_labels:
        shown = ", ".join(f"'{label}' ({n})" for label, n in sorted(converted.unknown_labels.items(),
                                                                     key=lambda item: -item[1])[:15])
        lines.append(f"note: agency labels without a category, kept as hints (map them in "
                     f"data/exchange/freinet_labels.toml): {shown}")
    precision = converted.precision
    placed = [f"{label} {precision[key]}" for key, label in _PRECISIONS if precision.get(key)]
    lines.append("places: " + (" · ".join(placed) or "none"))  # not an empty "places:" when all were refused
    lines += _contact_lines(result, sources_folder)
    if count.categorised or count.time_tagged or count.uncategorised:
        lines.append(f"NLU: categories for {_n(count.categorised, 'listing')}, time tags for {count.time_tagged}"
                     + (f"; {count.uncategorised} without any category" if count.uncategorised else ""))
    if count.stopped:
        lines.append(f"stopped, nothing written: {count.stopped}")
    elif result.dry_run:
        lines.append("dry run: nothing was written; the counts are what an import would do")
    valid = len(converted.listings)
    rate = (valid / count.seconds) if count.seconds else 0.0
    lines.append(f"new {count.new} · changed {count.changed} (returned {count.returned}) · unchanged "
                 f"{count.unchanged} · withdrawn {count.withdrawn} · refused {len(refused)}")
    written = not count.stopped and not result.dry_run
    lines.append(
        f"read {len(feed.offers)} · valid {valid} · invalid {len(refused)} · "
        f"inserted {count.new if written else 0} · updated {count.changed if written else 0} · "
        f"skipped {len(refused) if written else len(feed.offers)} · unchanged {count.unchanged} · "
        f"withdrawn {count.withdrawn if written else 0} · {count.seconds:.1f} s ({rate:.0f} listings/s) "
        f"(organisations: {count.organisations.inserted} new, {count.organisations.updated} updated)"
    )
    return lines


def _n(count: int, noun: str) -> str:
    """'1 offer', '2 offers': the report said '1 offers' and '1 listings have'."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def grouped(notices: Sequence[Notice]) -> list[str]:
    """Returns one line per reason, most frequent first, with its count and where the first ones are."""
    by_reason: defaultdict[str, list[str]] = defaultdict(list)
    for notice in notices:
        by_reason[notice.reason].append(notice.where)
    lines = []
    for reason, where in sorted(by_reason.items(), key=lambda item: -len(item[1])):
        first = _places_in_file(where[:FIRST_LINES]) + (", …" if len(where) > FIRST_LINES else "")
        lines.append(f"  {len(where)} × {reason} ({first})")
    return lines


def _places_in_file(where: list[str]) -> str:
    """Writes 'lines 3, 7, 9' rather than 'line 3, line 7, line 9'."""
    words = {place.split(" ", 1)[0] for place in where}
    if len(words) != 1 or len(where) == 1:
        return ", ".join(where)
    return f"{words.pop()}s " + ", ".join(place.split(" ", 1)[1] for place in where)


def _contact_lines(result: FeedImport, folder: Path) -> list[str]:
    """Says how listings without a contact of their own can be reached, and what to do when they cannot."""
    converted = result.converted
    lines = []
    if converted.agency_contact:
        files = ", ".join(str(config.path) for config in result.configs.values() if config.path)
        own = "its own shows" if converted.agency_contact == 1 else "their own show"
        lines.append(f"contacts: {_n(converted.agency_contact, 'listing')} without a contact of {own} the "
                     f"agency's ({files})")
    if converted.without_contact:
        source = result.sources[0]
        has = "has" if converted.without_contact == 1 else "have"
        lines.append(f"warning: {_n(converted.without_contact, 'listing')} {has} no phone, email or web address, "
                     f"neither their own nor the agency's; write the agency's into {folder / (source + '.toml')} "
                     "(agency, phone, email, url; see bot/exchange/SCHEMA.md) and import again")
    return lines


def read_feed_or_none(path: Path, format_: str | None) -> FeedFile | None:
    """Reads the file as a feed when it is one (or is forced to be); None for our own exchange format."""
    from bot.exchange.feeds.detect import read_feed_file

    return read_feed_file(path, format_)
