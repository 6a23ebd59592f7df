"""Message catalogues: one TOML file per language next to this module, flattened to dotted keys.

Texts that go into messages are Telegram HTML: the catalogue may use <b>, <i> and <a>, and whoever fills in a
placeholder with text from people or listings escapes it first (bot.telegram.render does). Button labels and
callback answers are plain text.
"""

from __future__ import annotations

import string
import tomllib
from functools import cache
from pathlib import Path

LANGUAGES: tuple[str, ...] = ("de", "en")
DEFAULT_LANGUAGE = "de"
_HERE = Path(__file__).resolve().parent


@cache
def catalogue(lang: str) -> dict[str, str]:
    """Returns one language's texts by dotted key ('search.more')."""
    if lang not in LANGUAGES:
        raise KeyError(f"no catalogue for language {lang!r}")
    with (_HERE / f"{lang}.toml").open("rb") as handle:
        return dict(_flatten(tomllib.load(handle)))


def t(lang: str, key: str, **params: object) -> str:
    """Returns the text for a key in a language, with its {placeholders} filled in."""
    text = catalogue(lang if lang in LANGUAGES else DEFAULT_LANGUAGE)[key]
    return text.format(**params) if params else text


def placeholders(text: str) -> set[str]:
    """Returns the names of the {placeholders} in a catalogue text."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _flatten(table: dict[str, object], prefix: str = ""):  # type: ignore[no-untyped-def]
    """Yields (dotted key, text) pairs of a nested TOML table."""
    for key, value in table.items():
        if isinstance(value, dict):
            yield from _flatten(value, f"{prefix}{key}.")
        elif isinstance(value, str):
            yield f"{prefix}{key}", value
        else:
            raise TypeError(f"catalogue entry {prefix}{key} must be text, not {type(value).__name__}")
