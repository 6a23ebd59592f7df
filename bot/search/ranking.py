"""How well a listing fits a search, as one SQL expression both databases evaluate the same way.

The score is a weighted sum of parts in [0, 1]: category fit, free words found (title counts more than
description, typo corrections a little less), closeness, time fit, freshness, languages and, where it
matters, being open to newcomers without German. It is computed in the database so only one page of
listings ever leaves it; every number is bound as a float so SQLite and PostgreSQL do the same arithmetic.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Float, Integer, String, case, cast, func, literal, or_
from sqlalchemy.sql.elements import ColumnElement

from bot.categories import categories
from bot.domain import TIME_BITS
from bot.search.criteria import Criteria
from bot.search.geo import Frame
from bot.search.textmatch import OPPORTUNITIES, holds_any
from bot.search.vocabulary import TermGroup

O = OPPORTUNITIES.c
# Time tags come in families; a listing fits a family when it has one of the asked tags in it, and
# half-fits when it says nothing about that family.
TIME_FAMILIES = (("weekday", "weekend"), ("daytime", "evening"), ("one_off", "regular"))
FRESHNESS_DAYS = ((14, 1.0), (60, 0.6), (180, 0.3))


@dataclass(frozen=True, slots=True)
class Weights:
    """How much each part of the fit counts."""

    category: float = 0.30
    text: float = 0.30
    distance: float = 0.15
    time: float = 0.15
    freshness: float = 0.07
    language: float = 0.05
    newcomer: float = 0.03
    title_hit: float = 1.0
    description_hit: float = 0.7
    corrected_hit: float = 0.85  # factor for words found only through a typo correction


WEIGHTS = Weights()


def score_expression(
    criteria: Criteria, groups: Sequence[TermGroup], frame: Frame | None, *, dialect: str, now: datetime,
    radius_km: float | None = None, weights: Weights = WEIGHTS,
) -> ColumnElement[float]:
    """Returns the listing's score for this search as an SQL expression.

    radius_km is the radius actually searched: after widening, closeness is judged on the wider scale,
    so a listing that fits the asked time 40 km away can beat one that does not 5 km away.
    """
    parts: list[tuple[float, ColumnElement[float]]] = [(weights.freshness, _freshness(now))]
    if criteria.categories:
        parts.append((weights.category, _category_fit(criteria.categories)))
    if groups:
        parts.append((weights.text, _text_fit(groups, dialect, weights)))
    if frame is not None:
        parts.append((weights.distance, _closeness(frame, radius_km or criteria.radius_km)))
    if criteria.time:
        parts.append((weights.time, _time_fit(criteria.time)))
    if criteria.languages:
        parts.append((weights.language, _speaks(criteria.languages)))
    if criteria.languages or criteria.lang == "en":
        parts.append((weights.newcomer, case((O.newcomer_friendly, _float(1.0)), else_=_float(0.0))))
    total: ColumnElement[float] = _float(0.0)
    for weight, part in parts:
        total = total + _float(weight) * part
    return total


def squared_distance(frame: Frame) -> ColumnElement[float]:
    """Returns the squared flat distance in km² from the frame's centre (see bot.search.geo)."""
    dy = (O.lat - _float(frame.lat)) * _float(frame.km_per_lat)
    dx = (O.lon - _float(frame.lon)) * _float(frame.km_per_lon)
    return dy * dy + dx * dx


def time_filter(tags: Sequence[str]) -> list[ColumnElement[bool]]:
    """Returns one condition per asked time family: an asked tag, or nothing said about that family."""
    conditions = []
    for asked, family in _families(tags):
        conditions.append(or_(_has_bits(O.time_mask, asked), ~_has_bits(O.time_mask, family)))
    return conditions


def _category_fit(keys: Sequence[str]) -> ColumnElement[float]:
    """Returns 0 without a wanted category, else 0.7 plus 0.3 times the share of wanted ones it has."""
    table = categories()
    bits = [1 << table[key].bit for key in keys]
    wanted = sum(bits)
    share: ColumnElement[float] = _float(0.0)
    for bit in bits:
        share = share + case((_has_bits(O.category_mask, bit), _float(1.0 / len(bits))), else_=_float(0.0))
    return case((_has_bits(O.category_mask, wanted), _float(0.7) + _float(0.3) * share), else_=_float(0.0))


def _text_fit(groups: Sequence[TermGroup], dialect: str, weights: Weights) -> ColumnElement[float]:
    """Returns the share of the free words found, a title hit counting more than a description hit."""
    fit: ColumnElement[float] = _float(0.0)
    for group in groups:
        factor = (weights.corrected_hit if group.fuzzy else 1.0) / len(groups)
        fit = fit + case(
            (holds_any(dialect, [group], title_only=True), _float(weights.title_hit * factor)),
            (holds_any(dialect, [group]), _float(weights.description_hit * factor)),
            else_=_float(0.0),
        )
    return fit


def _closeness(frame: Frame, radius_km: float) -> ColumnElement[float]:
    """Returns 1 at the centre, 0.5 at half the radius, falling off smoothly beyond."""
    scale = max(radius_km / 2, 1.0)
    closeness = _float(1.0) / (_float(1.0) + squared_distance(frame) / _float(scale * scale))
    return func.coalesce(closeness, _float(0.0))  # listings without a place (remote ones) are not close


def _time_fit(tags: Sequence[str]) -> ColumnElement[float]:
    """Returns the mean over asked families of 1 (has an asked tag), 0.5 (says nothing) or 0."""
    families = _families(tags)
    fit: ColumnElement[float] = _float(0.0)
    for asked, family in families:
        fit = fit + case(
            (_has_bits(O.time_mask, asked), _float(1.0 / len(families))),
            (~_has_bits(O.time_mask, family), _float(0.5 / len(families))),
            else_=_float(0.0),
        )
    return fit


def _freshness(now: datetime) -> ColumnElement[float]:
    """Returns 1 for listings published in the last two weeks, less for older ones, 0 after half a year."""
    whens = [(O.published_at >= now - timedelta(days=days), _float(value)) for days, value in FRESHNESS_DAYS]
    return case(*whens, else_=_float(0.0))


def _speaks(languages: Sequence[str]) -> ColumnElement[float]:
    """Returns 1 when the listing asks for one of the person's languages (a JSON list of codes)."""
    text = cast(O.languages, String)
    return case((or_(*[text.like(f'%"{code}"%') for code in languages]), _float(1.0)), else_=_float(0.0))


def _families(tags: Sequence[str]) -> list[tuple[int, int]]:
    """Returns (asked bits, family bits) for every time family the tags touch."""
    result = []
    for family in TIME_FAMILIES:
        asked = sum(TIME_BITS[tag] for tag in family if tag in tags)
        if asked:
            result.append((asked, sum(TIME_BITS[tag] for tag in family)))
    return result


def _has_bits(column: ColumnElement[int], bits: int) -> ColumnElement[bool]:
    """Returns a condition: the bitmask column has any of the bits."""
    return column.op("&")(literal(bits, Integer)) != 0


def _float(value: float) -> ColumnElement[float]:
    """Binds a number as a double, so integer division never creeps in on PostgreSQL."""
    return literal(float(value), Float)
