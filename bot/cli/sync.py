"""`ehrenamt-bot sync SOURCE`: import a source's feed from where its file says, for scheduled runs.

The source file (data/exchange/sources/SOURCE.toml, or EXCHANGE_SOURCES_DIR) names the feed: an http(s)
URL, a file:// URL or a path (relative to the source file). Each run imports the whole snapshot, so running
it again changes nothing; a feed that cannot be fetched changes nothing either (exit 2, one line on stderr).
"""

from __future__ import annotations

import argparse
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

MAX_BYTES = 100 * 1024 * 1024  # a national export is a few MB; more is not a feed
TIMEOUT_SECONDS = 60


class FeedUnavailable(Exception):
    """The feed could not be fetched; the message says why in one line."""


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Adds the sync command."""
    parser = subparsers.add_parser("sync", help="import a source's feed from its configured URL or file")
    parser.add_argument("source", help="the source's name: data/exchange/sources/SOURCE.toml names its feed")
    parser.add_argument("--dry-run", action="store_true", help="fetch and count, but write nothing")
    parser.add_argument("--force", action="store_true", help="import even when the snapshot would withdraw most "
                        "of the source's listings or duplicate another source's")
    parser.set_defaults(func=run_sync)


def run_sync(args: argparse.Namespace) -> int:
    """Fetches the feed and imports it as the source's snapshot; 0 written, 1 stopped, 2 not fetched."""
    from bot.cli.common import settings_or_exit
    from bot.cli.exchange import nlu_categorizer
    from bot.cli.feed_import import run_feed_import
    from bot.exchange.feeds.detect import detect_feed, read_feed
    from bot.exchange.feeds.sources import SourceProblem, is_source_name, load_source, sources_dir
    from bot.exchange.files import FileProblem

    settings = settings_or_exit()
    if not is_source_name(args.source):
        print(f"'{args.source}' cannot be a source name: use letters, digits, _ . - (at most 60)", file=sys.stderr)
        return 2
    try:
        config = load_source(args.source, settings.exchange_sources_dir)
        if config.path is None:  # no file at all: say where it belongs, not that a key is missing
            expected = sources_dir(settings.exchange_sources_dir) / f"{args.source}.toml"
            raise SourceProblem(f"no source file {expected}; write feed = \"https://…\" (a URL, file:// URL or "
                                "path) into it (see data/exchange/sources/README.md)")
        if not config.feed:
            raise SourceProblem(f"{config.path}: no feed = \"…\" (a URL, file:// URL or path) to sync from")
        data = fetch(config.feed, base=config.path.parent if config.path else Path.cwd())
        format_ = detect_feed(data, config.format or None)
        if format_ is None:
            raise FileProblem("the feed is not a freinet CSV/XML or agency JSON export (set format = … in the "
                              "source file)")
        feed = read_feed(data, format_)
    except (SourceProblem, FeedUnavailable, FileProblem) as problem:
        print(f"sync {args.source}: {problem}", file=sys.stderr)
        return 2
    args.file, args.source = config.feed, args.source
    return run_feed_import(args, feed, categorizer=nlu_categorizer())


def fetch(location: str, *, base: Path) -> bytes:
    """Returns a feed's bytes from an http(s) URL, a file:// URL or a path."""
    parsed = urllib.parse.urlparse(location)
    if parsed.scheme in ("http", "https"):
        try:
            with urllib.request.urlopen(location, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 (http only)
                data: bytes = response.read(MAX_BYTES + 1)
        except urllib.error.HTTPError as error:
            raise FeedUnavailable(f"{location}: HTTP {error.code} {error.reason}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise FeedUnavailable(f"{location}: not reachable ({reason})") from None
    else:
        path = Path(urllib.request.url2pathname(parsed.path)) if parsed.scheme == "file" else Path(location)
        path = path if path.is_absolute() else base / path
        try:
            data = path.read_bytes()
        except OSError as error:
            raise FeedUnavailable(f"{path}: {error.strerror or error}") from None
    if len(data) > MAX_BYTES:
        raise FeedUnavailable(f"{location}: larger than {MAX_BYTES // (1024 * 1024)} MB; not a feed")
    if not data.strip():
        raise FeedUnavailable(f"{location}: empty (a failed export?); nothing changed")
    return data
