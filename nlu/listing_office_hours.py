"""A listing's office hours are no time of its task: "Erreichbar Mo-Fr 9-12 Uhr" or "telefonisch erreichbar Mo-Do
14-16 Uhr" say when to call (data/nlu/time.toml [office_hours]), so the time mentions in a sentence or line such a
cue opens set no time tag."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span

from nlu.kernel.text import fold
from nlu.word_lists import read_toml

# a sentence ends at a mark before a word of three letters or more ("Uhr. Sie erreichen"), not inside "Mo. - Fr."
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Za-zÄÖÜäöüß]{3,})|\n")


_SPELLINGS = (("ae", "(?:ae|ä)"), ("oe", "(?:oe|ö)"), ("ue", "(?:ue|ü)"), (" ", r"\s+"))


_WORD = re.compile(r"\w+")


@cache
def _lead_words() -> int:
    """Returns how many words may stand before a cue in its sentence or line ("Telefonisch erreichbar")."""
    return int(read_toml("time.toml")["office_hours"]["lead_words"])


@cache
def _cue_pattern() -> re.Pattern[str]:
    """Returns the pattern of the office-hours cues (folded in the data), as beginnings of words in any case and with
    umlauts written either way."""
    alternatives = []
    for cue in sorted(read_toml("time.toml")["office_hours"]["cues"], key=len, reverse=True):
        written = fold(cue)
        for plain, either in _SPELLINGS:
            written = written.replace(plain, either)
        alternatives.append(written)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + ")", re.IGNORECASE)


def office_hours(text: str) -> list[tuple[int, int]]:
    """Returns the character ranges of a listing's text that give its office's hours: each cue's sentence or line,
    and the next line too when the cue's line ends with a colon ("Sprechzeiten:\\nMo-Fr 9-12 Uhr")."""
    ranges = []
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    for match in _cue_pattern().finditer(text):
        before = [end for end in ends if end <= match.start()]
        start = before[-1] if before else 0
        if len(_WORD.findall(text, start, match.start())) > _lead_words():
            continue  # "..., die bei Fragen erreichbar bleiben": said of the volunteers or the team, no office's hours
        after = _SENTENCE_END.search(text, match.end())
        end = after.start() if after else len(text)
        if text[match.end():end].rstrip().endswith(":") and after is not None and after.group() == "\n":
            following = _SENTENCE_END.search(text, after.end())
            end = following.start() if following else len(text)
        ranges.append((start, end))
    return ranges


def without_office_hours(times: list[Span], text: str, starts: tuple[int, ...]) -> list[Span]:
    """Returns the time mentions of a listing but those inside its office's hours (`starts`: each token's offset in
    the text)."""
    ranges = office_hours(text)
    if not ranges:
        return times
    return [span for span in times if not any(start <= starts[span.start] < end for start, end in ranges)]
