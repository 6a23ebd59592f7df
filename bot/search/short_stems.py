"""What a request word with a short stem that is no word of its own stands for in the listings' vocabulary.

"Sachen" begins "Sachkunde" and "Sachsen", "fahren" "Fahrtkosten": a short stem as a beginning finds words that
merely begin alike. So such a word stands for its own forms, the compounds beginning with one of them, and (for a
word shaped as a verb) the compounds of its stem and another word.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.search.word_forms import MIN_STEM, inflections
from nlu.lexicon import known_words

if TYPE_CHECKING:
    from bot.search.vocabulary import Vocabulary

# A stem shorter than this that the listings never write as a word of its own is the word with its ending taken off
# ("sach" of "Sachen", "fahr" of "fahren"), no word: as a beginning it found other words ("Sachkunde", "Sachsen",
# "Fahrtkosten"). See short_stem_group.
MIN_OPEN_STEM = 5
# The endings of a verb's infinitive ("malen", "wandern") and the forms of its stem that begin its nouns ("Maler",
# "Malerei", "Malerin" of "malen"; "Fahrer" of "fahren"): a form no listing begins a word with adds nothing.
_INFINITIVE_ENDINGS = ("en", "n")
_NOUN_ENDINGS = ("e", "er")


def short_stem_group(vocabulary: Vocabulary, word: str, stem: str, *, most: int) -> tuple[list[str], list[str]]:
    """Returns the terms and beginnings a word with a short stem that is no word of its own stands for: its
    forms ("sache", "sachen"), the compounds beginning with one of them ("gartenarbeit" of "Garten",
    "kinderhospiz" of "Kindern", "wanderweg" of "wander"), and, for a word shaped as a verb (the stem and
    "en"), the beginnings of its nouns ("maler*" of "malen": Maler, Malerei) and the compounds of the stem and
    another word ("singkreis", "kochabend", "fahrdienst", "sachspende"; at most `most`, shortest first) unless
    the compound is a frequent word of the language itself: such a word has a meaning of its own ("Sachkunde",
    "Sachverstand"), and one whose rest is no word ("Sachsen", "Fahrtkosten", "Wandbild" of "wander") merely
    begins alike."""
    forms = dict.fromkeys((word, *inflections(stem)))
    terms = [form for form in forms if form in vocabulary.documents]
    # A genitive's "s" begins other words ("sachs": Sachsen): only the forms ending otherwise begin compounds.
    prefixes = [form for form in forms if form != stem and not form.endswith("s") and vocabulary.has_prefix(form)
                and not any(form.startswith(other) and other != form for other in forms if other != stem)]
    if word not in (stem + "en", stem + "n"):
        return terms, prefixes
    verb = next(word[: -len(ending)] for ending in _INFINITIVE_ENDINGS if word.endswith(ending))
    nouns = [verb + ending for ending in _NOUN_ENDINGS]
    prefixes += [noun for noun in nouns if noun not in prefixes and vocabulary.has_prefix(noun)
                 and not any(noun.startswith(prefix) for prefix in prefixes)]
    compounds = [term for term in vocabulary.prefixed(stem) if term not in terms
                 and not any(term.startswith(prefix) for prefix in prefixes)
                 and term not in known_words() and _joins_word(vocabulary, term[len(stem):])]
    terms += sorted(compounds, key=lambda term: (len(term), term))[:most]
    return terms, prefixes


def _joins_word(vocabulary: Vocabulary, rest: str) -> bool:
    """Tells whether the rest of a compound after its first part is a word, maybe after a linking "s"
    ("sach|spenden", "hilf|s|dienst")."""
    return vocabulary.is_word(rest) or (rest.startswith("s") and len(rest) > MIN_STEM and vocabulary.is_word(rest[1:]))


# What may follow a short word in a listing's word that is one of its forms or compounds: an ending ("hunde",
# "hunden"), or a linking letter and a word of its own ("hund|e|schule", "tier|heim").
_FORM_ENDINGS = frozenset({"", "e", "n", "en", "s", "es", "er", "ern"})
_LINKS = ("", "e", "s", "es", "en", "n", "er")
_MIN_PART = 3  # a compound's second part is a word this long at least ("tier|arzt")


def word_beginnings(vocabulary: Vocabulary, prefix: str) -> tuple[list[str], list[str]]:
    """Returns the terms and beginnings a short word stands for as the beginning of listing words: the word itself
    when all the index's words beginning with it are its forms and compounds ("tier*"), else those forms and
    compounds only, as few beginnings as cover them ("hund", "hunde", "hundes*", "hundeb*") and without the words
    that merely begin alike ("hundert", "hunderte": a number, no dog)."""
    under = vocabulary.prefixed(prefix)
    if all(_continues(vocabulary, prefix, term) for term in under):
        return [], [prefix]
    terms: list[str] = []
    beginnings: list[str] = []
    pending = [(prefix, under)]
    while pending:
        begin, words = pending.pop()
        kept = [term for term in words if _continues(vocabulary, prefix, term)]
        if not kept:
            continue
        if len(kept) == len(words):
            beginnings.append(begin)
            continue
        if begin in kept:
            terms.append(begin)
        branches: dict[str, list[str]] = {}
        for term in words:
            if len(term) > len(begin):
                branches.setdefault(term[: len(begin) + 1], []).append(term)
        pending += branches.items()
    return sorted(terms), sorted(beginnings)


def _continues(vocabulary: Vocabulary, stem: str, term: str) -> bool:
    """Tells whether a listing's word beginning with a short word is one of its forms or compounds."""
    rest = term[len(stem):]
    return rest in _FORM_ENDINGS or any(
        rest.startswith(link) and len(rest) - len(link) >= _MIN_PART and vocabulary.is_word(rest[len(link):])
        for link in _LINKS
    )
