"""Which categories a single folded word signals: stems, whole words, compound heads, exceptions, typos."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz.distance import OSA
from spacy.tokens import Token

from nlu.kernel.compounds import split_compound
from nlu.lexicon import interest_rules, known_words
from nlu.kernel.taxonomy import categories

# Below this length a typo correction is a guess; above eight letters two slips are allowed.
_FUZZY_MIN_LENGTH = 5
_TWO_SLIPS_FROM = 8
_INFLECTION = 4  # letters a stem may be followed by and still be the plain word ("Kindern", "Hunden")
_ANIMALS = "animals"
_HEALTH = "health_care"
_BROAD_SLACK = 3  # "Kindern" is "kind" plus three letters: still just the category's name
_COMPOUND_HEAD = 5  # the shortest known word taken as the head of a compound ("Vorruhe|stand")
_MIN_PART = 3  # shorter parts of a hyphenated word are letters or prefixes ("F-Jugend", "E-Mail")
_IEREN_VERB = re.compile(r"^(.{2,}ier)(?:e|en|st|t|te|ten|test|tet)$")
# The feminine and gender-inclusive forms of a noun of people: "Retterin", "Helferinnen", "Helfer_innen" ("HelferInnen"
# folds to the same; "Helfer*innen", "Helfer:innen" are split at the sign and read by their first part).
_FEMININE = re.compile(r"^([^_]{3,}?)_?in(?:nen)?$")
_LINKS = ("", "s", "e", "n", "en", "es")  # what German puts between the parts of a compound ("Vermittlung-s-tieren")
_MIN_FIRST = 4  # a shorter first part is no verb's stem ("kar-" of "kartieren" is no "Karen")


@dataclass(frozen=True, slots=True)
class _Index:
    """The taxonomy vocabulary arranged for fast look-ups."""

    order: tuple[str, ...]
    stems: dict[str, tuple[str, ...]]
    heads: dict[str, tuple[str, ...]]
    words: dict[str, frozenset[str]]
    inner_stems: dict[str, tuple[str, ...]]
    fuzzy_entries: dict[str, tuple[tuple[str, bool, frozenset[str]], ...]]  # first letter -> (entry, is_stem, keys)
    all_heads: tuple[str, ...]
    generic_heads: tuple[str, ...]


@cache
def _index() -> _Index:
    """Builds the look-up tables once."""
    rules = interest_rules()
    words: dict[str, set[str]] = defaultdict(set)
    fuzzy: dict[tuple[str, bool], set[str]] = defaultdict(set)
    for cat in categories():
        for word in cat.words:
            words[word].add(cat.key)
        for entry, is_stem in [(s, True) for s in cat.stems] + [(w, False) for w in cat.words + cat.heads]:
            if len(entry) >= _FUZZY_MIN_LENGTH and entry.isalpha():
                fuzzy[(entry, is_stem)].add(cat.key)
    buckets: dict[str, list[tuple[str, bool, frozenset[str]]]] = defaultdict(list)
    for (entry, is_stem), keys in fuzzy.items():
        buckets[entry[0]].append((entry, is_stem, frozenset(keys)))
    return _Index(
        order=tuple(cat.key for cat in categories()),
        stems={cat.key: cat.stems for cat in categories()},
        heads={cat.key: cat.heads for cat in categories()},
        words={word: frozenset(keys) for word, keys in words.items()},
        inner_stems={cat.key: tuple(s for s in cat.stems if len(s) >= rules.min_inner_stem) for cat in categories()},
        fuzzy_entries={letter: tuple(entries) for letter, entries in buckets.items()},
        all_heads=tuple({head for cat in categories() for head in cat.heads}),
        generic_heads=rules.compound_heads,
    )


def _ordered(keys: set[str] | frozenset[str]) -> tuple[str, ...]:
    """Returns keys in taxonomy order."""
    return tuple(key for key in _index().order if key in keys)


_EN_MIN_BASE = 3


def _base_categories(base: str) -> set[str]:
    """Returns the categories an English base form names as a whole word or by a stem it begins with."""
    index = _index()
    found = set(index.words.get(base, ()))
    return found or {key for key in index.order if base.startswith(index.stems[key])}


def english_bases(word: str) -> list[str]:
    """Returns the base forms an English plural, -ing or -ed form may come from, most likely first:
    "libraries" -> "library", "knitting" -> "knit", "coached" -> "coach", "hikes" -> "hike"."""
    bases: list[str] = []
    if word.endswith("ies"):
        bases.append(word[:-3] + "y")
    elif word.endswith("es"):
        bases += [word[:-2], word[:-1]]
    elif word.endswith("s") and not word.endswith("ss"):
        bases.append(word[:-1])
    for ending in ("ing", "ed"):
        if word.endswith(ending):
            stem = word[: -len(ending)]
            bases += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                bases.append(stem[:-1])  # "knitting" -> "knit"
            if ending == "ed" and stem.endswith("i"):
                bases.append(stem[:-1] + "y")  # "tidied" -> "tidy"
    return [base for base in bases if len(base) >= _EN_MIN_BASE]


def names_category_only(folded: str) -> bool:
    """Tells whether a folded word just names a category ("kindern", "tiere", "senioren": a broad stem and at most
    _BROAD_SLACK letters more): the category carries it, and the NLU keeps no such word as a free word."""
    broad = interest_rules().broad_stems
    return any(folded[:cut] in broad for cut in range(max(len(folded) - _BROAD_SLACK, 1), len(folded) + 1))


@lru_cache(maxsize=65536)
def categories_of(folded: str, lang: str) -> tuple[str, ...]:
    """Returns the categories a folded word signals, in taxonomy order (empty for none)."""
    rules = interest_rules()
    exact = rules.exact.get(lang, {})
    if folded in exact:
        return _ordered(set(exact[folded]))
    for prefix, keys in rules.prefix_overrides:
        if folded.startswith(prefix):
            return _ordered(set(keys))
    index = _index()
    found = set(index.words.get(folded, ()))
    if not found and lang == "en":  # "libraries", "knitting", "coached": the word list names the base form
        found = next((found for base in english_bases(folded) if (found := _base_categories(base))), set())
    if "-" in folded.strip("-"):
        found |= _hyphen_parts(folded, lang)
    if lang == "de":
        found |= _feminine_base(folded)
    # "sortieren", "diskutiere" end like "Haustieren", "Haustiere": a verb is no compound
    ends_in_head = (
        folded.endswith(index.all_heads) and not folded.endswith(rules.head_exceptions) and not _is_ieren_verb(folded)
    )
    heads: dict[str, int] = {}  # category -> length of its longest head the word ends with
    for key in index.order:
        if folded.startswith(index.stems[key]):
            found.add(key)
        elif ends_in_head:
            lengths = [len(h) for h in index.heads[key] if folded.endswith(h) and len(folded) > len(h) + 2]
            if lengths:
                heads[key] = max(lengths)
    if heads:  # "Heimattiergarten" is a Tiergarten (animals), not a Garten (environment)
        longest = max(heads.values())
        found |= {key for key, length in heads.items() if length == longest}
    if folded.endswith(index.generic_heads) and not _is_ieren_verb(folded):
        found |= _inner_compound(folded)
    if _ANIMALS in found and any(part in folded for part in rules.animal_care_parts):
        found.discard(_HEALTH)  # "Pflegetiere", "Igelpflegestation": one word caring for animals cares for them
    return _ordered(found)


def _hyphen_parts(folded: str, lang: str) -> set[str]:
    """Returns what the parts of a hyphenated word signal ("F-Jugend", "Kinder-Turnen", "Open-Air-Konzert")."""
    return {key for part in folded.split("-") if len(part) >= _MIN_PART for key in categories_of(part, lang)}


def _feminine_base(folded: str) -> set[str]:
    """Returns what the masculine noun of a feminine or gender-inclusive form signals: "Bergretterinnen",
    "Iraker_innen" and "Tandempartnerin" name what "Bergretter", "Iraker" and "Tandempartner" name; a noun in -e
    loses it before the ending ("Kollegin", "Patin"), so one whose whole word is a taxonomy word counts too."""
    match = _FEMININE.match(folded)
    if match is None:
        return set()
    base = match.group(1)
    if base.endswith("er"):
        return set(categories_of(base, "de"))
    return set(_index().words.get(f"{base}e", ()))


def _is_ieren_verb(folded: str) -> bool:
    """Tells whether a word is a form of a verb in -ieren ("sortieren", "kartieren", "assistiert"), not a noun in
    -tier ("Haustieren"): its participle is a known word, or what stands before "-tier" is no word ("kar-", "assis-"),
    so the word is no compound of "Tier"."""
    match = _IEREN_VERB.match(folded)
    if match is None:
        return False
    stem = match.group(1)
    if is_known_word(stem + "t"):
        return True
    if not stem.endswith("tier"):
        return False
    first = stem[: -len("tier")]  # a word, with its link ("Vermittlung-s-"), or a verb's stem ("Streichel-", "Nutz-")
    parts = [first[: len(first) - len(link)] for link in _LINKS if first.endswith(link) and len(first) > len(link)]
    verbs = [f"{first}en", f"{first}n"] if len(first) >= _MIN_FIRST else []
    return not any(_is_word(part) for part in [*parts, *verbs] if len(part) >= _MIN_PART)


def _is_word(folded: str) -> bool:
    """Tells whether a folded word is a known word or a word of the taxonomy (a compound's first part)."""
    return is_known_word(folded) or folded in _index().words or any(
        folded.startswith(stem) for stems in _index().stems.values() for stem in stems
    )


@lru_cache(maxsize=16384)
def is_category_word(folded: str, lang: str) -> bool:
    """Tells whether a word plainly names an interest: a taxonomy word, or a stem plus an inflection.

    Compounds found through their ending ("Greifswald" ends in "wald") are weaker evidence and do not count:
    a place with such a name is still taken for a place.
    """
    if not categories_of(folded, lang):
        return False
    index = _index()
    if folded in index.words:
        return True
    return any(folded.startswith(stem) and len(folded) - len(stem) <= _INFLECTION
               for stems in index.stems.values() for stem in stems)


def _inner_compound(folded: str) -> set[str]:
    """Finds a stem inside a compound that ends in a generic head ("Haustierbetreuung")."""
    rules = interest_rules()
    head = next((h for h in rules.compound_heads if folded.endswith(h) and len(folded) > len(h)), None)
    if head is None:
        return set()
    modifier = folded[1 : len(folded) - len(head)]
    if modifier.endswith("ier") and is_known_word(folded[: len(folded) - len(head)] + "en"):
        return set()  # "Sortier|hilfe": a verb of "-ieren" before the head, no stem inside ("tier")
    index = _index()
    return {key for key in index.order if any(stem in modifier for stem in index.inner_stems[key])}


def cased_categories(token: Token) -> tuple[str, ...]:
    """Returns categories for words that count only in their exact spelling ("IT"). An adjective written as a noun
    of people ("Kleinen") counts only after one of the determiners that make it one ("für die Kleinen", "mit den
    Kleinen") and with no noun after it: "die Kleinen Dinge", "im Kleinen", "Kleinen Vereinen helfen" name none."""
    rules = interest_rules()
    keys = rules.cased.get(token.text, ())
    if keys and token.text in rules.cased_people:
        doc = token.doc
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if token.i == 0 or doc[token.i - 1].norm_ not in rules.people_determiners or (
            after is not None and after.text[:1].isupper() and after.is_alpha
        ):
            return ()
    return _ordered(set(keys))


def is_known_word(folded: str) -> bool:
    """Tells whether a folded word is a frequent German or English form (so not a typo)."""
    return folded in known_words()


@lru_cache(maxsize=16384)
def fuzzy_categories(folded: str) -> tuple[str, ...]:
    """Returns the categories of the closest vocabulary entry within one or two slips, if any."""
    if len(folded) < _FUZZY_MIN_LENGTH or not folded.isalpha() or is_known_word(folded) or _joins_known(folded):
        return ()
    spoken = _spoken_ending(folded)
    if spoken:  # "mithelfn" is "mithelfen" (no field), "trainiern" "trainieren" (sport), Bavarian "mithelfa" too
        return categories_of(spoken, "de")
    rules = interest_rules()
    if any(folded.startswith(prefix) for prefix, _keys in rules.prefix_overrides) or any(
        folded in table for table in rules.exact.values()
    ):
        return ()  # an exception word is no typo ("pensionierter" is not "Pensionär", "Eritrea" no "Eritreer")
    best, keys = 1.0, set()
    for entry, is_stem, entry_keys in _index().fuzzy_entries.get(folded[0], ()):
        distance = _distance(folded, entry, is_stem)
        if distance > (2 if len(entry) >= _TWO_SLIPS_FROM else 1):
            continue
        # One slip in a long entry is better evidence than one slip in a short one ("fussbal": Fußball, not Fluss).
        relative = distance / len(entry)
        if relative < best:
            best, keys = relative, set(entry_keys)
        elif relative == best:
            keys |= entry_keys
    return _ordered(keys)


def _spoken_ending(folded: str) -> str:
    """Returns the known verb or plural a word speaks with its "-en" worn down, else "": the "e" dropped, as southern
    German speaks and writes it ("mithelfn", "arbeitn", "fahrn"), or "-en" said "-a" in Bavarian and Swabian
    ("mithelfa", "macha", "schaffa"): a spoken form of that word, no typo of another."""
    if not (folded.endswith("a") or (folded.endswith("n") and not folded.endswith("en"))):
        return ""
    written = f"{folded[:-1]}en"
    return written if is_known_word(written) else ""


_JOINTS = ("", "s", "n", "e")


def _joins_known(folded: str) -> bool:
    """Tells whether a word is two known words joined ("vor|ruhestand", "zahlen|mensch", "arbeit|s|zeit"): a
    compound, no typo (split as the search splits a request's compounds, nlu.kernel.compounds). Only the one-letter
    joints: with "es" and "en" a slip that doubles a letter reads as a joint ("Tage|es|pflege", "Wohnung|es|losen",
    "Suppe|en|küche") and the typo would stay uncorrected."""
    return bool(split_compound(folded, is_known_word, first=_MIN_PART, others=_COMPOUND_HEAD, max_parts=2,
                               links=_JOINTS))


def _distance(folded: str, entry: str, is_stem: bool) -> int:
    """Returns the edit distance to a whole word, or to a stem at the start of the word."""
    if not is_stem:
        return OSA.distance(folded, entry)
    if folded.startswith(entry[:-1]) and len(folded) >= len(entry):
        if _slipped_into_head(folded, entry):
            return 1  # "Umwelschutz", "Natuschutz": the stem's last letter dropped before a known head
        return len(entry)  # only the stem's last letter differs and the word goes on: "Handwerk" is not "handy"
    cuts = [cut for cut in (len(entry), len(entry) + 1) if cut <= len(folded)]
    # A letter dropped inside the stem ("Senoren") counts; merely sharing the stem's beginning does not
    # ("Handwerk" is no typo of "handy").
    short = len(entry) - 1
    if short <= len(folded) and folded[:short] != entry[:short]:
        cuts.append(short)
    return min((OSA.distance(folded[:cut], entry) for cut in cuts), default=OSA.distance(folded, entry))


def _slipped_into_head(folded: str, entry: str) -> bool:
    """Tells whether a word is a stem with its last letter dropped and a known head after it ("umwel|schutz",
    "natu|schutz"): no word itself before the head ("hand|werk" is a word and a head, no slip of "handy")."""
    cut = len(entry) - 1
    return not is_known_word(folded[:cut]) and len(folded) - cut >= _COMPOUND_HEAD and is_known_word(folded[cut:])
