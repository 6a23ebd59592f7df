"""How much each part of a listing's fit counts (bot.search.ranking sums the parts with these weights), and the
weights of the searches that rank differently: the nearest ones far away, a time let go, a time only wished.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

FRESHNESS_DAYS = ((14, 1.0), (60, 0.6), (180, 0.3))


@dataclass(frozen=True, slots=True)
class Weights:
    """How much each part of the fit counts."""

    category: float = 0.30
    text: float = 0.60  # all the request's words in a listing's title; shared among the words by rarity
    manner: float = 0.5  # factor for a verb's or adjective's share (bot.search.content_words.manner_words)
    distance: float = 0.15
    time: float = 0.15
    freshness: float = 0.07
    language: float = 0.12  # asks for a language the person speaks
    language_unsaid: float = 0.04  # asks for no language in particular (more than asking for another)
    newcomer: float = 0.03
    little_german: float = 0.15  # replaces `newcomer` when the person said they speak little German
    title_hit: float = 1.0
    description_hit: float = 0.4
    corrected_hit: float = 0.85  # factor for words found only through a typo correction
    modifier_hit: float = 0.55  # a title holding only a lesser term of a word (TermGroup.whole)
    # a description saying a word whose group also holds lesser terms (a compound's modifier, a related word): just
    # above a title holding only a lesser term (modifier_hit), so a listing saying what was asked comes first. More
    # lifts it among the strong ones: 0.6 cost the Leipzig development half (--inferred) P@5 0.712 -> 0.698.
    said_hit: float = 0.56
    # a listing the asked time admits, once it no longer filters (relaxed_time) or where it never did (preferred_time)
    time_admitted: float = 0.0
    # factor for a word said only about the writer (ParsedQuery.writer_words: "Tischler", "Schulter", "English" of
    # "I speak English"): it orders what is alike a little, since a job may be a skill offered, but never puts a
    # listing holding it before one that holds what was asked.
    writer: float = 0.25
    # factor for a town named beside the searched place (RankWords.beside): a listing naming it lies where the
    # person means a little more likely; less than a few kilometres of distance, as the town may be one they left.
    town_beside: float = 0.1
    # factor for a listing within the asked radius once a try looks farther (a wider radius, "matching", the
    # nearest ones): it gains this share of what a title saying all the request's words gains over a description
    # saying them (text * (title_hit - description_hit)), so a listing nearby holding them only in its description
    # still comes before one far away naming them in its title, while a nearby one holding only part of them
    # (loosely related) does not.
    within_asked: float = 1.0
    # factor for a word that named one of several searched categories ("älteren" of "Sport mit älteren Menschen"),
    # in a listing of none of the other searched categories: such a listing answers half the request, and the word
    # says no more than its category does ("Tablet-Kurs für Ältere" came before the "Sport für Senior*innen" of the
    # district); it still orders the alike a little. A listing in another searched category holding it gets it fully.
    other_field: float = 0.1
    # factor for the head of a compound none of whose specific parts any listing holds (RankWords.lone_head:
    # "Unterricht" of "Klavierunterricht" without any piano listing): it orders the field's listings a little, but a
    # "Deutsch unterrichten" no longer comes before the field's best in music and culture on that word alone.
    lone_head: float = 0.1
    # factor for a listing whose title or description holds every word naming what was asked and every word naming
    # for whom (RankWords.to_meet: "kochen" and "Obdachlose", through their word families: "Wohnungslose"): it gains
    # this share of what a title saying all the request's words gains over a description saying them, so one for
    # the named group saying the activity in its description comes before one titled with the activity for others.
    all_met: float = 1.0
    # once a try looks farther than the asked radius: a listing within it gains this, one beyond it this share of it
    # that its closeness keeps of the closeness at the asked radius (bot.search.ranking._beyond_asked). The listings
    # beyond the asked radius come nearest first, as the nearest ones far away do (NEAREST_WEIGHTS), where before a
    # title 47 km away came before the same field's 31 km away, and a description or a fresher date weighed more than
    # 15 km; the order within the asked radius is as it was.
    beyond_asked: float = 0.6


WEIGHTS = Weights()
# The words about the writer together weigh at most this share of the least part of a word of the wish.
WRITER_BOUND = 0.9
# The nearest listings far away (widened "nearest"): the answer says "the nearest ones, with their distance", so
# distance weighs as much as the words there (1.2 at the centre, 0.23 at 52 km, 0.08 at 92 km on the 50 km scale).
NEAREST_WEIGHTS = replace(WEIGHTS, distance=WEIGHTS.text * 2)
# The asked time after it had to be let go (fewer than three listings fit it): it filtered, so the few listings it
# admitted (at that time, or saying nothing about it) still come first, ahead of words and category, and the
# others follow ("also at other times").
RELAXED_TIME = WEIGHTS.text + WEIGHTS.category


# A time wished only as a preference ("gern sonntags", "ideally after work": Criteria.time_soft) filters nothing: a
# listing it admits (at that time, or saying nothing about it) gains what a description holding all the words gains,
# so it comes before an alike one at another time, while one naming the request in its title still comes first
# (the Kassel smartphone hour held on weekday mornings for "ideally after work"). With the time's part alone (0.15)
# "Museumsführungen für Kinder in Weimar, gern sonntags" showed a weekday listing before the Sunday ones.
PREFERRED_TIME = WEIGHTS.text * WEIGHTS.description_hit


def preferred_time(weights: Weights) -> Weights:
    """Returns the weights of a search whose time is only a preference: what the time admits orders first among
    the alike, never before a listing naming the request in its title."""
    return replace(weights, time_admitted=PREFERRED_TIME)


def relaxed_time(weights: Weights) -> Weights:
    """Returns the weights of a try whose asked time no longer filters: what the time admitted orders first."""
    return replace(weights, time_admitted=RELAXED_TIME)
