"""Short clauses that describe the writer: "alleinerziehende Mutter, ...", "Rentnerin aus Herborn, ...", "Ich bin 40,
IT-Admin, ...". Split from nlu/components/interests.py, which drops the mentions inside them as self-descriptions."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from nlu.components.common import is_boundary, stands_alone
from nlu.components.writer_words import AFTER_AGE_WORDS, JOB_PASSES
from nlu.lexicon import InterestRules

_AGE = (14, 99)
_ORIGIN_WORDS = frozenset({"aus", "from", "in", "im", "bei", "von", "of", "seit", "since"})
_INTRO_START = 3  # "Hi there, Dutch expat here.": an introduction opens the message or follows a greeting
_FRAGMENT_WORDS = 3  # "alleinerziehende Mutter, ...": a clause this short ending in a status word describes the writer
_WORKPLACE_WORDS = 3  # "Bin 23, Pflegefachkraft im Klinikum": a role after an age, then where one works in a few words


def fragment_of_longer_message(doc: Doc, i: int) -> bool:
    """Tells whether the token at i is a clause of its own ("..., Rentner, ...") in a longer message: "Rentner"
    alone is the whole message, no description beside something else."""
    return len(doc) > 2 and stands_alone(doc, i)


def _introduction(doc: Doc, words: list[Token], rules: InterestRules) -> bool:
    """Tells whether a short clause opening the message (after a greeting at most) ends in an introduction word: "Hi,
    wheelchair user here. ...", "retired vet here, in Fulda". Further on, "here" says where ("kids here in Kassel")."""
    return (
        1 < len(words) <= _FRAGMENT_WORDS + 1 and words[0].i <= _INTRO_START and words[-1].norm_ in rules.intro_words
        and words[-2].norm_ not in rules.intro_fans  # "animal lover here": what one loves is the wish
        and len(doc) > len(words) + 1 and not any(t.norm_ in rules.breakers for t in words)
    )


def _role_at_work(words: list[Token], rules: InterestRules) -> bool:
    """Tells whether a short clause is a role and where it is done: "Pflegefachkraft im Klinikum", "Erzieherin in
    einer Kita", "nurse at the hospital" (after an age, the writer's job: dev20, dev21, dev30 rule out their own field
    in their free time)."""
    role = words[0].norm_ if words else ""
    return (
        1 < len(words) <= 1 + _WORKPLACE_WORDS and words[1].norm_ in JOB_PASSES
        and (role.endswith(rules.role_endings) or role.startswith(rules.status_words))
    )


def status_fragments(doc: Doc, self_ends: list[int], rules: InterestRules) -> list[tuple[int, int]]:
    """Returns the clauses of at most three words that end in a status word: "alleinerziehende Mutter, ...",
    "pensionierter Lehrer, zwei Enkel", "retired nurse, two grandkids": the writer's description of
    themselves, with every word in it (and counted facts after it) saying who they are."""
    found: list[tuple[int, int]] = []
    start = 0
    after_age = False  # "Ich bin 40, IT-Admin, ...", "..., 35, IT.": a short fragment after an age
    for i in range(len(doc) + 1):
        if i < len(doc) and not is_boundary(doc[i]):
            continue
        words = [t for t in doc[start:i] if not t.is_space]
        if after_age and (0 < len(words) <= AFTER_AGE_WORDS or _role_at_work(words, rules)) and not any(
            t.norm_ in rules.breakers for t in words
        ):
            found.append((words[0].i, words[-1].i + 1))
        after_age = (
            0 < len(words) <= _FRAGMENT_WORDS
            and words[-1].text.isascii()
            and words[-1].text.isdigit()
            and _AGE[0] <= int(words[-1].text) <= _AGE[1]
            and any(end <= words[-1].i for end in self_ends)
        )
        if _introduction(doc, words, rules):
            found.append((words[0].i, words[-1].i))  # "wheelchair user here, ...": the writer introduced
        status_first = (  # "Rentnerin aus Herborn, ...", "retired nurse from Leeds, ..."
            len(words) > 2 and words[0].norm_ in rules.fragment_status and words[1].norm_ in _ORIGIN_WORDS
        )
        if (
            0 < len(words) <= _FRAGMENT_WORDS + 1
            and len(doc) > len(words) + 1
            and (status_first or (len(words) <= _FRAGMENT_WORDS and words[-1].norm_ in rules.fragment_status))
            and not any(t.norm_ in rules.breakers or t.norm_ in rules.possessives for t in words)
        ):
            found.append((words[0].i, words[-1].i + 1))
        start = i + 1
    return found
