"""What each context choice costs per section, against the fake Bedrock: tokens and time.

For the sample report and the 872-page handbook, each section (in parts, as
the analysis job cuts it) goes through BedrockProvider.analyse() at
concurrency C with the context `whole`, `related` and `section`; the fake
(in a child process, as the real endpoint is remote) answers after L seconds
and bills prompt caching as Bedrock does, with Sonnet 4.5's 1,024-token
minimum per cache checkpoint, at 4 characters a token. Printed per choice:
requests, billed tokens per request (plain input, cache writes, cache reads,
output), the cost at Sonnet 4.5's prices, the estimate made beforehand with
the default assumptions (3.5 characters a token, tool preamble, modelled
output), and the wall time of the requests against the section-only run;
"ctx s" is the time to build the context and every request's related
passages on one thread (CPU, apart from the wall time), and "held" counts
the requests the first-request gate held back until the cache was written.

The fake's answer is one short finding, so output tokens (and the cost's
output share) are the fake's, not a model's; the estimate's output is the
modelled one (several findings a section), which is most of the gap between
the two cost columns.

    python bench/context_bench.py [--latency 0.3] [--concurrency 8] [--no-handbook]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from throttle_bench import Endpoint  # noqa: E402

from desktop_app.ai.bedrock import BedrockProvider  # noqa: E402
from desktop_app.ai.config import BedrockConfig  # noqa: E402
from desktop_app.ai.context import build_context  # noqa: E402
from desktop_app.ai.estimate import estimate_review  # noqa: E402
from desktop_app.ai.parts import split_parts  # noqa: E402
from desktop_app.ai.prices import estimate_cost  # noqa: E402
from desktop_app.ai.provider import AnalysisRequest, CancelToken, Usage  # noqa: E402
from desktop_app.document import load  # noqa: E402
from desktop_app.review.frameworks import find_framework  # noqa: E402

MODEL = "global.anthropic.claude-sonnet-4-5-20250929-v1:0"
SAMPLE = ROOT / "resources" / "samples" / "Margin sample - incident investigation.docx"
HANDBOOK = ROOT.parent / "shared" / "corpus" / "unstructured" / "example-docs__handbook-872p.docx"


def configure(url: str, latency: float) -> None:
    body = json.dumps({"latency": latency, "cache_min_tokens": 1_024}).encode()
    request = urllib.request.Request(f"{url}/_fake/models/{quote(MODEL, safe='')}", data=body,
                                     method="POST")
    with urllib.request.urlopen(request, timeout=5) as response:
        response.read()


def run(url: str, doc, mode: str, concurrency: int) -> tuple[dict, float, object]:
    framework = find_framework(None)
    config = BedrockConfig(endpoint_url=url, region="us-east-1", models=[MODEL],
                           max_concurrency=concurrency)
    provider = BedrockProvider(config)
    provider.prepare()  # boto3 and the client: paid once per session, not per review
    # The context and every request's related passages, on one thread: CPU, timed apart.
    t0 = time.perf_counter()
    context = build_context(doc, mode, [MODEL])
    requests = []
    for section in doc.walk():
        parts = split_parts(section)
        requests += [AnalysisRequest(section.id, section.title, part, framework, doc.title, i,
                                     len(parts), context.for_request(section.id, part,
                                                                     section.title))
                     for i, part in enumerate(parts, 1)]
    context_seconds = time.perf_counter() - t0
    total = Usage()
    started = time.perf_counter()
    with provider, ThreadPoolExecutor(concurrency) as pool:
        for result in pool.map(lambda r: provider.analyse(r, CancelToken()), requests):
            total.add(result.usage)
        held = provider.cache_gate.held
    seconds = time.perf_counter() - started
    estimate = estimate_review(doc, framework, [MODEL], context=context)
    return ({"usage": total, "held": held, "requests": len(requests),
             "context_seconds": context_seconds}, seconds, (context, estimate))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=float, default=0.3)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--no-handbook", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "bench")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "bench")
    docs = [("sample", SAMPLE)]
    if not args.no_handbook and HANDBOOK.exists():
        docs.append(("handbook", HANDBOOK))
    print(f"fake Bedrock, {MODEL.split('.')[2]}, latency {args.latency} s, concurrency "
          f"{args.concurrency}; tokens per request as billed (4 chars/token)")
    print(f"{'doc':9} {'context':8} {'reqs':>4} {'input':>7} {'c.write':>8} {'c.read':>7} "
          f"{'output':>6} {'cost $':>8} {'est. $':>7} {'wall s':>7} {'x sect.':>7} "
          f"{'ctx s':>6} held  note")
    for name, path in docs:
        doc = load(str(path))
        rows = []
        for mode in ("section", "related", "whole"):
            endpoint = Endpoint(in_process=False)  # a cold cache for each choice
            try:
                configure(endpoint.url, args.latency)
                result, seconds, (context, estimate) = run(endpoint.url, doc, mode,
                                                           args.concurrency)
            finally:
                endpoint.close()
            rows.append((mode, result, seconds, context, estimate))
        base = rows[0][2]
        for mode, result, seconds, context, estimate in rows:
            u: Usage = result["usage"]
            n = result["requests"]
            cost = estimate_cost(MODEL, u) or 0.0
            print(f"{name:9} {mode:8} {n:4d} {u.input_tokens / n:7.0f} "
                  f"{u.cache_write_tokens / n:8.0f} {u.cache_read_tokens / n:7.0f} "
                  f"{u.output_tokens / n:6.0f} {cost:8.3f} {estimate.cost_usd or 0:7.3f} "
                  f"{seconds:7.2f} {seconds / base:7.2f} {result['context_seconds']:6.2f} "
                  f"{result['held']:4d}  "
                  f"{context.mode.value}: {context.note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
