"""The words of the full-text index, and how a person's word (maybe misspelt) maps onto them.

A query word becomes a TermGroup: the index terms it stands for. Found in this order: the word itself;
its stem as a prefix (vorlesen -> vorles*: Vorlesepaten, Vorleserin); long words inside compounds
(seelsorge -> telefonseelsorge); and only when none of those exist, typo corrections against index
words of similar length with the same first letter (Telefonselsorge -> telefonseelsorge: bot.search.typos).
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cache
from typing import TypeVar

from bot.search.abbreviations import long_forms, short_forms
from bot.search.action_nouns import action_noun
from bot.search.related import relatives, same_people
from bot.search.short_stems import MIN_OPEN_STEM, short_stem_group, word_beginnings
from bot.search.typos import corrected_head, corrections
from bot.search.word_forms import (
    MIN_STEM, inflections, participle_stem, singular_forms, stem_of, umlaut_plurals, umlaut_singular,
)
from bot.search.word_files import DATA, read_list
from nlu.kernel.compounds import split_compound
from nlu.lexicon import interest_rules, known_words
from nlu.vocabulary import categories_of

# Two letters only for an abbreviation written in capitals ("PC", "IT": bot.search.content_words); such a word is
# looked up as it is (no stem, no compound, no typo is that short).
_INDEX_WORD = re.compile(r"^[a-z0-9]{2,40}$")
# Shorter words and stems hide inside unrelated compounds ("sport" in "transport", "kind" in "rind").
MIN_INFIX_WORD = 7
MIN_INFIX_STEM = 6
MAX_INFIX_TERMS = 16
# A compound's modifier shorter than this (stemmed) says too little alone ("Kinder-", "Tier-", "Sprach-").
MIN_MODIFIER = 7
# Words whose groups a vocabulary keeps (see Vocabulary.group): the words of requests repeat (towns, topics), and
# a group's look-ups (prefixes, compounds, typo corrections) cost more than the rest of turning a request into SQL.
KEPT_GROUPS = 4096
_Key = TypeVar("_Key")
_Value = TypeVar("_Value")
# Words too common to tell listings apart once they appear in this share of all listings ("Hilfe",
# "Menschen", "Sprache"): they are let go, as filtering or ranking by them cost the database a set of a
# hundred thousand ids per request at a million listings. Small collections keep every word.
MAX_DOCUMENT_SHARE = 0.1
MIN_DOCUMENT_CEILING = 100
# Words that say "I want to volunteer" rather than what: they would only add noise to the text match.
STOP_WORDS = frozenset(
    "ich du wir sie und oder aber mit fuer bei von vom zum zur auf aus nach gerne gern bitte etwas was wie wo "
    "moechte moechten wuerde suche suchen such finde finden helfen helfe mithelfen mitmachen unterstuetzen "
    "engagieren ehrenamt ehrenamtlich ehrenamtliche freiwillig freiwillige freiwilligenarbeit taetigkeit "
    "angebot angebote stelle stellen nahe naehe umkreis irgendwas irgendwie mal mich mir dem den der die das "
    "ein eine einer einem einen kann koennen will wollen gibt the and for with near want would like some "
    "help helping volunteer volunteering looking find something anything please".split()
)


@dataclass(frozen=True, slots=True)
class TermGroup:
    """The index terms one query word stands for: whole terms and term beginnings."""

    word: str
    terms: tuple[str, ...]
    prefixes: tuple[str, ...]
    documents: int  # listings holding any of them, at most (how telling the word is)
    fuzzy: bool  # found only through a typo correction
    # The terms that say the word itself, when the group also holds lesser ones: the modifier of a compound
    # of a generic head (nachbarschaftshilfe: Nachbarschaftsgarten) or related words (bot.search.related).
    # None: every term of the group says the word.
    whole: TermGroup | None = None
    # The request's compound this group is a part of ("klavierunterricht" for "klavier": nlu.kernel.compounds), when
    # the listings hold nothing of the compound itself; None for a word of the request.
    part_of: str | None = None
    # A part of such a compound that is its head ("unterricht" of "klavierunterricht"): the kind of thing, where the
    # parts before it say which one (bot.search.tiers: a listing holding only the head answers the kind).
    head: bool = False

    def matches(self, token: str) -> bool:
        """Tells whether a folded word of a listing is one of this group's terms."""
        return token in self.terms or any(token.startswith(prefix) for prefix in self.prefixes)


@cache
def kind_heads() -> frozenset[str]:
    """Returns the heads of compounds naming a body of people or an undertaking of any kind ("Verein", "Gruppe")."""
    return frozenset(str(head) for head in read_list(DATA / "kind_heads.toml")["heads"])


class Vocabulary:
    """Index terms with their document counts, arranged for prefix, infix and fuzzy look-ups."""

    def __init__(self, documents: Mapping[str, int], listings: int) -> None:
        self.documents = {term: count for term, count in documents.items() if _INDEX_WORD.match(term) and count > 0}
        self.listings = listings
        self._sorted = sorted(self.documents)
        self._blob = "\n" + "\n".join(self._sorted) + "\n"
        self._buckets: dict[tuple[str, int], list[str]] = {}
        self._by_letter: dict[str, list[str]] = {}
        for term in self._sorted:
            self._buckets.setdefault((term[0], len(term)), []).append(term)
            self._by_letter.setdefault(term[0], []).append(term)
        self._groups: dict[tuple[str, bool], TermGroup | None] = {}
        self._compounds: dict[str, tuple[TermGroup, ...]] = {}

    def __len__(self) -> int:
        return len(self.documents)

    def groups(
        self, words: Iterable[str], *, limit: int = 4, allowed: frozenset[str] = frozenset(),
    ) -> tuple[TermGroup, ...]:
        """Returns term groups for the telling words, rarest first, at most `limit` of them.

        allowed: stop words that are meant as content here ("Freiwillige" of "Freiwillige Feuerwehr").
        """
        by_word: dict[str, TermGroup] = {}
        for group in (group for word in dict.fromkeys(words) for group in self._word_or_parts(word, allowed)):
            kept = by_word.get(group.word)
            # A word said alone says more than the same word inside a compound ("Klavier spielen, gern
            # Klavierunterricht geben"), whichever comes first.
            if kept is None or (kept.part_of is not None and group.part_of is None):
                by_word[group.word] = group
        ceiling = self.ceiling()
        telling = [group for group in by_word.values() if group.documents <= ceiling]
        return tuple(sorted(telling, key=lambda group: (group.documents, group.word))[:limit])

    def too_common(self, words: Iterable[str], *, at_most: int) -> tuple[TermGroup, ...]:
        """Returns term groups for the words groups() lets go as too common to tell listings apart, of those
        held by at most `at_most` listings (a bounded set of ids to read): beside a category that a common word
        named ("Feuerwehr"), they still tell the listings about it from the category's others."""
        ceiling = self.ceiling()
        found = (self.group(word) for word in dict.fromkeys(words))
        return tuple(group for group in found if group is not None and ceiling < group.documents <= at_most)

    def ceiling(self) -> float:
        """Returns how many listings may hold a word that still tells them apart (MAX_DOCUMENT_SHARE)."""
        return max(self.listings * MAX_DOCUMENT_SHARE, MIN_DOCUMENT_CEILING)

    def _word_or_parts(self, word: str, allowed: frozenset[str]) -> tuple[TermGroup, ...]:
        """Returns the group of a word or, when the listings hold nothing of the word itself but it is a compound of
        known words (nlu.kernel.compounds: "Klavierunterricht"), the groups of its parts.

        The parts before the head say what in particular ("Klavier", "Theater", "Demenz"). The head is kept too
        when it is specific itself ("Flohmarkt" of "Bücherflohmarkt", "Chor" of "Kirchenchor"), and let go when it
        only names a general kind: one of the generic heads ("Gruppe", "Hilfe", "Treff": data/nlu) or a word too
        common to tell listings apart (groups() drops those), which alone would bring up any other group.
        A listing holding a part says less than the compound: its terms are lesser ones (a modifier's share in a
        title).
        """
        group = self.group(word, allowed=allowed)
        if group is not None:
            return (group,)  # a typo correction first: "Leseptain" is a Lesepatin, not a compound of "lese"
        if word in STOP_WORDS and word not in allowed:
            return ()
        return _kept(self._compounds, word, lambda: self._compound_groups(word))  # as the groups are kept

    def _compound_groups(self, word: str) -> tuple[TermGroup, ...]:
        """Returns the groups of a compound's parts (see _word_or_parts), none when it is no compound."""
        *modifiers, head = self._parts(word) or ("",)
        said = [group for group in map(self._part_group, modifiers) if group is not None and not group.fuzzy]
        kind = self._head_group(head) if head not in interest_rules().compound_heads else None
        # The head names the kind even where no listing holds a part saying which one ("Unterricht" of
        # "Klavierunterricht" without any piano listing): it is the category's kind, not what was asked.
        return tuple(
            replace(part, whole=TermGroup(part.word, (), (), 0, fuzzy=False), part_of=word, head=part is kind)
            for part in [*said, kind] if part is not None and not part.fuzzy)

    def names_category_kind(self, word: str, categories: Iterable[str]) -> bool:
        """Tells whether a compound names only a kind of thing within the searched categories: the parts before its
        head name only searched categories, and its head names a body of people or an undertaking of any kind
        (data/search/kind_heads.toml: "Sportverein" searched in sports, any sports club; "Tierschutzverein" in
        animals; not "Krankenhaus" nor "Tierheim", particular places). A listing holding it answers no more than one
        of the category's others written without it does (bot.search.tiers)."""
        *modifiers, head = self._parts(word) or ("",)
        named = set(categories_of("".join(modifiers), "de")) if modifiers else set()
        return head in kind_heads() and bool(named) and named <= set(categories)

    def _part_group(self, part: str) -> TermGroup | None:
        """Returns the group of a compound's part as the part is written: no stem shorter than the part, which would
        find other words ("noten": note* is Notebook, "wander": wand* is Wandbild); the part begins words instead
        (noten*: Notendruck)."""
        group = self.group(part)
        if group is None or group.fuzzy:
            return group
        prefixes = [prefix for prefix in group.prefixes if not (part.startswith(prefix) and len(prefix) < len(part))]
        if self.has_prefix(part) and part not in prefixes:
            prefixes.insert(0, part)
        terms = [term for term in group.terms if not any(term.startswith(prefix) for prefix in prefixes)]
        if not terms and not prefixes:
            return None
        return replace(group, terms=tuple(terms), prefixes=tuple(prefixes), documents=self._count(terms, prefixes))

    def _head_group(self, head: str) -> TermGroup | None:
        """Returns the group of a compound's head: the word in its inflections and, when long enough to be no
        chance infix, as the head of the listings' own compounds ("flohmarkt": Kinderflohmarkt). Never as a
        beginning: there the head is a modifier of something else ("kranken" of "Demenzkranken": Krankenhaus)."""
        if not _INDEX_WORD.match(head) or head in STOP_WORDS:
            return None
        stem = stem_of(head)
        terms = [form for form in dict.fromkeys((head, *inflections(stem))) if form in self.documents]
        if len(head) >= MIN_INFIX_WORD and len(stem) >= MIN_INFIX_STEM:
            terms += [term for term in self.containing(stem) if term not in terms and term.endswith(
                tuple(inflections(stem)))]
        return TermGroup(head, tuple(terms), (), self._count(terms, []), fuzzy=False) if terms else None

    def _parts(self, word: str) -> tuple[str, ...]:
        """Returns the smallest parts of a compound, in order: split into the listings' own words first ("Schach" +
        "Training", not "Schacht" + "raining"), else into known words, and a part the listings do not hold split in
        turn ("laien" + "theatergruppe": "theater" + "gruppe")."""
        parts = split_compound(word, self._held) or split_compound(word, self.is_word)
        flat: list[str] = []
        for part in parts:
            flat += (part,) if self._held(part) else (self._parts(part) or (part,))
        return tuple(flat)

    def _held(self, word: str) -> bool:
        """Tells whether a folded word (no stop word) is one of the listings' words, or a known word that begins one
        ("schach" of "Schachpatin"). A mere beginning is no word: "kirch" of the towns Kirchberg and Kirchhain
        would split "Kirchenchor" into "kirch" + "chor" and find the towns."""
        return word not in STOP_WORDS and (
            word in self.documents or (word in known_words() and self.has_prefix(word)))

    def is_word(self, word: str) -> bool:
        """Tells whether a folded word may be a part of a compound: a known word or one of the listings'."""
        return word not in STOP_WORDS and (word in known_words() or word in self.documents)

    def meaningful(self, words: Iterable[str]) -> bool:
        """Tells whether any of the words could be looked up at all (not a stop word, not junk)."""
        return any(word not in STOP_WORDS and _INDEX_WORD.match(word) for word in words)

    def group(self, word: str, *, allowed: frozenset[str] = frozenset()) -> TermGroup | None:
        """Returns what the index holds for one folded word, or None when it holds nothing like it.

        Typos are corrected only for words that are no known German or English word: a correct common verb
        ("spielen", "reden") corrected towards some rare word of the listings only added noise.
        A vocabulary never changes (a newer index gets a new one), so it keeps the groups of the words it was
        asked for, up to KEPT_GROUPS (then it starts afresh): measured on the search benchmark's 500 requests,
        the look-ups were a sixth of a search's Python.
        """
        return _kept(self._groups, (word, word in allowed), lambda: self._group(word, allowed=allowed))

    def _group(self, word: str, *, allowed: frozenset[str]) -> TermGroup | None:
        """Looks up what the index holds for one folded word (see group)."""
        if (word in STOP_WORDS and word not in allowed) or not _INDEX_WORD.match(word):
            return None
        stem = stem_of(word)
        terms = [word] if word in self.documents else []
        prefixes = [stem] if len(stem) >= MIN_STEM and self.has_prefix(stem) else []
        if prefixes and len(stem) < MIN_OPEN_STEM and stem != word and stem not in self.documents:
            terms, prefixes = short_stem_group(self, word, stem, most=MAX_INFIX_TERMS)
        # A plural that changes its vowel ("Fahrrädern", "Bücher", "Wälder"): listings write the singular too, as a
        # word of its own only. As a beginning it would find other words that happen to start alike: "mann*" of
        # "Männer" is Mannheim and Mannschaft, "land*" of "Länder" Landkreis, "back*" of "Bäcker" Backofen.
        singular = umlaut_singular(word)
        if singular:
            terms += [form for form in singular_forms(singular) if form in self.documents and form not in terms
                      and not any(form.startswith(prefix) for prefix in prefixes)]
        # The other way, a singular asked where listings write the plural ("Fahrrad": "Fahrräder herrichten"): the
        # plural as a word of its own only, for the same reason.
        terms += [form for form in umlaut_plurals(word) if form in self.documents and form not in terms
                  and not any(form.startswith(prefix) for prefix in prefixes)]
        verb = participle_stem(word)
        if verb and self.has_prefix(verb) and not any(verb.startswith(p) for p in prefixes):
            prefixes.append(verb)
        if len(word) >= MIN_INFIX_WORD and len(stem) >= MIN_INFIX_STEM:
            terms += [term for term in self.containing(stem) if term not in terms]
        # A particle verb whose noun changes its vowel ("ausgeben": Ausgabe, also ending Lebensmittelausgabe).
        noun = action_noun(word)
        if noun and self.has_prefix(noun) and not any(noun.startswith(prefix) for prefix in prefixes):
            prefixes.append(noun)
        if noun and len(noun) >= MIN_INFIX_STEM:
            terms += [term for term in self.containing(noun) if term not in terms]
        # An abbreviation and the name it stands for are the same thing ("THW": Technisches Hilfswerk).
        prefixes += [long for long in long_forms(word) if self.has_prefix(long) and long not in prefixes]
        terms += [short for short in short_forms(word) if short in self.documents and short not in terms]
        # A short word as a beginning finds the words that merely begin alike too ("hund*": hundert): only its forms
        # and compounds are read.
        for short in [prefix for prefix in prefixes if len(prefix) < MIN_OPEN_STEM]:
            more_terms, beginnings = word_beginnings(self, short)
            prefixes = [prefix for prefix in prefixes if prefix != short] + beginnings
            terms += [term for term in more_terms if term not in terms]
        # Lesser terms: the modifier of a compound of a generic head ("nachbarschaftshilfe": nachbarschaft*, also
        # in Nachbarschaftsgarten) and words of the same activity ("sterbende": hospiz*); a family's stem the word
        # begins with is its own ("lesepatin": lesepat*, as listings write Lesepat*in).
        lesser: list[str] = []
        modifier = modifier_of(word)
        if modifier and self.has_prefix(modifier) and not any(modifier.startswith(p) for p in prefixes):
            lesser.append(modifier)
        # A family of people names one group in the words listings use for it: each is said as the word itself.
        own = same_people(word)
        for kin in relatives(word):
            if self.has_prefix(kin) and not any(kin.startswith(prefix) for prefix in prefixes + lesser):
                (prefixes if word.startswith(kin) or kin in own else lesser).append(kin)
        if terms or prefixes or lesser:
            said = TermGroup(word, tuple(terms), tuple(prefixes), 0, fuzzy=False) if lesser else None
            return TermGroup(word, tuple(terms), tuple(prefixes + lesser), self._count(terms, prefixes + lesser),
                             fuzzy=False, whole=said)
        if word in known_words():
            return None
        corrected = corrections(word, self._buckets, self.documents)
        if corrected:
            return TermGroup(word, corrected, (), self._count(corrected, []), fuzzy=True)
        head = corrected_head(word, self._by_letter.get(word[0], ()))
        if head:
            return TermGroup(word, (), (head,), self._count([], [head]), fuzzy=True)
        return None

    def has_prefix(self, prefix: str) -> bool:
        """Tells whether any index term starts with the prefix."""
        index = bisect.bisect_left(self._sorted, prefix)
        return index < len(self._sorted) and self._sorted[index].startswith(prefix)

    def prefixed(self, prefix: str) -> list[str]:
        """Returns the index terms starting with the prefix."""
        start = bisect.bisect_left(self._sorted, prefix)
        end = bisect.bisect_left(self._sorted, prefix + "\x7f")
        return self._sorted[start:end]

    def containing(self, stem: str, *, most: int = MAX_INFIX_TERMS) -> list[str]:
        """Returns terms holding the stem inside (not at the start): compounds ending in it, shortest first."""
        found: set[str] = set()
        position = self._blob.find(stem)
        while position >= 0:
            start = self._blob.rfind("\n", 0, position) + 1
            end = self._blob.find("\n", position)
            if start != position:
                found.add(self._blob[start:end])
            position = self._blob.find(stem, end)
        # Shortest first, then alphabetical: not by document count, which PostgreSQL only estimates, so
        # both databases pick the same compounds.
        return sorted(found, key=lambda term: (len(term), term))[:most]

    def weight(self, group: TermGroup) -> float:
        """Returns how telling a word is: its inverse document frequency in the listings (at least 0.1).

        A word few listings hold ("Gitarre", "Migrationshintergrund") weighs more than one many hold
        ("Kinder"), so the specific part of a request decides the order among the category's rows.
        """
        listings = max(self.listings, group.documents, 1)
        return max(math.log((listings + 1) / (group.documents + 1)), 0.1)

    def _count(self, terms: Iterable[str], prefixes: Iterable[str]) -> int:
        """Returns an upper bound of the listings holding any of the terms or prefixed terms."""
        total = sum(self.documents.get(term, 0) for term in terms)
        for prefix in prefixes:
            total += sum(self.documents[term] for term in self.prefixed(prefix) if term not in terms)
        return min(total, self.listings) if self.listings else total


def modifier_of(word: str) -> str | None:
    """Returns the stem of what a compound of a generic head is about (obdachlosenhilfe -> obdachlos), if any.

    "Obdachlosenhilfe" is answered by listings saying "obdachlose Menschen", though few say the compound:
    its group also holds the modifier's stem. Short modifiers say too little alone ("Tier-", "Sprach-café").
    """
    head = next((h for h in interest_rules().compound_heads if word.endswith(h) and len(word) > len(h)), None)
    if head is None:
        return None
    modifier = word[: -len(head)]
    if modifier.endswith("s") and len(modifier) > MIN_MODIFIER:
        modifier = modifier[:-1]  # the linking s: Besuchs-dienst, Nachbarschafts-hilfe
    modifier = stem_of(modifier)
    return modifier if len(modifier) >= MIN_MODIFIER and modifier not in STOP_WORDS else None


def _kept(kept: dict[_Key, _Value], key: _Key, make: Callable[[], _Value]) -> _Value:
    """Returns what a vocabulary keeps for a key, made and kept on first asking; a store of KEPT_GROUPS starts
    afresh (most words of a request are no compound, and the words of requests repeat)."""
    if key in kept:
        return kept[key]
    if len(kept) >= KEPT_GROUPS:
        kept.clear()
    found = kept[key] = make()
    return found
