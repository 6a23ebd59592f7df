"""The words of a request that name a language the person speaks ("Englisch" of "ich spreche Englisch", "englisch"
of "I speak English"): what they offer, not what they look for.

Issue 15: a language the person speaks lifts the listings asking for it above those asking for another, and never
narrows the answer. Ranked as a word naming the thing, "Englisch" made the one listing saying it ("Nachhilfe (Mathe,
Englisch)") the answer and put every other listing of the field behind "Ähnliche anzeigen" (bot.search.tiers), while
"Arabisch", which no listing of the field wrote, left all of them. Such a word ranks as fully as before, but only
orders, as a word naming a searched category does (RankWords.generic): the listings asking for the language come
first (bot.search.ranking: Weights.language and the word), the others stay in the answer. Not where the language is
the help itself (data/search/language_fields.toml: interpreting for refugees).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from bot.search.word_files import DATA, read_list
from nlu.lexicon import language_names


@cache
def language_fields() -> frozenset[str]:
    """Returns the categories where a spoken language is the help itself (data/search/language_fields.toml)."""
    return frozenset(str(key) for key in read_list(DATA / "language_fields.toml")["keys"])


def spoken_words(words: Iterable[str], languages: Iterable[str], categories: Iterable[str]) -> frozenset[str]:
    """Returns those of the folded words that name one of the languages (ISO 639-1 codes) the person speaks, where
    the searched categories are none in which the language is the help itself (language_fields: there it names what
    is asked). Without a searched category the language is all the request says it brings ("ich spreche Arabisch, will
    in Zwickau helfen"): it names what is asked, as before, so the listings asking for it make the answer."""
    searched = set(categories)
    if not searched or language_fields() & searched:
        return frozenset()
    spoken = set(languages)
    names = language_names()
    return frozenset(word for word in words if names.code_of_whole(word) in spoken)
