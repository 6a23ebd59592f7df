"""The word lists and figures of the [listing] section of data/nlu/interests.toml that the listing categoriser
reads (its layout's headings and weights are nlu.listing_layout's)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from nlu.kernel.text import fold
from nlu.word_lists import read_toml, word_rules


@dataclass(frozen=True, slots=True)
class ListingRules:
    """The [listing] section of data/nlu/interests.toml."""

    ignore: tuple[str, ...]
    ignore_words: frozenset[str]
    title_denials: frozenset[str]
    object_care: frozenset[str]
    object_rescue: frozenset[str]
    object_categories: frozenset[str]
    object_reach: int
    bare_care_needs: frozenset[str]
    people_categories: frozenset[str]
    age_categories: frozenset[str]
    volunteer_words: tuple[str, ...]
    volunteer_copulas: frozenset[str]
    volunteer_welcome: frozenset[str]
    served_cues: frozenset[str]
    task_served: frozenset[str]  # groups a preposition of `served_cues` makes served in the tasks section
    errand_categories: frozenset[str]  # fields whose served words are errands: served only beside a person
    errand_people: frozenset[str]
    errand_owners: frozenset[str]
    share: float
    min_evidence: float
    most: int
    catalogue_fields: int
    catalogue_weight: float
    course_heads: tuple[str, ...]
    course_exempt: frozenset[str]
    childcare: tuple[str, ...]
    childcare_besides: frozenset[str]
    corroborated: frozenset[str]
    person_states: frozenset[str]
    state_cues: frozenset[str]
    served: dict[str, frozenset[str]]  # category -> folded first words of a mention naming the people served
    served_after_title: frozenset[str]  # fields whose people are served only when the title names no other people
    festival_heads: tuple[str, ...]
    quarter_parts: tuple[str, ...]  # "stadtteil": a quarter's institution ("Stadtteilmuseum") is named by its head
    institution_fields: frozenset[str]  # the fields whose institutions a quarter word before them does not make local
    age_from: frozenset[str]
    age_plus: frozenset[str]
    age_joined_from: tuple[str, ...]
    age_units: frozenset[str]
    age_not_units: frozenset[str]
    age_nouns: frozenset[str]
    senior_age: int
    also: tuple[tuple[str, tuple[str, ...]], ...]  # (folded word beginning, what it names besides in a listing)
    also_unless: dict[str, frozenset[str]]  # folded word beginning of `also` -> fields that keep it from naming them
    needs: tuple[tuple[str, frozenset[str]], ...]  # (folded word beginning, fields one of which the listing must name)
    needs_without: tuple[tuple[str, frozenset[str]], ...]  # (folded word beginning, fields the listing must not name)
    group_heads: tuple[str, ...]  # "gruppe": "für unsere Seniorengruppe" names the group the title's activity is for
    interview_words: tuple[str, ...]  # "interview": the people one interviews are asked, not served
    self_help: tuple[str, ...]  # "selbsthilfe": a self-help group is care, doing one's repairs oneself is not
    self_help_idiom: frozenset[str]  # "zur": "Hilfe zur Selbsthilfe" helps people to help themselves
    self_help_things: tuple[str, ...]  # "werkstatt", "reparatur", "fahrrad": self-help joined to what is repaired


@cache
def listing_rules() -> ListingRules:
    """Returns the listing rules."""
    raw = read_toml("interests.toml")["listing"]
    return word_rules(
        ListingRules, raw,
        as_written=("object_categories", "bare_care_needs", "people_categories", "age_categories", "task_served",
                    "errand_categories", "course_exempt", "institution_fields", "served_after_title"),
        served={  # folded, and as written: the tokenizer keeps some function words' umlauts ("über")
            key: frozenset({*map(fold, words), *(word.lower() for word in words)})
            for key, words in raw.get("served", {}).items()
        },
        also=tuple((fold(start), tuple(keys)) for start, keys in raw.get("also", {}).items()),
        also_unless={fold(start): frozenset(keys) for start, keys in raw.get("also_unless", {}).items()},
        needs=tuple((fold(start), frozenset(keys)) for start, keys in raw.get("needs", {}).items()),
        needs_without=tuple((fold(start), frozenset(keys)) for start, keys in raw.get("needs_without", {}).items()),
    )
