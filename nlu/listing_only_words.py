"""Words that name a field in an agency listing only: the listing authors agree on them where the message authors
do not (a rickshaw ride with old people is an outing one gives them, like a Fahrdienst, in four of five listings;
of two messages wishing to ride one, one is labelled so). The words are the [listing.words] section of
data/nlu/interests.toml: each field's folded word beginnings, tried on each word and on each part of a hyphenated
word ("E-Rikscha").

Such a word names how the task is done ("Rikscha-Pilot*in", "mit der Rikscha", "Pflege der Rikschas"), not whom it is
done for: its field is kept, in a sentence naming passengers or a ride only ([listing.word_cues]), but it adds no
weight (nlu.listing_evidence), so the people the text names it is done for ("Bewohner*innen der Seniorenheime") are
weighed against the listing's other fields as before."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span, Token

from nlu.kernel.text import fold
from nlu.word_lists import read_toml

LISTING_WORD = "listing_word"  # the kb_id of a listing word's mention


@cache
def listing_only_words() -> tuple[tuple[str, str], ...]:
    """Returns the (folded word beginning, field) pairs of the [listing.words] section."""
    raw = read_toml("interests.toml")["listing"]["words"]
    return tuple((fold(start), key) for key, starts in raw.items() for start in starts)


def listing_word_mentions(doc: Doc, mentions: list[Span]) -> list[Span]:
    """Returns a mention for each word of a listing that names a field in listings only, unless the word is already a
    mention of that field."""
    known = {(span.start, span.label_) for span in mentions}
    found = []
    for token in doc:
        parts = [token.norm_, *(part for part in token.norm_.split("-")[1:] if part)]
        for start, key in listing_only_words():
            if (token.i, key) not in known and any(part.startswith(start) for part in parts) and _rides_people(
                doc, token.i
            ):
                found.append(Span(doc, token.i, token.i + 1, label=key, kb_id=LISTING_WORD))
                known.add((token.i, key))
    return found


@cache
def _ride_cues() -> tuple[str, ...]:
    """Returns the folded word beginnings of the [listing.word_cues] section: passengers and rides."""
    return tuple(fold(word) for word in read_toml("interests.toml")["listing"]["word_cues"]["words"])


def _rides_people(doc: Doc, i: int) -> bool:
    """Tells whether the sentence around the token at i names passengers or a ride ("Rikscha fahren mit Senioren",
    "Rikscha-Pilot*in"): a rickshaw repaired or a club's rickshaw group names no outing given to anyone."""
    start, end = i, i + 1
    while start > 0 and not _ends_sentence(doc[start - 1]):
        start -= 1
    while end < len(doc) and not _ends_sentence(doc[end - 1]):
        end += 1
    cues = _ride_cues()
    return any(
        part.startswith(cues) for token in doc[start:end] for part in (token.norm_, *token.norm_.split("-")[1:])
    )


def _ends_sentence(token: Token) -> bool:
    """Tells whether a token closes a sentence: a full stop, a question or exclamation mark, a line break."""
    return token.text[-1:] in ".!?" or "\n" in token.text


def is_listing_word(span: Span) -> bool:
    """Tells whether a mention is a listing word's (`listing_word_mentions`)."""
    return span.kb_id_ == LISTING_WORD
