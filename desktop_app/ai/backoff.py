"""How long to wait before retrying a call that failed for a reason other than throttling.

Throttled calls are not backed off: they go back to the pacer (ai/pacer.py),
which sends them again when their turn comes.
"""

from __future__ import annotations

import random
from collections.abc import Callable


def backoff_delay(attempt: int, base: float = 0.5, cap: float = 20.0,
                  rng: Callable[[], float] = random.random) -> float:
    """Seconds to wait before retry number `attempt` (1 = the first retry).

    Exponential with full jitter (uniform in [0, min(cap, base * 2**(attempt-1))]):
    spreads the retries of many threads that failed together instead of sending
    them back in one synchronised burst.
    """
    ceiling = min(cap, base * (2 ** max(0, attempt - 1)))
    return ceiling * rng()
