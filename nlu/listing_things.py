"""Things a listing takes care of or rescues, which name no field of people: "Pflege der Homepage" is no health care,
"Rettung alter Obstsorten" no emergency service, "ältere Tiere" no seniors (the word lists are ListingRules')."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from nlu.vocabulary import categories_of

if TYPE_CHECKING:
    from nlu.listing_rules import ListingRules

_ARTICLES = frozenset({"der", "des", "die", "den", "dem", "von", "vom", "unserer", "unseres", "unserem", "unseren",
                       "eurer", "ihrer", "einer", "eines", "the", "of", "our"})


def rescues_a_thing(span: Span, starts: dict[int, set[str]], rules: ListingRules) -> bool:
    """Tells whether a bare "Rettung" rescues a thing ("Rettung alter Obstsorten"): a mention of `object_categories`
    follows within `object_reach` words."""
    if len(span) != 1 or span[0].norm_ not in rules.object_rescue:
        return False
    following = set().union(*(starts.get(j, set()) for j in range(span.end, span.end + rules.object_reach)))
    return bool(following & rules.object_categories)


def describes_a_thing(doc: Doc, span: Span, starts: dict[int, set[str]], rules: ListingRules) -> bool:
    """Tells whether an age group named by an adjective alone ("ältere") is an adjective of the thing right after it
    ("ältere Tiere, die Ruhe brauchen", "unsere ältere Website"): a noun naming one of `object_categories` follows.
    A German adjective is written in lower case; "Ältere" written as a noun names the people. (An adjective of
    access, "barrierefreie Stadtführungen", "inklusives Theater", makes the thing its field's: not an age.)"""
    if len(span) != 1 or not span[0].text.islower() or span.end >= len(doc):
        return False
    return bool(starts.get(span.end, set()) & rules.object_categories)


def joined_care_of_a_thing(span: Span, rules: ListingRules) -> bool:
    """Tells whether a hyphenated compound ends in care and starts with a thing cared for ("Website-Pflege",
    "Biotop-Pflege"): the care of a thing, as "Homepagepflege" written as one word is."""
    if len(span) != 1 or "-" not in span[0].norm_:
        return False
    *things, last = span[0].norm_.split("-")
    if not last.startswith(tuple(rules.object_care)):
        return False
    return any(set(categories_of(part, span.doc.lang_)) & rules.object_categories for part in things if part)


def cares_for_a_thing(doc: Doc, span: Span, starts: dict[int, set[str]], rules: ListingRules) -> bool:
    """Tells whether a bare "Pflege" cares for a thing ("Pflege der Homepage", "Recherche und Pflege"), not for
    people: only a person word right after it ("Pflege von Kranken", "pflegen Senioren") keeps it health care."""
    if len(span) != 1 or span[0].norm_ not in rules.object_care:
        return False
    i = span.end
    while i < len(doc) and i < span.end + rules.object_reach and (doc[i].norm_ in _ARTICLES or not doc[i].is_alpha):
        i += 1
    following = set().union(*(starts.get(j, set()) for j in range(i, min(i + 2, len(doc)))))
    return not following & rules.bare_care_needs


def repairs_oneself(span: Span, rules: ListingRules) -> bool:
    """Tells whether a self-help mention is doing a repair oneself, not a group of people sharing an illness: the
    idiom "Hilfe zur Selbsthilfe" (help people to help themselves), or self-help joined to what is repaired
    ("Fahrrad-Selbsthilfe", "Selbsthilfe-Werkstatt", "Selbsthilfe-Reparatur"). A "Selbsthilfegruppe" stays care."""
    if len(span) != 1:
        return False
    parts = [part for part in span[0].norm_.split("-") if part]
    if not any(part.startswith(rules.self_help) for part in parts):
        return False
    if span.start and span.doc[span.start - 1].norm_ in rules.self_help_idiom and len(parts) == 1:
        return parts[0] in rules.self_help  # "zur Selbsthilfe", not "zur Selbsthilfegruppe"
    return any(part.startswith(rules.self_help_things) for part in parts if not part.startswith(rules.self_help))
