"""`ehrenamt-bot bench search` runs end to end on a small throw-away database and prints its figures."""

from __future__ import annotations

import pytest

from bot.cli import main


@pytest.mark.slow
def test_the_benchmark_prints_latency_speed_up_and_relevance(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "search", "--listings", "300", "--queries", "30", "--scan-queries", "6",
                 "--database", "sqlite"]) == 0
    out = capsys.readouterr().out
    assert "indexed search, sqlite" in out and "brute-force scan (6 req.)" in out
    assert "speed-up at p50, sqlite vs scan over 300 listings" in out
    assert "brute-force scan, with categories: P@5" in out
    assert "sqlite: this process p50" in out
