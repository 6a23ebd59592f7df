"""Volunteering asked for someone described (issue 14, messages: people describing themselves): "Is there any
volunteering for someone in a wheelchair?", "Any opportunities for a family with small kids?", "ehrenamt für schüler 14
jahre", "suche für meine Bewohnerin (42, geistige Behinderung) eine Aufgabe". The person after "für"/"for" is the one
who will help; the words describing them say who they are, not the field wanted (word lists: [seekers] in
data/nlu/interests.toml)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from nlu.components.common import is_boundary
from nlu.word_lists import read_toml, word_rules

_PERSON_REACH = 3  # "für eine junge blinde Frau": the person's noun within three words of "für"
_NEWCOMERS = "refugees_integration"  # "ein Ehrenamt für eine geflüchtete Familie" is a family to help settle


@dataclass(frozen=True, slots=True)
class SeekerRules:
    """Word lists of data/nlu/interests.toml's [seekers] section (folded)."""

    heads: frozenset[str]  # "Ehrenamt", "anything": what is searched ...
    for_words: frozenset[str]  # ... "für", "for" ...
    articles: frozenset[str]  # ... "eine", "a", "meine": then a person ...
    people: tuple[str, ...]  # ... whose noun begins so ("someone", "Rollstuhlfahrerin", "family")
    age_words: frozenset[str]  # "unter 16": an age said of a bare person
    stops: frozenset[str]  # "who", "und": the description ends
    objects: frozenset[str]  # "eine": right after the person or their number, the thing searched begins
    deeds: frozenset[str]  # "tun", "do": a deed for the person makes it the wish


@cache
def seeker_rules() -> SeekerRules:
    """Returns the [seekers] word lists."""
    return word_rules(SeekerRules, read_toml("interests.toml")["seekers"])


def described_seekers(doc: Doc, mentions: list[Span]) -> list[Span]:
    """Returns the mentions inside the description of a person volunteering is asked for ("for someone in a
    wheelchair", "für eine Familie mit kleinen Kindern", "für schüler 14 jahre")."""
    if not mentions:
        return []
    rules = seeker_rules()
    found: list[Span] = []
    for token in doc[:-2]:
        if token.norm_ in rules.heads and doc[token.i + 1].norm_ in rules.for_words and not _done(doc, token.i, rules):
            reach = _description(doc, token.i + 2, rules)
            if reach is None:
                continue
            inside = [span for span in mentions if reach[0] <= span.start and span.end <= reach[1]]
            if not any(span.label_ == _NEWCOMERS for span in inside):
                found.extend(inside)
    return found


def _done(doc: Doc, head: int, rules: SeekerRules) -> bool:
    """Tells whether a deed stands right before the search word: "do something for a deaf person" is the wish."""
    return head > 0 and doc[head - 1].norm_ in rules.deeds


def _is_person(token: Token, rules: SeekerRules) -> bool:
    """Tells whether a token is a person's noun ("jemanden", "Rollstuhlfahrerin", "family")."""
    return token.norm_.startswith(rules.people)


def _description(doc: Doc, start: int, rules: SeekerRules) -> tuple[int, int] | None:
    """Returns where the description of a person starting at `start` (right after "für") begins and ends, or None
    when no person stands there or a deed for them follows ("etwas für eine Familie tun")."""
    first = doc[start]
    if first.norm_ in rules.articles:
        person = next(
            (i for i in range(start + 1, min(start + 1 + _PERSON_REACH, len(doc)))
             if not is_boundary(doc[i]) and _is_person(doc[i], rules)),
            None,
        )
        if person is None or any(is_boundary(t) for t in doc[start:person]):
            return None
    elif _is_person(first, rules) and (first.norm_.startswith(rules.people[:3]) or _aged(doc, start + 1, rules)):
        person = start  # "for someone in a wheelchair", "für schüler 14 jahre"
    else:
        return None
    end = person + 1
    while end < len(doc):
        token = doc[end]
        if token.text == "(":  # "für meine Bewohnerin (42, geistige Behinderung)": the aside describes her too
            close = next((i for i in range(end + 1, len(doc)) if doc[i].text == ")"), None)
            if close is None:
                break
            end = close + 1
            break  # "(42, ...) eine Aufgabe mit Katzen": the aside closes the description
        if token.norm_ in rules.deeds:
            return None
        if is_boundary(token) or token.norm_ in rules.stops or token.norm_ in rules.heads:
            break
        if token.norm_ in rules.objects and (end == person + 1 or doc[end - 1].like_num):
            break  # "für meine Klasse 7 eine Aktion mit Senioren": what is searched for them
        end += 1
    return start, end


def _aged(doc: Doc, i: int, rules: SeekerRules) -> bool:
    """Tells whether an age follows at `i`: "14 jahre", "unter 16", "(15)"."""
    if i < len(doc) and doc[i].text == "(":
        i += 1
    if i < len(doc) and doc[i].norm_ in rules.age_words:
        i += 1
    return i < len(doc) and doc[i].like_num
