"""What a long-running process does once its data is loaded: the loaded objects leave the garbage collector's view."""

from __future__ import annotations

import gc


def settle() -> None:
    """Collects once, then moves every object alive now out of the garbage collector's view (gc.freeze), as nlu.load
    does for the pipelines: call it after the warm-up (pipelines, gazetteer, the index vocabulary).

    Left in view, the gazetteer's and the vocabulary's objects were scanned by each full collection: measured on the
    search benchmark's 497 requests at 100,000 listings (one process, the parse done before), one full collection
    stalled a request by about 350 ms, and all collections of the run took 374 ms; frozen, 23 ms.
    """
    gc.collect()
    gc.freeze()
