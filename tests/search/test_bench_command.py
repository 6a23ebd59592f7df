"""`ehrenamt-bot bench search` runs end to end on a small throw-away database and prints its figures."""

from __future__ import annotations

import pytest

from bot.cli import main
from bot.search.benchmark.queries import LabelledQuery
from bot.search.benchmark.relevance import Precision


@pytest.mark.slow
def test_the_benchmark_prints_latency_speed_up_and_relevance(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "search", "--listings", "300", "--queries", "30", "--scan-queries", "6",
                 "--database", "sqlite"]) == 0
    out = capsys.readouterr().out
    assert "indexed search, sqlite" in out and "brute-force scan (6 req.)" in out
    assert "speed-up at p50, sqlite vs scan over 300 listings" in out
    assert "brute-force scan, with categories: P@5" in out
    assert "sqlite: this process p50" in out


def test_a_request_answered_by_asking_which_place_is_counted_apart_from_an_empty_one() -> None:
    # "Krobach" of the generated requests is Korbach or Kronach: the chat asks, it does not answer with nothing
    label = LabelledQuery("Krobach: Inklusion regelmäßig", frozenset({"disability_inclusion"}), "Korbach", 15.0,
                          ("regular",), False, "place+time")
    precision = Precision()
    precision.add(label, [], None, asked=True)
    precision.add(label, [], None)
    assert (precision.judged, precision.empty, precision.asked) == (2, 1, 1)
    assert precision.summary().endswith("no result for 1/2, 1 asked back which place")
