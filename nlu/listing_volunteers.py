"""The volunteers a listing describes: a group of people that a clause names as those who help ("Unsere Lesepaten
sind meist ältere Menschen", "Auch Ältere sind willkommen") is no field of the listing and not the people served."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span

from nlu.listing_layout import ListingLayout
from nlu.kernel.text import fold
from nlu.listing_rules import ListingRules, listing_rules
from nlu.word_lists import read_toml

# Marks that end a clause within a sentence ("Deutsch ist keine Voraussetzung – bei uns ...", "Helfer, die ...").
_CLAUSE_MARKS = frozenset({",", ";", ":", "–", "—", "-", "(", ")", "•", "|"})
_JOINS = frozenset({"und", "oder", "and", "or"})
_GENDER_ENDINGS = frozenset({"in", "innen", "inne", "r", "n"})  # after "*", ":" or "_": "Helfer:innen"
_LIST_ENDS = frozenset({",", ".", ";", "!", "(", ")"})  # what may follow an item of a list of groups
_LIST_REACH = 8  # tokens before a group in which a recruiting word may open its list


@cache
def _welcome_words(key: str) -> frozenset[str]:
    """Returns the modals that join a group to a welcome word ("Mitmachen können Menschen über 60"), or the words
    that recruit a group ("Wir suchen Jugendliche ab 16")."""
    return frozenset(fold(word) for word in read_toml("interests.toml")["listing"][key])


def without_volunteers(mentions: list[Span], layout: ListingLayout, starts: tuple[int, ...]) -> list[Span]:
    """Drops the mentions of people that a clause of the text names as the volunteers themselves ("Unsere
    Lesepaten sind meist ältere Menschen", "Auch Ältere sind willkommen"): they are who helps, not whom."""
    rules = listing_rules()
    return [
        span
        for span in mentions
        if span.label_ not in rules.people_categories
        or starts[span.start] < layout.title_length
        or not _names_the_volunteers(span, layout, starts, rules)
    ]


@cache
def _here() -> tuple[frozenset[tuple[str, ...]], frozenset[str]]:
    """Returns the phrases naming the organisation as where the volunteers work ("bei uns") and the verbs of it."""
    raw = read_toml("interests.toml")["listing"]
    places = frozenset(tuple(fold(word) for word in phrase.split()) for phrase in raw["volunteer_here"])
    return places, frozenset(fold(word) for word in raw["volunteer_here_verbs"])


def _right_after_working_here(span: Span) -> bool:
    """Tells whether a group stands right after "bei uns" and a verb of working or helping ("bei uns arbeiten Menschen
    aus 12 Nationen", "bei uns helfen Leute aus 6 Ländern mit"): the organisation's own helpers."""
    places, verbs = _here()
    doc = span.doc
    verb = span.start - 1
    if verb < 0 or doc[verb].norm_ not in verbs:
        return False
    return any(
        verb >= len(place) and tuple(token.norm_ for token in doc[verb - len(place) : verb]) == place
        for place in places
    )


def _names_the_volunteers(span: Span, layout: ListingLayout, starts: tuple[int, ...], rules: ListingRules) -> bool:
    """Tells whether the clause a group of people stands in describes the volunteers: the group welcome ("auch Ältere
    sind willkommen", "Rentner herzlich willkommen", "willkommen sind auch Ältere"), the task suited to it ("ideal für
    Rentner"), or a volunteer word, a copula and the group in this order with neither a preposition of the people
    served nor "und" between copula and group ("Unsere Ehrenamtlichen sind oft ältere Menschen", not "sind für ältere
    Menschen da"). A welcome word naming a place ("our Welcome Café brings together newcomers") is none of these."""
    doc = span.doc
    sentence = layout.sentence(starts[span.start])

    def in_clause(i: int) -> bool:
        if not 0 <= i < len(doc) or starts[i] < layout.title_length or layout.sentence(starts[i]) != sentence:
            return False
        if doc[i].text not in _CLAUSE_MARKS:
            return True
        return i + 1 < len(doc) and doc[i + 1].norm_ in _GENDER_ENDINGS  # "Helfer:innen" is one word

    def welcome(i: int) -> bool:
        return i >= first and doc[i].norm_ in rules.volunteer_welcome

    modals, recruits = _welcome_words("welcome_modals"), _welcome_words("recruit_words")
    recruited = _welcome_words("recruit_after")
    role = fold(span.text).endswith(rules.volunteer_words)  # "Wir suchen Lesepat:innen": the role names its people
    if _right_after_working_here(span):
        return True  # "bei uns arbeiten Menschen aus 12 Nationen"
    if not role and _listed_after_a_recruit(span, recruits):
        return True  # "Wir suchen Eltern, Großeltern und alle, die anpacken"
    first, last = span.start, span.end
    while in_clause(first - 1):
        first -= 1
    while in_clause(last):
        last += 1
    for i in range(span.end, last):
        if welcome(i) or (not role and doc[i].norm_ in recruited):  # "Jugendliche ab 16 gesucht"
            between = doc[span.end : i]
            return len(between) <= 1 or any(token.norm_ in rules.volunteer_copulas | modals for token in between)
    joined = False
    for i in range(span.start - 1, first - 1, -1):
        word = doc[i].norm_
        if word in rules.served_cues:  # "looking for teenagers" recruits, "Lesepaten für Kinder" serves
            return welcome(i - 1) or (not role and i - 1 >= first and doc[i - 1].norm_ in recruits)
        if word in recruits:
            return not role  # "Wir suchen Jugendliche ab 16 und Erwachsene, die ..."
        if word in modals and welcome(i - 1):
            return True  # "Mitmachen können Menschen über 60 ebenso wie Studierende"
        if word in _JOINS:
            joined = True  # "ideal für Schüler und Rentner", but "sind selbst Rentner und besuchen Ältere"
        elif word in rules.volunteer_copulas:
            if welcome(i - 1):
                return True
            return not joined and any(token.norm_.endswith(rules.volunteer_words) for token in doc[first:i])
    return False


def _listed_after_a_recruit(span: Span, recruits: frozenset[str]) -> bool:
    """Tells whether a group is an item of a list of nouns that a recruiting word opens ("Wir suchen Eltern,
    Großeltern und alle Handwerklich-Begabten", "Wir suchen Eltern, Großeltern, Ehemalige"): the commas of the list
    end no clause. The group must stand as an item, before a comma, "und"/"oder" or the sentence's end ("Wir suchen
    Ehrenamtliche, Senioren zu begleiten" names whom they help)."""
    doc = span.doc
    after = doc[span.end].text if span.end < len(doc) else "."
    if not (after in _LIST_ENDS or after.lower() in _JOINS or "\n" in after):
        return False
    commas = 0
    for i in range(span.start - 1, max(span.start - _LIST_REACH, -1), -1):
        token = doc[i]
        if fold(token.text) in recruits:
            return commas > 0
        if token.text == ",":
            commas += 1
        elif not (token.text[:1].isupper() or token.norm_ in _JOINS or token.norm_ in _GENDER_ENDINGS
                  or token.text in ("*", ":", "_", "-")):
            return False
    return False
