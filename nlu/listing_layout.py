"""The layout of a listing's text as agencies write it: the title, the sections its headings open ("Über uns:",
"Deine Aufgaben:", "Wir bieten:", "Kontakt:"), the sentences and list lines, and the examples in brackets, and what a
word weighs by where it stands. Addresses are blanked before, since they name the organisation, not the task."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

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
    blurb_fields: int
    blurb_items: int
    section_fields: frozenset[str]
    section_heads: tuple[str, ...]
    capitalised_nouns: dict[str, bool]  # language -> whether its nouns alone are capitalised


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
        blurb_fields=int(raw["blurb_catalogue_fields"]),
        blurb_items=int(raw["blurb_catalogue_items"]),
        section_fields=frozenset(raw["blurb_section_fields"]),
        section_heads=tuple(fold(word) for word in raw["blurb_section_heads"]),
        capitalised_nouns={lang: True for lang in raw["capitalised_nouns"]},
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
    blurb_end: int = 0  # where the text before the first heading ends, when a task heading follows it

    def in_blurb(self, offset: int) -> bool:
        """Tells whether the offset lies in the organisation's blurb: an "about" section, or the text between the
        title and the first heading of a listing whose tasks have a heading of their own ("Der Verein ist aktiv in
        ... Aufgaben: ...")."""
        return self.title_length <= offset and (offset < self.blurb_end or self.kind(offset) == "about")

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
    found = tuple(sections(text))
    blurb_end = found[1][0] if any(kind == "task" for _, kind in found[1:]) else 0
    return ListingLayout(title_length, found, examples, sentences, blurb_end)


def fold_keep_length(text: str) -> str:
    """Lower-cases without changing offsets (umlauts stay), for heading search over the original text."""
    return text.lower()


def blurb_catalogues(mentions: list[Span], layout: ListingLayout, starts: tuple[int, ...]) -> set[int]:
    """Returns the starts of the mentions in the blurb's sentences that list what else the organisation does: "Der
    Ortsverein ist aktiv in Blutspende, Sanitätsdienst, Jugendrotkreuz und sozialer Arbeit", "Die Gemeinde lädt zu
    Gottesdiensten, Kinderbibeltagen, Seniorennachmittagen und Konzerten ein" before the tasks of a clothing store or
    a parish letter. Such a sentence names `blurb_fields` fields or more by `blurb_items` or more nouns (capitalised
    words: "In unserer Werkstatt malen, basteln und singen Menschen mit Demenz" describes what the volunteer joins).
    Only while the listing names a field outside its blurb too: a blurb that is all a listing says keeps its weight.
    The organisation's sections named there ("dazu haben wir ein Jugendorchester") are such mentions too: a word of
    `section_fields` ending in one of `section_heads`."""
    rules = layout_rules()
    blurb: dict[int, list[Span]] = {}
    outside = False
    for span in mentions:
        offset = starts[span.start]
        if layout.in_blurb(offset):
            blurb.setdefault(layout.sentence(offset), []).append(span)
        else:
            outside = True
    if not outside:
        return set()
    capitals = layout_rules().capitalised_nouns.get(mentions[0].doc.lang_, False)
    found: set[int] = {
        span.start for named in blurb.values() for span in named
        if span.label_ in rules.section_fields and len(span) == 1
        and span[0].norm_.replace("-", "").endswith(rules.section_heads)
    }
    for named in blurb.values():
        nouns = {span.start for span in named if not capitals or any(_noun_like(token) for token in span)}
        if len({span.label_ for span in named}) >= rules.blurb_fields and len(nouns) >= rules.blurb_items:
            found.update(span.start for span in named)
    return found


def _noun_like(token: Token) -> bool:
    """Tells whether a token of a capitalising language is a noun or a number ("Jugendgruppen", "70 plus")."""
    return token.text[:1].isupper() or token.like_num


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
