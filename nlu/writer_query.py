"""The words of a parsed message that are about the writer rather than the wish, for the search to weigh down
(ParsedQuery.writer_words): who they are, how much German they speak, when they have time, with the adjectives of
those noun phrases; what they take along to the wish ("mit meinem Hund") stays the wish's."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from nlu.components.common import is_boundary
from nlu.components.writer_words import is_kin
from nlu.extensions import INTERESTS, LANGUAGES, LITTLE_GERMAN, SELF, TIMES, WRITER, spans
from nlu.kernel.text import PLAIN_WORD
from nlu.lexicon import interest_rules, stopwords
from nlu.time_compounds import thing_naming_times

# What a message says about the writer rather than what they want: who they are (WRITER, SELF), how much German they
# speak (LITTLE_GERMAN; in an English message German among the languages they speak: "German A2"), when they have
# time (TIMES). Other languages they speak stay words of the wish, as teaching one is speaking it ("I speak English,
# could teach it"), and so does German in a German message ("mit Neuzugewanderten Deutsch sprechen").
_ABOUT_WRITER = (WRITER, SELF, LITTLE_GERMAN, TIMES)
_GERMAN = "de"


def writer_words(doc: Doc) -> tuple[str, ...]:
    """Returns the folded words (the search's word split of token norms) that stand only inside what the message
    says about the writer: a word also written elsewhere ("Ich bin Lehrerin und möchte Lehrerin ...") may be
    wanted. Words inside an interest the person wants stay wanted ("Deutsch unterrichten")."""
    about = [*(span for group in _ABOUT_WRITER for span in spans(doc, group)),
             *(span for span in spans(doc, LANGUAGES) if span.label_ == _GERMAN and doc.lang_ == "en")]
    aside = {i for span in about for i in range(span.start, span.end)}
    # A word of a time mention that holds a time word beside another word names a thing as well ("Nachtcafé",
    # "Spieleabend", "Vorlesenachmittag"): the time it says is the thing's, not when the writer is free.
    aside -= thing_naming_times(doc)
    if not aside:
        return ()
    wanted = {i for span in spans(doc, INTERESTS) if not span._.negated for i in range(span.start, span.end)}
    if doc.lang_ == _GERMAN:  # adjectives told by their endings; a time mention is a phrase of its own
        aside |= {i for group in (WRITER, SELF) for span in spans(doc, group) for i in _attributes(doc, span.start)}
    along = {i for span in about for i in range(span.start, span.end) if _taken_along(doc, i, wanted)}
    aside -= along | {k for i in along for k in _attributes(doc, i)}
    inside: dict[str, None] = {}
    outside: set[str] = set()
    for token in doc:
        words = PLAIN_WORD.findall(token.norm_)
        if token.i in aside and token.i not in wanted:
            inside.update(dict.fromkeys(words))
        else:
            outside.update(words)
    return tuple(word for word in inside if word not in outside)


# Endings of a German attributive adjective ("ausgebildeten Therapiehund", "gelernte Köchin").
_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
_WITH = frozenset({"mit", "with"})


def _attributes(doc: Doc, start: int) -> list[int]:
    """Returns the adjectives written right before a word about the writer, which belong to it ("einen
    ausgebildeten Therapiehund", "gelernte Köchin"): lower-case words with an adjective's ending after an article,
    a possessive or a verb like "bin" (stop words)."""
    found: list[int] = []
    i = start - 1
    while i > 0 and _adjective(doc[i]):
        found.append(i)
        i -= 1
    if i >= 0 and _possessive(doc[i]):
        return [*found, i]  # "meinen alten Job", "unserem Chor"
    return found if found and (doc[i].is_stop or doc[i].norm_ in stopwords()) else []


def _possessive(token: Token) -> bool:
    """Tells whether a token is a possessive ("mein", "unserem", "my")."""
    rules = interest_rules()
    return token.norm_ in rules.own_possessives or token.norm_ in rules.kin_possessives


def _adjective(token: Token) -> bool:
    """Tells whether a token may be an attributive adjective: lower case, no stop word nor possessive, an
    adjective's ending."""
    return (token.is_alpha and token.text.islower() and len(token) > 3 and not token.is_stop
            and token.norm_ not in stopwords() and not _possessive(token) and token.norm_.endswith(_ADJECTIVE_ENDINGS))


def _taken_along(doc: Doc, i: int, wanted: set[int]) -> bool:
    """Tells whether a word about the writer is something of theirs they take along to what they want ("mit meinem
    Hund Senioren im Altenheim besuchen", "mit unserem Chor im Pflegeheim singen"): after "mit" and a possessive, no
    relative, in a clause that names something wanted. The possessive goes with it."""
    rules = interest_rules()
    j = i - 1
    while j > 0 and _adjective(doc[j]):
        j -= 1
    if j < 1 or not _possessive(doc[j]) or doc[j].norm_ in _WITH or doc[j - 1].norm_ not in _WITH:
        return False
    if is_kin(doc[i].norm_, rules):
        return False
    start, end = j, i + 1
    while start > 0 and not is_boundary(doc[start - 1]):
        start -= 1
    while end < len(doc) and not is_boundary(doc[end]):
        end += 1
    return any(k in wanted for k in range(start, end))
