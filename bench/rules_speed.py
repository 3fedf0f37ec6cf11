"""How fast the built-in reviewer is, and that its time grows linearly with the text.

Prints, from one run:
- the handbook (872 pages) analysed by the built-in reviewer: index + every
  section, wall and CPU seconds (target < 3 s);
- for one section of each kind of text - real prose, and the hostile shapes that
  used to take quadratic time (a paragraph without spaces, a run of dots, "the
  the ...", one sentence full of passives, a table row of numbers ...) - the CPU
  time at 1x, 4x and 16x its length, and each time per character relative to
  1x (target: within 1.5 of linear);
- the two cases of issue 11: 1 MB without a space and 64 KB of dots.

CPU time (not wall time) is measured, and the best of a few runs kept, because
the machine is shared; the ratios compare runs made within a few seconds.

    python bench/rules_speed.py [--base 16384]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop_app.ai.local_reviewer import LocalProvider  # noqa: E402
from desktop_app.ai.provider import AnalysisRequest, CancelToken  # noqa: E402
from desktop_app.ai.rules import DocumentIndex, SectionInfo  # noqa: E402
from desktop_app.document import load  # noqa: E402
from desktop_app.review.frameworks import find_framework  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
HANDBOOK = CORPUS / "unstructured" / "example-docs__handbook-872p.docx"
GW = find_framework("General writing quality")
LIMIT = 1.5


def review_section(text: str) -> None:
    """One section, reviewed as the window does: index, the document pass, the request."""
    index = DocumentIndex([SectionInfo("s", "Section", text, 1, False)])
    # Read as a document that reports results, so that the vague-wording and passive-
    # voice rules run on every text (elsewhere they are silent: the worst case is here).
    index.report_like = True
    provider = LocalProvider(index)
    provider.review(AnalysisRequest("s", "Section", text, GW), CancelToken())


def cpu(fn: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def handbook() -> None:
    doc = load(str(HANDBOOK))
    # As the window and `margin review` do: a table of contents is never analysed
    # (asking for one made the reviewer index the document again, 0.8 s each).
    sections = [s for s in doc.walk() if s.reviewable]
    runs = []
    for _ in range(3):
        wall, start = time.perf_counter(), time.process_time()
        provider = LocalProvider.for_document(doc)
        for s in sections:
            provider.review(AnalysisRequest(s.id, s.title, s.text, GW), CancelToken())
        runs.append((time.perf_counter() - wall, time.process_time() - start))
    wall, cpu_s = min(runs, key=lambda r: r[1])
    found = sum(len(provider.review(AnalysisRequest(s.id, s.title, s.text, GW)))
                for s in sections)
    print(f"handbook: {len(sections)} sections, {found} findings; built-in reviewer "
          f"{cpu_s:.2f} s CPU, {wall:.2f} s wall (best of 3; target < 3 s)")


def _prose() -> str:
    """Real prose: the longest section of the handbook."""
    doc = load(str(HANDBOOK))
    return max((s.text for s in doc.walk()), key=len)


def shapes(base: int) -> dict[str, Callable[[int], str]]:
    prose = _prose()

    def cut(unit: str) -> Callable[[int], str]:
        return lambda n: (unit * (n // len(unit) + 1))[:n]

    return {
        "handbook prose": lambda n: (prose * (n // len(prose) + 1))[:n],
        "no spaces": cut("a"),
        "dots": cut("."),
        "dots and spaces": cut(". "),
        "the the": cut("the "),
        "one passive sentence": cut("the change was approved and "),
        "capitals": cut("ABC DEF "),
        "table of numbers": cut("1200 | 1,300 | "),
        "quotes": cut('"a '),
        "angle brackets": cut("<a "),
        "words and dots": cut("word."),
        # Each blank, slot and filler paragraph looks around itself for an instruction to
        # copy a sample, or for lorem ipsum; a short line of a diagram is judged once.
        "blanks": cut("____ x "),
        "slots": cut("<your name> "),
        "lorem ipsum": cut("lorem ipsum dolor sit amet egestas egestas "),
        "short lines": cut("the the\n"),
        "a content word twice": cut("table table "),
    }


def linearity(base: int) -> bool:
    ok = True
    print(f"\nCPU time of one section at 1x, 4x, 16x of {base:,} characters; "
          f"time per character relative to 1x (target <= {LIMIT}):")
    for name, make in shapes(base).items():
        times = []
        for k in (1, 4, 16):
            text = make(base * k)
            times.append(cpu(lambda text=text: review_section(text)))
        r4, r16 = times[1] / (4 * times[0]), times[2] / (16 * times[0])
        good = max(r4, r16) <= LIMIT
        ok &= good
        print(f"  {name:22} {times[0]:7.3f} {times[1]:7.3f} {times[2]:7.3f} s   "
              f"4x: {r4:4.2f}  16x: {r16:4.2f}  {'ok' if good else 'NOT LINEAR'}")
    return ok


def issue_11() -> None:
    for name, text in (("1 MB paragraph without spaces", "a" * (1 << 20)),
                       ("64 KB of dots", "." * (1 << 16))):
        print(f"{name}: {cpu(lambda t=text: review_section(t), repeat=1):.2f} s CPU")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--base", type=int, default=16384, help="characters at 1x")
    args = ap.parse_args()
    if not HANDBOOK.exists():
        print(f"needs the shared corpus at {CORPUS}", file=sys.stderr)
        return 2
    handbook()
    ok = linearity(args.base)
    print()
    issue_11()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
