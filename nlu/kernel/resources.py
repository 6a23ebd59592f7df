"""Where the data files live: data/ at the top of the repository, or EHRENAMT_DATA_DIR."""

from __future__ import annotations

import os
from pathlib import Path

_REPO_DATA = Path(__file__).resolve().parents[2] / "data"


def data_dir() -> Path:
    """Returns the folder with taxonomy, gazetteer and word lists (read-only at run time)."""
    override = os.environ.get("EHRENAMT_DATA_DIR")
    return Path(override) if override else _REPO_DATA


def data_path(*parts: str) -> Path:
    """Returns the path of one data file and says clearly which one is missing."""
    path = data_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(
            f"data file {path} is missing; is the repository complete, or EHRENAMT_DATA_DIR set wrong?"
        )
    return path
