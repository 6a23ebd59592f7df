"""What the command menus hold: the commands everybody sees, and the ones admins and organisations' members add."""

from __future__ import annotations

import difflib
import functools
import hashlib
import json
from dataclasses import dataclass

from bot.texts import t

Command = tuple[str, str]  # (German command, English alias); both names work in either language
LANGUAGES = ("de", "en")  # the default menu is the German one
# In menu order.
COMMANDS: tuple[Command, ...] = (
    ("suche", "search"), ("merkliste", "favourites"), ("suchauftraege", "alerts"), ("standort", "location"),
    ("einstellungen", "settings"), ("sprache", "language"), ("hilfe", "help"), ("datenschutz", "privacy"),
    ("meinedaten", "mydata"), ("loeschen", "delete"), ("abbrechen", "cancel"), ("ichbiete", "offerhelp"),
)
# Added to the menu of admins' own chats: what they do besides searching.
ADMIN_COMMANDS: tuple[Command, ...] = (
    ("pruefen", "review"), ("anzeige", "ad"), ("rundschreiben", "broadcast"), ("anbieten", "post"),
    ("meineangebote", "mylistings"),
)
# Added to the menu of organisations' members who may contact volunteers (ADS_SEARCH_ACCESS): in everyone's menu
# it would read to volunteers as a second search of their own, which it is not.
MEMBER_COMMANDS: tuple[Command, ...] = (("freiwillige", "volunteers"),)
# How alike a typed name and a command must be to be offered as meant (difflib's ratio): one letter wrong or
# missing in a name of six or more ("sprach", "einstelungen"), not a different word ("stop" for "suche").
_CLOSE = 0.8


@dataclass(frozen=True, slots=True)
class Menu:
    """One command menu, the same in both languages."""

    commands: tuple[Command, ...]

    @classmethod
    def for_person(cls, *, admin: bool, member: bool) -> Menu:
        """Returns the menu of someone's own chat: the common commands plus what their rights add."""
        return cls(COMMANDS + (ADMIN_COMMANDS if admin else ()) + (MEMBER_COMMANDS if member else ()))

    @property
    def is_common(self) -> bool:
        """Tells whether this is the menu everybody has anyway (no own-chat menu needed)."""
        return self.commands == COMMANDS

    def entries(self, lang: str) -> list[tuple[str, str]]:
        """Returns (command, description) in the language's names, in menu order."""
        return [(de if lang == "de" else en, t(lang, f"commands.{de}")) for de, en in self.commands]

    def closest(self, typed: str) -> str | None:
        """Returns the command of this menu a mistyped name most likely means, in the language it was typed in
        ("sprach" -> "sprache", "settngs" -> "settings"); None when no name is close."""
        names = [name for pair in self.commands for name in pair]
        close = difflib.get_close_matches(typed.lower(), names, n=1, cutoff=_CLOSE)
        return close[0] if close else None

    def in_language(self, name: str, lang: str) -> str:
        """Returns the name in the reply's language of the command called name ("favourites", "de" -> "merkliste")."""
        for de, en in self.commands:
            if name in (de, en):
                return de if lang == "de" else en
        return name

    @property
    def version(self) -> str:
        """Returns a short fingerprint of everything Telegram shows: commands and descriptions in both languages.

        A changed description in the catalogues changes it too, so menus are set again after such a release.
        """
        return _fingerprint(self.commands)


@functools.lru_cache(maxsize=8)  # a handful of distinct menus; a sync compares thousands of chats against them
def _fingerprint(commands: tuple[Command, ...]) -> str:
    """Returns the version of the menu holding these commands."""
    shown = {lang: Menu(commands).entries(lang) for lang in LANGUAGES}
    return hashlib.sha256(json.dumps(shown, ensure_ascii=False).encode()).hexdigest()[:16]


COMMON_MENU = Menu(COMMANDS)
