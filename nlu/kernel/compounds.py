"""A German compound the listings never write, read as the words it is made of.

German joins words freely: a request for "Klavierunterricht", a "Laientheatergruppe" or "Umweltschutz" is
answered by listings saying "Klavier", "Theater" or "Umwelt", though no listing writes the request's compound and
none of them begins with it. Such a word is split into words the language or the listings know ("klavier" +
"unterricht", "migration" + s + "geschichte"), and each part is searched as a word of its own, so the rarer part
(the specific one) weighs more than the common one (bot.search.vocabulary.Vocabulary.weight). The NLU asks the same
splitter, with its own shortest parts, whether an unknown word is a compound rather than a typo (nlu.vocabulary).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from spacy.lang.de.stop_words import STOP_WORDS as GERMAN_STOP_WORDS

from nlu.kernel.text import fold

# Shorter parts are mostly particles and endings ("ein", "an"), which split ordinary words into nonsense.
MIN_PART = 4
# What German puts between the parts of a compound: Migration-s-geschichte, Tier-e-heim, Blume-n-wiese.
LINKS = ("", "s", "n", "en", "es", "e")
MAX_PARTS = 4
# spaCy's German stop words that are nouns, in every form it lists: a compound ends in them ("Freizeit",
# "Wochenende", "Lebensjahr", "Menschenrechte", "Kinderrechten").
_NOUN_STOP_WORDS = frozenset({"zeit", "teil", "ende", "jahr", "jahre", "jahren", "tage", "tagen", "mittel", "recht",
                              "rechte", "rechten", "beispiel", "morgen", "dank", "einmaleins", "dasein"})


@cache
def _function_words() -> frozenset[str]:
    """Returns the German function words (spaCy's stop words without its nouns), folded: adverbs, pronouns,
    conjunctions, auxiliaries. None ends a compound: "standort" is no "stan" + "dort"."""
    return frozenset(fold(word) for word in GERMAN_STOP_WORDS) - _NOUN_STOP_WORDS


def can_head(part: str) -> bool:
    """Tells whether a folded word may be the last part (the head) of a compound: no function word. A particle
    may begin one ("nach" of "Nachhilfe"), never end it."""
    return part not in _function_words()


def split_compound(
    word: str, is_word: Callable[[str], bool], *, first: int = MIN_PART, others: int = MIN_PART,
    max_parts: int = MAX_PARTS, links: tuple[str, ...] = LINKS,
) -> tuple[str, ...]:
    """Returns the parts of a folded compound (at least two, at most `max_parts`, each a word `is_word` knows, even
    when the compound is known as well; the first at least `first` letters long, the others `others`): the split
    into the fewest parts and, among those, the one with the longest first part; none when the word is not made of
    known words, nor when its last part is a function word (can_head). `links`: the letters that may join two parts
    (the NLU's typo check takes the short ones only: a doubled letter before "s" or "n" is a slip, "Tageespflege",
    "Wohnungeslosen")."""
    if len(word) < first + others:
        return ()

    @cache
    def rest(start: int) -> tuple[str, ...] | None:
        """Returns the best split of word[start:] into known words, or None."""
        best: tuple[str, ...] | None = None
        for end in range(len(word), start + (first if start == 0 else others) - 1, -1):
            part = word[start:end]
            if (start, end) == (0, len(word)) or not is_word(part):  # the word itself is what is split
                continue
            if end == len(word):
                # the whole rest is one word: no split with fewer parts, if it can end a compound
                return (part,) if can_head(part) else None
            for link in links:
                following = rest(end + len(link)) if word.startswith(link, end) else None
                if following is not None and len(following) < max_parts and (
                        best is None or len(following) + 1 < len(best)):
                    best = (part, *following)
        return best

    found = rest(0)
    return found if found is not None and len(found) >= 2 else ()
