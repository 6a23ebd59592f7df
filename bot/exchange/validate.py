"""Checking one exchange record and turning it into store values, or into every problem it has."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from bot.categories import categories
from bot.exchange import schema, values
from bot.exchange.feeds.labels import label_key, label_map
from bot.exchange.files import RawRecord
from bot.exchange.htmltext import html_to_text
from bot.exchange.schema import FIELDS, Kind
from bot.exchange.values import Invalid
from bot.shortening import shortened as cut_to
from nlu.kernel.text import fold

_LANGUAGE = re.compile(r"[a-z]{2}")
# A description is stored up to this length (after HTML removal). The file reader takes longer cells (files.py), so
# that a row with megabytes pasted into its description is not refused; but no one reads that much on a listing's
# page, the bot posts 2,000 characters at most (bot.posting.validate), and the text index of every stored listing
# would carry it: PostgreSQL refuses a tsvector over 1 MB. The import report says how many rows were cut.
MAX_DESCRIPTION = 20_000


@dataclass(frozen=True, slots=True)
class Problem:
    """Why one record (or one of its fields) cannot be imported."""

    where: str
    field: str | None
    reason: str

    def __str__(self) -> str:
        return f"{self.where}, field {self.field}: {self.reason}" if self.field else f"{self.where}: {self.reason}"


@dataclass(slots=True)
class Listing:
    """A valid record: the opportunity's column values and its organisation's, ready for the store."""

    where: str
    opportunity: dict[str, Any]
    organisation: dict[str, Any]
    derived_id: bool = False
    default_status: bool = False
    geocoded: bool = False  # coordinates came from the gazetteer (postal code or place name)
    zero_restored: bool = False  # the postal code had lost its leading zero in a spreadsheet (1067 for 01067)
    shortened: bool = False  # the description was longer than MAX_DESCRIPTION and was cut

    @property
    def key(self) -> tuple[str, str]:
        """Returns the listing's identity in the store: (source, external_id)."""
        return self.opportunity["source"], self.opportunity["external_id"]

    @property
    def organisation_key(self) -> tuple[str, str]:
        """Returns the organisation's identity in the store: (source, external_id)."""
        return self.organisation["source"], self.organisation["external_id"]


_CONVERTERS: dict[Kind, Callable[[Any], Any]] = {
    Kind.TEXT: values.to_text,
    Kind.HTML: lambda value: html_to_text(values.to_text(value)),
    Kind.INT: values.to_int,
    Kind.FLOAT: values.to_float,
    Kind.BOOL: values.to_bool,
    Kind.DATE: values.to_date,
    Kind.DATETIME: values.to_datetime,
    Kind.LIST: values.to_list,
    Kind.EMAIL: values.to_email,
    Kind.URL: values.to_url,
    Kind.PHONE: values.to_phone,
}


def check_record(record: RawRecord, *, source: str | None = None) -> Listing | list[Problem]:
    """Returns the record as store values, or every problem found in it."""
    if record.problem:
        return [Problem(record.where, None, record.problem)]
    fields: dict[str, Any] = {}
    problems: list[Problem] = []
    given = record.values
    for name, convert, rule, limit in _plan():
        raw = given.get(name)
        if raw is None or values.is_blank(raw):
            continue
        try:
            value = convert(raw)
            if rule:
                value = rule(value)
            if limit and isinstance(value, str) and len(value) > limit:
                raise Invalid(f"too long: {len(value)} characters, at most {limit}")
            fields[name] = value
        except Invalid as error:
            problems.append(Problem(record.where, name, str(error)))
    if source:
        fields["source"] = source
    if "postal_code" in fields and fields["postal_code"] != values.to_text(given["postal_code"]):
        fields["_zero_restored"] = True
    problems += [Problem(record.where, name, reason) for name, reason in _record_problems(fields, problems)]
    if problems:
        return problems
    return _listing(record.where, fields)


@cache
def _plan() -> tuple[tuple[str, Callable[[Any], Any], Callable[[Any], Any] | None, int | None], ...]:
    """Returns, per field, its name, converter, own rule and size limit (looked up once: this is the hot loop)."""
    return tuple((field.name, _CONVERTERS[field.kind], _RULES.get(field.name), field.max_length) for field in FIELDS)


def _record_problems(fields: dict[str, Any], found: list[Problem]) -> list[tuple[str, str]]:
    """Checks what involves several fields: required ones, coordinates, a place, the date order."""
    bad = {problem.field for problem in found}
    problems: list[tuple[str, str]] = []
    for name in ("title", "organisation_name"):
        if name not in fields and name not in bad:
            problems.append((name, "required, but empty or missing"))
    lat, lon = fields.get("lat"), fields.get("lon")
    if (lat is None) != (lon is None) and not {"lat", "lon"} & bad:
        given, missing = ("lat", "lon") if lon is None else ("lon", "lat")
        problems.append((missing, f"{given} is given, so {missing} is needed too"))
    elif lat is not None and lon is not None:
        problems += _coordinate_problems(lat, lon)
    has_place = lat is not None or "place_name" in fields or "postal_code" in fields or fields.get("remote") is True
    if not has_place and not {"lat", "lon", "place_name", "postal_code", "remote"} & bad:
        problems.append(("place_name", "a listing needs a place (place_name, postal_code or lat/lon) or remote = ja"))
    elif lat is None and lon is None and not {"lat", "lon", "place_name", "postal_code"} & bad:
        problems += _geocode(fields)
    start, end = fields.get("start_date"), fields.get("end_date")
    if start and end and end < start:
        problems.append(("end_date", f"{end.isoformat()} is before start_date {start.isoformat()}"))
    return problems


def _geocode(fields: dict[str, Any]) -> list[tuple[str, str]]:
    """Fills coordinates (and state, district) from the postal code or place name, so a radius search finds it.

    A listing without coordinates could never be found near a place; a name the gazetteer does not know is
    therefore a problem of the row, unless the listing is remote only.
    """
    if "place_name" not in fields and "postal_code" not in fields:
        return []
    from nlu.kernel.gazetteer import get_gazetteer

    gazetteer = get_gazetteer()
    place = gazetteer.by_postal_code(fields["postal_code"]) if "postal_code" in fields else None
    if place is None and "place_name" in fields:
        matches = gazetteer.lookup(fields["place_name"])
        place = matches[0] if matches else None
    if place is None:
        if fields.get("remote") is True:
            return []
        named = fields.get("place_name") or fields.get("postal_code")
        return [("place_name", f"'{named}' is no German place or postal code we know; give lat and lon")]
    fields["lat"], fields["lon"] = place.lat, place.lon
    fields.setdefault("place_name", place.name)
    fields.setdefault("state", place.state)
    if place.district:
        fields.setdefault("district", place.district)
    fields["_geocoded"] = True
    return []


def _coordinate_problems(lat: float, lon: float) -> list[tuple[str, str]]:
    """Checks that a point lies in Germany, and recognises swapped latitude and longitude."""
    (south, north), (west, east) = schema.LAT_RANGE, schema.LON_RANGE
    lat_ok, lon_ok = south <= lat <= north, west <= lon <= east
    if lat_ok and lon_ok:
        return []
    if south <= lon <= north and west <= lat <= east:
        return [("lat", f"lat {lat} and lon {lon} look swapped (latitude is the larger number in Germany)")]
    problems = []
    if not lat_ok:
        problems.append(("lat", f"{lat} is outside Germany (latitude must be between {south} and {north})"
                                + _lost_point_hint(lat, south, north)))
    if not lon_ok:
        problems.append(("lon", f"{lon} is outside Germany (longitude must be between {west} and {east})"
                                + _lost_point_hint(lon, west, east)))
    return problems


def _lost_point_hint(value: float, low: float, high: float) -> str:
    """Says what to do when a coordinate looks like one whose decimal point a spreadsheet dropped (513127 for
    51.3127: German Excel reads the point as a thousands separator); "" otherwise."""
    if not value.is_integer() or abs(value) < 100:
        return ""
    digits = str(int(abs(value)))
    for whole in (1, 2):
        candidate = float(f"{digits[:whole]}.{digits[whole:]}")
        if low <= candidate <= high:
            return (f"; {candidate} without its decimal point? A spreadsheet may have read the point as a thousands "
                    "separator: format the column as text (or export with a decimal comma) and import again")
    return ""


def _listing(where: str, fields: dict[str, Any]) -> Listing:
    """Builds the store values of a valid record, deriving ids and the status where the file gave none."""
    source = fields.pop("source", None) or schema.DEFAULT_SOURCE
    organisation = {field.column: fields.pop(field.name) for field in FIELDS
                    if field.table == "organisation" and field.name in fields}
    organisation["source"] = source
    geocoded = bool(fields.pop("_geocoded", False))
    zero_restored = bool(fields.pop("_zero_restored", False))
    if "external_id" not in organisation:
        organisation["external_id"] = _derived_id(organisation["name"])
    opportunity = dict(fields, source=source)
    description = opportunity.get("description") or ""
    opportunity["description"] = shortened(description)
    default_status = "status" not in opportunity
    opportunity.setdefault("status", schema.DEFAULT_STATUS)
    derived = "external_id" not in opportunity
    if derived:
        place = fields.get("place_name") or (
            f"{fields['lat']:.4f},{fields['lon']:.4f}" if "lat" in fields else "remote"
        )
        opportunity["external_id"] = _derived_id(organisation["name"], fields["title"], place)
    return Listing(where, opportunity, organisation, derived_id=derived, default_status=default_status,
                   geocoded=geocoded, zero_restored=zero_restored,
                   shortened=len(opportunity["description"]) < len(description))


def shortened(description: str) -> str:
    """Returns a description cut to MAX_DESCRIPTION characters at the last paragraph, line or word end before the
    limit, with an ellipsis (bot.shortening); a shorter one as it is."""
    return cut_to(description, MAX_DESCRIPTION)


def _derived_id(*parts: str) -> str:
    """Derives a stable id from folded text, so the same listing gets the same id in every sync."""
    digest = hashlib.sha256("\x1f".join(fold(part) for part in parts).encode()).hexdigest()
    return f"auto:{digest[:20]}"


def _categories(found: list[str]) -> list[str]:
    """Maps keys, their labels and the agencies' own labels ("Umwelt", "Integration") to category keys; every
    unknown one is named."""
    keys = [_category_keys(word) for word in found]
    unknown = [word for word, key in zip(found, keys) if key is None]
    if unknown:
        raise Invalid(f"unknown {_plural(unknown, 'category', 'categories')} {_quoted(unknown)} "
                      f"(known: {', '.join(categories())})")
    return list(dict.fromkeys(key for group in keys if group for key in group))


def _category_keys(word: str) -> tuple[str, ...] | None:
    """Returns the keys a word names: a category, or a label agencies file offers under (the feeds' label list,
    data/exchange/freinet_labels.toml; a label there may name none, ()); None when unknown."""
    key = schema.category_key(word)
    if key is not None:
        return (key,)
    labels, folded = label_map(), label_key(word)
    return labels.fields.get(folded, labels.targets.get(folded))


def _time_tags(found: list[str]) -> list[str]:
    """Maps time tags and German words for them to tags; every unknown one is named."""
    tags = [schema.time_tag(word) for word in found]
    unknown = [word for word, tag in zip(found, tags) if tag is None]
    if unknown:
        raise Invalid(f"unknown time {_plural(unknown, 'tag', 'tags')} {_quoted(unknown)} "
                      "(known: weekday, weekend, daytime, evening, one_off, regular)")
    return list(dict.fromkeys(tag for tag in tags if tag))


def _languages(found: list[str]) -> list[str]:
    """Checks two-letter ISO 639-1 codes."""
    codes = [word.lower() for word in found]
    unknown = [word for word, code in zip(found, codes) if not _LANGUAGE.fullmatch(code)]
    if unknown:
        raise Invalid(f"{_quoted(unknown)}: languages are two-letter codes such as en, ar, uk, fa")
    return list(dict.fromkeys(codes))


def _status(word: str) -> str:
    """Checks a listing status."""
    found = schema.status(word)
    if found is None:
        raise Invalid(f"unknown status '{word}' (known: draft, pending, published, paused, expired, rejected)")
    return found


def _organisation_kind(word: str) -> str:
    """Checks an organisation kind (e.V., Stiftung and the like are understood)."""
    found = schema.organisation_kind(word)
    if found is None:
        raise Invalid(f"unknown kind '{word}' (known: e_v, initiative, municipality, church, foundation, "
                      "charity, other)")
    return found


def _postal_code(text: str) -> str:
    """Checks a German postal code as every surface reads a field holding one (Gazetteer.read_postal_code, the column
    holds no year): five digits, split by one space anywhere ("34 127", "341 27"), or four whose leading zero a
    spreadsheet lost (1067 for 01067), each only when the code exists."""
    from nlu.kernel.gazetteer import get_gazetteer

    code = get_gazetteer().read_postal_code(text, year_possible=False)
    if code is not None:
        return code
    digits = text.replace(" ", "")
    if len(digits) == 4 and digits.isdigit():
        raise Invalid(f"'{text}' is no German postal code (0{digits} does not exist)")
    if len(digits) == 5 and digits.isdigit():
        raise Invalid(f"'{text}' is no German postal code ({digits} does not exist)")
    raise Invalid(f"'{text}' is not a German postal code (five digits)")


def _hours(hours: int) -> int:
    """Checks hours per month against what a month holds."""
    if not 0 <= hours <= 744:
        raise Invalid(f"{hours} hours per month is impossible (0 to 744)")
    return hours


_RULES: dict[str, Callable[[Any], Any]] = {
    "categories": _categories,
    "time_tags": _time_tags,
    "languages": _languages,
    "status": _status,
    "organisation_kind": _organisation_kind,
    "postal_code": _postal_code,
    "hours_per_month": _hours,
}


def _quoted(words: list[str]) -> str:
    """Quotes words for a reason: 'a', 'b'."""
    return ", ".join(f"'{word}'" for word in words)


def _plural(items: list[str], one: str, many: str) -> str:
    """Picks the singular or plural noun."""
    return one if len(items) == 1 else many
