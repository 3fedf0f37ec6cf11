"""Bedrock throughput under real quotas, against the fake Bedrock in a child process.

The endpoint throttles like an on-demand quota: an independent token bucket of
R requests/s holding one second's worth (R requests, at least one) per model,
and for the tokens case a bucket of T tokens/min (input and output, charged on
arrival) holding one second's worth; refusals say "Too many requests" or "Too
many tokens" as Bedrock does. Each answer takes L seconds. N sections go
through BedrockProvider.analyse() from C worker threads, C a cap well above
R x L (the concurrency needed) so that only the pace decides (PRODUCT.md §3).

Per point it prints throughput / R: sections answered per second once the
first burst is spent, (N - B) / (T - L), over R, where T is the run's time and
B the bucket (the burst and the last answer's latency are the same for every
client; a perfect one scores 1.00). In brackets the raw N / T / R and, for
comparison, what a perfect client would score raw. Target: >= 0.85 with no
failed section at every point.

1. The matrix R in {0.5, 1, 2, 5} req/s x L in {1, 3, 8, 15} s, bucket 1 s.
2. Bigger buckets (10 s worth) at L = 3 s: no worse.
3. Tokens per minute: sections of 1-10x the text (2.5-6k tokens a request
   with the framework prompt), T = 500k/min so that the tokens bind (about 2
   requests/s), L = 3 and 8 s; throughput in tokens over T / 60.
4. Two points unscaled (see --scale), to show the scaling is faithful.
5. Unthrottled: N sections at latency L and concurrency C finish within
   1.1 x ceil(N/C) x L.

--scale K runs a point K times faster: rates x K, latencies / K, and every
time constant of the client / K (the pacer's unit and patience, backoff,
start spacing; the old limiter's window). Bucket sizes in requests and tokens
stay the same, so every ratio is unchanged, as long as the machine keeps up:
the real request rate is kept at most 5/s (K = min(10, 5 / R), so R = 5 runs
unscaled), above which a loaded 2-core machine's CPU and thread wake-ups, not
the pacing, set the pace (measured: R = 1, L = 3 s gave 0.86 at K = 10 and
0.97 unscaled). Part 4 runs a scaled point again unscaled.

--botocore-adaptive replaces our pacing with botocore's `adaptive` retry mode
(its client-side rate limiter, CUBIC on the send rate) on the same client;
it cannot be scaled (its clock is its own), so it runs unscaled on --points.

    python bench/throttle_bench.py [--scale 10] [--points 1:3,5:8] [--parts 1,2,3,4,5]
                                   [--botocore-adaptive]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import os
import subprocess
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop_app.ai import prompts  # noqa: E402
from desktop_app.ai.bedrock import BedrockProvider  # noqa: E402
from desktop_app.ai.config import BedrockConfig  # noqa: E402
from desktop_app.ai.provider import AnalysisRequest, CancelToken, ProviderError  # noqa: E402
from desktop_app.review.frameworks import find_framework  # noqa: E402
from tests.fake_bedrock import FakeBedrock, Recorded, Reply  # noqa: E402

MODEL = "global.anthropic.claude-sonnet-4-5-20250929-v1:0"
FIELDS = {f.name for f in dataclasses.fields(BedrockConfig)}
PACER = "pace_unit" in FIELDS  # this branch's pacer, or the AIMD limiter it replaced
_serial = iter(range(1_000_000))
REAL_RATE_CAP = 5.0  # requests/s actually sent, at most, when a point is scaled


def requests_for(n: int, sizes: tuple[int, ...] = (1,)) -> list[AnalysisRequest]:
    framework = find_framework(None)
    out = []
    for i in range(n):
        filler = " ".join(f"Sentence {j} of section {i} adds detail." for j in
                          range(40 * sizes[i % len(sizes)] - 40))
        out.append(AnalysisRequest(
            f"s{i}", f"Section {i}",
            f"Section {i} states its purpose late. It has a second sentence.\n"
            f"A second paragraph with more text for section {i}. {filler}", framework))
    return out


def token_costs(sections: list[AnalysisRequest]) -> list[int]:
    """What the fake's tokens quota charges for each section's request."""
    fake = FakeBedrock()  # not started: only its counting
    out = []
    for r in sections:
        body = {"system": prompts.system_blocks(r.framework),
                "messages": [prompts.user_message(r)], "toolConfig": prompts.tool_config()}
        out.append(fake.token_cost(Recorded(MODEL, "converse", body, {}, 0.0), Reply.findings()))
    return out


class Endpoint:
    """The fake Bedrock in a child process (it must not share our GIL), scripted over HTTP."""

    def __init__(self) -> None:
        self._proc = subprocess.Popen([sys.executable, "-m", "tests.fake_bedrock"], cwd=ROOT,
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self._proc.stdout is not None
        self.url = self._proc.stdout.readline().strip()

    def configure(self, model: str, latency: float, rate: float | None = None,
                  burst: float | None = None, tpm: float | None = None,
                  tpm_burst: float | None = None) -> None:
        body: dict[str, Any] = {"latency": latency}
        if rate:
            body["throttle"] = {"rate": rate, "burst": burst}
        if tpm:
            body["tokens"] = {"per_minute": tpm, "burst": tpm_burst}
        request = urllib.request.Request(f"{self.url}/_fake/models/{quote(model, safe='')}",
                                         data=json.dumps(body).encode(), method="POST")
        with urllib.request.urlopen(request, timeout=5) as response:
            response.read()

    def stats(self, model: str) -> dict[str, int]:
        with urllib.request.urlopen(f"{self.url}/_fake/stats", timeout=5) as response:
            data = json.loads(response.read())
        return data["models"].get(model, {"requests": 0, "throttled": 0, "tokens": 0})

    def close(self) -> None:
        assert self._proc.stdin is not None and self._proc.stdout is not None
        self._proc.stdin.close()  # the server stops when its stdin closes
        self._proc.wait(timeout=10)
        self._proc.stdout.close()


def make_config(url: str, model: str, workers: int, scale: float) -> BedrockConfig:
    """The product's defaults, every time constant divided by `scale`."""
    defaults = BedrockConfig()
    values: dict[str, Any] = dict(region="us-east-1", endpoint_url=url, models=[model],
                                  max_concurrency=workers)
    for name in ("backoff_base", "backoff_cap", "request_spacing", "limiter_window",
                 "pace_unit", "throttle_patience"):
        if name in FIELDS:
            values[name] = getattr(defaults, name) / scale
    return BedrockConfig(**values)


class _Unpaced:
    """Stands in for our pacer when botocore's adaptive mode does the pacing."""

    def __init__(self, real: Any) -> None:
        self._real = real

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def release(self, send: Any, outcome: Any) -> None:
        from desktop_app.ai.pacer import Outcome

        self._real.release(send, Outcome.OTHER)  # learns nothing: never paces


def use_botocore_adaptive(provider: BedrockProvider, model: str, attempts: int = 50) -> None:
    """Swap in a client whose retries are botocore's adaptive mode, ours off."""
    from botocore.config import Config

    from desktop_app.ai.aws import client_config

    client = provider._clients.runtime()
    config = client_config(provider.config).merge(
        Config(retries={"mode": "adaptive", "total_max_attempts": attempts}))
    import boto3

    adaptive = boto3.session.Session().client("bedrock-runtime", region_name="us-east-1",
                                              endpoint_url=provider.config.endpoint_url,
                                              config=config)
    provider._clients._runtime = adaptive
    client.close()
    pacer = provider.pacer(model)
    provider._pacers[model] = _Unpaced(pacer)  # type: ignore[assignment]


def run(provider: BedrockProvider, sections: list[AnalysisRequest],
        workers: int) -> tuple[float, int, list[str], int]:
    errors: list[str] = []
    ok = requests = 0
    lock = threading.Lock()

    def one(request: AnalysisRequest) -> None:
        nonlocal ok, requests
        try:
            result = provider.analyse(request, CancelToken())
        except ProviderError as err:
            with lock:
                errors.append(err.message)
                requests += err.usage.requests
            return
        with lock:
            ok += 1
            requests += result.usage.requests

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(one, sections))
    return time.perf_counter() - started, ok, errors, requests


@dataclasses.dataclass
class Point:
    rate: float  # requests/s (unscaled)
    latency: float  # s (unscaled)
    bucket: float = 1.0  # seconds' worth
    tpm: float | None = None  # tokens/min (unscaled)
    scale: float = 10.0
    sections: int = 0
    workers: int = 0

    def __post_init__(self) -> None:
        if self.tpm:
            self.rate = max(self.rate, 20.0)  # the request limit does not bind
            self.sections = self.sections or 160
            self.workers = self.workers or max(12, math.ceil(2 * self.latency * 1.3) + 4)
            self.scale = min(self.scale, REAL_RATE_CAP / 2)  # ~2 requests/s get through
            return
        self.scale = min(self.scale, max(1.0, REAL_RATE_CAP / self.rate))
        self.sections = self.sections or max(40, round(6 * self.rate * self.latency),
                                             round(3 * self.rate * self.bucket))
        self.workers = self.workers or max(10, math.ceil(1.3 * self.rate * self.latency) + 2)

    @property
    def label(self) -> str:
        what = (f"T={self.tpm / 1000:.0f}k tok/min" if self.tpm else f"R={self.rate:g}/s")
        return (f"{what:>15} L={self.latency:>4g}s bucket={self.bucket:g}s "
                f"N={self.sections:<3} C={self.workers:<3}")


def measure(fake: Endpoint, point: Point, adaptive: bool = False) -> dict[str, Any]:
    k = point.scale
    model = f"{MODEL}-p{next(_serial)}"  # a fresh bucket per point
    sizes = (1, 3, 6, 10) if point.tpm else (1,)
    sections = requests_for(point.sections, sizes)
    requests_burst = max(1.0, point.rate * point.bucket)
    tpm_burst = None
    if point.tpm:
        # One second's worth, at least the largest request (or it could never pass).
        tpm_burst = max(point.tpm / 60 * point.bucket, 1.1 * max(token_costs(sections)))
    fake.configure(model, point.latency / k, point.rate * k, requests_burst,
                   tpm=point.tpm * k if point.tpm else None, tpm_burst=tpm_burst)
    config = make_config(fake.url, model, point.workers, k)
    with BedrockProvider(config) as provider:
        provider.prepare()
        if adaptive:
            use_botocore_adaptive(provider, model)
        seconds, ok, errors, counted = run(provider, sections, point.workers)
    seen = fake.stats(model)
    seconds *= k  # in unscaled seconds
    L = point.latency
    if point.tpm:
        allowed = point.tpm / 60
        burst = tpm_burst or 0.0
        used = seen["tokens"]
        steady = max(0.0, used - burst) / max(1e-9, seconds - L) / allowed
        raw = used / seconds / allowed
        perfect = used / ((used - burst) / allowed + L) / allowed
    else:
        burst = min(requests_burst, point.sections)
        steady = (ok - burst) / max(1e-9, seconds - L) / point.rate
        raw = ok / seconds / point.rate
        perfect = point.sections / ((point.sections - burst) / point.rate + L) / point.rate
    refused = seen["throttled"] / max(1, seen["requests"])
    return {"steady": steady, "raw": raw, "perfect": perfect, "refused": refused,
            "ok": ok, "errors": errors, "seconds": seconds, "requests": seen["requests"],
            "counted": counted}


def report(point: Point, r: dict[str, Any]) -> bool:
    good = r["steady"] >= 0.85 and not r["errors"]
    scaled = f"scale {point.scale:.3g}" if point.scale != 1 else "unscaled"
    print(f"  {point.label} {r['steady']:5.2f} x {'T/60' if point.tpm else 'R'} "
          f"(raw {r['raw']:.2f}, perfect raw {r['perfect']:.2f})  "
          f"{r['ok']:>3} ok {len(r['errors'])} failed  {r['refused']:4.0%} refused  "
          f"{r['seconds']:6.1f} s  [{scaled}]{'' if good else '  <-- below target'}",
          flush=True)
    if r["counted"] != r["requests"]:
        print(f"    usage counted {r['counted']} requests, the server saw {r['requests']}")
    for message in r["errors"][:2]:
        print("    failure:", message)
    return good


def raw_boto3(client: Any, sections: list[AnalysisRequest], model: str, workers: int) -> float:
    """The same calls straight through boto3: the floor any boto3-based provider has."""
    def one(request: AnalysisRequest) -> None:
        client.converse(modelId=model, system=prompts.system_blocks(request.framework),
                        messages=[prompts.user_message(request)],
                        toolConfig=prompts.tool_config(),
                        inferenceConfig={"maxTokens": 4096, "temperature": 0.2})

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(one, sections))
    return time.perf_counter() - started


def unthrottled(fake: Endpoint, n: int, workers: int, latency: float) -> bool:
    model_id = MODEL + "-free"
    fake.configure(model_id, latency)
    config = make_config(fake.url, model_id, workers, 1.0)
    sections = requests_for(n)
    with BedrockProvider(config) as provider:
        provider.prepare()
        seconds, ok, errors, _ = run(provider, sections, workers)
        floor = raw_boto3(provider._clients.runtime(), sections, model_id, workers)
    ideal = math.ceil(n / workers) * latency
    ratio = seconds / ideal
    print(f"unthrottled: N={n} L={latency:g}s C={workers}: {ok} ok, {len(errors)} failed in "
          f"{seconds:.2f} s vs ideal ceil(N/C) x L = {ideal:.2f} s -> {ratio:.2f} x "
          f"(target <= 1.10)")
    print(f"  same calls straight through boto3 (no pacing, retries or validation): "
          f"{floor:.2f} s -> {floor / ideal:.2f} x; the provider costs x {seconds / floor:.2f}")
    return ratio <= 1.10 and not errors


def parse_points(text: str) -> list[tuple[float, float]]:
    return [(float(r), float(L)) for r, L in (p.split(":") for p in text.split(","))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=10.0)
    parser.add_argument("--points", default=None,
                        help="R:L,... instead of the whole matrix (e.g. 1:3,5:8)")
    parser.add_argument("--parts", default="1,2,3,4,5",
                        help="which parts to run (see above), e.g. 1 or 3,4")
    parser.add_argument("--botocore-adaptive", action="store_true",
                        help="botocore's adaptive retry mode instead of our pacing (unscaled)")
    args = parser.parse_args()
    # Dummy credentials and no AWS config: the fake server is the only endpoint.
    os.environ.update(AWS_ACCESS_KEY_ID="bench", AWS_SECRET_ACCESS_KEY="bench",
                      AWS_EC2_METADATA_DISABLED="true")
    os.environ.pop("AWS_PROFILE", None)
    adaptive = args.botocore_adaptive
    scale = 1.0 if adaptive else args.scale
    pairs = (parse_points(args.points) if args.points else
             [(r, L) for r in (0.5, 1, 2, 5) for L in (1, 3, 8, 15)])
    who = ("botocore adaptive retry mode" if adaptive else
           "the pacer (ai/pacer.py)" if PACER else "the AIMD concurrency limiter")
    fake = Endpoint()
    print(f"pacing by {who}; fake Bedrock in a child process at {fake.url}")
    good = True
    started = time.perf_counter()
    parts = {int(x) for x in args.parts.split(",")} if not adaptive else {1}
    try:
        if 1 in parts:
            print(f"1. requests/s bucket of one second's worth (times scaled by up to "
                  f"{scale:g}):")
            for rate, latency in pairs:
                point = Point(rate, latency, scale=scale)
                good = report(point, measure(fake, point, adaptive)) and good
        if 2 in parts:
            print("2. bigger buckets (10 s worth):")
            for rate in (0.5, 1, 2, 5):
                point = Point(rate, 3, bucket=10, scale=scale)
                good = report(point, measure(fake, point)) and good
        if 3 in parts:
            print("3. tokens per minute (sections of 1-10x the text; the request limit "
                  "does not bind):")
            for latency in (3, 8):
                point = Point(20, latency, tpm=500_000, scale=scale)
                good = report(point, measure(fake, point)) and good
        if 4 in parts:
            print("4. unscaled, to compare with the same points scaled above:")
            for rate, latency in ((0.5, 3), (1, 3)):
                point = Point(rate, latency, scale=1)
                good = report(point, measure(fake, point)) and good
        if 5 in parts:
            good = unthrottled(fake, 100, 10, 0.2) and good
    finally:
        fake.close()
    print(f"{'PASS' if good else 'FAIL'} in {time.perf_counter() - started:.0f} s")
    return 0 if good else 1


if __name__ == "__main__":
    sys.exit(main())
