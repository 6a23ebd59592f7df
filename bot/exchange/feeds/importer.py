"""Importing a feed: who its source is, turning offers into listings, and syncing the snapshot."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from bot.exchange.feeds.convert import Converted, convert
from bot.exchange.feeds.labels import label_map
from bot.exchange.feeds.offer import FeedFile
from bot.exchange.feeds.places import FeedPlaces
from bot.exchange.feeds.sources import SourceConfig, is_source_name, load_source
from bot.exchange.feeds.sync import BatchCategorizer, Progress, SyncCount, sync_snapshot
from bot.exchange.files import FileProblem
from bot.store.db import Database
from nlu.kernel.gazetteer import get_gazetteer

_PREFIX = {"freinet-csv": "freinet", "freinet-xml": "freinet", "agency-json": "agency"}


@dataclass(slots=True)
class FeedImport:
    """What importing one feed found and did."""

    feed: FeedFile
    sources: list[str]
    configs: dict[str, SourceConfig]
    converted: Converted
    count: SyncCount
    dry_run: bool


def feed_sources(feed: FeedFile, source: str | None) -> dict[str, str]:
    """Maps each agency id of the feed to its source ("" is the default); --source wins over the feed."""
    if source:
        if not is_source_name(source):
            raise FileProblem(f"'{source}' cannot be a source name: use letters, digits, _ . - (at most 60)")
        return {"": source}
    if not feed.agency_ids and not feed.offers:  # said as what it is: without offers there is no agency to name
        held = "only its heading row" if feed.format.endswith("-csv") else "no offer"
        raise FileProblem(f"this export holds no offers ({held}): nothing to import")
    if not feed.agency_ids:
        raise FileProblem("this feed names no agency (agenturid): give its source with --source NAME")
    prefix = _PREFIX.get(feed.format, "feed")
    mapping = {agency: f"{prefix}-{agency}"[:60] for agency in feed.agency_ids}
    mapping[""] = mapping[feed.agency_ids[0]]
    return mapping


async def import_feed(
    database: Database, feed: FeedFile, *, source: str | None = None, sources_dir: Path | None = None,
    categorizer: BatchCategorizer | None = None, dry_run: bool = False, force: bool = False,
    on_progress: Progress | None = None,
) -> FeedImport:
    """Converts a feed's offers to listings and makes the store hold them as the sources' snapshot."""
    started = time.monotonic()
    mapping = feed_sources(feed, source)
    sources = list(dict.fromkeys(mapping.values()))
    configs = {name: load_source(name, sources_dir) for name in sources}
    town = next((config.town for config in configs.values() if config.town), "")
    places = FeedPlaces(get_gazetteer(), feed.offers, town)
    converted = convert(feed.offers, source_of=mapping, places=places, labels=label_map(), agencies=configs)
    count = await sync_snapshot(database, converted.listings, sources=sources, present=converted.refused_ids,
                                categorizer=categorizer, dry_run=dry_run, force=force, on_progress=on_progress)
    count.seconds = time.monotonic() - started  # placing and converting count too
    return FeedImport(feed, sources, configs, converted, count, dry_run)
