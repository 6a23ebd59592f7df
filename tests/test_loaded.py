"""nlu.kernel.loaded: the warm-ups' settling of the loaded objects."""

from __future__ import annotations

import gc

from nlu.kernel.loaded import settle, settle_reloaded


def _frozen(objects: list[list[int]]) -> bool:
    """Tells whether every object is out of the collector's view (in none of its generations)."""
    tracked = {id(item) for generation in range(3) for item in gc.get_objects(generation)}
    return not any(id(item) in tracked for item in objects)


def test_settle_moves_the_living_objects_out_of_the_collectors_view() -> None:
    gc.unfreeze()  # what earlier tests or loads froze would satisfy the counts below alone
    kept: list[list[int]] = [[] for _ in range(100)]  # lists are tracked by the collector (object() is not)
    try:
        assert not _frozen(kept)
        before = gc.get_freeze_count()
        settle()
        assert gc.get_freeze_count() >= before + len(kept)
        assert _frozen(kept)
    finally:
        gc.unfreeze()  # the other tests' objects stay in view, as in any test run


def test_a_reload_after_settling_is_frozen_too() -> None:
    gc.unfreeze()
    try:
        settle()
        reloaded: list[list[int]] = [[] for _ in range(100)]  # the refreshed vocabulary, loaded after the warm-up
        assert not _frozen(reloaded)
        settle_reloaded()
        assert _frozen(reloaded)
    finally:
        gc.unfreeze()


def test_a_process_that_never_settled_freezes_nothing_on_reload() -> None:
    gc.unfreeze()
    loaded: list[list[int]] = [[] for _ in range(100)]
    settle_reloaded()
    assert gc.get_freeze_count() == 0
    assert not _frozen(loaded)
