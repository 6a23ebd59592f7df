"""Tells German from English for short chat messages by counting marker words (data/nlu/langid.toml)."""

from __future__ import annotations

import re

from functools import cache

from spacy.lang.de.stop_words import STOP_WORDS as DE_STOP
from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP

from nlu.kernel.gazetteer import get_gazetteer
from nlu.lexicon import langid_content, langid_loanwords, langid_weekend_short_after, langid_words
from nlu.kernel.text import fold

# A hyphenated word is one word: German writes its English loans so ("Clean-up im Park", "Social-Media-Team"),
# and the parts of a compound are no function words of the writer's language ("up" of "Clean-up").
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*(?:'[a-z]+)?", re.UNICODE)
_GERMAN_LETTERS = re.compile(r"[äöüÄÖÜß]")
_CONTENT_MINIMUM = 1
# A place name joined by German function words ("Frankfurt am Main", "Neustadt an der Weinstraße", "Bad Homburg
# vor der Höhe"): those words are part of the name, not of the writer's language.
_JOINED_NAME = re.compile(
    r"\b[A-ZÄÖÜ][\w-]*(?:\s+(?:am|an|der|im|in|ob|vor|auf|bei|unter|zu)\b){1,2}\s+\(?[A-ZÄÖÜ][\w-]*\)?"
)
_JOINED_NAME_HINT = re.compile(r"\s(?:am|an|im|in|ob|vor|auf|bei|unter|zu)\s")
# Endings only German words have ("Sterbebegleitung", "Gemeinschaft", "Möglichkeiten"): a compound too rare for
# the content-word list still tells its language by them. Counted on words of at least _SUFFIX_MINIMUM letters.
_GERMAN_ENDING = re.compile(r"(?:ungen|ung|keiten|keit|heiten|heit|schaften|schaft)$")
_SUFFIX_MINIMUM = 7


@cache
def _markers() -> dict[str, frozenset[str]]:
    """Returns the marker words: langid.toml plus the stop words that belong to one language only; the English
    words German has borrowed count for neither."""
    words = langid_words()
    de_stop = {fold(w) for w in DE_STOP}
    en_stop = {fold(w) for w in EN_STOP}
    loan = langid_loanwords()
    return {"de": (words["de"] | (de_stop - en_stop)) - loan, "en": (words["en"] | (en_stop - de_stop)) - loan}


def _is_place_name(name: str) -> bool:
    """Tells whether a capitalised word or phrase is a place's name in the gazetteer."""
    return name[:1].isupper() and bool(get_gazetteer().lookup(name))


def _without_joined_names(text: str) -> str:
    """Blanks the place names joined by German function words ("Frankfurt am Main")."""
    if not _JOINED_NAME_HINT.search(text):
        return text
    return _JOINED_NAME.sub(lambda m: " " if _is_place_name(m.group().strip("()")) else m.group(), text)


def detect_language(text: str) -> str:
    """Returns "en" when English marker words outnumber German ones, else "de".

    On a tie (often none of either: "visiting patients", "Tierheim Hundeschule") the content words typical of
    each language decide, and German stays the default. The letters ä, ö, ü and ß count for German, except in a
    place's name ("dog walking in Gießen"); so do words with an ending only German has.
    """
    words = _markers()
    loan = langid_loanwords()
    text = _without_joined_names(text[:2000])
    de = en = 0
    folded: list[str] = []
    for match in _WORD.finditer(text):
        word = match.group()
        # "WE", "OF", "IT" written in capitals are abbreviations (weekend, Offenbach, computing), not function words
        if word.isupper() and 2 <= len(word) <= 3:
            continue
        key = fold(word)
        if key == "we" and folded and folded[-1] in langid_weekend_short_after():
            folded.append("wochenende")  # "am we": the German weekend, not the English pronoun
            de += 1
            continue
        folded.append(key)
        de += key in words["de"]
        en += key in words["en"]
        if _GERMAN_LETTERS.search(word) and not _is_place_name(word):
            de += 2 * len(_GERMAN_LETTERS.findall(word))
    if en == de:
        content = langid_content()
        de = sum(word in content["de"] or _german_ending(word) for word in folded if word not in loan)
        en = sum(word in content["en"] for word in folded if word not in loan)
        # loan words counted for neither side, one English content word against none German is enough
        return "en" if en > de and en >= _CONTENT_MINIMUM else "de"
    return "en" if en > de else "de"


def german_evidence(text: str) -> bool:
    """Tells whether a text shows itself German: German marker words make a good share of its words and outnumber
    the English ones. detect_language says "de" for any text without English markers (Ukrainian, Turkish, French
    alike); this tells German from "not English"."""
    words = _markers()
    folded = [fold(match.group()) for match in _WORD.finditer(text[:2000])]
    de = sum(word in words["de"] for word in folded)
    en = sum(word in words["en"] for word in folded)
    return de > en and de >= _GERMAN_SHARE * len(folded)


# German writing is about half function words; French shares a few with it ("je", "des", "en": a sixth of its words)
_GERMAN_SHARE = 0.3


def _german_ending(word: str) -> bool:
    """Tells whether a folded word ends as only German words do."""
    return len(word) >= _SUFFIX_MINIMUM and _GERMAN_ENDING.search(word) is not None
