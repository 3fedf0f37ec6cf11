"""A folder of real documents in one `margin review` run, against the same one by one.

30 documents of the shared corpus (the first, in path order, that open and have at
most 40 sections, so that no single document decides the time) are copied into a
folder and reviewed twice against the fake Bedrock in a child process, with a
realistic latency and quota (each answer takes L seconds; the model takes R
requests a second, a token bucket holding one second's worth, as Bedrock's
requests-per-minute quota does):

1. in one run: `margin review FOLDER --report-dir D`, every document sharing one
   provider and its pacer;
2. one by one: `margin review DOC --report D/x.json` for each document in turn, as
   a script looping over the folder would.

Each starts from an empty store and a fresh endpoint. Printed: wall time of both
and their ratio, the requests each made (throttled ones counted apart), the run's
time against the quota's floor (requests / R), and the store's size after each
(database and write-ahead log). Calls nothing but the fake on 127.0.0.1.

    python bench/folder_bench.py [--latency 3] [--rate 2] [--documents 30]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop_app.document import DocumentError, load  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
MODEL = "global.anthropic.claude-sonnet-4-5-20250929-v1:0"
MAX_SECTIONS = 40


class Endpoint:
    """The fake Bedrock in a child process (it must not share the runs' GIL)."""

    def __init__(self, latency: float, rate: float) -> None:
        self._proc = subprocess.Popen([sys.executable, "-m", "tests.fake_bedrock"], cwd=ROOT,
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self._proc.stdout is not None
        self.url = self._proc.stdout.readline().strip()
        body = {"latency": latency, "throttle": {"rate": rate, "burst": rate}}
        request = urllib.request.Request(f"{self.url}/_fake/models/{quote(MODEL, safe='')}",
                                         data=json.dumps(body).encode(), method="POST")
        with urllib.request.urlopen(request, timeout=5) as response:
            response.read()

    def stats(self) -> dict[str, int]:
        with urllib.request.urlopen(f"{self.url}/_fake/stats", timeout=5) as response:
            data = json.loads(response.read())
        return data["models"].get(MODEL, {"requests": 0, "throttled": 0})

    def close(self) -> None:
        assert self._proc.stdin is not None and self._proc.stdout is not None
        self._proc.stdin.close()
        self._proc.wait(timeout=10)
        self._proc.stdout.close()


def pick(count: int) -> list[tuple[Path, int]]:
    """(path, sections) of the first `count` corpus documents that open, small enough."""
    chosen = []
    for path in sorted(CORPUS.rglob("*.docx")):
        try:
            doc = load(str(path))
        except DocumentError:
            continue
        sections = sum(1 for _ in doc.walk())
        if sections <= MAX_SECTIONS:
            chosen.append((path, sections))
        if len(chosen) == count:
            break
    return chosen


def environment(url: str, data: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(MARGIN_DATA_DIR=str(data), QT_QPA_PLATFORM="offscreen",
               AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing",
               AWS_DEFAULT_REGION="us-east-1", AWS_ENDPOINT_URL_BEDROCK_RUNTIME=url,
               AWS_CONFIG_FILE=str(data / "aws-config"),
               AWS_SHARED_CREDENTIALS_FILE=str(data / "aws-credentials"),
               AWS_EC2_METADATA_DISABLED="true",
               PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    return env


def margin(args: list[str], env: dict[str, str]) -> int:
    proc = subprocess.run([sys.executable, "-m", "desktop_app", "review", *args, "--provider",
                           "bedrock", "--model", MODEL, "--quiet"], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=3600)
    if proc.returncode not in (0, 5):
        print(proc.stderr[-2000:], file=sys.stderr)
    return proc.returncode


def store_size(data: Path) -> int:
    return sum(p.stat().st_size for p in data.glob("margin.sqlite3*") if p.is_file())


def run(label: str, latency: float, rate: float, work: Path, docs: list[Path],
        together: bool) -> tuple[float, dict[str, int], int, list[int]]:
    data = work / f"data-{label}"
    data.mkdir()
    out = work / f"out-{label}"
    endpoint = Endpoint(latency, rate)
    env = environment(endpoint.url, data)
    codes = []
    started = time.perf_counter()
    try:
        if together:
            codes.append(margin([str(work / "folder"), "--report-dir", str(out)], env))
        else:
            out.mkdir()
            for i, doc in enumerate(docs):
                codes.append(margin([str(doc), "--report", str(out / f"{i}.json")], env))
        wall = time.perf_counter() - started
        stats = endpoint.stats()
    finally:
        endpoint.close()
    return wall, stats, store_size(data), codes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=float, default=3.0, help="seconds per answer")
    parser.add_argument("--rate", type=float, default=2.0, help="requests/s the quota allows")
    parser.add_argument("--documents", type=int, default=30)
    args = parser.parse_args()
    chosen = pick(args.documents)
    sections = sum(n for _, n in chosen)
    work = Path(tempfile.mkdtemp(prefix="margin-folder-bench-"))
    try:
        folder = work / "folder"
        folder.mkdir()
        docs = []
        for i, (path, _n) in enumerate(chosen):
            target = folder / f"{i:02d} {path.name}"
            shutil.copyfile(path, target)
            docs.append(target)
        print(f"{len(docs)} corpus documents, {sections} sections; answers take "
              f"{args.latency:g} s, quota {args.rate:g} requests/s, concurrency cap 16")
        one = run("folder", args.latency, args.rate, work, docs, together=True)
        each = run("each", args.latency, args.rate, work, docs, together=False)
        print(f"{'':24} {'wall s':>8} {'requests':>9} {'throttled':>9} {'store KB':>9} "
              f"{'exit':>6}")
        for name, (wall, stats, size, codes) in (("one run (folder)", one),
                                                 ("one by one (30 runs)", each)):
            answered = stats["requests"] - stats.get("throttled", 0)
            print(f"{name:24} {wall:8.1f} {answered:9} {stats.get('throttled', 0):9} "
                  f"{size / 1024:9.0f} {max(codes):6}")
        floor = (one[1]["requests"] - one[1].get("throttled", 0)) / args.rate
        print(f"one by one / one run: {each[0] / one[0]:.2f}x the wall time; "
              f"one run / quota floor (requests / R = {floor:.0f} s): {one[0] / floor:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
