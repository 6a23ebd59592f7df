"""Small text tools for Telegram HTML: escaping, clipping, numbers, the 4,096 character limit."""

from __future__ import annotations

import html
import re

from bot.shortening import SPACE_AND_PUNCTUATION, WORD, shortened

MESSAGE_LIMIT = 4096  # Telegram's limit, counted in UTF-16 code units of the text after entity parsing
_TAG = re.compile(r"<[^>]+>")


def esc(value: object, limit: int | None = None) -> str:
    """Returns text from a listing or a person, clipped and escaped for Telegram HTML."""
    text = str(value)
    return html.escape(clip(text, limit) if limit else text)


def line(value: object, limit: int) -> str:
    """Returns a field as one escaped line: whitespace and line breaks collapsed, clipped."""
    return esc(" ".join(str(value).split()), limit)


def clip(text: str, limit: int) -> str:
    """Shortens text to at most limit characters, ending with an ellipsis when cut."""
    return shortened(text, limit, ends=())


def excerpt(text: str, limit: int) -> str:
    """Returns the start of a long text as escaped HTML: its lines kept (blank ones and runs of spaces dropped),
    at most `limit` characters, cut after a whole word with an ellipsis. Escaped after cutting, so no cut
    ever falls inside an entity."""
    kept = "\n".join(part for part in (" ".join(row.split()) for row in text.splitlines()) if part)
    return html.escape(shortened(kept, limit, ends=WORD, strip=SPACE_AND_PUNCTUATION))


def clip_units(text: str, units: int) -> str:
    """Shortens text to at most `units` UTF-16 code units (how Telegram counts), ending with an ellipsis."""
    if len(text.encode("utf-16-le")) // 2 <= units:
        return text
    used, kept = 1, []  # one unit for the ellipsis
    for char in text:
        used += 2 if ord(char) > 0xFFFF else 1
        if used > units:
            break
        kept.append(char)
    return "".join(kept).rstrip() + "…" if units > 0 else ""


def visible_length(markup: str) -> int:
    """Returns how long Telegram counts an HTML message: text without tags, in UTF-16 code units."""
    return len(html.unescape(_TAG.sub("", markup)).encode("utf-16-le")) // 2


def join_lines(lines: list[str]) -> str:
    """Joins non-empty lines."""
    return "\n".join(line for line in lines if line)
