"""bot.loaded: the warm-ups' settling of the loaded objects."""

from __future__ import annotations

import gc

from bot.loaded import settle


def test_settle_moves_the_living_objects_out_of_the_collectors_view() -> None:
    kept = [object() for _ in range(100)]
    try:
        settle()
        assert gc.get_freeze_count() >= len(kept)
        assert gc.get_count()[0] < len(kept)  # what is alive now is no longer counted young
    finally:
        gc.unfreeze()  # the other tests' objects stay in view, as in any test run
