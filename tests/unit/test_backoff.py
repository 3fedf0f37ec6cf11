"""The backoff before retrying a call that failed for a reason other than throttling."""

from __future__ import annotations

from desktop_app.ai.backoff import backoff_delay


def test_backoff_is_full_jitter_exponential_and_capped():
    assert backoff_delay(1, base=0.5, cap=20, rng=lambda: 1.0) == 0.5
    assert backoff_delay(3, base=0.5, cap=20, rng=lambda: 1.0) == 2.0
    assert backoff_delay(10, base=0.5, cap=20, rng=lambda: 1.0) == 20
    assert backoff_delay(4, base=0.5, cap=20, rng=lambda: 0.0) == 0.0
    delays = [backoff_delay(3, base=0.5, cap=20) for _ in range(200)]
    assert all(0 <= d <= 2.0 for d in delays) and len(set(delays)) > 100
