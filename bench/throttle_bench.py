"""Bedrock throughput benchmark, against the fake Bedrock server on 127.0.0.1.

Two runs through BedrockProvider.analyse() from a plain ThreadPoolExecutor,
with the product's default backoff and limiter settings (PRODUCT.md §3):

1. Throttled: the endpoint is a token bucket of R requests/s (burst R) with
   latency L; N sections at C workers must all succeed, at >= 0.85 x R
   successful requests per second.
2. Unthrottled: N sections at latency L and concurrency C must finish within
   1.1 x ceil(N/C) x L.

The fake runs in its own process, as the real endpoint is remote: in this
process its handler threads would compete with the client's for the GIL and
add ~10 ms to every call (`--in-process` shows that). The boto3 client is
created before timing (a one-off ~0.1-0.4 s import and set-up that a long
review pays once). Prints ratios measured in one run.

    python bench/throttle_bench.py [--rate 20] [--sections 200] [--workers 16]
                                   [--in-process]
"""

from __future__ import annotations

import argparse
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
from tests.fake_bedrock import FakeBedrock  # noqa: E402

MODEL = "global.anthropic.claude-sonnet-4-5-20250929-v1:0"


def requests_for(n: int) -> list[AnalysisRequest]:
    framework = find_framework(None)
    return [AnalysisRequest(f"s{i}", f"Section {i}",
                            f"Section {i} states its purpose late. It has a second sentence.\n"
                            f"A second paragraph with more text for section {i}.", framework)
            for i in range(n)]


class Endpoint:
    """The fake Bedrock, in this process or in a child process (scripted over HTTP)."""

    def __init__(self, in_process: bool) -> None:
        self._fake: FakeBedrock | None = None
        self._proc: subprocess.Popen[str] | None = None
        if in_process:
            self._fake = FakeBedrock().start()
            self.url = self._fake.url
        else:
            self._proc = subprocess.Popen([sys.executable, "-m", "tests.fake_bedrock"], cwd=ROOT,
                                          stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                          text=True)
            assert self._proc.stdout is not None
            self.url = self._proc.stdout.readline().strip()

    def configure(self, model: str, latency: float, rate: float | None = None) -> None:
        if self._fake is not None:
            self._fake.model(model).latency = latency
            if rate:
                self._fake.model(model).throttle(rate, rate)
            return
        body = {"latency": latency, **({"throttle": {"rate": rate, "burst": rate}} if rate
                                       else {})}
        request = urllib.request.Request(f"{self.url}/_fake/models/{quote(model, safe='')}",
                                         data=json.dumps(body).encode(), method="POST")
        with urllib.request.urlopen(request, timeout=5) as response:
            response.read()

    def stats(self, model: str) -> dict[str, int]:
        if self._fake is not None:
            data = self._fake.stats()
        else:
            with urllib.request.urlopen(f"{self.url}/_fake/stats", timeout=5) as response:
                data = json.loads(response.read())
        return data["models"].get(model, {"requests": 0, "throttled": 0})

    def close(self) -> None:
        if self._fake is not None:
            self._fake.stop()
        if self._proc is not None:
            assert self._proc.stdin is not None and self._proc.stdout is not None
            self._proc.stdin.close()  # the server stops when its stdin closes
            self._proc.wait(timeout=10)
            self._proc.stdout.close()


def run(provider: BedrockProvider, sections: list[AnalysisRequest],
        workers: int) -> tuple[float, int, list[str]]:
    errors: list[str] = []
    ok = 0
    lock = threading.Lock()

    def one(request: AnalysisRequest) -> None:
        nonlocal ok
        try:
            provider.analyse(request, CancelToken())
        except ProviderError as err:
            with lock:
                errors.append(err.message)
            return
        with lock:
            ok += 1

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(one, sections))
    return time.perf_counter() - started, ok, errors


def sample_limit(provider: BedrockProvider, stop: threading.Event, out: list[int]) -> None:
    while not stop.wait(0.01):
        out.append(provider.limiter.limit)


def throttled(fake: Endpoint, rate: float, n: int, workers: int, latency: float,
              window: float | None = None) -> bool:
    fake.configure(MODEL, latency, rate)
    config = BedrockConfig(region="us-east-1", endpoint_url=fake.url, models=[MODEL],
                           max_concurrency=workers)
    if window is not None:
        config.limiter_window = window
    with BedrockProvider(config) as provider:
        provider.prepare()
        samples: list[int] = []
        stop = threading.Event()
        sampler = threading.Thread(target=sample_limit, args=(provider, stop, samples))
        sampler.start()
        seconds, ok, errors = run(provider, requests_for(n), workers)
        stop.set()
        sampler.join()
        stats: dict[str, Any] = provider.limiter.stats()
    seen = fake.stats(MODEL)
    ratio = ok / seconds / rate
    converged = next((i for i, v in enumerate(samples) if v == 1), len(samples))
    steady = samples[converged:] or [stats["limit"]]
    steady_ratio = max(0, ok - rate) / seconds / rate  # without the bucket's initial burst
    print(f"throttled: N={n} R={rate:g}/s burst={rate:g} L={latency:g}s C={workers}: "
          f"{ok} ok, {len(errors)} failed in {seconds:.2f} s -> {ok / seconds:.1f} ok/s "
          f"= {ratio:.2f} x R (target >= 0.85; {steady_ratio:.2f} x R without the burst)")
    print(f"  requests {seen['requests']} ({seen['throttled']} throttled, {stats['cuts']} "
          f"cuts); limiter limit min {stats['min_limit']} max {stats['max_limit']} "
          f"(once down to 1: {min(steady)}..{max(steady)}, final {stats['limit']})")
    for message in errors[:3]:
        print("  failure:", message)
    return ratio >= 0.85 and not errors


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
    config = BedrockConfig(region="us-east-1", endpoint_url=fake.url, models=[model_id],
                           max_concurrency=workers)
    sections = requests_for(n)
    with BedrockProvider(config) as provider:
        provider.prepare()
        seconds, ok, errors = run(provider, sections, workers)
        floor = raw_boto3(provider._clients.runtime(), sections, model_id, workers)
    ideal = math.ceil(n / workers) * latency
    ratio = seconds / ideal
    print(f"unthrottled: N={n} L={latency:g}s C={workers}: {ok} ok, {len(errors)} failed in "
          f"{seconds:.2f} s vs ideal ceil(N/C) x L = {ideal:.2f} s -> {ratio:.2f} x "
          f"(target <= 1.10)")
    print(f"  same calls straight through boto3 (no limiter, retries or validation): "
          f"{floor:.2f} s -> {floor / ideal:.2f} x; the provider costs x {seconds / floor:.2f}")
    return ratio <= 1.10 and not errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rate", type=float, default=20.0)
    parser.add_argument("--sections", type=int, default=200)
    parser.add_argument("--workers", type=int, default=16)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--window", type=float, default=None,
                        help="limiter window in seconds (default: the product's)")
    parser.add_argument("--in-process", action="store_true",
                        help="run the fake server in this process (shares the GIL)")
    args = parser.parse_args()
    # Dummy credentials and no AWS config: the fake server is the only endpoint.
    os.environ.update(AWS_ACCESS_KEY_ID="bench", AWS_SECRET_ACCESS_KEY="bench",
                      AWS_EC2_METADATA_DISABLED="true")
    os.environ.pop("AWS_PROFILE", None)
    fake = Endpoint(args.in_process)
    print(f"fake Bedrock {'in this process' if args.in_process else 'in a child process'} "
          f"at {fake.url}")
    try:
        good = throttled(fake, args.rate, args.sections, args.workers, args.latency,
                        args.window)
        good = unthrottled(fake, 100, 10, 0.2) and good
    finally:
        fake.close()
    print("PASS" if good else "FAIL")
    return 0 if good else 1


if __name__ == "__main__":
    sys.exit(main())
