"""How well a listing fits a search, as SQL expressions both databases evaluate the same way.

The score is a weighted sum of parts in [0, 1]: category fit, free words found (title counts more than
description, typo corrections a little less), closeness, time fit, freshness, languages and, where it
matters, being open to newcomers without German. It is computed in the database so only one page of
listings ever leaves it. Weights (bot.search.weights) are multiplied out here, so the SQL only adds and
multiplies doubles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.search.category_fit import beside_other_fields, category_fit
from bot.search.corpus import LISTINGS, Corpus
from bot.search.criteria import Criteria
from bot.search.geo import Frame
from bot.search.rank_words import RankWords
from bot.search.precision import ranking_squared_distance
from bot.search.sql import SqlText
from bot.search.textmatch import holds_any, names_organisation, rare, read_once, row_holds, says_whole
from bot.search.time_sql import time_conditions, time_fit
from bot.search.vocabulary import TermGroup
from bot.search.weights import FRESHNESS_DAYS, WEIGHTS, WRITER_BOUND, Weights
from bot.store.types import UTCDateTime


def score_parts(
    sql: SqlText, criteria: Criteria, words: RankWords, frame: Frame | None, *, now: datetime,
    radius_km: float | None = None, weights: Weights = WEIGHTS, corpus: Corpus = LISTINGS,
    asked_km: float | None = None,
) -> ScoreParts:
    """Returns the listing's score for this search as SQL sums over the row `o`: the part of the NLU's free
    words (they tell whether the named thing was found), the part of the request's other nouns, the part of
    its verbs and adjectives, and everything else (the words about the writer and the negated words among it), and
    whether the title names a negated word (the order's first key).

    They are apart so the words' parts are computed once per candidate. radius_km is the radius actually
    searched: after widening, closeness is judged on the wider scale, so a listing that fits the asked time
    40 km away can beat one that does not 5 km away. asked_km: the radius asked, when the try looks farther;
    listings within it gain Weights.within_asked.
    """
    parts = [_freshness(sql, now, weights.freshness)]
    if frame is not None and asked_km is not None and weights.within_asked:
        near = weights.within_asked * weights.text * (weights.title_hit - weights.description_hit)
        within = _within_asked(sql, frame, asked_km, near)
    else:
        within = sql.number(0)
    if criteria.categories:
        parts.append(category_fit(sql, criteria.categories, weights.category))
    if frame is not None:
        parts.append(_closeness(sql, frame, radius_km or criteria.radius_km, weights.distance))
        if asked_km is not None and weights.beyond_asked:
            parts.append(_beyond_asked(sql, frame, radius_km or criteria.radius_km, asked_km, weights.beyond_asked))
    if criteria.time:
        parts += time_fit(sql, criteria.time, weights.time)
        if weights.time_admitted:
            admitted = " AND ".join(time_conditions(sql, criteria.time, either=criteria.time_either))
            parts.append(f"CASE WHEN {admitted} THEN {sql.number(weights.time_admitted)} ELSE {sql.number(0)} END")
    if criteria.languages:
        parts.append(_speaks(sql, criteria.languages, weights))
    # Written for every request, weighing nothing where it does not count (adding 0.0 leaves the sum as it is):
    # requests with and without it share a statement.
    weight = weights.little_german if criteria.needs_little_german else weights.newcomer
    if not (criteria.needs_little_german or criteria.languages or criteria.lang == "en"):
        weight = 0.0
    parts.append(f"CASE WHEN o.newcomer_friendly THEN {sql.number(weight)} ELSE {sql.number(0)} END")
    # The wish's words share the text's weight; a word about the writer takes its part of it besides, lessened.
    aside = words.writer | words.beside
    # The German words one English word was read as ("hospital": krankenhaus, klinik) are one word of the request:
    # counted once in the total, each with the word's full share, a listing taking that of the best it holds.
    weight_of = dict(zip((group.word for group in words.groups), words.weights))
    one = {word: max(weight_of.get(other, 0.0) for other in words.one_word(word)) for word in weight_of}
    wished = {words.one_word(word): one[word] for word in weight_of if word not in aside}
    total = sum(wished.values()) or sum(words.weights) or 1.0
    keyword_parts: list[tuple[tuple[str, ...], str]] = []
    other_parts: list[tuple[tuple[str, ...], str]] = []
    kind_parts: list[tuple[tuple[str, ...], str]] = []
    manner_parts: list[tuple[tuple[str, ...], str]] = []
    said_parts: list[tuple[tuple[str, ...], str]] = []
    writer_cap = _writer_cap(words, total, weights)
    naming = words.naming()
    for group, weight in zip(words.groups, words.weights):
        if group.word in aside:
            # No word of the wish (about the writer, or a town beside the place): not counted as holding it.
            factor = weights.writer if group.word in words.writer else weights.town_beside
            share = min(weights.text * factor * min(weight / total, 1.0), writer_cap)
            parts.append(_word_fit(sql, group, share, weights, corpus))
            continue
        lone = weights.lone_head if words.lone_head(group) else 1.0
        part = _word_fit(sql, group, weights.text * lone * one[group.word] / total, weights, corpus,
                         naming if group in naming else ())
        if group.word in words.generic:
            part = beside_other_fields(sql, part, words.fields_of(group.word), criteria.categories, weights.other_field)
        said = words.one_word(group.word)
        if group.word in words.manner or group.word in words.generic:
            manner_parts.append((said, part))
        elif words.names_kind(group):
            kind_parts.append((said, part))
        else:
            (keyword_parts if group.word in words.keywords else other_parts).append((said, part))
            said_parts.append((said, _says_anywhere(sql, group, corpus)))
    # A negated word lowers a listing holding it, beside what it holds of the wish: it never makes one holding the
    # asked words count as holding none (a page of them said "nothing exactly with these words"). A title naming
    # it orders the listing after all that do not (ScoreParts.unwanted).
    parts += [_word_fit(sql, group, -weights.text, weights, corpus) for group in words.unwanted]
    if words.to_meet() and weights.all_met:
        manner_parts.append(((), _meets_all(sql, words, weights, corpus)))
    says = [f"({' OR '.join(held)})" for held in _by_word(said_parts).values()]
    says_all = f"CASE WHEN {' AND '.join(says)} THEN 1 ELSE 0 END" if says else "0"
    relatives = any(group.whole is not None for group in words.groups if not _only_ranks(words, group))
    lesser_only = f"CASE WHEN {' OR '.join(says)} THEN 0 ELSE 1 END" if relatives and says else "0"
    return ScoreParts(_sum(sql, _best(sql, keyword_parts)), _sum(sql, _best(sql, other_parts)),
                      _sum(sql, _best(sql, kind_parts)), _sum(sql, _best(sql, manner_parts)),
                      _sum(sql, parts), within, says_all, lesser_only, _titled_unwanted(sql, words, corpus))


def _titled_unwanted(sql: SqlText, words: RankWords, corpus: Corpus) -> str:
    """Returns 1 when the listing's title names a thing the request rules out ("Hundespaziergänge" for "Tierheim,
    aber ohne Hunde"), else 0: the word itself (TermGroup.whole), not a relative of it, and not a typo's guess.

    Such a listing comes after every other one of its try (bot.search.retrieval orders by it first): lowered by its
    score alone it stayed first where it was the only one nearby naming the asked thing in its title. It is never left
    out: a negation misread would take away what the person wants (striking such listings cost two blind sets).
    """
    named = [group if group.whole is None else group.whole for group in words.unwanted if not group.fuzzy]
    named = [group for group in named if group.terms or group.prefixes]
    if not named:
        return "0"
    if not sql.is_sqlite and not rare(named):
        title = read_once(sql, row_holds(sql, named, title_only=True), corpus)
    else:
        title = holds_any(sql, named, title_only=True, per_candidate=True, corpus=corpus)
    return f"CASE WHEN {title} THEN 1 ELSE 0 END"


def _by_word(parts: Sequence[tuple[tuple[str, ...], str]]) -> dict[tuple[str, ...], list[str]]:
    """Returns the parts by the word of the request they belong to, in order (an empty key: a part of its own)."""
    found: dict[tuple[str, ...], list[str]] = {}
    for index, (said, part) in enumerate(parts):
        found.setdefault(said or (f"#{index}",), []).append(part)
    return found


def _best(sql: SqlText, parts: Sequence[tuple[tuple[str, ...], str]]) -> list[str]:
    """Returns one part per word of the request: the greatest of its alternatives' parts (RankWords.alternatives)."""
    greatest = "MAX" if sql.is_sqlite else "GREATEST"
    return [held[0] if len(held) == 1 else f"{greatest}({', '.join(held)})" for held in _by_word(parts).values()]


def _meets_all(sql: SqlText, words: RankWords, weights: Weights, corpus: Corpus) -> str:
    """Returns Weights.all_met's part for a listing holding a term of every group to meet (RankWords.to_meet; a lesser
    one too: a word of its family, a compound's modifier; one of a word's alternatives) in its title or its
    description, else 0."""
    ways = _by_word([(words.one_word(group.word), _holds(sql, group, corpus)) for group in words.to_meet()])
    held = " AND ".join(f"({' OR '.join(f'({way})' for way in alternatives)})" for alternatives in ways.values())
    met = weights.all_met * weights.text * (weights.title_hit - weights.description_hit)
    return f"CASE WHEN {held} THEN {sql.number(met)} ELSE {sql.number(0)} END"


def _holds(sql: SqlText, group: TermGroup, corpus: Corpus) -> str:
    """Returns an SQL condition on the row `o`: its title or description holds a term of the group."""
    if not sql.is_sqlite and not rare([group]):
        return read_once(sql, row_holds(sql, [group]), corpus)
    return holds_any(sql, [group], per_candidate=True, corpus=corpus)


def _only_ranks(words: RankWords, group: TermGroup) -> bool:
    """Tells whether a word only orders (a verb, an adjective, a word of the category, a general kind): no part of
    what makes a listing hold what was named."""
    return group.word in words.manner or group.word in words.generic or words.names_kind(group)


def _says_anywhere(sql: SqlText, group: TermGroup, corpus: Corpus) -> str:
    """Returns an SQL condition on the row `o`: its title or description holds the word itself (a term of
    group.whole where the group also holds lesser terms, a compound's modifier or related words)."""
    said = group if group.whole is None else group.whole
    if not (said.terms or said.prefixes):
        return "1 = 0"  # only lesser terms of the word are written anywhere
    if not sql.is_sqlite and not rare([said]):
        return read_once(sql, row_holds(sql, [said]), corpus)
    return holds_any(sql, [said], per_candidate=True, corpus=corpus)


def _writer_cap(words: RankWords, total: float, weights: Weights) -> float:
    """Returns the most one word about the writer may weigh: all of them together stay below the least a word of
    the wish gives a listing holding it (in its description, through a typo correction), so a listing holding
    only words about the writer never comes before an alike one holding a word of the wish."""
    aside = words.writer | words.beside
    wished = [weights.text * weight / total * weights.description_hit * (weights.corrected_hit if group.fuzzy else 1.0)
              for group, weight in zip(words.groups, words.weights) if group.word not in aside]
    about = sum(1 for group in words.groups if group.word in aside)
    if not wished or not about:
        return weights.text
    return WRITER_BOUND * min(wished) / (about * max(weights.title_hit, weights.description_hit))


@dataclass(frozen=True, slots=True)
class ScoreParts:
    """A listing's score as SQL sums: what it holds of the request's words, and the rest (base).

    keywords: the NLU's free words (nouns, or words of a request that does not tell); named: the request's
    other nouns; kind: the words naming only a general kind (names_kind: the head of a compound read as its parts,
    "Unterricht" of "Klavierunterricht", where the parts before it say which; a generic head said alone); manner:
    its verbs and adjectives and the words that only named a searched category (they only order) and the part for
    holding every word naming what was asked and for whom (Weights.all_met). A listing holding keywords, other
    nouns or a kind holds what was asked; only keywords and other nouns make its strength (bot.search.tiers).
    Negated words lower the base.
    """

    keywords: str
    named: str
    kind: str
    manner: str
    base: str
    # Weights.within_asked for a listing within the asked radius, once a try looks farther (else 0): part of the
    # score, and of the strength of a listing holding a word naming the thing (bot.search.tiers), whose nearby
    # mention in a description then answers as much as a far title does.
    within: str
    # 1 when the listing says every word making the strength (keywords and named) itself, in its title or its
    # description, else 0: it answers what was named wherever it says it (bot.search.tiers).
    says_all: str = "0"
    # 1 when the listing holds the words making the strength only through lesser terms (a related word, a compound's
    # modifier: TermGroup.whole), saying none of them itself, else 0: it is related, and never makes a request's
    # field give way to the listings holding its words (bot.search.retrieval._listed).
    lesser_only: str = "0"
    # 1 when the listing's title names a thing the request rules out, else 0 (_titled_unwanted): the order's first key.
    unwanted: str = "0"


def _sum(sql: SqlText, parts: Sequence[str]) -> str:
    """Returns the SQL sum of parts (0 without any)."""
    return " + ".join(f"({part})" for part in parts) if parts else sql.number(0)


def squared_distance(sql: SqlText, frame: Frame) -> str:
    """Returns the squared flat distance in km² of `o` from the frame's centre (see bot.search.geo)."""
    dy = f"((o.lat - {sql.number(frame.lat)}) * {sql.number(frame.km_per_lat)})"
    dx = f"((o.lon - {sql.number(frame.lon)}) * {sql.number(frame.km_per_lon)})"
    return f"({dy} * {dy} + {dx} * {dx})"


def _word_fit(sql: SqlText, group: TermGroup, share: float, weights: Weights, corpus: Corpus,
              naming: Sequence[TermGroup] = ()) -> str:
    """Returns one word's part: its share in the title, less in the description or the organisation's name, as much
    as a title holding a lesser term where the request names the organisation (naming, textmatch.names_organisation:
    "Tafel Freital"; a listing of the Tafel is what was asked, whatever its title).

    The title is asked only of listings holding the word at all: most candidates cost one look-up. On PostgreSQL a
    common word's tests all read the candidate's own row in that one look-up (textmatch.read_once): a look-up per
    test read it up to three times (9,666 buffers for "Ehrenamt Feuerwehr", a third of them the title's).
    """
    share *= weights.corrected_hit if group.fuzzy else 1.0
    once = not sql.is_sqlite and not rare([group])
    if once:
        held, title = row_holds(sql, [group]), row_holds(sql, [group], title_only=True)
    else:
        held = holds_any(sql, [group], per_candidate=True, corpus=corpus)
        title = holds_any(sql, [group], title_only=True, per_candidate=True, corpus=corpus)
    modifier = share * max(weights.modifier_hit, weights.description_hit)
    described = share * weights.description_hit
    if group.whole is None:
        in_title, elsewhere = sql.number(share * weights.title_hit), sql.number(described)
    elif group.whole.terms or group.whole.prefixes:
        # The title says the word itself, or holds only a lesser term: asked only of title holders. A listing saying
        # the word itself in its description comes before one holding only a lesser term in its title.
        said = row_holds(sql, [group.whole], title_only=True) if once else says_whole(sql, group, corpus=corpus)
        anywhere = row_holds(sql, [group.whole]) if once else _says_anywhere(sql, group, corpus)
        whole = sql.number(share * max(weights.said_hit, weights.description_hit))
        elsewhere = f"CASE WHEN {anywhere} THEN {whole} ELSE {sql.number(described)} END"
        in_title = (f"CASE WHEN {said} THEN {sql.number(share * weights.title_hit)} "
                    f"WHEN {anywhere} THEN {whole} ELSE {sql.number(modifier)} END")
    else:
        in_title, elsewhere = sql.number(modifier), sql.number(described)
    names = names_organisation(sql, naming, row=once, corpus=corpus)
    if names is not None:
        # As a title holding a lesser term: above the description, below a title saying the word itself (the
        # named organisation's "Feuerwehrfest" after another's "Aktiv in der Freiwilligen Feuerwehr").
        elsewhere = f"CASE WHEN {names} THEN {sql.number(modifier)} ELSE {elsewhere} END"
    fit = (
        f"CASE WHEN {held} THEN (CASE WHEN {title} "
        f"THEN {in_title} ELSE {elsewhere} END) "
        f"ELSE {sql.number(0)} END"
    )
    return read_once(sql, fit, corpus) if once else fit


def _closeness(sql: SqlText, frame: Frame, radius_km: float, weight: float) -> str:
    """Returns 1 at the centre, 0.5 at half the radius, falling off smoothly (0 without a place)."""
    scale = max(radius_km / 2, 1.0)
    distance = ranking_squared_distance(sql, frame, squared_distance(sql, frame))
    relative = f"{distance} / {sql.number(scale * scale)}"
    closeness = f"{sql.number(weight)} / ({sql.number(1)} + {relative})"
    return f"COALESCE({closeness}, {sql.number(0)})"


def _beyond_asked(sql: SqlText, frame: Frame, radius_km: float, asked_km: float, weight: float) -> str:
    """Returns the weight for a listing within the asked radius (by the distance the ranking uses); beyond it, the
    share of it that its closeness (on the searched radius' scale) keeps of the closeness at the asked radius."""
    scale = max(radius_km / 2, 1.0)
    distance = ranking_squared_distance(sql, frame, squared_distance(sql, frame))
    at_asked = 1.0 / (1.0 + asked_km * asked_km / (scale * scale))
    beyond = f"{sql.number(weight / at_asked)} / ({sql.number(1)} + {distance} / {sql.number(scale * scale)})"
    return (f"CASE WHEN {distance} <= {sql.number(asked_km * asked_km)} THEN {sql.number(weight)} "
            f"ELSE COALESCE({beyond}, {sql.number(0)}) END")


def _within_asked(sql: SqlText, frame: Frame, asked_km: float, weight: float) -> str:
    """Returns the weight for a listing within the asked radius (by the distance the ranking uses), else 0."""
    distance = ranking_squared_distance(sql, frame, squared_distance(sql, frame))
    return (f"CASE WHEN {distance} <= {sql.number(asked_km * asked_km)} THEN {sql.number(weight)} "
            f"ELSE {sql.number(0)} END")


def _freshness(sql: SqlText, now: datetime, weight: float) -> str:
    """Returns the full weight for listings published in the last two weeks, less for older ones."""
    whens = " ".join(
        f"WHEN o.published_at >= {sql.bind(now - timedelta(days=days), UTCDateTime())} "
        f"THEN {sql.number(weight * value)}"
        for days, value in FRESHNESS_DAYS
    )
    return f"CASE {whens} ELSE {sql.number(0)} END"


def _speaks(sql: SqlText, languages: Sequence[str], weights: Weights) -> str:
    """Returns the full weight when the listing asks for one of the person's languages (a JSON list of
    codes), a little when it asks for none, nothing when it asks for others only."""
    tests = asks_for_language(sql, languages)
    unsaid = "CAST(o.languages AS TEXT) NOT LIKE '%\"%'"
    return (
        f"CASE WHEN {tests} THEN {sql.number(weights.language)} "
        f"WHEN o.languages IS NULL OR {unsaid} THEN {sql.number(weights.language_unsaid)} ELSE {sql.number(0)} END"
    )


def asks_for_language(sql: SqlText, languages: Sequence[str]) -> str:
    """Returns an SQL condition on the row `o`: it asks for one of the languages (a JSON list of codes). The
    patterns are bound: requests for other languages share the statement (one per number of languages)."""
    patterns = [sql.bind('%"' + code + '"%') for code in languages]
    return "(" + " OR ".join(f"CAST(o.languages AS TEXT) LIKE {pattern}" for pattern in patterns) + ")"
