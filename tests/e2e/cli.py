"""Running `margin` as a user would: a subprocess of this interpreter."""

from __future__ import annotations

import subprocess
import sys


def margin(args: list[str], env: dict[str, str], timeout: float = 180
           ) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop_app", *args], capture_output=True,
                          text=True, env=env, timeout=timeout)
