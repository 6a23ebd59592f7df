"""Turning the HTML that agency exchanges put into descriptions into clean text for a chat message.

Uses the standard library's html.parser: tags go, entities are unescaped, <br> and block elements become line
breaks, list items become bullets, scripts and styles are dropped with their content. Plain text passes
through untouched, so a description that has been cleaned once is not changed by a second import.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Only text that contains a tag, a comment or an entity is treated as HTML; "a < b & c" stays as written.
_LOOKS_LIKE_HTML = re.compile(
    r"<(?:/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?|!--.*?--)>"  # a tag or a comment
    r"|&(?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});",  # an entity
    re.S,
)
_DROPPED = {"script", "style", "head", "title", "noscript", "template", "iframe", "object", "svg", "math"}
_BLOCKS = {
    "p", "div", "section", "article", "header", "footer", "aside", "main", "nav", "blockquote", "pre", "address",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "form", "fieldset", "figure", "hr",
}
_LINES = {"tr", "dt", "dd", "figcaption", "caption"}
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def looks_like_html(text: str) -> bool:
    """Tells whether a text contains markup or entities worth cleaning."""
    return bool(_LOOKS_LIKE_HTML.search(text))


def html_to_text(text: str) -> str:
    """Returns clean text: markup removed, line structure kept; plain text is returned unchanged."""
    if not looks_like_html(text):
        return text
    parser = _TextCollector()
    parser.feed(text)
    parser.close()
    return parser.text()


class _TextCollector(HTMLParser):
    """Collects the visible text of an HTML fragment, marking where lines and paragraphs break."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._parts: list[str] = []
        self._dropping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Opens a dropped element or marks a break."""
        if tag in _DROPPED:
            self._dropping.append(tag)
        elif tag == "br":
            self._parts.append("\n")
        elif tag == "li":
            self._parts.append("\n• ")
        elif tag in _BLOCKS:
            self._parts.append("\n\n")
        elif tag in _LINES:
            self._parts.append("\n")
        elif tag in ("td", "th"):
            self._parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Treats <br/> and <hr/> like their open forms (a self-closed script has no content to drop)."""
        if tag not in _DROPPED:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        """Closes a dropped element or marks the end of a block."""
        if tag in _DROPPED:
            if tag in self._dropping:
                while self._dropping.pop() != tag:
                    pass
        elif tag in _BLOCKS:
            self._parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        """Keeps visible text; in HTML a line break in the source is just a space."""
        if not self._dropping:
            self._parts.append(re.sub(r"\s+", " ", data.replace("\u00a0", " ")))

    def text(self) -> str:
        """Returns the collected text with tidy lines and at most one blank line between paragraphs."""
        lines = (_SPACES.sub(" ", line).strip() for line in "".join(self._parts).split("\n"))
        return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
