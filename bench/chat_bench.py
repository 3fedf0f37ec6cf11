"""Chat responsiveness: first text on screen, and the GUI while an answer streams.

The window's own parts: a ChatPanel (shown, offscreen) whose ChatJob streams
from BedrockProvider.converse_stream with a real boto3 client, against the
fake Bedrock in a child process (a remote endpoint does not share our GIL),
scripted to stream a long Markdown answer with section citations.

1. First text: from the first delta decoded by the client (the job stamps it
   when the StreamDelta comes out of the event-stream decoder) to the first
   paint of the answer view showing text (stamped after its paintEvent).
   Measured on an idle app and again under load. Target < 50 ms.
2. Longest GUI stall (a 5 ms QTimer heartbeat) while chat answers stream one
   after another alongside an analysis of N sections at concurrency C
   (the Dispatcher, BedrockProvider, the section tree model updated on every
   state change). Target < 50 ms.

The chat uses its own BedrockProvider (same endpoint), as the window does; it
shares the model's pacer with the analysis and takes the next send slot.

    QT_QPA_PLATFORM=offscreen python bench/chat_bench.py [--sections 100]
        [--concurrency 10] [--latency 1.0] [--chunk-delay 0.01]
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

ANALYSIS_MODEL = "global.anthropic.claude-sonnet-4-5-20250929-v1:0"
CHAT_MODEL = "global.anthropic.claude-haiku-4-5-20251001-v1:0"
THINK_MS = 300  # between an answer and the next question


def answer_chunks(section_ids: list[str], words: int = 1200) -> list[str]:
    """A long Markdown answer (paragraphs, a list, a table, code, citations) in small deltas."""
    parts = ["Here is what the document says about the question.\n\n"]
    i = 0
    while sum(len(p.split()) for p in parts) < words:
        sid = section_ids[i % len(section_ids)]
        parts.append(f"The section makes a claim that **needs a source**, and the figures "
                     f"it cites are not reconciled with the summary [§ {sid}]. ")
        if i % 5 == 4:
            parts.append("\n\n- first point to check\n- second point, with *emphasis*\n"
                         "- third point\n\n| Item | Value |\n|---|---|\n| pool | 40 |\n\n"
                         "```\nmaxPoolSize: 40\n```\n\n")
        i += 1
    text = "".join(parts)
    # About three tokens a delta, as Bedrock sends them.
    return [text[j:j + 12] for j in range(0, len(text), 12)]


def serve(chunks_file: str, delay: float) -> None:
    """Child process: the fake Bedrock with the chat model scripted; stops when stdin closes."""
    from tests.fake_bedrock import FakeBedrock, Reply

    chunks = Path(chunks_file).read_text(encoding="utf-8").split("\x00")
    fake = FakeBedrock().start()
    fake.model(CHAT_MODEL).always(Reply.stream(chunks, delay=delay))
    serve_until_stdin_closes(fake)


def serve_until_stdin_closes(fake) -> None:  # type: ignore[no-untyped-def]
    """Tell the parent the URL (first stdout line), serve until it closes our stdin."""
    print(fake.url, flush=True)
    try:
        sys.stdin.read()
    finally:
        fake.stop()


class ChildFake:
    """The fake Bedrock in a child process: `script --serve CHUNKS DELAY` (this file's
    `serve` unless another bench brings its own), talked to over HTTP and stdin."""

    def __init__(self, chunks: list[str], delay: float, tmp: Path,
                 script: Path | None = None) -> None:
        path = tmp / "chunks.txt"
        path.write_text("\x00".join(chunks), encoding="utf-8")
        script = (script or Path(__file__)).resolve()
        self.proc = subprocess.Popen(
            [sys.executable, str(script), "--serve", str(path), str(delay)],
            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        self.url = self.proc.stdout.readline().strip()

    def set_latency(self, model: str, latency: float) -> None:
        import json
        import urllib.request
        from urllib.parse import quote

        request = urllib.request.Request(f"{self.url}/_fake/models/{quote(model, safe='')}",
                                         data=json.dumps({"latency": latency}).encode(),
                                         method="POST")
        with urllib.request.urlopen(request, timeout=5) as response:
            response.read()

    def close(self) -> None:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=10)
        self.proc.stdout.close()


def main() -> int:  # noqa: PLR0915 - a linear script
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sections", type=int, default=100)
    parser.add_argument("--concurrency", type=int, default=10)
    parser.add_argument("--latency", type=float, default=1.0)
    parser.add_argument("--chunk-delay", type=float, default=0.01)
    parser.add_argument("--quiet-runs", type=int, default=15)
    parser.add_argument("--serve", nargs=2, metavar=("CHUNKS", "DELAY"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve[0], float(args.serve[1]))
        return 0

    from analysis_bench import HEADING, Heartbeat
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop_app.ai.bedrock import BedrockProvider
    from desktop_app.ai.config import BedrockConfig
    from desktop_app.document import load
    from desktop_app.review.frameworks import find_framework
    from desktop_app.session import ProviderIdentity, ReviewSession, Storage
    from desktop_app.ui.chat.message import ASSISTANT
    from desktop_app.ui.chat.panel import ChatPanel
    from desktop_app.ui.sections.model import SectionTreeModel
    from desktop_app.workers.dispatcher import Dispatcher
    from tests.docx_factory import p, write_docx

    os.environ.update(AWS_ACCESS_KEY_ID="bench", AWS_SECRET_ACCESS_KEY="bench",
                      AWS_EC2_METADATA_DISABLED="true")
    os.environ.pop("AWS_PROFILE", None)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        body = "".join(
            p(f"Section {i}", "Heading1")
            + p(f"Section {i} opens with a claim. It was reviewed by the team last week. "
                "Various figures were cited without a source.")
            for i in range(args.sections))
        doc = load(str(write_docx(tmp / "bench.docx", body, styles=HEADING)))
        sections = list(doc.walk())
        chunks = answer_chunks([s.id for s in sections[:8]])
        fake = ChildFake(chunks, args.chunk_delay, tmp)
        storage = Storage(lambda: tmp / "store")
        try:
            fake.set_latency(ANALYSIS_MODEL, args.latency)
            analysis = BedrockProvider(BedrockConfig(
                endpoint_url=fake.url, region="us-east-1", models=[ANALYSIS_MODEL],
                max_concurrency=args.concurrency))
            chat = BedrockProvider(BedrockConfig(endpoint_url=fake.url, region="us-east-1",
                                                 models=[CHAT_MODEL]))
            analysis.prepare()
            chat.prepare()
            session = ReviewSession(doc, find_framework(None), storage,
                                    ProviderIdentity("bedrock", (ANALYSIS_MODEL,)))
            panel = ChatPanel()
            panel.resize(480, 800)
            panel.show()
            panel.set_context(doc, session.chat, sections[0].id, lambda: chat)
            heartbeat = Heartbeat()
            latencies: list[float] = []
            completed = [0]

            def ask_and_wait(question: str, stop_once_painted: bool = False) -> float:
                loop = QEventLoop()
                panel.busy_changed.connect(lambda busy: None if busy else loop.quit())
                panel.ask(question)
                job = panel.current_job
                assert job is not None
                view = [v for v in panel.messages() if v.role == ASSISTANT][-1]
                poll = QTimer()
                if stop_once_painted:  # the first paint is all this run is for
                    poll.timeout.connect(
                        lambda: panel.stop() if view.text_view.first_text_paint_at else None)
                    poll.start(5)
                loop.exec()
                poll.stop()
                panel.busy_changed.disconnect()
                completed[0] += 1
                assert view.complete or stop_once_painted, view.status
                return (view.text_view.first_text_paint_at - job.first_delta_at) * 1000

            # 1. An idle app.
            for i in range(args.quiet_runs):
                latencies.append(ask_and_wait(f"Question {i}: what is unsupported here?",
                                              stop_once_painted=True))
                panel.clear_history(confirm=False)
            quiet = latencies[:]
            chars = sum(len(c) for c in chunks)

            # 2. Chat answers streaming one after another during an analysis.
            model = SectionTreeModel()
            model.set_document(doc)
            dispatcher = Dispatcher(analysis, find_framework(None),
                                    max_threads=args.concurrency)
            dispatcher.section_state_changed.connect(model.set_status)
            done: list[float] = []  # when the analysis finished
            dispatcher.run_finished.connect(lambda _progress: done.append(time.perf_counter()))
            loaded: list[float] = []
            heartbeat.start()
            started = time.perf_counter()
            # The analysis is started while the first answer streams (half a second
            # in), and answers keep streaming, one after another, until it ends: both
            # "analyse while chatting" and "ask while analysing".
            analyse_call: list[float] = []

            def start_analysis() -> None:
                analyse_call.append(time.perf_counter())
                dispatcher.analyse(sections)
                analyse_call.append(time.perf_counter())

            QTimer.singleShot(500, start_analysis)
            n = 0
            while not done:
                loaded.append(ask_and_wait(f"Loaded question {n}"))
                n += 1
                if n % 3 == 0:
                    panel.clear_history(confirm=False)
                pause = QEventLoop()  # a person reads the answer before asking again
                QTimer.singleShot(THINK_MS, pause.quit)
                pause.exec()
            elapsed = done[0] - analyse_call[0]
            heartbeat.timer.stop()
            progress = dispatcher.progress
            dispatcher.shutdown()
            panel.shutdown()
            QTimer.singleShot(0, app.quit)
            analysis.close()
            chat.close()
        finally:
            storage.close()
            fake.close()

    def fmt(values: list[float]) -> str:
        return (f"p50 {statistics.median(values):.1f} ms, max {max(values):.1f} ms "
                f"over {len(values)} answers")

    worst_first = max(quiet + loaded)
    print(f"answer: {len(chunks)} deltas, {chars:,} characters of Markdown, "
          f"{args.chunk_delay * 1000:g} ms apart (~{len(chunks) * args.chunk_delay:.1f} s)")
    print(f"first delta decoded -> first text painted, idle app: {fmt(quiet)}")
    print(f"first delta decoded -> first text painted, during the analysis: {fmt(loaded)}")
    print(f"  worst {worst_first:.1f} ms vs target 50 ms -> {worst_first / 50:.2f}x  "
          f"{'OK' if worst_first < 50 else 'OVER'}")
    print(f"analysis alongside: N={args.sections} C={args.concurrency} L={args.latency:g}s: "
          f"{progress.done} done, {progress.failed} failed in {elapsed:.2f} s (ideal "
          f"{math.ceil(args.sections / args.concurrency) * args.latency:.2f} s), while "
          f"{completed[0] - len(quiet)} chat answers streamed in full")
    stall = heartbeat.worst * 1000
    print(f"longest GUI-thread stall while chat streams alongside the analysis: "
          f"{stall:.1f} ms vs target 50 ms -> {stall / 50:.2f}x  {'OK' if stall < 50 else 'OVER'}")
    # Dispatcher.analyse() itself (submitting the first jobs, starting pool threads)
    # is one GUI-thread slice that analysis_bench.py alone measures too.
    call_start, call_end = analyse_call
    others = [gap for gap, when in heartbeat.gaps
              if when - gap - heartbeat.interval > call_end or when < call_start]
    other = max(others, default=0.0) * 1000
    print(f"  stalls overlapping Dispatcher.analyse() (one {(call_end - call_start) * 1000:.1f} "
          f"ms slice, as in analysis_bench.py) aside, the longest: "
          f"{f'{other:.1f} ms' if other else 'under 20 ms'}")
    if os.environ.get("BENCH_VERBOSE"):
        for gap, when in sorted(heartbeat.gaps, reverse=True)[:8]:
            print(f"  stall {gap * 1000:5.1f} ms at t={when - started:6.3f} s")
    return 0 if worst_first < 50 and stall < 50 and not progress.failed else 1


if __name__ == "__main__":
    sys.exit(main())
