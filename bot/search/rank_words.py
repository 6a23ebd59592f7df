"""The request's content words as the ranking weighs them: the index terms of each word, how much each counts, and
which of them name what was asked, only say how, or speak of the writer (bot.search.ranking turns them into SQL)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from bot.search.vocabulary import TermGroup
from bot.search.word_files import DATA, folded_stems, read_list
from nlu.lexicon import interest_rules


@cache
def people_fields() -> frozenset[str]:
    """Returns the categories that name the people helped (data/search/people_fields.toml)."""
    return frozenset(str(key) for key in read_list(DATA / "people_fields.toml")["keys"])


@cache
def narrower_groups() -> dict[str, tuple[str, ...]]:
    """Returns, by category, the folded stems of the words naming a group of people narrower than the category
    ("obdachlos" of poverty_homelessness: data/search/people_fields.toml [narrower])."""
    path = DATA / "people_fields.toml"
    return {str(key): folded_stems(path, stems, 5) for key, stems in read_list(path).get("narrower", {}).items()}


@cache
def setting_words() -> frozenset[str]:
    """Returns the folded words that say where a person likes to be, not what to do ("draussen":
    data/search/people_fields.toml `setting`)."""
    return frozenset(str(word) for word in read_list(DATA / "people_fields.toml").get("setting", []))


def names_narrower_group(word: str, fields: tuple[str, ...]) -> bool:
    """Tells whether a folded word that named searched categories (fields) names a group of people narrower than one
    of them ("obdachlosen" of poverty_homelessness): it names which of the category's people are meant, not the
    category (RankWords.generic)."""
    return any(word.startswith(stem) for key in fields for stem in narrower_groups().get(key, ()))


def names_kind(group: TermGroup) -> bool:
    """Tells whether a word of the request names only a general kind of thing: the head of one of its compounds read
    as their parts ("Unterricht" of "Klavierunterricht", TermGroup.head), or one of the generic heads said alone
    ("Gruppe", "Projekt", "Hilfe": data/nlu/interests.toml compound_heads). A listing holding it holds what was
    asked, but no more than any of that kind does (bot.search.tiers)."""
    return group.head or group.word in interest_rules().compound_heads


@dataclass(frozen=True, slots=True)
class RankWords:
    """The request's content words as index terms, with how much each weighs in the ranking.

    keywords are the NLU's own free words (they may filter); the other groups only rank. manner are the
    words that say how rather than what (bot.search.content_words.manner_words): they weigh less and never
    make a listing count as holding what was asked. generic are words that named one of the searched
    categories and that the NLU did not keep as free words ("Senioren", "Jugendliche"): every row of the
    category may hold them, so they rank but do not count as holding what was asked either.
    """

    groups: tuple[TermGroup, ...] = ()
    weights: tuple[float, ...] = ()
    keywords: frozenset[str] = frozenset()
    unwanted: tuple[TermGroup, ...] = ()  # negated words: a listing holding one ranks lower
    manner: frozenset[str] = frozenset()
    generic: frozenset[str] = frozenset()  # words that only named a searched category ("Senioren")
    writer: frozenset[str] = frozenset()  # words said only about the writer ("Tischler"): they order a little
    # Towns named beside the searched place ("Erfurt" of "Ausflüge nach Weimar ..., Erfurt"): they only order (a
    # town is no topic), name no thing to widen for (not in naming()) and keep the answer in the area they mean.
    beside: frozenset[str] = frozenset()
    # The searched categories each word of `generic` named ("aelteren": seniors), for requests of several.
    fields: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Compounds naming only a kind within the searched categories (Vocabulary.names_category_kind: "Sportverein").
    kinds: frozenset[str] = frozenset()
    # The German words one English word of the request was read as ("hospital": krankenhaus, klinik): together they
    # are one word of the request, its share going to the best one a listing holds (bot.search.ranking).
    alternatives: tuple[tuple[str, ...], ...] = ()

    def one_word(self, word: str) -> tuple[str, ...]:
        """Returns the words that count as one word of the request with `word` (its English word's alternatives),
        `word` alone for any other."""
        return next((words for words in self.alternatives if word in words), (word,))

    def names_kind(self, group: TermGroup) -> bool:
        """Tells whether a word of the request names only a general kind of thing (names_kind), or a kind within the
        searched categories (kinds)."""
        return names_kind(group) or group.word in self.kinds

    def lone_head(self, group: TermGroup) -> bool:
        """Tells whether a group is the head of a compound none of whose specific parts any listing holds
        ("Unterricht" of "Klavierunterricht" without any piano listing): it names only the kind, and a listing holding
        it ("Deutsch unterrichten") answers the compound no better than the searched field's others."""
        return group.head and not any(other.part_of == group.part_of and not other.head for other in self.groups)

    def fields_of(self, word: str) -> tuple[str, ...]:
        """Returns the searched categories a word of `generic` named (none for any other word)."""
        return next((named for said, named in self.fields if said == word), ())

    def naming(self) -> tuple[TermGroup, ...]:
        """Returns the groups of words that name what was asked: the free words and the other nouns (a listing
        holding one counts as holding what was asked), not the words of manner, of a searched category, about
        the writer or the towns named beside the place, nor a part of a compound no listing writes (it says less
        than what was asked: "Hunde" of "Hundegassi" looks for no listing farther away)."""
        return tuple(group for group in self.groups
                     if group.word not in self.manner | self.generic | self.writer | self.beside
                     and group.part_of is None)

    def people(self) -> tuple[TermGroup, ...]:
        """Returns the groups of the words that only named a searched category of people ("Obdachlose" of "kochen für
        Obdachlose", "Senioren" of "Senioren besuchen"): they say for whom the activity is wanted."""
        return tuple(group for group in self.groups
                     if group.word in self.generic and people_fields() & set(self.fields_of(group.word)))

    def to_meet(self) -> tuple[TermGroup, ...]:
        """Returns the groups a listing meets all of to answer the whole request (Weights.all_met): the words naming
        what was asked and those naming for whom, where a word names what and there are at least two of them; else
        none. Words naming only people ("Senioren", "ältere" of "with older people") ask for no activity to meet."""
        naming = self.naming()
        met = (*naming, *self.people())
        return met if naming and len(met) > 1 else ()

    def holding(self) -> tuple[TermGroup, ...]:
        """Returns the groups by which a listing holds what was asked (ScoreParts' keywords, named and kind): those of
        naming() and the parts of the request's compounds."""
        return tuple(group for group in self.groups
                     if group.word not in self.manner | self.generic | self.writer | self.beside)

    def wished(self) -> tuple[TermGroup, ...]:
        """Returns the groups of the words about what is wanted (all but those said only about the writer and the
        towns named beside the place): what a result's reason may name."""
        return tuple(group for group in self.groups if group.word not in self.writer | self.beside)

    def filtering(self) -> tuple[TermGroup, ...]:
        """Returns the groups of the NLU's free words, which filter when no category was understood."""
        return tuple(group for group in self.groups if group.word in self.keywords)
