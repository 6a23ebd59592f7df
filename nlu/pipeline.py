"""Builds the German and English spaCy pipelines: blank language, folded NORM, our components."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

import spacy
from spacy.attrs import NORM
from spacy.language import Language
from spacy.tokenizer import Tokenizer

import nlu.components  # noqa: F401  (registers the component factories)
import nlu.learned.component  # noqa: F401  (registers the trained category component)
from nlu.extensions import register_extensions
from nlu.patterns import PatternError
from nlu.kernel.text import fold
from nlu.word_lists import emoji_words

LANGUAGES = ("de", "en")
COMPONENTS = (
    "ehrenamt_interests",
    "ehrenamt_times",
    "ehrenamt_languages",
    "ehrenamt_remote",
    "ehrenamt_radius",
    "ehrenamt_places",  # after the slots above: a place must not take their words ("Mitte", "Essen")
    "ehrenamt_negation",  # after every mention it may negate
    "ehrenamt_time_choice",  # after negation: only wanted times make a choice
    "ehrenamt_time_firmness",  # after negation: only wanted times are preferences or conditions
    "ehrenamt_learned_categories",  # after negation: the trained model revises the rules' categories (nlu/learned)
    "ehrenamt_keywords",  # last: what nobody took
)
LEARNED_COMPONENT = "ehrenamt_learned_categories"
# Split "Omas&Opas", "Umkreis<20km", "Kinder+Jugendliche" between words, and a closing bracket from a slash or hyphen
# after it ("Fürth (Odenwald)/Lorsch": a town with its region, then a second town; "Halle (Saale)-Büschdorf": a city's
# official name, then its quarter); spaCy keeps them whole.
_EXTRA_INFIX = re.compile(r"(?<=\w)[&+<>=~*](?=\w)|(?<=\w)\)(?=[/-]\w)|(?<=\))[/-](?=\w)")


def build_pipeline(lang: str, *, learned: bool = True) -> Language:
    """Returns a fresh pipeline for "de" or "en" with every NLU component (without the trained one when
    `learned` is false: the rules alone, which the model is trained on)."""
    if lang not in LANGUAGES:
        raise ValueError(f"no pipeline for language {lang!r}; expected one of {LANGUAGES}")
    register_extensions()
    nlp = spacy.blank(lang)
    # Folded NORM (lower case, ae/oe/ue/ss) on every lexeme: the matchers compare this, so "Görlitz",
    # "goerlitz" and "GÖRLITZ" are one word. Set before any text is seen so all lexemes get it.
    # A pictograph that names a field ("🐶", "🚒", data/nlu/emoji.toml) gets the word it stands for as its NORM, so
    # every word list reads it as that word.
    nlp.vocab.lex_attr_getters[NORM] = _norm_getter(emoji_words(lang))  # type: ignore[attr-defined]  # stub omits it
    # spacy.blank made the lexemes of its tokenizer exceptions before the getter was set ("über" of "übern", "Mär"):
    # they kept an unfolded NORM, so a pattern's "über" (folded "ueber") never met the word. Folded here too, keeping
    # spaCy's own normalisations ("’s" -> "'s"); a space keeps its NORM (folding empties it).
    for lexeme in nlp.vocab:
        folded = fold(lexeme.norm_)
        if folded and folded != lexeme.norm_:
            lexeme.norm_ = folded
    # Adding to spaCy's own infix regex means recompiling it (~0.2 s per pipeline); chaining is as good.
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer)  # a blank pipeline's tokenizer
    tokenizer.infix_finditer = _with_extra_infixes(tokenizer.infix_finditer)
    # spaCy's abbreviations carry their own NORM, unfolded ("Sa." -> "Samstag", "Fr." -> "Frau"): folded too,
    # the patterns see "Mo bis Fr." and "am Sa." as they see "montag" and "samstag".
    tokenizer.rules = {
        orth: [{**part, NORM: fold(part[NORM])} if NORM in part else part for part in parts]
        for orth, parts in (tokenizer.rules or {}).items()
    }
    for component in COMPONENTS:
        if learned or component != LEARNED_COMPONENT:
            nlp.add_pipe(component)
    return nlp


def _norm_getter(pictographs: dict[str, str]) -> Callable[[str], str]:
    """Returns the NORM of a word: the word a field's pictograph stands for, else the folded word."""

    def norm(text: str) -> str:
        return pictographs.get(text) or fold(text)

    return norm


def _with_extra_infixes(original: Callable[[str], Iterator[re.Match[str]]]) -> Callable[[str], list[re.Match[str]]]:
    """Returns an infix finder that yields spaCy's infixes and ours, in text order."""

    def finditer(text: str) -> list[re.Match[str]]:
        found = list(original(text))
        if not any(ch in text for ch in "&+<>=~*") and ")/" not in text and ")-" not in text:
            return found
        # Overlapping infixes would cut an empty token, which spaCy refuses.
        taken = {i for m in found for i in range(m.start(), max(m.end(), m.start() + 1))}
        extra = [m for m in _EXTRA_INFIX.finditer(text) if m.start() not in taken]
        return sorted(found + extra, key=lambda m: m.start()) if extra else found

    return finditer


@cache
def pipelines() -> dict[str, Language]:
    """Returns the process-wide pipelines, built once; refuses patterns no pipeline can match."""
    built = {lang: build_pipeline(lang) for lang in LANGUAGES}
    _check_patterns(built)
    return built


@cache
def rule_pipelines() -> dict[str, Language]:
    """Returns pipelines with the rules alone (no trained component), built once: what the model learns from."""
    return {lang: build_pipeline(lang, learned=False) for lang in LANGUAGES}


def _check_patterns(built: dict[str, Language]) -> None:
    """Raises when a data-file pattern fits no pipeline's tokenizer (a typo in the data, most likely)."""
    unusable: set[str] | None = None
    for nlp in built.values():
        lines = {line for _, component in nlp.pipeline for line in getattr(component, "unusable", [])}
        unusable = lines if unusable is None else unusable & lines
    if unusable:
        raise PatternError(f"patterns in data/nlu/ that no tokenizer can match: {sorted(unusable)}")
