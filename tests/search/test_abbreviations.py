"""An abbreviation finds the listings writing the name out, and the name those writing the abbreviation."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.search.abbreviations import long_forms, short_forms
from bot.search.english import german_words
from bot.search.vocabulary import Vocabulary


def test_an_abbreviation_finds_the_written_out_name_and_the_name_finds_the_abbreviation() -> None:
    words = Vocabulary({"hilfswerk": 2, "hilfswerks": 1, "thw": 3, "samariter": 1, "kindertagesstaette": 2},
                       listings=100)
    thw = words.group("thw")
    assert thw is not None and thw.matches("thw") and thw.matches("hilfswerks")
    hilfswerk = words.group("hilfswerk")
    assert hilfswerk is not None and hilfswerk.matches("thw")
    asb = words.group("asb")
    assert asb is not None and asb.matches("samariter") and not asb.fuzzy
    kita = words.group("kita")
    assert kita is not None and kita.matches("kindertagesstaette")


def test_an_abbreviation_with_another_common_meaning_stands_for_no_name() -> None:
    # "nach MHD" in a food bank's listing is a best-before date, not the Malteser Hilfsdienst.
    words = Vocabulary({"malteser": 2, "mhd": 4, "lebensmittel": 6}, listings=100)
    malteser = words.group("malteser")
    assert malteser is not None and malteser.matches("malteser") and not malteser.matches("mhd")
    assert long_forms("mhd") == () and short_forms("maltesern") == ()
    assert short_forms("johanniter") == ("juh",)  # a name with one meaning keeps its abbreviation


def test_ordinary_words_have_no_long_or_short_form() -> None:
    assert long_forms("garten") == () and short_forms("garten") == ()
    assert short_forms("johannitern") == ("juh",)


def test_the_list_refuses_short_or_unfolded_long_forms(tmp_path: Path) -> None:
    path = tmp_path / "abbreviations.toml"
    path.write_text('[names]\nabc = ["Hilfe"]\n', encoding="utf-8")
    with pytest.raises(ValueError):
        long_forms("abc", path)


def test_english_names_of_places_to_help_become_the_german_words_listings_use() -> None:
    assert "gemeinschaftsgarten" in german_words("We would love to join a community garden")
    assert "kleiderkammer" in german_words("is there a clothing bank nearby")
    assert "jugendtreff" in german_words("volunteering at a youth club on Fridays")
    assert "krisentelefon" in german_words("I could answer calls for a helpline")
