"""The one error every subcommand may raise to refuse in one friendly line (kept light: `main` imports it)."""

from __future__ import annotations


class CommandError(Exception):
    """A failure to report to the person in one friendly line, without a traceback."""
