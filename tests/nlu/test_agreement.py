"""The agreement figures of two labellers: arithmetic, and that every relabelled message matches its set's text."""

from __future__ import annotations

from typing import Any

from nlu.agreement import AGREEMENT, Agreement, compare, originals, same_place
from nlu.evaluate import load

KASSEL = {"name": "Kassel", "lat": 51.3127, "lon": 9.4797}
BAUNATAL = {"name": "Baunatal", "lat": 51.2551, "lon": 9.4183}  # about 8 km away
DRESDEN = {"name": "Dresden", "lat": 51.0509, "lon": 13.7383}


def test_category_figures_count_pairs_and_exact_matches() -> None:
    agreement = Agreement()
    agreement.add({"categories": ["animals", "children_youth"]}, {"categories": ["animals"]})
    agreement.add({"categories": ["seniors"]}, {"categories": ["seniors", "neighbourhood"]})
    assert (agreement.tp, agreement.fp, agreement.fn, agreement.categories_exact) == (2, 1, 1, 0)
    assert "P/R/F1 0.667 / 0.667 / 0.667, exact 0.000" in agreement.line("x")


def test_places_agree_within_the_tolerance_and_only_both_none_otherwise() -> None:
    assert same_place(KASSEL, BAUNATAL)
    assert not same_place(KASSEL, DRESDEN)
    assert same_place(None, None)
    assert not same_place(KASSEL, None)


def test_every_relabelled_message_is_the_text_of_its_set() -> None:
    for path in sorted(AGREEMENT.glob("*.jsonl")):
        rows = load(path)
        assert rows, path
        assert [row["text"] for row in originals(rows)] == [row["text"] for row in rows]


def test_compare_measures_the_reader_against_both_labellers() -> None:
    rows = load(sorted(AGREEMENT.glob("*.jsonl"))[0])[:3]

    def echo_second(text: str) -> dict[str, Any]:
        return next(row for row in rows if row["text"] == text)

    result = compare(rows, read=echo_second)
    assert result["NLU vs second labeller"].categories_exact == 3
    assert result["NLU vs first"].categories_exact == result["second labeller vs first"].categories_exact
