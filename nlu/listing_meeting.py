"""A café a listing's title names is a meeting place: "Kirchencafé-Team", "Nähcafé-Leitung", "Café Miteinander",
"Volunteers for our Welcome Café". When the title names no other field, the café is where people of the quarter meet,
and the listing is neighbourly (the taxonomy's neighbourhood) whatever its text goes on about. A café whose title names
its field ("Demenzcafé", "Nachtcafé für Wohnungslose", "Hausaufgabencafé") is that field's; a language café
("Sprach-Café", "Deutsch-Café", "Englisch-Café", "Café Lingua": any language, before or after the café) is
practising a language, no meeting of the quarter. The words are the [listing.meeting] section of
data/nlu/interests.toml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from nlu.components.languages import language_code
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
        after = doc[token.i + 1].norm_ if token.i + 1 < title_tokens else ""
        if any(_names_a_language(word, rules) for word in (*parts, before, after) if word):
            return []  # "Sprach-Café", "Englisch-Café", "German café", "Café Lingua"
        return [Span(doc, token.i, token.i + 1, label=rules.category)]
    return []


def _names_a_language(word: str, rules: MeetingRules) -> bool:
    """Tells whether a folded word or word part names a language or speaking one: "englisch", "ukrainisch",
    "english", "sprach", "lingua" (any language the languages component knows, and `language_parts`)."""
    return word.startswith(rules.language_parts) or language_code(word) is not None
