"""Fewer, stronger results: the listings that answer what a request names come alone, the related ones on request.

A request that names something beyond its category ("Klavierunterricht", "THW", "Kleiderkammer") is answered
best by the listings holding those words. The category's other rows, or rows sharing only a weaker word of it
("Unterricht" of "Klavierunterricht" in "Deutsch unterrichten"), answer the field, not the person: listed behind
the one piano listing, they made four of five results off on the judged real-style listings, and a person reads
them as the bot not understanding. So the first answer shows the strong tier only, and says how many related
ones there are (the chat's "Ähnliche anzeigen" button, the web page's link, `search --similar`).

The rule, on the evidence the ranking already has (bot.search.ranking): a listing's strength is its part from the
words that name a particular thing (ScoreParts' keywords and named: the free words, the other nouns and the
specific parts of the request's compounds, shared by rarity, a title counting more than a description; with one
of them, lying within the asked radius counts too once a try looks farther, as in the ranking). Not verbs, not
words that only named the category, not words about the writer, and not words naming only a general kind
(rank_words.names_kind: "Gruppe" of "Klimaschutz Gruppe", "Unterricht" of "Klavierunterricht"): a listing holding
only those is as related as the category's others. A listing is strong when its strength is at least STRONG_SHARE
of the strongest listing's in the same try, when it says every such word itself in its title or its description
(where it says them tells nothing of whether it answers them: "In unserer Smartphone-Sprechstunde" answers
"Smartphone" as much as a title does; the share only separates weaker evidence: part of the words, a lesser term
of a word), or when it asks for a language the person speaks. When no listing
holds a word naming a particular thing, every listing is strong (the category's best, or those holding the
general kind, as before). So the tier never empties an answer: the strongest listing is always in it.

A first answer of one or two strong listings stays so, with the button for the related ones (bot.search.shown says
why it is not topped up).

The nearest listings far away (widened "nearest": nothing within 50 km) are not tiered: there the ranking weighs
distance as much as the words, and the answer says it shows the nearest ones with their distance; cutting it to a
listing far away holding a word, or to online ones beside them, left the person with less than the nearest field.
"""

from __future__ import annotations

from enum import Enum

from bot.search.corpus import LISTINGS, Corpus
from bot.search.model import SearchRequest

# A listing at least this share as strong as the strongest one in the words that name the thing is shown first.
# The words' shares follow their rarity (inverse document frequency) and where a listing holds them
# (bot.search.weights.Weights), so the share reads as: more than half of what the strongest listing holds (of two
# equally telling words, one is not enough: 0.5), more than a lesser term of a word the strongest says itself (a
# compound's modifier or a related word in the title: modifier_hit 0.55; "Nachbarschaftsgarten" for
# "Nachbarschaftshilfe"), more than the word only in the description where the strongest has it in its title
# (description_hit 0.4); a typo correction of the same word (corrected_hit 0.85) stays. On the development sets
# (tests/search/fixtures and the natural messages, P@5 within the reported radius) every share from 0.6 to 0.7
# scored alike and better than 0.5 or less: Leipzig (--inferred) 0.836 at 0.5, 0.845 at 0.6; Hamburg 0.954, 0.962;
# the natural messages 0.979 at both.
STRONG_SHARE = 0.6


class Tier(Enum):
    """Which of a try's listed rows a page shows."""

    ALL = "all"  # every row as ranked (the volunteers' ads, the titled probe)
    STRONG = "strong"  # the rows answering what was named (the first answer)
    SIMILAR = "similar"  # the related rows left out of the first answer ("Ähnliche anzeigen")


def evidence(row: str) -> str:
    """Returns the SQL of a row's part from the words that name a particular thing (the strongest is the most of it)."""
    return f"({row}.words + {row}.named)"


def strength(row: str) -> str:
    """Returns the SQL of a row's strength: its evidence and, when it holds such a word, its part for lying within
    the asked radius once a try looks farther (Weights.within_asked: a nearby listing saying it in its description
    answers as much as one far away saying it in its title). Only added to the row's own: the strongest is measured
    by the words alone, so a nearby listing never pushes far ones saying the same out of the answer."""
    return f"({evidence(row)} + CASE WHEN {row}.words > 0 OR {row}.named > 0 THEN {row}.within ELSE 0 END)"


def is_strong(row: str, share: str) -> str:
    """Returns the SQL condition that a row of `_listed`'s counted rows is strong: no row holds a word naming a
    particular thing (then all are), it says every such word itself in its title or description (says_all: where
    it says them tells nothing of whether it answers them), it asks for a language the person speaks (speaks: what
    they offer, which it wants), or it is at least `share` as strong as the strongest (`share` a bound number).
    A request for an activity with a group of people keeps of those the rows of both fields (in_fields)."""
    return (f"({row}.strongest <= 0 OR {row}.says_all = 1 OR {row}.speaks = 1 "
            f"OR {strength(row)} >= {share} * {row}.strongest)")


def in_fields(row: str, listed_only: str) -> str:
    """Returns the SQL condition that a row answers both halves of a request for an activity with a group of people
    (category_fit.both_fields: "Sport mit Kindern"), or that no listed row of the try does (then the halves are what
    there is, and all stay). listed_only: the SQL condition that only the rows holding the request's words are
    listed (fields_held then tells, else fields_any).

    Such a request with no word naming a particular thing listed the rows of one half after the few of both: the
    children's tutoring after two children's sports teams, the seniors' tablet course after seniors' gymnastics. A
    judge reads those as off (the judged agency sets of five authors), and the person as the bot not listening."""
    some = f"CASE WHEN {listed_only} THEN {row}.fields_held ELSE {row}.fields_any END"
    return f"(({some}) = 0 OR {row}.both_fields = 1)"


def shown(tier: Tier, row: str) -> str:
    """Returns the SQL condition that a listed row (with its `strong` flag) is on a page of the tier."""
    if tier is Tier.STRONG:
        return f"{row}.strong = 1"
    if tier is Tier.SIMILAR:
        return f"{row}.strong = 0"
    return "1 = 1"


def tier_of(request: SearchRequest, corpus: Corpus) -> Tier:
    """Returns the tier a request's page shows: the listings' strong one first, the related ones when asked for
    (bot.search.tiers); volunteers' ads, short texts without titles, and feeds (request.tiered false) are listed as
    ranked."""
    if corpus is not LISTINGS or not request.tiered:
        return Tier.ALL
    return Tier.SIMILAR if request.similar else Tier.STRONG
