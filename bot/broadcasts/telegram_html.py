"""Checks an announcement written in Telegram HTML before it is queued.

Telegram refuses a message whose HTML it cannot parse ("Can't parse entities"), so an unclosed <b> or a <p>
would fail for every recipient after the broadcast started. The chat's announcements come from Telegram's own
formatting (always sound, and not checked here: a tag of a newer Bot API must not stop them); the operator's
`broadcast send --html` is typed by hand and checked here against
the Bot API's "HTML style": the tags it lists, properly nested and closed, and only the named entities
&lt; &gt; &amp; &quot; (numeric ones too).
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

TAGS = frozenset({"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a",
                  "tg-emoji", "code", "pre", "blockquote"})
ENTITIES = frozenset({"lt", "gt", "amp", "quot"})
_TAG = re.compile(r"<[^>]*>")


def html_problem(text: str) -> str | None:
    """Returns why Telegram would refuse the text as HTML, or None when it is sound."""
    checker = _Checker()
    checker.feed(text)
    checker.close()
    if checker.problem is None and checker.open_tags:
        checker.problem = f"<{checker.open_tags[-1]}> is never closed"
    return checker.problem


def readable(text: str) -> str:
    """Returns the text as a person reads it in Telegram: tags removed, entities decoded ("&amp;" -> "&")."""
    return html.unescape(_TAG.sub("", text))


class _Checker(HTMLParser):
    """Notes the first problem; the parser reads on, which does no harm."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.open_tags: list[str] = []
        self.problem: str | None = None

    def _refuse(self, problem: str) -> None:
        if self.problem is None:
            self.problem = problem

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TAGS:
            self._refuse(f"Telegram HTML has no <{tag}> (it takes {', '.join(sorted(TAGS))})")
        elif tag == "a" and not dict(attrs).get("href"):
            self._refuse("a link <a> needs href=\"…\"")
        self.open_tags.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._refuse(f"Telegram HTML has no <{tag}/>; write a line break as a new line")

    def handle_endtag(self, tag: str) -> None:
        if not self.open_tags:
            self._refuse(f"</{tag}> closes no open tag")
            return
        if self.open_tags[-1] != tag:
            self._refuse(f"</{tag}> where </{self.open_tags[-1]}> belongs")
            return
        self.open_tags.pop()

    def handle_entityref(self, name: str) -> None:
        if name not in ENTITIES:
            self._refuse(f"&{name}; is no entity Telegram knows (write the character itself, or &lt; &gt; &amp;)")

    def handle_data(self, data: str) -> None:
        if "<" in data:
            self._refuse("a < that starts no tag: write it as &lt;")

    def handle_comment(self, data: str) -> None:
        self._refuse("Telegram HTML has no comments <!-- -->")

    def handle_decl(self, decl: str) -> None:
        self._refuse(f"Telegram HTML has no <!{decl}>")
