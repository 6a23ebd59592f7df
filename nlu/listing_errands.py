"""The doctor's a listing's volunteers take, accompany or interpret for people at: "Fahrdienst für Arztbesuche",
"Begleitung zu Arztterminen", "Dolmetschen bei Arzt- und Behördenterminen" name where the errand goes, not care
given. Listings only: a person who writes "ich würde gern beim Arzt dolmetschen" keeps health care among the fields
the search offers."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span

from nlu.kernel.text import fold
from nlu.vocabulary import categories_of
from nlu.word_lists import read_toml

_HEALTH_CARE = "health_care"


@dataclass(frozen=True, slots=True)
class ErrandWords:
    """The [listing.errands] section of data/nlu/interests.toml, folded."""

    doctors: tuple[str, ...]  # word parts naming a doctor: "arzt" in "Zahnarzttermin", "aerzt" in "Ärzten"
    visits: tuple[str, ...]  # what follows the doctor in a word naming a visit there: "termin", "besuch"


@cache
def errand_words() -> ErrandWords:
    """Returns the words of the doctor's errands."""
    raw = read_toml("interests.toml")["listing"]["errands"]
    return ErrandWords(
        doctors=tuple(fold(word) for word in raw["doctors"]), visits=tuple(fold(word) for word in raw["visits"])
    )


def goes_to_the_doctor(span: Span) -> bool:
    """Tells whether a health care mention names a visit to the doctor, not care: a word for one ("Arztbesuche",
    "Zahnarztterminen"), or a doctor beside what the volunteer does there ("Dolmetschen bei Arzt- und
    Behördenterminen", "zum Arzt begleiten"), with no word of the mention naming health care otherwise
    ("Begleitung von Krebspatienten zum Arzt" stays care)."""
    if span.label_ != _HEALTH_CARE:
        return False
    words = errand_words()
    doctor = False
    for token in span:
        visit = _visit_to_the_doctor(token.norm_, words)
        doctor = doctor or visit or _names_a_doctor(token.norm_, words)
        if not visit and _HEALTH_CARE in categories_of(token.norm_, span.doc.lang_):
            return False
    return doctor


def _names_a_doctor(word: str, words: ErrandWords) -> bool:
    """Tells whether a word names a doctor ("Arzt", "Ärzten", "Hausärztin")."""
    return any(doctor in word for doctor in words.doctors)


def _visit_to_the_doctor(word: str, words: ErrandWords) -> bool:
    """Tells whether a word names a visit to the doctor: a doctor, then a visit ("arzttermin", "zahnarztbesuche")."""
    for doctor in words.doctors:
        at = word.find(doctor)
        if at >= 0 and any(visit in word[at + len(doctor):] for visit in words.visits):
            return True
    return False
