"""What an operator writes down about a feed's source: the agency to contact, where its feed lives.

One small TOML file per source in data/exchange/sources/ (or EXCHANGE_SOURCES_DIR), named after the source
(freinet-1234.toml). Every key is optional:

    agency = "Freiwilligenagentur Beispielstadt"   # shown when an offer names no contact of its own
    phone = "+49 30 1234 5000"
    email = "info@example.org"
    url = "https://example.org/engagement"
    town = "Hamburg"             # where offers without a town of their own are, and whose quarters ortsteil names
    feed = "https://example.org/export.csv"   # for `ehrenamt-bot sync SOURCE`: a URL, file:// URL or a path
    format = "freinet-csv"       # only when the feed's format cannot be told from its content
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from nlu.kernel.resources import data_dir

_SOURCE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,59}$")


class SourceProblem(ValueError):
    """A source file that cannot be used; the message says which and why."""


@dataclass(frozen=True, slots=True)
class SourceConfig:
    """The operator's notes on one source."""

    name: str
    agency: str = ""
    phone: str = ""
    email: str = ""
    url: str = ""
    town: str = ""
    feed: str = ""
    format: str = ""
    path: Path | None = None


def sources_dir(configured: Path | None = None) -> Path:
    """Returns the folder of source files."""
    return configured or data_dir() / "exchange" / "sources"


def is_source_name(name: str) -> bool:
    """Tells whether a name can be a source (and a file name): letters, digits, _ . - and at most 60 long."""
    return bool(_SOURCE_NAME.match(name))


def load_source(name: str, folder: Path | None = None) -> SourceConfig:
    """Returns the operator's notes on a source, or empty notes when there is no file for it."""
    path = sources_dir(folder) / f"{name}.toml"
    if not is_source_name(name) or not path.is_file():
        return SourceConfig(name)
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise SourceProblem(f"{path}: not a readable TOML file: {error}") from None
    fields = {key: str(value).strip() for key, value in data.items() if key in SourceConfig.__dataclass_fields__}
    if unknown := sorted(set(data) - set(fields)):
        raise SourceProblem(f"{path}: unknown keys {', '.join(unknown)} (known: agency, phone, email, url, town, "
                            "feed, format)")
    return SourceConfig(name, path=path, **{key: value for key, value in fields.items() if key not in ("name", "path")})
