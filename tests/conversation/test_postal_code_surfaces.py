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
from bot.search.place_doubts import unknown_postal_code
from nlu.kernel.gazetteer import get_gazetteer
from nlu.kernel.postal_codes import postal_codes_in

TYPED = [("341 27", "34127"), ("34 127", "34127"), ("1067", "01067"),
         ("4109", "04109"), ("1990", None), ("1848", None), ("3412", None)]


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
                                               ("3412", None), ("9999", None), ("041 09", "04109"),
                                               ("04 109", "04109"), ("99 999", None), ("99999", None),
                                               ("0410 9", None)])
def test_a_csv_postal_code_column_holds_no_year_and_only_existing_codes(written: str, code: str | None) -> None:
    checked = check_record(RawRecord("line 2", listing_record(1, postal_code=written)))
    if code is None:
        assert not isinstance(checked, Listing) and "postal_code" in {problem.field for problem in checked}
    else:
        assert isinstance(checked, Listing) and checked.opportunity["postal_code"] == code


@pytest.mark.parametrize("answer", ["34 127 Kassel", "Ja, in 34 127", "Kassel 34 127", "ja gerne 34 127"])
def test_the_chat_reads_a_code_with_a_space_after_its_first_two_digits_beside_other_words(answer: str) -> None:
    assert _chat(answer) == "34127"


def test_a_number_longer_than_a_code_or_inside_one_is_no_code_on_any_surface() -> None:
    assert postal_codes_in("Spende 1.234.567 Euro, Tel. 0561 123456, Anteil 12,34567") == []
    assert postal_codes_in("ein Garten mit 10 000 Rosen, Tel 030 12 345 678") == []
    assert postal_codes_in("10 000") == [] and postal_codes_in("030 12 345 678", answer=True) == []
    assert [found.code for found in postal_codes_in("PLZ 34 127, Haus 12; 01067 Dresden")] == ["34127", "01067"]
    assert _chat("Hausnummer 123456") is None and _web("Tel 0561 123456") is None


@pytest.mark.parametrize("text", ["Chor mit 40 000 Zuhörern im Jahr", "Sportverein für 15 000 Kinder",
                                  "und wie wär's mit Bienen für 20 000 Bienenvölker?",
                                  "Kleiderkammer, Tel 089 11 222 333"])
def test_an_amount_or_phone_number_written_with_spaces_is_no_unknown_postal_code(text: str) -> None:
    assert unknown_postal_code(text) is None


@pytest.mark.parametrize(("text", "code"), [("Sportverein in 00 000", "00000"), ("Chor, PLZ 00 000", "00000"),
                                            ("Chor in 00000", "00000")])
def test_a_spaced_code_after_a_place_cue_is_still_checked(text: str, code: str) -> None:
    assert unknown_postal_code(text) == code


def test_a_spaced_number_before_a_unit_is_no_code_even_in_an_answer() -> None:
    assert postal_codes_in("ungefähr 12 345 Stunden", answer=True) == []
    assert [found.code for found in postal_codes_in("Kassel 34 127", answer=True)] == ["34127"]
