"""The layout of a listing's text as agencies write it: the title, the sections its headings open ("Über uns:",
"Deine Aufgaben:", "Wir bieten:", "Kontakt:"), the sentences and list lines, and the examples in brackets, and what a
word weighs by where it stands. Addresses are blanked before, since they name the organisation, not the task."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc

from nlu.word_lists import read_toml
from nlu.kernel.text import fold


_CLAUSE_ENDS = frozenset({"–", "—", ";"})


@dataclass(frozen=True, slots=True)
class LayoutRules:
    """The headings and the weights by place of the [listing] section of data/nlu/interests.toml."""

    headings: re.Pattern[str]  # group "about", "offer", "aside" or "task"
    title_weight: float
    aside_weight: float
    about_people_weight: float
    example_weight: float
    people_categories: frozenset[str]
    reputation: frozenset[str]
    reputation_search: re.Pattern[str]  # any of `reputation` in the text, in any case and with umlauts as written


@cache
def layout_rules() -> LayoutRules:
    """Returns the layout rules."""
    raw = read_toml("interests.toml")["listing"]
    return LayoutRules(
        headings=_heading_pattern(
            raw["about_headings"], raw["offer_headings"], raw["aside_headings"], raw["task_headings"]
        ),
        title_weight=float(raw["title_weight"]),
        aside_weight=float(raw["aside_weight"]),
        about_people_weight=float(raw["about_people_weight"]),
        example_weight=float(raw["example_weight"]),
        people_categories=frozenset(raw["people_categories"]),
        reputation=frozenset(fold(word) for word in raw["reputation"]),
        reputation_search=re.compile("|".join(map(re.escape, raw["reputation"])), re.IGNORECASE),
    )


def _heading_pattern(about: list[str], offer: list[str], aside: list[str], task: list[str]) -> re.Pattern[str]:
    """Compiles the section headings: at a line start (tags are line breaks), followed by ":" or the line end."""

    def group(words: list[str]) -> str:
        forms = {form for w in words for form in (w.lower(), fold(w))}  # searched in lower case, umlauts kept
        return "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))

    named = [("about", about), ("offer", offer), ("aside", aside), ("task", task)]
    kinds = "|".join(f"(?P<{kind}>{group(words)})" for kind, words in named)
    return re.compile(rf"(?m)^[ \t*•-]*(?:{kinds})[ \t]*\??[ \t]*(?::|$)")  # "Wann?:", "Wo?"


SECTION_KINDS = ("about", "offer", "aside", "task")  # the kinds a heading opens
ASIDE_KINDS = frozenset({"offer", "aside"})  # the sections beside the task: what volunteers get, wishes, contact


def sections(text: str) -> list[tuple[int, str]]:
    """Returns (start offset, kind) of each section of a cleaned listing text, in order: "lead" (the title and
    the text before the first heading), "about" (the organisation and its service), "offer" (what volunteers get),
    "aside" (wishes, contact) or "task"."""
    found = [(0, "lead")]
    for match in layout_rules().headings.finditer(fold_keep_length(text)):
        found.append((match.start(), next(kind for kind in SECTION_KINDS if match.group(kind))))
    return found


# E-mail and web addresses name the organisation ("info@tierheim-nord.example.org"), not the task: a word holding
# "@", "www.", "://" or a top-level domain is blanked whole. The cheap search first spares texts without any.
_ADDRESS_HINT = re.compile(r"@|www\.|://|\.(?:de|org|com|net|eu|info)\b")
_ADDRESS = re.compile(r"(?<!\S)\S*?(?:@|www\.|://|\.(?:de|org|com|net|eu|info)\b)\S*")


def without_addresses(text: str) -> str:
    """Blanks out e-mail and web addresses in a listing's description."""
    return _ADDRESS.sub(" ", text) if _ADDRESS_HINT.search(text) else text


_SENTENCE_END = re.compile(r"[.!?;:](?=\s)|\n")
_EXAMPLES = re.compile(r"\([^()\n]{1,200}\)")  # "Unternehmungen (Bibliothek, Markt, Museum)"


@dataclass(frozen=True, slots=True)
class ListingLayout:
    """Where a listing's title, sections and bracketed examples lie in its cleaned text, and what a word there
    weighs: the title most, the organisation blurb and the offer/wish sections least, and a word in brackets
    ("Freizeitangebote (Sport, Musik, Basteln)") only as an example of the task before it."""

    title_length: int
    sections: tuple[tuple[int, str], ...]
    examples: tuple[tuple[int, int], ...]
    sentence_ends: tuple[int, ...]

    def sentence(self, offset: int) -> int:
        """Returns the number of the sentence (or list line) the offset lies in."""
        return bisect_right(self.sentence_ends, offset)

    def kind(self, offset: int) -> str:
        """Returns the kind of text the offset lies in: "title", "lead", "about", "offer", "aside" or "task"."""
        if offset < self.title_length:
            return "title"
        return next(kind for start, kind in reversed(self.sections) if start <= offset)

    def in_example(self, offset: int) -> bool:
        """Tells whether the offset lies in brackets (an example of the task before it)."""
        return any(start < offset < end for start, end in self.examples)

    def weight(self, offset: int, category: str = "") -> float:
        """Returns the weight of a mention of `category` starting at `offset`. The people an organisation serves,
        named in its blurb ("begleitet Menschen mit Behinderung"), are those the volunteer works with, too."""
        rules = layout_rules()
        if offset < self.title_length:
            return rules.title_weight
        kind = next(kind for start, kind in reversed(self.sections) if start <= offset)
        if kind == "about" and category in rules.people_categories:
            weight = rules.about_people_weight
        else:
            weight = rules.aside_weight if kind == "about" or kind in ASIDE_KINDS else 1.0
        if any(start < offset < end for start, end in self.examples):
            weight = min(weight, rules.example_weight)
        return weight


def listing_layout(text: str, title_length: int) -> ListingLayout:
    """Finds the layout of a cleaned listing text whose first `title_length` characters are its title."""
    examples = tuple(m.span() for m in _EXAMPLES.finditer(text, title_length))
    sentences = tuple(m.end() for m in _SENTENCE_END.finditer(text, title_length))
    return ListingLayout(title_length, tuple(sections(text)), examples, sentences)


def fold_keep_length(text: str) -> str:
    """Lower-cases without changing offsets (umlauts stay), for heading search over the original text."""
    return text.lower()


def reputation_clauses(doc: Doc, layout: ListingLayout, starts: tuple[int, ...]) -> set[int]:
    """Returns the tokens of the clauses that say what the organisation is known for, up to a dash or semicolon
    within the sentence: "Unsere Stadt ist für den Sachsenring bekannt – wir dagegen sind eine Seniorensportgruppe"
    keeps the group."""
    rules = layout_rules()
    found: set[int] = set()
    if not rules.reputation_search.search(doc.text):
        return found  # most listings say nothing of the kind: skip them at C speed
    for token in doc:
        if token.norm_ not in rules.reputation:
            continue
        sentence = layout.sentence(starts[token.i])
        for step in (-1, 1):
            i = token.i
            while 0 <= i < len(doc) and doc[i].text not in _CLAUSE_ENDS and layout.sentence(starts[i]) == sentence:
                found.add(i)
                i += step
    return found
