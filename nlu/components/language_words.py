"""Tells a language that is learnt or taught from one that is spoken, and German's own name from its compounds."""

from __future__ import annotations

from spacy.tokens import Doc

from nlu.components.common import is_boundary
from nlu.lexicon import language_names

_BLOCK_REACH = 2  # "Arabisch lernen", "learn Arabic": a blocker this close means it is not spoken yet
_NAME_ENDINGS = ("", "e", "en", "er", "es", "s", "se", "sen")  # "Deutsch", "deutsche", "Deutschkenntnissen"


def learned_language(doc: Doc, i: int) -> bool:
    """Tells whether a learning/teaching word stands next to the language name at i in the same clause ("Deutsch
    lernen", "learn Arabic"): the language is then what is done, not what the writer speaks."""
    blockers = language_names().blockers
    for step in (-1, 1):
        for j in range(i + step, i + step * (_BLOCK_REACH + 1), step):
            if j < 0 or j >= len(doc) or is_boundary(doc[j]):
                break
            if doc[j].norm_ in blockers:
                return True
    return False


def names_german(word: str) -> bool:
    """Tells whether a folded word is German's own name as a word of its own ("deutsch", "German", "deutschen",
    "Deutschkenntnisse"), not a compound that names a thing ("Deutschkurs", "Deutschunterricht")."""
    return any(word == name + ending for name in language_names().german for ending in _NAME_ENDINGS)
