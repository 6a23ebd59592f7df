"""Messages that are not searches: greetings and thanks are answered in kind, an "ok" with what to do next,
"egal was" means every area, "weiter" asks for the next results and "hilfe" for the help.

The word lists live in data/chat/smalltalk.toml. A message is small talk only when nothing else stands in it,
so "hallo, tierheim in kassel" stays a search.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

from nlu.kernel.text import fold

DATA = Path(__file__).resolve().parents[2] / "data" / "chat" / "smalltalk.toml"
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
# Joiners and modifiers inside one emoji: variation selector, zero-width joiner, the five skin tones.
_EMOJI_PARTS = frozenset({"\ufe0f", "\u200d", *map(chr, range(0x1F3FB, 0x1F400))})


class SmallTalk(StrEnum):
    """What a message that is no search says."""

    GREETING = "greeting"
    THANKS = "thanks"
    OKAY = "okay"  # fine, understood, liked: "ok", "super", "👍"


@dataclass(frozen=True, slots=True)
class _Lexicon:
    phrases: dict[str, tuple[str, ...]]  # kind -> folded phrases, longest first
    emoji: dict[str, SmallTalk]  # an emoji's characters -> what it says alone (thanks or okay)
    emoji_interests: dict[str, str]  # an emoji's characters -> the category it asks for ("🐶" -> animals)
    emoji_words: dict[str, str]  # a category an emoji asks for -> the word it is read as ("Tiere")
    filler: frozenset[str]
    place_yes: re.Pattern[str]  # a yes (or several) leading a place: "Ja, gerne in Baunatal"


@cache
def _lexicon() -> _Lexicon:
    """Reads and folds the word lists once."""
    with DATA.open("rb") as handle:
        raw = tomllib.load(handle)

    def folded(key: str) -> tuple[str, ...]:
        return tuple(sorted({" ".join(_words(item)) for item in raw[key]}, key=len, reverse=True))

    return _Lexicon(
        phrases={kind: folded(kind)
                 for kind in ("greeting", "thanks", "okay", "any_interest", "decline", "more", "help", "place_yes")},
        emoji={_bare(emoji): kind for kind in (SmallTalk.OKAY, SmallTalk.THANKS) for emoji in raw[f"{kind}_emoji"]},
        emoji_interests={_bare(emoji): key for key, emoji_list in raw["emoji_interests"].items()
                         for emoji in emoji_list},
        emoji_words=dict(raw["emoji_words"]),
        filler=frozenset(" ".join(_words(item)) for item in raw["filler"]),
        place_yes=_leading(raw["place_yes"]),
    )


def _leading(phrases: list[str]) -> re.Pattern[str]:
    """Returns a pattern for one of the phrases as whole words at the start, with the punctuation after it."""
    spelt = "|".join(r"\s+".join(map(re.escape, phrase.split())) for phrase in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"^(?:{spelt})(?![\w-])[\s,.;:!–-]*", re.IGNORECASE)


def small_talk(text: str) -> SmallTalk | None:
    """Returns GREETING, THANKS or OKAY when the message is only that (a search mixed in makes it None); a thanks
    said beside the rest makes it THANKS ("ok danke", "👍🙏")."""
    words = _words(text)
    if not words:
        if not only_emoji(text) or any(char not in _emoji_chars() for char in "".join(text.split())):
            return None
        said = {_lexicon().emoji.get(char) for char in _emoji_heads(text)}
        return SmallTalk.THANKS if SmallTalk.THANKS in said else SmallTalk.OKAY
    kinds = _covering(words, ("thanks", "okay", "greeting"))
    if not kinds:
        return None
    return next(kind for kind in (SmallTalk.THANKS, SmallTalk.OKAY, SmallTalk.GREETING) if kind in kinds)


def only_emoji(text: str) -> bool:
    """Tells whether a message is emoji alone (with punctuation at most): no word, no number."""
    return bool(_emoji_heads(text)) and not _words(text) and not any(char.isdigit() for char in text)


def emoji_interest(text: str) -> str | None:
    """Returns the category a message's emoji ask for ("🐶", "🐱🐶", "🐶 in Kassel": animals), when all of them ask
    for the same one; None for other emoji or none. Whether its words name an interest of their own is the parse's
    to say (bot.search.understanding.parse_text)."""
    wanted = {_lexicon().emoji_interests.get(char) for char in _emoji_heads(text)}
    return wanted.pop() if len(wanted) == 1 and None not in wanted else None


def emoji_as_words(text: str) -> str | None:
    """Returns a message with its emoji asking for an area (emoji_interest) read as the area's word ("kein 🐶 in
    Kassel" -> "kein Tiere in Kassel"), so the words around them say what they say of it; None when its emoji ask
    for no single area."""
    interest = emoji_interest(text)
    if interest is None:
        return None
    word = f" {_lexicon().emoji_words[interest]} "
    heads = set(_emoji_heads(text))
    read = "".join(word if char in heads else "" if char in _EMOJI_PARTS or _joined(text, index) else char
                   for index, char in enumerate(text))
    return " ".join(read.split())


def _joined(text: str, index: int) -> bool:
    """Tells whether a character is joined to the emoji before it ("🦺" of "🐕‍🦺")."""
    return index > 0 and text[index - 1] == "\u200d"


def without_yes(text: str) -> str:
    """Returns an answer without the yes leading it ("Ja, Baunatal" -> "Baunatal"); a text without one as it is.

    Answers "Wo soll ich stattdessen suchen?": people often say yes before the place.
    """
    rest = text.strip()
    while rest and (match := _lexicon().place_yes.match(rest)):
        rest = rest[match.end():]
    return rest


def is_decline(text: str) -> bool:
    """Tells whether a message is only a no ("nein", "nein danke", "no thanks"), which closes an open question."""
    return _only(text, "decline")


def is_yes(text: str) -> bool:
    """Tells whether a message is only a yes ("ja", "ja gerne", "yes please"), which answers a yes-or-no question."""
    return _only(text, "place_yes")


def asks_for_more(text: str) -> bool:
    """Tells whether a message only asks for more results ("weiter", "zeig mir mehr", "more please")."""
    return _only(text, "more")


def asks_for_help(text: str) -> bool:
    """Tells whether a message only asks how the bot works ("hilfe", "wie funktioniert das?", "help")."""
    return _only(text, "help")


# A postal code has five digits: other numbers alone ("123") are most likely a code cut short or a typo.
_POSTAL_DIGITS = 5
_NUMBER = re.compile(r"\d[\d ]*")


def short_number(text: str) -> bool:
    """Tells whether a message is only a number that cannot be a postal code ("123", "1234"): the reply says a
    postal code has five digits instead of not understanding."""
    said = text.strip()
    return bool(_NUMBER.fullmatch(said)) and len(said.replace(" ", "")) != _POSTAL_DIGITS


def only_chat_words(text: str) -> bool:
    """Tells whether a message is made only of words said to the bot itself ("weiter", "ok", "ja", "nein danke",
    "hallo"): an answer to a question that wants a title or a name is then no title or name."""
    words = _words(text)
    return bool(words) and _covering(
        words, ("more", "thanks", "okay", "greeting", "help", "place_yes", "decline")) is not None


def _only(text: str, kind: str) -> bool:
    """Tells whether a message's words are all phrases of one kind of the word lists."""
    words = _words(text)
    return bool(words) and _covering(words, (kind,)) == {kind}


def without_any_interest(text: str) -> str | None:
    """Returns the text without its "egal was" when it says every area is fine, else None.

    "irgendwas in Kassel" gives "in Kassel"; "egal" alone gives "". The rest is cut from the text as written, so
    a postal code stays in it ("anything near 01067": "near 01067"; the words alone lost it, and the place
    was asked for).
    """
    matches = list(_WORD.finditer(text))
    words = [fold(match.group()) for match in matches]
    for phrase in _lexicon().phrases["any_interest"]:
        wanted = phrase.split()
        for start in range(len(words) - len(wanted) + 1):
            if words[start:start + len(wanted)] == wanted:
                rest = text[:matches[start].start()] + " " + text[matches[start + len(wanted) - 1].end():]
                rest = " ".join(rest.split()).strip(" ,;:-–")
                return rest if any(char.isalnum() for char in rest) else ""
    return None


def _covering(words: list[str], kinds: tuple[str, ...]) -> set[str] | None:
    """Returns the kinds whose phrases (and filler) make up every word, or None if any word is left."""
    lexicon, found, index = _lexicon(), set(), 0
    while index < len(words):
        for kind in (*kinds, "filler"):
            phrases = lexicon.filler if kind == "filler" else lexicon.phrases[kind]
            size = _match(words, index, phrases)
            if size:
                if kind != "filler":
                    found.add(kind)
                index += size
                break
        else:
            return None
    return found


def _match(words: list[str], index: int, phrases: tuple[str, ...] | frozenset[str]) -> int:
    """Returns how many words at the index one of the phrases covers (the longest), 0 for none."""
    best = 0
    for phrase in phrases:
        parts = phrase.split()
        if len(parts) > best and words[index:index + len(parts)] == parts:
            best = len(parts)
    return best


def _words(text: str) -> list[str]:
    """Returns the folded words of a text, without punctuation, digits and emoji."""
    return [fold(word) for word in _WORD.findall(text)]


@cache
def _emoji_chars() -> frozenset[str]:
    """Returns the characters of the emoji that say thanks or fine (with joiners, skin tones and variation
    selectors), and the punctuation that may stand beside them."""
    return frozenset("".join(_lexicon().emoji)) | _EMOJI_PARTS | {"!", "."}


def _emoji_heads(text: str) -> list[str]:
    """Returns the first symbol of each emoji in a text ("🐕‍🦺", a service dog, is the dog 🐕 joined to a vest).
    The replacement character (bytes a decoder could not read, as the terminal demo's input may hold) is none."""
    return [char for index, char in enumerate(text)
            if unicodedata.category(char) == "So" and char != "\ufffd" and (index == 0 or text[index - 1] != "\u200d")]


def _bare(emoji: str) -> str:
    """Returns an emoji without its variation selector, joiners and skin tone."""
    return "".join(char for char in emoji if char not in _EMOJI_PARTS)
