"""How far two people agree when they label the same messages, and how far the NLU agrees with each.

`tests/nlu/data/agreement/` holds messages of development sets labelled a second time by someone who saw only the
labelling conventions (tests/nlu/data/README.md), never the first labels. Each row's `id` is `set:line` (the line
of the message in `tests/nlu/data/<set>.jsonl`, from 0). Run: `python -m nlu.agreement [file ...]`.

The figures say what a target can mean: a category F1 two careful people reach with each other is about the most a
parser can reach against either of them.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nlu.api import parse
from nlu.evaluate import LABELLED, PLACE_TOLERANCE_KM, Counts, load
from nlu.kernel.gazetteer import haversine_km

AGREEMENT = LABELLED / "agreement"
Labels = dict[str, Any]


@dataclass
class Agreement(Counts):
    """Category agreement of one labelling with another over many messages, and slot by slot."""

    messages: int = 0
    categories_exact: int = 0
    time_exact: int = 0
    place_same: int = 0

    def add(self, first: Labels, second: Labels) -> None:
        """Counts one message labelled twice (`first` is the reference)."""
        wanted, found = set(first.get("categories", [])), set(second.get("categories", []))
        self.messages += 1
        self.tp += len(wanted & found)
        self.fp += len(found - wanted)
        self.fn += len(wanted - found)
        self.categories_exact += wanted == found
        self.time_exact += set(first.get("time", [])) == set(second.get("time", []))
        self.place_same += same_place(first.get("place"), second.get("place"))

    def line(self, name: str) -> str:
        """Returns one line of figures."""
        share = 1 / self.messages if self.messages else 0.0
        return (f"{name:<28} category P/R/F1 {self.precision:.3f} / {self.recall:.3f} / {self.f1:.3f}, exact "
                f"{self.categories_exact * share:.3f}, time {self.time_exact * share:.3f}, "
                f"place {self.place_same * share:.3f}")


def same_place(first: Labels | None, second: Labels | None) -> bool:
    """Returns whether two place labels agree (both none, or within the evaluation's tolerance)."""
    if first is None or second is None:
        return first is None and second is None
    return haversine_km(first["lat"], first["lon"], second["lat"], second["lon"]) <= PLACE_TOLERANCE_KM


def parsed_labels(text: str) -> Labels:
    """Returns the NLU's reading of a message in the label format."""
    got = parse(text)
    place = None if got.place is None else {"lat": got.place.lat, "lon": got.place.lon}
    return {"categories": list(got.categories), "time": list(got.time), "place": place}


def originals(rows: Iterable[Labels], folder: Path = LABELLED) -> list[Labels]:
    """Returns, row by row, the first labels of each relabelled message (checking that the texts match)."""
    sets: dict[str, list[Labels]] = {}
    found: list[Labels] = []
    for row in rows:
        name, line = row["id"].rsplit(":", 1)
        labelled = sets.setdefault(name, load(folder / f"{name}.jsonl"))
        original = labelled[int(line)]
        if original["text"] != row["text"]:
            raise ValueError(f"{row['id']}: the text differs from the labelled set's")
        found.append(original)
    return found


def compare(rows: Sequence[Labels], read: Callable[[str], Labels] = parsed_labels) -> dict[str, Agreement]:
    """Returns the agreement of the second labeller and of the NLU with the first labels, and of the NLU with the
    second labeller."""
    first = originals(rows)
    result = {name: Agreement() for name in ("second labeller vs first", "NLU vs first", "NLU vs second labeller")}
    for original, second in zip(first, rows, strict=True):
        parsed = read(second["text"])
        result["second labeller vs first"].add(original, second)
        result["NLU vs first"].add(original, parsed)
        result["NLU vs second labeller"].add(second, parsed)
    return result


def main(argv: list[str] | None = None) -> int:
    """Prints the agreement figures of every relabelled file given (default: all in tests/nlu/data/agreement)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args(argv)
    for path in args.files or sorted(AGREEMENT.glob("*.jsonl")):
        rows = load(path)
        print(f"{path.name} ({len(rows)} messages)")
        for name, agreement in compare(rows).items():
            print("  " + agreement.line(name))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
