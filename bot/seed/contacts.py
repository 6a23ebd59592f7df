"""Fictional contact details: composed names, reserved e-mail domains and phone numbers nobody can have.

Phone numbers use two ranges that German numbering never assigns, because subscriber numbers there do not
start with 0 or 1:
  OFFICE  "+49 30 1234 5NNN"  (Berlin area code, subscriber number 12345NNN)
  MOBILE  "0151 0000 NNNN"    (mobile prefix 0151, subscriber number 0000NNNN)
E-mail addresses and websites use only example.org and example.com (RFC 2606).
"""

from __future__ import annotations

import random
import re

from nlu.kernel.text import fold

OFFICE_PREFIX = "+49 30 1234 5"
MOBILE_PREFIX = "0151 0000 "
EMAIL_DOMAINS = ("example.org", "example.com")
PHONE_PATTERN = re.compile(r"^(\+49 30 1234 5\d{3}|0151 0000 \d{4})$")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_MAILBOXES = ("", "kontakt.", "info.", "ehrenamt.", "mitmachen.")


def slugify(text: str, *, limit: int = 40) -> str:
    """Returns a lower-case ASCII slug ("Tafel Gießen e.V." -> "tafel-giessen-e-v"), cut at a hyphen."""
    slug = _NOT_SLUG.sub("-", fold(text).replace("ı", "i")).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug or "verein"


def office_phone(rng: random.Random) -> str:
    """Returns a fictional landline number."""
    return f"{OFFICE_PREFIX}{rng.randrange(1000):03d}"


def mobile_phone(rng: random.Random) -> str:
    """Returns a fictional mobile number."""
    return f"{MOBILE_PREFIX}{rng.randrange(10000):04d}"


def person(rng: random.Random, names: dict[str, list[str]]) -> tuple[str, str]:
    """Returns a fictional person's first and last name, composed at random."""
    return rng.choice(names["first_names"]), rng.choice(names["last_names"])


def organisation_email(rng: random.Random, slug: str) -> str:
    """Returns an organisation's fictional address, e.g. kontakt.tafel-kassel@example.org."""
    return f"{rng.choice(_MAILBOXES)}{slug}@{EMAIL_DOMAINS[0]}"


def person_email(first: str, last: str, slug: str) -> str:
    """Returns a person's fictional address at example.com, e.g. anna.mueller.tafel-kassel@example.com."""
    return f"{slugify(first)}.{slugify(last)}.{slug}@{EMAIL_DOMAINS[1]}"


def website(slug: str) -> str:
    """Returns an organisation's fictional website."""
    return f"https://{slug}.{EMAIL_DOMAINS[0]}"
