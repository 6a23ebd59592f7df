"""Compiles the compact pattern syntax of data/nlu/ and matches it over a Doc's folded NORMs.

Syntax (see data/nlu/README.md): token specs separated by spaces; alternatives joined by "|"; "x*" is a
prefix, "*x" a suffix, "*x*" a substring; "#" a number (digits or a number word); "~" any token; a spec
ending in "?" is optional. Literals are folded, so the files may use umlauts. An alternative is one word: a line
whose positions open or close with the same word ("weiß nicht|weiss nicht") is refused as a phrase cut apart.

spaCy's Matcher with REGEX predicates cost ~0.3 ms per message per pattern file here; this matcher indexes
patterns by their first token and caches per word which specs it satisfies, so a message costs microseconds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.tokens import Doc

from nlu.kernel.text import fold

_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")


class PatternError(ValueError):
    """A pattern in a data file cannot be compiled; the message names it."""


@dataclass(frozen=True, slots=True)
class Spec:
    """One token position of a pattern."""

    literals: frozenset[str]
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    contains: tuple[str, ...]
    number: bool
    anything: bool
    optional: bool

    def accepts(self, norm: str, number_words: frozenset[str]) -> bool:
        """Tells whether a folded token fits this position."""
        return (
            self.anything
            or norm in self.literals
            or (bool(self.prefixes) and norm.startswith(self.prefixes))
            or (bool(self.suffixes) and norm.endswith(self.suffixes))
            or any(part in norm for part in self.contains)
            or (self.number and (bool(_NUMBER.match(norm)) or norm in number_words))
        )


@dataclass(frozen=True, slots=True)
class Pattern:
    """A compiled pattern line with its label."""

    label: str
    specs: tuple[Spec, ...]
    source: str


def compile_spec(spec: str) -> Spec:
    """Turns one token spec ("am|an?", "wochenende*", "#") into a Spec."""
    optional = len(spec) > 1 and spec.endswith("?")
    body = spec[:-1] if optional else spec
    alternatives = [alt for alt in body.split("|") if alt]
    if not alternatives:
        raise PatternError(f"empty token spec {spec!r}")
    literals, prefixes, suffixes, contains = set(), [], [], []
    for alt in alternatives:
        starts, ends = alt.startswith("*") and len(alt) > 1, alt.endswith("*") and len(alt) > 1
        core = fold(alt.strip("*")) if (starts or ends) else fold(alt)
        if alt in ("#", "~"):
            continue
        if starts and ends:
            contains.append(core)
        elif ends:
            prefixes.append(core)
        elif starts:
            suffixes.append(core)
        else:
            literals.add(core)
    return Spec(
        frozenset(literals), tuple(prefixes), tuple(suffixes), tuple(contains),
        number="#" in alternatives, anything="~" in alternatives, optional=optional,
    )


def compile_pattern(label: str, text: str) -> Pattern:
    """Turns one pattern line into a Pattern."""
    specs = tuple(compile_spec(spec) for spec in text.split())
    if not specs:
        raise PatternError("empty pattern")
    if all(spec.optional for spec in specs):
        raise PatternError(f"{text!r}: every position is optional, it would match nothing")
    split = _split_alternative(text)
    if split:
        raise PatternError(f"{text!r}: {split!r} opens or closes two positions running; a phrase written as one "
                           "alternative (\"ein bisschen|ein stück\") is cut into positions: one word per alternative")
    return Pattern(label, specs, text)


def _split_alternative(text: str) -> str | None:
    """Returns the word that betrays phrases written as alternatives, or None.

    "weiß nicht|weiss nicht" compiles to the positions "weiß", "nicht|weiss", "nicht": a three-word pattern that
    never meets "weiß nicht". Such a line has two required positions running that open (or close) with the same
    word; two positions listing the same words ("jetzt|nun jetzt|nun") are meant so and pass.
    """
    specs = text.split()
    for before, after in zip(specs, specs[1:], strict=False):
        if any(len(spec) > 1 and spec.endswith("?") for spec in (before, after)):
            continue
        first, second = ([fold(alt) for alt in spec.split("|") if alt] for spec in (before, after))
        if first and second and set(first) != set(second):
            for word in {first[0], first[-1]} & {second[0], second[-1]}:
                if word not in ("#", "~") and (first[0] == second[0] == word or first[-1] == second[-1] == word):
                    return word
    return None


def literal_tokens(text: str) -> list[str]:
    """Returns the plain literals of a pattern, for checking that each is one token."""
    found = []
    for spec in text.split():
        for alt in (spec[:-1] if len(spec) > 1 and spec.endswith("?") else spec).split("|"):
            if alt and alt not in ("#", "~") and not (len(alt) > 1 and (alt.startswith("*") or alt.endswith("*"))):
                found.append(alt)
    return found


class PatternMatcher:
    """Finds every (label, start, end) where a pattern matches a Doc's folded NORMs."""

    _CACHE_LIMIT = 50_000  # distinct words remembered; a long-running bot sees unbounded vocabulary

    def __init__(self, patterns: Iterable[Pattern], number_words: Iterable[str]) -> None:
        self.patterns = tuple(patterns)
        self.number_words = frozenset(number_words)
        self._specs: dict[int, Spec] = {}
        self._compiled = [tuple(self._spec_id(spec) for spec in p.specs) for p in self.patterns]
        self._accepted: dict[tuple[int, str], bool] = {}
        self._starting: dict[str, tuple[int, ...]] = {}

    def _spec_id(self, spec: Spec) -> int:
        """Numbers specs so the per-word cache keys stay cheap to hash."""
        for ident, known in self._specs.items():
            if known == spec:
                return ident
        self._specs[len(self._specs)] = spec
        return len(self._specs) - 1

    def _accepts(self, spec_id: int, norm: str) -> bool:
        """Tells (cached per word) whether a word fits a spec."""
        key = (spec_id, norm)
        hit = self._accepted.get(key)
        if hit is None:
            if len(self._accepted) > self._CACHE_LIMIT:
                self._accepted.clear()
            hit = self._accepted[key] = self._specs[spec_id].accepts(norm, self.number_words)
        return hit

    def _patterns_starting(self, norm: str) -> tuple[int, ...]:
        """Returns (cached per word) the patterns that may start at a word."""
        hit = self._starting.get(norm)
        if hit is None:
            if len(self._starting) > self._CACHE_LIMIT:
                self._starting.clear()
            hit = self._starting[norm] = tuple(
                index for index, specs in enumerate(self._compiled) if self._may_start(specs, norm)
            )
        return hit

    def _may_start(self, specs: tuple[int, ...], norm: str) -> bool:
        """Tells whether a match of the specs can begin with this word: the word must fit the first required spec
        or an optional one before it. A pattern opening with an optional spec ("am? wochenende") would otherwise be
        tried at every word of every message, though its first word consumed is always the one it starts at."""
        for spec_id in specs:
            if self._accepts(spec_id, norm):
                return True
            if not self._specs[spec_id].optional:
                return False
        return False

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        """Returns all matches, each (label, start, end); overlapping matches are all kept."""
        norms = [token.norm_ for token in doc]
        found: set[tuple[str, int, int]] = set()
        for start, norm in enumerate(norms):
            for index in self._patterns_starting(norm):
                for end in self._ends(self._compiled[index], norms, start):
                    if end > start:
                        found.add((self.patterns[index].label, start, end))
        return sorted(found, key=lambda m: (m[1], m[2], m[0]))

    def _ends(self, specs: tuple[int, ...], norms: list[str], start: int) -> set[int]:
        """Returns every end position at which the specs match from `start` (optional specs branch)."""
        positions = {start}
        for spec_id in specs:
            optional = self._specs[spec_id].optional
            following = set(positions) if optional else set()
            for pos in positions:
                if pos < len(norms) and self._accepts(spec_id, norms[pos]):
                    following.add(pos + 1)
            positions = following
            if not positions:
                return set()
        return positions


def build_matcher(
    groups: dict[str, Iterable[str]], number_words: Iterable[str], tokenize: Callable[[str], list[str]]
) -> tuple[PatternMatcher, list[str]]:
    """Compiles labelled pattern lines; returns the matcher and the lines this tokenizer can never match.

    A literal the tokenizer splits ("don't" in English) cannot match there; the caller checks that every
    line fits at least one of the pipelines and refuses the data otherwise.
    """
    compiled: list[Pattern] = []
    unusable: list[str] = []
    for label, lines in groups.items():
        for line in lines:
            usable = _fitting(line, tokenize)
            if usable is None:
                unusable.append(line)
            else:
                compiled.append(compile_pattern(label, usable))
    return PatternMatcher(compiled, number_words), unusable


def _fitting(line: str, tokenize: Callable[[str], list[str]]) -> str | None:
    """Returns the line without the alternatives this tokenizer splits, or None when a position keeps none.

    "daytime|day-time" stays "daytime" for English, whose tokenizer splits "day-time" into three tokens; the whole
    line used to be dropped there, so English messages lost every pattern that also listed a hyphenated or a
    German form ("im") the English tokenizer cuts apart.
    """
    if all(len(tokenize(literal)) == 1 for literal in literal_tokens(line)):
        return line
    specs = []
    for spec in line.split():
        optional = len(spec) > 1 and spec.endswith("?")
        body = spec[:-1] if optional else spec
        kept = [alt for alt in body.split("|") if alt and not (literal_tokens(alt) and len(tokenize(alt)) != 1)]
        if not kept:
            return None
        specs.append("|".join(kept) + ("?" if optional else ""))
    return " ".join(specs)
