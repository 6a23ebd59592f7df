"""A bot process for the crash test: delivers every running broadcast, recording deliveries durably.

Run as: python crash_worker.py DATABASE_URL DELIVERY_LOG CAPACITY [SCHEMA]. Prints "started" once it is about
to deliver; the test kills it with SIGKILL at a random moment after that and starts it again.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from bot.broadcasts import BroadcastRunner, DeliveryConfig
from bot.broadcasts.simulated import SimulatedTelegram
from bot.store.db import Database

CONFIG = DeliveryConfig(rate_per_second=400.0, per_chat_interval=0.0, max_in_flight=8, poll_seconds=0.02,
                        lease_seconds=0.5)


async def main(url: str, log_path: str, capacity: int, schema: str | None) -> None:
    """Delivers until nothing is left, through a simulated Telegram that appends each delivery to a log."""
    database = Database(url, schema=schema)
    sender = SimulatedTelegram(capacity=capacity, latency=(0.002, 0.012), p403=0.05, log_path=Path(log_path))
    try:
        print("started", flush=True)
        await BroadcastRunner(database, sender, config=CONFIG).run_until_idle()
    finally:
        sender.close()
        await database.close()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] if len(sys.argv) > 4 else None))
