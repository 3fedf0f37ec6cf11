"""What each context choice costs per section, through `margin review`: tokens and time.

For the sample report and the 872-page handbook, `margin review --provider
bedrock --context whole|related|section` runs as a user runs it (the review
session, the driver, the dispatcher, the analysis jobs, the provider: the
wired path; each section request carries the context and asks for key facts)
against the fake Bedrock in a child process, which answers after L seconds
and bills prompt caching as Bedrock does, with Sonnet 4.5's 1,024-token
minimum per cache checkpoint, at 4 characters a token. Printed per choice,
from the run's JSON report: requests, billed tokens per request (plain
input, cache writes, cache reads, output), the cost at Sonnet 4.5's prices,
the estimate made beforehand (`ai/estimate.py`, as the window shows it and
`--estimate` prints it: 3.5 characters a token, tool preamble, modelled
output and facts), and the run's time against the section-only run's; "ctx s"
is the time to build the context and every request's related passages on one
thread (CPU, measured here apart).

The fake's answer is one short finding and no facts, so output tokens (and the
cost's output share) are the fake's, not a model's; the estimate's output is
the modelled one (several findings and facts a section), which is most of the
gap between the two cost columns.

    python bench/context_bench.py [--latency 0.3] [--concurrency 8] [--no-handbook]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from throttle_bench import Endpoint  # noqa: E402

from desktop_app.ai.context import build_context  # noqa: E402
from desktop_app.ai.estimate import estimate_review  # noqa: E402
from desktop_app.ai.parts import split_parts  # noqa: E402
from desktop_app.ai.provider import Usage  # noqa: E402
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


def run(url: str, path: Path, doc, mode: str, concurrency: int) -> tuple[dict, float, object]:
    """`margin review` on the fake; the report's usage and the run's time, and the context
    and estimate made here beforehand."""
    framework = find_framework(None)
    t0 = time.perf_counter()  # the context and every request's related passages: CPU
    context = build_context(doc, mode, [MODEL])
    for section in doc.walk():
        for part in split_parts(section):
            context.for_request(section.id, part, section.title)
    context_seconds = time.perf_counter() - t0
    estimate = estimate_review(doc, framework, [MODEL], context=context, facts=True)
    with tempfile.TemporaryDirectory() as data:
        report = Path(data) / "r.json"
        env = dict(os.environ, MARGIN_DATA_DIR=data, QT_QPA_PLATFORM="offscreen",
                   AWS_ENDPOINT_URL_BEDROCK_RUNTIME=url, AWS_DEFAULT_REGION="us-east-1",
                   AWS_ACCESS_KEY_ID="bench", AWS_SECRET_ACCESS_KEY="bench",
                   PYTHONPATH=str(ROOT))
        proc = subprocess.run(
            [sys.executable, "-m", "desktop_app", "review", str(path), "--provider", "bedrock",
             "--model", MODEL, "--context", mode, "--concurrency", str(concurrency),
             "--report", str(report), "--quiet"],
            env=env, capture_output=True, text=True, timeout=1800)
        if proc.returncode != 0:
            raise SystemExit(f"margin review failed ({proc.returncode}): {proc.stderr}")
        data_json = json.loads(report.read_text(encoding="utf-8"))
    u = data_json["usage"]
    usage = Usage(u["requests"], u["retries"], u["input_tokens"], u["output_tokens"],
                  u["cache_read_tokens"], u["cache_write_tokens"])
    return ({"usage": usage, "cost": u["estimated_cost_usd"] or 0.0,
             "requests": u["requests"], "context_seconds": context_seconds},
            data_json["timing"]["seconds"], (context, estimate))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=float, default=0.3)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--no-handbook", action="store_true")
    args = parser.parse_args()
    docs = [("sample", SAMPLE)]
    if not args.no_handbook and HANDBOOK.exists():
        docs.append(("handbook", HANDBOOK))
    print(f"margin review on the fake Bedrock, {MODEL.split('.')[2]}, latency {args.latency} s, "
          f"concurrency {args.concurrency}; tokens per request as billed (4 chars/token)")
    print(f"{'doc':9} {'context':8} {'reqs':>4} {'input':>7} {'c.write':>8} {'c.read':>7} "
          f"{'output':>6} {'cost $':>8} {'est. $':>7} {'run s':>7} {'x sect.':>7} "
          f"{'ctx s':>6}  note")
    for name, path in docs:
        doc = load(str(path))
        rows = []
        for mode in ("section", "related", "whole"):
            endpoint = Endpoint()  # a cold cache for each choice
            try:
                configure(endpoint.url, args.latency)
                result, seconds, (context, estimate) = run(endpoint.url, path, doc, mode,
                                                           args.concurrency)
            finally:
                endpoint.close()
            rows.append((mode, result, seconds, context, estimate))
        base = rows[0][2]
        for mode, result, seconds, context, estimate in rows:
            u: Usage = result["usage"]
            n = result["requests"]
            print(f"{name:9} {mode:8} {n:4d} {u.input_tokens / n:7.0f} "
                  f"{u.cache_write_tokens / n:8.0f} {u.cache_read_tokens / n:7.0f} "
                  f"{u.output_tokens / n:6.0f} {result['cost']:8.3f} "
                  f"{estimate.cost_usd or 0:7.3f} {seconds:7.2f} {seconds / base:7.2f} "
                  f"{result['context_seconds']:6.2f}  {context.mode.value}: {context.note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
