"""German word forms of folded words, as the search reads a person's word against the listings'
(bot.search.vocabulary): a stem and its inflections, the verb under a participle, the singular of a plural that
changes its vowel, and how many letters a typo of a word may cost."""

from __future__ import annotations

# German (and a few English) endings; stripping them leaves a stem that prefix-matches inflections and
# compounds that start with the word.
_ENDINGS = ("ern", "en", "er", "es", "e", "n", "s")
MIN_STEM = 4
_PARTICIPLE_ENDINGS = ("enden", "ender", "endes", "ende", "end")
_UMLAUTS = (("ae", "a"), ("oe", "o"), ("ue", "u"))
_UMLAUT_PLURALS = ("ern", "er")


def umlaut_singular(word: str) -> str | None:
    """Returns the singular of a folded plural in -er that changes its vowel (fahrraedern -> fahrrad,
    buecher -> buch, waelder -> wald), if the word has that shape: the last umlaut before the ending, spelled out.

    Other plurals that change the vowel end in -e ("Küche" is no plural of "Kuchen"): only -er is taken.
    """
    ending = next((end for end in _UMLAUT_PLURALS if word.endswith(end)), None)
    if ending is None:
        return None
    stem = word[: -len(ending)]
    position, plain = max(((stem.rfind(umlaut), vowel) for umlaut, vowel in _UMLAUTS), key=lambda found: found[0])
    if position < 0:
        return None
    singular = stem[:position] + plain + stem[position + 2:]
    return singular if len(singular) >= MIN_STEM else None


def umlaut_plurals(word: str) -> tuple[str, ...]:
    """Returns the plurals in -er that change the vowel of a folded singular (fahrrad -> fahrraeder, fahrraedern;
    buch -> buecher; haus -> haeuser): the last a, o or u umlauted, as umlaut_singular reads them back. None for a
    word with an umlaut after that vowel, one whose plural takes no -er, or one too short to stand alone. Only forms the
    listings hold are taken (bot.search.vocabulary), so a plural the word has not ("fraeuer") finds nothing."""
    if len(word) < MIN_STEM or word.endswith(("e", "el", "en", "er")):  # Gärten, Mütter, Äpfel: no -er plural
        return ()
    position = max(word.rfind(vowel) for _, vowel in _UMLAUTS)
    if position < 0 or any(umlaut in word[position:] for umlaut, _ in _UMLAUTS):
        return ()
    stem = word[:position] + word[position] + "e" + word[position + 1:]
    if word[position] == "u" and position and word[position - 1] == "a":  # haus -> haeuser
        stem = word[: position - 1] + "aeu" + word[position + 1:]
    return tuple(stem + ending for ending in reversed(_UMLAUT_PLURALS))


_SINGULAR_ENDINGS = ("", "s", "es")


def singular_forms(singular: str) -> tuple[str, ...]:
    """Returns the forms a singular noun takes in a listing's text (mann, manns, mannes): itself and its genitive."""
    return tuple(singular + ending for ending in _SINGULAR_ENDINGS)


def participle_stem(word: str) -> str | None:
    """Returns the verb stem a present participle used as a noun stands on (sterbende -> sterbe), if any.

    "Sterbende begleiten" is answered by listings about "Sterbebegleitung", "Pflegende" by those about "Pflege":
    the participle's own stem ("sterbend") begins none of their words, the verb's does.
    """
    for ending in _PARTICIPLE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)] + "e"
    return None


def allowed_edits(word: str) -> int:
    """Returns how many inserted or deleted letters a typo of this length may cost (a swap costs two)."""
    return 0 if len(word) < 5 else 1 if len(word) < 6 else 2 if len(word) < 11 else 3


def inflections(stem: str) -> tuple[str, ...]:
    """Returns every word whose stem (stem_of) is this one: the stem itself and it with one ending."""
    return tuple(word for word in (stem, *(stem + ending for ending in _ENDINGS)) if stem_of(word) == stem)


def stem_of(word: str) -> str:
    """Strips one inflection ending when a stem of at least four letters remains (kindern -> kind)."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word
