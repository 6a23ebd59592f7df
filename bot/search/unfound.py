"""What a request names in particular that no listing of the area searched holds: said plainly above the answer.

"Klavierunterricht geben" where no listing holds "Klavier": the answer holds only the kind ("Unterricht") or the
category's listings. Shown without a word, they read as if the bot took the request for them; so the header says
"Zu „Klavier“ habe ich nichts Genaues gefunden, hier Angebote aus Kultur und Bildung", as it says so when no word
of the request is held at all (widened "keywords"). A listing holding it elsewhere answers nothing here: the look
is among the listings the reported try admits (its radius, time, categories), one statement for all the words; on
PostgreSQL the first try's page statement answers it beside the page (HeldLook), a statement of its own only when
another try is reported.
"""

from __future__ import annotations

import re

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row

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
from bot.search.widening import MIN_RESULTS, Attempt
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


@dataclass(frozen=True, slots=True)
class Look:
    """What a request names in particular, worked out once before its tries (the note's words and the groups by
    which a listing holds them), and asked of the try reported in the end: beside its page (PostgreSQL, HeldLook)
    or in a statement of its own."""

    things: tuple[Named, ...]

    @property
    def holders(self) -> tuple[tuple[TermGroup, ...], ...]:
        """Returns the groups of the things some listing anywhere holds: those the look asks about."""
        return tuple(thing.held_by for thing in self.things if thing.held_by)

    def unheld(self, held: frozenset[tuple[TermGroup, ...]]) -> tuple[str, ...]:
        """Returns the things no listing of the held groups holds, as written (at most MAX_UNFOUND)."""
        unheld = [thing.written for thing in self.things if not thing.held_by or thing.held_by not in held]
        return tuple(dict.fromkeys(unheld))[:MAX_UNFOUND]


@dataclass(frozen=True, slots=True)
class HeldLook:
    """The look for the named things' groups among the listings a try admits, written beside the try's page by the
    statement that ranks it (bot.search.retrieval.find_page), so the try reported in the end needs no statement of its
    own for it.

    Each look is an uncorrelated EXISTS, which PostgreSQL plans as an InitPlan run at most once, when a row of the page
    first asks for it: asked only where the note may be said of this try (the gate), so a try that does not end up
    reported, or whose answer holds none of the request's words, costs the planning and not the look (a look that
    finds nothing reads every listing the try admits). A page that did not ask (held_here None) leaves the look to a
    statement of its own. PostgreSQL only: each statement there is a round trip or two and a plan of its own; SQLite
    runs in the process."""

    look: Look
    now: datetime
    # The categories decide and the request has words that filter: the note is said only beside listings holding
    # some of them (else the answer is widened "keywords", bot.search.engine).
    words_rank: bool
    # A wider try follows this one: it is reported only with enough matches, or one naming what was asked
    # (bot.search.engine._first_enough).
    wider_follows: bool = False

    def columns(self, sql: SqlText, criteria: Criteria, attempt: Attempt, corpus: Corpus) -> str | None:
        """Returns the look's columns (held_here_0, ...) over the page's row `ranked` for the try's criteria; None for
        a try whose words were let go ("keywords"), of which no note is said."""
        if "keywords" in attempt.widened:
            return None
        gate = ["ranked.word_hits > 0"] if self.words_rank else []
        if self.wider_follows:
            gate.append(f"(ranked.total >= {MIN_RESULTS} OR ranked.holding > 0)")
        tests = held_tests(sql, criteria, self.look.holders, attempt, now=self.now, corpus=corpus)
        if gate:
            tests = [f"CASE WHEN {' AND '.join(gate)} THEN {test} END" for test in tests]
        return ", ".join(f"{test} AS held_here_{number}" for number, test in enumerate(tests))

    def answer(self, row: Row[Any]) -> frozenset[tuple[TermGroup, ...]] | None:
        """Returns the groups a page's row says some listing the try admits holds; None when the page did not ask."""
        holders = self.look.holders
        found = [row._mapping[f"held_here_{number}"] for number in range(len(holders))]
        if any(value is None for value in found):
            return None
        return frozenset(groups for groups, value in zip(holders, found) if value)

    def answered(self, criteria: Criteria, attempt: Attempt, held: frozenset[tuple[TermGroup, ...]] | None,
                 ) -> Answered | None:
        """Returns what a try's page answered (Page.held_here), for that try; None when it did not."""
        return None if held is None else Answered(self.look, admitted_by(criteria, attempt), held)


@dataclass(frozen=True, slots=True)
class Answered:
    """The look of a request and what a page statement found for it: the held groups, and for which try
    (admitted_by)."""

    look: Look
    admitted: tuple[Any, ...]
    held: frozenset[tuple[TermGroup, ...]]


def admitted_by(criteria: Criteria, attempt: Attempt) -> tuple[Any, ...]:
    """Returns what decides which listings a try admits for the look (sources.constraints without the words): the
    criteria, its radius and whether its time still filters."""
    return (criteria, attempt.radius_km, attempt.strict_time)


async def look_for(
    session: AsyncSession, text: str, criteria: Criteria, words: RankWords, vocabularies: VocabularyCache, *,
    corpus: Corpus,
) -> Look:
    """Returns what the request names in particular (the NLU's free words; an English request's German words), with
    the groups by which a listing holds each."""
    # "German" of "I speak little German" is said about the writer, not a thing to look for (Criteria.writer_words).
    named = free_words(text, criteria) + (german_words(writer_free(text, criteria)) if criteria.lang != "de" else ())
    # A language the person speaks ("I speak Arabic") is read as such (Criteria.languages), not a thing to find.
    named = tuple(word for word in named if language_code(word) not in criteria.languages)
    if not named:
        return Look(())
    vocabulary = await vocabularies.get(session, corpus)
    return Look(named_things(text, named, words, vocabulary, lang=criteria.lang))


async def held_beside(
    session: AsyncSession, text: str, criteria: Criteria, words: RankWords, vocabularies: VocabularyCache, *,
    now: datetime, corpus: Corpus,
) -> HeldLook | None:
    """Returns the look to write beside a try's page, when a statement costs a round trip (PostgreSQL) and there is
    one to ask."""
    if dialect_of(session) == "sqlite":
        return None
    look = await look_for(session, text, criteria, words, vocabularies, corpus=corpus)
    return HeldLook(look, now, words_rank=bool(criteria.categories and words.filtering())) if look.holders else None


async def unfound_in(
    session: AsyncSession, text: str, criteria: Criteria, words: RankWords, attempt: Attempt, vocabularies:
    VocabularyCache, *, now: datetime, corpus: Corpus, answered: Answered | None = None,
) -> tuple[str, ...]:
    """Returns what the request names that no listing the try admits holds (in the area searched, and the other
    filters), as written (bot.search.unfound): a listing far away holding "Klavier" does not answer it here.

    answered: what a page statement found for a try (HeldLook), taken when it is this one's: the criteria are the
    same, so are the named things."""
    if answered is not None and answered.admitted == admitted_by(criteria, attempt):
        return answered.look.unheld(answered.held)
    look = await look_for(session, text, criteria, words, vocabularies, corpus=corpus)
    if not look.things:
        return ()
    held = await _held_here(session, criteria, look.holders, attempt, now=now, corpus=corpus)
    return look.unheld(held)


def held_tests(
    sql: SqlText, criteria: Criteria, holders: Sequence[tuple[TermGroup, ...]], attempt: Attempt, *, now: datetime,
    corpus: Corpus,
) -> list[str]:
    """Returns one expression per set of groups: 1 when some listing the try admits holds one of them, else 0 (each a
    look into the full-text index, stopped at the first such listing).

    On SQLite a box around a place is read from its latitude's bands (sources.box_index), as the try read it: left to
    itself SQLite read the whole latitude band across the country from the geo index. Beside a PostgreSQL page whose
    try keeps exactly the listings it admits (SqlText.admitted), the look probes those by id: on its own it read the
    box's rows from the geo index and tested each one's text before its categories and time (the planner holds the
    text test the cheaper), 4,300 buffers and 27 ms a word for "Mathe Nachhilfe in Berlin am Wochenende", where the
    try admits 202 listings."""
    kept = sql.admitted[1] if sql.admitted is not None and sql.admitted[0] == (
        criteria, attempt, now, corpus.table) else None
    if kept is not None:
        name = kept()
        source = f"{corpus.table} o WHERE o.id IN (SELECT {name}.id FROM {name})"
    else:
        frame = frame_of(criteria)
        where = " AND ".join(constraints(sql, criteria, (), attempt, frame, now=now, words=False, corpus=corpus))
        boxed = sql.is_sqlite and attempt.radius_km is not None and frame is not None and not criteria.remote
        source = f"{corpus.table} o{box_index(sql, corpus) if boxed else ''} WHERE {where}"
    return [
        f"CASE WHEN EXISTS (SELECT 1 FROM {source} AND {holds_any(sql, groups, corpus=corpus)}) THEN 1 ELSE 0 END"
        for groups in holders]


async def _held_here(
    session: AsyncSession, criteria: Criteria, holders: Sequence[tuple[TermGroup, ...]], attempt: Attempt, *,
    now: datetime, corpus: Corpus,
) -> frozenset[tuple[TermGroup, ...]]:
    """Returns those of the groups that some listing the try admits holds, looked up in one statement (held_tests)."""
    if not holders:
        return frozenset()
    sql = SqlText(dialect_of(session))
    tests = held_tests(sql, criteria, holders, attempt, now=now, corpus=corpus)
    columns = ", ".join(f"{test} AS h{number}" for number, test in enumerate(tests))
    row = (await sql.statement(f"{sql.with_clause()}SELECT {columns}").run(session)).one()
    return frozenset(groups for groups, found in zip(holders, row) if found)
