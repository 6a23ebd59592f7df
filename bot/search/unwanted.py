"""The words a request negates as the listings hold them, compounds included.

"Tierheim, aber ohne Hunde" lowers the listings holding "Hunde" (bot.search.ranking). A prefix finds "Hundeschule"
and "Hundegassi", but the listings write the dogs inside compounds as often: "Gassi gehen mit Tierheimhunden", "unser
Therapiehund". Those hold the thing ruled out as much, so they are lowered too: the listings' words that contain the
word's stem and split (nlu.kernel.compounds) into known words one of which is a form of it. The split keeps a chance
infix out ("Stunden" holds no "hund": it is no compound of it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from bot.search.vocabulary import TermGroup, Vocabulary
from bot.search.word_forms import inflections, stem_of
from nlu.kernel.compounds import MIN_PART, split_compound

# The listings' compounds looked at for one negated word, shortest first: enough for the kinds people rule out.
MOST_COMPOUNDS = 64


def unwanted_groups(vocabulary: Vocabulary, words: Iterable[str], *, limit: int) -> tuple[TermGroup, ...]:
    """Returns the term groups of the negated words (Vocabulary.groups), each with the listings' compounds that hold
    its word as one of their parts."""
    return tuple(_with_compounds(vocabulary, group) for group in vocabulary.groups(words, limit=limit))


def _with_compounds(vocabulary: Vocabulary, group: TermGroup) -> TermGroup:
    """Returns a group with the listings' compounds holding its word as a part, which its beginnings do not find."""
    stem = stem_of(group.word)
    if group.fuzzy or group.part_of is not None or len(stem) < MIN_PART:
        return group
    forms = {group.word, *inflections(stem)}
    compounds = tuple(term for term in vocabulary.containing(stem, most=MOST_COMPOUNDS)
                      if not group.matches(term) and forms & set(split_compound(term, vocabulary.is_word)))
    if not compounds:
        return group
    documents = group.documents + sum(vocabulary.documents[term] for term in compounds)
    return replace(group, terms=group.terms + compounds, documents=min(documents, vocabulary.listings))
