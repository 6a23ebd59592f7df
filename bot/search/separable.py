"""German separable verbs in a request: "ich lese Kindern vor" asks for "vorlesen", not for "lese" and "vor".

German moves a separable verb's particle to the end of its clause ("liest ... vor", "bringt ... bei", "kauft ...
ein"). Searched word by word, the bare verb found unrelated listings ("bringt" is in any text that says what
someone brings along) and the particle is no word at all. The NLU joins them to find categories
(nlu.components.separable); the search joins them the same way, with the NLU's particles and verb forms, and
takes the joined verb where the bare form stood when it is a known German word. A joined verb that says only
"take part" ("mache ... mit": mitmachen) leaves nothing behind.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from nlu.components.separable import infinitives
from nlu.kernel.text import fold
from nlu.lexicon import SeparableRules, known_words, separable_rules

# A word of folded text or a mark that closes a clause (content_words reads requests so too).
CLAUSE_TOKEN = re.compile(r"[a-z0-9]+|[,.;:!?()]")
_BOUNDARIES = frozenset(",.;:!?()")
# The finite verb stands second in its clause, seldom more than a dozen words before the particle.
_REACH = 12
# A place may follow the particle at the very end: "in" and a name of up to three words.
_PLACE_AFTER = frozenset({"in", "im"})
_PLACE_WORDS = 3


@dataclass(frozen=True, slots=True)
class SplitVerbs:
    """The split verbs of a request: each bare verb form with the verb it belongs to, and the particles."""

    joined: dict[str, str] = field(default_factory=dict)  # folded verb form -> particle + infinitive
    particles: frozenset[str] = frozenset()  # particles that closed a clause of a joined verb

    def replace(self, words: Sequence[str]) -> tuple[str, ...]:
        """Returns the words with each bare verb form replaced by its joined verb and the particles left out."""
        return tuple(dict.fromkeys(self.joined.get(word, word) for word in words if word not in self.particles))


def split_verbs(text: str) -> SplitVerbs:
    """Finds the split verbs of a (German) text: a particle closing its clause joined to a verb form before it,
    when the joined word is a known German word."""
    tokens = CLAUSE_TOKEN.findall(fold(text))
    rules = separable_rules()
    joined: dict[str, str] = {}
    particles: set[str] = set()
    for index, token in enumerate(tokens):
        if token not in rules.particles or not _closes_clause(tokens, index, rules):
            continue
        for form in _clause_before(tokens, index):
            verb = _joined(token, form, rules)
            if verb is not None:
                joined.setdefault(form, verb)
                particles.add(token)
                break
    return SplitVerbs(joined, frozenset(particles))


def _joined(particle: str, form: str, rules: SeparableRules) -> str | None:
    """Returns the known verb a particle and a verb form make ("vor" + "liest": "vorlesen"), if any."""
    if not form.isalpha() or form in rules.particles or form in _function_words():
        return None  # "der" + "an" is no verb, though "anderen" is a word
    for infinitive in infinitives(form, rules.irregular):
        if particle + infinitive in _known():
            return particle + infinitive
    return None


def _closes_clause(tokens: list[str], index: int, rules: SeparableRules) -> bool:
    """Tells whether the token at index stands last in its clause, or before a short "in <place>" that ends it
    ("ich lese Kindern vor in Kassel")."""
    following = index + 1
    if following == len(tokens) or tokens[following] in _BOUNDARIES or tokens[following] in rules.clause_ends:
        return True
    if tokens[following] not in _PLACE_AFTER:
        return False
    rest = tokens[following + 1:following + 2 + _PLACE_WORDS]
    ends = [i for i, token in enumerate(rest) if token in _BOUNDARIES]
    return 0 < (ends[0] if ends else len(rest)) <= _PLACE_WORDS


def _clause_before(tokens: list[str], index: int) -> list[str]:
    """Returns the tokens from index back to the start of its clause (at most _REACH), nearest first."""
    found: list[str] = []
    for j in range(index - 1, max(index - 1 - _REACH, -1), -1):
        if tokens[j] in _BOUNDARIES:
            break
        found.append(tokens[j])
    return found


@cache
def _function_words() -> frozenset[str]:
    """Returns German stop words (folded): articles, pronouns and the like are never the verb."""
    from spacy.lang.de.stop_words import STOP_WORDS

    return frozenset(fold(word) for word in STOP_WORDS)


@cache
def _known() -> frozenset[str]:
    """Returns the known German and English word forms (folded)."""
    return known_words()
