"""Formal address for demo texts: the corpus is written with "du"; some organisations say "Sie"."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache, lru_cache

from bot.seed.corpus import read_toml
from nlu.kernel.resources import data_path

_SENTENCE = re.compile(r"(?<=[.!?])(\s+)")
_CLAUSE = re.compile(r"([,;:–(]\s*)")
_WORD = re.compile(r"\w+", re.UNICODE)
_INFORMAL = re.compile(r"\b([Dd]u|[Dd]ich|[Dd]ir|[Dd]ein\w*)\b")
_SUBJECT = re.compile(r"\b[Dd]u\b")
# Lower-case words ending in -st that are not du verb forms (checked so a missing verb is noticed).
_NOT_VERBS = {
    "ist", "selbst", "fest", "meist", "zuerst", "erst", "sonst", "fast", "längst", "wächst", "stresst", "passt",
}
_POSSESSIVE = {
    "dein": "Ihr", "deine": "Ihre", "deiner": "Ihrer", "deinem": "Ihrem", "deinen": "Ihren", "deines": "Ihres",
}


class RegisterError(ValueError):
    """A du sentence whose verb the table does not know."""


@cache
def verbs() -> dict[str, str]:
    """Returns the du -> Sie verb forms of data/demo/register.toml."""
    return dict(read_toml(data_path("demo", "register.toml"))["verbs"])


def formal(text: str, table: Mapping[str, str] | None = None) -> str:
    """Rewrites every du sentence of a text with Sie; other sentences stay as they are."""
    if table is None:
        return "".join(_formal_known(part) for part in _SENTENCE.split(text))
    return "".join(_formal_sentence(part, table) for part in _SENTENCE.split(text))


@lru_cache(maxsize=16384)
def _formal_known(sentence: str) -> str:
    """Rewrites one sentence with the data file's verbs; cached, as templates repeat for every listing."""
    return _formal_sentence(sentence, verbs())


def _formal_sentence(sentence: str, table: Mapping[str, str]) -> str:
    """Rewrites one sentence: its verbs when du is its subject somewhere, pronouns clause by clause."""
    if not _INFORMAL.search(sentence):
        return sentence
    addressed = _SUBJECT.search(sentence) is not None
    result = "".join(_formal_clause(clause, table, verbs=addressed) for clause in _CLAUSE.split(sentence))
    leftover = [word for word in _WORD.findall(result) if addressed and _is_du_verb(word, table)]
    if _INFORMAL.search(result) or leftover:
        raise RegisterError(f"cannot make this sentence formal (add its verb to data/demo/register.toml): {sentence!r}")
    return result


def _formal_clause(clause: str, table: Mapping[str, str], *, verbs: bool) -> str:
    """Rewrites one clause; dich/dir are reflexive (sich) when du is the clause's subject, said or implied."""
    reflexive = _SUBJECT.search(clause) is not None or (verbs and any(w in table for w in _WORD.findall(clause)))

    def replace(match: re.Match[str]) -> str:
        word = match.group(0)
        lower = word.lower()
        if lower == "du":
            return "Sie"
        if lower in ("dich", "dir"):
            return "sich" if reflexive else ("Sie" if lower == "dich" else "Ihnen")
        if lower in _POSSESSIVE:
            return _POSSESSIVE[lower]
        return table.get(word, word) if verbs else word

    return _WORD.sub(replace, clause)


def _is_du_verb(word: str, table: Mapping[str, str]) -> bool:
    """Tells whether a word left after rewriting still looks like a du verb form (lower case, ending -st)."""
    return word.islower() and word.endswith("st") and word not in _NOT_VERBS and word not in table.values()
