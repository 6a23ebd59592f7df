"""Which index a SQLite try for listings naming the thing reads: their rows by id while few hold the words, the box's
covering index of its latitude bands around a place once more than FEW_HOLDERS do (bot.search.sources.index_hint)."""

from __future__ import annotations

from bot.search.corpus import LISTINGS
from bot.search.criteria import Criteria
from bot.search.model import PlaceRef
from bot.search.sources import FEW_HOLDERS, index_hint
from bot.search.sql import SqlText
from bot.search.vocabulary import TermGroup
from bot.search.widening import Attempt

RIESA = PlaceRef("Riesa", 51.30777, 13.29168)
NAMED_AROUND = Attempt(radius_km=50.0, strict_time=False, text_required=False, widened=("radius:50",),
                       named_only=True)


def _held_by(documents: int) -> tuple[TermGroup, ...]:
    return (TermGroup("lernpate", ("lernpate",), ("lernpat",), documents, False),)


def test_few_holders_around_a_place_are_read_by_id() -> None:
    hint = index_hint(SqlText("sqlite"), Criteria(place=RIESA), _held_by(FEW_HOLDERS), NAMED_AROUND, LISTINGS)
    assert hint == " NOT INDEXED"


def test_many_holders_around_a_place_are_read_from_the_box() -> None:
    hint = index_hint(SqlText("sqlite"), Criteria(place=RIESA), _held_by(FEW_HOLDERS + 1), NAMED_AROUND, LISTINGS)
    assert hint == f" INDEXED BY {LISTINGS.index('cell')}"


def test_many_holders_without_a_box_are_still_read_by_id() -> None:
    anywhere = Attempt(radius_km=None, strict_time=False, text_required=False, widened=(), named_only=True)
    hint = index_hint(SqlText("sqlite"), Criteria(), _held_by(FEW_HOLDERS + 1), anywhere, LISTINGS)
    assert hint == " NOT INDEXED"
    remote = index_hint(SqlText("sqlite"), Criteria(place=RIESA, remote=True), _held_by(FEW_HOLDERS + 1),
                        NAMED_AROUND, LISTINGS)
    assert remote == " NOT INDEXED"
