"""Which labelled sets are blind: a file or set whose name holds "blind" is scored only, its failures are never
listed and it is never trained or tuned on (tests/nlu/data/README.md, tests/search/fixtures/README.md). Every
scorer and trainer asks this one test before it lists or learns."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def any_blind(names: Iterable[str | Path]) -> bool:
    """Tells whether any of the named files or sets ("leipzig-blind", tests/nlu/data/natural_blind.jsonl) is blind."""
    return any("blind" in Path(name).name for name in names)
