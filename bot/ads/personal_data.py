"""Finding ways to reach a person in an ad's text: phone numbers, e-mail addresses, @handles, personal links.

An ad must not let anybody reach its person except through the bot (and only after they agreed), so the
text is checked before it is kept and the person is asked to take out what was found. Links to a club's or
a project's website stay: only messenger and social-profile links (data/ads/personal_link_hosts.txt), links
that carry an address or a number, and mailto:/tel: links count as personal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from nlu.kernel.resources import data_path


class Kind(StrEnum):
    """What sort of contact detail was found."""

    PHONE = "phone"
    EMAIL = "email"
    HANDLE = "handle"
    LINK = "link"


@dataclass(frozen=True, slots=True)
class Finding:
    """One contact detail in the text, as it was written."""

    kind: Kind
    text: str


_EMAIL = re.compile(r"[\w.+-]+\s?(?:@|\(at\)|\[at\])\s?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)
# A handle starts a word ("@anna_k", not "kontakt@verein"); Telegram's are 5-32 characters, others shorter.
_HANDLE = re.compile(r"(?<![\w.@])@[A-Za-z][A-Za-z0-9_.]{2,31}")
# A number to call starts with + or 0 and holds 7 to 15 digits, separated the ways people write them;
# postal codes (5 digits), times (14-18 Uhr) and years never start with a 0 and hold fewer digits.
_PHONE = re.compile(r"(?<![\w+])(?:\+|00|0)\d(?:[\s/().-]{0,3}\d){5,14}(?!\w)")
_LINK = re.compile(r"(?:(?:https?://|www\.)[^\s<>\"]+|(?:mailto|tel):[^\s<>\"]+"
                   r"|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:me|com|de|org|net|gg|tv|app|id|social|group)/[^\s<>\"]*)",
                   re.IGNORECASE)
_DIGITS = re.compile(r"\d")


def personal_data(text: str) -> tuple[Finding, ...]:
    """Returns every contact detail in the text, in the order written (each only once)."""
    findings: list[tuple[int, Finding]] = []
    taken: list[range] = []

    def add(kind: Kind, match: re.Match[str]) -> None:
        span = range(match.start(), match.end())
        if any(span.start < other.stop and other.start < span.stop for other in taken):
            return  # part of something found already (the address inside a link)
        taken.append(span)
        findings.append((match.start(), Finding(kind, match.group(0).rstrip(".,;:!?)"))))

    for match in _LINK.finditer(text):
        if _personal_link(match.group(0)):
            add(Kind.LINK, match)
    for match in _EMAIL.finditer(text):
        add(Kind.EMAIL, match)
    for match in _HANDLE.finditer(text):
        add(Kind.HANDLE, match)
    for match in _PHONE.finditer(text):
        if 7 <= len(_DIGITS.findall(match.group(0))) <= 15:
            add(Kind.PHONE, match)
    return tuple(finding for _, finding in sorted(findings, key=lambda pair: pair[0]))


def _personal_link(link: str) -> bool:
    """Tells whether a link leads to a person: a messenger or profile host, mailto/tel, or an address in it."""
    lowered = link.lower()
    if lowered.startswith(("mailto:", "tel:")) or "@" in lowered:
        return True
    host = re.sub(r"^(?:https?://)?(?:www\.)?", "", lowered).split("/", 1)[0].split(":", 1)[0]
    if any(host == known or host.endswith("." + known) for known in personal_link_hosts()):
        return True
    return len(_DIGITS.findall(lowered)) >= 7  # a phone number inside a link (…/call/0151…)


@cache
def personal_link_hosts() -> frozenset[str]:
    """Returns the hosts of messenger and social-profile links (data/ads/personal_link_hosts.txt)."""
    lines = data_path("ads", "personal_link_hosts.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))
