"""A school or a school club a listing's title names is where pupils are: "Schulsanitätsdienst begleiten",
"Schulimkerei", "Schulobst-Team", "Umwelt-AG an der Oberschule", "Schach-AG", "Lesepat*in für die Grundschule". The
volunteer works with children there, so the title names children_youth, whatever the school's field. Only the title
counts (in the text a school is often only the place or a partner), only a word that begins with a school ("Schul...",
"Grundschul...", "Oberschul...": never "Hundeschule", "Volkshochschule", "Berufsschule", nor "Schulung", "Schulden")
or a school club ("Schach-AG"; never "AG" alone: "Siemens AG", "AG Asyl"); the bare "Schule" stays a word that
needs a plainer one beside it (`corroborated`). The words are the [listing.schools] section of
data/nlu/interests.toml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from nlu.kernel.text import fold
from nlu.word_lists import read_toml


@dataclass(frozen=True, slots=True)
class SchoolRules:
    """The [listing.schools] section: folded beginnings of school words, those that name no school, the bare words
    left to the corroboration rule, the parts that name a school club, and the category they give."""

    starts: tuple[str, ...]
    not_starts: tuple[str, ...]
    bare: frozenset[str]
    clubs: frozenset[str]
    category: str


@cache
def school_rules() -> SchoolRules:
    """Returns the school rules."""
    raw = read_toml("interests.toml")["listing"]["schools"]
    return SchoolRules(
        starts=tuple(fold(word) for word in raw["starts"]),
        not_starts=tuple(fold(word) for word in raw["not_starts"]),
        bare=frozenset(fold(word) for word in raw["bare"]),
        clubs=frozenset(fold(word) for word in raw["clubs"]),
        category=str(raw["category"]),
    )


def title_school_pupils(doc: Doc, mentions: list[Span], title_tokens: int) -> list[Span]:
    """Returns a children_youth mention for the first school word of the title, unless one names them already."""
    rules = school_rules()
    if any(span.label_ == rules.category and span.start < title_tokens for span in mentions):
        return []
    for token in doc[:title_tokens]:
        parts = [part for part in token.norm_.split("-") if part]
        if any(_names_a_school(part, rules) for part in parts) or (len(parts) > 1 and parts[-1] in rules.clubs):
            return [Span(doc, token.i, token.i + 1, label=rules.category)]
    return []


def _names_a_school(part: str, rules: SchoolRules) -> bool:
    """Tells whether a folded word part names a school: "schulimkerei", "oberschule". A club ("ag") counts only as
    the head of a hyphenated compound ("Schach-AG"): the word alone is a company's legal form ("Siemens AG") or an
    adults' working group ("AG Asyl") as often."""
    return part.startswith(rules.starts) and not part.startswith(rules.not_starts) and part not in rules.bare
