"""Anchoring benchmark: time to pin quotes in a 20,000-word section.

Builds one long section from the sample document's sentences (varied, so that
passages do not simply repeat), then anchors four kinds of quote a model
returns: verbatim, whitespace/typographic variants, one word changed, and
paraphrases that must stay unanchored (the slowest case: the whole fuzzy search
runs and finds nothing). Prints milliseconds per finding for each kind, and the
ratio to a plain `str.find` of the same quotes measured in the same run.

    python bench/anchor_bench.py [--words N] [--rounds N]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop_app.ai.anchoring import anchor_findings  # noqa: E402
from desktop_app.ai.rules.text import sentences  # noqa: E402
from desktop_app.document import load  # noqa: E402
from desktop_app.review.findings import Finding  # noqa: E402

SAMPLE = ROOT / "resources" / "samples" / "Margin sample - incident investigation.docx"
PER_KIND = 25


def build_section(words: int, rng: random.Random) -> str:
    doc = load(str(SAMPLE))
    pool = [s.text for section in doc.walk() for s in sentences(section.text)
            if len(s.text.split()) >= 8]
    out, count, n = [], 0, 0
    while count < words:
        sentence = rng.choice(pool)
        # Vary figures so that repeated sentences are not identical.
        n += 1
        sentence = sentence.replace(" the ", f" the {n % 97} ", 1)
        out.append(sentence)
        count += len(sentence.split())
    paragraphs = [" ".join(out[i:i + 5]) for i in range(0, len(out), 5)]
    return "\n".join(paragraphs)


def quotes(text: str, rng: random.Random) -> dict[str, list[str]]:
    spans = [s.text for s in sentences(text) if 10 <= len(s.text.split()) <= 40]
    picks = rng.sample(spans, PER_KIND * 3)
    exact = picks[:PER_KIND]
    variant = [p.replace(" ", "  ", 2).replace("'", "\u2019").replace(", ", " ,", 0)
               .replace("-", "\u2013") for p in picks[PER_KIND:2 * PER_KIND]]
    variant = [v if v != p else v.replace(" ", "\n", 1)
               for v, p in zip(variant, picks[PER_KIND:2 * PER_KIND], strict=True)]
    changed = []
    for p in picks[2 * PER_KIND:]:
        words = p.split()
        i = len(words) // 2
        words[i] = "reportedly" if words[i] != "reportedly" else "apparently"
        changed.append(" ".join(words))
    paraphrase = [
        "Engineers spent a long while chasing the payment provider before checking pools.",
        "Nobody noticed the alert because it went to a mailbox nobody reads.",
        "The team agreed to add range checks for pool sizes in the build pipeline.",
        "Customers saw payment failures for most of the morning peak on Thursday.",
        "A canary release would have limited the blast radius to a small share of users.",
    ] * (PER_KIND // 5)
    return {"exact": exact, "variant": variant, "one word changed": changed,
            "paraphrase (unanchored)": paraphrase}


def time_anchor(text: str, qs: list[str]) -> tuple[float, int]:
    findings = [Finding("c", "minor", 0.5, q, "i", "s") for q in qs]
    start = time.perf_counter()
    anchor_findings(text, findings)
    elapsed = time.perf_counter() - start
    for f in findings:
        assert not f.anchored or text[f.start:f.end] == f.quote
    return elapsed, sum(f.anchored for f in findings)


def time_find(text: str, qs: list[str]) -> float:
    start = time.perf_counter()
    for q in qs:
        text.find(q)
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    rng = random.Random(7)
    text = build_section(args.words, rng)
    kinds = quotes(text, rng)
    print(f"section: {len(text.split()):,} words, {len(text):,} characters; "
          f"{PER_KIND} quotes per kind, median of {args.rounds} rounds")
    print(f"{'kind':<26}{'anchored':>10}{'ms/finding':>12}{'str.find ms':>13}{'ratio':>9}")
    for kind, qs in kinds.items():
        ours, base, anchored = [], [], 0
        for _ in range(args.rounds):  # alternate, the machine is shared
            elapsed, anchored = time_anchor(text, qs)
            ours.append(elapsed)
            base.append(time_find(text, qs))
        per = statistics.median(ours) / len(qs) * 1000
        per_find = statistics.median(base) / len(qs) * 1000
        print(f"{kind:<26}{anchored:>7}/{len(qs):<2}{per:>12.2f}{per_find:>13.3f}"
              f"{per / per_find:>8.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
