"""RateLearner: the send rate learnt from refusals, on virtual time (no clock, no sleeps)."""

from __future__ import annotations

import heapq
import itertools
import math

import pytest

from desktop_app.ai.rate_learner import CASCADE, RateLearner


def send(learner: RateLearner, at: float, cost: float = 1.0):
    held = learner.rate is not None and learner.next_at >= at - 1e-9
    return learner.sent(at, cost, held)


def test_nothing_is_paced_until_the_first_refusal_then_the_burst_gives_the_rate():
    learner = RateLearner(unit=1.0)
    assert learner.ready_at(5.0) == 5.0 and not learner.paced
    burst = [send(learner, 0.001 * i) for i in range(10)]  # ten at once, as the cap allows
    # A bucket holding one second's worth let four through: the refusals of the
    # other six arrive within a round trip and each lowers the estimate.
    for entry in burst[4:]:
        learner.refused(0.02, entry)
    assert learner.rate == pytest.approx(4.0)
    assert learner.next_at == pytest.approx(0.02 + 1 / 4.0)  # the bucket was just emptied


def test_paced_sends_are_spaced_by_the_rate_and_held_ones_raise_it_slowly():
    learner = RateLearner(unit=1.0)
    learner.configure(2.0)  # a known quota of 120 requests/min
    learner.configure(None)  # ... then learnt instead: starts from there
    assert learner.rate == 2.0
    t = 0.0
    for _ in range(10):
        t = learner.ready_at(t)
        send(learner, t)
    # Ten sends half a second apart (less the small raises), the rate up ~2.5 %.
    assert 4.3 < t < 4.5 and 2.0 < learner.rate < 2.1


def test_a_long_run_without_refusals_recovers_a_rate_that_is_far_too_low():
    learner = RateLearner(unit=1.0)
    learner.configure(None)
    learner.rate = 0.5
    t = 0.0
    for _ in range(50):
        t = learner.ready_at(t)
        send(learner, t)
    assert learner.rate > 4  # the raise doubles every few sends after a clean run
    assert t < 90


def test_a_refusal_cuts_the_rate_but_not_below_what_got_through():
    learner = RateLearner(unit=1.0)
    learner.rate = 10.0
    entries = []
    t = 0.0
    for _ in range(20):  # 20 sends in ~2 s; the service refuses every 4th: 3 of 4 got through
        t = learner.ready_at(t)
        entries.append(send(learner, t))
    for entry in entries[3::4][:-1]:
        learner.refused(entry.at + 0.01, entry)
    before = learner.rate
    learner.refused(entries[-1].at + 0.01, entries[-1])
    through = 3 / 4 * before  # roughly what the service accepted per second
    assert through * 0.8 < learner.rate < before


def test_after_a_refusal_the_next_send_is_timed_from_the_last_one_that_got_through():
    learner = RateLearner(unit=1.0)
    learner.rate = 1.0
    first = send(learner, 10.0)
    second = send(learner, 11.0)
    learner.refused(11.05, second)
    # Not a whole interval after the refusal: just after 10 s + 1 / (the cut rate).
    assert 11.05 <= learner.next_at < 11.2
    # Refused again and again: after CASCADE quick retries, the full interval.
    entry = second
    for _ in range(CASCADE):
        entry = send(learner, learner.ready_at(11.05))
        learner.refused(entry.at + 0.01, entry)
    assert learner.next_at == pytest.approx(entry.at + 1 / learner.rate)
    assert first.refused is False


def test_a_configured_quota_starts_the_pace_and_caps_it():
    learner = RateLearner(unit=1.0)
    learner.configure(100 / 60)
    assert learner.paced and learner.rate == pytest.approx(100 / 60)
    t = 0.0
    for _ in range(100):
        t = learner.ready_at(t)
        send(learner, t)
    assert learner.rate == pytest.approx(100 / 60)  # never above the quota
    assert t == pytest.approx(99 * 60 / 100)


# -- the whole loop, against a simulated token bucket (virtual time) ---------------------

def simulate(rate: float, latency: float, burst_seconds: float = 1.0,
             sections: int = 80) -> tuple[float, float]:
    """Sections through a learner against a bucket of `rate`/s holding `burst_seconds`
    worth; (throughput / rate after the burst, share of paced requests refused)."""
    learner = RateLearner(unit=1.0)
    capacity = max(1.0, rate * burst_seconds)
    level, last = capacity, 0.0
    events: list = []
    order = itertools.count()
    queue: list[int] = list(range(min(sections, math.ceil(rate * latency * 1.3) + 2)))
    waiting = queue[:]
    started, done, refused, paced, finish = len(queue), 0, 0, 0, 0.0
    t = 0.0
    while done < sections:
        if waiting:
            t_send = learner.ready_at(t)
            if not events or t_send <= events[0][0]:
                t = t_send
                waiting.pop(0)
                entry = send(learner, t)
                paced += entry.paced
                level = min(capacity, level + (t - last) * rate)
                last = t
                if level >= 1:
                    level -= 1
                    heapq.heappush(events, (t + latency, next(order), "ok", entry))
                else:
                    heapq.heappush(events, (t + 0.005, next(order), "no", entry))
                continue
        t, _, kind, entry = heapq.heappop(events)
        if kind == "no":
            refused += entry.paced
            learner.refused(t, entry)
            waiting.insert(0, 0)  # a refused request keeps its place
        else:
            done += 1
            finish = t
            if started < sections:
                started += 1
                waiting.append(0)
    steady = (sections - capacity) / (finish - latency) / rate
    return steady, refused / max(1, paced)


@pytest.mark.parametrize("rate", [0.5, 1, 2, 5])
@pytest.mark.parametrize("latency", [1, 15])
def test_against_a_token_bucket_the_pace_reaches_the_quota(rate, latency):
    steady, refused = simulate(rate, latency)
    assert steady >= 0.9, f"{steady:.2f} x R"
    assert refused < 0.3  # sending a little above the quota, not hammering it


def test_a_bigger_bucket_is_no_worse():
    for rate in (0.5, 2, 5):
        steady, _ = simulate(rate, 3, burst_seconds=10, sections=120)
        assert steady >= 0.9, f"R={rate}: {steady:.2f} x R"
