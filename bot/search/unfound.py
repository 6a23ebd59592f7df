"""What a request names in particular that no listing of the area searched holds: said plainly above the answer.

"Klavierunterricht geben" where no listing holds "Klavier": the answer holds only the kind ("Unterricht") or the
category's listings. Shown without a word, they read as if the bot took the request for them; so the header says
"Zu „Klavier“ habe ich nichts Genaues gefunden, hier Angebote aus Kultur und Bildung", as it says so when no word
of the request is held at all (widened "keywords"). A listing holding it elsewhere answers nothing here: the look
is among the listings the reported try admits (its radius, time, categories), one statement for all the words.
"""

from __future__ import annotations

import re

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.search.content_words import free_words, writer_free
from bot.search.corpus import Corpus
from bot.search.criteria import Criteria
from bot.search.english import english_for, german_words
from bot.search.rank_words import RankWords
from bot.search.sources import box_index, constraints, frame_of
from bot.search.sql import SqlText
from bot.search.textmatch import holds_any
from bot.search.vocabulary import TermGroup, Vocabulary
from bot.search.widening import Attempt
from bot.store.dialect import dialect_of
from bot.search.vocabulary_cache import VocabularyCache
from nlu.components.languages import language_code
from nlu.kernel.text import fold
from nlu.lexicon import known_words

_WORD = re.compile(r"[^\W_]+")
MAX_UNFOUND = 3


@dataclass(frozen=True, slots=True)
class Named:
    """A word of the request naming a particular thing, as the note would write it, and the groups by which a listing
    holds it (the word's own, or the particular parts of its compound); none when no listing anywhere does."""

    written: str
    held_by: tuple[TermGroup, ...]


def named_things(
    text: str, named: Sequence[str], words: RankWords, vocabulary: Vocabulary, *, lang: str,
) -> tuple[Named, ...]:
    """Returns the words naming a thing (`named`: the NLU's free words, an English request's German words) with the
    groups holding them: for a compound whose particular part no listing holds beside a general kind that is held,
    that part as the request writes it ("Klavier" of "Klavierunterricht" when only "Unterricht" is held)."""
    found: list[Named] = []
    for word in dict.fromkeys(named):
        parts = [group for group in words.groups if group.part_of == word]
        itself = tuple(group for group in words.groups if group.word == word)
        particular = tuple(group for group in parts if not group.head)
        head = next((group for group in parts if group.head), None)
        modifier = word.removesuffix(head.word) if head is not None else ""
        part = _as_written(text, word, modifier) if modifier and modifier != word else None
        whole = _as_written(text, word, word) if lang == "de" else english_for(text, word) or word
        if itself or particular:  # held somewhere: said when no listing of the area holds it
            found.append(Named(whole if itself or part is None else part, itself or particular))
        elif head is not None:  # only the general kind is held anywhere
            found.extend([Named(part, ())] if part is not None else [])
        elif vocabulary.group(word) is None and not vocabulary.groups([word]):
            found.append(Named(whole, ()))
    return tuple(found)


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
    session: AsyncSession, text: str, criteria: Criteria, words: RankWords, attempt: Attempt, vocabularies:
    VocabularyCache, *, now: datetime, corpus: Corpus,
) -> tuple[str, ...]:
    """Returns what the request names that no listing the try admits holds (in the area searched, and the other
    filters), as written (bot.search.unfound): a listing far away holding "Klavier" does not answer it here."""
    # "German" of "I speak little German" is said about the writer, not a thing to look for (Criteria.writer_words).
    named = free_words(text, criteria) + (german_words(writer_free(text, criteria)) if criteria.lang != "de" else ())
    # A language the person speaks ("I speak Arabic") is read as such (Criteria.languages), not a thing to find.
    named = tuple(word for word in named if language_code(word) not in criteria.languages)
    if not named:
        return ()
    vocabulary = await vocabularies.get(session, corpus)
    things = named_things(text, named, words, vocabulary, lang=criteria.lang)
    held = await _held_here(session, criteria, [thing.held_by for thing in things if thing.held_by], attempt,
                            now=now, corpus=corpus)
    unheld = [thing.written for thing in things if not thing.held_by or thing.held_by not in held]
    return tuple(dict.fromkeys(unheld))[:MAX_UNFOUND]


async def _held_here(
    session: AsyncSession, criteria: Criteria, holders: Sequence[tuple[TermGroup, ...]], attempt: Attempt, *,
    now: datetime, corpus: Corpus,
) -> frozenset[tuple[TermGroup, ...]]:
    """Returns those of the groups that some listing the try admits holds, looked up in one statement (each a look
    into the full-text index, stopped at the first such listing).

    On SQLite a box around a place is read from its latitude's bands (sources.box_index), as the try read it: left to
    itself SQLite read the whole latitude band across the country from the geo index."""
    if not holders:
        return frozenset()
    sql = SqlText(dialect_of(session))
    frame = frame_of(criteria)
    where = " AND ".join(constraints(sql, criteria, (), attempt, frame, now=now, words=False, corpus=corpus))
    boxed = sql.is_sqlite and attempt.radius_km is not None and frame is not None and not criteria.remote
    hint = box_index(sql, corpus) if boxed else ""
    tests = ", ".join(
        f"CASE WHEN EXISTS (SELECT 1 FROM {corpus.table} o{hint} WHERE {where} AND "
        f"{holds_any(sql, groups, corpus=corpus)}) "
        f"THEN 1 ELSE 0 END AS h{number}" for number, groups in enumerate(holders))
    row = (await sql.statement(f"{sql.with_clause()}SELECT {tests}").run(session)).one()
    return frozenset(groups for groups, found in zip(holders, row) if found)
