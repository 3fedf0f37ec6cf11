"""Dispatch overhead per section: submit -> job running, and result -> tree updated.

A provider that answers at once isolates the dispatcher's own cost: the
QThreadPool hand-off on the way in, and the queued signal to the GUI thread
plus the tree model's update on the way out. Sections go one at a time, so no
job waits behind another (that would measure queueing, not dispatch); a
second pass sends waves as large as the pool, where results of jobs that end
at the same instant queue up on the GUI thread, as context.
Targets (PRODUCT.md §3): p50 < 1 ms, p99 < 5 ms.

    QT_QPA_PLATFORM=offscreen python bench/dispatch_bench.py [--sections N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop_app.ai.provider import AnalysisResult, Usage  # noqa: E402
from desktop_app.document import load  # noqa: E402
from desktop_app.review.frameworks import find_framework  # noqa: E402
from desktop_app.ui.sections.model import SectionTreeModel  # noqa: E402
from desktop_app.workers.dispatcher import Dispatcher  # noqa: E402
from tests.docx_factory import p, write_docx  # noqa: E402


class InstantProvider:
    name = "instant"
    models: list[str] = []

    def cache_identity(self) -> str:
        return "instant"

    def analyse(self, request, cancel) -> AnalysisResult:
        return AnalysisResult([], None, Usage())


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def run_waves(sections, model, wave: int, threads: int) -> tuple[list[float], list[float]]:
    dispatcher = Dispatcher(InstantProvider(), find_framework(None), max_threads=threads)
    delivery: list[float] = []

    def on_state(sid: str, state: str) -> None:
        model.set_status(sid, state)
        if state == "done":
            delivery.append(time.perf_counter() - dispatcher.reported_at[sid])

    dispatcher.section_state_changed.connect(on_state)
    loop = QEventLoop()
    dispatcher.run_finished.connect(loop.quit)
    for start in range(0, len(sections), wave):
        dispatcher.analyse(sections[start:start + wave])
        if dispatcher.busy:
            loop.exec()
    dispatcher.shutdown()
    return dispatcher.pickup_seconds, delivery


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sections", type=int, default=400)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        body = "".join(p(f"Section {i}", "Heading1") + p(f"Body text number {i}.")
                       for i in range(args.sections))
        styles = ('<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
                  '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>')
        doc = load(str(write_docx(Path(tmp) / "bench.docx", body, styles=styles)))
    sections = list(doc.walk())
    model = SectionTreeModel()
    model.set_document(doc)
    verdict = ""
    for wave in (1, args.threads):
        pickup, delivery = run_waves(sections, model, wave, args.threads)
        label = "one at a time" if wave == 1 else f"waves of {wave} (context)"
        print(f"{len(sections)} sections, {label}")
        for name, values in (("submit -> running", pickup), ("result -> tree updated", delivery)):
            ms = [v * 1000 for v in values]
            print(f"  {name:24s} p50 {statistics.median(ms):6.3f} ms   "
                  f"p99 {percentile(ms, 0.99):6.3f} ms   max {max(ms):6.3f} ms")
        if wave == 1:
            p50 = max(statistics.median(pickup), statistics.median(delivery)) * 1000
            p99 = max(percentile(pickup, 0.99), percentile(delivery, 0.99)) * 1000
            verdict = (f"dispatch overhead: p50 {p50:.3f} ms (target < 1), p99 {p99:.3f} ms "
                       f"(target < 5)  {'OK' if p50 < 1 and p99 < 5 else 'OVER'}")
    print(verdict)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
