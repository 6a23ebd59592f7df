"""A café a listing's title names is a meeting place: "Kirchencafé-Team", "Nähcafé-Leitung", "Café Miteinander",
"Volunteers for our Welcome Café". When the title names no other field, the café is where people of the quarter meet,
and the listing is neighbourly (the taxonomy's neighbourhood) whatever its text goes on about. A café whose title names
its field ("Demenzcafé", "Nachtcafé für Wohnungslose", "Hausaufgabencafé") is that field's; a language café
("Sprach-Café", "Deutsch-Café") is practising German with newcomers. The words are the [listing.meeting] section of
data/nlu/interests.toml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from nlu.kernel.text import fold
from nlu.word_lists import read_toml


@dataclass(frozen=True, slots=True)
class MeetingRules:
    """The [listing.meeting] section: the folded heads of a café and the first parts of a language café."""

    heads: tuple[str, ...]
    language_parts: tuple[str, ...]
    category: str


@cache
def meeting_rules() -> MeetingRules:
    """Returns the meeting-place rules."""
    raw = read_toml("interests.toml")["listing"]["meeting"]
    return MeetingRules(
        heads=tuple(fold(word) for word in raw["heads"]),
        language_parts=tuple(fold(word) for word in raw["language_parts"]),
        category=str(raw["category"]),
    )


def title_meeting_place(doc: Doc, mentions: list[Span], title_tokens: int) -> list[Span]:
    """Returns a neighbourhood mention for the café the title names, when no title mention names another field."""
    rules = meeting_rules()
    if any(span.start < title_tokens and span.label_ != rules.category for span in mentions):
        return []
    for token in doc[:title_tokens]:
        parts = [part for part in token.norm_.split("-") if part]
        if not any(part.endswith(rules.heads) for part in parts):
            continue
        before = doc[token.i - 1].norm_ if token.i else ""
        if any(word.startswith(rules.language_parts) for word in (*parts, before)):
            return []  # "Sprach-Café", "Deutsch-Café", "German café"
        return [Span(doc, token.i, token.i + 1, label=rules.category)]
    return []
