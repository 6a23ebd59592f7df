"""A test-only hook: every SQL statement sleeps first, so a test can stop the bot in the middle of slow work."""

from __future__ import annotations

import logging
import os
import time
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

log = logging.getLogger(__name__)


def slow_statements_for_tests(variable: str) -> None:
    """With the environment variable set to a number of seconds, every SQL statement sleeps that long first."""
    seconds = float(os.environ.get(variable) or 0)
    if seconds <= 0:
        return

    def slow(*_args: Any) -> None:
        time.sleep(seconds)  # a slow disk: the loop is blocked as long as the statement runs

    event.listen(Engine, "before_cursor_execute", slow)
    log.warning("%s=%g: every SQL statement is slowed down (tests only)", variable, seconds)
