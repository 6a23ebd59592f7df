"""Commands the tests start as child processes run the code of the checkout under test."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_a_child_process_started_elsewhere_imports_this_checkout(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", "import bot; print(bot.__file__)"], capture_output=True, text=True,
                          timeout=60, cwd=tmp_path)
    assert Path(done.stdout.strip()).resolve().parents[1] == Path(__file__).resolve().parents[1], done.stderr
