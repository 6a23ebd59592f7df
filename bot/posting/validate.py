"""Checks each answer of the guided chat; a problem is a catalogue key with parameters, never a crash."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from bot.categories import is_category
from bot.domain import OrganisationKind
from bot.search.smalltalk import only_chat_words

TITLE_LENGTH = (5, 120)
DESCRIPTION_LENGTH = (30, 2000)
TEXT_FIELD_LIMIT = 1000
NAME_LENGTH = (2, 120)
HOURS_RANGE = (1, 200)
LANGUAGE_CODES = frozenset(
    "en ar uk ru tr fa ps ku fr es it pl ro bg el sr hr bs sq pt ti so am vi zh hi ur ta de".split()
)

_EMAIL = re.compile(r"^[^@\s<>\"']{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9-]{1,63})+$")
_PHONE_CHARS = re.compile(r"^\+?[0-9 ()/.\-]{6,25}$")
_PHONE_RUN = re.compile(r"\+?[0-9(][0-9 ()/.\-]*[0-9]")  # a phone number among words ("Tel. 0561 123456")
# Letters of any script in the name (German clubs' addresses hold umlauts: tierfreunde-müllheim.de); "www." is a
# prefix, not the name: "www.hundefreunde" lacks its ending (.de) and is no address.
# A name's parts are letters and digits with hyphens only inside them ("my_site.de", "-foo-.de" are no hosts).
_LABEL = r"[^\W_](?:(?:[^\W_]|-)*[^\W_])?"
_URL = re.compile(rf"^(https?://)?(?!www\.[^.]+(/|$)){_LABEL}(\.{_LABEL})*\.[^\W\d_]{{2,}}(/\S*)?$", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Problem:
    """Why an answer was not accepted: a catalogue key and the values its text needs."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)


class Invalid(ValueError):
    """Raised by a check; carries the Problem to show before asking the same question again."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.problem = Problem(key, params)


def clean_text(value: str) -> str:
    """Drops control characters and surrounding white space, keeping line breaks and the text verbatim."""
    return _CONTROL.sub("", value).strip()


def bounded_text(value: str, bounds: tuple[int, int], key: str) -> str:
    """Returns the cleaned text when its length is within bounds and it says something in words; otherwise raises
    Invalid(key), or text_expected for emoji and signs alone."""
    text = clean_text(value)
    low, high = bounds
    if not low <= len(text) <= high:
        raise Invalid(key, min=low, max=high, length=len(text))
    return in_words(text)


def in_words(text: str) -> str:
    """Returns the text when it holds a letter or a digit; raises text_expected for emoji or signs alone ("🐶🐱🐶",
    "…"), which volunteers would read as the title, a name or the requirements of a listing."""
    if not any(char.isalnum() for char in text):
        raise Invalid("posting.invalid.text_expected")
    return text


def title(value: str) -> str:
    """Checks a listing title; "weiter", "ok" or "ja" is an answer to the bot, not a title."""
    said_to_the_bot(value, "posting.invalid.title_chat_word")
    return bounded_text(value, TITLE_LENGTH, "posting.invalid.title")


def said_to_the_bot(value: str, key: str) -> None:
    """Raises Invalid(key) when an answer is only words said to the bot ("weiter", "ok", "ja, gerne")."""
    if only_chat_words(value):
        raise Invalid(key, answer=clean_text(value)[:40])


def description(value: str) -> str:
    """Checks a listing description (30 to 2,000 characters); one too long is asked to be shortened, not to say
    more."""
    too_long = len(clean_text(value)) > DESCRIPTION_LENGTH[1]
    return bounded_text(value, DESCRIPTION_LENGTH,
                        "posting.invalid.description_long" if too_long else "posting.invalid.description")


def first_part(value: str) -> str:
    """Returns the longest beginning of a too long description that fits, ending after a sentence where one ends
    in its second half, else after a word."""
    text = clean_text(value)
    high = DESCRIPTION_LENGTH[1]
    if len(text) <= high:
        return text
    cut = text[:high]
    sentence = max(cut.rfind(mark) for mark in (". ", "! ", "? ", "\n"))
    if sentence >= high // 2:
        return cut[:sentence + 1].strip()
    word = cut.rfind(" ")
    return (cut[:word] if word >= high // 2 else cut).strip() + " …"


def person_or_organisation_name(value: str) -> str:
    """Checks a name of an organisation or contact person ("ok" or "weiter" is none, nor an e-mail address, phone
    number or web address: those are asked for next, and "info@verein.de" stood as the contact person's name)."""
    said_to_the_bot(value, "posting.invalid.name_chat_word")
    if _holds_a_contact(value):
        raise Invalid("posting.invalid.name_contact", answer=clean_text(value)[:60])
    return bounded_text(value, NAME_LENGTH, "posting.invalid.name")


def _holds_a_contact(value: str) -> bool:
    """Tells whether an answer holds an e-mail address, a phone number (six digits or more) or a web address."""
    words = [word.strip(".,;:()<>") for word in clean_text(value).split()]
    if any(_EMAIL.match(word) or word.lower().startswith(("http://", "https://", "www.")) for word in words):
        return True
    return any(_dialled(run) for run in _PHONE_RUN.findall(value))


def _dialled(run: str) -> bool:
    """Tells whether a run of digits is a phone number: six digits or more, dialled with 0 or + ("0561 123456",
    "+49 561 98765") or written as one block ("834567"); years, seasons and counts in a name are none ("Förderkreis
    2010/2011", "Saison 2024/25", "Verein 1950-2020", "100 000 Bäume")."""
    if len(re.sub(r"\D", "", run)) < 6:
        return False
    return run.lstrip("(").startswith(("0", "+")) or any(len(block) >= 6 for block in re.findall(r"\d+", run))


def optional_text(value: str) -> str | None:
    """Accepts free text up to a limit; '-' or 'keine'/'none' means nothing."""
    text = clean_text(value)
    if text.lower() in {"-", "keine", "nein", "none", "no", "nichts"}:
        return None
    if len(text) > TEXT_FIELD_LIMIT:
        raise Invalid("posting.invalid.too_long", max=TEXT_FIELD_LIMIT, length=len(text))
    return text or None


# "Tierschutzverein Kassel e.V.", "Tafel e. V.", "Lesefüchse e.V. (Ortsgruppe)": the name says it is a registered club.
_REGISTERED = re.compile(r"\be\.\s?V\.?(?=\s|$|[),;–-])", re.IGNORECASE)


def kind_in_name(name: str) -> str | None:
    """Returns the organisation kind a name says itself (a registered club: "… e.V."), else None: the question
    which kind it is is then not asked."""
    return OrganisationKind.ASSOCIATION.value if _REGISTERED.search(name) else None


def organisation_kind(value: str) -> str:
    """Checks an organisation kind key from the buttons."""
    try:
        return OrganisationKind(value).value
    except ValueError:
        raise Invalid("posting.invalid.choice") from None


def website(value: str) -> str | None:
    """Checks a website (optional); adds https:// when the scheme is missing."""
    text = optional_text(value)
    if text is None:
        return None
    if not _URL.match(text) or len(text) > 300:
        # an address alone (no "/": "youtube.com/@tierheim.kassel" is a channel, a website): the contact comes
        # next, say so instead of "no web address"
        if "/" not in text and _EMAIL.match(text):
            raise Invalid("posting.invalid.website_is_email")
        raise Invalid("posting.invalid.website")
    return text if text.startswith(("http://", "https://")) else f"https://{text}"


def email(value: str) -> str:
    """Checks an email address; a refusal names what is wrong with it."""
    text = clean_text(value)
    if not _EMAIL.match(text) or len(text) > 254:
        raise Invalid(_email_problem(text), address=text[:80])
    return text


def _email_problem(text: str) -> str:
    """Returns the catalogue key that says what is wrong with an address."""
    if any(char.isspace() for char in text):
        return "posting.invalid.email_space"
    if text.count("@") != 1:
        return "posting.invalid.email_at"
    local, domain = text.split("@")
    if not local:
        return "posting.invalid.email_local"
    if "." not in domain.strip("."):
        return "posting.invalid.email_ending"
    return "posting.invalid.email"


def phone(value: str) -> str:
    """Checks a phone number: digits with the usual separators, 6 to 15 digits."""
    text = clean_text(value)
    digits = re.sub(r"\D", "", text)
    if not _PHONE_CHARS.match(text) or not 6 <= len(digits) <= 15:
        raise Invalid("posting.invalid.phone")
    return text


def contact_reach(value: str) -> dict[str, str | None]:
    """Reads 'phone and/or email' from one message as people write it ("Tel. 0561 123456 oder anna@example.org"):
    a word with @ is the email, the first run of phone characters with enough digits the phone; words around
    them are left out. Digits that make no phone number are named as such, a text without either asks for one."""
    text = clean_text(value)
    words = re.split(r"[\s,;]+", text)
    found_email = next((email(part.strip(".:()<>")) for part in words if "@" in part), None)
    rest = re.sub(r"[^\s,;]*@[^\s,;]*", ";", text)  # commas and semicolons still part two numbers
    runs = [_phone_run(run) for run in _PHONE_RUN.findall(rest)]
    found_phone = next((phone(run) for run in runs if 6 <= len(re.sub(r"\D", "", run)) <= 15), None)
    if found_phone is None and not found_email and _tries_a_number(runs, words):
        raise Invalid("posting.invalid.phone")
    if not found_email and not found_phone:
        raise Invalid("posting.invalid.contact")
    return {"phone": found_phone, "email": found_email}


_NUMBER_ATTEMPT_DIGITS = 3  # "Tel. 123" tries a number; "2. Klasse, 8 bis 12 Uhr" in a sentence does not
_NUMBER_ATTEMPT_WORDS = 3  # "12" or "Tel. 12" alone is a number too short, not a sentence


def _tries_a_number(runs: list[str], words: list[str]) -> bool:
    """Tells whether digits that make no phone number were meant as one: a run of a few digits, or a short message
    of a number. A sentence with a school year or the hours in it ("mit Kindern der 2. Klasse, 8 bis 12 Uhr", the
    listing's text sent at this step) holds no phone number, so the text asks for a contact instead."""
    if any(len(re.sub(r"\D", "", run)) >= _NUMBER_ATTEMPT_DIGITS for run in runs):
        return True
    return bool(runs) and len([word for word in words if word]) <= _NUMBER_ATTEMPT_WORDS


def _phone_run(run: str) -> str:
    """Trims what a phone number found among words picked up at its ends ("(0561) 1234" keeps its bracket)."""
    run = run.rstrip(" (/.-")
    return run[1:] if run.startswith("(") and ")" not in run else run


def categories(keys: list[str]) -> list[str]:
    """Checks the toggled categories: at least one, at most three, all known."""
    chosen = [key for key in dict.fromkeys(keys) if is_category(key)]
    if not chosen:
        raise Invalid("posting.invalid.categories_none")
    if len(chosen) > 3:
        raise Invalid("posting.invalid.categories_many", max=3)
    return chosen


def one_off_date(value: str, *, today: date) -> str:
    """Reads a date (31.12.2026, 31.12., 2026-12-31) that lies in the next two years; returns ISO."""
    text = clean_text(value)
    parsed = _parse_date(text, today)
    if parsed is None:
        raise Invalid("posting.invalid.date")
    if parsed < today or (parsed - today).days > 730:
        raise Invalid("posting.invalid.date_range")
    return parsed.isoformat()


def _parse_date(text: str, today: date) -> date | None:
    """Parses the date forms people type; None when it is not a date."""
    for pattern in ("%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    match = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.?", text)
    if match:
        try:
            candidate = date(today.year, int(match[2]), int(match[1]))
        except ValueError:
            return None
        return candidate if candidate >= today else candidate.replace(year=today.year + 1)
    return None


_HOURS_NUMBER = re.compile(r"(?<!\d)(?<!\d[.,])(-\s*)?(\d+(?:[.,]\d{1,2})?)(?![\d.,]*\d)")
# "3-4", "3 – 4", "4 bis 8", "4 to 8": a span of hours, read as its middle
_HOURS_SPAN = re.compile(r"(?<![\d.,-])(\d+(?:[,.]\d)?)\s*(?:-|–|bis|to)\s*(\d+(?:[,.]\d)?)(?![\d.,]*\d)", re.I)
# "2 Stunden pro Woche", "wöchentlich 3", "2h/Woche", "3 hours a week": the question asks per month
_PER_WEEK = re.compile(r"(?:pro|die|je|in der|/)\s*woche|wöchentlich|(?:per|a|each|every|/)\s*week|weekly", re.I)
WEEKS_PER_MONTH = 52 / 12
# "pro Tag", "täglich", "per day", "2h/Tag": how many days a month is not said, so the answer asks per month
_PER_DAY = re.compile(r"(?:pro|am|je|/)\s*tag\b|täglich|(?:per|a|each|every|/)\s*day\b|daily", re.I)
# "8 bis 10 Uhr", "18:00", "9 Uhr", "at 8 am": a time of day, not an amount of hours
_CLOCK = re.compile(r"\d\s*:\s*\d\d|\d\s*uhr\b|\d\s*(?:am|pm|a\.m\.|p\.m\.)(?!\w)", re.I)


def hours_per_month(value: str) -> int:
    """Reads hours per month as a whole number between 1 and 200 ('ca. 8', '8h' work too).

    A decimal is rounded ('2,5' is 3), a span is its middle ('3-4' is 4, '4 bis 8' is 6), and hours a week are
    turned into hours a month ('2 Stunden pro Woche' is 9). A negative number or two numbers are refused rather
    than read as their first digits: '-3' was 3 hours and '2,5' was 2. Hours a day are refused with a question
    for the month (how many days is not said), and a time of day ('8 bis 10 Uhr', '18:00') with a text saying
    that an amount is asked; a span with equal ends ('4-4') is that number.
    """
    if _CLOCK.search(value):
        raise Invalid("posting.invalid.hours_clock", min=HOURS_RANGE[0], max=HOURS_RANGE[1])
    if _PER_DAY.search(value):
        raise Invalid("posting.invalid.hours_per_day", min=HOURS_RANGE[0], max=HOURS_RANGE[1])
    span = _HOURS_SPAN.search(value)
    if span is not None:
        low, high = (float(number.replace(",", ".")) for number in span.groups())
        value = f"{value[:span.start()]} {(low + high) / 2:.2f} {value[span.end():]}" if low <= high else "?"
    numbers = _HOURS_NUMBER.findall(value)
    if len(numbers) != 1 or numbers[0][0]:
        raise Invalid("posting.invalid.hours", min=HOURS_RANGE[0], max=HOURS_RANGE[1])
    hours = float(numbers[0][1].replace(",", "."))
    if _PER_WEEK.search(value):
        hours *= WEEKS_PER_MONTH
    hours = int(hours + 0.5)
    if not HOURS_RANGE[0] <= hours <= HOURS_RANGE[1]:
        raise Invalid("posting.invalid.hours", min=HOURS_RANGE[0], max=HOURS_RANGE[1])
    return hours


def languages(codes: list[str]) -> list[str]:
    """Checks language codes from the buttons."""
    unknown = [code for code in codes if code not in LANGUAGE_CODES]
    if unknown:
        raise Invalid("posting.invalid.choice")
    return list(dict.fromkeys(codes))
