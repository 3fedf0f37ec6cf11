"""Whole-pipeline throughput and GUI responsiveness during an analysis.

The window's own parts: the Dispatcher on a QThreadPool, BedrockProvider with
a real boto3 client, the fake Bedrock in a child process (a remote endpoint
does not share our GIL), and the section tree model updated on every state
change. A 5 ms QTimer heartbeat on the GUI thread measures the longest stall.

Prints, from one run:
- throughput: N sections at latency L and concurrency C vs ceil(N/C) x L
  (target <= 1.1x);
- the longest GUI-thread stall while they run (target < 50 ms).

    QT_QPA_PLATFORM=offscreen python bench/analysis_bench.py [--sections 100]
        [--concurrency 10] [--latency 1.0]
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from throttle_bench import MODEL, Endpoint  # noqa: E402

from desktop_app.ai.bedrock import BedrockProvider  # noqa: E402
from desktop_app.ai.config import BedrockConfig  # noqa: E402
from desktop_app.document import load  # noqa: E402
from desktop_app.review.frameworks import find_framework  # noqa: E402
from desktop_app.ui.sections.model import SectionTreeModel  # noqa: E402
from desktop_app.workers.dispatcher import Dispatcher  # noqa: E402
from tests.docx_factory import p, write_docx  # noqa: E402

HEADING = ('<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
           '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>')


class Heartbeat:
    """Ticks every `interval` ms; the largest gap beyond it is the longest stall."""

    def __init__(self, interval_ms: int = 5) -> None:
        self.interval = interval_ms / 1000
        self.last = time.perf_counter()
        self.worst = 0.0
        self.gaps: list[tuple[float, float]] = []  # (gap, when) of the worst few
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        gap = now - self.last - self.interval
        if gap > 0.02:
            self.gaps.append((gap, now))
        self.worst = max(self.worst, gap)
        self.last = now

    def start(self) -> None:
        self.last = time.perf_counter()
        self.timer.start()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sections", type=int, default=100)
    parser.add_argument("--concurrency", type=int, default=10)
    parser.add_argument("--latency", type=float, default=1.0)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        body = "".join(
            p(f"Section {i}", "Heading1")
            + p(f"Section {i} opens with a claim. It was reviewed by the team last week. "
                "Various figures were cited without a source.")
            for i in range(args.sections)
        )
        doc = load(str(write_docx(Path(tmp) / "bench.docx", body, styles=HEADING)))
    sections = list(doc.walk())
    endpoint = Endpoint()  # a child process: the server must not share our GIL
    try:
        endpoint.configure(MODEL, args.latency)
        config = BedrockConfig(endpoint_url=endpoint.url, region="us-east-1", models=[MODEL],
                               max_concurrency=args.concurrency)
        os.environ.setdefault("AWS_ACCESS_KEY_ID", "bench")
        os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "bench")
        provider = BedrockProvider(config)
        provider.prepare()  # the client is built once per session, not per review
        model = SectionTreeModel()
        model.set_document(doc)
        dispatcher = Dispatcher(provider, find_framework(None), max_threads=args.concurrency)
        dispatcher.section_state_changed.connect(model.set_status)
        heartbeat = Heartbeat()
        loop = QEventLoop()
        dispatcher.run_finished.connect(loop.quit)
        heartbeat.start()
        start = time.perf_counter()
        dispatcher.analyse(sections)
        loop.exec()
        elapsed = time.perf_counter() - start
        heartbeat.timer.stop()
        progress = dispatcher.progress
        dispatcher.shutdown()
        provider.close()
    finally:
        endpoint.close()
    ideal = math.ceil(args.sections / args.concurrency) * args.latency
    ratio = elapsed / ideal
    print(f"N={args.sections} L={args.latency}s C={args.concurrency}: {progress.done} done, "
          f"{progress.failed} failed in {elapsed:.2f} s vs ideal {ideal:.2f} s -> "
          f"{ratio:.3f}x (target <= 1.1)  "
          f"{'OK' if ratio <= 1.1 and not progress.failed else 'OVER'}")
    if os.environ.get("BENCH_VERBOSE"):  # where the longest stalls happened
        for gap, when in sorted(heartbeat.gaps, reverse=True)[:8]:
            print(f"  stall {gap * 1000:5.1f} ms at t={when - start:6.3f} s")
    stall = heartbeat.worst * 1000
    print(f"longest GUI-thread stall during the run: {stall:.1f} ms (target < 50)  "
          f"{'OK' if stall < 50 else 'OVER'}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
