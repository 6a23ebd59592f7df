"""Official abbreviations in town names, read as their long forms: "Weiden i.d.OPf." (in der Oberpfalz), "Neustadt
a.d. Aisch" (an der Aisch), "Mühldorf a. Inn", "Freiburg i. Br.", "Weiden (Oberpf.)".

The tokenizer cuts "i.d.OPf." into "i.d", ".", "OPf", "."; a letter group counts as an abbreviation only with its
full stop, so "a" or "i" written alone stay words. The letters and their long forms are data/nlu/places.toml
[qualifier_abbreviations]. place_mentions looks the long name up ("Neustadt an der Aisch"), place_qualifiers reads the
long qualifier ("Oberpfalz" picks Weiden in Bavaria).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from nlu.kernel.text import fold
from nlu.lexicon import place_rules

_REACH = 6  # tokens an abbreviated qualifier may take ("i", ".", "d", ".", "OPf", ".")
_MAX_JOINERS = 2  # "a.d.", "i. d.": at most two abbreviated joining words before the qualifier


@dataclass(frozen=True, slots=True)
class Abbreviated:
    """The long forms of an abbreviated qualifier: where its last word starts and where it ends (its full stop or
    closing bracket included), and each reading's words ("an der aisch", "am der aisch")."""

    word_start: int
    end: int
    readings: tuple[tuple[str, ...], ...]
    joined: bool  # an abbreviated joining word stands before the qualifier ("a.d. Aisch"), not only a bracket


def abbreviated_qualifier(doc: Doc, start: int) -> Abbreviated | None:
    """Reads an abbreviated qualifier starting at token `start`: one or two joining words written as letters with
    full stops ("a.d.", "i. d.", "a."), then a word or a region's abbreviation ("Aisch", "OPf."); or a region's
    abbreviation alone in brackets ("(Oberpf.)"). None when the words there are no such thing."""
    if not any("." in token.text for token in doc[start : start + 3]):
        return None  # the common case, checked first: no full stop, no abbreviation
    rules = place_rules()
    pieces = _pieces(doc, start)
    readings: list[tuple[str, ...]] = [()]
    joiners = 0
    bracketed = start < len(doc) and doc[start].text == "("
    for piece, stopped, token_i, whole in pieces:
        if stopped and piece in rules.abbreviated_joiners and joiners < _MAX_JOINERS:
            readings = [(*reading, word) for reading in readings for word in rules.abbreviated_joiners[piece]]
            joiners += 1
            continue
        if stopped and piece in rules.abbreviated_regions and (joiners or bracketed):
            word = rules.abbreviated_regions[piece]
        elif joiners and whole and piece.isalpha() and doc[token_i].text[:1].isupper():
            word = piece
        else:
            return None
        end = _closed(doc, token_i + 1)
        return Abbreviated(token_i, end, tuple((*reading, word) for reading in readings), joiners > 0)
    return None


def _pieces(doc: Doc, start: int) -> list[tuple[str, bool, int, bool]]:
    """The letter groups of the tokens from `start` on: (folded letters, followed by a full stop, token index, the
    group is the whole token). A bracket opening the qualifier is passed over."""
    pieces: list[tuple[str, bool, int, bool]] = []
    for token in doc[start : start + _REACH]:
        if token.text == "(" and token.i == start:
            continue
        if token.text == ".":
            if not pieces or doc[token.i - 1].whitespace_:
                break
            piece, _, token_i, whole = pieces[-1]
            pieces[-1] = (piece, True, token_i, whole)
            continue
        parts = token.text.split(".")
        groups = [part for part in parts if part]
        if not all(part.isalpha() for part in groups):
            break
        pieces += [(fold(part), k < len(parts) - 1, token.i, len(groups) == 1) for k, part in enumerate(parts) if part]
    return pieces


def _closed(doc: Doc, end: int) -> int:
    """Returns the end with the qualifier's own full stop and closing bracket ("OPf.", "(Oberpf.)")."""
    if end < len(doc) and doc[end].text == "." and not doc[end - 1].whitespace_:
        end += 1
    if end < len(doc) and doc[end].text == ")":
        end += 1
    return end
