"""Cache points by model minimum, at most four; the first-request gate; limits and prices."""

from __future__ import annotations

import threading
import time

import pytest

from desktop_app.ai import prompts
from desktop_app.ai.cache_gate import CacheGate
from desktop_app.ai.layout import CACHE_POINT, place_points, section_layout
from desktop_app.ai.model_limits import DEFAULT_LIMITS, chain_limits, limits_for
from desktop_app.ai.prices import cache_prices, estimate_cost
from desktop_app.ai.provider import (
    AnalysisRequest,
    Cancelled,
    CancelToken,
    ContextMode,
    RequestContext,
    Usage,
)
from desktop_app.review.frameworks import find_framework

SONNET = "global.anthropic.claude-sonnet-4-5-20250929-v1:0"
HAIKU = "us.anthropic.claude-haiku-4-5-20251001-v1:0"


def request(shared: str = "", related: str = "") -> AnalysisRequest:
    context = RequestContext(ContextMode.WHOLE, shared, related, "d") if shared else None
    return AnalysisRequest("s1", "Summary", "The outage lasted 47 minutes.",
                           find_framework(None), "Report", context=context)


def test_model_limits_table_and_a_conservative_default():
    assert limits_for(HAIKU).min_cache_tokens == 4_096
    assert limits_for(SONNET).min_cache_tokens == 1_024
    assert limits_for("arn:aws:bedrock:eu-west-1:1:inference-profile/eu.anthropic."
                      "claude-sonnet-4-5-20250929-v1:0").min_cache_tokens == 1_024
    assert limits_for("mistral.large-2407-v1:0") == DEFAULT_LIMITS
    assert DEFAULT_LIMITS.min_cache_tokens == max(limits_for(m).min_cache_tokens
                                                  for m in (SONNET, HAIKU))
    chain = chain_limits([SONNET, HAIKU])
    assert chain.min_cache_tokens == 4_096 and chain.max_cache_points == 4


def test_place_points_carries_short_stretches_and_stops_at_the_limit():
    assert place_points([500, 600], 1_024, 4) == [False, True]  # 1,100 since the start
    assert place_points([2_000, 500], 1_024, 4) == [True, False]  # 500 since the first point
    assert place_points([2_000] * 6, 1_024, 4) == [True] * 4 + [False, False]
    assert place_points([100, 100], 4_096, 4) == [False, False]


def test_framework_is_cached_on_sonnet_but_not_on_haiku_where_it_is_too_short():
    sonnet = section_layout(request(), None, SONNET)
    assert sonnet.system[-1] == CACHE_POINT and sonnet.cache_key is not None
    assert 1_024 <= sonnet.prefix_tokens < 4_096
    haiku = section_layout(request(), None, HAIKU)
    assert CACHE_POINT not in haiku.system and haiku.cache_key is None
    assert haiku.prefix_tokens == 0 and haiku.tail_tokens > sonnet.tail_tokens


def test_context_goes_after_the_framework_and_before_a_cache_point_then_the_section():
    shared = prompts.data_block(prompts.CONTEXT_BEGIN, prompts.CONTEXT_END, "word " * 8_000)
    for model in (SONNET, HAIKU):
        layout = section_layout(request(shared, related="<<<BEGIN RELATED PASSAGES>>>"), None,
                                model)
        content = layout.messages[0]["content"]
        assert shared in content[0]["text"] and content[1] == CACHE_POINT
        assert prompts.RELATED_BEGIN in content[2]["text"]  # this request's own, not cached
        assert prompts.BEGIN_MARK in content[3]["text"]
        points = sum("cachePoint" in b for b in layout.system) + sum(
            "cachePoint" in b for b in content)
        assert points == len(layout.cached_tokens) <= 4
    # On Haiku the framework alone is below the minimum: one point covers both.
    assert len(section_layout(request(shared), None, HAIKU).cached_tokens) == 1
    assert len(section_layout(request(shared), None, SONNET).cached_tokens) == 2


def test_cache_key_names_the_prefix_not_the_section():
    shared = prompts.data_block(prompts.CONTEXT_BEGIN, prompts.CONTEXT_END, "word " * 8_000)
    a = section_layout(request(shared), None, SONNET)
    b = section_layout(request(shared), "Another section entirely.", SONNET)
    c = section_layout(request(shared + " "), None, SONNET)
    assert a.cache_key == b.cache_key != c.cache_key
    assert a.cache_key != section_layout(request(shared), None, HAIKU).cache_key


def test_cache_prices_read_and_write_per_model():
    price = (3.0, 15.0, 0.30)
    assert cache_prices(price) == (0.30, 3.75)
    assert cache_prices((1.0, 5.0, 0.1, 2.0)) == (0.1, 2.0)  # an explicit write price
    usage = Usage(cache_read_tokens=1_000_000, cache_write_tokens=1_000_000)
    assert estimate_cost("x", usage, {"x": (1.0, 5.0, 0.1, 2.0)}) == pytest.approx(2.1)
    assert estimate_cost(SONNET, usage) == pytest.approx(0.30 + 3.75)


# -- the gate ----------------------------------------------------------------------------


def run_through(gate: CacheGate, key: str, n: int, work, tokens: int = 10_000):
    """n threads pass the gate with the same key; returns the order they entered the body."""
    order: list[int] = []
    lock = threading.Lock()
    errors: list[BaseException] = []

    def one(i: int) -> None:
        try:
            with gate.passage(key, tokens, CancelToken(), 5.0):
                with lock:
                    order.append(i)
                work(i)
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    return order, errors


def test_gate_lets_one_request_go_first_then_the_rest_together():
    gate = CacheGate()
    inside = []
    first_done = threading.Event()
    lock = threading.Lock()
    concurrent = [0, 0]  # now, most

    def work(i: int) -> None:
        with lock:
            concurrent[0] += 1
            concurrent[1] = max(concurrent[1], concurrent[0])
            inside.append(first_done.is_set())
        time.sleep(0.05)
        with lock:
            concurrent[0] -= 1
        first_done.set()

    order, errors = run_through(gate, "k", 6, work)
    assert not errors and len(order) == 6
    assert inside[0] is False and all(inside[1:])  # the others waited for the first answer
    assert concurrent[1] > 1  # and then went together
    assert gate.held == 5


def test_gate_hands_over_to_the_next_request_when_the_first_fails():
    gate = CacheGate()
    calls = []

    def work(i: int) -> None:
        calls.append(i)
        if len(calls) == 1:
            time.sleep(0.05)
            raise RuntimeError("throttled")

    order, errors = run_through(gate, "k", 4, work)
    assert len(errors) == 1 and len(order) == 4


def test_gate_skips_small_prefixes_and_requests_without_a_cache_point():
    gate = CacheGate()
    with gate.passage("k", 100, CancelToken(), 1.0):
        with gate.passage("k", 100, CancelToken(), 1.0):  # would deadlock if gated
            pass
    with gate.passage(None, 50_000, CancelToken(), 1.0):
        pass
    assert gate.held == 0


def test_gate_waiters_can_be_cancelled_and_time_out():
    gate = CacheGate()
    release = threading.Event()

    def leader() -> None:
        with gate.passage("k", 10_000, CancelToken(), 5.0):
            release.wait(5)

    t = threading.Thread(target=leader)
    t.start()
    while not gate._prefixes.get("k") or not gate._prefixes["k"].leader:
        time.sleep(0.005)
    cancel = CancelToken()
    cancel.cancel()
    with pytest.raises(Cancelled):
        with gate.passage("k", 10_000, cancel, 5.0):
            pass
    with pytest.raises(TimeoutError):
        with gate.passage("k", 10_000, CancelToken(), 0.1):
            pass
    release.set()
    t.join(5)


def test_written_prefix_expires_so_a_paused_review_is_gated_again():
    now = [100.0]
    gate = CacheGate(ttl=270.0, clock=lambda: now[0])
    with gate.passage("k", 10_000, CancelToken(), 1.0):
        pass
    prefix = gate._prefixes["k"]
    with gate.passage("k", 10_000, CancelToken(), 1.0):
        assert not prefix.leader  # written: goes straight through
    now[0] += 271.0
    with gate.passage("k", 10_000, CancelToken(), 1.0):
        assert prefix.leader  # gone cold: this one leads again
