"""Two readings of words that look like schooling or young people in a message but are not (issue 14, messages):
showing older people their phone is help with it, not a lesson, and the singular "Azubi" is the writer. The words
are the [help_taught] and [writer_singulars] sections of data/nlu/interests.toml."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from nlu.lexicon import InterestRules

_EDUCATION = "education"


def help_taught(mentions: list[Span], rules: InterestRules) -> list[Span]:
    """Returns the education mentions made only of a teaching verb or a course word ("teach", "beibringen",
    "Computerkurse") when the message names a skill of `help_taught_fields` and people of `help_taught_people` and
    none of `help_taught_unless`: "Senioren zeigen, wie WhatsApp geht", "teach seniors how to use tablets"."""
    if not rules.help_taught_fields:
        return []
    named = {span.label_ for span in mentions}
    if named & rules.help_taught_unless or not (rules.help_taught_fields <= named and named & rules.help_taught_people):
        return []
    return [
        span for span in mentions
        if span.label_ == _EDUCATION and all(_teaches(token.norm_, rules) for token in span)
    ]


def _teaches(norm: str, rules: InterestRules) -> bool:
    """Tells whether a folded word is a teaching verb or ends in a course word ("kurse", "computerkurse")."""
    return norm in rules.teach_words or norm.endswith(rules.course_words)


def writer_singulars(doc: Doc, mentions: list[Span], rules: InterestRules) -> list[Span]:
    """Returns the mentions of one word that is a singular naming the writer ("Azubi", "Pflege-Azubi": "Hey, 21, Azubi
    zum Elektroniker") unless a word of `writer_singular_before` introduces another person ("für einen Azubi")."""
    if not rules.writer_singulars:
        return []
    return [
        span for span in mentions
        if len(span) == 1 and _singular(span[0].norm_, rules.writer_singulars)
        and not (span.start and doc[span.start - 1].norm_ in rules.writer_singular_before)
    ]


def _singular(norm: str, words: tuple[str, ...]) -> bool:
    """Tells whether a folded word is one of the singulars or a hyphenated compound ending in one."""
    return norm in words or any(norm.endswith("-" + word) for word in words)
