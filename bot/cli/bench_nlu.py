"""`ehrenamt-bot bench nlu`: per-message latency, pipeline ready time and resident memory of the NLU."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path

_DEFAULT_SET = Path(__file__).resolve().parents[2] / "tests" / "nlu" / "data" / "messages.jsonl"


def register_bench(bench_subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Adds `bench nlu`."""
    parser = bench_subparsers.add_parser(
        "nlu", help="time the NLU on the labelled messages",
        description="Loads the NLU (timed), then parses every labelled message --repeat times and prints "
                    "p50/p95/p99 per message, the ready time and the resident memory after loading.",
    )
    parser.add_argument("--file", type=Path, default=_DEFAULT_SET, help="JSONL with a 'text' per line")
    parser.add_argument("--repeat", type=int, default=5, help="passes over the messages (default: 5)")
    parser.add_argument("--long", type=int, default=1000, metavar="N",
                        help="also time N random 4,000-character inputs and print the slowest (default: 1000; 0: skip)")
    parser.set_defaults(func=run)


def resident_mb() -> float:
    """Returns this process's resident memory (VmRSS) in MB, read from /proc/self/status."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("VmRSS not found in /proc/self/status (Linux only)")


def percentile(sorted_values: list[float], share: float) -> float:
    """Returns the value below which `share` of the sorted values lie (nearest rank)."""
    index = min(len(sorted_values) - 1, max(0, round(share * len(sorted_values)) - 1))
    return sorted_values[index]


# Kinds of text a message of 4,000 characters may be: one run without spaces is the costly kind for a tokenizer
# (it strips prefixes and suffixes one by one), so symbol and emoji runs are weighted in.
_SYMBOLS = "!?.,;:-_*#+~'\"()[]{}<>/\\|@$%&=^`"
_EMOJI = [chr(code) for code in range(0x1F300, 0x1F650)]
_LETTERS = "abcdefghijklmnopqrstuvwxyzäöüßABCDEFGHIJKLMNOPQRSTUVWXYZ"
LONG_INPUT_CHARS = 4000


def random_long_input(rng: random.Random) -> str:
    """Returns one random text of LONG_INPUT_CHARS characters of a randomly chosen kind."""
    kind = rng.randrange(5)
    if kind == 0:  # any code point of the Basic Multilingual Plane and the emoji planes, surrogates left out
        pool = [chr(rng.choice((rng.randrange(0x20, 0xD800), rng.randrange(0xE000, 0x10000),
                                rng.randrange(0x1F000, 0x1FB00)))) for _ in range(LONG_INPUT_CHARS)]
        return "".join(pool)
    if kind == 1:  # one emoji or symbol repeated, or a run of mixed ones
        alphabet = rng.choice((rng.choice(_EMOJI), rng.choice(_SYMBOLS), "".join(_EMOJI[:40]) + _SYMBOLS))
    elif kind == 2:  # letters and symbols mixed, no spaces
        alphabet = _LETTERS + _SYMBOLS + "".join(_EMOJI[:20]) + "0123456789"
    elif kind == 3:  # words with occasional spaces
        alphabet = _LETTERS * 3 + "   " + _SYMBOLS + "0123456789"
    else:  # a normal message, repeated to length
        message = "Ich suche was mit Tieren in Kassel am Wochenende, gerne auch mit Kindern! 🐶 "
        return (message * (LONG_INPUT_CHARS // len(message) + 1))[:LONG_INPUT_CHARS]
    return "".join(rng.choice(alphabet) for _ in range(LONG_INPUT_CHARS))


def slowest_long_input(parse: Callable[[str], object], count: int) -> tuple[float, float, str]:
    """Parses `count` random long inputs (seeded, the same every run); returns the slowest wall and CPU times
    (seconds, not necessarily of the same input) and the text that was slowest on the wall clock."""
    rng = random.Random(4000)
    slowest, slowest_cpu, worst = 0.0, 0.0, ""
    for _ in range(count):
        text = random_long_input(rng)
        begin, begin_cpu = time.perf_counter(), time.thread_time()
        parse(text)
        elapsed, cpu = time.perf_counter() - begin, time.thread_time() - begin_cpu
        slowest_cpu = max(slowest_cpu, cpu)
        if elapsed > slowest:
            slowest, worst = elapsed, text
    return slowest, slowest_cpu, worst


def run(args: argparse.Namespace) -> int:
    """Measures and prints the figures."""
    texts = [json.loads(line)["text"] for line in args.file.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not texts:
        raise SystemExit(f"{args.file}: no messages")
    rss_before = resident_mb()
    started, started_cpu = time.perf_counter(), time.process_time()
    nlu = importlib.import_module("nlu")
    nlu.load()
    ready, ready_cpu = time.perf_counter() - started, time.process_time() - started_cpu
    rss_loaded = resident_mb()
    for text in texts:  # warm the word caches once, as a running bot would have them
        nlu.parse(text)
    timings: list[float] = []
    cpu: list[float] = []  # on a shared machine wall time includes waiting for a core; CPU time does not
    for _ in range(max(args.repeat, 1)):
        for text in texts:
            begin, begin_cpu = time.perf_counter_ns(), time.thread_time_ns()
            nlu.parse(text)
            timings.append((time.perf_counter_ns() - begin) / 1e6)
            cpu.append((time.thread_time_ns() - begin_cpu) / 1e6)
    timings.sort()
    cpu.sort()
    print(f"messages        {len(texts)} x {max(args.repeat, 1)} passes ({len(timings)} parses)")
    print(f"p50             {percentile(timings, 0.50):.2f} ms wall, {percentile(cpu, 0.50):.2f} ms CPU")
    print(f"p95             {percentile(timings, 0.95):.2f} ms wall, {percentile(cpu, 0.95):.2f} ms CPU")
    print(f"p99             {percentile(timings, 0.99):.2f} ms wall, {percentile(cpu, 0.99):.2f} ms CPU")
    print(f"mean            {statistics.fmean(timings):.2f} ms wall")
    print(f"ready           {ready:.2f} s wall, {ready_cpu:.2f} s CPU (import, both pipelines, gazetteer)")
    print(f"RSS loaded      {rss_loaded:.0f} MB (before import: {rss_before:.0f} MB)")
    print(f"RSS after runs  {resident_mb():.0f} MB")
    if args.long > 0:
        slowest, slowest_cpu, worst = slowest_long_input(nlu.parse, args.long)
        print(f"long inputs     slowest of {args.long} random {LONG_INPUT_CHARS}-character inputs: "
              f"{slowest * 1000:.1f} ms wall, {slowest_cpu * 1000:.1f} ms CPU (slowest began {worst[:8]!r})")
    print(f"cpus            {os.cpu_count()}, load average {os.getloadavg()[0]:.1f}")
    return 0
