"""A listing whose title names what was asked, outside the categories the request was read as.

The categories filter: "Telefonpatenschaft gegen Einsamkeit" was read as neighbourhood help, and the listings
titled exactly so (filed under seniors) could not be found by their own title; the answer was the category's
rows, none holding a word of the request. When that happens (nothing the category admits holds any of the
request's words, and the NLU kept free words), the listings within the try's radius whose title holds every word
of the wish (RankWords.wished: the free words, the other nouns, the verbs and the words that named the category;
not those about the writer) are looked for in any category, and those listings (not the rest of their categories,
which hold none of the words) are searched beside the categories read (said as `titled`). The title must say each
word itself, in any inflection ("Freiwilligen Feuerwehr" for "Freiwillige Feuerwehr"). A title holding only some
of the words ("Lagerteam der Tafel" for "arbeite im Lager. Vermiss die Kinder"; "Patenschaft für eine geflüchtete
Familie" for a Patenschaft for a young person), or holding one only inside a compound ("Einkaufsservice" for
"community service", "Deutschkurses" for "Deutsch"), as a lesser term (a compound's modifier, a related word), or
only in its description, does not cross the filter: those answer the words loosely, the category answers the
person's field. A title holding a word the person ruled out ("aber nichts mit Kindern": "Besuchsdienst im
Kinderhospiz"), in any form the ranking lowers, never crosses; nor does a listing of a category ruled out (the
try's constraints leave it out).
The full-text index is asked first whether any listing the try may read has a title holding, for each word, a word
of its stem (title_words: the exact words, no prefixes); only then are the try's best ones ranked and read, so the
answer is the same, and most requests that ask cost one cheap look instead of a ranked statement.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from functools import cache
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from bot.search.corpus import LISTINGS, Corpus
from bot.search.criteria import Criteria
from bot.search.rank_words import RankWords
from bot.search.retrieval import PageRequest, find_page
from bot.search.sources import constraints, frame_of
from bot.search.sql import SqlText
from bot.search.vocabulary import STOP_WORDS, TermGroup
from bot.search.word_forms import inflections, stem_of
from bot.search.widening import Attempt
from bot.store.dialect import dialect_of
from nlu.kernel.gazetteer import get_gazetteer
from nlu.kernel.text import fold

# How many of the best listings holding the words are read to find those titled with all of them: the title
# counts most in the ranking, so listings titled so come first among those holding the words. Only those join the
# field read (not their categories), so as many as four pages show: with five, a city's seven listings titled
# "Besuchsdienst" were listed as five.
PROBED = 20
# Shorter words of a title ("in", "der", "m/w/d") say nothing of what it is about.
MIN_TITLE_WORD = 4
_WORD = re.compile(r"[^\W_]+")  # letters and digits, as the full-text index splits words
_HYPHENED = re.compile(r"[^\W_]+(?:-[^\W_]+)+")  # "Kassel-Wilhelmshöhe", "Hamburg-Altona", "Kassel-Nord"
RECRUITING = Path(__file__).resolve().parents[2] / "data" / "search" / "recruiting_words.toml"


def holds_unwanted(title: str, unwanted: Sequence[TermGroup]) -> bool:
    """Tells whether a title holds a word the request rules out, as the ranking finds it (any of its terms and
    term beginnings: "Kinderhospiz" for "Kindern")."""
    tokens = [word.lower() if word.isascii() else fold(word) for word in _WORD.findall(title)]
    return any(group.matches(token) for group in unwanted for token in tokens)


def names_all(title: str, groups: Sequence[TermGroup]) -> bool:
    """Tells whether a title says every group's word itself (a folded word of the title with the same stem, one
    inflection ending off, bot.search.vocabulary.stem_of, or for a misspelt word the one it was corrected to), and
    those make at least half of the title's words of four letters or more that are no stop words."""
    if not groups:
        return False
    stems = {stem_of(word.lower() if word.isascii() else fold(word)) for word in _WORD.findall(title)}
    said = {stem_of(group.word) if stem_of(group.word) in stems else next(
        (stem_of(term) for term in group.terms if group.fuzzy and stem_of(term) in stems), None) for group in groups}
    if None in said:
        return False
    # The wish makes at least half of what the title says: "Freizeitbegleitung: Kino, Konzert, Fußball" names
    # "Fußball" among other things, and is no title of a request for football. Where it is done and the call
    # for people ("Besuchsdienst – Kassel-Wilhelmshöhe", "Nachhilfe: Helfer:innen gesucht") say nothing of what.
    aside = _aside(title)
    content = {stem for stem in stems if len(stem) >= MIN_TITLE_WORD and stem not in STOP_WORDS
               and (stem in said or stem not in aside)}
    return 2 * len(said & content) >= len(content)


def _aside(title: str) -> set[str]:
    """Returns the stems of a title's words that say where or call for people: place names of the gazetteer
    (not those that are ordinary words too, "Essen"), the parts of a place's hyphened name after it ("Kassel-
    Wilhelmshöhe", whose quarter it may not know) and the recruiting words (data/search/recruiting_words.toml)."""
    gazetteer = get_gazetteer()
    aside: set[str] = set()
    places: set[str] = set()
    for word in _WORD.findall(title):
        folded = word.lower() if word.isascii() else fold(word)
        if stem_of(folded) in recruiting_words():
            aside.add(stem_of(folded))
        elif not gazetteer.is_common_word_name(folded) and gazetteer.lookup(word):
            places.add(folded)
    for hyphened in _HYPHENED.findall(title):
        parts = [part.lower() if part.isascii() else fold(part) for part in hyphened.split("-")]
        if parts[0] in places:
            places.update(parts)
    return aside | {stem_of(place) for place in places}


@cache
def recruiting_words() -> frozenset[str]:
    """Returns the stems of the words with which a title calls for people (data/search/recruiting_words.toml)."""
    with RECRUITING.open("rb") as handle:
        return frozenset(stem_of(fold(word)) for word in tomllib.load(handle)["words"])


def title_words(group: TermGroup) -> tuple[str, ...]:
    """Returns the folded words by which a title says a group's word (names_all): those of its stem, and for a
    misspelt word also those of the stems of its corrections."""
    stems = dict.fromkeys([stem_of(group.word), *(stem_of(term) for term in group.terms if group.fuzzy)])
    return tuple(word for stem in stems for word in inflections(stem))


def _titled_somewhere(sql: SqlText, criteria: Criteria, groups: Sequence[TermGroup], attempt: Attempt, *,
                      now: datetime, corpus: Corpus) -> str:
    """Returns a statement telling whether any listing the try may read has a title saying every group's word: the
    try's constraints but the words, on the listings whose title holds the words (exact words, no prefixes).

    Both databases start from the full-text index and read those listings by id. Left alone, SQLite scanned the
    box and tested each row against them, PostgreSQL read the box's rows for their text (for no place, all rows:
    280 ms); measured on the benchmark's 56 such statements, SQLite 88 -> 29 ms, PostgreSQL 805 -> 85 ms.
    """
    needed = [title_words(group) for group in groups]
    where = " AND ".join(constraints(sql, criteria, (), attempt, frame_of(criteria), now=now, words=False,
                                     corpus=corpus))
    if sql.is_sqlite:
        query = " AND ".join("title : (" + " OR ".join(f'"{word}"' for word in words) + ")" for words in needed)
        return (f"{sql.with_clause()}SELECT 1 FROM {corpus.table} o NOT INDEXED WHERE o.id IN "
                f"(SELECT rowid FROM {corpus.fts} WHERE {corpus.fts} MATCH {sql.bind(query)}) AND {where} LIMIT 1")
    query = " & ".join("(" + " | ".join(f"{word}:A" for word in words) + ")" for words in needed)
    titled = (f"SELECT m.id FROM {corpus.table} m WHERE m.status = 'published' "
              f"AND m.search_vector @@ to_tsquery('simple'::regconfig, {sql.bind(query)}) OFFSET 0")
    return f"{sql.with_clause()}SELECT 1 FROM ({titled}) w JOIN {corpus.table} o ON o.id = w.id WHERE {where} LIMIT 1"


async def titled_listings(
    session: AsyncSession, criteria: Criteria, words: RankWords, attempt: Attempt, *, now: datetime,
    corpus: Corpus = LISTINGS,
) -> tuple[int, ...]:
    """Returns the ids of the listings, in none of the searched categories, within the try's radius whose title
    holds every word of the wish (in the order found; nothing for ads, whose text has no title)."""
    groups = words.wished()
    if corpus is not LISTINGS or not criteria.categories or not words.filtering():
        return ()
    if not groups:
        return ()  # names_all: no title names nothing
    anywhere = replace(criteria, categories=())
    probe = Attempt(attempt.radius_km, attempt.strict_time, True, ())
    # Ranking the try's listings for its best PROBED is a statement of its own (2.3-2.7 ms of CPU on SQLite, about
    # 4 ms of planning and execution on PostgreSQL, at 100,000 listings); whether any listing the try may read has
    # a title saying every word is one look into the full-text index. Of the search benchmark's 500 requests, 54
    # ask; after the look 1 is ranked (none crosses, as before).
    sql = SqlText(dialect_of(session))
    somewhere = sql.statement(_titled_somewhere(sql, anywhere, groups, probe, now=now, corpus=corpus))
    if (await somewhere.run(session)).first() is None:
        return ()
    page = await find_page(session, anywhere, words, probe, PageRequest(PROBED, 0, now, corpus))
    found: list[int] = []
    for row in page.rows:
        if (names_all(row.title, groups) and not holds_unwanted(row.title, words.unwanted)
                and not set(row.categories or ()) & set(criteria.categories)):
            found.append(int(row.id))
    return tuple(found)
