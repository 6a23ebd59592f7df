"""The CPU time a process of this machine has used so far (Linux /proc): what benchmarks on a shared machine read,
since it hardly moves with the load that other work puts on the machine, as wall times do."""

from __future__ import annotations

import os
from pathlib import Path


def process_cpu_seconds(pid: int | None) -> float | None:
    """Returns the user and system CPU seconds a process used so far (Linux), or None."""
    if pid is None:
        return None
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime and stime
