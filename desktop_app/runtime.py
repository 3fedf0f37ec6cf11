"""Process-wide tuning that keeps the GUI thread responsive (no Qt)."""

from __future__ import annotations

import gc
import sys

# How long a thread may hold the GIL while another waits for it (Python's default: 5 ms).
GUI_SWITCH_INTERVAL_S = 0.001


def freeze_long_lived_objects() -> None:
    """Hide everything alive now from the cyclic garbage collector (gc.freeze).

    With Qt and boto3 loaded the process holds ~70,000 long-lived objects, and
    a full collection walks all of them: 60-70 ms measured, on whichever
    thread triggers it, holding the GIL, so the window stalls. Frozen objects
    are never scanned; new garbage is still collected as usual.
    """
    gc.freeze()


def favour_the_gui_thread() -> None:
    """Let the GUI thread have the GIL back within ~1 ms, not 5, of asking for it.

    Every call into Qt releases the GIL; while ten analysis threads build
    requests and parse answers, getting it back could take up to the whole
    switch interval, several times a turn. bench/window_bench.py, the same run
    with 5 ms and with 1 ms, alternated (six pairs, 2 shared cores): the longest
    stall's median 16.3 -> 12.3 ms (findings tab) and 20.8 -> 16.0 ms (chat
    tab); throughput the same (1.123-1.134x either way).
    """
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
