"""What a request names in particular that no listing holds: said plainly above the answer.

"Klavierunterricht geben" where no listing holds "Klavier": the answer holds only the kind ("Unterricht") or the
category's listings. Shown without a word, they read as if the bot took the request for them; so the header says
"Zu „Klavier“ habe ich nichts Genaues gefunden, hier Angebote aus Kultur und Bildung", as it says so when no word
of the request is held at all (widened "keywords").
"""

from __future__ import annotations

import re

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from bot.search.content_words import free_words
from bot.search.corpus import Corpus
from bot.search.criteria import Criteria
from bot.search.english import english_for, german_words
from bot.search.rank_words import RankWords
from bot.search.vocabulary import Vocabulary
from bot.search.vocabulary_cache import VocabularyCache
from nlu.kernel.text import fold
from nlu.lexicon import known_words

_WORD = re.compile(r"[^\W_]+")
MAX_UNFOUND = 3


def unfound_words(
    text: str, named: Sequence[str], words: RankWords, vocabulary: Vocabulary, *, lang: str,
) -> tuple[str, ...]:
    """Returns, as the request writes them, the words naming a thing (`named`: the NLU's free words, an English
    request's German words) that no listing holds: the particular part of a compound whose head, a general kind,
    alone is held ("Klavier" of "Klavierunterricht" when only "Unterricht" is), or a word held in no form at all."""
    found: list[str] = []
    for word in dict.fromkeys(named):
        parts = [group for group in words.groups if group.part_of == word]
        if any(group.word == word for group in words.groups) or any(not group.head for group in parts):
            continue  # held itself, or a particular part of it is
        if parts:
            modifier = word.removesuffix(parts[0].word)
            if modifier and modifier != word:
                found.append(_as_written(text, word, modifier))
        elif vocabulary.group(word) is None and not vocabulary.groups([word]):
            found.append(_as_written(text, word, word) if lang == "de" else english_for(text, word) or word)
    return tuple(dict.fromkeys(found))[:MAX_UNFOUND]


def _as_written(text: str, compound: str, modifier: str) -> str:
    """Returns the beginning of the compound as the text writes it ("Klavier" of "Klavierunterricht"), without a
    linking "s" ("Arbeits" of "Arbeitsgruppe": Arbeit); the folded part with a capital when the text has no such
    word."""
    for written in _WORD.findall(text):
        if fold(written) != compound:
            continue
        for end in range(len(written), 0, -1):
            if fold(written[:end]) == modifier:
                return _without_link(written[:end])
    return _without_link(modifier).capitalize()


def _without_link(part: str) -> str:
    """Returns a compound's first part without its linking "s" ("Arbeits": Arbeit), when it is a word only without
    it ("Zirkus" stays)."""
    bare = part[:-1]
    return bare if part.endswith("s") and fold(part) not in known_words() and fold(bare) in known_words() else part


async def unfound_in(
    session: AsyncSession, text: str, criteria: Criteria, words: RankWords, vocabularies: VocabularyCache,
    corpus: Corpus,
) -> tuple[str, ...]:
    """Returns what the request names that no listing holds, as written (bot.search.unfound)."""
    named = free_words(text, criteria) + (german_words(text) if criteria.lang != "de" else ())
    if not named:
        return ()
    vocabulary = await vocabularies.get(session, corpus)
    return unfound_words(text, named, words, vocabulary, lang=criteria.lang)
