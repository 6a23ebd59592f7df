"""Every surface reads a written postal code the same way (Gazetteer.read_postal_code): five digits, five split
by a space, four whose leading zero a spreadsheet dropped when that code exists; four that may be a year are a
year where a person types (chat, web form, posting), and a code in a data column (CSV import, feeds)."""

from __future__ import annotations

import pytest
from tests.factories.exchange import listing_record

from bot.conversation.places import place_answer
from bot.exchange import Listing, check_record
from bot.exchange.files import RawRecord
from bot.posting.answers import Answer
from bot.posting.places import resolve_place as posting_place
from bot.posting.validate import Invalid
from bot.web.places import resolve_place as web_place
from nlu.kernel.gazetteer import get_gazetteer

TYPED = [("341 27", "34127"), ("1067", "01067"), ("4109", "04109"), ("1990", None), ("1848", None), ("3412", None)]


def _posting(text: str) -> str | None:
    try:
        return str(posting_place(Answer(text=text), get_gazetteer())["place"]["postal_code"])
    except Invalid:
        return None


def _web(text: str) -> str | None:
    place = web_place(text).place
    return place.postal_code if place else None


def _chat(text: str) -> str | None:
    found = place_answer(text)
    return found[0].postal_code if found else None


@pytest.mark.parametrize(("written", "code"), TYPED)
@pytest.mark.parametrize("surface", [_posting, _web, _chat])
def test_a_typed_code_reads_the_same_in_chat_web_and_posting(surface: object, written: str, code: str | None) -> None:
    assert callable(surface) and surface(written) == code


@pytest.mark.parametrize(("written", "code"), [("1067", "01067"), ("1990", "01990"), ("34117", "34117"),
                                               ("3412", None), ("9999", None)])
def test_a_csv_postal_code_column_holds_no_year_and_only_existing_codes(written: str, code: str | None) -> None:
    checked = check_record(RawRecord("line 2", listing_record(1, postal_code=written)))
    if code is None:
        assert not isinstance(checked, Listing) and "postal_code" in {problem.field for problem in checked}
    else:
        assert isinstance(checked, Listing) and checked.opportunity["postal_code"] == code
