"""Process-wide tuning that keeps the GUI thread responsive (no Qt)."""

from __future__ import annotations

import gc


def freeze_long_lived_objects() -> None:
    """Hide everything alive now from the cyclic garbage collector (gc.freeze).

    With Qt and boto3 loaded the process holds ~70,000 long-lived objects, and
    a full collection walks all of them: 60-70 ms measured, on whichever
    thread triggers it, holding the GIL, so the window stalls. Frozen objects
    are never scanned; new garbage is still collected as usual.
    """
    gc.freeze()
