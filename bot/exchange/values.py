"""Reading one cell: numbers, booleans, dates, lists, emails and URLs as German and English feeds write them.

Each converter takes what a CSV cell (always text) or a JSON value (already typed) holds and returns the
store's value, or raises Invalid with the reason a person reads in the import report.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time, timezone
from typing import Any
from bot.local_days import BERLIN

# Feeds from German agencies write local times without a zone; they mean German time.
GERMAN_TIME = BERLIN  # the calendar the listings are written in

_TRUE = {"ja", "j", "yes", "y", "true", "wahr", "1", "x", "✓", "✔"}
_FALSE = {"nein", "n", "no", "false", "falsch", "0", "-"}
# A German date as people and spreadsheets write it: 31.12.2026, 1.3.2026, and LibreOffice's short 31.12.26.
_GERMAN_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})")
_GERMAN_DATETIME = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?")
# A date column that a database or spreadsheet wrote as a date and time ("2026-12-31 00:00:00"): the date counts.
_DATE_AND_TIME = re.compile(
    r"(\S+?)[ T,]+(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}))?"
)
_CENTURY_PIVOT = 30  # two-digit years as Excel reads them: 00-29 are 20xx, 30-99 are 19xx
_LIST_SEPARATORS = re.compile(r"[;|,]")
# Plausible, not RFC 5322: one @, no spaces, a dot in the domain, a top-level domain of letters.
_EMAIL = re.compile(r"[^@\s<>()\[\],;:\"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_URL = re.compile(r"https?://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?:\.[A-Za-z]{2,}|:\d+)(?:[/?#]\S*)?", re.I)
_PHONE = re.compile(r"\+?[0-9 ()/.\-]+")


class Invalid(ValueError):
    """A value that cannot be stored; the message is the reason shown in the import report."""


def is_blank(value: Any) -> bool:
    """Tells whether a cell is empty: None, only whitespace, or an empty list."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, (list, tuple)) and len(value) == 0


def to_text(value: Any) -> str:
    """Returns a cell as text with Unix line breaks and no surrounding whitespace."""
    if isinstance(value, bool) or isinstance(value, (list, dict)):
        raise Invalid(f"expected text, got {_json_kind(value)}")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def to_bool(value: Any) -> bool:
    """Reads ja/nein, yes/no, true/false, 1/0 and x (a ticked box)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    word = str(value).strip().lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise Invalid(f"expected yes or no (ja/nein, true/false, 1/0, x), got {_show(value)}")


def to_float(value: Any) -> float:
    """Reads a number with a decimal point or a German decimal comma ('51,3127')."""
    if isinstance(value, bool):
        raise Invalid(f"expected a number, got {_show(value)}")
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = str(value).strip().replace("\u2212", "-")
        if text.count(",") == 1 and "." not in text:
            text = text.replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            raise Invalid(f"expected a number, got {_show(value)}") from None
    if not math.isfinite(number):
        raise Invalid(f"expected a finite number, got {_show(value)}")
    return number


def to_int(value: Any) -> int:
    """Reads a whole number ('4', '4.0' and '4,0' too)."""
    number = to_float(value)
    if not number.is_integer():
        raise Invalid(f"expected a whole number, got {_show(value)}")
    return int(number)


def to_date(value: Any) -> date:
    """Reads an ISO date (2025-03-01) or a German one (01.03.2025, 01.03.25), also with a time after it."""
    text = to_text(value)
    if with_time := _DATE_AND_TIME.fullmatch(text):
        text = with_time.group(1)
    german = _GERMAN_DATE.fullmatch(text)
    try:
        if german:
            day, month, year = (int(part) for part in german.groups())
            return date(_full_year(year, german.group(3)), month, day)
        return date.fromisoformat(text)
    except ValueError:
        raise Invalid(f"expected a date like 2025-03-01 or 01.03.2025, got {_show(value)}") from None


def to_datetime(value: Any) -> datetime:
    """Reads an ISO or German date and time; without a zone it is German time. Returns UTC."""
    text = to_text(value)
    try:
        german = _GERMAN_DATETIME.fullmatch(text)
        if german:
            day, month, year, hour, minute, second = (int(part or 0) for part in german.groups())
            moment = datetime(_full_year(year, german.group(3)), month, day, hour, minute, second)
        elif _GERMAN_DATE.fullmatch(text) or len(text) == 10:
            moment = datetime.combine(to_date(text), time())
        else:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (ValueError, Invalid):
        raise Invalid(f"expected a date and time like 2025-03-01T18:00:00+01:00, got {_show(value)}") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=GERMAN_TIME)
    return moment.astimezone(timezone.utc)


def _full_year(year: int, written: str) -> int:
    """Returns the year a German date means: two digits as Excel reads them (26 is 2026, 95 is 1995)."""
    if len(written) != 2:
        return year
    return 2000 + year if year < _CENTURY_PIVOT else 1900 + year


def to_list(value: Any) -> list[str]:
    """Reads a JSON list, or text separated by ';', '|' or ','; drops empty entries."""
    if isinstance(value, (list, tuple)):
        items = [to_text(item) for item in value]
    elif isinstance(value, str):
        items = [item.strip() for item in _LIST_SEPARATORS.split(value)]
    else:
        raise Invalid(f"expected a list, got {_json_kind(value)}")
    return [item for item in items if item]


def to_email(value: Any) -> str:
    """Returns a plausible email address (a 'mailto:' prefix is dropped)."""
    text = to_text(value)
    if text.lower().startswith("mailto:"):
        text = text[7:]
    if not _EMAIL.fullmatch(text):
        raise Invalid(f"not an email address: {_show(value)}")
    return text


def to_url(value: Any) -> str:
    """Returns a plausible web address; 'www.…' gets 'https://' in front."""
    text = to_text(value)
    if text.lower().startswith("www."):
        text = "https://" + text
    if not _URL.fullmatch(text):
        raise Invalid(f"not a web address (http:// or https://): {_show(value)}")
    return text


def to_phone(value: Any) -> str:
    """Returns a phone number written with digits, spaces, + ( ) / . and -.

    A leading apostrophe is dropped: spreadsheets (and export --excel-safe) put one before '+49 …' so the
    number is shown as text instead of being read as a formula.
    """
    text = to_text(value).removeprefix("'")
    digits = sum(character.isdigit() for character in text)
    if not _PHONE.fullmatch(text) or digits < 5:
        raise Invalid(f"not a phone number: {_show(value)}")
    return text


def _show(value: Any) -> str:
    """Quotes a bad value for the report, shortened so one line stays one line."""
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 60 else text[:57] + "…'"


def _json_kind(value: Any) -> str:
    """Names the JSON type of a value the way a person writing JSON knows it."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, (list, tuple)):
        return "a list"
    return type(value).__name__
