"""Light verbs: a general verb after the noun it serves ("Klavierunterricht geben", "Nachhilfe anbieten", "Gassi
gehen") says nothing the noun does not. Ranked as a word of the request, it brought up any listing holding the same
verb ("Erste-Hilfe-Kurse geben") before the field's own, and a listing was listed first for it alone.

The rule, from data rather than a list of such verbs: a word is general when it is one of the NLU's filler words
(data/nlu/filler_words.txt, built by data/nlu/build_content_words.py from word frequency and part of speech: verbs
from Zipf 4.6 over all their forms, so "geben", "machen", "anbieten", "gehen" are, "vorlesen", "kochen",
"basteln" are not), no activity of the related-word families (bot.search.related: "begleiten" of a
Sterbebegleitung) and no word naming a category ("Kinder", "Senioren"). Such a word is light when its clause names a
thing before it (a content word neither general nor only naming a category): German puts the verb after its object,
so the object says what ("Gassi" of "Gassi gehen", "Nachhilfe" of "Nachhilfe für Kinder geben"). Said alone or
beside only a category's word ("mit Kindern spielen"), it is what the request says beyond the field and keeps
its weight. A request writing its nouns with a capital shows a capitalised
general word is a noun ("Essen"), never a light verb.
"""

from __future__ import annotations

import re

from bot.search.content_words import is_content
from bot.search.related import names_activity
from nlu.kernel.text import fold
from nlu.lexicon import filler_words
from nlu.vocabulary import categories_of

_WORD = re.compile(r"[^\W_]+|[,.;:!?()\n]")
_CLAUSE_ENDS = frozenset(",.;:!?()\n") | {"und", "oder", "aber", "sondern", "and", "or", "but"}


def light_verbs(text: str, things: frozenset[str] = frozenset()) -> frozenset[str]:
    """Returns the folded general verbs a German request says after a thing its clause names (see the module).

    things: the words known to name a thing beyond the category (the NLU's free words: "Klavierunterricht" names
    Kultur and Bildung, yet says which in particular).
    """
    light: set[str] = set()
    named = False  # the clause named a thing before this word
    for written in _WORD.findall(text):
        word = fold(written)
        if word in _CLAUSE_ENDS:
            named = False
            continue
        if not is_content(word):
            continue  # "in", "für", "zu": the verb still follows its object ("Nachhilfe für Kinder geben")
        if _general(word):
            if named and not written[0].isupper():
                light.add(word)
        elif word in things or not categories_of(word, "de"):
            named = True
    return frozenset(light)


def _general(word: str) -> bool:
    """Tells whether a folded word is general: a filler word that names no activity and no category."""
    return word in filler_words() and not names_activity(word) and not categories_of(word, "de")
