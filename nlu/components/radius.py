"""Finds the search radius: "20 km", "20km", "im Umkreis von 20", "max. 10 km von X", "within 5 miles"; else one
said as a way of travelling ("max 20 min mit der Bahn", "mit dem Rad erreichbar", nlu/components/travel.py)."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlu.components.common import is_boundary, set_group
from nlu.components.travel import travel_radius
from nlu.extensions import RADIUS, register_extensions
from nlu.lexicon import RadiusRules, radius_rules

_DIGITS = re.compile(r"^\d{1,4}(?:[.,]\d{1,2})?$")
_GLUED = re.compile(r"^(\d{1,4}(?:[.,]\d{1,2})?)([a-z.]+)$")  # "20km" when the tokenizer kept it whole
_RANGE = frozenset({"-", "–", "bis", "to", "oder", "or", "/"})
_WORD_REACH = 4  # "im Umkreis von maximal 20": the radius word may stand a few words before the number


@Language.factory("ehrenamt_radius", assigns=["doc.spans"], requires=["token.norm"])
def make_radius_finder(nlp: Language, name: str) -> RadiusFinder:
    """Creates the radius finder for one pipeline."""
    return RadiusFinder(name)


class RadiusFinder:
    """Writes doc.spans["radius"]: at most one span (the first radius stated), Span._.value in km."""

    def __init__(self, name: str) -> None:
        register_extensions()
        self.name = name
        self.rules: RadiusRules = radius_rules()
        self._leading = self.rules.radius_words | self.rules.bound_words  # words that join the radius span

    def __call__(self, doc: Doc) -> Doc:
        """Finds the first plausible radius."""
        found: list[Span] = []
        for token in doc:
            span = self._radius_at(doc, token.i)
            if span is not None:
                start = span.start  # "max. 20 km", "Umkreis 10 km": the word before the number is the radius's
                while start > 0 and doc[start - 1].norm_ in self._leading:
                    start -= 1
                widened = Span(doc, start, span.end, label=span.label_)
                widened._.value = span._.value
                found.append(widened)
                break
        if not found:  # no distance stated: one said as a way of travelling ("max 20 min mit dem Rad")
            travel = travel_radius(doc, self.number)
            if travel is not None:
                start, end, km = travel
                span = self._span(doc, start, end, km) if km is not None else self._silent(doc, start, end)
                found.extend([span] if span is not None else [])
        set_group(doc, RADIUS, found)
        return doc

    def number(self, norm: str) -> float | None:
        """Returns the value of a number token (digits with decimal comma, or a number word)."""
        if _DIGITS.match(norm):
            return float(norm.replace(",", "."))
        value = self.rules.numbers.get(norm)
        return float(value) if value is not None else None

    def _radius_at(self, doc: Doc, i: int) -> Span | None:
        """Returns a radius span starting at token i, or None."""
        norm = doc[i].norm_
        glued = _GLUED.match(norm)
        if glued and glued.group(2) in self.rules.units:
            km = float(glued.group(1).replace(",", ".")) * self.rules.units[glued.group(2)]
            return self._span(doc, i, i + 1, km)
        value = self.number(norm)
        if value is None:
            return None
        end = i + 1
        if end + 1 < len(doc) and doc[end].norm_ in _RANGE and self.number(doc[end + 1].norm_) is not None:
            value = max(value, self.number(doc[end + 1].norm_) or value)
            end += 2
        if end < len(doc) and doc[end].norm_ in self.rules.units:
            return self._span(doc, i, end + 1, value * self.rules.units[doc[end].norm_])
        # Without a unit only digits count: "im Umkreis von ein paar Kilometern" states no number.
        if _DIGITS.match(norm) and self._radius_word_before(doc, i):
            return self._span(doc, i, end, value)
        return None

    def _radius_word_before(self, doc: Doc, i: int) -> bool:
        """Tells whether "Umkreis", "Radius", "within"... stands shortly before token i in the same clause.

        An upper bound alone ("max 10 Leute", "maximal 2 mal") is no radius word: it needs a unit."""
        for j in range(i - 1, max(i - _WORD_REACH, 0) - 1, -1):
            if is_boundary(doc[j]):
                return False
            if doc[j].norm_ in self.rules.radius_words:
                return True
        return False

    @staticmethod
    def _silent(doc: Doc, start: int, end: int) -> Span:
        """Returns a travel phrase that gives no distance: its words are read, its value is None."""
        span = Span(doc, start, end, label=RADIUS)
        span._.value = None
        return span

    def _span(self, doc: Doc, start: int, end: int, km: float) -> Span | None:
        """Returns the radius span when the distance is plausible."""
        if not self.rules.min_km <= km <= self.rules.max_km:
            return None
        span = Span(doc, start, end, label="radius")
        span._.value = round(km, 1)
        return span
