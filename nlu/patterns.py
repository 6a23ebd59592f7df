"""Compiles the compact pattern syntax of data/nlu/ into spaCy Matcher patterns on the folded NORM.

Syntax (see data/nlu/README.md): token specs separated by spaces; alternatives joined by "|"; "x*" is a
prefix, "*x" a suffix, "*x*" a substring; "#" a number (digits or a number word); "~" any token; a spec
ending in "?" is optional. Literals are folded, so the files may use umlauts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from spacy.matcher import Matcher
from spacy.vocab import Vocab

from nlu.text import fold

_NUMBER = r"\d+(?:[.,]\d+)?"


class PatternError(ValueError):
    """A pattern in a data file cannot be compiled; the message names it."""


def _alternative_regex(alternative: str, number_words: Iterable[str]) -> str:
    """Returns a regex for one alternative of a token spec."""
    if alternative == "#":
        words = "|".join(re.escape(word) for word in sorted(number_words, key=len, reverse=True))
        return rf"^(?:{_NUMBER}|{words})$"
    starts, ends = alternative.startswith("*"), alternative.endswith("*")
    core = re.escape(fold(alternative.strip("*")))
    if starts and ends:
        return core
    if ends:
        return rf"^{core}"
    if starts:
        return rf"{core}$"
    return rf"^{core}$"


def compile_spec(spec: str, number_words: Iterable[str]) -> dict[str, Any]:
    """Turns one token spec ("am|an?", "wochenende*", "#") into a Matcher token pattern."""
    optional = len(spec) > 1 and spec.endswith("?")
    body = spec[:-1] if optional else spec
    alternatives = [alt for alt in body.split("|") if alt]
    if not alternatives:
        raise PatternError(f"empty token spec {spec!r}")
    if alternatives == ["~"]:
        token: dict[str, Any] = {}
    elif all(alt != "#" and "*" not in alt.strip("*") and not alt.startswith("*") and not alt.endswith("*") for alt in alternatives):
        token = {"NORM": {"IN": sorted({fold(alt) for alt in alternatives})}}
    else:
        token = {"NORM": {"REGEX": "|".join(_alternative_regex(alt, number_words) for alt in alternatives)}}
    if optional:
        token["OP"] = "?"
    return token


def compile_pattern(text: str, number_words: Iterable[str]) -> list[dict[str, Any]]:
    """Turns one pattern line into a list of Matcher token patterns."""
    specs = text.split()
    if not specs:
        raise PatternError("empty pattern")
    words = tuple(number_words)
    return [compile_spec(spec, words) for spec in specs]


def literal_tokens(text: str) -> list[str]:
    """Returns the plain literals of a pattern, for checking that each is one token."""
    found = []
    for spec in text.split():
        for alt in spec.rstrip("?").split("|") if len(spec) > 1 else [spec]:
            if alt not in ("#", "~") and "*" not in alt:
                found.append(alt)
    return found


def build_matcher(
    vocab: Vocab,
    groups: dict[str, Iterable[str]],
    number_words: Iterable[str],
    tokenize: Callable[[str], list[str]],
) -> tuple[Matcher, list[str]]:
    """Builds one Matcher with a rule per label; returns it with the lines this tokenizer cannot match.

    A literal the tokenizer splits ("don't" in English) can never match there; the caller checks that
    every line fits at least one of the pipelines and refuses the data otherwise.
    """
    matcher = Matcher(vocab, validate=True)
    words = tuple(number_words)
    unusable: list[str] = []
    for label, lines in groups.items():
        compiled = []
        for line in lines:
            if any(len(tokenize(literal)) != 1 for literal in literal_tokens(line)):
                unusable.append(line)
                continue
            compiled.append(compile_pattern(line, words))
        if compiled:
            matcher.add(label, compiled)
    return matcher, unusable
