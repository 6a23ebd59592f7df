"""German separable verbs: "ich lese gern vor" is read as "vorlesen", "ich kaufe für Nachbarn ein" as "einkaufen".

German splits such verbs: the particle goes to the end of the clause, the finite verb stays in second place.
A particle that closes its clause is joined to each verb form before it in the clause; the caller decides
whether the joined infinitive means anything (the taxonomy knows "vorlesen", not "vorstellen").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from nlu.components.common import is_boundary
from nlu.lexicon import SeparableRules, separable_rules

# The finite verb stands second in its clause, rarely more than a dozen words before the particle; the limit
# also keeps a 4,000-character message of particles from costing quadratic time.
_REACH = 12


def infinitives(form: str, irregular: dict[str, str]) -> tuple[str, ...]:
    """Returns the infinitives a folded verb form may belong to, from its ending or the irregular table."""
    if form in irregular:
        return (irregular[form],)
    if form.endswith("ten"):  # wir kauften
        return form, form[:-3] + "en"
    if form.endswith("en"):  # wir lesen
        return (form,)
    if form.endswith("te"):  # ich kaufte
        return form + "n", form[:-2] + "en"
    if form.endswith("e"):  # ich lese
        return (form + "n",)
    if form.endswith("st"):  # du kaufst
        return (form[:-2] + "en",)
    if form.endswith("t"):  # er kauft
        return (form[:-1] + "en",)
    return (form + "en",)  # colloquial "ich les", "ich helf"


def joined_verbs(doc: Doc, skip: set[int]) -> Iterator[tuple[int, str]]:
    """Yields (verb token index, particle + infinitive) for each particle that closes its clause.

    Tokens in `skip` (already interest mentions) are not taken for verbs.
    """
    rules = separable_rules()
    for token in doc:
        if token.norm_ in rules.particles and _closes_clause(doc, token.i, rules):
            for i in _clause_before(doc, token.i):
                verb = doc[i]
                if i in skip or not verb.is_alpha or verb.norm_ in rules.particles:
                    continue
                for infinitive in infinitives(verb.norm_, rules.irregular):
                    yield i, token.norm_ + infinitive


def _closes_clause(doc: Doc, i: int, rules: SeparableRules) -> bool:
    """Tells whether the token at i stands last in its clause."""
    following = i + 1
    return following == len(doc) or is_boundary(doc[following]) or doc[following].norm_ in rules.clause_ends


def _clause_before(doc: Doc, i: int) -> Iterator[int]:
    """Yields the token indices from i back to the start of its clause (at most _REACH), nearest first."""
    for j in range(i - 1, max(i - 1 - _REACH, -1), -1):
        if is_boundary(doc[j]):
            return
        yield j
