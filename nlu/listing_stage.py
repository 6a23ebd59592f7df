"""The technology of a stage: in a listing whose title names a theatre or a concert ("Technik-Team für unser
Theater", "Theatergruppe: Bühnenbau und Technik"), "Technik" is light and sound, no digital work. A word whose other
part names computing stays digital ("Computertechnik für die Konzertkasse")."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from nlu.kernel.text import fold
from nlu.vocabulary import categories_of
from nlu.word_lists import read_toml

_DIGITAL = "digital"


@dataclass(frozen=True, slots=True)
class StageWords:
    """The [listing.stage] section of data/nlu/interests.toml, folded."""

    stages: tuple[str, ...]  # word parts naming a stage: "theater" in "Jugendtheater", "buehne" in "Bühnenbau"
    technology: str  # the word part naming technology: "technik"


@cache
def stage_words() -> StageWords:
    """Returns the words of a stage and its technology."""
    raw = read_toml("interests.toml")["listing"]["stage"]
    return StageWords(stages=tuple(fold(word) for word in raw["stages"]), technology=fold(raw["technology"]))


def titles_a_stage(doc: Doc, title_tokens: int) -> bool:
    """Tells whether a listing's title names a stage ("Theatergruppe", "Bühnentechnik", "Konzertreihe")."""
    stages = stage_words().stages
    return any(stage in token.norm_ for token in doc[:title_tokens] for stage in stages)


def is_stage_technology(span: Span) -> bool:
    """Tells whether a digital mention is technology named by no computing word of its own ("Technik-Team",
    "Tontechnik"; not "Computertechnik")."""
    if span.label_ != _DIGITAL or len(span) != 1:
        return False
    technology = stage_words().technology
    word = span[0].norm_
    if technology not in word:
        return False
    rest = [part.strip("-") for part in word.split(technology)]
    return not any(_DIGITAL in categories_of(part, span.doc.lang_) for part in rest if len(part) > 2)
