"""The word lists of follow-up messages (data/chat/followups.toml), read once for the modules that take their words
from it: followups, radius_wish and region_wish."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from typing import Any

from nlu.kernel.resources import data_path


@lru_cache(maxsize=1)
def followup_lists() -> dict[str, Any]:
    """Returns followups.toml as written (list name -> words or phrases); each reader folds what it takes."""
    with data_path("chat", "followups.toml").open("rb") as handle:
        return tomllib.load(handle)
