"""Cutting a long text to a length as a reader expects it: after a whole paragraph, line or word when that keeps
at least half of the room, else at the limit, with an ellipsis. One rule for a stored description, a title and a
moderator's excerpt; what each counts as an end and strips before the ellipsis is the caller's choice below."""

from __future__ import annotations

ELLIPSIS = "…"
# Ends a cut may fall after, tried in order; the ends in one tuple are equal (the last of them counts).
PARAGRAPH_LINE_WORD: tuple[tuple[str, ...], ...] = (("\n\n",), ("\n",), (" ",))
WORD: tuple[tuple[str, ...], ...] = ((" ", "\n"),)
# Stripped before the ellipsis: white space unless a caller says more, as a title or an excerpt does with a comma or
# dash left hanging ("Wir suchen,…").
SPACE_AND_PUNCTUATION = " ,;:-–\n"


def shortened(
    text: str, limit: int, *, ends: tuple[tuple[str, ...], ...] = PARAGRAPH_LINE_WORD, strip: str | None = None,
) -> str:
    """Returns text cut to at most `limit` characters with an ellipsis, after the first kind of `ends` that keeps at
    least half of the limit (at the limit when none does, or no `ends` are given); a text that fits as it is."""
    if len(text) <= limit:
        return text
    cut = text[: max(limit - 1, 0)]
    for marks in ends:
        end = max(cut.rfind(mark) for mark in marks)
        if end >= limit // 2:
            return cut[:end].rstrip(strip) + ELLIPSIS
    return cut.rstrip(strip) + ELLIPSIS
