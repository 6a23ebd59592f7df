"""Text in and JSON lines out for `parse` and `search`, on any bytes.

Other tools read `--json -` line by line, so the contract is: exactly one JSON line per input line, in order,
always valid UTF-8. Input is read as bytes and decoded with replacement (one bad byte must not lose the batch),
output is UTF-8 whatever PYTHONIOENCODING or the locale say.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any, TextIO

# json.dumps leaves these raw with ensure_ascii=False, but str.splitlines() and some JSON-lines readers break a
# line at them; escaped, the decoded value is the same and the line stays one line for every reader.
_LINE_BREAKS_INSIDE = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}


def input_lines(stdin: TextIO) -> Iterator[str]:
    """Yields every line of stdin without its line break, decoded from UTF-8 with replacement.

    Lines end at "\\n" only (a "\\r" before it is dropped), so a tool counting "\\n" counts the same lines.
    """
    raw = getattr(stdin, "buffer", None)
    if raw is None:  # a text stream without bytes below it (tests): its lines are text already
        for line in stdin:
            yield valid_text(line.rstrip("\r\n"))
        return
    for chunk in raw:
        yield chunk.decode("utf-8", errors="replace").rstrip("\r\n")


def argument_text(words: list[str]) -> str:
    """Joins command-line words, turning bytes that were no UTF-8 (surrogate escapes) into replacement marks."""
    return " ".join(valid_text(word) for word in words)


def utf8_output(stream: TextIO) -> None:
    """Makes the stream write UTF-8 with a newline of "\\n", whatever the locale or PYTHONIOENCODING say."""
    if isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(encoding="utf-8", errors="strict", newline="\n")


def json_line(data: dict[str, Any]) -> str:
    """Returns one JSON object as one line (with its line break), readable, and a single line for any reader."""
    text = json.dumps(data, ensure_ascii=False)
    for raw, escaped in _LINE_BREAKS_INSIDE.items():
        text = text.replace(raw, escaped)
    return text + "\n"


def too_long(text: str, limit: int) -> dict[str, Any]:
    """The error object written in place of a result for a line longer than the chat reads."""
    return {
        "error": "too_long",
        "message": f"Zu lang: höchstens {limit} Zeichen, diese Zeile hat {len(text)} / "
                   f"too long: at most {limit} characters, this line has {len(text)}",
        "limit": limit,
        "length": len(text),
    }


def valid_text(text: str) -> str:
    """Replaces lone surrogates (undecodable bytes of arguments, or forged text) by U+FFFD."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:  # bytes that were no UTF-8 in an argument: one replacement mark per byte, as for stdin
        raw = text.encode("utf-8", errors="surrogateescape")
    except UnicodeEncodeError:
        raw = text.encode("utf-8", errors="surrogatepass")
    return raw.decode("utf-8", errors="replace")
