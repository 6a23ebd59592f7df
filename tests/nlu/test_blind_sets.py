"""nlu.blind_sets: the one test every scorer and trainer asks before it lists failures or learns."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlu.blind_sets import any_blind
from nlu.evaluate import main as evaluate_main


def test_a_blind_file_or_set_is_told_by_its_name() -> None:
    assert any_blind([Path("tests/nlu/data/natural_dev.jsonl"), Path("tests/nlu/data/natural_blind2.jsonl")])
    assert any_blind(["leipzig-blind"])
    assert not any_blind([Path("tests/nlu/data/natural_dev.jsonl"), "leipzig", ""])
    assert not any_blind([Path("blind/natural_dev.jsonl")])  # only the file's own name counts


def test_the_scorer_refuses_to_list_a_blind_sets_failures() -> None:
    with pytest.raises(SystemExit):
        evaluate_main(["--failures", "tests/nlu/data/natural_blind.jsonl"])
