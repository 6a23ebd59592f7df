"""The parser of each command: argparse's, but one that may take its free words around its options."""

from __future__ import annotations

import argparse
from collections.abc import Sequence


class CommandParser(argparse.ArgumentParser):
    """A command's parser. With words_around_options, the words of its positional arguments may stand before,
    between and after the options ("search Tierheim --limit 1 in Kassel" is the text "Tierheim in Kassel"); a plain
    parser took the words before the first option as the text and refused the rest as unrecognised."""

    words_around_options = False
    _reading = False

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None,
    ) -> tuple[argparse.Namespace, list[str]]:
        """Parses the command's words; with words_around_options, argparse's intermixed parsing, which calls this
        again for each of its passes (those parse plainly)."""
        if not self.words_around_options or self._reading:
            return super().parse_known_args(args, namespace)
        self._reading = True
        try:
            return self.parse_known_intermixed_args(args, namespace)
        finally:
            self._reading = False
