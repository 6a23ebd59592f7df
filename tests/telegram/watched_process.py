"""A bot process whose output is read while it runs, so a test can wait for a line and stop it at that moment."""

from __future__ import annotations

import signal
import subprocess
import threading
import time


class WatchedProcess:
    """Collects a process's combined output in a daemon thread."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self.lines: list[str] = []
        self._changed = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    @property
    def output(self) -> str:
        """Returns everything printed so far."""
        with self._changed:
            return "".join(self.lines)

    def wait_for(self, text: str, timeout: float = 30.0) -> None:
        """Waits until a line containing the text was printed; fails with the output so far otherwise."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while not any(text in line for line in self.lines):
                left = deadline - time.monotonic()
                if left <= 0 or (self.process.poll() is not None and not self._reader.is_alive()):
                    raise AssertionError(f"no line with {text!r} after {timeout} s; output:\n{''.join(self.lines)}")
                self._changed.wait(min(left, 0.1))

    def stop(self, sig: signal.Signals = signal.SIGTERM, timeout: float = 20.0) -> tuple[int, float]:
        """Sends the signal; returns the exit code and the seconds the process took to end (kills it after timeout)."""
        started = time.monotonic()
        self.process.send_signal(sig)
        return self.wait(timeout, started)

    def wait(self, timeout: float = 20.0, started: float | None = None) -> tuple[int, float]:
        """Waits for the process to end by itself; kills it after timeout (the code is then negative)."""
        started = time.monotonic() if started is None else started
        try:
            code = self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait()
        self._reader.join(5)
        if self.process.stdout is not None:
            self.process.stdout.close()
        return code, time.monotonic() - started

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            with self._changed:
                self.lines.append(line)
                self._changed.notify_all()
        with self._changed:
            self._changed.notify_all()
