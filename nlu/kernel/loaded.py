"""What a long-running process does once its data is loaded: the loaded objects leave the garbage collector's view.
The one implementation of it: nlu.load after building the pipelines, and the bot's warm-ups (chat, web, benchmarks)
after the gazetteer and the index vocabulary; the vocabulary's refresh settles what it loaded again."""

from __future__ import annotations

import gc


def settle() -> None:
    """Collects once, then moves every object alive now out of the garbage collector's view (gc.freeze): call it
    after a warm-up (pipelines, gazetteer, the index vocabulary).

    Left in view, the loaded objects are scanned by each full collection: the gazetteer's hundred thousand objects
    stalled a message by 30-70 ms; measured on the search benchmark's 497 requests at 100,000 listings (one process,
    the parse done before), one full collection stalled a request by about 350 ms, and all collections of the run took
    374 ms; frozen, 23 ms.
    """
    gc.collect()
    gc.freeze()


def settle_reloaded() -> None:
    """Moves objects loaded again (the index vocabulary's refresh every few minutes) out of the collector's view too,
    in a process that settled (settle ran: something is frozen); elsewhere (tests, one-off commands) nothing.

    Cheap enough for the request that triggers the refresh: the young generations are collected (their cyclic garbage
    is not frozen for good), not the old one, and the freeze itself only moves lists. Left unfrozen, the refreshed
    vocabulary brought back the full collections' stall that settle removed.
    """
    if gc.get_freeze_count():
        gc.collect(1)
        gc.freeze()
