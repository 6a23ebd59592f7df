"""The data files in data/nlu/ and data/taxonomy.toml are consistent with the code that reads them."""

from __future__ import annotations

import pytest

from nlu.lexicon import language_names, place_rules, radius_rules, time_rules
from nlu.patterns import PatternError, compile_pattern, compile_spec
from nlu.pipeline import pipelines
from nlu.place_index import place_index
from nlu.kernel.taxonomy import categories

FIXED_KEYS = [
    ("children_youth", 0), ("seniors", 1), ("refugees_integration", 2), ("environment", 3), ("animals", 4),
    ("sports", 5), ("culture", 6), ("education", 7), ("health_care", 8), ("emergency_services", 9),
    ("poverty_homelessness", 10), ("disability_inclusion", 11), ("digital", 12), ("neighbourhood", 13),
]


def test_taxonomy_keys_and_bits_are_the_fixed_ones() -> None:
    assert [(c.key, c.bit) for c in categories()] == FIXED_KEYS
    assert all(c.de and c.en and c.emoji and c.stems for c in categories())


def test_every_pattern_fits_at_least_one_tokenizer() -> None:
    pipelines()  # raises PatternError otherwise


def test_every_alias_names_a_gazetteer_place() -> None:
    index = place_index()
    assert all(alias in index.names for alias in place_rules().aliases)


def test_time_slots_pair_up() -> None:
    rules = time_rules()
    assert set(rules.slots) == set(rules.opposites)
    assert all(rules.opposites[rules.opposites[slot]] == slot for slot in rules.slots)


def test_language_codes_are_iso_639_1_and_never_german() -> None:
    names = language_names()
    codes = {code for _, code in names.prefixes} | set(names.words.values())
    assert all(len(code) == 2 and code.isalpha() for code in codes)
    assert "de" not in codes


def test_radius_range_is_sane() -> None:
    rules = radius_rules()
    assert 0 < rules.min_km < rules.max_km and rules.units["km"] == 1.0


def test_pattern_syntax() -> None:
    spec = compile_spec("am|an|wochenend*?")
    assert spec.optional and spec.literals == {"am", "an"} and spec.prefixes == ("wochenend",)
    assert compile_spec("*abend").suffixes == ("abend",)
    assert compile_spec("#").number and compile_spec("~").anything
    assert compile_spec("übers").literals == {"uebers"}
    with pytest.raises(PatternError):
        compile_pattern("x", "am?")
