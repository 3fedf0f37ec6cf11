"""Cost before you spend: the estimate against what the fake Bedrock reports for the same run."""

from __future__ import annotations

import json

import pytest

from desktop_app.ai.context import ContextMode, build_context
from desktop_app.ai.estimate import Assumptions, OutputModel, estimate_review
from desktop_app.ai.prices import estimate_cost
from desktop_app.ai.provider import Usage
from desktop_app.ai.tokens import CHARS_PER_TOKEN
from desktop_app.document import load
from tests.conftest import corpus_path
from tests.conftest_bedrock import FALLBACK, PRIMARY
from tests.fake_bedrock import Reply
from tests.unit.test_context import SAMPLE
from tests.unit.test_context_bedrock import FRAMEWORK, analyse_all, requests_for

# What the fake counts: 4 characters a token, no tool-use preamble.
AS_THE_FAKE = Assumptions(chars_per_token=4, tool_preamble_tokens=0, exact_related=True,
                          concurrency=1)


@pytest.fixture(scope="module")
def sample():
    return load(str(SAMPLE))


@pytest.mark.parametrize("mode", ["whole", "related", "section"])
def test_estimate_matches_what_the_fake_bills_for_each_context_mode(
        mode, fake_bedrock, bedrock_provider, sample):
    fake_bedrock.cache_min_tokens[PRIMARY] = 1_024  # Sonnet 4.5's minimum
    context = build_context(sample, mode)
    estimate = estimate_review(sample, FRAMEWORK, [PRIMARY, FALLBACK], context=context,
                               assumptions=AS_THE_FAKE)
    results = analyse_all(bedrock_provider(), requests_for(sample, context), workers=1)
    actual = Usage()
    for result in results:
        actual.add(result.usage)
    assert estimate.requests == actual.requests == len(fake_bedrock.requests)
    assert estimate.cache_write_tokens == pytest.approx(actual.cache_write_tokens, rel=0.01)
    assert estimate.cache_read_tokens == pytest.approx(actual.cache_read_tokens, rel=0.01)
    assert estimate.input_tokens == pytest.approx(actual.input_tokens, rel=0.02)
    assert (estimate.cache_write_tokens > 0) == (actual.cache_write_tokens > 0)


def test_concurrent_run_with_the_gate_writes_once_as_estimated(fake_bedrock, bedrock_provider,
                                                               sample):
    fake_bedrock.cache_min_tokens[PRIMARY] = 1_024
    fake_bedrock.model(PRIMARY).latency = 0.03
    context = build_context(sample, "whole")
    estimate = estimate_review(sample, FRAMEWORK, [PRIMARY], context=context,
                               assumptions=Assumptions(chars_per_token=4, tool_preamble_tokens=0))
    results = analyse_all(bedrock_provider(max_concurrency=8), requests_for(sample, context))
    written = sum(r.usage.cache_write_tokens for r in results)
    assert estimate.cache_write_tokens == pytest.approx(written, rel=0.01)


def test_default_assumptions_err_high_and_cost_uses_cache_prices(sample):
    context = build_context(sample, "whole")
    fake_like = estimate_review(sample, FRAMEWORK, [PRIMARY], context=context,
                                assumptions=AS_THE_FAKE)
    default = estimate_review(sample, FRAMEWORK, [PRIMARY], context=context)
    assert default.input_tokens + default.cache_read_tokens > (
        fake_like.input_tokens + fake_like.cache_read_tokens)
    usage = Usage(input_tokens=default.input_tokens, output_tokens=default.output_tokens,
                  cache_read_tokens=default.cache_read_tokens,
                  cache_write_tokens=default.cache_write_tokens)
    assert default.cost_usd == pytest.approx(estimate_cost(PRIMARY, usage))
    assert estimate_review(sample, FRAMEWORK, ["unknown.model-v1"], context=context
                           ).cost_usd is None
    text = default.summary()
    assert "whole document" in text and f"{default.cache_read_tokens:,}" in text


def test_an_ungated_prefix_is_written_by_each_first_concurrent_request(sample):
    """The framework alone (~3,500 tokens) is below the gate's threshold: the first
    requests in flight each write it, and the estimate says so; the whole document
    is gated and written once, whatever the concurrency."""
    def run(mode: str, concurrency: int):
        return estimate_review(sample, FRAMEWORK, [PRIMARY], mode=mode,
                               assumptions=Assumptions(concurrency=concurrency))

    one, eight = run("section", 1), run("section", 8)
    assert eight.cache_write_tokens == 8 * one.cache_write_tokens > 0
    assert eight.cache_read_tokens == (one.requests - 8) * one.cache_write_tokens
    assert run("whole", 8).cache_write_tokens == run("whole", 1).cache_write_tokens
    assert one.cost_usd < run("whole", 1).cost_usd  # alone, the section is the cheapest


def test_output_model_counts_findings_by_length_and_stops_at_max_tokens():
    model = OutputModel()
    assert model.section(0, False, 4096) == model.frame_tokens + model.finding_tokens
    assert model.section(1_500, False, 4096) == model.frame_tokens + 10 * model.finding_tokens
    assert model.section(100_000, False, 4096) == model.frame_tokens + 12 * model.finding_tokens
    assert model.section(500, True, 4096) == (model.frame_tokens + 3 * model.finding_tokens
                                              + 10 * model.fact_tokens)
    assert model.section(100_000, True, 1_000) == 1_000


def test_a_realistic_finding_is_about_as_long_as_the_output_model_says(fake_bedrock,
                                                                       bedrock_provider,
                                                                       sample):
    """Script the modelled number of findings, each a typical one: the fake's output count
    (the answer's JSON at 4 characters a token) should be near the modelled tokens."""
    finding = {"category": "consistency", "severity": "major", "confidence": 0.8,
               "quote": "The outage lasted 47 minutes, from the first failed payment at 09:18 "
                        "UTC until card payments were fully restored at 10:52 UTC.",
               "issue": "The stated duration does not match the times given: 09:18 to 10:52 "
                        "is 94 minutes, and the Impact section also says 94 minutes.",
               "suggestion": "Correct the duration to 94 minutes, or correct the times.",
               "rewrite": None, "checkpoints": ["IR-03"]}
    context = build_context(sample, "section")
    requests = requests_for(sample, context)
    model = OutputModel()
    for request in requests:
        count = model.findings(len(request.text.split()))
        fake_bedrock.model(PRIMARY).queue(Reply.findings([finding] * count))
    estimate = estimate_review(sample, FRAMEWORK, [PRIMARY], context=context)
    results = analyse_all(bedrock_provider(), requests, workers=1)
    actual = sum(r.usage.output_tokens for r in results)
    assert 0.7 < estimate.output_tokens / actual < 1.5
    assert len(json.dumps(finding)) / CHARS_PER_TOKEN <= model.finding_tokens


def test_handbook_estimate_is_quick_and_bounded_by_the_budget():
    doc = load(str(corpus_path("unstructured/example-docs__handbook-872p.docx")))
    context = build_context(doc)
    estimate = estimate_review(doc, FRAMEWORK, [PRIMARY], context=context, consistency=True,
                               facts=True)
    assert estimate.mode is ContextMode.RELATED
    per_request = (estimate.input_tokens + estimate.cache_read_tokens) / estimate.requests
    biggest_part = 48_000 / 3.5
    assert per_request < context.budget.shared_tokens + context.budget.related_tokens + (
        biggest_part) + 5_000
    assert estimate.consistency_requests >= 1 and estimate.cache_write_tokens > 0
