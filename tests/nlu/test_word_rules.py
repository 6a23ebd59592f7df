"""The shared loader of word-list rules (nlu.word_lists.word_rules): each field read as its type says."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from nlu.word_lists import word_rules


@dataclass(frozen=True, slots=True)
class _Rules:
    cues: frozenset[str]
    beginnings: tuple[str, ...]
    fields: frozenset[str]
    reach: int
    share: float
    owners: frozenset[str]


def test_fields_are_folded_or_taken_as_written_as_their_type_and_the_caller_say() -> None:
    table = {"cues": ["Über", "BEI"], "beginnings": ["Straße", "arriv"], "fields": ["emergency_services"],
             "reach": "3", "share": 0.5, "aside_owners": ["Meine"]}
    rules = word_rules(_Rules, table, keys={"owners": "aside_owners"}, as_written=("fields",))
    assert rules == _Rules(frozenset({"ueber", "bei"}), ("strasse", "arriv"), frozenset({"emergency_services"}), 3,
                           0.5, frozenset({"meine"}))


def test_a_field_the_caller_gives_is_taken_and_one_of_no_word_list_type_is_refused() -> None:
    @dataclass(frozen=True, slots=True)
    class Tabled:
        words: frozenset[str]
        table: dict[str, str]

    assert word_rules(Tabled, {"words": []}, table={"a": "b"}).table == {"a": "b"}
    with pytest.raises(TypeError, match="Tabled.table"):
        word_rules(Tabled, {"words": [], "table": {}})
