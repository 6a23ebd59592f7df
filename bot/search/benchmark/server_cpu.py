"""The PostgreSQL server's CPU spent on the benchmark's requests: figures that the machine's load hardly moves.

Wall times on the shared machine move with whatever else runs; the CPU the server's processes that answered
the requests used (read from /proc when the server runs on this machine) does not, and tells a slower engine
from a busier machine: the same statements on the same listings cost the same CPU.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession

from bot.process_cpu import process_cpu_seconds


@dataclass(slots=True)
class ServerCpu:
    """The server processes that answered requests, and the CPU seconds each had used when first seen or reset."""

    started: dict[int, float | None] = field(default_factory=dict)

    async def note(self, session: AsyncSession) -> None:
        """Notes the server process behind a session's connection (asyncpg's; other drivers are not followed)."""
        pooled = (await session.connection()).sync_connection
        driver = pooled.connection.driver_connection if pooled is not None else None
        pid = getattr(driver, "get_server_pid", lambda: None)()
        if isinstance(pid, int) and pid not in self.started:
            self.started[pid] = process_cpu_seconds(pid)

    def reset(self) -> None:
        """Starts counting again from now for every process noted so far."""
        self.started = {pid: process_cpu_seconds(pid) for pid in self.started}

    def used(self) -> float | None:
        """Returns the CPU seconds the noted processes used since noted or reset; None when they are not readable
        (a server on another machine or a process of another user)."""
        total = 0.0
        for pid, before in self.started.items():
            after = process_cpu_seconds(pid)
            if after is None or before is None:
                return None
            total += after - before
        return total if self.started else None
